/**
 * How memory lands on each GPU, checked in the fit table a user reads (not in the helpers):
 *  - tensor parallel: each GPU holds its share of the KV heads, so KV per GPU = total ÷ N; with fewer KV heads than
 *    GPUs each holds one (replicated); MLA's latent cache is on every GPU;
 *  - replicas: each GPU is a whole single-GPU deployment serving concurrency ÷ N sequences;
 *  - llama.cpp keeps the token-embedding table in host RAM (not on any GPU).
 * Concrete cases first (the numbers a user would check by hand), then the same invariants as properties.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import type { EngineId, FitRequest, FitRow, FitTable } from "../../src/estimator/types";
import { ENGINE_IDS } from "../../src/estimator/types";
import { fcParams } from "../fc-params";

const c = loadCatalog();
const GiB = 1024 ** 3;

function table(req: FitRequest): FitTable {
	const r = computeFitTable(c, req);
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
}
const only = (req: FitRequest): FitRow => table(req).rows[0] ?? expect.fail("no row");
const model = (id: string) => c.models.get(id) ?? expect.fail(`no model ${id}`);
/** Rows carry GiB rounded to 0.01: two of them agree within that. */
const near = (a: number, b: number, slack = 0.011) => Math.abs(a - b) <= slack;

describe("tensor parallel: KV per GPU in the fit table", () => {
	it("Llama-3.1-70B on 4 GPUs at 128k × 4 sequences: 160 GiB of KV in all, 40 GiB per GPU", () => {
		const r = only({ model: "llama-3.1-70b", gpu: "h200-sxm", count: 4, split: "tensor", context: 131072, concurrency: 4, quant: ["fp8"], kvDtype: "bf16" });
		// 80 layers × 2 (K,V) × 8 KV heads × 128 × 2 B = 320 KiB per token; × 131072 tokens × 4 sequences = 160 GiB.
		expect(r.kvCacheGiB).toBe(160);
		expect(r.kvCachePerGpuGiB).toBe(40);
		expect(r.why.find((w) => w.label === "KV per GPU")?.formula).toMatch(/2 of 8 KV heads per GPU/);
		// What the GPU holds adds up: weights ÷ 4 + 40 GiB KV + overhead.
		expect(r.perGpuGiB).toBeCloseTo(r.weightsPerGpuGiB + 40 + r.overheadGiB, 1);
	});

	it("Qwen3-30B-A3B (4 KV heads) on 8 GPUs: each GPU holds one head, a quarter of the cache, not an eighth", () => {
		const r = only({ model: "qwen3-30b-a3b", gpu: "h100-sxm", count: 8, split: "tensor", context: 32768, concurrency: 8, quant: ["bf16"] });
		expect(r.kvCachePerGpuGiB).toBeCloseTo(r.kvCacheGiB / 4, 2);
		expect(r.why.find((w) => w.label === "KV per GPU")?.formula).toMatch(/4 KV heads < 8 GPUs: replicated/);
	});

	it("DeepSeek-V3's MLA latent cache is whole on every GPU", () => {
		const r = only({ model: "deepseek-v3", gpu: "h200-sxm", count: 8, split: "tensor", context: 32768, concurrency: 2, quant: ["fp8"] });
		expect(r.kvCachePerGpuGiB).toBe(r.kvCacheGiB);
	});

	it("property: KV per GPU = total × ceil(KV heads ÷ N) ÷ KV heads (total ÷ N when N divides the heads), MLA whole", () => {
		const models = c.models.all().filter((m) => !m.layerPattern.some((k) => k.kind === "linear"));
		fc.assert(fc.property(
			fc.constantFrom(...models), fc.constantFrom(2, 4, 8, 16), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 32 }),
			fc.constantFrom<EngineId>(...ENGINE_IDS),
			(m, n, blocks, concurrency, engine) => {
				// Contexts in 256-token steps: no engine pads them, so the per-GPU cache is the same tokens as the total.
				const context = blocks * 256;
				const r = only({ model: m.id, gpu: "b200", count: n, split: "tensor", context, concurrency, engine, quant: ["bf16"], kvDtype: "fp16" });
				const share = m.mla ? 1 : Math.ceil(m.kvHeads / n) / m.kvHeads;
				expect(near(r.kvCachePerGpuGiB, r.kvCacheGiB * share, 0.006 + 0.005 * share), `${m.id} ×${n}: ${r.kvCachePerGpuGiB} vs ${r.kvCacheGiB} × ${share}`).toBe(true);
				if (!m.mla && m.kvHeads % n === 0) expect(near(r.kvCachePerGpuGiB * n, r.kvCacheGiB, 0.006 * n + 0.005)).toBe(true);
			},
		), fcParams({ numRuns: 150 }));
	});

	it("a layer split puts the fullest GPU's share of layers' KV on it", () => {
		const r = only({ model: "llama-3.1-70b", gpu: "h200-sxm", count: 4, split: "layer", context: 32768, concurrency: 2, engine: "transformers", quant: ["bf16"] });
		expect(r.kvCachePerGpuGiB).toBeCloseTo(r.kvCacheGiB * 20 / 80, 2);
	});
});

describe("replicas: every GPU is a single-GPU deployment at concurrency ÷ N", () => {
	it("Llama-3.1-8B, 4 replicas serving 16 sequences of 32k: 4 GiB of KV per GPU, not 16", () => {
		const four = only({ model: "llama-3.1-8b", gpu: "rtx-4090", count: 4, split: "replica", context: 32768, concurrency: 16, engine: "llama.cpp", quant: ["q4_k_m"] });
		// 32 layers × 2 × 8 heads × 128 × 2 B = 128 KiB per token × 32768 tokens = 4 GiB per sequence; 4 sequences per GPU.
		expect(four.kvCacheGiB).toBe(64);
		expect(four.kvCachePerGpuGiB).toBe(16);
		const one = only({ model: "llama-3.1-8b", gpu: "rtx-4090", count: 1, context: 32768, concurrency: 4, engine: "llama.cpp", quant: ["q4_k_m"] });
		expect(four.perGpuGiB).toBe(one.perGpuGiB);
	});

	it("property: per-GPU memory equals one GPU's at ceil(concurrency ÷ N); capacity is N times one GPU's", () => {
		const models = c.models.all();
		const gpus = ["rtx-4090", "rtx-pro-6000-blackwell", "h100-sxm", "mi300x", "apple-m3-ultra"];
		fc.assert(fc.property(
			fc.constantFrom(...models), fc.constantFrom(...gpus), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 64 }),
			fc.constantFrom<EngineId>(...ENGINE_IDS), fc.constantFrom(2048, 4096, 8192, 32768), fc.constantFrom("bf16", "q4_k_m", "awq", "fp8"),
			(m, gpu, n, concurrency, engine, context, quant) => {
				const base = { model: m.id, gpu, context, engine, quant: [quant] };
				const rep = only({ ...base, count: n, split: "replica", concurrency });
				const one = only({ ...base, count: 1, concurrency: Math.ceil(concurrency / n) });
				const what = `${m.id} on ${n} × ${gpu}, ${concurrency} seqs, ${engine} ${quant}`;
				expect(rep.weightsPerGpuGiB, what).toBe(one.weightsPerGpuGiB);
				expect(rep.kvCachePerGpuGiB, what).toBe(one.kvCachePerGpuGiB);
				expect(rep.overheadGiB, what).toBe(one.overheadGiB);
				expect(rep.perGpuGiB, what).toBe(one.perGpuGiB);
				expect(rep.fits, what).toBe(one.fits);
				expect(rep.maxConcurrentSequences, what).toBe(Math.min(1_000_000, one.maxConcurrentSequences * n));
				// The cache of all the sequences together is what they take, wherever they run.
				const all = only({ ...base, count: 1, concurrency });
				expect(rep.kvCacheGiB, what).toBe(all.kvCacheGiB);
			},
		), fcParams({ numRuns: 150 }));
	});
});

describe("llama.cpp: the token-embedding table stays in host RAM", () => {
	it("Llama-3.1-8B Q4_K_M: 4.58 GiB file, 0.28 GiB of it (the embedding) off the GPU", () => {
		const r = only({ model: "llama-3.1-8b", gpu: "rtx-4090", engine: "llama.cpp", quant: ["q4_k_m"] });
		// 128256 × 4096 embedding at Q4_K (4.5 bits) = 0.275 GiB.
		const embedding = (128256 * 4096 * 4.5) / 8 / GiB;
		expect(r.weightsGiB).toBeCloseTo(4.58, 2);
		expect(r.weightsPerGpuGiB).toBeCloseTo(4.575 - embedding, 2);
		expect(r.why.find((w) => w.label === "embedding in host RAM")?.value).toBeCloseTo(-embedding, 3);
		// vLLM and transformers load it on the GPU.
		const vllm = only({ model: "llama-3.1-8b", gpu: "rtx-4090", engine: "vllm", quant: ["bf16"] });
		expect(vllm.weightsPerGpuGiB).toBe(vllm.weightsGiB);
	});

	it("a tied embedding doubles as the output head, so it stays on the GPU", () => {
		const r = only({ model: "qwen3-4b", gpu: "rtx-4090", engine: "llama.cpp", quant: ["q8_0"] });
		expect(r.weightsPerGpuGiB).toBe(r.weightsGiB);
		expect(r.why.map((w) => w.label)).not.toContain("embedding in host RAM");
	});

	it("property: on one GPU, llama.cpp's weights per GPU = file size − vocab × hidden × embedding bits (untied models)", () => {
		const models = c.models.all();
		const formats = c.formats.all().filter((f) => f.family === "gguf" || f.family === "float");
		fc.assert(fc.property(fc.constantFrom(...models), fc.constantFrom(...formats), (m, f) => {
			const r = only({ model: m.id, gpu: "b200", engine: "llama.cpp", quant: [f.id] });
			const embedding = m.tiedEmbeddings ? 0 : (m.vocab * m.hidden * f.embeddingBits) / 8 / GiB;
			expect(near(r.weightsPerGpuGiB, r.weightsGiB - embedding), `${m.id} ${f.id}: ${r.weightsPerGpuGiB} vs ${r.weightsGiB} − ${embedding}`).toBe(true);
			// On other engines the whole file is on the GPU.
			const v = only({ model: m.id, gpu: "b200", engine: "transformers", quant: [f.id] });
			expect(v.weightsPerGpuGiB).toBe(v.weightsGiB);
		}), fcParams({ numRuns: 100 }));
	});

	it("a llama.cpp layer split: the fullest GPU holds its layers and the head, no embedding", () => {
		const r = only({ model: "llama-3.1-70b", gpu: "rtx-4090", count: 4, split: "layer", engine: "llama.cpp", quant: ["q4_k_m"] });
		const m = model("llama-3.1-70b");
		const embedding = (m.vocab * m.hidden * 4.5) / 8 / GiB;
		const head = (m.vocab * m.hidden * 6.5625) / 8 / GiB;
		expect(r.weightsPerGpuGiB).toBeCloseTo((r.weightsGiB - embedding - head) / 4 + head, 1);
	});
});
