/**
 * Compute backends (CUDA, ROCm/HIP, Vulkan, Metal) and how efficiently llama.cpp / vLLM kernels use each
 * architecture family through them. These are engine-maturity facts, not hardware facts: the same card decodes
 * at a different share of its bandwidth under ROCm than under CUDA, and prefill reaches a different share of
 * its tensor peak. Every figure carries the measurement it was derived from (test/data holds those rows).
 */
import type { Source } from "../schema";

export type BackendId = "cuda" | "rocm" | "vulkan" | "metal";
export const BACKEND_IDS: readonly BackendId[] = ["cuda", "rocm", "vulkan", "metal"];
export const BACKEND_NAMES: Record<BackendId, string> = { cuda: "CUDA", rocm: "ROCm/HIP", vulkan: "Vulkan", metal: "Metal" };

/** Which vendors a backend drives at all. */
export const BACKEND_VENDORS: Record<BackendId, readonly string[]> = {
	cuda: ["nvidia"],
	rocm: ["amd"],
	vulkan: ["nvidia", "amd", "intel"],
	metal: ["apple"],
};

export interface BackendFacts {
	backend: BackendId;
	/** Architecture ids this row covers. */
	architectures: readonly string[];
	/** Share of peak bandwidth a batch-1 decode stream reaches, by memory kind. */
	bandwidth: { gddr: number; hbm: number; lpddr: number };
	/**
	 * Share of the tensor peak llama.cpp's quantized matmul kernels reach in prefill (ubatch 512): of the INT8 peak
	 * where the backend runs integer tensor math on quantized blocks (CUDA/HIP MMQ), else of the FP16 peak.
	 */
	quantizedGemm: number;
	/** Whether quantized prefill uses the INT8 tensor peak (MMQ with int8 MMA/WMMA/MFMA) or the FP16 one. */
	quantizedOnInt8: boolean;
	/** Share of the FP16 tensor peak dense 16-bit GEMMs reach in prefill (cuBLAS / rocBLAS / coopmat / simdgroup). */
	denseGemm: number;
	/**
	 * Fixed per-layer decode latency of llama.cpp's kernels in µs·GHz (current builds): per layer, and extra per MoE
	 * layer. Where no fused-kernel speed-up is measured (HIP, Vulkan on AMD/Intel, Metal) the 2024 figure of 220
	 * covers MoE layers too, as it did for the MoE rows of the first accuracy round.
	 */
	layerLatency: { dense: number; moe: number };
	/**
	 * ALU operations per quantized weight in batch-1 decode (unpack, scale, multiply-add): with integer dot products
	 * (CUDA/HIP dp4a, Vulkan int dot) a few, without them (Metal) tens. Decode cannot beat weights × this ÷ the FP32
	 * rate, which binds on GPUs with little ALU per byte of bandwidth.
	 */
	decodeAluPerWeight: number;
	/**
	 * llama.cpp builds before `build` ran the routed-expert matmuls (MUL_MAT_ID) of MoE prefill at `expertFactor` of
	 * what current builds reach on this row, on top of the tokens-per-expert penalty. Absent where no step is measured.
	 */
	moeBeforeBuild?: { build: number; expertFactor: number };
	sources: Source[];
}

const DGX_SPARK = "ggml-org/llama.cpp benches/dgx-spark.md (GB10, build 2f68ce7cf (6918), 2025-11-02)";

/**
 * One row per backend × architecture family. Lookups fall back to the vendor's first row for a backend, so a new
 * architecture gets its family's efficiency until it is measured.
 */
export const BACKEND_FACTS: BackendFacts[] = [
	{
		backend: "cuda",
		architectures: ["volta", "turing", "ampere", "ada", "blackwell-rtx", "hopper", "blackwell-dc", "rubin"],
		bandwidth: { gddr: 0.95, hbm: 0.85, lpddr: 0.9 },
		quantizedGemm: 0.26,
		quantizedOnInt8: true,
		denseGemm: 0.6,
		layerLatency: { dense: 110, moe: 110 },
		decodeAluPerWeight: 8,
		sources: [
			{ ref: "test/data/measured-public.json (RTX 3090/4090/A100, XiongjieDai llama-bench, May 2024): GDDR 0.95 and HBM 0.85 of peak bandwidth at batch 1", asOf: "2024-05", confidence: "derived", fields: ["bandwidth.gddr", "bandwidth.hbm"] },
			{ ref: `${DGX_SPARK}: gpt-oss-120b MXFP4 tg32 59.02 t/s reads 3.56 GB per token from 273 GB/s LPDDR5X → ≈0.9 after the per-layer latency`, asOf: "2025-11-02", confidence: "derived", fields: ["bandwidth.lpddr"] },
			{ ref: "ggml-org/llama.cpp PR #7860 'CUDA: int8 tensor cores for MMQ' (2024-06): RTX 4090 Llama-3-8B Q4_K_S pp2048 9278 t/s = 144 TOPS of 660 INT8 → 0.22; ÷ the K-quant unpacking factor 0.85 = 0.26", asOf: "2024-06", confidence: "derived", fields: ["quantizedGemm", "quantizedOnInt8"] },
			{ ref: "XiongjieDai/GPU-Benchmarks-on-LLM-Inference README (llama.cpp May 2024, dequantize + cuBLAS): RTX 4090 Llama-3-8B pp1024 F16 9056 and Q4_K_M 6899, RTX 3090 4240 / 3865 → dense GEMM 0.6 of the FP16-accumulate peak once the dequantize pass is counted", asOf: "2024-05", confidence: "derived", fields: ["denseGemm"] },
			{ ref: "MMVQ decode kernels multiply quantized blocks with int8 dot products (dp4a: 4 MACs per instruction) against q8_1 activations: ~8 ALU ops per weight, never binding on CUDA parts (≥ 38 FP32 FLOP per byte of bandwidth)", asOf: "2026-06", confidence: "memory", fields: ["decodeAluPerWeight"] },
			{ ref: "per-layer decode latency: 2024 builds 220 µs·GHz (public RTX 3090/4090 rows); 2025+ builds (CUDA graphs reused, fused norm/rope/add) 110: RTX 5090 Qwen3-8B Q4_K_M 221.7 t/s (CambrianTech/continuum PR #1627, 2026-06) leaves 1.6 ms for 36 layers at 2.41 GHz; MoE layers add router, top-k and three id-matmuls: 110 more (RTX 4090 Qwen3-30B-A3B Q4_0 tg128 161.6 t/s, llama.cpp PR #16834)", asOf: "2026-06", confidence: "derived", fields: ["layerLatency"] },
		],
	},
	{
		backend: "rocm",
		architectures: ["rdna3", "rdna35", "rdna4", "gcn5"],
		bandwidth: { gddr: 0.65, hbm: 0.62, lpddr: 0.8 },
		quantizedGemm: 0.37,
		quantizedOnInt8: true,
		denseGemm: 0.45,
		layerLatency: { dense: 220, moe: 0 },
		decodeAluPerWeight: 8,
		sources: [
			{ ref: "ggml-org/llama.cpp PR #18666 'HIP: adjust RDNA3.5 MMQ kernel selection' (2026-01): Radeon 8060S Llama-3-8B IQ2_XXS pp2048 ≈1,011 t/s at ubatch 512 = 15.7 TOPS of 59.4 → 0.26; ÷ the i-quant lookup factor 0.7 = 0.37 (RDNA WMMA runs INT8 at the FP16 rate)", asOf: "2026-01", confidence: "derived", fields: ["quantizedGemm", "quantizedOnInt8"] },
			{ ref: "HIP MMVQ: the CUDA kernels with dp4a (sdot4 on RDNA): ~8 ALU ops per weight", asOf: "2026-06", confidence: "memory", fields: ["decodeAluPerWeight"] },
			{ ref: "HIP builds on RDNA3/CDNA3 decode at ~60–65% of peak bandwidth (hipMemcpy-class streaming of small GEMVs, no CUDA-graph equivalent before ROCm 6.x); LPDDR5X APUs share the controller with the CPU", asOf: "2026-06", confidence: "memory", fields: ["bandwidth", "layerLatency"], note: "per-layer latency kept at the 2024 CUDA value: no fused-kernel evidence for HIP" },
			{ ref: "rocBLAS/hipBLASLt FP16 GEMM at llama.cpp's ubatch shapes on RDNA3 (WMMA on the shader SIMDs): assumed 0.45 of the FP16 peak", asOf: "2026-06", confidence: "memory", fields: ["denseGemm"] },
		],
	},
	{
		// CDNA: MFMA peaks need large tiles that llama.cpp's HIP MMQ kernels do not use (a small fraction of peak).
		backend: "rocm",
		architectures: ["cdna3", "cdna4", "cdna5"],
		bandwidth: { gddr: 0.65, hbm: 0.62, lpddr: 0.8 },
		quantizedGemm: 0.1,
		quantizedOnInt8: true,
		denseGemm: 0.3,
		layerLatency: { dense: 220, moe: 0 },
		decodeAluPerWeight: 8,
		sources: [
			{ ref: "llama.cpp HIP on MI300X: prefill reaches ~10% of the MFMA INT8 peak, decode ~62% of HBM3 bandwidth (community llama-bench runs on gfx942, 2025)", asOf: "2025-12", confidence: "memory", fields: ["quantizedGemm", "quantizedOnInt8", "denseGemm", "bandwidth", "layerLatency", "decodeAluPerWeight"], note: "no public row in the project's test data yet: check against one" },
		],
	},
	{
		backend: "vulkan",
		architectures: ["turing", "ampere", "ada", "blackwell-rtx", "hopper", "blackwell-dc", "volta"],
		bandwidth: { gddr: 0.95, hbm: 0.85, lpddr: 0.9 },
		quantizedGemm: 0.46,
		quantizedOnInt8: false,
		denseGemm: 0.55,
		layerLatency: { dense: 110, moe: 110 },
		decodeAluPerWeight: 8,
		sources: [
			{ ref: "geerlingguy/ai-benchmarks issue #43 (RTX 4090, Vulkan, build 086a63e3a (7340), 2025-12-09): Llama-3.2-3B Q4_K_M pp512 20,323 t/s = 130 TFLOPS of the 330 FP16-accumulate peak (coopmat2) → 0.39; ÷ K-quant 0.85 = 0.46", asOf: "2025-12-09", confidence: "derived", fields: ["quantizedGemm", "quantizedOnInt8"] },
			{ ref: "same issue: tg128 334.7 t/s for 2.0 GB per token leaves ~0.9 ms for 28 layers at 2.52 GHz ≈ 80 µs·GHz: the CUDA 2025 per-layer figure (110) is kept", asOf: "2025-12-09", confidence: "derived", fields: ["layerLatency", "bandwidth"] },
			{ ref: "dense FP16 through coopmat2 assumed slightly below cuBLAS; quantized matvec with VK_KHR_shader_integer_dot_product as on CUDA (~8 ops per weight)", asOf: "2026-06", confidence: "memory", fields: ["denseGemm", "decodeAluPerWeight"] },
		],
	},
	{
		// AMD RDNA 3 / 3.5 through RADV or AMDVLK with KHR_cooperative_matrix (WMMA on the shader SIMDs; FP16 peak).
		backend: "vulkan",
		architectures: ["rdna3", "rdna35"],
		bandwidth: { gddr: 0.8, hbm: 0.7, lpddr: 0.8 },
		quantizedGemm: 0.27,
		quantizedOnInt8: false,
		denseGemm: 0.3,
		layerLatency: { dense: 220, moe: 0 },
		decodeAluPerWeight: 8,
		moeBeforeBuild: { build: 6200, expertFactor: 0.45 },
		sources: [
			{ ref: "kyuz0/amd-strix-halo-toolboxes benchmark/results (Radeon 8060S, RADV KHR_coopmat, llama-bench pp512): Llama-2-7B Q4_0 1,337.7 t/s at build 0253fb21f (9187), 2026-05-18 = 13.2 GFLOP/token × 1,337.7 = 17.7 TFLOPS of 59.4 → 0.30 (0.32 once weight streaming and attention are counted)", asOf: "2026-05-18", confidence: "derived", fields: ["quantizedGemm", "quantizedOnInt8"] },
			{ ref: "ggml-org/llama.cpp PR #18749 'Vulkan: Optimize Matmul parameters for AMD GPUs with Coopmat support' (0cc4m, 2026-01-11), Radeon 8060S after the change: Llama-3.1-8B Q4_0 875.2, Q4_K_S 793.5, Q8_0 742.5 t/s pp512 = 13.1 / 11.9 / 11.1 TFLOPS of 59.4 → 0.22 / 0.20 (÷ K-quant 0.85 = 0.24) / 0.19", asOf: "2026-01-11", confidence: "derived", fields: ["quantizedGemm"] },
			{ ref: "kyuz0/amd-strix-halo-toolboxes benchmark/results (Radeon 8060S, RADV KHR_coopmat, llama-bench pp512): gpt-oss-20b MXFP4 1,692.5 t/s at b9187 needs ≈0.40 under the MoE tokens-per-expert model. 0.27 is the geometric mean of what the five current-build rows need (0.32, 0.23, 0.25, 0.21, 0.40): every one within ±35 %. No RX 7900 XT/XTX Vulkan coopmat row with a catalog model was found: RDNA 3 discrete cards share the RDNA 3.5 figure", asOf: "2026-05-18", confidence: "derived", fields: ["quantizedGemm"] },
			{ ref: "kyuz0/amd-strix-halo-toolboxes benchmark/results (Radeon 8060S, RADV KHR_coopmat, llama-bench pp512): gpt-oss-20b MXFP4 (flash attention off) 648.9 t/s at build cd6983d5 (6119, 2025-08-09) and 651.2 at b6182, then 1,002.7 at b6486 (2025-09-17) while Llama-2-7B Q4_0 stayed at 875.7 → 868.7: a MoE-only step, llama.cpp PR #15427 (MUL_MAT_ID subgroup optimisation for coopmat devices, merged before PR #15524 of 2025-08-23 extended it). The b6119 row needs the expert matmuls at 0.45 of the current figure; cut placed at b6200 (between b6182, measured slow, and ~b6260 of 2025-08-23)", asOf: "2025-09-17", confidence: "derived", fields: ["moeBeforeBuild"] },
			{ ref: "no F16/BF16 weight row measured on Vulkan AMD with a catalog model: dense 16-bit GEMM (and attention) keep the earlier 0.3", asOf: "2026-06", confidence: "memory", fields: ["denseGemm"] },
			{ ref: "RADV decode ~0.8 of bandwidth (Strix Halo gpt-oss-20b tg128 45.0 t/s at b6096 within 11 %); per-layer latency as the 2024 figure; integer-dot matvec as on CUDA", asOf: "2025-10", confidence: "memory", fields: ["bandwidth", "layerLatency", "decodeAluPerWeight"] },
		],
	},
	{
		// AMD RDNA 4 with KHR_cooperative_matrix: the doubled per-CU WMMA rate is reached at a higher share than RDNA 3.
		backend: "vulkan",
		architectures: ["rdna4"],
		bandwidth: { gddr: 0.8, hbm: 0.7, lpddr: 0.8 },
		quantizedGemm: 0.45,
		quantizedOnInt8: false,
		denseGemm: 0.45,
		layerLatency: { dense: 220, moe: 0 },
		decodeAluPerWeight: 8,
		moeBeforeBuild: { build: 6200, expertFactor: 0.45 },
		sources: [
			{ ref: "maeddesg/vulkanforge wiki 'Benchmarks' (2026-06-10): RX 9070 XT, RADV Mesa 26.1.2, llama.cpp Vulkan KHR_coopmat b9174, prefill of 512 tokens: Llama-3.1-8B Q4_K_M 4,802 t/s = 15.0 GFLOP/token → 72 TFLOPS of 194.7 = 0.37; ÷ K-quant 0.85 = 0.44; Mistral-7B-v0.3 Q4_K_M 4,826 t/s → 0.44 likewise; 0.45 once weight streaming and attention are counted. One source, on one card (not the held-out row, which ran with 'matrix cores: none')", asOf: "2026-06-10", confidence: "derived", fields: ["quantizedGemm", "quantizedOnInt8"] },
			{ ref: "Vulkan's quantized matmul dequantizes blocks to FP16 in shared memory and runs the same coopmat FP16 tiles, so 16-bit weights reach at least the quantized figure; not measured", asOf: "2026-06", confidence: "derived", fields: ["denseGemm"] },
			{ ref: "MoE build step and decode figures as for RDNA 3 / 3.5 (same shaders; not measured on RDNA 4)", asOf: "2026-06", confidence: "memory", fields: ["moeBeforeBuild", "bandwidth", "layerLatency", "decodeAluPerWeight"] },
		],
	},
	{
		backend: "vulkan",
		architectures: ["gcn5", "cdna3", "cdna4", "xe2"],
		bandwidth: { gddr: 0.8, hbm: 0.7, lpddr: 0.8 },
		quantizedGemm: 0.3,
		quantizedOnInt8: false,
		denseGemm: 0.3,
		layerLatency: { dense: 220, moe: 0 },
		decodeAluPerWeight: 8,
		sources: [
			{ ref: "RADV / Intel Mesa drivers with KHR_coopmat: prefill ~0.3 of the FP16 matrix peak, decode ~0.8 of bandwidth; builds without coopmat ('matrix cores: none') are slower", asOf: "2025-10", confidence: "memory", fields: ["quantizedGemm", "denseGemm", "bandwidth", "layerLatency", "quantizedOnInt8", "decodeAluPerWeight"], note: "no public Vulkan prefill row for Vega/CDNA or Intel Xe2 with a catalog model yet: the earlier guess is kept" },
		],
	},
	{
		backend: "metal",
		architectures: ["apple-m1", "apple-m2", "apple-m3", "apple-m4"],
		bandwidth: { gddr: 0.75, hbm: 0.75, lpddr: 0.75 },
		quantizedGemm: 0.67,
		quantizedOnInt8: false,
		denseGemm: 0.67,
		layerLatency: { dense: 220, moe: 0 },
		decodeAluPerWeight: 27,
		sources: [
			{ ref: "test/data/measured-public.json (M2 Ultra, XiongjieDai llama-bench, May 2024): Llama-3-8B Q4_K_M tg 76.3 t/s → 0.75 of 800 GB/s after the per-layer latency; 220 µs·GHz per layer", asOf: "2024-05", confidence: "derived", fields: ["bandwidth", "layerLatency"] },
			{ ref: "Metal has no integer dot product: llama.cpp's K-quant matvec unpacks and multiplies each weight in FP32/FP16 ALUs. 27 ops per weight is the most that keeps the M2 Ultra (8B, 70B) and M3 Ultra (70B) Q4_K_M rows bandwidth-bound, as they measure; it makes the M1 Max (10.6 TFLOPS for 400 GB/s) ALU-bound on Q4_K_M (measured 34.5 / 4.1 t/s for 8B / 70B, where its F16 decode stays bandwidth-bound at 0.75): XiongjieDai README", asOf: "2024-05", confidence: "derived", fields: ["decodeAluPerWeight"] },
			{ ref: "XiongjieDai README: M2 Ultra pp1024 F16 1,203 t/s = 18.3 TFLOPS of 27.2 → 0.67 (simdgroup matrix FP16); Q4_K_M 1,024 t/s = 0.67 × the K-quant factor 0.85", asOf: "2024-05", confidence: "derived", fields: ["denseGemm", "quantizedGemm", "quantizedOnInt8"] },
		],
	},
];

/**
 * llama.cpp's cost of unpacking a block type inside its matmul kernels, relative to legacy blocks, in prefill:
 * K-quants carry 6-bit sub-block scales, i-quants index codebooks, FP4 blocks decode E2M1 through a table.
 */
export const BLOCK_FAMILY_FACTOR: Record<"legacy" | "k-quant" | "i-quant" | "fp4", number> = {
	legacy: 1,
	"k-quant": 0.85,
	"i-quant": 0.7,
	fp4: 0.85,
};
export const BLOCK_FAMILY_SOURCE: Source = {
	ref: "XiongjieDai/GPU-Benchmarks-on-LLM-Inference README (M2 Ultra pp1024 Q4_K_M ÷ F16 = 0.85); llama.cpp PR #7716 'refactor mmq' tables (RTX 4090 Q5_0 vs Q5_1 vs K-quant pp2048) and PR #18666 (i-quants slowest per weight)",
	asOf: "2026-01", confidence: "derived",
};

/** The backend a request gets when it names none: the vendor's native one. */
export function defaultBackend(vendor: string): BackendId {
	if (vendor === "amd") return "rocm";
	if (vendor === "apple") return "metal";
	if (vendor === "intel") return "vulkan";
	return "cuda";
}

/** Facts for a backend on an architecture; the backend's first row for the vendor when the family is unlisted. */
export function backendFacts(backend: BackendId, architecture: string): BackendFacts {
	const exact = BACKEND_FACTS.find((f) => f.backend === backend && f.architectures.includes(architecture));
	if (exact) return exact;
	const any = BACKEND_FACTS.find((f) => f.backend === backend);
	if (!any) throw new Error(`no facts for backend ${backend}`);
	return any;
}
