/**
 * Positions for nodes the view has not placed yet: a cached position if there is one, else next to the nodes it is
 * linked to (so a new note appears beside its neighbours instead of triggering a relayout), else near its own kind,
 * else on a disc around the drawing. Deterministic (jitter from a hash of the id), so tests can check it. Pure.
 */
import type { GraphModel, ModelNode } from "./model";

export type PositionLookup = (id: string) => { x: number; y: number } | undefined;

/** A number in [0, 1) from a string (FNV-1a), stable across runs. */
export function hashUnit(s: string, salt = 0): number {
	let h = 2166136261 ^ salt;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
	h = Math.imul(h ^ (h >>> 15), 2246822507);
	h = Math.imul(h ^ (h >>> 13), 3266489909);
	return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export const placed = (n: ModelNode): boolean => Number.isFinite(n.x) && Number.isFinite(n.y);

/** Typical edge length among placed nodes (median of up to 500 edges); 1 when nothing is placed yet. */
export function typicalEdgeLength(model: GraphModel): number {
	const lengths: number[] = [];
	for (const e of model.edges.values()) {
		const a = model.nodes.get(e.source);
		const b = model.nodes.get(e.target);
		if (!a || !b || !placed(a) || !placed(b)) continue;
		const d = Math.hypot(a.x - b.x, a.y - b.y);
		if (d > 0) lengths.push(d);
		if (lengths.length >= 500) break;
	}
	if (lengths.length === 0) return 1;
	lengths.sort((p, q) => p - q);
	return lengths[Math.floor(lengths.length / 2)] as number;
}

/**
 * Place `ids` (nodes of `model` without a position). Returns how many were placed next to a neighbour, from the
 * cache, and elsewhere.
 */
export function placeNodes(model: GraphModel, ids: Iterable<string>, cached?: PositionLookup): { fromCache: number; nearNeighbours: number; elsewhere: number } {
	const stats = { fromCache: 0, nearNeighbours: 0, elsewhere: 0 };
	let pending: ModelNode[] = [];
	for (const id of ids) {
		const n = model.nodes.get(id);
		if (!n || placed(n)) continue;
		const hit = cached?.(id);
		if (hit && Number.isFinite(hit.x) && Number.isFinite(hit.y)) {
			n.x = hit.x;
			n.y = hit.y;
			stats.fromCache++;
		} else pending.push(n);
	}
	if (pending.length === 0) return stats;
	const spacing = typicalEdgeLength(model);
	// Next to placed neighbours, in waves: a chain of new nodes grows out from the placed graph.
	for (;;) {
		const rest: ModelNode[] = [];
		const wave: [ModelNode, number, number][] = [];
		for (const n of pending) {
			let sx = 0;
			let sy = 0;
			let k = 0;
			for (const other of model.neighbours(n.id)) {
				const o = model.nodes.get(other);
				if (o && placed(o)) { sx += o.x; sy += o.y; k++; }
			}
			if (k === 0) rest.push(n);
			else wave.push([n, sx / k, sy / k]);
		}
		// Positions are assigned after the wave is measured, so the order of `ids` does not matter.
		for (const [n, cx, cy] of wave) {
			const angle = 2 * Math.PI * hashUnit(n.id);
			const r = spacing * (0.5 + 0.5 * hashUnit(n.id, 1));
			n.x = cx + r * Math.cos(angle);
			n.y = cy + r * Math.sin(angle);
			stats.nearNeighbours++;
		}
		pending = rest;
		if (wave.length === 0 || pending.length === 0) break;
	}
	if (pending.length === 0) return stats;
	// No placed neighbour: near the placed nodes of the same kind, else on a disc sized for the whole graph.
	const byKind = new Map<string, { x: number; y: number; k: number }>();
	let cx = 0;
	let cy = 0;
	let count = 0;
	for (const n of model.nodes.values()) {
		if (!placed(n)) continue;
		const c = byKind.get(n.kind) ?? { x: 0, y: 0, k: 0 };
		c.x += n.x; c.y += n.y; c.k++;
		byKind.set(n.kind, c);
		cx += n.x; cy += n.y; count++;
	}
	const radius = spacing * Math.sqrt(model.nodes.size);
	for (const n of pending) {
		const angle = 2 * Math.PI * hashUnit(n.id);
		const c = byKind.get(n.kind);
		const r = c ? spacing * (1 + hashUnit(n.id, 1)) : radius * Math.sqrt(hashUnit(n.id, 1));
		const ox = c ? c.x / c.k : count > 0 ? cx / count : 0;
		const oy = c ? c.y / c.k : count > 0 ? cy / count : 0;
		n.x = ox + r * Math.cos(angle);
		n.y = oy + r * Math.sin(angle);
		stats.elsewhere++;
	}
	return stats;
}
