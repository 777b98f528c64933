/**
 * A block's keys win over the rig in the settings: whatever the rig says, a block that names a split, engine,
 * context, concurrency, KV type, formats, count or GPU gets a table computed with the block's value, and a block that
 * names none gets the rig's. Checked on the table the block renders (its header fields and rows), through the real
 * parser and estimator.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import { ENGINE_IDS, SPLIT_MODES, type EngineId, type FitTable, type KvDtype, type SplitMode } from "../../src/estimator/types";
import { buildBlockModel } from "../../src/plugin/compute";
import { defaultSettings, type GpuFitSettings } from "../../src/plugin/settings";
import { fcParams } from "../fc-params";

const catalog = loadCatalog();
const gpuId = (name: string) => catalog.gpus.get(name)?.id ?? expect.fail(`no GPU ${name}`);
/** KV types every engine offers, so the one asked for is the one computed. */
const KV: KvDtype[] = ["fp16", "bf16", "fp32"];
const GPUS = ["H100 SXM", "RTX 4090", "B200", "MI300X"];
const FORMATS = ["bf16", "fp8", "q4_k_m", "q8_0", "awq"];

interface BlockKeys {
	gpu?: string;
	count?: number;
	split?: SplitMode;
	engine?: EngineId;
	context?: number;
	concurrency?: number;
	kvDtype?: KvDtype;
	quant?: string[];
}

function blockSource(model: string, b: BlockKeys): string {
	const lines = [`model: ${model}`];
	if (b.gpu !== undefined) lines.push(`gpu: ${b.gpu}`);
	if (b.count !== undefined) lines.push(`count: ${b.count}`);
	if (b.split !== undefined) lines.push(`split: ${b.split}`);
	if (b.engine !== undefined) lines.push(`engine: ${b.engine}`);
	if (b.context !== undefined) lines.push(`context: ${b.context}`);
	if (b.concurrency !== undefined) lines.push(`concurrency: ${b.concurrency}`);
	if (b.kvDtype !== undefined) lines.push(`kv-dtype: ${b.kvDtype}`);
	if (b.quant !== undefined) lines.push(`quant: [${b.quant.join(", ")}]`);
	return lines.join("\n");
}

function render(source: string, settings: GpuFitSettings): FitTable {
	const m = buildBlockModel(source, catalog, settings, computeFitTable);
	expect(m.specIssues, source).toEqual([]);
	expect(m.requestErrors, source).toEqual([]);
	expect(m.tables).toHaveLength(1);
	return m.tables[0] ?? expect.fail("no table");
}

const rigArb = fc.record({
	gpu: fc.constantFrom(...GPUS),
	// Two or more cards, so that a split is visible in the table (one card is always "tensor").
	count: fc.integer({ min: 2, max: 8 }),
	split: fc.constantFrom(...SPLIT_MODES),
	engine: fc.constantFrom(...ENGINE_IDS),
	context: fc.integer({ min: 1, max: 64 }).map((k) => k * 1024),
	kvDtype: fc.constantFrom(...KV),
});
const blockArb: fc.Arbitrary<BlockKeys> = fc.record({
	// A named GPU comes with its count (a named GPU alone is one card).
	gpu: fc.constantFrom(...GPUS),
	count: fc.integer({ min: 2, max: 8 }),
	split: fc.constantFrom(...SPLIT_MODES),
	engine: fc.constantFrom(...ENGINE_IDS),
	context: fc.integer({ min: 1, max: 64 }).map((k) => k * 1000 + 1),
	concurrency: fc.integer({ min: 1, max: 64 }),
	kvDtype: fc.constantFrom(...KV),
	quant: fc.uniqueArray(fc.constantFrom(...FORMATS), { minLength: 1, maxLength: 3 }),
}, { requiredKeys: [] }).map((b) => (b.gpu !== undefined && b.count === undefined ? { ...b, count: 2 } : b));

describe("block keys override the rig", () => {
	it("property: each key the block gives is what the table was computed with; each it omits is the rig's", () => {
		fc.assert(fc.property(rigArb, blockArb, fc.constantFrom("Qwen3-8B", "Llama-3.1-70B", "Qwen3-30B"), (rig, block, model) => {
			const settings = defaultSettings();
			settings.rig = { ...rig };
			const t = render(blockSource(model, block), settings);
			expect(t.gpuId).toBe(gpuId(block.gpu ?? rig.gpu));
			expect(t.count).toBe(block.count ?? rig.count);
			expect(t.split).toBe(block.split ?? rig.split);
			expect(t.engine).toBe(block.engine ?? rig.engine);
			expect(t.context).toBe(block.context ?? rig.context);
			expect(t.concurrency).toBe(block.concurrency ?? 1);
			expect(t.kvDtype).toBe(block.kvDtype ?? rig.kvDtype);
			if (block.quant) expect(t.rows.map((r) => r.format)).toEqual(block.quant);
		}), fcParams({ numRuns: 120 }));
	});

	it("each key alone, against a rig that says otherwise", () => {
		const s = defaultSettings();
		s.rig = { gpu: "H100 SXM", count: 4, split: "tensor", engine: "vllm", context: 8192, kvDtype: "bf16" };
		const base = render("model: Qwen3-8B", s);
		expect([base.gpuId, base.count, base.split, base.engine, base.context, base.concurrency, base.kvDtype])
			.toEqual([gpuId("H100 SXM"), 4, "tensor", "vllm", 8192, 1, "bf16"]);
		expect(render("model: Qwen3-8B\nsplit: layer", s).split).toBe("layer");
		expect(render("model: Qwen3-8B\nsplit: replica", s).split).toBe("replica");
		expect(render("model: Qwen3-8B\nengine: llama.cpp", s).engine).toBe("llama.cpp");
		expect(render("model: Qwen3-8B\ncontext: 32k", s).context).toBe(32768);
		expect(render("model: Qwen3-8B\nconcurrency: 12", s).concurrency).toBe(12);
		expect(render("model: Qwen3-8B\nkv-dtype: fp8", s).kvDtype).toBe("fp8");
		expect(render("model: Qwen3-8B\ncount: 2", s).count).toBe(2);
		expect(render("model: Qwen3-8B\nquant: q8_0", s).rows.map((r) => r.format)).toEqual(["q8_0"]);
		const named = render("model: Qwen3-8B\ngpu: RTX 4090", s);
		expect([named.gpuId, named.count]).toEqual([gpuId("RTX 4090"), 1]);
	});

	it("the block's split changes the numbers, not only the label (4 × H100, Llama-3.1-70B, 32k × 8)", () => {
		const s = defaultSettings();
		s.rig = { gpu: "H100 SXM", count: 4, split: "tensor", engine: "vllm", context: 32768, kvDtype: "bf16" };
		const tensor = render("model: Llama-3.1-70B\nquant: fp8\nconcurrency: 8", s).rows[0];
		const replica = render("model: Llama-3.1-70B\nquant: fp8\nconcurrency: 8\nsplit: replica", s).rows[0];
		// Tensor parallel: a quarter of the weights per GPU; replicas: a whole copy on each.
		expect(replica?.weightsPerGpuGiB).toBeCloseTo((tensor?.weightsPerGpuGiB ?? 0) * 4, 0);
	});
});
