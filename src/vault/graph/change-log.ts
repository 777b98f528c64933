/**
 * What changed in the graph, revision by revision, so a view can follow the index without re-materialising the
 * whole graph (at 50k notes graph() builds ~2.9 M edge objects). The index records each edge the store adds or
 * removes and each note node that joins, leaves or is renamed; `VaultIndex.changesSince` folds the records after a
 * revision into a GraphChanges.
 *
 * Bounded: nothing is recorded until someone asks (a view opened: the CLI and the plugin without the view keep no
 * log), and a cold start (a batch on an empty index), a catalog change, or more than MAX_RECORDS records start the
 * log over at the current revision; older revisions then get `undefined` ("redraw").
 */

/** Records kept before the log starts over (~4 MB). */
const MAX_RECORDS = 100_000;

export class ChangeLog {
	/** changesSince(r) can answer for r >= floor. */
	floor = 0;
	private readonly revs: number[] = [];
	private readonly sources: string[] = [];
	private readonly targets: string[] = [];
	/** The store's change code (see GraphStore.changes), or 0 for a note node event (target unused). */
	private readonly codes: number[] = [];
	/** Note node events: whether the note was a graph node before the event. */
	private readonly wasNode: boolean[] = [];
	/** Not recording (a cold start): everything is new anyway. */
	paused = false;
	/** Someone reads the log: until then nothing is recorded. */
	watched = false;

	/** An edge change visible from revision `rev` on. */
	edge(rev: number, source: string, target: string, code: number): void {
		if (this.paused || !this.watched) return;
		this.push(rev, source, target, code, false);
	}

	/** A note node joined, left, or changed its label, visible from revision `rev` on. */
	note(rev: number, id: string, wasNode: boolean): void {
		if (this.paused || !this.watched) return;
		this.push(rev, id, "", 0, wasNode);
	}

	/**
	 * A node's label may have changed without any edge changing (a tag respelled in the note that names it first).
	 * Recorded as a note event with target "label".
	 */
	label(rev: number, id: string): void {
		if (this.paused || !this.watched) return;
		this.push(rev, id, "label", 0, true);
	}

	/** Forget everything: revisions before `rev` can no longer be answered. */
	startOver(rev: number): void {
		this.floor = rev;
		this.revs.length = 0;
		this.sources.length = 0;
		this.targets.length = 0;
		this.codes.length = 0;
		this.wasNode.length = 0;
	}

	/**
	 * Start recording (a view drew the graph at revision `rev`): changes after it will be answered. Until the first
	 * call nothing was recorded, so earlier revisions are not.
	 */
	watch(rev: number): void {
		if (this.watched) return;
		this.watched = true;
		this.floor = Math.max(this.floor, rev);
	}

	/** Each record after revision `rev`, oldest first; false when `rev` is older than the log. */
	forEachSince(rev: number, fn: (source: string, target: string, code: number, wasNode: boolean) => void): boolean {
		if (rev < this.floor || !this.watched) return false;
		// Records are in revision order: find the first one after `rev` by bisection.
		let lo = 0;
		let hi = this.revs.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if ((this.revs[mid] as number) <= rev) lo = mid + 1;
			else hi = mid;
		}
		for (let i = lo; i < this.revs.length; i++) fn(this.sources[i] as string, this.targets[i] as string, this.codes[i] as number, this.wasNode[i] as boolean);
		return true;
	}

	private push(rev: number, source: string, target: string, code: number, wasNode: boolean): void {
		if (this.revs.length >= MAX_RECORDS) this.startOver(rev);
		this.revs.push(rev);
		this.sources.push(source);
		this.targets.push(target);
		this.codes.push(code);
		this.wasNode.push(wasNode);
	}
}
