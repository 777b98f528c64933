/**
 * The memory module's arithmetic pinned piece by piece (found by mutation testing: each case below is a wrong answer
 * that shipped green before): cache element sizes, the "why" notes users read, sliding windows, tensor and layer
 * splits, engine padding of the context and of MXFP4 experts, GGUF upgrades in every tensor group, checkpoint sizes.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import {
	KV_BYTES, kvBytesPerSequence, kvHeadsPerGpu, kvLayout, layersOnFullestGpu, reservedTokens, vllmExpertPadding, weightBytes, withCheckpointBytes,
} from "../../src/estimator/memory";
import { countParams } from "../../src/estimator/params";
import type { Format, Model } from "../../src/estimator/schema";

const c = loadCatalog();
const model = (n: string): Model => c.models.get(n) ?? expect.fail(`no model ${n}`);
const format = (n: string): Format => c.formats.get(n) ?? expect.fail(`no format ${n}`);

describe("KV cache element sizes", () => {
	it("GGML's quantized caches store 32 values per block plus an fp16 scale: q8_0 34 B, q4_0 18 B per 32", () => {
		expect(KV_BYTES.q8_0).toBe(1.0625);
		expect(KV_BYTES.q4_0).toBe(0.5625);
		expect([KV_BYTES.fp32, KV_BYTES.bf16, KV_BYTES.fp16, KV_BYTES.fp8]).toEqual([4, 2, 2, 1]);
	});

	it("a q8_0 cache of Llama-3.1-8B is 1.0625 B per element: 8 KV heads × 128 × 2 × 32 layers per token", () => {
		const m = model("llama-3.1-8b");
		const layout = kvLayout(m, "q8_0", m.kvHeads);
		expect(layout.growingBytesPerToken).toBe(2 * 8 * 128 * 1.0625 * 32);
		expect(layout.perLayerNote).toBe("2 (K,V) × 8 KV heads × 128 × 1.0625 B");
		expect(kvLayout(m, "bf16", 4).perLayerNote).toBe("2 (K,V) × 4 KV heads × 128 × 2 B");
	});

	it("MLA caches the latent and the rope key, and says so", () => {
		const m = model("deepseek-v3");
		const mla = m.mla ?? expect.fail("deepseek-v3 has MLA");
		const layout = kvLayout(m, "bf16", m.kvHeads);
		expect(layout.perLayerNote).toBe(`MLA latent ${mla.kvLoraRank} + rope ${mla.qkRopeHeadDim} values × 2 B`);
		expect(layout.growingBytesPerToken).toBe((mla.kvLoraRank + mla.qkRopeHeadDim) * 2 * m.layers);
	});
});

describe("sliding-window layers", () => {
	it("a sliding layer holds min(tokens, window) tokens; full layers grow with every token", () => {
		const m = model("gemma-3-27b");
		const layout = kvLayout(m, "bf16", m.kvHeads);
		expect(layout.windowed.length).toBeGreaterThan(0);
		const at = (tokens: number) => kvBytesPerSequence(layout, tokens);
		for (const w of layout.windowed) expect(w.window).toBeGreaterThan(100);
		const window = Math.min(...layout.windowed.map((w) => w.window));
		const windowedPerToken = layout.windowed.reduce((s, w) => s + w.bytesPerToken, 0);
		// Below every window, all layers grow alike; past them, only the full layers do.
		expect(at(100) - at(99)).toBe(layout.growingBytesPerToken + windowedPerToken);
		const far = Math.max(...layout.windowed.map((w) => w.window)) + 1000;
		expect(at(far + 1) - at(far)).toBe(layout.growingBytesPerToken);
		expect(at(far)).toBe(layout.growingBytesPerToken * far + layout.windowed.reduce((s, w) => s + w.bytesPerToken * w.window, 0) + layout.fixedBytesPerSequence);
		expect(window).toBeLessThan(far);
	});
});

describe("splits", () => {
	const m = model("llama-3.1-8b");
	it("tensor parallel shards KV heads (at least one per GPU); a layer split or one GPU keeps them all", () => {
		expect(kvHeadsPerGpu(m, "tensor", 1)).toBe(8);
		expect(kvHeadsPerGpu(m, "tensor", 2)).toBe(4);
		expect(kvHeadsPerGpu(m, "tensor", 16)).toBe(1);
		expect(kvHeadsPerGpu(m, "layer", 4)).toBe(8);
	});

	it("a layer split puts ceil(layers / GPUs) on the fullest GPU; tensor parallel keeps every layer on each", () => {
		expect(layersOnFullestGpu(m, "layer", 3)).toBe(11);
		expect(layersOnFullestGpu(m, "layer", 1)).toBe(32);
		expect(layersOnFullestGpu(m, "tensor", 4)).toBe(32);
		expect(layersOnFullestGpu(m, "replica", 4)).toBe(32);
	});
});

describe("context the engine reserves", () => {
	it("vLLM rounds each sequence up to 16-token blocks and says so", () => {
		expect(reservedTokens("vllm", 1000, 4)).toEqual({ perSequence: 1008, note: "1000 tokens rounded up to 16-token blocks = 1008" });
		expect(reservedTokens("vllm", 1024, 4)).toEqual({ perSequence: 1024, note: "" });
	});

	it("llama.cpp pads the shared context (context × sequences) to 256 cells and says so", () => {
		expect(reservedTokens("llama.cpp", 1000, 3)).toEqual({ perSequence: 1024, note: "context × sequences padded to 256 cells = 3072" });
		expect(reservedTokens("llama.cpp", 512, 2)).toEqual({ perSequence: 512, note: "" });
		expect(reservedTokens("llama.cpp", 100, 1)).toEqual({ perSequence: 256, note: "context × sequences padded to 256 cells = 256" });
	});

	it("Transformers reserves exactly the context", () => {
		expect(reservedTokens("transformers", 1000, 3)).toEqual({ perSequence: 1000, note: "" });
	});
});

describe("vLLM's MXFP4 expert padding (gpt-oss: 2880 × 2880 experts)", () => {
	const m = model("gpt-oss-120b");
	const mx = format("mxfp4");
	const pad = (arch: string, vendor: string, tp = 1) => vllmExpertPadding(m, mx, arch, vendor, "vllm", tp);
	it("pads per kernel: Marlin (intermediate to 128, hidden to 256), Hopper Triton (64 / 256), sm_100 and ROCm (256 / 256)", () => {
		expect(pad("blackwell-rtx", "nvidia")).toBeCloseTo((2944 * 3072) / (2880 * 2880), 12);
		expect(pad("hopper", "nvidia")).toBeCloseTo((2880 * 3072) / (2880 * 2880), 12);
		expect(pad("blackwell-dc", "nvidia")).toBeCloseTo((3072 * 3072) / (2880 * 2880), 12);
		expect(pad("cdna3", "amd")).toBeCloseTo((3072 * 3072) / (2880 * 2880), 12);
	});

	it("pads each GPU's shard of the intermediate dimension under tensor parallel", () => {
		// 2880 / 2 = 1440: to 1472 (64) on Hopper, to 1536 (128) under Marlin.
		expect(pad("hopper", "nvidia", 2)).toBeCloseTo((1472 * 3072) / (1440 * 2880), 12);
		expect(pad("blackwell-rtx", "nvidia", 2)).toBeCloseTo((1536 * 3072) / (1440 * 2880), 12);
	});

	it("only vLLM, only MXFP4, only MoE models", () => {
		expect(vllmExpertPadding(m, mx, "hopper", "nvidia", "llama.cpp", 1)).toBe(1);
		expect(vllmExpertPadding(m, format("fp8"), "hopper", "nvidia", "vllm", 1)).toBe(1);
		expect(vllmExpertPadding(model("llama-3.1-8b"), mx, "hopper", "nvidia", "vllm", 1)).toBe(1);
	});
});

describe("GGUF upgrades count in every tensor group they name", () => {
	const groups = ["attn_q", "attn_k", "attn_v", "attn_o", "ffn_gate", "ffn_up", "ffn_down"] as const;
	const withUpgrade = (base: Format, group: (typeof groups)[number]): Format => ({ ...base, upgrades: [{ group, fractionOfLayers: 0.5, bitsPerWeight: base.bitsPerWeight + 2 }] });

	it.each(["llama-3.1-8b", "qwen3-30b-a3b"])("%s: an upgrade of half the layers by 2 bits adds exactly half the group's parameters × 2 bits", (name) => {
		const m = model(name);
		const p = countParams(m);
		const base = format("q4_k_m");
		const plain = weightBytes(m, { ...base, upgrades: [] });
		const size: Record<string, number> = {
			attn_q: p.attention.q, attn_k: p.attention.k, attn_v: p.attention.v, attn_o: p.attention.o,
			ffn_gate: p.mlpDense.gate + p.experts.gate, ffn_up: p.mlpDense.up + p.experts.up, ffn_down: p.mlpDense.down + p.experts.down,
		};
		for (const g of groups) {
			const w = weightBytes(m, withUpgrade(base, g));
			expect(w.total - plain.total).toBeCloseTo((0.5 * (size[g] ?? 0) * 2) / 8, 0);
			// Routed experts' share lands in `experts`, the rest in `dense`.
			const expertPart = g.startsWith("ffn_") ? p.experts[g.slice(4) as "gate" | "up" | "down"] : 0;
			expect(w.experts - plain.experts).toBeCloseTo((0.5 * expertPart * 2) / 8, 0);
		}
	});

	it("an experts-only format upgrades only the experts' groups", () => {
		const m = model("gpt-oss-120b");
		const p = countParams(m);
		const mx = format("mxfp4");
		const plain = weightBytes(m, { ...mx, upgrades: [] });
		const up = weightBytes(m, { ...mx, upgrades: [{ group: "attn_v", fractionOfLayers: 1, bitsPerWeight: 8 }, { group: "ffn_up", fractionOfLayers: 1, bitsPerWeight: mx.bitsPerWeight + 1 }] });
		expect(up.dense).toBe(plain.dense);
		expect(up.experts - plain.experts).toBeCloseTo(p.experts.up / 8, 0);
	});

	it("expert biases travel with the experts and are read only for the selected ones", () => {
		const m = model("gpt-oss-120b");
		const p = countParams(m);
		expect(p.expertBias).toBeGreaterThan(0);
		const w = weightBytes(m, format("mxfp4"));
		const noBias = weightBytes(m, format("mxfp4"), { ...p, expertBias: 0, total: p.total - p.expertBias });
		expect(w.experts - noBias.experts).toBeCloseTo((p.expertBias * 16) / 8, 0);
		expect(w.total - noBias.total).toBeCloseTo((p.expertBias * 16) / 8, 0);
	});

	it("extra parameters (a vision tower) are stored at 16 bit and never read per token", () => {
		const m = model("llama-3.1-8b");
		const p = countParams(m);
		const w = weightBytes(m, format("q4_k_m"), { ...p, extra: 1_000_000, total: p.total + 1_000_000 });
		const base = weightBytes(m, format("q4_k_m"));
		expect(w.extra).toBe(2_000_000);
		expect(w.total - base.total).toBe(2_000_000);
		expect(w.activePerToken).toBe(base.activePerToken);
	});

	it("an experts-only format on a dense model quantizes every linear layer (there are no experts to single out)", () => {
		const m = model("llama-3.1-8b");
		const w = weightBytes(m, format("mxfp4"));
		const p = countParams(m);
		expect(w.expertsOnly).toBe(false);
		const linear = p.attention.q + p.attention.k + p.attention.v + p.attention.o + p.mlpDense.gate + p.mlpDense.up + p.mlpDense.down;
		expect(w.dense).toBeCloseTo((linear * format("mxfp4").bitsPerWeight) / 8, 0);
	});

	it.each(["qwen3-30b-a3b", "gpt-oss-120b"])("%s: per token, a decode reads the dense weights, the selected experts' share (biases included), the head and one embedding row", (name) => {
		const m = model(name);
		const p = countParams(m);
		const w = weightBytes(m, format(name === "gpt-oss-120b" ? "mxfp4" : "bf16"));
		const embBits = w.expertsOnly ? w.otherBits : format("bf16").embeddingBits;
		const expertParams = p.experts.gate + p.experts.up + p.experts.down;
		const share = p.expertParamsPerToken / (expertParams + p.expertBias);
		const head = m.tiedEmbeddings ? w.embedding : w.head;
		expect(w.activePerToken).toBeCloseTo(w.dense + w.experts * share + head + w.small + (m.hidden * embBits) / 8, 0);
	});
});

describe("published checkpoint sizes", () => {
	const m = model("llama-3.1-8b");
	const own: Format = format(m.nativeDtype);
	const computed = weightBytes(m, own);
	const published = Math.round(computed.total * 1.02);
	const withSize: Model = { ...m, checkpointBytes: published };

	it("replace the arithmetic for the checkpoint's own format, every group scaled alike", () => {
		const w = withCheckpointBytes(computed, withSize, own);
		const k = published / computed.total;
		expect(w.total).toBe(published);
		for (const key of ["embedding", "head", "dense", "experts", "small", "extra", "activePerToken", "bitsPerWeight"] as const) {
			expect(w[key]).toBeCloseTo(computed[key] * k, 6);
		}
		expect(w.embedding + w.head + w.dense + w.experts + w.small + w.extra).toBeCloseTo(published, 0);
	});

	it("scale a MoE row's experts and extra parameters too", () => {
		const q = model("qwen3-30b-a3b");
		const own = format(q.nativeDtype);
		const p = countParams(q);
		const wb = weightBytes(q, own, { ...p, extra: 5_000_000, total: p.total + 5_000_000 });
		const sized: Model = { ...q, checkpointBytes: Math.round(wb.total * 1.05) };
		const w = withCheckpointBytes(wb, sized, own);
		const k = (sized.checkpointBytes ?? 0) / wb.total;
		expect(w.experts).toBeCloseTo(wb.experts * k, 0);
		expect(w.extra).toBeCloseTo(wb.extra * k, 3);
	});

	it("leave other formats, models without a size, and empty rows alone", () => {
		expect(withCheckpointBytes(computed, withSize, format("q4_k_m"))).toBe(computed);
		expect(withCheckpointBytes(computed, m, own)).toBe(computed);
		const empty = { ...computed, total: 0 };
		expect(withCheckpointBytes(empty, withSize, own)).toBe(empty);
	});

	it("follow the shipped quantization's format when the model ships quantized", () => {
		const g = model("gpt-oss-120b");
		const mx = format("mxfp4");
		const wb = weightBytes(g, mx);
		const sized: Model = { ...g, checkpointBytes: Math.round(wb.total * 0.99) };
		if ((g.checkpointFormat ?? g.shippedQuantization?.format) === "mxfp4") expect(withCheckpointBytes(wb, sized, mx).total).toBe(sized.checkpointBytes);
		expect(withCheckpointBytes(wb, sized, format("bf16"))).toBe(wb);
	});
});
