import { describe, expect, it } from "vitest";
import { buildCatalog, loadCatalog } from "../../src/estimator/catalog";
import { VaultIndex } from "../../src/vault/index";
import { parseNote } from "../../src/vault/note/parse-note";
import type { ParsedNote } from "../../src/vault/types";
import { archIdOfGpu, canonical, fixtureNote, fixtureNotes, formatId, gpuId, modelId, seedText } from "./helpers";

const CARD = "Hardware/Workstation Card Planning.md";
const MEMORY = "Memory Budgeting.md";
const SERVING = "Engines/Serving With vLLM.md";
const HOPPER = "Квантование на Hopper.md";

function fixtureIndex(options: { indexTag?: string; seriesNotesOnly?: boolean } = {}): VaultIndex {
	const index = new VaultIndex({ catalog: loadCatalog(), ...options });
	for (const [path, text] of fixtureNotes()) index.upsert(path, text);
	return index;
}

const edge = (index: VaultIndex, kind: string, source: string, target: string) =>
	index.graph().edges.find((e) => e.kind === kind && e.source === source && e.target === target);
const node = (index: VaultIndex, id: string) => index.graph().nodes.find((n) => n.id === id);

describe("VaultIndex over the fixture vault", () => {
	const index = fixtureIndex();
	const card = index.noteIdFor(CARD);

	it("has every note (broken YAML included) and ids that say what they are", () => {
		expect(index.notePaths()).toEqual([...fixtureNotes().keys()].sort());
		expect(index.noteIdFor(HOPPER)).toBe(`note:${HOPPER}`);
		expect(node(index, index.noteIdFor("Broken YAML.md"))).toMatchObject({ kind: "note", label: "Broken YAML", path: "Broken YAML.md" });
		expect(index.graph().edges.filter((e) => e.source === "note:Broken YAML.md" && e.kind === "tagged")).toEqual([]);
	});

	it("links tags (case-insensitive, first spelling by path), series and concepts", () => {
		expect(node(index, "tag:workstation-gpu")?.label).toBe("workstation-gpu"); // Hardware/... sorts before Series/...
		expect(node(index, "tag:workstation-gpu")?.degree).toBe(2);
		expect(node(index, "series:s13")).toMatchObject({ kind: "series", label: "S13_Hardware" });
		expect(node(index, "series:s14")?.degree).toBe(2);
		expect(edge(index, "in-series", card, "series:s13")).toBeDefined();
		expect(edge(index, "mentions", card, gpuId("RTX PRO 6000"))).toBeDefined();
		expect(edge(index, "mentions", card, modelId("Qwen3-30B"))).toBeDefined();
		expect(index.graph().edges.some((e) => e.target === gpuId("H100") && e.source === card)).toBe(true); // "H100s"
	});

	it("adds catalog relations: GPU → architecture / memory / interconnect, model → family, architecture → native formats", () => {
		const rtx = gpuId("RTX PRO 6000");
		const arch = archIdOfGpu("RTX PRO 6000");
		expect(edge(index, "architecture", rtx, arch)).toBeDefined();
		expect(edge(index, "memory", rtx, "memory:gddr7")).toBeDefined();
		expect(edge(index, "interconnect", rtx, "interconnect:pcie")).toBeDefined();
		expect(index.graph().edges.some((e) => e.kind === "family" && e.source === modelId("Qwen3-30B"))).toBe(true);
		expect(edge(index, "native-format", arch, formatId("fp8"))).toBeDefined();
		expect(node(index, arch)?.kind).toBe("architecture");
	});

	it("resolves feedback names, wikilinks and YAML lists to notes; unknown names become missing notes", () => {
		expect(edge(index, "feedback", card, index.noteIdFor(MEMORY))).toBeDefined();
		expect(edge(index, "links", card, index.noteIdFor(MEMORY))).toBeDefined();
		expect(edge(index, "amplifies", card, index.noteIdFor(SERVING))).toBeDefined();
		expect(edge(index, "amplifies", card, index.noteIdFor(HOPPER))).toBeDefined();
		expect(edge(index, "amplifies", index.noteIdFor(SERVING), card)).toBeDefined();
		expect(edge(index, "feedback", index.noteIdFor(MEMORY), card)).toBeDefined();
		expect(node(index, "missing:kvcachesizing")).toMatchObject({ kind: "missing-note", label: "KV Cache Sizing", degree: 2 });
		expect(node(index, "missing:coolingandpowerlimits")?.kind).toBe("missing-note");
		expect(index.graph().nodes.filter((n) => n.kind === "missing-note").map((n) => n.label).sort()).toEqual([
			"Cooling and Power Limits", "KV Cache Sizing", "Nonexistent Benchmarks",
		]);
	});

	it("answers the plugin's queries", () => {
		expect(index.notesMentioning(gpuId("RTX PRO 6000"))).toEqual([CARD]);
		expect(index.notesMentioning(modelId("Qwen3-30B"))).toEqual(expect.arrayContaining([CARD, "No Frontmatter.md", SERVING]));
		const concepts = index.conceptsOf(CARD);
		const rtx = concepts.find((c) => c.conceptId === gpuId("RTX PRO 6000"));
		expect(rtx?.where.tags).toBe(1);
		expect(rtx?.where.fields?.description).toBe(1);
		expect(rtx?.where.body).toBeGreaterThanOrEqual(2);
		expect(rtx?.count).toBe((rtx?.where.tags ?? 0) + (rtx?.where.fields?.description ?? 0) + (rtx?.where.body ?? 0) + (rtx?.where.title ?? 0));
		const work = index.workloadOf(CARD);
		expect(work.models[0]).toBe(modelId("Qwen3-30B").slice("model:".length));
		expect(work.gpus[0]).toBe(gpuId("RTX PRO 6000").slice("gpu:".length));
		expect(work.blocks).toHaveLength(1);
		expect(work.blocks[0]?.spec?.context).toBe(32 * 1024);
		const serving = index.workloadOf(SERVING);
		expect(serving.blocks.map((b) => b.line)).toEqual([14, 20]);
		expect(serving.models).toEqual(expect.arrayContaining([modelId("Qwen3-30B").slice(6), modelId("Llama-3.1-8B").slice(6)]));
		expect(serving.gpus).not.toContain("mine");
		expect(index.workloadOf("nope.md")).toEqual({ models: [], gpus: [], blocks: [] });
	});

	it("reports diagnostics with paths and lines", () => {
		const d = index.diagnostics();
		expect(d).toContainEqual(expect.objectContaining({ path: "Broken YAML.md", line: 4 }));
		expect(d.find((x) => x.path === SERVING && x.line === 22)?.message).toMatch(/gpufit block/);
		expect(d.filter((x) => x.path === SERVING)).toHaveLength(1); // "updated: not a date" is kept as written, not an error
		expect(index.parsed(SERVING)?.updated).toBe("not a date");
	});

	it("gives local graphs of depth N", () => {
		const one = index.localGraph(card, 1);
		expect(one.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([card, "tag:workstation-gpu", index.noteIdFor(MEMORY), gpuId("RTX PRO 6000")]));
		expect(one.nodes.map((n) => n.id)).not.toContain(archIdOfGpu("RTX PRO 6000"));
		expect(one.edges.every((e) => one.nodes.some((n) => n.id === e.source) && one.nodes.some((n) => n.id === e.target))).toBe(true);
		const two = index.localGraph(card, 2);
		expect(two.nodes.map((n) => n.id)).toContain(archIdOfGpu("RTX PRO 6000"));
		expect(two.nodes.map((n) => n.id)).toContain("note:Series/Series Overview.md");
		expect(index.localGraph(card, 0).nodes.map((n) => n.id)).toEqual([card]);
		expect(index.localGraph("note:absent.md", 2)).toEqual({ nodes: [], edges: [] });
	});

	it("node degrees match the edge list; every edge end is a node", () => {
		const g = index.graph();
		const ids = new Set(g.nodes.map((n) => n.id));
		for (const e of g.edges) { expect(ids.has(e.source)).toBe(true); expect(ids.has(e.target)).toBe(true); }
		for (const n of g.nodes) expect(n.degree).toBe(g.edges.filter((e) => e.source === n.id || e.target === n.id).length);
		expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
	});
});

describe("VaultIndex edits", () => {
	it("rename re-resolves links to the note and its file-name title", () => {
		const index = fixtureIndex();
		index.upsert("Drafts/KV Cache Sizing.md", "Notes on the KV cache.");
		expect(edge(index, "feedback", index.noteIdFor(MEMORY), "note:Drafts/KV Cache Sizing.md")).toBeDefined();
		expect(node(index, "missing:kvcachesizing")).toBeUndefined();
		index.rename("Drafts/KV Cache Sizing.md", "Drafts/KV Budget.md");
		expect(node(index, "missing:kvcachesizing")?.degree).toBe(2);
		expect(node(index, "note:Drafts/KV Budget.md")?.label).toBe("KV Budget");
		index.rename(MEMORY, "Archive/Memory Budgeting.md"); // title from frontmatter: links follow the file
		expect(edge(index, "feedback", index.noteIdFor(CARD), "note:Archive/Memory Budgeting.md")).toBeDefined();
		expect(node(index, `note:${MEMORY}`)).toBeUndefined();
	});

	it("remove turns links into missing notes; adding the note back resolves them again", () => {
		const index = fixtureIndex();
		const before = canonical(index.graph());
		const rev = index.revision;
		index.remove(SERVING);
		expect(index.revision).toBeGreaterThan(rev);
		expect(node(index, "missing:servingwithvllm")?.label).toBe("Serving With vLLM");
		expect(node(index, "tag:engines")).toBeUndefined();
		expect(node(index, "series:s14")?.degree).toBe(1);
		index.upsert(SERVING, fixtureNote(SERVING));
		expect(canonical(index.graph())).toEqual(before);
	});

	it("an unchanged upsert does not bump the revision", () => {
		const index = fixtureIndex();
		const rev = index.revision;
		index.upsert(CARD, fixtureNote(CARD));
		expect(index.revision).toBe(rev);
		index.upsert(CARD, fixtureNote(CARD).replace("Workstation card planning", "Workstation card plan"));
		expect(index.revision).toBe(rev); // nothing the index keeps changed
		index.upsert(CARD, `${fixtureNote(CARD)}\nAlso an H200.\n`);
		expect(index.revision).toBe(rev + 1);
	});

	it("notes of one batch share equal tag and series refs; a later batch's edit does not disturb them", () => {
		const index = new VaultIndex({ catalog: loadCatalog() });
		const note = (extra: string) => `---\ntags: [GPU-Planning, s13_Hardware, ${extra}]\n---\nBody.\n`;
		index.batch(() => { index.upsert("a.md", note("one")); index.upsert("b.md", note("two")); });
		const [a, b] = [index.parsed("a.md"), index.parsed("b.md")];
		expect(a?.tags[0]).toBe(b?.tags[0]);
		expect(a?.series[0]).toBe(b?.series[0]);
		expect(a?.tags[1]).toEqual({ id: "one", display: "one" });
		index.batch(() => { index.upsert("b.md", note("three")); });
		expect(index.parsed("a.md")?.tags).toEqual([{ id: "gpu-planning", display: "GPU-Planning" }, { id: "one", display: "one" }]);
		expect(index.parsed("b.md")?.tags.map((t) => t.id)).toEqual(["gpu-planning", "three"]);
	});

	it("a name gaining a later owner (by path) in another batch keeps links on the first one", () => {
		const index = new VaultIndex({ catalog: loadCatalog() });
		index.batch(() => { index.upsert("x.md", "See [[Target]] and [[Other]].\n"); index.upsert("a/Target.md", "A.\n"); });
		index.batch(() => { index.upsert("b/Target.md", "B.\n"); });
		const links = index.graph().edges.filter((e) => e.source === "note:x.md").map((e) => e.target).sort();
		expect(links).toEqual(["missing:other", "note:a/Target.md"]);
		const rebuilt = new VaultIndex({ catalog: loadCatalog() });
		rebuilt.batch(() => { for (const p of ["b/Target.md", "a/Target.md", "x.md"]) rebuilt.upsert(p, p === "x.md" ? "See [[Target]] and [[Other]].\n" : p.startsWith("a") ? "A.\n" : "B.\n"); });
		expect(canonical(index.graph())).toEqual(canonical(rebuilt.graph()));
	});

	it("a batch spanning awaits (beginBatch … endBatch in slices) computes edges at its end, once per note", () => {
		const cold = fixtureIndex();
		const index = new VaultIndex({ catalog: loadCatalog() });
		index.beginBatch();
		for (const [path, text] of fixtureNotes()) index.upsert(path, text);
		index.beginBatch(); // nested: closing it closes nothing
		expect(index.endBatch()).toBe(true);
		const rev = index.revision;
		// Queries inside the batch see the graph as it was before it (empty here): no edges computed yet.
		expect(index.graph().edges).toEqual([]);
		let slices = 0;
		while (!index.endBatch(() => true)) slices++;
		expect(slices).toBe(fixtureNotes().size - 1); // one note per slice
		expect(index.revision).toBeGreaterThan(rev);
		expect(canonical(index.graph())).toEqual(canonical(cold.graph()));
		expect(index.endBatch()).toBe(true); // closing a closed index is harmless
	});

	it("warm start from persisted ParsedNotes gives the same graph", () => {
		const cold = fixtureIndex();
		const warm = new VaultIndex({ catalog: loadCatalog() });
		for (const [path, text] of fixtureNotes()) warm.upsertParsed(JSON.parse(JSON.stringify(parseNote(path, text))) as ParsedNote);
		expect(canonical(warm.graph())).toEqual(canonical(cold.graph()));
		expect(warm.staleNotes()).toEqual([]);
	});

	it("the same ParsedNote objects removed and upserted again (node numbers recycled meanwhile) give the same graph", () => {
		const cold = fixtureIndex();
		const index = new VaultIndex({ catalog: loadCatalog() });
		const parsed = [...fixtureNotes()].map(([path, text]) => parseNote(path, text));
		for (const p of parsed) index.upsertParsed(p);
		for (const p of parsed) index.remove(p.path);
		// Other nodes take the freed numbers.
		index.upsert("other.md", "---\ntags: [a, b, c, d, e, f, g, h]\n---\nAn H200, NVLink, HBM3e, vLLM. [[Nowhere]] [[Elsewhere]]\n");
		index.remove("other.md");
		index.upsert("other2.md", "---\ntags: [z, y, x, w, v, u, t, s, r, q, p, o, n, m]\n---\nQwen3-30B on an A100, FP8, GDDR7.\n");
		index.remove("other2.md");
		index.batch(() => { for (const p of [...parsed].reverse()) index.upsertParsed(p); });
		expect(canonical(index.graph())).toEqual(canonical(cold.graph()));
	});

	it("indexTag limits graph notes; links to notes outside the graph are neither edges nor missing", () => {
		const index = fixtureIndex({ indexTag: "#S13_hardware" });
		const notes = index.graph().nodes.filter((n) => n.kind === "note").map((n) => n.path).sort();
		expect(notes).toEqual([CARD, MEMORY, "Series/Series Overview.md"]);
		expect(node(index, "missing:servingwithvllm")).toBeUndefined();
		expect(index.notePaths()).toHaveLength(fixtureNotes().size);
		expect(fixtureIndex({ indexTag: "Workstation-GPU" }).graph().nodes.filter((n) => n.kind === "note")).toHaveLength(2);
	});

	it("seriesNotesOnly (the plugin's default scope) keeps exactly the notes that carry a series tag", () => {
		const all = fixtureIndex();
		const withSeries = all.notePaths().filter((p) => (all.parsed(p)?.series.length ?? 0) > 0);
		const scoped = fixtureIndex({ seriesNotesOnly: true });
		const notes = scoped.graph().nodes.filter((n) => n.kind === "note").map((n) => n.path ?? "").sort();
		expect(notes).toEqual(withSeries);
		expect(notes.length).toBeGreaterThan(0);
		expect(notes.length).toBeLessThan(all.notePaths().length);
	});

	it("setCatalog re-derives concepts and reports notes to re-read for new names", () => {
		const index = fixtureIndex();
		const base = loadCatalog();
		const h100 = base.gpus.get("H100");
		if (!h100) throw new Error("catalog lacks H100");
		const { catalog, issues } = buildCatalog({ gpus: [{ ...h100, name: "H100 (renamed)" }, { ...h100, id: "homebrew-hba1", name: "Homebrew HBA-1", aliases: ["HBA1 card"] }] }, base);
		expect(issues).toEqual([]);
		index.setCatalog(catalog);
		expect(node(index, gpuId("H100"))?.label).toBe("H100 (renamed)");
		expect(index.staleNotes()).toEqual(index.notePaths());
		index.upsert("New.md", "Testing the Homebrew HBA-1 against an H100.");
		expect(index.conceptsOf("New.md").map((c) => c.conceptId)).toEqual(expect.arrayContaining(["gpu:homebrew-hba1", gpuId("H100")]));
		expect(index.staleNotes()).not.toContain("New.md");
	});

	it("the seed note indexes with its missing feedback notes", (ctx) => {
		const seed = seedText();
		if (seed === undefined) return ctx.skip("no seed note here (under CI=true its absence fails)");
		const index = new VaultIndex({ catalog: loadCatalog() });
		index.upsert("Seeds/Quantization.md", seed);
		const missing = index.graph().nodes.filter((n) => n.kind === "missing-note").map((n) => n.label);
		expect(missing).toHaveLength(6);
		expect(missing).toContain("GPU Memory Management Strategies");
		index.upsert("GPU Memory Management Strategies.md", "---\ntitle: GPU Memory Management Strategies\n---\n");
		expect(edge(index, "feedback", "note:Seeds/Quantization.md", "note:GPU Memory Management Strategies.md")).toBeDefined();
	});
});
