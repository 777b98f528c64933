import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import { blockAdvice } from "../../src/plugin/advice/block-advice";
import { advicePolicy } from "../../src/plugin/advice/policy";
import { summarizeBatch } from "../../src/plugin/advice/recompute";
import { buildBlockModel } from "../../src/plugin/compute";
import { defaultSettings } from "../../src/plugin/settings";
import { parseBlockSpec } from "../../src/estimator/block-spec";

const catalog = loadCatalog();

describe("gpufit blocks and the precision policy", () => {
	it("\"unquantized\" keeps a model's release format: gpt-oss-120b fits one 96 GB card as released", () => {
		const settings = { ...defaultSettings(), precision: "unquantized" as const };
		const model = buildBlockModel("model: gpt-oss-120b\ngpu: RTX PRO 6000 Blackwell", catalog, settings, computeFitTable);
		const rows = model.tables[0]?.rows ?? [];
		expect(rows.map((r) => r.format)).toContain("mxfp4");
		expect(rows.find((r) => r.format === "mxfp4")?.fits).toBe(true);
		expect(rows.some((r) => r.format === "awq" || r.format === "nvfp4")).toBe(false);
		// DeepSeek-V3 keeps its FP8 release row under the same policy.
		const ds = buildBlockModel("model: DeepSeek-V3\ngpu: H200 SXM\ncount: 8", catalog, settings, computeFitTable);
		expect(ds.tables[0]?.rows.map((r) => r.format)).toContain("fp8");
	});

	it("settings' policies map to the advice's", () => {
		expect(advicePolicy("unquantized")).toBe("released");
		expect(advicePolicy("allow-fp8")).toBe("fp8");
		expect(advicePolicy("allow-4bit")).toBe("int4");
	});
});

describe("show: advice", () => {
	it("alone: the advice for the block's models instead of fit tables", () => {
		const m = buildBlockModel("model: Qwen3-30B-A3B\ncontext: 32k\nconcurrency: 4\nshow: advice", catalog, defaultSettings(), computeFitTable);
		expect(m.tables).toEqual([]);
		expect(m.specIssues).toEqual([]);
		expect(m.advice?.ok).toBe(true);
		if (m.advice?.ok) {
			expect(m.advice.advice.workload[0]).toMatchObject({ modelId: "qwen3-30b-a3b", context: 32768, users: 4, source: "block" });
			expect(m.advice.advice.rig.gpuId).toBe("rtx-pro-6000-blackwell");
		}
	});

	it("with columns: both the tables and the advice; a named GPU is the rig", () => {
		const m = buildBlockModel("model: Llama-3.3-70B\ngpu: H100 PCIe\ncount: 2\nshow: [advice, fits]", catalog, defaultSettings(), computeFitTable);
		expect(m.tables.length).toBe(1);
		expect(m.advice?.ok && m.advice.advice.rig).toEqual({ gpu: "H100 PCIe 80GB", gpuId: "h100-pcie", count: 2 });
	});

	it("errors come back as a message", () => {
		const spec = parseBlockSpec("model: Qwen3-8B\ngpu: [H100 PCIe, RTX 4090]\nshow: advice").spec;
		if (!spec) throw new Error("spec");
		expect(blockAdvice(spec, catalog, defaultSettings())).toEqual({ ok: false, message: expect.stringMatching(/one rig/) as string });
		const bad = parseBlockSpec("model: Qwen3-8B\ngpu: RTX 9090\nshow: advice").spec;
		if (!bad) throw new Error("spec");
		expect(blockAdvice(bad, catalog, defaultSettings())).toMatchObject({ ok: false, message: expect.stringMatching(/Unknown GPU "RTX 9090"/) as string });
	});
});

describe("the series command's Notice", () => {
	it("counts, then names what was not written", () => {
		const line = summarizeBatch("S13_Hardware", [
			{ path: "a.md", status: "written", message: "a: added" },
			{ path: "b.md", status: "unchanged", message: "b: unchanged" },
			{ path: "c.md", status: "damaged", message: "c: not written. The advice section is damaged" },
		]);
		expect(line).toBe("Scaling advice for S13_Hardware: 1 note updated, 1 unchanged, 1 not written.\nc: not written. The advice section is damaged");
	});
});
