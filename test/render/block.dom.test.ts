// @vitest-environment happy-dom
/**
 * DOM tests of the render layer in happy-dom: tables, verdicts, why panels, the comparison matrix, the chart, errors,
 * and hostile strings staying text. The render layer builds nodes only through createElement / textContent /
 * setAttribute; a guard below fails the test if anything sets innerHTML, outerHTML or calls insertAdjacentHTML.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import type { FitRequest, FitTable } from "../../src/estimator/types";
import { whyText } from "../../src/estimator/why-text";
import { COPY_LABEL, renderBlock, type BlockModel, type RenderedBlock } from "../../src/render/block";
import { resolveShow } from "../../src/render/columns";
import { tableCaption } from "../../src/render/format";
import { fitTableToMarkdown } from "../../src/render/markdown";
import { BEST_MEANS } from "../../src/render/matrix";
import { sampleTable } from "./sample";

const catalog = loadCatalog();

function fit(request: FitRequest): FitTable {
	const t = computeFitTable(catalog, request);
	if (!t.ok) throw new Error(t.error.message);
	return t.value;
}

function render(model: Partial<BlockModel>): RenderedBlock {
	const r = renderBlock(document, { tables: [], requestErrors: [], specIssues: [], ...model });
	document.body.replaceChildren(r.root);
	return r;
}

const texts = (els: Iterable<Element>) => Array.from(els, (e) => e.textContent ?? "");

// Any HTML parsing from strings fails the suite.
const guarded: [object, string, PropertyDescriptor | undefined][] = [];
beforeAll(() => {
	const trap = (proto: object, name: string, setter: boolean) => {
		guarded.push([proto, name, Object.getOwnPropertyDescriptor(proto, name)]);
		const fail = () => {
			throw new Error(`${name} used by the render layer`);
		};
		Object.defineProperty(proto, name, setter ? { configurable: true, get: () => "", set: fail } : { configurable: true, value: fail });
	};
	trap(Element.prototype, "innerHTML", true);
	trap(Element.prototype, "outerHTML", true);
	trap(Element.prototype, "insertAdjacentHTML", false);
});
afterAll(() => {
	for (const [proto, name, d] of guarded) {
		if (d) Object.defineProperty(proto, name, d);
		else Reflect.deleteProperty(proto, name);
	}
});

describe("the fit table", () => {
	const table = fit({ model: "Llama-3.3-70B", gpu: "RTX PRO 6000", count: 2, context: 32768, concurrency: 4, quant: ["bf16", "fp8", "awq", "q4_k_m"] });

	it("has the caption, the default columns and one row per format with the column texts", () => {
		const { root } = render({ tables: [table] });
		const t = root.querySelector("table.gpufit-fit");
		expect(t?.querySelector("caption")?.textContent).toBe(tableCaption(table));
		expect(texts(t?.querySelectorAll("thead th") ?? [])).toEqual(["Format", "Per GPU GiB", "Verdict", "Sessions", "Decode tok/s"]);
		const rows = Array.from(t?.querySelectorAll("tbody tr.gpufit-row") ?? []);
		expect(rows.map((r) => r.getAttribute("data-format"))).toEqual(["bf16", "fp8", "awq", "q4_k_m"]);
		const columns = resolveShow(undefined).columns;
		rows.forEach((tr, i) => {
			const r = table.rows[i];
			if (!r) throw new Error("row");
			const cells = Array.from(tr.children).map((c) => (c.querySelector(".gpufit-format-name") ?? c).textContent);
			expect(cells).toEqual(columns.map((c) => c.text(r, table.concurrency)));
			expect(tr.classList.contains(`is-${r.verdict}`)).toBe(true);
			// Narrow blocks label each figure from this attribute.
			expect(Array.from(tr.querySelectorAll("td")).map((td) => td.getAttribute("data-label"))).toEqual(columns.slice(1).map((c) => c.header));
		});
	});

	it("says each verdict in its own words and mark", () => {
		const { root } = render({ tables: [table] });
		const verdict = (format: string) => root.querySelector(`tr[data-format="${format}"] .gpufit-col-verdict`);
		expect(verdict("bf16")?.textContent).toBe("◐ 3 of 4 sequences fit");
		expect(verdict("bf16")?.getAttribute("title")).toMatch(/^Fits 3 of 4 sequences \(\d+\.\d GiB per GPU short of all 4\)$/);
		expect(verdict("fp8")?.textContent).toMatch(/^✓ Fits, \d+\.\d GiB free$/);
		expect(verdict("q4_k_m")?.textContent).toBe("⊘ Unsupported");
		expect(verdict("q4_k_m")?.classList.contains("gpufit-verdict-unsupported")).toBe(true);
		expect(root.querySelector('tr[data-format="q4_k_m"] .gpufit-col-sessions')?.textContent).toBe("—");
		const oom = render({ tables: [fit({ model: "Llama-3.3-70B", gpu: "RTX 4090", quant: ["bf16"] })] }).root;
		expect(oom.querySelector("tbody .gpufit-col-verdict")?.textContent).toMatch(/^✗ Out of memory by \d+\.\d GiB$/);
		expect(oom.querySelector("tbody .gpufit-col-sessions")?.textContent).toBe("0");
	});

	it("labels support by consequence: weight-only for the dequantizing paths, the reason on hover", () => {
		const { root } = render({ tables: [table], show: ["support"] });
		const support = (format: string) => root.querySelector(`tr[data-format="${format}"] .gpufit-col-support`);
		expect(support("awq")?.textContent).toBe("weight-only");
		expect(support("awq")?.classList.contains("gpufit-support-emulated")).toBe(true);
		expect(support("fp8")?.textContent).toBe("native");
		expect(support("q4_k_m")?.getAttribute("title")).toMatch(/vLLM loads HF checkpoints/);
		// Weight-only is a normal path: never the warning colour.
		const css = fs.readFileSync(path.resolve(__dirname, "../../styles.css"), "utf8");
		expect(css).not.toMatch(/gpufit-support-emulated\s*\{[^}]*yellow/);
	});

	it("lists table notes and each distinct warning once", () => {
		const { root } = render({ tables: [table] });
		const notes = texts(root.querySelectorAll(".gpufit-notes li"));
		expect(new Set(notes).size).toBe(notes.length);
		expect(notes).toContain("Only 3 sequences of 32768 tokens fit, 4 asked.");
	});

	it("copies the table as Markdown from its button", () => {
		const r = render({ tables: [table] });
		const button = Array.from(r.root.querySelectorAll("button.gpufit-copy")).find((b) => b.textContent === COPY_LABEL);
		if (!button) throw new Error("no copy button");
		expect(r.click(button)).toEqual({ text: fitTableToMarkdown(table, resolveShow(undefined).columns), notice: "Copied the table as Markdown." });
	});
});

describe("the why panel", () => {
	const table = fit({ model: "Qwen3-8B", gpu: "RTX 4090", quant: ["bf16", "awq"] });

	it("a row button opens the computation under its row, copies it, and closes", () => {
		const r = render({ tables: [table] });
		const button = r.root.querySelector('tr[data-format="awq"] button.gpufit-why-toggle');
		if (!button) throw new Error("no why button");
		expect(button.getAttribute("type")).toBe("button");
		expect(button.getAttribute("aria-expanded")).toBe("false");
		expect(button.getAttribute("aria-label")).toBe("Why AWQ INT4 (g128): how each figure was computed");
		expect(r.click(button)).toBeUndefined();
		const row = button.closest("tr");
		const panelRow = row?.nextElementSibling;
		expect(panelRow?.classList.contains("gpufit-why-row")).toBe(true);
		expect(button.getAttribute("aria-expanded")).toBe("true");
		const cell = panelRow?.querySelector("td");
		expect(cell?.getAttribute("colspan")).toBe("5");
		expect(button.getAttribute("aria-controls")).toBe(cell?.id);
		const awq = table.rows[1];
		if (!awq) throw new Error("row");
		expect(texts(panelRow?.querySelectorAll(".gpufit-why-line") ?? []).join("\n")).toBe(whyText(table, awq));
		const copy = panelRow?.querySelector("button.gpufit-copy");
		if (!copy) throw new Error("no copy");
		expect(r.click(copy)).toEqual({ text: whyText(table, awq), notice: "Copied the computation." });
		r.click(button);
		expect(r.root.querySelector(".gpufit-why-row")).toBeNull();
		expect(button.getAttribute("aria-expanded")).toBe("false");
		expect(button.hasAttribute("aria-controls")).toBe(false);
	});

	it("clicks outside the buttons do nothing", () => {
		const r = render({ tables: [table] });
		expect(r.click(r.root.querySelector("caption") as Element)).toBeUndefined();
		expect(r.root.querySelector(".gpufit-why-row")).toBeNull();
	});

	it("panels of two rows open independently", () => {
		const r = render({ tables: [table] });
		for (const b of Array.from(r.root.querySelectorAll("button.gpufit-why-toggle"))) r.click(b);
		const ids = Array.from(r.root.querySelectorAll(".gpufit-why-row td")).map((td) => td.id);
		expect(ids.length).toBe(2);
		expect(new Set(ids).size).toBe(2);
	});
});

describe("the comparison matrix", () => {
	const settings = { context: 8192, quant: ["bf16", "fp8", "awq"] };
	const tables = [
		fit({ model: "Qwen3-32B", gpu: "RTX 5090", ...settings }),
		fit({ model: "Qwen3-32B", gpu: "RTX PRO 6000", ...settings }),
		fit({ model: "Qwen3-8B", gpu: "RTX 5090", ...settings }),
		fit({ model: "Qwen3-8B", gpu: "RTX PRO 6000", ...settings }),
	];

	it("puts the user's card first, says what best means, and shows every format per setup", () => {
		const { root } = render({ tables, rigGpuId: tables[1]?.gpuId ?? "" });
		const m = root.querySelector("table.gpufit-matrix");
		const heads = texts(m?.querySelectorAll("thead th") ?? []);
		expect(heads[0]).toBe("Format");
		expect(heads[1]).toMatch(/^RTX PRO 6000 .*my rig$/);
		expect(heads[2]).toMatch(/RTX 5090/);
		const groups = Array.from(m?.querySelectorAll("tbody") ?? []);
		expect(groups.map((g) => g.getAttribute("data-model"))).toEqual(["Qwen3-32B", "Qwen3-8B"]);
		for (const g of groups) {
			const rows = Array.from(g.querySelectorAll("tr.gpufit-row"));
			expect(rows[0]?.classList.contains("gpufit-best")).toBe(true);
			expect(rows.slice(1).map((r) => r.getAttribute("data-format"))).toEqual(["bf16", "fp8", "awq"]);
		}
		expect(root.querySelector(".gpufit-matrix-note")?.textContent).toBe(BEST_MEANS);
		// Qwen3-32B BF16 does not fit a 32 GB card; its best there is a smaller format.
		const best32 = texts(groups[0]?.querySelectorAll(".gpufit-best td") ?? []);
		expect(best32[0]).toBe("BF16");
		expect(best32[1]).not.toBe("BF16");
	});

	it("each cell has the verdict, then sessions and decode (and weight-only where it applies)", () => {
		const { root } = render({ tables, rigGpuId: tables[1]?.gpuId ?? "" });
		const cell = root.querySelector('tbody[data-model="Qwen3-8B"] tr[data-format="awq"] td.gpufit-cell');
		expect(cell?.querySelector(".gpufit-cell-verdict")?.textContent).toMatch(/^✓ Fits, /);
		expect(cell?.querySelector(".gpufit-cell-detail")?.textContent).toMatch(/^\d+ sessions · [\d,]+ tok\/s · weight-only$/);
		expect(cell?.getAttribute("data-label")).toMatch(/\(my rig\)$/);
		const oom = root.querySelector('tbody[data-model="Qwen3-32B"] tr[data-format="bf16"] td.gpufit-cell:nth-of-type(2)');
		expect(oom?.textContent).toMatch(/^✗ Out of memory by /);
	});

	it("a pair that could not be computed shows a dash", () => {
		const { root } = render({ tables: tables.slice(0, 3) });
		const missing = root.querySelector('tbody[data-model="Qwen3-8B"] tr[data-format="bf16"] td.gpufit-cell.is-missing');
		expect(missing?.textContent).toBe("—");
	});

	it("orders the per-pair details like the matrix: the user's card first", () => {
		const { root } = render({ tables, rigGpuId: tables[1]?.gpuId ?? "" });
		expect(texts(root.querySelectorAll("details > summary"))).toEqual([
			`Qwen3-32B on ${tables[1]?.gpu ?? ""}: every figure`, `Qwen3-32B on ${tables[0]?.gpu ?? ""}: every figure`,
			`Qwen3-8B on ${tables[3]?.gpu ?? ""}: every figure`, `Qwen3-8B on ${tables[2]?.gpu ?? ""}: every figure`,
		]);
	});
});

describe("the chart", () => {
	const table = fit({ model: "Qwen3-30B", gpu: "RTX PRO 6000", quant: ["bf16", "fp8", "nvfp4"] });

	it("one bar per format, segments in proportion, the usable line where usable memory is", () => {
		const { root } = render({ tables: [table] });
		const chart = root.querySelector(".gpufit-chart-grid");
		expect(chart?.getAttribute("role")).toBe("img");
		expect(chart?.getAttribute("aria-label")).toMatch(/^Memory per GPU against 86\.0 GiB usable: BF16 \d+\.\d GiB, /);
		const tracks = Array.from(chart?.querySelectorAll<HTMLElement>(".gpufit-chart-track:not(.gpufit-chart-scale)") ?? []);
		expect(tracks.length).toBe(3);
		const pct = (e: Element | null) => parseFloat((e as HTMLElement | null)?.style.width ?? "");
		const full = Math.max(86.03, ...table.rows.map((r) => r.perGpuGiB)) * 1.04;
		tracks.forEach((track, i) => {
			const r = table.rows[i];
			if (!r) throw new Error("row");
			expect(pct(track.querySelector(".gpufit-seg-weights"))).toBeCloseTo((r.weightsPerGpuGiB / full) * 100, 1);
			expect(parseFloat((track.querySelector(".gpufit-chart-limit") as HTMLElement).style.left)).toBeCloseTo((r.usableGiBPerGpu / full) * 100, 1);
		});
		expect(texts(chart?.querySelectorAll(".gpufit-chart-value") ?? []).filter(Boolean)).toEqual(table.rows.map((r) => `${r.perGpuGiB.toFixed(1)} GiB`));
	});

	it("only when the block asks (a `show:` list without chart has none)", () => {
		expect(render({ tables: [table], show: ["total"] }).root.querySelector(".gpufit-chart")).toBeNull();
	});
});

describe("errors", () => {
	it("a block that could not be computed lists each problem, with its line", () => {
		const { root } = render({ specIssues: [{ message: 'Unknown key "contxt".', line: 2 }, { message: "Missing `model:`." }] });
		const box = root.querySelector(".gpufit-error");
		expect(box?.getAttribute("role")).toBe("alert");
		expect(box?.querySelector(".gpufit-error-title")?.textContent).toBe("This gpufit block could not be computed");
		expect(texts(box?.querySelectorAll("li") ?? [])).toEqual(['Line 2: Unknown key "contxt".', "Missing `model:`."]);
		expect(root.querySelector("table")).toBeNull();
	});

	it("skipped pairs are listed above the tables that did compute", () => {
		const { root } = render({
			tables: [sampleTable()],
			requestErrors: [{ what: "Qwen3-31B on RTX 4090", message: 'Unknown model "Qwen3-31B". Did you mean "Qwen3-32B"?', suggestions: ["Qwen3-32B"] }],
		});
		expect(root.firstElementChild?.classList.contains("gpufit-error")).toBe(true);
		expect(root.querySelector(".gpufit-error-title")?.textContent).toBe("Some entries in this block were skipped");
		expect(root.querySelector(".gpufit-error li")?.textContent).toBe('Qwen3-31B on RTX 4090: Unknown model "Qwen3-31B". Did you mean "Qwen3-32B"?');
		expect(root.querySelector("table.gpufit-fit")).not.toBeNull();
	});
});

describe("hostile strings stay text", () => {
	const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';

	it("in request errors, spec issues, captions, format names, reasons and why panels", () => {
		const table = sampleTable({ model: evil, gpu: `${evil} GPU`, notes: [evil] });
		table.rows = table.rows.map((r) => ({ ...r, formatName: `${r.formatName} ${evil}`, supportReason: evil, warnings: [evil], why: [{ label: evil, formula: evil, value: 1, unit: evil }] }));
		const r = render({
			tables: [table, { ...table, gpu: "other" }],
			requestErrors: [{ what: evil, message: evil, suggestions: [evil] }],
			specIssues: [],
			show: ["support", "verdict", "chart"],
		});
		for (const b of Array.from(r.root.querySelectorAll("button.gpufit-why-toggle"))) r.click(b);
		expect(r.root.querySelectorAll("img, script, b, iframe").length).toBe(0);
		for (const el of Array.from(r.root.querySelectorAll("*"))) {
			for (const a of Array.from(el.attributes)) expect(a.name.startsWith("on"), `${el.tagName} ${a.name}`).toBe(false);
		}
		const text = r.root.textContent ?? "";
		expect(text).toContain(`${evil}: ${evil}`); // the request error
		expect(text).toContain(`${evil} on ${evil} GPU`); // the caption
		expect(r.root.querySelector(".gpufit-why-line")?.textContent).toContain(evil);
		expect(r.root.querySelector("tbody .gpufit-col-support")?.getAttribute("title")).toBe(evil);
	});

	it("in spec issues", () => {
		const { root } = render({ specIssues: [{ message: evil, line: 1 }] });
		expect(root.querySelectorAll("img, script, b").length).toBe(0);
		expect(root.querySelector("li")?.textContent).toBe(`Line 1: ${evil}`);
	});

	it("the guard works: a render that parsed HTML would throw", () => {
		expect(() => {
			Reflect.set(document.body, "innerHTML", "<b>x</b>");
		}).toThrow(/innerHTML used/);
	});
});
