/**
 * The hardware graph view in the browser host: the real main.js, the example vault, Debian's chromium (the graph is
 * drawn on a 2D canvas). Expected graphs come from the same index and view model run here in Node on the same notes.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import { applyPolicy } from "../../src/plugin/compute";
import { IndexGraphSource } from "../../src/plugin/graph/index-source";
import { defaultSettings } from "../../src/plugin/settings";
import { GraphModel } from "../../src/render/graph/model";
import { neighbourhood } from "../../src/render/graph/neighbourhood";
import { defaultFilters, fetchedKinds, localEdgeKinds } from "../../src/render/graph/state";
import { visibleSet } from "../../src/render/graph/visibility";
import { VaultIndex } from "../../src/vault/index";
import { buildHost, startServer, type HostServer } from "../host/server";
import { vaultNotes } from "../render/graph/helpers";
import { launch, within, type Browser } from "./browser";

const ROOT = path.resolve(__dirname, "../..");
const VAULT = path.join(ROOT, "example-vault");
const ARTIFACTS = path.join(ROOT, "test-artifacts");

let server: HostServer;
let b: Browser;

function nodeIndex(): { index: VaultIndex; source: IndexGraphSource } {
	const index = new VaultIndex({ catalog: loadCatalog(), seriesNotesOnly: true });
	index.batch(() => { for (const [p, text] of vaultNotes(VAULT)) index.upsert(p, text); });
	return { index, source: new IndexGraphSource(() => index) };
}

const countBy = <T>(xs: readonly T[], key: (x: T) => string) => {
	const out: Record<string, number> = {};
	for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
	return out;
};

async function openGraph(query: string): Promise<void> {
	await b.page.goto(`${server.url}${query}`);
	await within(b.page.evaluate(() => window.gpufitHost.ready), 30_000, "host ready");
	await settled();
}

/** Wait until the plugin's first index pass is over, the view has drawn it, and its layout has stopped. */
async function settled(): Promise<void> {
	type WithIndex = { core: { index: { stats?: unknown } } };
	await within(b.page.waitForFunction(() => (window.gpufitHost.plugin as unknown as WithIndex | undefined)?.core.index.stats !== undefined, undefined, { timeout: 60_000, polling: 50 }), 65_000, "index pass");
	// The plugin's debounced refresh (300 ms) carries the finished index to the view.
	await b.page.waitForTimeout(600);
	await within(b.page.waitForFunction(() => {
		const g = window.gpufitHost.graph();
		const c = window.gpufitHost.graphController();
		return g !== undefined && g.nodes.length > 0 && c !== undefined && !c.layoutRunning;
	}, undefined, { timeout: 60_000, polling: 100 }), 65_000, "graph settled");
}

const graph = () => b.page.evaluate(() => window.gpufitHost.graph());

/** The screen position of a drawn node (for the real pointer). */
async function at(id: string): Promise<{ x: number; y: number }> {
	await within(b.page.waitForFunction((nid) => window.gpufitHost.graphController()?.screenPosition(nid) !== undefined, id, { timeout: 15_000 }), 20_000, `${id} drawn`);
	const p = await b.page.evaluate((nid) => window.gpufitHost.graphController()?.screenPosition(nid), id);
	if (!p) throw new Error(`${id} is not drawn`);
	return p;
}

async function shot(name: string): Promise<void> {
	await b.page.waitForTimeout(400);
	await b.page.screenshot({ path: path.join(ARTIFACTS, `graph-${name}.png`) });
}

beforeAll(async () => {
	await buildHost();
	server = await startServer({ port: 0, vault: VAULT });
	b = await launch();
	fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterAll(async () => {
	await b?.close();
	await server?.close();
});

describe("the hardware graph view in the browser host", () => {
	it("?view=graph draws the vault: the right number of nodes and edges of each kind, laid out, drawn", async () => {
		await openGraph("?view=graph");
		const g = await graph();
		if (!g) throw new Error("no graph view");
		expect(g.drawing).toBe(true);
		expect(g.mode).toBe("global");
		const { source } = nodeIndex();
		const filters = defaultFilters();
		const model = new GraphModel();
		const og = source.graphOf(fetchedKinds(filters));
		model.reset(og.nodes, og.edges, 0);
		const v = visibleSet(model, filters);
		const want = countBy([...v.nodes], (id) => model.nodes.get(id)?.kind ?? "?");
		expect(countBy(g.nodes.filter((n) => n.visible), (n) => n.kind)).toEqual(want);
		expect(countBy(g.edges.filter((e) => e.visible), (e) => e.kind)).toEqual(countBy([...v.edges], (id) => model.edges.get(id)?.kind ?? "?"));
		expect(want.note).toBeGreaterThanOrEqual(12);
		expect(g.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
		// The layout spread the nodes out (no two drawn nodes on the same spot).
		const spots = new Set(g.nodes.filter((n) => n.visible).map((n) => `${n.x.toFixed(3)},${n.y.toFixed(3)}`));
		expect(spots.size).toBe(g.nodes.filter((n) => n.visible).length);
		// Labels are drawn, but not every one (the label grid keeps them from piling up).
		expect(g.labels.length).toBeGreaterThan(5);
		// The legend lists what is drawn.
		const legend = await b.page.locator(".gpufit-graph-legend-item[data-kind]").allTextContents();
		expect(legend.join(" | ")).toContain(`Notes ${want.note ?? 0}`);
		expect(legend.join(" | ")).toMatch(/GPUs \d+/);
		await shot("global-light");
		await b.page.evaluate(() => window.gpufitHost.setTheme("dark"));
		await b.page.waitForTimeout(200);
		const dark = await graph();
		expect(dark?.palette.gpu).not.toBe(g.palette.gpu);
		// The colours are the theme's: --color-green of each theme.
		expect(g.palette.gpu).toBe("rgba(8,160,75,1)");
		expect(dark?.palette.gpu).toBe("rgba(68,207,110,1)");
		await shot("global-dark");
		expect(b.errors).toEqual([]);
	});

	it("hover highlights the node's neighbours; a click opens the note, a modifier-click in a new tab", async () => {
		await openGraph("?view=graph");
		const id = "note:Hardware/Second GPU.md";
		const p = await at(id);
		await b.page.mouse.move(p.x, p.y);
		await within(b.page.waitForFunction((nid) => window.gpufitHost.graph()?.hovered === nid, id, { timeout: 20_000 }), 25_000, "hover");
		const g = await graph();
		const drawnNeighbours = new Set<string>([id]);
		for (const e of g?.edges ?? []) {
			if (!e.visible) continue;
			if (e.source === id) drawnNeighbours.add(e.target);
			if (e.target === id) drawnNeighbours.add(e.source);
		}
		expect(new Set(g?.highlighted)).toEqual(drawnNeighbours);
		expect(drawnNeighbours.size).toBeGreaterThan(3);
		await b.page.mouse.move(5, 5);
		await within(b.page.waitForFunction(() => window.gpufitHost.graph()?.hovered === undefined, undefined, { timeout: 20_000 }), 25_000, "leave");

		const q = await at(id);
		await b.page.mouse.click(q.x, q.y);
		await within(b.page.waitForFunction(() => window.gpufitHost.linkOpens.length > 0, undefined, { timeout: 20_000 }), 25_000, "click");
		let opens = await b.page.evaluate(() => window.gpufitHost.linkOpens);
		expect(opens.at(-1)).toMatchObject({ path: "Hardware/Second GPU.md", newLeaf: false });
		expect(await b.page.evaluate(() => window.gpufitHost.currentPath())).toBe("Hardware/Second GPU.md");

		await b.page.evaluate(() => window.gpufitHost.showGraphTab(true));
		await b.page.waitForTimeout(300);
		const r = await at(id);
		await b.page.keyboard.down("Control");
		await b.page.mouse.click(r.x, r.y);
		await b.page.keyboard.up("Control");
		await within(b.page.waitForFunction(() => window.gpufitHost.linkOpens.length > 1, undefined, { timeout: 20_000 }), 25_000, "ctrl-click");
		opens = await b.page.evaluate(() => window.gpufitHost.linkOpens);
		expect(opens.at(-1)).toMatchObject({ path: "Hardware/Second GPU.md", newLeaf: "tab" });
	});

	it("filters by kind, missing notes and edge kinds; the choice survives a restart of the view", async () => {
		await openGraph("?view=graph");
		await b.page.click('[data-action="filters"]');
		await b.page.uncheck('[data-key="kind:gpu"]');
		let g = await graph();
		expect(g?.nodes.filter((n) => n.kind === "gpu" && n.visible)).toEqual([]);
		expect(g?.edges.some((e) => e.visible && (e.kind === "architecture" || e.kind === "memory"))).toBe(false);
		expect(g?.nodes.some((n) => n.kind === "missing-note" && n.visible)).toBe(false);
		await b.page.check('[data-key="missing"]');
		g = await graph();
		const missing = g?.nodes.filter((n) => n.kind === "missing-note" && n.visible) ?? [];
		expect(missing.map((n) => n.label)).toEqual(["A Note That Does Not Exist Yet"]);
		await b.page.check('[data-key="edge:mentions"]');
		await b.page.waitForTimeout(200);
		g = await graph();
		const { source } = nodeIndex();
		const mentions = source.graphOf(new Set(["mentions"])).edges.length;
		// Mentions to GPUs stay hidden with the GPUs.
		const drawnMentions = g?.edges.filter((e) => e.kind === "mentions" && e.visible).length ?? 0;
		expect(drawnMentions).toBeGreaterThan(0);
		expect(drawnMentions).toBeLessThan(mentions);
		expect(g?.edges.filter((e) => e.kind === "mentions").length).toBe(mentions);
		await b.page.check('[data-key="series:series:s13"]');
		g = await graph();
		expect(g?.nodes.filter((n) => n.kind === "note" && n.visible).length).toBe(g?.nodes.filter((n) => n.kind === "note").length);
		await shot("filters-light");

		const saved = await b.page.evaluate(() => window.gpufitHost.graphState());
		await b.page.evaluate(() => window.gpufitHost.closeGraph());
		expect(await graph()).toBeUndefined();
		await b.page.evaluate((state) => window.gpufitHost.openGraph(state), saved);
		await settled();
		g = await graph();
		expect(g?.nodes.filter((n) => n.kind === "gpu" && n.visible)).toEqual([]);
		expect(g?.nodes.filter((n) => n.kind === "missing-note" && n.visible).length).toBe(1);
		expect(g?.edges.some((e) => e.kind === "mentions" && e.visible)).toBe(true);
		expect(await b.page.evaluate(() => window.gpufitHost.graphState())).toMatchObject({ filters: { hiddenKinds: ["gpu"], missing: true, series: ["series:s13"] } });
	});

	it("search finds a GPU by an alias, centres it, and the side panel shows its facts with sources", async () => {
		await openGraph("?view=graph");
		await b.page.fill(".gpufit-graph-search input", "RTX 6000 PRO B");
		await b.page.waitForSelector(".gpufit-graph-results.is-open .gpufit-graph-result");
		expect(await b.page.getAttribute(".gpufit-graph-results .gpufit-graph-result >> nth=0", "data-id")).toBe("gpu:rtx-pro-6000-blackwell");
		await b.page.press(".gpufit-graph-search input", "Enter");
		await b.page.waitForSelector(".gpufit-graph-panel.is-open .gpufit-graph-facts");
		const g = await graph();
		expect(g?.selected).toBe("gpu:rtx-pro-6000-blackwell");
		expect(g?.panel).toBe("details");
		const panel = await b.page.locator(".gpufit-graph-panel").innerText();
		const gpu = loadCatalog().gpus.get("rtx-pro-6000-blackwell");
		expect(panel).toContain(gpu?.name ?? "?");
		expect(panel).toMatch(/Usable memory\s+95\.6 GiB \(96 GB GDDR7\)/);
		expect(panel).toMatch(/Bandwidth\s+1,792 GB\/s/);
		expect(panel).toMatch(/Native formats\s+.*NVFP4/);
		expect(panel).toMatch(/Price\s+\$8,500 \(street, 2025-06\)/);
		expect(panel).toContain("nvidia-smi memory.total 97887 MiB");
		expect(await b.page.locator(".gpufit-graph-panel .gpufit-graph-note-link").allTextContents()).toContain("GPU Memory Budgeting for Local LLMs");
		// Centred: the node sits near the middle of the stage left beside the panel.
		await b.page.waitForTimeout(800);
		const p = await at("gpu:rtx-pro-6000-blackwell");
		const stage = await b.page.locator(".gpufit-graph-stage").boundingBox();
		if (!stage) throw new Error("no stage");
		expect(Math.abs(p.x - (stage.x + stage.width / 2))).toBeLessThan(40);
		expect(Math.abs(p.y - (stage.y + stage.height / 2))).toBeLessThan(40);
		await shot("search-panel-light");
	});

	it("a model's side panel has its facts and a fit summary on my rig equal to the estimator's", async () => {
		await openGraph("?view=graph");
		await b.page.fill(".gpufit-graph-search input", "Qwen3-30B");
		await b.page.press(".gpufit-graph-search input", "Enter");
		await b.page.waitForSelector(".gpufit-graph-panel.is-open .gpufit-graph-fit-table");
		const rows = await b.page.locator(".gpufit-graph-fit-table tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? "")));
		const settings = defaultSettings();
		const r = computeFitTable(loadCatalog(), { model: "Qwen3-30B", gpu: settings.rig.gpu, count: settings.rig.count, split: settings.rig.split, engine: settings.rig.engine, context: settings.rig.context, kvDtype: settings.rig.kvDtype });
		if (!r.ok) throw new Error(r.error.message);
		const table = applyPolicy(r.value, settings);
		expect(rows.map((row) => row[0])).toEqual(table.rows.map((x) => x.formatName));
		expect(rows.map((row) => row[1]?.startsWith("✓"))).toEqual(table.rows.map((x) => x.fits));
		const panel = await b.page.locator(".gpufit-graph-panel").innerText();
		expect(panel).toMatch(/Parameters\s+30\.5 B/);
		expect(panel).toMatch(/Active parameters\s+3\.3 B/);
		expect(panel).toMatch(/128 experts, 8 per token/);
	});

	it("the fits overlay draws an edge from each model to my rig, coloured by the best precision that fits", async () => {
		await openGraph("?view=graph");
		await b.page.click('[data-action="filters"]');
		await b.page.selectOption('[data-key="fits"]', "rig");
		await b.page.waitForTimeout(200);
		const g = await graph();
		const fits = g?.edges.filter((e) => e.kind === "fits" && e.visible) ?? [];
		const models = g?.nodes.filter((n) => n.kind === "model" && n.visible).map((n) => n.id).sort();
		expect(fits.map((e) => e.source).sort()).toEqual(models);
		expect(new Set(fits.map((e) => e.target))).toEqual(new Set(["gpu:rtx-pro-6000-blackwell"]));
		// Llama-3.3-70B in BF16 needs ~140 GB: not on one 96 GB card; the policy (4-bit allowed) finds a smaller format.
		const llama = fits.find((e) => e.source === "model:llama-3.3-70b");
		expect(llama?.grade).toMatch(/^(8-bit|4-bit)$/);
		expect(fits.find((e) => e.source === "model:qwen3-8b")?.grade).toBe("16-bit");
		await shot("fits-overlay-light");
	});

	it("the problems list shows every diagnostic; a click opens the note at its line", async () => {
		await openGraph("?view=graph");
		const { source } = nodeIndex();
		expect(source.problems().length).toBeGreaterThanOrEqual(5);
		expect(await b.page.textContent('[data-action="problems"]')).toBe(`Problems (${source.problems().length})`);
		await b.page.click('[data-action="problems"]');
		const items = await b.page.locator(".gpufit-graph-problem a").evaluateAll((as) => as.map((a) => ({ path: a.getAttribute("data-path"), line: a.getAttribute("data-line"), text: a.textContent })));
		expect(items.map((i) => `${i.path}:${i.line}`)).toEqual(source.problems().map((p) => `${p.path}:${p.line ?? ""}`));
		const broken = items.findIndex((i) => i.path === "Hardware/Broken Frontmatter.md");
		expect(items[broken]?.text).toMatch(/Frontmatter YAML error/);
		await shot("problems-light");
		await b.page.locator(".gpufit-graph-problem a").nth(broken).click();
		const opens = await b.page.evaluate(() => window.gpufitHost.linkOpens);
		expect(opens.at(-1)).toMatchObject({ path: "Hardware/Broken Frontmatter.md", newLeaf: false, eState: { line: 3 } });
	});

	it("a missing note can be created from the graph (its folder, its series tag), never overwriting a file", async () => {
		await openGraph("?view=graph");
		await b.page.fill(".gpufit-graph-search input", "A Note That Does Not Exist");
		await b.page.press(".gpufit-graph-search input", "Enter");
		await b.page.waitForSelector('.gpufit-graph-panel [data-action="create"]');
		expect(await b.page.locator(".gpufit-graph-panel").innerText()).toMatch(/Inference Planning/);
		await b.page.click('.gpufit-graph-panel [data-action="create"]');
		const created = "Hardware/A Note That Does Not Exist Yet.md";
		await within(b.page.waitForFunction((p) => window.gpufitHost.noteText(p) !== undefined, created, { timeout: 20_000 }), 25_000, "created");
		const text = await b.page.evaluate((p) => window.gpufitHost.noteText(p), created);
		expect(text).toMatch(/^---\ntitle: "A Note That Does Not Exist Yet"\ntags:\n {2}- "#S13_Hardware"\ncreated: \d{4}-\d\d-\d\d\n---\n/);
		// The view follows the index: the missing name became a note, without a relayout of the others.
		await b.page.evaluate(() => window.gpufitHost.showGraphTab(true));
		await within(b.page.waitForFunction((p) => window.gpufitHost.graph()?.nodes.some((n) => n.id === `note:${p}`) === true, created, { timeout: 20_000 }), 25_000, "graph update");
		const g = await graph();
		expect(g?.nodes.some((n) => n.kind === "missing-note")).toBe(false);

		// The file exists now: "create" on a name whose file exists opens it and writes nothing.
		await b.page.evaluate((p) => window.gpufitHost.editNote(p, "---\ntitle: Someone else\n---\nkeep me\n"), created);
		const writes = await b.page.evaluate(async (p) => {
			const c = window.gpufitHost.graphController();
			await (c as unknown as { host: { createNote(name: string, by: string[]): Promise<string | undefined> } }).host.createNote("A Note That Does Not Exist Yet", ["Hardware/Multi-Tenant Planning.md"]);
			return window.gpufitHost.noteText(p);
		}, created);
		expect(writes).toBe("---\ntitle: Someone else\n---\nkeep me\n");
		expect(await b.page.evaluate(() => window.gpufitHost.notices.at(-1))).toMatch(/already exists/);
	});

	it("incremental: a note edit updates the drawing in place; nodes that stay do not move, new ones land by their neighbours", async () => {
		await openGraph("?view=graph");
		const before = await graph();
		const pos = new Map(before?.nodes.map((n) => [n.id, [n.x, n.y]]));
		await b.page.evaluate(() => window.gpufitHost.editNote("Hardware/Fresh Idea.md", `---\ntitle: Fresh Idea\ntags: ["#S13_Hardware"]\nFeedbackLoop: "First, Scaling to a Second Workstation GPU which it extends."\n---\nAn H100 note.\n`));
		await within(b.page.waitForFunction(() => window.gpufitHost.graph()?.nodes.some((n) => n.id === "note:Hardware/Fresh Idea.md") === true, undefined, { timeout: 20_000 }), 25_000, "update");
		await settled();
		const after = await graph();
		for (const n of after?.nodes ?? []) {
			const old = pos.get(n.id);
			if (old && n.id !== "note:Hardware/Fresh Idea.md") expect([n.x, n.y], n.id).toEqual(old);
		}
		const fresh = after?.nodes.find((n) => n.id === "note:Hardware/Fresh Idea.md");
		const second = after?.nodes.find((n) => n.id === "note:Hardware/Second GPU.md");
		const xs = after?.nodes.filter((n) => n.visible).map((n) => n.x) ?? [];
		const span = Math.max(...xs) - Math.min(...xs);
		expect(Math.hypot((fresh?.x ?? 0) - (second?.x ?? 0), (fresh?.y ?? 0) - (second?.y ?? 0))).toBeLessThan(span / 3);
		expect(after?.edges.some((e) => e.source === "note:Hardware/Fresh Idea.md" && e.target === "note:Hardware/Second GPU.md" && e.kind === "feedback" && e.visible)).toBe(true);
	});

	it("?view=graph&focus=NODE_ID opens local mode on that node, with its neighbourhood", async () => {
		const focus = "note:Hardware/Second GPU.md";
		await openGraph(`?view=graph&focus=${encodeURIComponent(focus)}`);
		const g = await graph();
		expect(g?.mode).toBe("local");
		expect(g?.focus).toBe(focus);
		const { source } = nodeIndex();
		const hood = neighbourhood(source.localGraph(focus, 1), focus, 1, new Set(localEdgeKinds()), 1500);
		expect(new Set(g?.nodes.filter((n) => n.visible).map((n) => n.id))).toEqual(new Set(hood.nodes.filter((id) => !id.startsWith("missing:"))));
		expect(g?.nodes.some((n) => n.kind === "tag" && n.visible)).toBe(true);
		expect(g?.edges.some((e) => e.kind === "mentions" && e.visible)).toBe(true);
		await shot("local-light");
		await b.page.evaluate(() => window.gpufitHost.setTheme("dark"));
		await shot("local-dark");
		// Depth 2 reaches further.
		await b.page.selectOption(".gpufit-graph-depth", "2");
		await settled();
		const g2 = await graph();
		expect(g2?.nodes.filter((n) => n.visible).length).toBeGreaterThan(g?.nodes.filter((n) => n.visible).length ?? 0);
	});

	it("local mode follows the active note unless pinned", async () => {
		await openGraph("?view=graph");
		await b.page.click('[data-mode="local"]');
		await settled();
		await b.page.evaluate(() => window.gpufitHost.openNote("Hardware/KV Cache Growth.md"));
		await b.page.evaluate(() => window.gpufitHost.showGraphTab(true));
		await within(b.page.waitForFunction(() => window.gpufitHost.graph()?.focus === "note:Hardware/KV Cache Growth.md", undefined, { timeout: 20_000 }), 25_000, "follow");
		const g = await graph();
		expect(g?.nodes.find((n) => n.id === "note:Hardware/KV Cache Growth.md")?.visible).toBe(true);
	});

	it("without WebGL (hardware acceleration off) the graph is still drawn: it needs only a 2D canvas", async () => {
		await openGraph("?view=graph&webgl=off");
		const g = await graph();
		expect(g?.drawing).toBe(true);
		expect(g?.labels.length).toBeGreaterThan(5);
		expect(await b.page.locator(".gpufit-graph-nocanvas").count()).toBe(0);
		await shot("no-webgl-light");
	});

	it("without any canvas the view says so, and search, the side panel and the problems list still work", async () => {
		await openGraph("?view=graph&canvas=off");
		const g = await graph();
		expect(g?.drawing).toBe(false);
		expect(await b.page.locator(".gpufit-graph-nocanvas").innerText()).toMatch(/no canvas/);
		await b.page.fill(".gpufit-graph-search input", "RTX 6000 PRO B");
		await b.page.press(".gpufit-graph-search input", "Enter");
		await b.page.waitForSelector(".gpufit-graph-panel.is-open .gpufit-graph-facts");
		expect(await b.page.locator(".gpufit-graph-panel").innerText()).toMatch(/Usable memory\s+95\.6 GiB/);
		await b.page.click('[data-action="problems"]');
		expect(await b.page.locator(".gpufit-graph-problem").count()).toBe(nodeIndex().source.problems().length);
		await shot("no-canvas-light");
	});

	it("fits a 420 px phone: toolbar wraps, the panel becomes a sheet, nothing overflows", async () => {
		await b.page.setViewportSize({ width: 420, height: 800 });
		try {
			await openGraph("?view=graph");
			await b.page.evaluate(() => { document.querySelector<HTMLElement>(".host-sidebar")?.classList.add("host-hidden"); });
			await b.page.evaluate(() => window.gpufitHost.graphController()?.resize());
			await b.page.fill(".gpufit-graph-search input", "H100");
			await b.page.press(".gpufit-graph-search input", "Enter");
			await b.page.waitForSelector(".gpufit-graph-panel.is-open");
			const view = await b.page.locator(".gpufit-graph-view").boundingBox();
			const panel = await b.page.locator(".gpufit-graph-panel").boundingBox();
			if (!view || !panel) throw new Error("missing boxes");
			expect(panel.width).toBeGreaterThan(view.width - 4);
			expect(panel.y).toBeGreaterThan(view.y + view.height * 0.3);
			const overflow = await b.page.evaluate(() => {
				const v = document.querySelector(".gpufit-graph-view");
				return v ? v.scrollWidth - v.clientWidth : -1;
			});
			expect(overflow).toBe(0);
			await shot("phone-light");
		} finally {
			await b.page.setViewportSize({ width: 1280, height: 900 });
		}
	});

	it("closing the view leaves nothing behind", async () => {
		await openGraph("?view=graph");
		await b.page.evaluate(() => window.gpufitHost.closeGraph());
		await b.page.waitForTimeout(100);
		const base = await b.page.evaluate(() => window.gpufitHost.leakReport());
		await b.page.evaluate(() => window.gpufitHost.openGraph());
		await settled();
		await b.page.evaluate(() => window.gpufitHost.closeGraph());
		await b.page.waitForTimeout(100);
		const after = await b.page.evaluate(() => window.gpufitHost.leakReport());
		expect(after.eventHandlers).toBe(base.eventHandlers);
		expect(b.errors).toEqual([]);
	});
});
