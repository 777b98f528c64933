/**
 * Round-2 physics (issue #12): backends, format- and MoE-aware prefill, per-build decode latency, vLLM MoE and
 * MXFP4 memory. Each test pins a direction the physics must keep, with numbers from the estimator itself.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { BACKEND_FACTS, BACKEND_IDS, backendFacts, defaultBackend } from "../../src/estimator/data/backends";
import { computeFitTable } from "../../src/estimator/fit";
import { sustainedTensorShare } from "../../src/estimator/throughput";
import { resolveGpu } from "../../src/estimator/catalog";
import type { FitRequest, FitRow, FitTable } from "../../src/estimator/types";

const catalog = loadCatalog();
function table(r: FitRequest): FitTable {
	const t = computeFitTable(catalog, r);
	if (!t.ok) throw new Error(t.error.message);
	return t.value;
}
function row(r: FitRequest): FitRow {
	const x = table(r).rows[0];
	if (!x) throw new Error("no row");
	return x;
}
const why = (x: FitRow, label: string) => x.why.find((w) => w.label === label);

describe("backend facts", () => {
	it("every fact row names a source for each of its figures", () => {
		const figures = ["bandwidth", "quantizedGemm", "quantizedOnInt8", "denseGemm", "layerLatency"];
		for (const f of BACKEND_FACTS) {
			for (const fig of figures) {
				const covered = f.sources.some((s) => s.fields === undefined || s.fields.some((x) => x === fig || x.startsWith(fig + ".")));
				expect(covered, `${f.backend} ${f.architectures.join("/")}: ${fig}`).toBe(true);
			}
			for (const s of f.sources) expect(s.asOf).toMatch(/^\d{4}/);
		}
	});

	it("defaults to the vendor's own backend and refuses ones that cannot drive the card", () => {
		expect(table({ model: "Qwen3-8B", gpu: "RTX 4090" }).backend).toBe("cuda");
		expect(table({ model: "Qwen3-8B", gpu: "RX 7900 XTX", engine: "llama.cpp" }).backend).toBe("rocm");
		expect(table({ model: "Qwen3-8B", gpu: "M3 Max" }).backend).toBe("metal");
		expect(defaultBackend("intel")).toBe("vulkan");
		const metalOnNvidia = computeFitTable(catalog, { model: "Qwen3-8B", gpu: "RTX 4090", backend: "metal" });
		expect(!metalOnNvidia.ok && metalOnNvidia.error.message).toMatch(/Metal does not drive GeForce RTX 4090/);
		const vllmVulkan = computeFitTable(catalog, { model: "Qwen3-8B", gpu: "RTX 4090", engine: "vllm", backend: "vulkan" });
		expect(!vllmVulkan.ok && vllmVulkan.error.message).toMatch(/vLLM has no Vulkan backend/);
		const typo = computeFitTable(catalog, { model: "Qwen3-8B", gpu: "RTX 4090", backend: "opencl" });
		expect(!typo.ok && typo.error.message).toContain(BACKEND_IDS.join(", "));
	});

	it("the same card decodes slower under HIP than under Vulkan's RADV figure, and says which backend in the why", () => {
		const base: FitRequest = { model: "Llama-3.1-8B", gpu: "RX 7900 XTX", engine: "llama.cpp", quant: ["q4_k_m"], context: 128 };
		const rocm = row({ ...base, backend: "rocm" });
		const vulkan = row({ ...base, backend: "vulkan" });
		expect(rocm.decodeTokensPerSecond).toBeLessThan(vulkan.decodeTokensPerSecond);
		expect(why(rocm, "memory time")?.formula).toMatch(/× 0\.65\)$/);
		expect(why(rocm, "per-layer latency")?.formula).toMatch(/llama\.cpp rocm/);
		expect(backendFacts("rocm", "cdna3").quantizedGemm).toBeLessThan(backendFacts("rocm", "rdna3").quantizedGemm);
	});
});

describe("prefill", () => {
	const q = (quant: string, extra: Partial<FitRequest> = {}) => row({ model: "Llama-3.1-8B", gpu: "RTX 4090", engine: "llama.cpp", quant: [quant], context: 512, ...extra }).prefillTokensPerSecond;

	it("depends on the block family: legacy > K-quant > i-quant at similar bits", () => {
		expect(q("q4_0")).toBeGreaterThan(q("q4_k_m"));
		expect(q("q4_k_m")).toBeGreaterThan(q("iq4_xs"));
	});

	it("takes llama.cpp's INT8 MMQ path in current builds and the dequantize-to-FP16 path before b3150", () => {
		const current = row({ model: "Llama-3.1-8B", gpu: "RTX 4090", engine: "llama.cpp", quant: ["q4_k_m"], context: 512 });
		const old = row({ model: "Llama-3.1-8B", gpu: "RTX 4090", engine: "llama.cpp", quant: ["q4_k_m"], context: 512, engineVersion: "b2834" });
		expect(why(current, "prefill linear layers")?.formula).toMatch(/TOPS INT8 \(MMQ\)/);
		expect(why(old, "prefill linear layers")?.formula).toMatch(/dequantize to FP16 \+ cuBLAS/);
		expect(current.prefillTokensPerSecond).toBeGreaterThan(old.prefillTokensPerSecond);
	});

	it("runs MXFP4 on FP4 tensor cores only on sm_120 builds that have the kernel, not on GB10 (sm_121)", () => {
		const r = (gpu: string, engineVersion?: string) => row({ model: "gpt-oss-20b", gpu, engine: "llama.cpp", quant: ["mxfp4"], context: 512, ...(engineVersion ? { engineVersion } : {}) });
		expect(why(r("RTX 5090"), "prefill linear layers")?.formula).toMatch(/native MXFP4 MMA on sm_120/);
		expect(why(r("RTX 5090", "b7000"), "prefill linear layers")?.formula).toMatch(/INT8 \(MMQ\)/);
		expect(why(r("DGX Spark"), "prefill linear layers")?.formula).toMatch(/INT8 \(MMQ\)/);
		expect(r("RTX 5090").prefillTokensPerSecond).toBeGreaterThan(r("RTX 5090", "b7000").prefillTokensPerSecond);
		// The support verdict says the same: native FP4 in llama.cpp depends on the architecture and the build.
		expect(r("RTX 5090").support).toBe("native");
		expect(r("RTX 5090", "b7000")).toMatchObject({ support: "emulated", supportReason: expect.stringMatching(/build b7000 predates llama\.cpp's FP4 MMA kernels/) as unknown });
		expect(r("DGX Spark")).toMatchObject({ support: "emulated", supportReason: expect.stringMatching(/sm_120 only \(this is sm_121\)/) as unknown });
		expect(row({ model: "gpt-oss-20b", gpu: "B200", engine: "llama.cpp", quant: ["mxfp4"] }).support).toBe("emulated");
		expect(row({ model: "gpt-oss-20b", gpu: "B200", engine: "vllm", quant: ["mxfp4"] }).support).toBe("native");
	});

	it("many-expert MoE prefills far below its active FLOPs, and a larger ubatch helps it", () => {
		const moe = row({ model: "Qwen3-30B-A3B", gpu: "RTX 4090", engine: "llama.cpp", quant: ["q4_0"], context: 512 });
		const dense = row({ model: "Qwen3-4B", gpu: "RTX 4090", engine: "llama.cpp", quant: ["q4_0"], context: 512 });
		// Qwen3-30B-A3B has 3.3B active against Qwen3-4B's 4.0B, yet prefills slower: 4 tokens per expert at ubatch 512.
		expect(moe.prefillTokensPerSecond).toBeLessThan(dense.prefillTokensPerSecond);
		expect(why(moe, "MoE expert GEMMs")?.formula).toMatch(/512 tokens × 8 of 128 experts = 32\.0 tokens per expert/);
		const big = row({ model: "Qwen3-30B-A3B", gpu: "RTX 4090", engine: "llama.cpp", quant: ["q4_0"], context: 512, ubatch: 2048 });
		expect(big.prefillTokensPerSecond).toBeGreaterThan(moe.prefillTokensPerSecond * 1.3);
		const dsv3 = row({ model: "DeepSeek-V3", gpu: "H200", count: 8, split: "layer", engine: "llama.cpp", quant: ["q4_k_m"], context: 512 });
		expect(why(dsv3, "prefill GPU hops")?.value).toBeGreaterThan(0);
	});

	it("power-limited cards sustain a share of their tensor peak; flagships and Apple parts all of it", () => {
		const share = (name: string) => {
			const g = resolveGpu(catalog, name);
			if (!g.ok) throw new Error(name);
			return sustainedTensorShare(g.value);
		};
		expect(share("RTX 4090")).toBe(1);
		expect(share("RTX 5090")).toBe(1);
		expect(share("RTX 6000 Ada")).toBeCloseTo(0.61, 2);
		expect(share("L4")).toBeCloseTo(0.44, 2);
		expect(share("A100 80GB PCIe")).toBeCloseTo(0.75, 2);
		expect(share("M2 Ultra")).toBe(1);
		const pro = row({ model: "Llama-3.1-8B", gpu: "RTX 6000 Ada", engine: "llama.cpp", quant: ["fp16"], context: 512 });
		expect(why(pro, "prefill linear layers")?.formula).toMatch(/× 0\.61 sustained at 300 W/);
	});

	it("Hopper runs llama.cpp's mma.sync kernels at half its wgmma peak", () => {
		const h100 = row({ model: "Llama-3.1-8B", gpu: "H100 PCIe", engine: "llama.cpp", quant: ["fp16"], context: 512 });
		expect(why(h100, "prefill linear layers")?.formula).toMatch(/× 0\.5 \(mma\.sync on a wgmma part\)/);
	});
});

describe("decode", () => {
	it("current llama.cpp builds spend half the per-layer time of 2024 builds on CUDA", () => {
		const r = (engineVersion?: string) => row({ model: "Llama-3.1-8B", gpu: "RTX 5090", engine: "llama.cpp", quant: ["q4_k_m"], context: 128, ...(engineVersion ? { engineVersion } : {}) });
		const now = why(r(), "per-layer latency")?.value ?? 0;
		const then = why(r("b2834"), "per-layer latency")?.value ?? 0;
		expect(then / now).toBeCloseTo(2, 2);
		expect(r().decodeTokensPerSecond).toBeGreaterThan(r("b2834").decodeTokensPerSecond * 1.2);
	});

	it("Metal's quantized matvec is ALU-bound on an M1 Max but not on an M2 Ultra; F16 stays bandwidth-bound", () => {
		const r = (gpu: string, quant: string) => row({ model: "Llama-3.1-8B", gpu, engine: "llama.cpp", quant: [quant], context: 128 });
		expect(why(r("M1 Max", "q4_k_m"), "dequantize ALU-bound")).toBeDefined();
		expect(why(r("M2 Ultra", "q4_k_m"), "dequantize ALU-bound")).toBeUndefined();
		expect(why(r("M1 Max", "fp16"), "dequantize ALU-bound")).toBeUndefined();
		expect(why(r("RTX 3090", "q4_k_m"), "dequantize ALU-bound")).toBeUndefined();
	});

	it("vLLM gpt-oss-120b single-stream decode barely depends on the card (H100 vs RTX PRO 6000: within 15%)", () => {
		// At the default gpu_memory_utilization (0.9) one H100 has no KV pool left for gpt-oss-120b (vLLM 0.10 refused
		// to start: "Available KV cache memory: -2.14 GiB"); people run it at 0.95.
		const h100Default = row({ model: "gpt-oss-120b", gpu: "H100", engine: "vllm", quant: ["mxfp4"], context: 2048 });
		expect(h100Default.fits).toBe(false);
		const h100 = row({ model: "gpt-oss-120b", gpu: "H100", engine: "vllm", quant: ["mxfp4"], context: 2048, gpuMemoryUtilization: 0.95 }).decodeTokensPerSecond;
		const pro = row({ model: "gpt-oss-120b", gpu: "RTX PRO 6000", engine: "vllm", quant: ["mxfp4"], context: 2048 }).decodeTokensPerSecond;
		expect(Math.abs(h100 / pro - 1)).toBeLessThan(0.15);
	});

	it("vLLM's 16-bit fused MoE costs less per layer than weight-only quantized experts", () => {
		const bf16 = row({ model: "Qwen3-30B-A3B", gpu: "A100", engine: "vllm", quant: ["bf16"], context: 256 });
		expect(why(bf16, "per-layer latency")?.formula).toMatch(/48 MoE layers × 80/);
		const awq = row({ model: "Qwen3-30B-A3B", gpu: "A100", engine: "vllm", quant: ["awq"], context: 256 });
		expect(why(awq, "per-layer latency")?.formula).toMatch(/48 MoE layers × 280/);
	});
});

describe("vLLM memory", () => {
	it("pads MXFP4 experts to the kernel tiles (vLLM only) and budgets the 200k-vocabulary sampler", () => {
		const v = row({ model: "gpt-oss-120b", gpu: "H100", engine: "vllm", quant: ["mxfp4"] });
		const l = row({ model: "gpt-oss-120b", gpu: "H100", engine: "llama.cpp", quant: ["mxfp4"] });
		expect(v.weightsGiB).toBeGreaterThan(63);
		expect(l.weightsGiB).toBeLessThan(60);
		const sampler = why(v, "sampler")?.value ?? 0;
		const llamaSampler = why(row({ model: "Llama-3.1-8B", gpu: "H100", engine: "vllm", quant: ["bf16"] }), "sampler")?.value ?? 0;
		expect(sampler).toBeGreaterThan(3);
		expect(sampler / llamaSampler).toBeCloseTo(201088 / 128256, 2);
		// V0 profiled without the sort: a quarter of V1's bytes per vocabulary entry (8 of 32).
		const v0 = why(row({ model: "Llama-3.1-8B", gpu: "H100", engine: "vllm", quant: ["bf16"], engineVersion: "v0" }), "sampler")?.value ?? 0;
		expect(v0 / llamaSampler).toBeCloseTo(8 / 32 / 4, 2);
		// One H100 leaves gpt-oss-120b no KV pool at the default utilization (measured: −2.14 GiB, vLLM 0.10).
		expect(v.usableGiBPerGpu - v.weightsPerGpuGiB - v.overheadGiB).toBeLessThan(0.5);
	});

	it("the V0 engine profiles a whole max_model_len prompt (up to 32K); V1 a fixed chunk", () => {
		const base: FitRequest = { model: "Llama-3.1-8B", gpu: "RTX 3090", engine: "vllm", quant: ["bf16"], context: 20000 };
		const v1 = row(base);
		const v0 = row({ ...base, engineVersion: "v0" });
		expect(v0.overheadGiB).toBeGreaterThan(v1.overheadGiB + 1);
		expect(why(v0, "activation peak")?.formula).toMatch(/20000-token profile run \(V0: max_model_len\)/);
	});

	it("adds ROCm's non-torch memory on AMD", () => {
		const amd = row({ model: "Llama-3.1-8B", gpu: "MI300X", engine: "vllm", quant: ["bf16"] });
		expect(why(amd, "non-torch")?.formula).toMatch(/ROCm runtime/);
	});
});
