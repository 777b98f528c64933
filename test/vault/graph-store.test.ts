/**
 * The compact graph store against a naive model: random sequences of setOut (cold appends, edits, removals, the
 * same target twice from one source) must give the same edges, sources, degrees and node set; numbers of nodes
 * no edge touches any more are recycled, and onEdge sees every added and removed edge.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GraphStore, kindNo, packEdge, type OutEdge } from "../../src/vault/graph-store";
import type { EdgeKind } from "../../src/vault/types";

const NODES = ["note:a", "note:b", "note:c", "tag:x", "tag:y", "missing:z", "gpu:h100"];
const KINDS: EdgeKind[] = ["tagged", "mentions", "links", "feedback"];

const edgeList = fc.array(fc.record({ kind: fc.constantFrom(...KINDS), target: fc.constantFrom(...NODES) }), { maxLength: 6 });
const op = fc.record({ source: fc.constantFrom(...NODES.slice(0, 3)), edges: edgeList });

describe("GraphStore", () => {
	it("matches a naive model for random edit sequences", () => {
		fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
			const store = new GraphStore();
			const model = new Map<string, OutEdge[]>();
			const events = new Map<string, number>();
			store.onEdge = (kind, target, added) => { const k = `${kind}>${target}`; events.set(k, (events.get(k) ?? 0) + (added ? 1 : -1)); };
			for (const { source, edges } of ops) {
				const packed = edges.map((e) => packEdge(store.node(e.target), kindNo(e.kind)));
				store.setOut(store.node(source), packed);
				if (edges.length > 0) model.set(source, edges);
				else model.delete(source);
			}
			const all: string[] = [];
			store.forEachEdge((s, t, k) => all.push(`${k}:${s}->${t}`));
			const expected = [...model].flatMap(([s, es]) => es.map((e) => `${e.kind}:${s}->${e.target}`));
			expect(all.sort()).toEqual(expected.sort());
			const touched = new Set([...model.keys(), ...[...model.values()].flatMap((es) => es.map((e) => e.target))]);
			expect([...store.nodeIds()].sort()).toEqual([...touched].sort());
			for (const id of NODES) {
				const incoming = [...model].flatMap(([s, es]) => es.filter((e) => e.target === id).map(() => s));
				expect(store.sourcesOf(id).sort()).toEqual([...new Set(incoming)].sort());
				expect(store.firstSource(id)).toBe(incoming.length > 0 ? [...incoming].sort()[0] : undefined);
				expect(store.degree(id)).toBe((model.get(id)?.length ?? 0) + incoming.length);
				expect(store.touched(id)).toBe(touched.has(id));
			}
			const counted = new Map<string, number>();
			for (const es of model.values()) for (const e of es) counted.set(`${e.kind}>${e.target}`, (counted.get(`${e.kind}>${e.target}`) ?? 0) + 1);
			for (const [k, n] of events) expect(n, k).toBe(counted.get(k) ?? 0);
		}), { numRuns: 300 });
	});

	it("recycles node numbers, so churning targets do not grow it", () => {
		const store = new GraphStore();
		const src = (): number => store.node("note:a");
		for (let i = 0; i < 1000; i++) store.setOut(src(), [packEdge(store.node(`tag:t${i}`), kindNo("tagged")), packEdge(store.node("tag:keep"), kindNo("tagged"))]);
		expect([...store.nodeIds()].sort()).toEqual(["note:a", "tag:keep", "tag:t999"]);
		// At most the live nodes plus one being replaced were ever numbered at once.
		expect(store.node("tag:new")).toBeLessThan(5);
		store.setOut(src(), []);
		expect(store.touched("note:a")).toBe(false);
	});
});
