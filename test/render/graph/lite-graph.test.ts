/** LiteGraph (the drawing's graph for sigma) and the small EventEmitter bundled for sigma. */
import { describe, expect, it } from "vitest";
import { LiteGraph } from "../../../src/render/graph/lite-graph";
import { EventEmitter } from "../../../src/render/graph/tiny-events";
import isGraph from "graphology-utils/is-graph";

describe("LiteGraph", () => {
	it("passes sigma's isGraph check and emits graphology's events with its payloads", () => {
		const g = new LiteGraph<{ x: number }, { w: number }>();
		expect(isGraph(g)).toBe(true);
		const seen: string[] = [];
		for (const name of ["nodeAdded", "edgeAdded", "edgeDropped", "nodeDropped", "nodeAttributesUpdated", "edgeAttributesUpdated", "eachNodeAttributesUpdated", "eachEdgeAttributesUpdated", "cleared"]) {
			g.on(name, (p: { key?: string; hints?: { attributes?: string[] } | null }) => seen.push(`${name}:${p?.key ?? JSON.stringify(p?.hints ?? null)}`));
		}
		g.addNode("a", { x: 1 });
		g.addNode("b", { x: 2 });
		g.addNode("c", { x: 3 });
		g.addDirectedEdgeWithKey("ab", "a", "b", { w: 1 });
		g.addDirectedEdgeWithKey("ab2", "a", "b", { w: 2 });
		g.addDirectedEdgeWithKey("ca", "c", "a", { w: 3 });
		expect([g.order, g.size]).toEqual([3, 3]);
		expect(g.neighbors("a").sort()).toEqual(["b", "c"]);
		expect(g.extremities("ca")).toEqual(["c", "a"]);
		const incident: string[] = [];
		g.forEachEdge("a", (e, attrs, s, t, sa) => incident.push(`${e}:${s}->${t}:${attrs.w}:${sa.x}`));
		expect(incident.sort()).toEqual(["ab2:a->b:2:1", "ab:a->b:1:1", "ca:c->a:3:3"]);
		g.replaceNodeAttributes("a", { x: 9 });
		g.replaceEdgeAttributes("ab", { w: 7 });
		g.updateEachNodeAttributes((_k, a) => ({ x: a.x + 1 }), { attributes: ["x"] });
		g.updateEachEdgeAttributes((_k, a) => a);
		expect(g.getNodeAttributes("a").x).toBe(10);
		expect(g.getEdgeAttributes("ab").w).toBe(7);
		g.dropNode("a");
		expect([g.order, g.size, g.hasEdge("ca"), g.neighbors("c")]).toEqual([2, 0, false, []]);
		expect(() => g.dropEdge("ab")).toThrow();
		expect(() => g.addDirectedEdgeWithKey("x", "b", "nope", { w: 0 })).toThrow();
		g.clear();
		expect(seen).toEqual([
			"nodeAdded:a", "nodeAdded:b", "nodeAdded:c", "edgeAdded:ab", "edgeAdded:ab2", "edgeAdded:ca",
			"nodeAttributesUpdated:a", "edgeAttributesUpdated:ab", 'eachNodeAttributesUpdated:{"attributes":["x"]}', "eachEdgeAttributesUpdated:null",
			"edgeDropped:ab", "edgeDropped:ab2", "edgeDropped:ca", "nodeDropped:a", "cleared:null",
		]);
		expect(g.nodes()).toEqual([]);
	});
});

describe("tiny EventEmitter", () => {
	it("calls listeners in order with the emitter as this, once, removal during emit, removeAllListeners", () => {
		const e = new EventEmitter();
		const calls: string[] = [];
		const a = function (this: unknown, v: number) { calls.push(`a${v}${this === e ? "" : "!"}`); };
		const b = (v: number) => { calls.push(`b${v}`); e.removeListener("x", a); };
		e.on("x", a);
		e.on("x", b);
		e.once("x", (v: number) => calls.push(`once${v}`));
		expect(e.emit("x", 1)).toBe(true);
		expect(e.emit("x", 2)).toBe(true);
		expect(calls).toEqual(["a1", "b1", "once1", "b2"]);
		expect(e.listenerCount("x")).toBe(1);
		e.removeAllListeners();
		expect(e.emit("x", 3)).toBe(false);
	});
});
