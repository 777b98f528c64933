/**
 * The gpufit block where it lives: a ~700 px note column and a 420 px phone. Measures element boxes (not pixels):
 * the default block's key columns inside the visible box, the format column and caption in view after a wide table
 * scrolls, chart text ≥ 11 px, the comparison matrix with the user's card first, and the "why" panel opened by click
 * and by keyboard showing the estimator's why text. Saves screenshots of both widths in both themes.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import { whyText } from "../../src/estimator/why-text";
import { buildBlockModel } from "../../src/plugin/compute";
import { defaultSettings } from "../../src/plugin/settings";
import { buildHost, startServer, type HostServer } from "../host/server";
import { launch, within, type Browser } from "./browser";

const ROOT = path.resolve(__dirname, "../..");
const VAULT = path.join(ROOT, "example-vault");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const BUDGET = "Hardware/GPU Memory Budgeting.md";
const COMPARE = "Hardware/Consumer vs Workstation.md";
const WIDE = "Layout/Wide table.md";
const WIDE_TEXT = "# Wide\n\n```gpufit\nmodel: Llama-3.3-70B\ncount: 2\ncontext: 32k\nconcurrency: 4\n"
	+ "show: [bits, weights, kv, overhead, total, verdict, headroom, sessions, support, decode, aggregate, prefill]\n```\n";

/** The two widths: a desktop window whose note column is Obsidian's readable line width, and a phone. */
const WIDTHS = [
	{ name: "700", viewport: { width: 1280, height: 900 } },
	{ name: "420", viewport: { width: 420, height: 860 } },
] as const;

let server: HostServer;
let b: Browser;

async function open(note: string, viewport: { width: number; height: number }, theme: "light" | "dark" = "light"): Promise<void> {
	await b.page.setViewportSize(viewport);
	await b.page.goto(`${server.url}?note=${encodeURIComponent(note)}&theme=${theme}`);
	await within(b.page.evaluate(() => window.gpufitHost.ready), 20_000, "host ready");
	await b.page.waitForFunction(() => document.querySelector(".block-language-gpufit .gpufit-block") !== null && document.querySelector(".gpufit-pending") === null, undefined, { timeout: 10_000 });
}

interface Box { left: number; right: number; top: number; bottom: number; width: number }

/** Boxes of the note column, the first block, its scroll box and each key cell of its first table. */
function measureDefault(): Promise<{ sizer: Box; sidebar: Box; block: Box; scroll: Box; scrollOverflow: number; cells: { col: string; box: Box; text: string }[] }> {
	return b.page.evaluate(() => {
		const box = (e: Element | null): Box => {
			const r = e?.getBoundingClientRect();
			return { left: r?.left ?? 0, right: r?.right ?? 0, top: r?.top ?? 0, bottom: r?.bottom ?? 0, width: r?.width ?? 0 };
		};
		const block = document.querySelector(".block-language-gpufit .gpufit-block");
		const scroll = block?.querySelector(".gpufit-scroll") ?? null;
		const cells = Array.from(block?.querySelectorAll("table.gpufit-fit tbody tr.gpufit-row > *") ?? []).map((c) => ({
			col: Array.from(c.classList).find((k) => k.startsWith("gpufit-col-"))?.slice("gpufit-col-".length) ?? "",
			box: box(c),
			text: c.textContent ?? "",
		}));
		return {
			sizer: box(document.querySelector(".markdown-preview-sizer")),
			sidebar: box(document.querySelector(".host-sidebar")),
			block: box(block),
			scroll: box(scroll),
			scrollOverflow: scroll ? scroll.scrollWidth - scroll.clientWidth : -1,
			cells,
		};
	});
}

const inside = (inner: Box, outer: Box) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.width > 0;

beforeAll(async () => {
	await buildHost();
	server = await startServer({ port: 0, vault: VAULT });
	b = await launch();
	await b.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
	fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
	await b?.close();
	await server?.close();
});

describe.each(WIDTHS)("the default block at $name px", ({ name, viewport }) => {
	it("shows format, total per GPU, verdict, sessions and decode inside the visible box, without sideways scrolling", async () => {
		await open(BUDGET, viewport);
		const m = await measureDefault();
		if (name === "700") {
			expect(m.sizer.width).toBeCloseTo(700, 0);
			expect(m.sidebar.width).toBeGreaterThan(0);
		} else {
			// The file list collapses as on Obsidian mobile: the note takes the phone's width.
			expect(m.sidebar.width).toBe(0);
			expect(m.sizer.width).toBeGreaterThan(360);
			expect(m.sizer.right).toBeLessThanOrEqual(420);
		}
		expect(m.scrollOverflow).toBeLessThanOrEqual(0);
		const cols = new Set(m.cells.map((c) => c.col));
		expect([...cols]).toEqual(["format", "total", "verdict", "sessions", "decode"]);
		const visible = { left: 0, right: viewport.width, top: 0, bottom: Infinity, width: viewport.width };
		for (const c of m.cells) {
			expect(inside(c.box, m.scroll), `${c.col} "${c.text}" inside the block's box`).toBe(true);
			expect(inside(c.box, visible), `${c.col} "${c.text}" inside the window`).toBe(true);
		}
		expect(m.cells.filter((c) => c.col === "verdict").every((c) => /^[✓◐✗⊘] /.test(c.text))).toBe(true);
	});

	it("keeps chart text at 11 px or more", async () => {
		await open(BUDGET, viewport);
		const sizes = await b.page.evaluate(() => Array.from(document.querySelectorAll(".gpufit-chart-label, .gpufit-chart-value, .gpufit-chart-limit-label, .gpufit-legend-item"))
			.filter((e) => (e.textContent ?? "") !== "")
			.map((e) => ({ font: parseFloat(getComputedStyle(e).fontSize), height: e.getBoundingClientRect().height })));
		expect(sizes.length).toBeGreaterThan(5);
		for (const s of sizes) {
			expect(s.font).toBeGreaterThanOrEqual(11);
			expect(s.height).toBeGreaterThanOrEqual(11);
		}
	});

	it("fits the comparison matrix with the user's card first, every cell in view", async () => {
		await open(COMPARE, viewport);
		const m = await b.page.evaluate(() => {
			const matrix = document.querySelector(".gpufit-matrix");
			const scroll = matrix?.closest(".gpufit-scroll");
			const sr = scroll?.getBoundingClientRect();
			const cells = Array.from(matrix?.querySelectorAll("td.gpufit-cell") ?? []).map((c) => {
				const r = c.getBoundingClientRect();
				return { left: r.left, right: r.right, label: c.getAttribute("data-label") ?? "" };
			});
			return {
				overflow: scroll ? scroll.scrollWidth - scroll.clientWidth : -1,
				scroll: { left: sr?.left ?? 0, right: sr?.right ?? 0 },
				headers: Array.from(matrix?.querySelectorAll("thead th") ?? []).map((h) => h.textContent ?? ""),
				firstLabel: cells[0]?.label ?? "",
				cells,
				formats: Array.from(matrix?.querySelectorAll("tbody tr.gpufit-row:not(.gpufit-best) .gpufit-format-name") ?? []).map((e) => e.textContent),
				note: document.querySelector(".gpufit-matrix-note")?.textContent ?? "",
			};
		});
		expect(m.overflow).toBeLessThanOrEqual(0);
		// The rig (settings default: RTX PRO 6000 Blackwell) leads, though the block lists it last.
		expect(m.headers[1]).toMatch(/^RTX PRO 6000 .*my rig$/);
		expect(m.firstLabel).toMatch(/^RTX PRO 6000 .*\(my rig\)$/);
		for (const c of m.cells) expect(c.left >= m.scroll.left - 0.5 && c.right <= m.scroll.right + 0.5, c.label).toBe(true);
		// Every requested format, per model (3 models × the vLLM ladder).
		expect(m.formats.length).toBe(15);
		expect(m.note).toMatch(/^Best: the highest-precision format/);
	});
});

describe("a wide table (every column) at 700 px", () => {
	it("scrolls sideways with the format column and the caption still in view", async () => {
		await open(BUDGET, WIDTHS[0].viewport);
		await b.page.evaluate(async ([p, t]) => {
			await window.gpufitHost.editNote(p, t);
			window.gpufitHost.openNote(p);
		}, [WIDE, WIDE_TEXT] as const);
		await b.page.waitForFunction(() => document.querySelector(".gpufit-fit") !== null);
		const r = await b.page.evaluate(() => {
			const scroll = document.querySelector(".gpufit-fit")?.closest(".gpufit-scroll") as HTMLElement;
			const overflow = scroll.scrollWidth - scroll.clientWidth;
			scroll.scrollLeft = scroll.scrollWidth;
			const sr = scroll.getBoundingClientRect();
			const boxes = (sel: string) => Array.from(scroll.querySelectorAll(sel)).map((e) => e.getBoundingClientRect()).map((x) => ({ left: x.left, right: x.right }));
			return {
				overflow,
				scrolled: scroll.scrollLeft,
				scroll: { left: sr.left, right: sr.right },
				formats: boxes("tbody .gpufit-col-format"),
				buttons: boxes("tbody .gpufit-why-toggle"),
				caption: boxes(".gpufit-caption-text"),
				prefill: boxes("tbody .gpufit-col-prefill"),
			};
		});
		expect(r.overflow).toBeGreaterThan(50);
		expect(r.scrolled).toBeGreaterThan(50);
		const inView = (x: { left: number; right: number }) => x.left >= r.scroll.left - 0.5 && x.right <= r.scroll.right + 0.5;
		for (const f of [...r.formats, ...r.buttons, ...r.caption]) expect(inView(f)).toBe(true);
		// The last column came into view beside them.
		for (const p of r.prefill) expect(inView(p)).toBe(true);
		await b.page.screenshot({ path: path.join(ARTIFACTS, "block-wide-scrolled-700-light.png") });
	});
});

describe("the why panel", () => {
	const catalog = loadCatalog();
	const expected = () => {
		const source = fs.readFileSync(path.join(VAULT, BUDGET), "utf8").split("```gpufit\n")[1]?.split("```")[0] ?? "";
		const model = buildBlockModel(source, catalog, defaultSettings(), computeFitTable);
		const t = model.tables[0];
		if (!t) throw new Error("no table");
		return t.rows.map((r) => whyText(t, r));
	};

	it.each(WIDTHS)("opens by click at $name px, shows the row's computation, copies it, and closes", async ({ viewport }) => {
		await open(BUDGET, viewport);
		const texts = expected();
		const toggle = b.page.locator(".block-language-gpufit >> nth=0").locator("tbody tr.gpufit-row").nth(0).locator(".gpufit-why-toggle");
		expect(await toggle.getAttribute("aria-expanded")).toBe("false");
		await toggle.click();
		expect(await toggle.getAttribute("aria-expanded")).toBe("true");
		const panel = await b.page.evaluate(() => {
			const row = document.querySelector(".block-language-gpufit tbody tr.gpufit-row");
			const next = row?.nextElementSibling;
			const lines = Array.from(next?.querySelectorAll(".gpufit-why-line") ?? []).map((l) => l.textContent ?? "");
			const block = document.querySelector(".block-language-gpufit .gpufit-block")?.getBoundingClientRect();
			const p = next?.querySelector(".gpufit-why")?.getBoundingClientRect();
			const controls = document.querySelector(".gpufit-why-toggle")?.getAttribute("aria-controls") ?? "";
			return { isPanel: next?.classList.contains("gpufit-why-row") ?? false, lines, fits: !!p && !!block && p.right <= block.right + 0.5 && p.left >= block.left - 0.5, controlled: !!document.getElementById(controls)?.querySelector(".gpufit-why") };
		});
		expect(panel.isPanel).toBe(true);
		expect(panel.lines.join("\n")).toBe(texts[0]);
		expect(panel.fits).toBe(true);
		expect(panel.controlled).toBe(true);
		await b.page.locator(".gpufit-why .gpufit-copy").first().click();
		await b.page.waitForFunction(() => window.gpufitHost.notices.some((n) => n.startsWith("Copied the computation")), undefined, { timeout: 3000 });
		expect(await b.page.evaluate(() => navigator.clipboard.readText())).toBe(texts[0]);
		await toggle.click();
		expect(await b.page.locator(".gpufit-why-row").count()).toBe(0);
		expect(await toggle.getAttribute("aria-expanded")).toBe("false");
	});

	it("opens and closes from the keyboard: Tab reaches the next row's button, Enter opens, Space closes", async () => {
		await open(BUDGET, WIDTHS[0].viewport);
		const texts = expected();
		await b.page.locator(".gpufit-why-toggle").first().focus();
		await b.page.keyboard.press("Tab");
		const focused = await b.page.evaluate(() => {
			const a = document.activeElement;
			return { isToggle: a?.classList.contains("gpufit-why-toggle") ?? false, format: a?.closest("tr")?.getAttribute("data-format") };
		});
		expect(focused).toEqual({ isToggle: true, format: "fp8" });
		await b.page.keyboard.press("Enter");
		const lines = await b.page.evaluate(() => Array.from(document.activeElement?.closest("tr")?.nextElementSibling?.querySelectorAll(".gpufit-why-line") ?? []).map((l) => l.textContent ?? ""));
		expect(lines.join("\n")).toBe(texts[1]);
		await b.page.keyboard.press("Space");
		expect(await b.page.locator(".gpufit-why-row").count()).toBe(0);
	});

	it("is a touch-sized target on a coarse pointer", async () => {
		await open(BUDGET, WIDTHS[1].viewport);
		const cdp = await b.context.newCDPSession(b.page);
		await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
		try {
			const size = await b.page.evaluate(() => {
				const r = document.querySelector(".gpufit-why-toggle")?.getBoundingClientRect();
				return { coarse: matchMedia("(pointer: coarse)").matches, width: r?.width ?? 0, height: r?.height ?? 0 };
			});
			expect(size.coarse).toBe(true);
			expect(size.height).toBeGreaterThanOrEqual(36);
			expect(size.width).toBeGreaterThanOrEqual(44);
		} finally {
			await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: false });
			await cdp.detach();
		}
	});
});

describe("screenshots", () => {
	it.each(WIDTHS.flatMap((w) => (["light", "dark"] as const).map((theme) => ({ ...w, theme }))))("$name px, $theme", async ({ name, viewport, theme }) => {
		await open(BUDGET, viewport, theme);
		await b.page.locator(".gpufit-why-toggle").nth(1).click();
		await b.page.locator(".block-language-gpufit").first().evaluate((e) => e.scrollIntoView());
		await b.page.screenshot({ path: path.join(ARTIFACTS, `block-${name}-${theme}.png`) });
		await b.page.locator(".block-language-gpufit").first().screenshot({ path: path.join(ARTIFACTS, `block-${name}-${theme}-full.png`) });
		await open(COMPARE, viewport, theme);
		await b.page.locator(".gpufit-matrix").first().evaluate((e) => e.scrollIntoView());
		await b.page.screenshot({ path: path.join(ARTIFACTS, `matrix-${name}-${theme}.png`) });
		expect(b.errors).toEqual([]);
	});
});
