/**
 * The format support matrix: format × architecture × engine → native / emulated / unsupported, with a reason.
 *
 *  - native: the matrix units do the math in that format (FP8 on Ada/Hopper, FP4 on Blackwell), so prefill gets the
 *    low-precision compute speed-up as well as the memory saving;
 *  - emulated: weights are stored compressed and dequantized to 16-bit inside the kernel (W4A16, FP8-Marlin, GGUF
 *    blocks, FP4 on Hopper): memory savings and faster decode, no low-precision compute gain;
 *  - unsupported: the engine cannot load it on this hardware at all.
 *
 * Derived from facts (architecture.nativeMath, format.math/engines, engine backends), never tabulated per GPU, so a
 * new GPU gets correct verdicts from its architecture alone.
 */
import type { Architecture, Format, Gpu } from "./schema";
import type { EngineId, SupportLevel } from "./types";

export interface Support {
	level: SupportLevel;
	reason: string;
}

/** Which hardware each engine has a backend for. */
function engineBackend(engine: EngineId, gpu: Gpu, arch: Architecture): string | undefined {
	const vendor = gpu.vendor;
	if (engine === "vllm") {
		if (vendor === "apple") return "vLLM has no Apple Metal backend (use llama.cpp or MLX)";
		if (vendor === "nvidia" && archSm(arch) !== undefined && (archSm(arch) ?? 0) < 70) return "vLLM needs compute capability 7.0 or newer";
		return undefined;
	}
	if (engine === "llama.cpp") {
		if (vendor === "intel" && arch.id.startsWith("gaudi")) return "llama.cpp has no Gaudi backend (use vLLM with the Gaudi plugin)";
		return undefined;
	}
	return undefined;
}

/** Lowest sm_XY target of an NVIDIA architecture as a number (86 for sm_86), if any. */
function archSm(arch: Architecture): number | undefined {
	const sms = arch.targets.map((t) => /^sm_(\d+)/.exec(t)?.[1]).filter((x): x is string => x !== undefined).map(Number);
	return sms.length > 0 ? Math.min(...sms) : undefined;
}

const ALTERNATIVES: Record<string, string> = {
	"llama.cpp": "llama.cpp loads GGUF types (Q8_0, Q6_K, Q4_K_M…), FP16/BF16/FP32 and MXFP4/NVFP4",
	vllm: "vLLM loads HF checkpoints (BF16/FP16, FP8, INT8, AWQ, GPTQ, NF4, MXFP4, NVFP4); GGUF only experimentally",
	transformers: "Transformers loads HF checkpoints (BF16/FP16, FP8, INT8, AWQ, GPTQ, NF4, MXFP4, NVFP4)",
};

const MATH_NAMES: Record<string, string> = { fp8: "FP8", int8: "INT8", nvfp4: "FP4", mxfp4: "FP4", mxfp8: "MXFP8", fp6: "FP6" };

function archNote(arch: Architecture, words: RegExp): string | undefined {
	return arch.notes?.find((n) => words.test(n));
}

/** Weight-only (dequantizing) kernels exist for this engine on this hardware? */
function weightOnlyPath(engine: EngineId, format: Format, gpu: Gpu, arch: Architecture): boolean {
	if (engine === "llama.cpp") return true; // every ggml backend dequantizes its block types
	if (gpu.vendor === "nvidia") return (archSm(arch) ?? 0) >= 75; // Marlin / Machete / bitsandbytes CUDA kernels
	if (gpu.vendor === "amd") {
		// ROCm: MXFP4 (gpt-oss) and FP8 via Triton kernels; bitsandbytes has a ROCm build. AWQ/GPTQ Marlin kernels are CUDA only.
		return format.id === "mxfp4" || format.id === "fp8" || format.kernelClass === "bnb";
	}
	if (gpu.vendor === "apple") return engine === "transformers" && format.kernelClass !== "bnb" && format.kernelClass !== "marlin";
	return false;
}

/** The support verdict for one format on one GPU with one engine. */
export function formatSupport(format: Format, gpu: Gpu, arch: Architecture, engine: EngineId, engineVersion?: string): Support {
	const noBackend = engineBackend(engine, gpu, arch);
	if (noBackend) return { level: "unsupported", reason: noBackend };
	if (!format.engines.includes(engine)) {
		return { level: "unsupported", reason: `${engine} cannot load ${format.name}: ${ALTERNATIVES[engine] ?? ""}` };
	}
	const archName = arch.name;
	const math = format.math;

	if (math === "dequant") {
		if (!weightOnlyPath(engine, format, gpu, arch)) {
			return { level: "unsupported", reason: `${engine} has no ${format.name} kernels for ${archName}` };
		}
		const how = format.family === "gguf"
			? "llama.cpp dequantizes the blocks inside its matmul kernels"
			: `${format.name} weights are dequantized to 16-bit inside the kernel (weight-only, W4A16)`;
		return { level: "emulated", reason: `${how}: memory savings, no low-precision compute gain` };
	}

	const has = (m: string) => arch.nativeMath.some((x) => x === m);
	// llama.cpp's FP4 blocks reach FP4 tensor cores only through its sm_120 MMA kernels (builds from b7400, Dec 2025,
	// compiled with the 120a target); GB10 (sm_121) and sm_100 run the same blocks through INT8 MMQ.
	if (engine === "llama.cpp" && (math === "mxfp4" || math === "nvfp4") && has(math)) {
		const build = /^b?(\d{3,6})$/.exec((engineVersion ?? "").trim().toLowerCase())?.[1];
		if (gpu.computeCapability === "12.0" && (build === undefined || Number(build) >= 7400)) {
			return { level: "native", reason: `${format.name} runs on ${archName}'s FP4 tensor cores through llama.cpp's sm_120 MMA kernels (builds from b7400, compiled for 120a)` };
		}
		const why = gpu.computeCapability === "12.0" ? `build b${build ?? "?"} predates llama.cpp's FP4 MMA kernels (b7400)` : `llama.cpp's FP4 MMA kernels target sm_120 only (this is ${gpu.computeCapability ? `sm_${gpu.computeCapability.replace(".", "")}` : arch.targets.join("/")})`;
		return { level: "emulated", reason: `${format.name} blocks run through INT8 MMQ on ${archName}: ${why}` };
	}
	if (has(math)) {
		// Block-scaled formats reach the tensor cores by different paths (tcgen05 on sm_100, mma.sync on sm_120): say which.
		const path = ["nvfp4", "mxfp4", "mxfp8", "fp6"].includes(math) ? archNote(arch, /tcgen05|mma\.sync/) : undefined;
		return { level: "native", reason: `${format.name} math runs natively on ${archName} (matrix units)${path ? `; ${path}` : ""}` };
	}
	if (math === "fp8" && has("fp8-fnuz")) {
		const note = archNote(arch, /fnuz/i) ?? "FP8 is the FNUZ variant (E4M3FNUZ): OCP FP8 checkpoints are rescaled at load";
		return { level: "native", reason: `FP8 tensor math on ${archName}; ${note}` };
	}
	if (math === "bf16" || math === "fp16" || math === "fp32" || math === "tf32") {
		if (math === "bf16" && has("fp16")) {
			return { level: "unsupported", reason: `${archName} has no BF16 (tensor cores or otherwise): load the model as FP16 instead` };
		}
		return { level: "unsupported", reason: `${archName} has no ${format.name} math` };
	}
	// Low-precision format without native math: weight-only fallback or nothing.
	const mathName = MATH_NAMES[math] ?? format.name;
	if (format.weightOnlyFallback && weightOnlyPath(engine, format, gpu, arch)) {
		const note = archNote(arch, new RegExp(math === "int8" ? "int8" : math === "fp8" ? "fp8" : "fp4", "i"));
		return {
			level: "emulated",
			reason: `no ${mathName} tensor math on ${archName}: ${note ?? `${format.name} weights are dequantized to 16-bit for the math (memory savings, no compute gain)`}`,
		};
	}
	return { level: "unsupported", reason: `${archName} has no ${mathName} tensor math and ${engine} has no weight-only kernels for ${format.name} there` };
}
