/**
 * The estimator's public data shapes: what callers (CLI, render layer, plugin, scaling advice) pass in and get back.
 * Plain data only, so results serialize to JSON and render without the estimator.
 */

export type EngineId = "vllm" | "llama.cpp" | "transformers";
export const ENGINE_IDS: readonly EngineId[] = ["vllm", "llama.cpp", "transformers"];

export type SplitMode = "tensor" | "layer" | "replica";
export const SPLIT_MODES: readonly SplitMode[] = ["tensor", "layer", "replica"];

export type KvDtype = "bf16" | "fp16" | "fp8" | "q8_0" | "q4_0" | "fp32";
export const KV_DTYPES: readonly KvDtype[] = ["bf16", "fp16", "fp8", "q8_0", "q4_0", "fp32"];

export type SupportLevel = "native" | "emulated" | "unsupported";

/**
 * A row's answer in one word, most severe first: the engine cannot run the format here; the weights and runtime (or
 * one sequence) do not fit; some but not all requested sequences fit; everything asked for fits.
 */
export type Verdict = "unsupported" | "out-of-memory" | "fits-fewer-sequences" | "fits";
export const VERDICTS: readonly Verdict[] = ["fits", "fits-fewer-sequences", "out-of-memory", "unsupported"];

/** What a user asks: names are resolved against the catalog (aliases, case and punctuation insensitive). */
export interface FitRequest {
	model: string;
	gpu: string;
	count?: number;
	split?: SplitMode;
	/** Tokens per sequence (prompt + generated). Default: min(8192, model max). */
	context?: number;
	/** Concurrent sequences at that context. Default 1. */
	concurrency?: number;
	engine?: EngineId;
	/** Format ids or aliases; default: the standard ladder for the engine. */
	quant?: readonly string[];
	/** "auto" (or nothing): the engine's default, the model's dtype (llama.cpp: f16). */
	kvDtype?: KvDtype | "auto";
	/** vLLM's gpu_memory_utilization (default 0.9). */
	gpuMemoryUtilization?: number;
	/** Compute backend: cuda, rocm, vulkan, metal. Default: the GPU vendor's own (CUDA, ROCm, Metal; Vulkan on Intel). */
	backend?: string;
	/** llama.cpp's physical batch (-ub) for prefill; default 512. */
	ubatch?: number;
	/** Engine version where it changes the answer: vLLM "v0" (V0 engine) or "v1"; llama.cpp a build like "b2834". */
	engineVersion?: string;
}

/** One step of a figure's derivation, e.g. {label: "weights", formula: "30.5 B params × 16 bit", value: 56.9, unit: "GiB"}. */
export interface Explanation {
	label: string;
	formula: string;
	value: number;
	unit: string;
}

export interface FitRow {
	format: string;
	formatName: string;
	bitsPerWeight: number;
	weightsGiB: number;
	weightsPerGpuGiB: number;
	/** KV cache for `context × concurrency`, total across GPUs. */
	kvCacheGiB: number;
	kvCachePerGpuGiB: number;
	/** Runtime overhead per GPU: CUDA context, activations / compute buffers, CUDA graphs, engine margin. */
	overheadGiB: number;
	/** weights + KV + overhead on the fullest GPU. */
	perGpuGiB: number;
	/** What one GPU offers to this engine (driver-reported total, times gpu_memory_utilization for vLLM). */
	usableGiBPerGpu: number;
	/**
	 * The memory answer alone: weights + KV for every requested sequence + overhead within usable memory, whether or
	 * not the engine can run the format (see `verdict` for the whole answer).
	 */
	fits: boolean;
	/** Free memory per GPU at the requested workload: usable − needed. Negative = that much short. Always this sign. */
	headroomGiB: number;
	/**
	 * Sequences of `context` tokens that fit at once (0 when weights alone, or one sequence, do not fit; 0 when the
	 * format is unsupported). At least `concurrency` when `fits`, less when not.
	 */
	maxConcurrentSequences: number;
	/** The row's answer: fits | fits-fewer-sequences | out-of-memory | unsupported. */
	verdict: Verdict;
	/**
	 * The verdict in words with its figure: "fits, 12.3 GiB free per GPU", "fits 3 of 4 sequences (1.9 GiB per GPU
	 * short of 4)", "out of memory by 4.1 GiB per GPU", "unsupported: <reason>".
	 */
	verdictText: string;
	support: SupportLevel;
	supportReason: string;
	decodeTokensPerSecond: number;
	/** Decode throughput summed over `concurrency` sequences (and replicas). */
	aggregateDecodeTokensPerSecond: number;
	prefillTokensPerSecond: number;
	/** How each figure was computed, in order. */
	why: Explanation[];
	warnings: string[];
}

export interface FitTable {
	model: string;
	modelId: string;
	gpu: string;
	gpuId: string;
	count: number;
	split: SplitMode;
	engine: EngineId;
	/** The compute backend the speeds assume (cuda, rocm, vulkan, metal); always set by computeFitTable. */
	backend?: string;
	context: number;
	concurrency: number;
	kvDtype: KvDtype;
	rows: FitRow[];
	/** Table-level notes (e.g. context clamped to the model's maximum). */
	notes: string[];
}

/** A name that did not resolve, with the closest catalog names. */
export interface LookupError {
	kind: "unknown-model" | "unknown-gpu" | "unknown-format" | "invalid-request";
	message: string;
	suggestions: string[];
}

export type Result<T, E = LookupError> = { ok: true; value: T } | { ok: false; error: E };
