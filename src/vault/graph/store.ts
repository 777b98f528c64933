/**
 * The graph's edges, kept compactly for cheap incremental updates and a small heap on big vaults (it measured ~14×
 * less memory than graphology holding the same edges).
 *
 * - Node ids are interned: each node that some edge touches has a small number; its id string is stored once.
 *   Numbers of nodes no edge touches any more are recycled, so churning tags or missing names do not pile up.
 * - Each source owns a plain array of packed edges (`target * 16 + kind`): SMIs, no per-edge objects or strings.
 * - Each target keeps its sources as an append-only list (one entry per edge) while it only gains edges — the cold
 *   start case, where an insert is one push — and switches to a source → edge count map on its first removal, so
 *   removing a source stays O(1) however popular the target (a tag with thousands of notes).
 * - Every edge added or removed is written to `changes`, for the index to read after each setOut (concept relations,
 *   the view's change log). The store never calls out while it works.
 *
 * A node other than a note exists exactly while an edge touches it.
 */
import type { EdgeKind } from "../types";

const EDGE_KINDS: readonly EdgeKind[] = [
	"tagged", "in-series", "mentions", "feedback", "amplifies", "links", "architecture", "memory", "interconnect", "family", "native-format",
];
const KIND_NO = new Map<EdgeKind, number>(EDGE_KINDS.map((k, i) => [k, i]));
const KIND_BITS = 4;
const KIND_MASK = (1 << KIND_BITS) - 1;
const ALL_KINDS = (1 << EDGE_KINDS.length) - 1;

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

/** The recordKinds bits of some kinds. */
export function kindBits(kinds: readonly EdgeKind[]): number {
	let bits = 0;
	for (const k of kinds) bits |= 1 << kindNo(k);
	return bits;
}

/** A `changes` code → [kind, added]. */
export function changeKind(code: number): [EdgeKind, boolean] {
	return [EDGE_KINDS[Math.abs(code) - 1] as EdgeKind, code > 0];
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
	private readonly maybeFree: number[] = [];
	/**
	 * Edges changed since the reader last emptied it, as triples: source id, target id, and the kind number plus one,
	 * positive for an added edge and negative for a removed one (see changeKind). Ids, not numbers: a number whose
	 * node lost its last edge is recycled when setOut returns.
	 */
	readonly changes: (string | number)[] = [];
	/** Bit per kind number (see kindNo): the kinds written to `changes` (a cold start makes millions of the others). */
	recordKinds = ALL_KINDS;

	/** Node numbers are below this. */
	numberCount(): number {
		return this.names.length;
	}

	/** The id of a node number (undefined: a free number). */
	idAt(n: number): string | undefined {
		return this.names[n];
	}

	/** The number of a node id, if some edge touches it. */
	numberOf(id: string): number | undefined {
		return this.numbers.get(id);
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
		this.recycle();
	}

	/** The packed edges last given to setOut for a node number (the same array), if it has any. */
	packedOut(source: number): readonly number[] | undefined {
		return this.out[source];
	}

	/** Each source number with edges into target number `t` (once each). */
	forEachSourceAt(t: number, fn: (source: number) => void): void {
		const map = this.inMap[t];
		if (map) { for (const s of map.keys()) fn(s); return; }
		const list = this.inList[t];
		if (list === undefined) return;
		if (list.length === 1) { fn(list[0] as number); return; }
		for (const s of new Set(list)) fn(s);
	}

	/** Outgoing edges of a node id, as (kind, target id). */
	outOf(source: string): { kind: EdgeKind; target: string }[] {
		const n = this.numbers.get(source);
		const out = n === undefined ? undefined : this.out[n];
		return out ? out.map((e) => ({ kind: edgeKind(e), target: this.names[edgeTarget(e)] as string })) : [];
	}

	private link(source: number, packed: number, added: boolean): void {
		const target = edgeTarget(packed);
		const kind = packed & KIND_MASK;
		if (((this.recordKinds >>> kind) & 1) === 1) this.changes.push(this.names[source] as string, this.names[target] as string, added ? kind + 1 : -kind - 1);
		if (added) {
			this.inCount[target] = (this.inCount[target] as number) + 1;
			const map = this.inMap[target];
			if (map) map.set(source, (map.get(source) ?? 0) + 1);
			else {
				const list = this.inList[target];
				if (list) list.push(source);
				else this.inList[target] = [source];
			}
			return;
		}
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

	/** Give back the numbers of nodes no edge touches. */
	private recycle(): void {
		if (this.maybeFree.length === 0) return;
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
