/**
 * Local mode: the nodes within `depth` steps of a focus node over the edge kinds shown, nearest first, capped so a
 * hub (a GPU half the vault mentions) cannot turn the local view into the whole vault. Pure.
 */
import type { Graph } from "./source";
import type { ViewEdgeKind } from "./state";

export interface Neighbourhood {
	/** Node ids kept, the focus first, then by distance. */
	nodes: string[];
	/** Distance from the focus, per kept node. */
	distance: Map<string, number>;
	/** Nodes within reach before the cap. */
	reachable: number;
}

/**
 * Breadth-first over `graph` (usually the index's localGraph, which walks every edge kind) using only edges of
 * `kinds`, in either direction. Within one ring, better-connected nodes come first, so the cap drops the leaves.
 */
export function neighbourhood(graph: Graph, focus: string, depth: number, kinds: ReadonlySet<ViewEdgeKind>, cap: number): Neighbourhood {
	const adjacent = new Map<string, string[]>();
	const degree = new Map<string, number>();
	for (const n of graph.nodes) degree.set(n.id, n.degree);
	const link = (a: string, b: string) => {
		const list = adjacent.get(a);
		if (list) list.push(b);
		else adjacent.set(a, [b]);
	};
	for (const e of graph.edges) {
		if (!kinds.has(e.kind)) continue;
		link(e.source, e.target);
		link(e.target, e.source);
	}
	const distance = new Map<string, number>();
	if (!degree.has(focus)) return { nodes: [], distance, reachable: 0 };
	distance.set(focus, 0);
	const order = [focus];
	let ring = [focus];
	for (let d = 1; d <= depth && ring.length > 0; d++) {
		const next: string[] = [];
		for (const id of ring) {
			for (const other of adjacent.get(id) ?? []) {
				if (distance.has(other)) continue;
				distance.set(other, d);
				next.push(other);
			}
		}
		next.sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
		order.push(...next);
		ring = next;
	}
	const kept = order.slice(0, Math.max(1, cap));
	if (kept.length < order.length) for (const id of order.slice(kept.length)) distance.delete(id);
	return { nodes: kept, distance, reachable: order.length };
}
