import { describe, expect, it } from "vitest";
import { COLUMNS, resolveShow } from "../../src/render/columns";
import { formatGiB, formatHeadroom, formatRate, tableCaption } from "../../src/render/format";
import { escapeCell, fitTableToMarkdown } from "../../src/render/markdown";
import { BEST_MEANS, bestRow, matrixToMarkdown } from "../../src/render/matrix";
import { sampleTable } from "./sample";

describe("formatting", () => {
	it("GiB, headroom and rates", () => {
		expect(formatGiB(56.94)).toBe("56.9");
		expect(formatGiB(0.04)).toBe("0.04");
		expect(formatHeadroom(-4.06)).toBe("−4.1 GiB");
		expect(formatHeadroom(12.3)).toBe("+12.3 GiB");
		expect(formatRate(1234.5)).toBe("1,235");
		expect(formatRate(4.25)).toBe("4.3");
		expect(formatRate(0)).toBe("—");
	});

	it("caption names model, GPUs, engine, context and sequences", () => {
		expect(tableCaption(sampleTable({ count: 2 }))).toBe("Test|Model <8B> on 2 × RTX 4090 (tensor split), vLLM, 8K context × 2 sequences, KV fp16");
	});
});

describe("show", () => {
	it("defaults to the standard columns and the chart", () => {
		const s = resolveShow(undefined);
		expect(s.chart).toBe(true);
		expect(s.columns.map((c) => c.id)).toEqual(["format", "total", "verdict", "sessions", "decode"]);
	});
	it("a list picks columns, format first, chart only if named", () => {
		const s = resolveShow(["decode", "Total", "headroom"]);
		expect(s.columns.map((c) => c.id)).toEqual(["format", "total", "headroom", "decode"]);
		expect(s.chart).toBe(false);
		expect(resolveShow(["chart"]).columns).toHaveLength(5);
	});
	it("the old names `fits` and `sequences` still pick the verdict and sessions columns", () => {
		expect(resolveShow(["sequences", "fits"]).columns.map((c) => c.id)).toEqual(["format", "verdict", "sessions"]);
	});
});

describe("Markdown export", () => {
	it("escapes pipes and angle brackets so note text cannot break the table or become markup", () => {
		expect(escapeCell("a|b <img src=x>")).toBe("a\\|b &lt;img src=x&gt;");
	});

	it("has a caption, a header, an alignment row and one row per format", () => {
		const md = fitTableToMarkdown(sampleTable(), COLUMNS.filter((c) => ["format", "total", "verdict", "sessions", "decode"].includes(c.id)));
		expect(md.split("\n")).toEqual([
			"**Test\\|Model &lt;8B&gt; on RTX 4090, vLLM, 8K context × 2 sequences, KV fp16**",
			"",
			"| Format | Per GPU GiB | Verdict | Sessions | Decode tok/s |",
			"| --- | ---: | --- | ---: | ---: |",
			"| BF16 | 33.9 | ✗ Out of memory by 12.4 GiB | 0 | — |",
			"| FP8 (W8A8) | 11.8 | ✓ Fits, 9.7 GiB free | 3 | 42 |",
			"| Q4_K_M | 8.4 | ⊘ Unsupported | — | — |",
			"",
		]);
	});
});

describe("comparison matrix", () => {
	it("best row: the most precise supported format that fits", () => {
		expect(bestRow(sampleTable())?.format).toBe("fp8");
		expect(bestRow(sampleTable({ rows: sampleTable().rows.slice(0, 1) }))).toBeUndefined();
	});
	it("one row per model, one column per GPU configuration", () => {
		const a = sampleTable({ model: "A" });
		const b = sampleTable({ model: "A", gpu: "H100", gpuId: "h100", count: 2 });
		const c = sampleTable({ model: "B", rows: sampleTable().rows.slice(0, 1) });
		expect(matrixToMarkdown([a, b, c]).split("\n")).toEqual([
			"**Every model and format on each GPU setup, vLLM, 8K context × 2 sequences**",
			"",
			"| Format | RTX 4090 | 2 × H100 |",
			"| --- | --- | --- |",
			"| **A** |  |  |",
			"| Best | FP8 (W8A8) | FP8 (W8A8) |",
			"| BF16 | ✗ Out of memory by 12.4 GiB | ✗ Out of memory by 12.4 GiB |",
			"| FP8 (W8A8) | ✓ Fits, 9.7 GiB free; 3 sessions · 42 tok/s · weight-only | ✓ Fits, 9.7 GiB free; 3 sessions · 42 tok/s · weight-only |",
			"| Q4_K_M | ⊘ Unsupported | ⊘ Unsupported |",
			"| **B** |  |  |",
			"| Best | none fits | — |",
			"| BF16 | ✗ Out of memory by 12.4 GiB | — |",
			"",
			BEST_MEANS,
			"",
		]);
		// The user's card first, marked.
		expect(matrixToMarkdown([a, b], "h100").split("\n")[2]).toBe("| Format | 2 × H100 (my rig) | RTX 4090 |");
	});
});
