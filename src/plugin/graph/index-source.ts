/**
 * The graph view's only contact with the vault index: GraphSource over VaultIndex's public queries. No `obsidian`
 * import (unit-tested in Node).
 *
 * Queries used: revision, graphOf (a first draw, a redraw), changesSince (every update after that), localGraph,
 * notesMentioning, diagnostics, noteIdFor, parsed. Never graph(): the view never materializes the whole graph.
 */
import type { EdgeKind, Graph, GraphChanges, VaultIndex } from "../../vault/index";
import type { GraphSource, Problem } from "../../render/graph/source";

/** Index revisions restart at 0 when the plugin rebuilds its index: each index gets its own range of view revisions. */
const EPOCH = 2 ** 32;

export class IndexGraphSource implements GraphSource {
	private current: VaultIndex | undefined;
	private epoch = 0;

	constructor(private readonly indexOf: () => VaultIndex | undefined) {}

	/** The index now, noting when the plugin replaced it (a rebuild), which voids every revision handed out. */
	private index(): VaultIndex | undefined {
		const index = this.indexOf();
		if (index !== this.current) {
			this.current = index;
			this.epoch++;
		}
		return index;
	}

	revision(): number {
		const index = this.index();
		return this.epoch * EPOCH + (index?.revision ?? 0);
	}

	graphOf(kinds: ReadonlySet<EdgeKind>): Graph {
		return this.index()?.graphOf(kinds) ?? { nodes: [], edges: [] };
	}

	changesSince(revision: number, kinds: ReadonlySet<EdgeKind>): GraphChanges | undefined {
		const index = this.index();
		if (!index || Math.floor(revision / EPOCH) !== this.epoch) return undefined;
		const changes = index.changesSince(revision % EPOCH, kinds);
		return changes && { ...changes, revision: this.epoch * EPOCH + changes.revision };
	}

	localGraph(nodeId: string, depth: number): Graph {
		return this.index()?.localGraph(nodeId, depth) ?? { nodes: [], edges: [] };
	}

	notesMentioning(conceptId: string): string[] {
		return this.index()?.notesMentioning(conceptId) ?? [];
	}

	problems(): Problem[] {
		return this.index()?.diagnostics() ?? [];
	}

	noteIdFor(path: string): string {
		return this.index()?.noteIdFor(path) ?? `note:${path}`;
	}

	seriesTagsOf(path: string): string[] {
		return this.index()?.parsed(path)?.series.map((s) => s.display) ?? [];
	}
}
