import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { GiB, kvBytesPerSequence, kvHeadsPerGpu, kvLayout, reservedTokens, weightBytes } from "../../src/estimator/memory";
import type { Format, Model } from "../../src/estimator/schema";

const c = loadCatalog();
const model = (n: string): Model => c.models.get(n) ?? expect.fail(`no model ${n}`);
const format = (n: string): Format => c.formats.get(n) ?? expect.fail(`no format ${n}`);

describe("weights", () => {
	it("Llama-3.1-8B Q4_K_M lands on llama.cpp's 4.89 bpw / 4.58 GiB from the tensor-group recipe", () => {
		const w = weightBytes(model("llama-3.1-8b"), format("q4_k_m"));
		expect(w.bitsPerWeight).toBeCloseTo(4.89, 1);
		expect(w.total / GiB).toBeCloseTo(4.58, 1);
	});

	it("keeps embeddings and head at 16 bit for HF quantizations", () => {
		const m = model("qwen3-0.6b");
		const awq = weightBytes(m, format("awq"));
		// A small model with a 151936-token vocabulary: the 16-bit tied embedding dominates the effective bpw.
		expect(awq.embedding).toBe(m.vocab * m.hidden * 2);
		expect(awq.head).toBe(0);
		expect(awq.bitsPerWeight).toBeGreaterThan(7);
	});

	it("MXFP4 on a MoE quantizes only the experts (gpt-oss layout)", () => {
		const m = model("gpt-oss-120b");
		const w = weightBytes(m, format("mxfp4"));
		expect(w.expertsOnly).toBe(true);
		// gpt-oss-120b in its shipped MXFP4 form is about 61-65 GB.
		expect(w.total / 1e9).toBeGreaterThan(58);
		expect(w.total / 1e9).toBeLessThan(68);
	});

	it("reads only the selected experts per token", () => {
		const m = model("qwen3-30b-a3b");
		const w = weightBytes(m, format("bf16"));
		expect(w.activePerToken / w.total).toBeLessThan(0.13);
		expect(w.activePerToken / 2 / 1e9).toBeGreaterThan(2.9);
	});
});

describe("KV cache", () => {
	it("GQA: Llama-3.1-8B at 8192 tokens fp16 is exactly 1 GiB (llama.cpp reports 1024 MiB)", () => {
		const m = model("llama-3.1-8b");
		expect(kvBytesPerSequence(kvLayout(m, "fp16", m.kvHeads), 8192)).toBe(GiB);
	});

	it("MLA caches the latent: DeepSeek-V3 stores 576 values per layer per token", () => {
		const m = model("deepseek-v3");
		expect(kvLayout(m, "bf16", m.kvHeads).growingBytesPerToken).toBe(61 * 576 * 2);
	});

	it("sliding-window layers stop growing at their window", () => {
		const m = model("gemma-3-27b");
		const layout = kvLayout(m, "bf16", m.kvHeads);
		const at1k = kvBytesPerSequence(layout, 1024);
		const at128k = kvBytesPerSequence(layout, 131072);
		const perLayerToken = 2 * m.kvHeads * m.headDim * 2;
		const globalLayers = Math.round(m.layers / 6);
		expect(at128k - at1k).toBe((131072 - 1024) * perLayerToken * globalLayers);
	});

	it("linear-attention layers hold a fixed state, no per-token cache", () => {
		const m = model("qwen3-next-80b-a3b");
		const layout = kvLayout(m, "bf16", m.kvHeads);
		expect(layout.fixedBytesPerSequence).toBeGreaterThan(0);
		expect(layout.growingBytesPerToken).toBe(2 * m.kvHeads * m.headDim * 2 * (m.layers / 4));
	});

	it("KV heads shard under tensor parallelism and replicate when fewer than GPUs", () => {
		const m = model("qwen3-30b-a3b"); // 4 KV heads
		expect(kvHeadsPerGpu(m, "tensor", 2)).toBe(2);
		expect(kvHeadsPerGpu(m, "tensor", 8)).toBe(1);
		expect(kvHeadsPerGpu(m, "layer", 8)).toBe(4);
	});

	it("engines round allocations the way they allocate", () => {
		expect(reservedTokens("vllm", 1000, 1).perSequence).toBe(1008);
		expect(reservedTokens("llama.cpp", 1000, 1).perSequence).toBe(1024);
		expect(reservedTokens("transformers", 1000, 1).perSequence).toBe(1000);
	});
});
