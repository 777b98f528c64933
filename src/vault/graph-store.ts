/**
 * The graph's edges, kept compactly for cheap incremental updates and a small heap on big vaults.
 *
 * - Node ids are interned: each node that some edge touches has a small number; its id string is stored once.
 *   Numbers of nodes no edge touches any more are recycled, so churning tags or missing names do not pile up.
 * - Each source owns a plain array of packed edges (`target * 16 + kind`): SMIs, no per-edge objects or strings.
 * - Each target keeps its sources as an append-only list (one entry per edge) while it only gains edges — the cold
 *   start case, where an insert is one push — and switches to a source → edge count map on its first removal, so
 *   removing a source stays O(1) however popular the target (a tag with thousands of notes).
 *
 * Graph output (GraphEdge with ids) is materialized on demand by the index. A node other than a note exists
 * exactly while an edge touches it.
 */
import type { EdgeKind } from "./types";

export interface OutEdge {
	kind: EdgeKind;
	target: string;
}

export const EDGE_KINDS: readonly EdgeKind[] = [
	"tagged", "in-series", "mentions", "feedback", "amplifies", "links", "architecture", "memory", "interconnect", "family", "native-format",
];
const KIND_NO = new Map<EdgeKind, number>(EDGE_KINDS.map((k, i) => [k, i]));
const KIND_BITS = 4;
const KIND_MASK = (1 << KIND_BITS) - 1;

export function kindNo(kind: EdgeKind): number {
	return KIND_NO.get(kind) as number;
}

/** A packed edge: target node number and kind number in one small integer. */
export function packEdge(target: number, kind: number): number {
	return target * (KIND_MASK + 1) + kind;
}

export function edgeTarget(packed: number): number {
	return Math.floor(packed / (KIND_MASK + 1));
}

export function edgeKind(packed: number): EdgeKind {
	return EDGE_KINDS[packed & KIND_MASK] as EdgeKind;
}

export function edgeId(kind: EdgeKind, source: string, target: string): string {
	return `${kind}:${source}->${target}`;
}

const NO_EDGES: readonly number[] = [];

export class GraphStore {
	/** Node id → number. */
	private readonly numbers = new Map<string, number>();
	/** Number → node id (undefined: free). */
	private readonly names: (string | undefined)[] = [];
	private readonly freeNumbers: number[] = [];
	/** Number → packed outgoing edges. */
	private readonly out: (readonly number[] | undefined)[] = [];
	/** Number → sources of incoming edges, one entry per edge, while the node has only gained edges. */
	private readonly inList: (number[] | undefined)[] = [];
	/** Number → source → edge count, once an incoming edge was removed. */
	private readonly inMap: (Map<number, number> | undefined)[] = [];
	/** Number → incoming edge count. */
	private readonly inCount: number[] = [];
	/** Nesting of setOut (onEdge may call it again); numbers are recycled when the outermost call ends. */
	private depth = 0;
	private readonly maybeFree: number[] = [];
	/** Told about every edge of a kind in `onEdgeKinds` added or removed (the index keeps concept relations from it). */
	onEdge?: (kind: EdgeKind, target: string, added: boolean) => void;
	/** Bit per kind number (see kindNo): the kinds onEdge hears about (a cold start adds millions of the others). */
	onEdgeKinds = 0;

	/** Node numbers are below this. */
	numberCount(): number {
		return this.names.length;
	}

	/** The id of a node number (undefined: a free number). */
	idAt(n: number): string | undefined {
		return this.names[n];
	}

	/** Packed outgoing edges of a node number. */
	outAt(n: number): readonly number[] | undefined {
		return this.out[n];
	}

	/** Edges in and out of a node number. */
	degreeAt(n: number): number {
		return (this.out[n]?.length ?? 0) + (this.inCount[n] ?? 0);
	}

	/** Whether `n` is (still) the number of node `id`: numbers are recycled, so a number kept elsewhere is checked here. */
	isNumberOf(n: number, id: string): boolean {
		return this.names[n] === id;
	}

	/** The number of a node id, allocating one. Pass it to setOut right away: a number no edge uses is recycled. */
	node(id: string): number {
		let n = this.numbers.get(id);
		if (n === undefined) {
			n = this.freeNumbers.pop() ?? this.names.length;
			this.numbers.set(id, n);
			this.names[n] = id;
			this.out[n] = undefined;
			this.inList[n] = undefined;
			this.inMap[n] = undefined;
			this.inCount[n] = 0;
		}
		return n;
	}

	/**
	 * Replace a source's outgoing edges (packed, see packEdge). Only the difference is applied: new edges are
	 * counted before old ones are dropped, so targets kept by both never blink out.
	 */
	setOut(source: number, edges: readonly number[]): void {
		this.depth++;
		try {
			const old = this.out[source] ?? NO_EDGES;
			this.out[source] = edges.length > 0 ? edges : undefined;
			let same = 0;
			const n = Math.min(old.length, edges.length);
			while (same < n && old[same] === edges[same]) same++;
			let tail = old.length;
			if (tail === edges.length) while (tail > same && old[tail - 1] === edges[tail - 1]) tail--;
			if (same === old.length) {
				for (let i = same; i < edges.length; i++) this.link(source, edges[i] as number, true);
			} else if (tail === same + 1 && old.length === edges.length) {
				// One edge replaced in place (a link now resolving to another note): the difference is that pair.
				this.link(source, edges[same] as number, true);
				this.link(source, old[same] as number, false);
			} else {
				// Multiset difference of the rest: an edit usually adds or drops a few edges among many.
				const gone = new Map<number, number>();
				for (let i = same; i < old.length; i++) { const e = old[i] as number; gone.set(e, (gone.get(e) ?? 0) + 1); }
				for (let i = same; i < edges.length; i++) {
					const e = edges[i] as number;
					const c = gone.get(e);
					if (c === undefined) this.link(source, e, true);
					else if (c === 1) gone.delete(e);
					else gone.set(e, c - 1);
				}
				for (const [e, c] of gone) for (let k = 0; k < c; k++) this.link(source, e, false);
			}
			if (edges.length === 0) this.maybeFree.push(source);
		} finally {
			if (--this.depth === 0) this.recycle();
		}
	}

	/** The packed edges last given to setOut for a node number (the same array), if it has any. */
	packedOut(source: number): readonly number[] | undefined {
		return this.out[source];
	}

	/** Replace a node's outgoing edges, by id (concept relations: few edges). */
	setOutNamed(source: string, edges: readonly OutEdge[]): void {
		const s = this.node(source);
		this.setOut(s, edges.map((e) => packEdge(this.node(e.target), kindNo(e.kind))));
	}

	outOf(source: string): OutEdge[] {
		const n = this.numbers.get(source);
		const out = n === undefined ? undefined : this.out[n];
		return out ? out.map((e) => ({ kind: edgeKind(e), target: this.names[edgeTarget(e)] as string })) : [];
	}

	/** Whether `source` has an edge of `kind` to `target`. */
	hasEdge(source: string, kind: EdgeKind, target: string): boolean {
		const s = this.numbers.get(source);
		const t = this.numbers.get(target);
		if (s === undefined || t === undefined) return false;
		return (this.out[s] ?? NO_EDGES).includes(packEdge(t, kindNo(kind)));
	}

	/** Sources with edges into `target`, each once. */
	sourcesOf(target: string): string[] {
		const t = this.numbers.get(target);
		if (t === undefined) return [];
		const map = this.inMap[t];
		const sources = map ? map.keys() : new Set(this.inList[t] ?? NO_EDGES);
		return Array.from(sources, (s) => this.names[s] as string);
	}

	/** The smallest (by string order) id of a source with edges into `target`. */
	firstSource(target: string): string | undefined {
		const t = this.numbers.get(target);
		if (t === undefined) return undefined;
		let first: string | undefined;
		const visit = (s: number): void => {
			const name = this.names[s] as string;
			if (first === undefined || name < first) first = name;
		};
		const map = this.inMap[t];
		if (map) for (const s of map.keys()) visit(s);
		else for (const s of this.inList[t] ?? NO_EDGES) visit(s);
		return first;
	}

	/** Whether a non-note node exists (some edge touches it). */
	touched(id: string): boolean {
		return this.numbers.has(id);
	}

	degree(id: string): number {
		const n = this.numbers.get(id);
		return n === undefined ? 0 : (this.out[n]?.length ?? 0) + (this.inCount[n] as number);
	}

	/** Every node id that has an edge. */
	nodeIds(): IterableIterator<string> {
		return this.numbers.keys();
	}

	/** Every edge, as (source, target, kind) ids. */
	forEachEdge(fn: (source: string, target: string, kind: EdgeKind) => void): void {
		const names = this.names;
		for (let s = 0; s < this.out.length; s++) {
			const out = this.out[s];
			if (!out) continue;
			const source = names[s] as string;
			for (const e of out) fn(source, names[edgeTarget(e)] as string, edgeKind(e));
		}
	}

	private link(source: number, packed: number, added: boolean): void {
		const target = edgeTarget(packed);
		if (added) {
			this.inCount[target] = (this.inCount[target] as number) + 1;
			const map = this.inMap[target];
			if (map) map.set(source, (map.get(source) ?? 0) + 1);
			else {
				const list = this.inList[target];
				if (list) list.push(source);
				else this.inList[target] = [source];
			}
		} else {
			let map = this.inMap[target];
			if (!map) {
				map = new Map();
				for (const s of this.inList[target] ?? NO_EDGES) map.set(s, (map.get(s) ?? 0) + 1);
				this.inMap[target] = map;
				this.inList[target] = undefined;
			}
			const c = (map.get(source) ?? 0) - 1;
			if (c > 0) map.set(source, c);
			else map.delete(source);
			const count = (this.inCount[target] as number) - 1;
			this.inCount[target] = count;
			if (count === 0) this.maybeFree.push(target);
		}
		if (((this.onEdgeKinds >>> (packed & KIND_MASK)) & 1) === 1) this.onEdge?.(edgeKind(packed), this.names[target] as string, added);
	}

	/** Give back the numbers of nodes no edge touches. */
	private recycle(): void {
		for (const n of this.maybeFree) {
			const name = this.names[n];
			if (name === undefined || this.out[n] !== undefined || (this.inCount[n] as number) > 0) continue;
			this.numbers.delete(name);
			this.names[n] = undefined;
			this.inList[n] = undefined;
			this.inMap[n] = undefined;
			this.freeNumbers.push(n);
		}
		this.maybeFree.length = 0;
	}
}
