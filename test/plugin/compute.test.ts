import { describe, expect, it } from "vitest";
import { SHOW_KEYWORDS, TABLE_COLUMNS } from "../../src/estimator/request";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import type { FitTable } from "../../src/estimator/types";
import { parseBlockSpec } from "../../src/estimator/block-spec";
import { applyPolicy, blockInputsKey, buildBlockModel, requestsFor } from "../../src/plugin/compute";
import { defaultSettings } from "../../src/plugin/settings";
import { COLUMN_IDS, SHOW_ALIASES } from "../../src/render/columns";
import { sampleTable } from "../render/sample";

const catalog = loadCatalog();

describe("block → requests", () => {
	it("fills the rig's GPU, count, engine, context and KV dtype", () => {
		const s = defaultSettings();
		s.rig = { gpu: "H100", count: 4, split: "layer", engine: "llama.cpp", context: 4096, kvDtype: "q8_0" };
		expect(requestsFor({ models: ["Qwen3-30B"], gpus: [] }, s)).toEqual([
			{ model: "Qwen3-30B", gpu: "H100", count: 4, split: "layer", engine: "llama.cpp", context: 4096, concurrency: 1, kvDtype: "q8_0" },
		]);
	});

	it("a named GPU is one card unless the block says otherwise; `mine` is the rig", () => {
		const s = defaultSettings();
		s.rig.count = 2;
		const r = requestsFor({ models: ["a", "b"], gpus: ["RTX 4090", "mine"] }, s);
		expect(r.map((x) => [x.model, x.gpu, x.count])).toEqual([
			["a", "RTX 4090", 1], ["a", s.rig.gpu, 2], ["b", "RTX 4090", 1], ["b", s.rig.gpu, 2],
		]);
		expect(requestsFor({ models: ["a"], gpus: ["RTX 4090"], count: 3 }, s)[0]?.count).toBe(3);
	});
});

describe("block model", () => {
	it("a block with only a model renders one table on the rig", () => {
		const m = buildBlockModel("model: Qwen3-30B", catalog, defaultSettings(), computeFitTable);
		expect(m.specIssues).toEqual([]);
		expect(m.requestErrors).toEqual([]);
		expect(m.tables).toHaveLength(1);
		expect(m.tables[0]?.gpuId).toBe("rtx-pro-6000-blackwell");
	});

	it("unknown names become request errors with suggestions; good pairs still compute", () => {
		const m = buildBlockModel("model: [Qwen3-31B, Qwen3-8B]\ngpu: RTX 4090", catalog, defaultSettings(), computeFitTable);
		expect(m.tables).toHaveLength(1);
		expect(m.requestErrors).toHaveLength(1);
		expect(m.requestErrors[0]?.what).toBe("Qwen3-31B on RTX 4090");
		expect(m.requestErrors[0]?.message).toMatch(/Did you mean/);
	});

	it("spec issues stop the block and carry the line", () => {
		const m = buildBlockModel("model: Qwen3-8B\nbogus: 1", catalog, defaultSettings(), computeFitTable);
		expect(m.tables).toEqual([]);
		expect(m.specIssues[0]).toMatchObject({ line: 2, key: "bogus" });
	});

	it("an estimator exception becomes an error, not a crash", () => {
		const m = buildBlockModel("model: Qwen3-8B", catalog, defaultSettings(), () => {
			throw new Error("boom");
		});
		expect(m.requestErrors[0]?.message).toBe("boom");
	});

	it("too many pairs is refused politely", () => {
		const models = Array.from({ length: 5 }, (_, i) => `m${i}`).join(", ");
		const gpus = Array.from({ length: 5 }, (_, i) => `g${i}`).join(", ");
		const m = buildBlockModel(`model: [${models}]\ngpu: [${gpus}]`, catalog, defaultSettings(), computeFitTable);
		expect(m.specIssues[0]?.message).toMatch(/25 model × GPU pairs; at most 24/);
	});
});

describe("precision policy", () => {
	const table: FitTable = sampleTable();
	it("allow-4bit keeps every format", () => {
		expect(applyPolicy(table, defaultSettings())).toBe(table);
	});
	it("unquantized hides formats under 16 bits and says so", () => {
		const s = defaultSettings();
		s.precision = "unquantized";
		const t = applyPolicy(table, s);
		expect(t.rows.map((r) => r.format)).toEqual(["bf16"]);
		expect(t.notes.at(-1)).toMatch(/2 lower-precision formats hidden/);
	});
});

describe("inputs key: a block re-renders only when what it uses changed", () => {
	const key = (source: string, generation: number, s = defaultSettings()) => blockInputsKey(parseBlockSpec(source), generation, s);

	it("a block on the rig follows the rig, the policy and the catalog, not index-only settings", () => {
		const s = defaultSettings();
		const k = key("model: Qwen3-8B", 1, s);
		expect(key("model: Qwen3-8B", 2, s)).not.toBe(k);
		expect(key("model: Qwen3-8B", 1, { ...s, indexTag: "x", feedbackFields: ["y"] })).toBe(k);
		expect(key("model: Qwen3-8B", 1, { ...s, precision: "unquantized" })).not.toBe(k);
		expect(key("model: Qwen3-8B", 1, { ...s, rig: { ...s.rig, count: 3 } })).not.toBe(k);
		expect(key("model: Qwen3-8B", 1, { ...s, rig: { ...s.rig, gpu: "H100" } })).not.toBe(k);
	});

	it("a block that names everything ignores the rig; one with `quant:` ignores the policy", () => {
		const s = defaultSettings();
		const full = "model: Qwen3-8B\ngpu: H100\ncount: 2\nsplit: tensor\nengine: vllm\ncontext: 8k\nkv-dtype: fp8\nquant: [bf16, fp8]";
		const k = key(full, 1, s);
		expect(key(full, 1, { ...s, rig: { gpu: "RTX 4090", count: 4, split: "layer", engine: "llama.cpp", context: 4096, kvDtype: "q8_0" } })).toBe(k);
		expect(key(full, 1, { ...s, precision: "unquantized" })).toBe(k);
		expect(key(full, 2, s)).not.toBe(k);
	});

	it("a comparison also follows which GPU is the rig (it leads the matrix); a broken block follows nothing", () => {
		const s = defaultSettings();
		const cmp = "model: Qwen3-8B\ngpu: [H100, RTX 4090]";
		expect(key(cmp, 1, { ...s, rig: { ...s.rig, gpu: "H100" } })).not.toBe(key(cmp, 1, s));
		const broken = "model: [Qwen3-8B";
		expect(key(broken, 1, s)).toBe(key(broken, 7, { ...s, rig: { ...s.rig, count: 9 }, precision: "unquantized" }));
	});
});

describe("render columns are the estimator's one column list", () => {
	it("the render layer draws every column the estimator lists, in its order, and `show:` takes each of them", () => {
		expect(COLUMN_IDS).toEqual(TABLE_COLUMNS);
		for (const c of TABLE_COLUMNS) expect(SHOW_KEYWORDS).toContain(c);
		// Old names map to current columns the render layer draws.
		for (const id of Object.values(SHOW_ALIASES)) expect(COLUMN_IDS).toContain(id);
	});
});
