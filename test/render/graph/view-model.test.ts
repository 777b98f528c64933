/**
 * The graph view's model without a browser: filters, the local neighbourhood, styling by kind, search with catalog
 * aliases, placement of new nodes, the saved state, and the index adapter.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../src/estimator/catalog";
import { catalogResolver } from "../../../src/render/graph/catalog-match";
import { GraphModel } from "../../../src/render/graph/model";
import { neighbourhood } from "../../../src/render/graph/neighbourhood";
import { hashUnit, placeNodes, typicalEdgeLength } from "../../../src/render/graph/placement";
import { NodeSearch, searchKey } from "../../../src/render/graph/search";
import type { Graph, NodeKind } from "../../../src/render/graph/source";
import { defaultFilters, defaultViewState, EDGE_KINDS, fetchedKinds, localEdgeKinds, NODE_KINDS, readViewState } from "../../../src/render/graph/state";
import { EDGE_STYLES, NODE_STYLES, nodeSize } from "../../../src/render/graph/style";
import { visibleSet } from "../../../src/render/graph/visibility";
import { IndexGraphSource } from "../../../src/plugin/graph/index-source";
import { VaultIndex } from "../../../src/vault/index";
import { exampleSource, modelFrom } from "./helpers";

const note = (title: string, tags: string[], extra = "", body = "") =>
	`---\ntitle: ${title}\ntags: [${tags.map((t) => JSON.stringify(t)).join(", ")}]\n${extra}---\n${body}\n`;

/** Two series, a missing note, concepts. */
function twoSeries(): { index: VaultIndex; source: IndexGraphSource } {
	const index = new VaultIndex({ catalog: loadCatalog(), seriesNotesOnly: true });
	index.batch(() => {
		index.upsert("A/One.md", note("One", ["S13_Hardware", "gpu"], "FeedbackLoop: \"First, Two which helps; Second, Ghost Note which is missing.\"\n", "An H100 and Qwen3-30B."));
		index.upsert("A/Two.md", note("Two", ["S13_Hardware"], "", "A100 talk. [[Three]]"));
		index.upsert("B/Three.md", note("Three", ["S14_Serving"], "", "vLLM on an H100."));
		index.upsert("B/Four.md", note("Four", ["S14_Serving", "misc"], "SignalAmplification: [One]\n", "FP8."));
	});
	return { index, source: new IndexGraphSource(() => index) };
}

describe("filters", () => {
	it("by default draws notes, series and concepts with the readable edge kinds, no tags, no missing notes", () => {
		const { source } = exampleSource();
		const filters = defaultFilters();
		const model = modelFrom(source, fetchedKinds(filters));
		const v = visibleSet(model, filters);
		const kinds = (ids: Set<string>) => new Set([...ids].map((id) => model.nodes.get(id)?.kind));
		expect(kinds(v.nodes)).toEqual(new Set(["note", "series", "gpu", "architecture", "model", "format", "family", "memory", "interconnect", "tool"]));
		// Bulk kinds are not even fetched.
		expect([...model.edges.values()].some((e) => e.kind === "mentions" || e.kind === "tagged")).toBe(false);
		expect([...model.nodes.values()].filter((n) => n.kind === "missing-note").length).toBe(1);
		expect([...v.nodes].some((id) => id.startsWith("missing:"))).toBe(false);
		const drawnKinds = new Set([...v.edges].map((id) => model.edges.get(id)?.kind));
		expect(drawnKinds.has("feedback") && drawnKinds.has("in-series") && drawnKinds.has("architecture")).toBe(true);
	});

	it("hides kinds, shows missing notes on request, limits notes to the chosen series, drops edges to hidden ends", () => {
		const { source } = twoSeries();
		const filters = { ...defaultFilters(), missing: true };
		const model = modelFrom(source, fetchedKinds(filters));
		let v = visibleSet(model, filters);
		expect(v.nodes.has("missing:ghostnote")).toBe(true);
		expect([...v.edges].some((id) => id.includes("missing:ghostnote"))).toBe(true);

		v = visibleSet(model, { ...filters, series: ["series:s14"] });
		expect([...v.nodes].filter((id) => id.startsWith("note:")).sort()).toEqual(["note:B/Four.md", "note:B/Three.md"]);
		expect(v.nodes.has("series:s13")).toBe(false);
		expect(v.nodes.has("series:s14")).toBe(true);
		for (const id of v.edges) {
			const e = model.edges.get(id);
			expect(v.nodes.has(e?.source ?? "") && v.nodes.has(e?.target ?? "")).toBe(true);
		}

		v = visibleSet(model, { ...filters, hiddenKinds: ["gpu", "series"] });
		expect([...v.nodes].some((id) => id.startsWith("gpu:") || id.startsWith("series:"))).toBe(false);
		expect([...v.edges].some((id) => model.edges.get(id)?.kind === "in-series")).toBe(false);

		v = visibleSet(model, { ...filters, edgeKinds: ["feedback"] });
		expect(new Set([...v.edges].map((id) => model.edges.get(id)?.kind))).toEqual(new Set(["feedback"]));
		// The focus stays drawn whatever the filters say (a search hit).
		v = visibleSet(model, { ...filters, hiddenKinds: ["note"] }, undefined, "note:A/One.md");
		expect(v.nodes.has("note:A/One.md")).toBe(true);
	});

	it("fetches tags and mentions only when their edges are on", () => {
		const { source } = twoSeries();
		const filters = { ...defaultFilters(), edgeKinds: [...defaultFilters().edgeKinds, "tagged" as const, "mentions" as const] };
		const model = modelFrom(source, fetchedKinds(filters));
		expect(model.nodes.has("tag:gpu")).toBe(true);
		expect([...model.edges.values()].some((e) => e.kind === "mentions")).toBe(true);
		expect(modelFrom(source, fetchedKinds(defaultFilters())).nodes.has("tag:gpu")).toBe(false);
	});
});

describe("local neighbourhood", () => {
	const g: Graph = {
		nodes: ["a", "b", "c", "d", "e", "hub"].map((id): Graph["nodes"][number] => ({ id, kind: "note", label: id, degree: id === "hub" ? 9 : 1 })),
		edges: [
			{ id: "1", source: "a", target: "b", kind: "feedback" },
			{ id: "2", source: "c", target: "a", kind: "links" },
			{ id: "3", source: "b", target: "d", kind: "feedback" },
			{ id: "4", source: "d", target: "e", kind: "feedback" },
			{ id: "5", source: "a", target: "hub", kind: "mentions" },
		],
	};
	it("walks both directions up to the depth, nearest first, hubs first within a ring", () => {
		const all = new Set(localEdgeKinds());
		expect(neighbourhood(g, "a", 1, all, 100).nodes).toEqual(["a", "hub", "b", "c"]);
		const two = neighbourhood(g, "a", 2, all, 100);
		expect(two.nodes).toEqual(["a", "hub", "b", "c", "d"]);
		expect(two.distance.get("d")).toBe(2);
		expect(neighbourhood(g, "a", 3, all, 100).nodes).toContain("e");
	});
	it("uses only the edge kinds shown, and caps by dropping the farthest, least connected nodes", () => {
		expect(neighbourhood(g, "a", 1, new Set(["feedback"]), 100).nodes).toEqual(["a", "b"]);
		const capped = neighbourhood(g, "a", 2, new Set(localEdgeKinds()), 3);
		expect(capped.nodes).toEqual(["a", "hub", "b"]);
		expect(capped.reachable).toBe(5);
		expect(neighbourhood(g, "zzz", 2, new Set(localEdgeKinds()), 3).nodes).toEqual([]);
	});
	it("works on the index's localGraph of a real note", () => {
		const { source } = exampleSource();
		const focus = source.noteIdFor("Hardware/Second GPU.md");
		const local = source.localGraph(focus, 1);
		const n = neighbourhood(local, focus, 1, new Set(localEdgeKinds()), 500);
		expect(n.nodes[0]).toBe(focus);
		expect(n.nodes).toContain(source.noteIdFor("Hardware/GPU Memory Budgeting.md"));
		expect(n.nodes).toContain("series:s13");
		// Depth 1 over feedback only: the notes it names and the ones naming it.
		const fb = neighbourhood(local, focus, 1, new Set(["feedback", "amplifies"]), 500).nodes;
		expect(fb.every((id) => id.startsWith("note:") || id.startsWith("missing:"))).toBe(true);
	});
});

describe("styling by kind", () => {
	it("gives every node and edge kind a style, distinct shapes or colours, sizes growing with degree", () => {
		for (const k of NODE_KINDS) expect(NODE_STYLES[k].colorVar).toMatch(/^--gpufit-graph-/);
		for (const k of EDGE_KINDS) expect(EDGE_STYLES[k].colorVar).toMatch(/^--gpufit-edge-/);
		const looks = new Set(NODE_KINDS.map((k) => `${NODE_STYLES[k].shape}|${NODE_STYLES[k].colorVar}`));
		expect(looks.size).toBe(NODE_KINDS.length);
		expect(new Set(["note", "gpu", "model", "architecture", "series", "missing-note"].map((k) => NODE_STYLES[k as NodeKind].shape)).size).toBe(6);
		expect(EDGE_STYLES.feedback.arrow && EDGE_STYLES.amplifies.arrow).toBe(true);
		expect(EDGE_STYLES.mentions.arrow).toBe(false);
		expect(nodeSize("note", 0)).toBeLessThan(nodeSize("note", 10));
		expect(nodeSize("note", 10)).toBeLessThan(nodeSize("note", 100));
		expect(nodeSize("gpu", 1e9)).toBeLessThanOrEqual(28);
	});
});

describe("search", () => {
	it("finds the RTX PRO 6000 Blackwell by its alias, labels in any script, and catalog concepts no note names", () => {
		const { source } = exampleSource();
		const model = modelFrom(source, fetchedKinds(defaultFilters()));
		const search = new NodeSearch(model, catalogResolver(() => loadCatalog()));
		const hit = search.search("RTX 6000 PRO B")[0];
		expect(hit?.id).toBe("gpu:rtx-pro-6000-blackwell");
		expect(hit?.inGraph).toBe(true);
		expect(search.search("квантование")[0]?.id).toBe("note:Hardware/Квантование и масштабирование.md");
		expect(search.search("second gpu").map((h) => h.id)).toContain("note:Hardware/Second GPU.md");
		const mi = search.search("MI355X")[0];
		expect(mi?.kind).toBe("gpu");
		expect(searchKey("  ")).toBe("");
		expect(search.search("!!!")).toEqual([]);
	});
});

describe("placement of new nodes", () => {
	const line = (): GraphModel => {
		const m = new GraphModel();
		const nodes = ["a", "b", "c"].map((id): Graph["nodes"][number] => ({ id, kind: "note", label: id, degree: 1 }));
		m.reset(nodes, [{ id: "ab", source: "a", target: "b", kind: "links" }, { id: "bc", source: "b", target: "c", kind: "links" }], 1);
		const set = (id: string, x: number, y: number) => { const n = m.nodes.get(id); if (n) { n.x = x; n.y = y; } };
		set("a", 0, 0); set("b", 10, 0); set("c", 20, 0);
		return m;
	};
	it("puts a new node next to its neighbours, within one typical edge length, deterministically", () => {
		const m = line();
		m.apply({ revision: 2, nodesAdded: [{ id: "n", kind: "note", label: "n", degree: 2 }], nodesRemoved: [], nodesChanged: [], edgesAdded: [
			{ id: "na", source: "n", target: "a", kind: "links" }, { id: "nc", source: "c", target: "n", kind: "links" }], edgesRemoved: [] });
		expect(typicalEdgeLength(m)).toBe(10);
		const stats = placeNodes(m, ["n"]);
		expect(stats).toEqual({ fromCache: 0, nearNeighbours: 1, elsewhere: 0 });
		const n = m.nodes.get("n");
		const d = Math.hypot((n?.x ?? NaN) - 10, (n?.y ?? NaN) - 0);
		expect(d).toBeGreaterThanOrEqual(5 - 1e-9);
		expect(d).toBeLessThanOrEqual(10 + 1e-9);
		// Same input, same place.
		const again = line();
		again.apply({ revision: 2, nodesAdded: [{ id: "n", kind: "note", label: "n", degree: 2 }], nodesRemoved: [], nodesChanged: [], edgesAdded: [
			{ id: "nc", source: "c", target: "n", kind: "links" }, { id: "na", source: "n", target: "a", kind: "links" }], edgesRemoved: [] });
		placeNodes(again, ["n"]);
		expect([again.nodes.get("n")?.x, again.nodes.get("n")?.y]).toEqual([n?.x, n?.y]);
		// Existing nodes did not move.
		expect([m.nodes.get("a")?.x, m.nodes.get("b")?.x, m.nodes.get("c")?.x]).toEqual([0, 10, 20]);
	});
	it("grows chains of new nodes out from the placed graph, uses cached positions first, and places loners near their kind", () => {
		const m = line();
		m.apply({ revision: 2, nodesAdded: [
			{ id: "p", kind: "note", label: "p", degree: 1 }, { id: "q", kind: "note", label: "q", degree: 1 },
			{ id: "cached", kind: "note", label: "x", degree: 0 }, { id: "lone", kind: "gpu", label: "g", degree: 0 }, { id: "lone2", kind: "note", label: "l", degree: 0 },
		], nodesRemoved: [], nodesChanged: [], edgesAdded: [{ id: "cp", source: "c", target: "p", kind: "links" }, { id: "pq", source: "p", target: "q", kind: "links" }], edgesRemoved: [] });
		const stats = placeNodes(m, ["q", "p", "cached", "lone", "lone2"], (id) => (id === "cached" ? { x: 99, y: 98 } : undefined));
		expect(stats).toEqual({ fromCache: 1, nearNeighbours: 2, elsewhere: 2 });
		const p = m.nodes.get("p");
		const q = m.nodes.get("q");
		expect(Math.hypot((p?.x ?? 0) - 20, p?.y ?? 0)).toBeLessThanOrEqual(10);
		expect(Math.hypot((q?.x ?? 0) - (p?.x ?? 0), (q?.y ?? 0) - (p?.y ?? 0))).toBeLessThanOrEqual(10);
		expect([m.nodes.get("cached")?.x, m.nodes.get("cached")?.y]).toEqual([99, 98]);
		for (const id of ["lone", "lone2"]) expect(Number.isFinite(m.nodes.get(id)?.x)).toBe(true);
		// A loner note lands near the other notes, within two edge lengths of their centroid.
		const others = [...m.nodes.values()].filter((n) => n.kind === "note" && n.id !== "lone2");
		const cx = others.reduce((s, n) => s + n.x, 0) / others.length;
		const cy = others.reduce((s, n) => s + n.y, 0) / others.length;
		const l2 = m.nodes.get("lone2");
		expect(Math.hypot((l2?.x ?? 0) - cx, (l2?.y ?? 0) - cy)).toBeLessThanOrEqual(20 + 1e-9);
	});
	it("hashUnit spreads ids over [0, 1)", () => {
		const xs = Array.from({ length: 2000 }, (_, i) => hashUnit(`node:${i}`));
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
		const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
		expect(Math.abs(mean - 0.5)).toBeLessThan(0.03);
	});
});

describe("saved view state", () => {
	it("reads back what it wrote and survives garbage", () => {
		const s = { ...defaultViewState(), mode: "local" as const, depth: 2, focus: "gpu:h100", pinned: true, camera: { x: 0.4, y: 0.6, ratio: 0.5 },
			filters: { ...defaultFilters(), hiddenKinds: ["tag" as const], series: ["series:s13"], missing: true, fits: "rig" as const } };
		expect(readViewState(JSON.parse(JSON.stringify(s)))).toEqual(s);
		for (const junk of [null, 3, "x", [], { mode: "weird", depth: 99, filters: { hiddenKinds: ["bogus", 4], edgeKinds: "x", fits: "maybe" }, camera: { x: NaN } }]) {
			const r = readViewState(junk);
			expect(r.mode).toBe("global");
			expect(r.depth).toBeGreaterThanOrEqual(1);
			expect(r.depth).toBeLessThanOrEqual(3);
			expect(r.filters.hiddenKinds.every((k) => NODE_KINDS.includes(k))).toBe(true);
			expect(r.camera).toBeUndefined();
		}
	});
});

describe("index adapter", () => {
	it("graphOf follows its contract: edges of the asked kinds, the nodes they touch, every note, series and concept", () => {
		const { index, source } = exampleSource();
		const g = source.graphOf(new Set(["feedback"]));
		expect(new Set(g.edges.map((e) => e.kind))).toEqual(new Set(["feedback"]));
		const ids = new Set(g.nodes.map((n) => n.id));
		for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
		const full = index.graph();
		for (const n of full.nodes) if (!["tag", "missing-note"].includes(n.kind)) expect(ids.has(n.id)).toBe(true);
		expect(g.nodes.some((n) => n.kind === "tag")).toBe(false);
	});
	it("hands out the changes since a revision the view drew, and none across a rebuilt index", () => {
		let index = twoSeries().index;
		const source = new IndexGraphSource(() => index);
		const kinds = new Set(["feedback", "in-series"] as const);
		const r0 = source.revision();
		source.graphOf(kinds);
		index.upsert("A/Five.md", note("Five", ["S13_Hardware"], "FeedbackLoop: \"First, One which helps.\"\n"));
		const changes = source.changesSince(r0, kinds);
		expect(changes?.nodesAdded.map((n) => n.id)).toEqual(["note:A/Five.md"]);
		expect(changes?.edgesAdded.map((e) => e.id).sort()).toEqual(["feedback:note:A/Five.md->note:A/One.md", "in-series:note:A/Five.md->series:s13"]);
		expect(changes?.revision).toBe(source.revision());
		expect(source.changesSince(source.revision(), kinds)).toMatchObject({ nodesAdded: [], edgesAdded: [], edgesRemoved: [] });
		// The plugin rebuilt its index (new settings): every revision handed out before is void.
		index = twoSeries().index;
		expect(source.changesSince(changes?.revision ?? -1, kinds)).toBeUndefined();
		expect(source.revision()).toBeGreaterThan(changes?.revision ?? Infinity);
	});
	it("reports the index's problems and a note's series tags", () => {
		const { source } = exampleSource();
		const problems = source.problems();
		expect(problems.find((p) => p.path === "Hardware/Broken Frontmatter.md")?.line).toBe(4);
		expect(problems.some((p) => p.path === "Hardware/Block Mistakes.md" && /contxt/.test(p.message))).toBe(true);
		expect(source.seriesTagsOf("Hardware/Second GPU.md")).toEqual(["S13_Hardware"]);
	});
});
