import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCatalog, loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import { ENGINE_IDS, KV_DTYPES, SPLIT_MODES, type FitRow } from "../../src/estimator/types";

const c = loadCatalog();
const RIG = "RTX PRO 6000 Blackwell";

function table(req: Parameters<typeof computeFitTable>[1]) {
	const r = computeFitTable(c, req);
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
}
const row = (rows: FitRow[], f: string) => rows.find((r) => r.format === f) ?? expect.fail(`no row ${f}`);

describe("fit table", () => {
	it("Qwen3-30B-A3B in BF16 fits one RTX PRO 6000 under vLLM with room for dozens of 8k sequences", () => {
		const t = table({ model: "Qwen3-30B", gpu: RIG });
		expect(t.engine).toBe("vllm");
		const bf16 = row(t.rows, "bf16");
		expect(bf16.weightsGiB).toBeGreaterThan(56);
		expect(bf16.weightsGiB).toBeLessThan(58);
		expect(bf16.fits).toBe(true);
		expect(bf16.usableGiBPerGpu).toBeCloseTo((97887 / 1024) * 0.9, 1);
		expect(bf16.maxConcurrentSequences).toBeGreaterThan(20);
		expect(bf16.support).toBe("native");
		expect(bf16.why.map((w) => w.label)).toContain("weights");
	});

	it("Llama-3.1-70B in BF16 does not fit one card, fits two with tensor parallelism", () => {
		const one = row(table({ model: "Llama-3.1-70B", gpu: RIG, quant: ["bf16"] }).rows, "bf16");
		expect(one.fits).toBe(false);
		expect(one.maxConcurrentSequences).toBe(0);
		expect(one.warnings.join(" ")).toMatch(/more than the/);
		const two = row(table({ model: "Llama-3.1-70B", gpu: RIG, quant: ["bf16"], count: 2, split: "tensor" }).rows, "bf16");
		expect(two.fits).toBe(true);
		expect(two.weightsPerGpuGiB).toBeCloseTo(one.weightsPerGpuGiB / 2, 0);
	});

	it("tensor parallelism speeds decode up sub-linearly; a layer split does not; replicas multiply throughput", () => {
		const base = { model: "Llama-3.1-8B", gpu: RIG, quant: ["bf16"], concurrency: 8 };
		const one = row(table(base).rows, "bf16");
		const tp2 = row(table({ ...base, count: 2, split: "tensor" }).rows, "bf16");
		const layer2 = row(table({ ...base, count: 2, split: "layer" }).rows, "bf16");
		const rep2 = row(table({ ...base, count: 2, split: "replica" }).rows, "bf16");
		expect(tp2.decodeTokensPerSecond).toBeGreaterThan(one.decodeTokensPerSecond * 1.2);
		expect(tp2.decodeTokensPerSecond).toBeLessThan(one.decodeTokensPerSecond * 2);
		expect(layer2.decodeTokensPerSecond).toBeLessThanOrEqual(one.decodeTokensPerSecond);
		expect(rep2.aggregateDecodeTokensPerSecond).toBeGreaterThan(one.aggregateDecodeTokensPerSecond * 1.9);
		expect(rep2.maxConcurrentSequences).toBeGreaterThanOrEqual(one.maxConcurrentSequences * 2);
	});

	it("more context means more KV and fewer sequences", () => {
		const a = row(table({ model: "Qwen3-8B", gpu: RIG, quant: ["bf16"], context: 4096 }).rows, "bf16");
		const b = row(table({ model: "Qwen3-8B", gpu: RIG, quant: ["bf16"], context: 32768 }).rows, "bf16");
		expect(b.kvCacheGiB).toBeCloseTo(a.kvCacheGiB * 8, 1);
		expect(b.maxConcurrentSequences).toBeLessThan(a.maxConcurrentSequences);
		expect(b.decodeTokensPerSecond).toBeLessThan(a.decodeTokensPerSecond);
	});

	it("an FP8 KV cache halves the cache and roughly doubles the sequences", () => {
		const a = row(table({ model: "Qwen3-8B", gpu: RIG, quant: ["bf16"], context: 32768 }).rows, "bf16");
		const b = row(table({ model: "Qwen3-8B", gpu: RIG, quant: ["bf16"], context: 32768, kvDtype: "fp8" }).rows, "bf16");
		expect(b.kvCacheGiB).toBeCloseTo(a.kvCacheGiB / 2, 1);
		expect(b.maxConcurrentSequences / a.maxConcurrentSequences).toBeGreaterThan(1.9);
	});

	it("maps a KV type the engine lacks to its nearest and says so", () => {
		const t = table({ model: "Qwen3-8B", gpu: RIG, kvDtype: "q8_0" });
		expect(t.kvDtype).toBe("fp8");
		expect(t.notes.join(" ")).toMatch(/vLLM has no q8_0 KV cache/);
	});

	it("GGUF formats are unsupported on vLLM and explain what it loads", () => {
		const r = row(table({ model: "Qwen3-8B", gpu: RIG, quant: ["q4_k_m"] }).rows, "q4_k_m");
		expect(r.support).toBe("unsupported");
		expect(r.verdict).toBe("unsupported");
		expect(r.verdictText).toMatch(/^unsupported: vllm cannot load Q4_K_M/);
		expect(r.maxConcurrentSequences).toBe(0);
		expect(r.supportReason).toMatch(/vLLM loads HF checkpoints/);
	});

	it("returns errors, with suggestions, for unknown names and bad numbers", () => {
		const m = computeFitTable(c, { model: "Qwen3-31B", gpu: RIG });
		expect(m.ok).toBe(false);
		if (!m.ok) {
			expect(m.error.kind).toBe("unknown-model");
			expect(m.error.suggestions.length).toBeGreaterThan(0);
		}
		const g = computeFitTable(c, { model: "Qwen3-8B", gpu: "RTX 9090" });
		expect(!g.ok && g.error.kind).toBe("unknown-gpu");
		const q = computeFitTable(c, { model: "Qwen3-8B", gpu: RIG, quant: ["q5_z"] });
		expect(!q.ok && q.error.kind).toBe("unknown-format");
		const n = computeFitTable(c, { model: "Qwen3-8B", gpu: RIG, count: 0 });
		expect(!n.ok && n.error.message).toMatch(/count must be a whole number/);
	});
});

describe("no input breaks the estimator", () => {
	const models = c.models.all().map((m) => m.id);
	const gpus = c.gpus.all().map((g) => g.id);
	const formats = c.formats.all().map((f) => f.id);

	it("never throws, never returns NaN or negative numbers (headroom may be negative: it is a shortfall)", () => {
		fc.assert(fc.property(
			fc.constantFrom(...models), fc.constantFrom(...gpus), fc.integer({ min: 1, max: 64 }), fc.constantFrom(...SPLIT_MODES),
			fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 1, max: 5000 }), fc.constantFrom(...ENGINE_IDS),
			fc.subarray(formats, { minLength: 1, maxLength: 4 }), fc.constantFrom(...KV_DTYPES),
			(model, gpu, count, split, context, concurrency, engine, quant, kvDtype) => {
				const r = computeFitTable(c, { model, gpu, count, split, context, concurrency, engine, quant, kvDtype });
				expect(r.ok).toBe(true);
				if (!r.ok) return;
				for (const row of r.value.rows) {
					for (const [k, v] of Object.entries(row)) {
						if (typeof v !== "number") continue;
						expect(Number.isFinite(v), `${k} finite`).toBe(true);
						if (k !== "headroomGiB") expect(v, `${k} ≥ 0`).toBeGreaterThanOrEqual(0);
					}
					for (const w of row.why) expect(Number.isFinite(w.value)).toBe(true);
				}
			},
		), { numRuns: 400 });
	});

	it("stays finite for user-defined architectures that pass the schema", () => {
		const base = c.models.get("llama-3.1-8b");
		const gpu = c.gpus.get(RIG);
		if (!base || !gpu) throw new Error("catalog");
		fc.assert(fc.property(
			fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 16 }),
			fc.integer({ min: 8, max: 512 }), fc.integer({ min: 1, max: 300_000 }), fc.boolean(), fc.option(fc.integer({ min: 1, max: 8192 })),
			(layers, kvHeads, groups, headDim, vocab, tied, window) => {
				const heads = kvHeads * groups;
				const custom = {
					...base, id: "custom-model", name: "Custom", aliases: [], layers, kvHeads, heads, headDim, vocab, tiedEmbeddings: tied,
					hidden: heads * headDim, layerPattern: window ? [{ kind: "sliding", window }, { kind: "full" }] : [{ kind: "full" }],
				};
				const { catalog, issues } = buildCatalog({ models: [custom] }, c);
				expect(issues).toEqual([]);
				const r = computeFitTable(catalog, { model: "custom-model", gpu: gpu.id, context: 4096 });
				expect(r.ok).toBe(true);
				if (r.ok) for (const row of r.value.rows) expect(Number.isFinite(row.perGpuGiB) && row.perGpuGiB > 0).toBe(true);
			},
		), { numRuns: 150 });
	});
});

describe("several unknown names", () => {
	it("reports the model and the GPU together", () => {
		const r = computeFitTable(c, { model: "Qwen3-31B", gpu: "RTX 9090" });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.message).toMatch(/Unknown model "Qwen3-31B".*Unknown GPU "RTX 9090"/);
		}
	});
});
