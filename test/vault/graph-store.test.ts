/**
 * The compact graph store against a naive model: random sequences of setOut (cold appends, edits, removals, the
 * same target twice from one source) must give the same edges, sources, degrees and node set; numbers of nodes
 * no edge touches any more are recycled, and `changes` records every added and removed edge.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GraphStore, changeKind, edgeKind, edgeTarget, kindNo, packEdge } from "../../src/vault/graph/store";
import type { EdgeKind } from "../../src/vault/types";

const NODES = ["note:a", "note:b", "note:c", "tag:x", "tag:y", "missing:z", "gpu:h100"];
const KINDS: EdgeKind[] = ["tagged", "mentions", "links", "feedback"];

interface OutEdge { kind: EdgeKind; target: string }
const edgeList = fc.array(fc.record({ kind: fc.constantFrom(...KINDS), target: fc.constantFrom(...NODES) }), { maxLength: 6 });
const op = fc.record({ source: fc.constantFrom(...NODES.slice(0, 3)), edges: edgeList });

function nodeIds(store: GraphStore): string[] {
	const out: string[] = [];
	for (let n = 0; n < store.numberCount(); n++) { const id = store.idAt(n); if (id !== undefined) out.push(id); }
	return out;
}

function allEdges(store: GraphStore): string[] {
	const out: string[] = [];
	for (let s = 0; s < store.numberCount(); s++) {
		for (const e of store.outAt(s) ?? []) out.push(`${edgeKind(e)}:${store.idAt(s)}->${store.idAt(edgeTarget(e))}`);
	}
	return out;
}

describe("GraphStore", () => {
	it("matches a naive model for random edit sequences", () => {
		fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
			const store = new GraphStore();
			const model = new Map<string, OutEdge[]>();
			const events = new Map<string, number>();
			for (const { source, edges } of ops) {
				const packed = edges.map((e) => packEdge(store.node(e.target), kindNo(e.kind)));
				store.setOut(store.node(source), packed);
				for (let i = 0; i < store.changes.length; i += 3) {
					const [kind, added] = changeKind(store.changes[i + 2] as number);
					expect(store.changes[i]).toBe(source);
					const k = `${kind}>${store.changes[i + 1] as string}`;
					events.set(k, (events.get(k) ?? 0) + (added ? 1 : -1));
				}
				store.changes.length = 0;
				if (edges.length > 0) model.set(source, edges);
				else model.delete(source);
			}
			const expected = [...model].flatMap(([s, es]) => es.map((e) => `${e.kind}:${s}->${e.target}`));
			expect(allEdges(store).sort()).toEqual(expected.sort());
			const touched = new Set([...model.keys(), ...[...model.values()].flatMap((es) => es.map((e) => e.target))]);
			expect(nodeIds(store).sort()).toEqual([...touched].sort());
			for (const id of NODES) {
				const incoming = [...model].flatMap(([s, es]) => es.filter((e) => e.target === id).map(() => s));
				const n = store.numberOf(id);
				expect(n !== undefined).toBe(touched.has(id));
				if (n === undefined) continue;
				const sources: string[] = [];
				store.forEachSourceAt(n, (s) => sources.push(store.idAt(s) as string));
				expect(sources.sort()).toEqual([...new Set(incoming)].sort());
				expect(store.degreeAt(n)).toBe((model.get(id)?.length ?? 0) + incoming.length);
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
		expect(nodeIds(store).sort()).toEqual(["note:a", "tag:keep", "tag:t999"]);
		// At most the live nodes plus one being replaced were ever numbered at once.
		expect(store.node("tag:new")).toBeLessThan(5);
		store.setOut(src(), []);
		expect(store.numberOf("note:a")).toBeUndefined();
	});
});
