/**
 * The graph's edges, kept compactly for cheap incremental updates: each source node (a note, or a concept with
 * catalog relations) owns a list of outgoing edges, and each target knows which sources point at it and how often.
 *
 * No per-edge objects or id strings are kept: an edit costs two map updates per edge of the edited note. Graph
 * output (GraphEdge with ids) is materialized on demand by the index. A node other than a note exists exactly
 * while an edge touches it.
 */
import type { EdgeKind } from "./types";

export interface OutEdge {
	kind: EdgeKind;
	target: string;
}

function sameEdge(a: OutEdge, b: OutEdge): boolean {
	return a === b || (a.kind === b.kind && a.target === b.target);
}

export function edgeId(kind: EdgeKind, source: string, target: string): string {
	return `${kind}:${source}->${target}`;
}

export class GraphStore {
	private readonly out = new Map<string, readonly OutEdge[]>();
	/** target → source → number of edges from source to target (a note may link one note as feedback and as a link). */
	private readonly incoming = new Map<string, Map<string, number>>();
	/** Told about every edge added or removed (the index keeps concept relations from it). */
	onEdge?: (kind: EdgeKind, target: string, added: boolean) => void;

	/**
	 * Replace `source`'s outgoing edges. New edges are counted before old ones are dropped, so targets kept by both
	 * never blink out. A leading run of edges equal in both lists is left alone: a note re-synced because one of its
	 * links resolves differently keeps its tag and concept edges (which come first) untouched.
	 */
	setOut(source: string, edges: readonly OutEdge[]): void {
		const old = this.out.get(source);
		let same = 0;
		if (old) {
			const n = Math.min(old.length, edges.length);
			while (same < n && sameEdge(old[same] as OutEdge, edges[same] as OutEdge)) same++;
		}
		if (edges.length > 0) this.out.set(source, edges);
		else this.out.delete(source);
		for (let i = same; i < edges.length; i++) { const e = edges[i] as OutEdge; this.count(e.kind, source, e.target, 1); }
		if (old) for (let i = same; i < old.length; i++) { const e = old[i] as OutEdge; this.count(e.kind, source, e.target, -1); }
	}

	outOf(source: string): readonly OutEdge[] {
		return this.out.get(source) ?? [];
	}

	/** Sources with edges into `target`. */
	sourcesOf(target: string): IterableIterator<string> {
		return (this.incoming.get(target) ?? new Map<string, number>()).keys();
	}

	/** Whether a non-note node exists (some edge touches it). */
	touched(id: string): boolean {
		return this.incoming.has(id) || this.out.has(id);
	}

	degree(id: string): number {
		let d = this.out.get(id)?.length ?? 0;
		for (const n of this.incoming.get(id)?.values() ?? []) d += n;
		return d;
	}

	/** Every node id that has an edge. */
	nodeIds(): Set<string> {
		return new Set([...this.out.keys(), ...this.incoming.keys()]);
	}

	sources(): IterableIterator<[string, readonly OutEdge[]]> {
		return this.out.entries();
	}

	private count(kind: EdgeKind, source: string, target: string, delta: 1 | -1): void {
		let from = this.incoming.get(target);
		if (!from) {
			if (delta < 0) return;
			from = new Map();
			this.incoming.set(target, from);
		}
		const n = (from.get(source) ?? 0) + delta;
		if (n > 0) from.set(source, n);
		else {
			from.delete(source);
			if (from.size === 0) this.incoming.delete(target);
		}
		this.onEdge?.(kind, target, delta > 0);
	}
}
