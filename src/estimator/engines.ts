/**
 * Engine profiles: how each inference engine budgets GPU memory and what it costs beyond weights and KV cache.
 * Constants carry their provenance in comments; they are physics-level constants (per GPU, per layer), not fits to
 * individual benchmark rows.
 */
import type { BackendFacts, BackendId } from "./data/backends";
import { GiB, MiB } from "./memory";
import type { Format, Gpu, Model } from "./schema";
import type { EngineId, Explanation, SplitMode } from "./types";

export interface EngineInfo {
	id: EngineId;
	name: string;
	/** Default share of the driver-reported memory the engine lets itself use. */
	defaultUtilization: number;
	sources: string[];
}

export const ENGINES: Record<EngineId, EngineInfo> = {
	vllm: {
		id: "vllm", name: "vLLM", defaultUtilization: 0.9,
		sources: ["vllm-project/vllm vllm/v1/worker/gpu_worker.py determine_available_memory; issue #1018 (0.9 default)"],
	},
	"llama.cpp": {
		id: "llama.cpp", name: "llama.cpp", defaultUtilization: 1,
		sources: ["ggml-org/llama.cpp PR #16653 (--fit, default margin 1024 MiB per device); issue #12396 (compute buffer sizes)"],
	},
	transformers: {
		id: "transformers", name: "Transformers", defaultUtilization: 1,
		sources: ["huggingface/accelerate model size estimator docs (inference adds activations on top of weights)"],
	},
};

/** CUDA / ROCm driver context per GPU (Ollama budgets 457 MiB, gguf-parser 250 MiB); Apple has none on top. */
export function driverContextGiB(gpu: Gpu): number {
	return gpu.vendor === "apple" ? 0 : 0.45;
}

/** The setup one fit-table row is computed for: shared by the overhead and speed models. */
export interface RowSetup {
	model: Model;
	format: Format;
	gpu: Gpu;
	engine: EngineId;
	split: SplitMode;
	count: number;
	/** Compute backend (CUDA, ROCm, Vulkan, Metal). */
	backend: BackendId;
	/** Engine version where it changes the answer: vLLM "v0" / "v1"; llama.cpp a build ("b2834"). Default: current. */
	engineVersion?: string;
	/** llama.cpp's prefill ubatch (-ub); default LLAMA_CPP_UBATCH. */
	ubatch?: number;
}

/** An engine version, parsed: vLLM's engine generation, llama.cpp's build number. */
export interface EngineVersion {
	vllmV0: boolean;
	build: number | undefined;
}

export function parseEngineVersion(engine: EngineId, version: string | undefined): EngineVersion {
	const v = (version ?? "").trim().toLowerCase();
	if (engine === "vllm") return { vllmV0: v === "v0" || v === "vllm-v0" || v === "0", build: undefined };
	const m = /^b?(\d{3,6})$/.exec(v);
	return { vllmV0: false, build: engine === "llama.cpp" && m?.[1] ? Number(m[1]) : undefined };
}

/** Memory kind for the bandwidth-efficiency facts. */
export function memoryKind(gpu: Gpu): "gddr" | "hbm" | "lpddr" {
	const t = gpu.memory.type.toUpperCase();
	if (gpu.memory.unified || t.startsWith("LPDDR")) return "lpddr";
	if (t.startsWith("HBM")) return "hbm";
	return "gddr";
}

export interface OverheadInput extends RowSetup {
	context: number;
	sequences: number;
}

/**
 * Runtime memory per GPU besides weights and KV cache, itemized.
 *
 * vLLM: its profile run pushes max_num_batched_tokens (8192) through the model; the torch peak of that run
 * (layer activations, MoE intermediate buffers, sampler logits for up to 256 sequences) plus non-torch memory
 * (cuBLAS workspaces, NCCL buffers under TP) and CUDA graphs are taken out before the KV pool. The CUDA context
 * itself sits in the 1 − gpu_memory_utilization slack, so it is not counted again.
 *
 * llama.cpp: driver context + compute buffer for one ubatch (512) with flash attention (the default): the logits
 * buffer (vocab × ubatch × 4 B) on the output GPU and the largest layer's intermediates, plus the 1 GiB per-device
 * margin that `--fit` keeps.
 *
 * Transformers: driver context + prefill activations for the whole prompt of every sequence (no chunking),
 * with SDPA attention, plus allocator fragmentation.
 */
export function overheadPerGpu(o: OverheadInput): Explanation[] {
	const { model, engine, split, count } = o;
	const tp = split === "tensor" ? count : 1;
	const ffnWidth = model.moe
		? model.moe.expertIntermediate * model.moe.expertsPerToken + (model.moe.sharedIntermediate ?? 0) * (model.moe.sharedExperts ?? 0)
		: model.intermediate;
	const items: Explanation[] = [];

	if (engine === "vllm") {
		const v0 = parseEngineVersion(engine, o.engineVersion).vllmV0;
		const big = o.gpu.memory.usableGiB >= 70;
		// V1 profiles one max_num_batched_tokens chunk (8192 on ≥ 70 GiB cards, else 2048) and samples max_num_seqs
		// (1024 / 256) dummy sequences; V0 without chunked prefill profiles a whole max_model_len prompt.
		// (V0 turned chunked prefill on, with 2048-token chunks, for max_model_len above 32K.)
		const tokens = v0 ? (o.context > 32768 ? 2048 : Math.max(o.context, 2048)) : big ? 8192 : 2048;
		const seqs = v0 ? 256 : big ? 1024 : 256;
		const perToken = 2 * (4 * model.hidden + (3 * ffnWidth) / tp);
		const activation = tokens * perToken;
		// Sampler on the dummy batch. V1's dummy sampler run sets top-k/top-p to exercise the whole path: fp32 logits and
		// probabilities, the sort's values and int64 indices and its radix-sort double buffer (4 + 4 + 12 + 12 B per
		// vocabulary entry). V0's profile sampled without a sort: logits and probabilities (8 B).
		const perEntry = v0 ? 8 : 32;
		const sampler = (seqs * model.vocab * perEntry) / tp;
		items.push({ label: "activation peak", formula: `${tokens}-token profile run${v0 ? " (V0: max_model_len)" : ""} × ${Math.round(perToken)} B/token`, value: activation / GiB, unit: "GiB" });
		items.push({ label: "sampler", formula: `${seqs} dummy sequences × ${model.vocab} vocab × ${perEntry} B (${v0 ? "V0: fp32 logits and probabilities" : "fp32 logits, probabilities, sorted values and int64 indices with the sort's double buffer"})`, value: sampler / GiB, unit: "GiB" });
		const rocm = o.gpu.vendor === "amd" ? 0.5 : 0;
		const nonTorch = 0.15 + (tp > 1 ? 0.25 : 0) + rocm;
		items.push({ label: "non-torch", formula: `cuBLAS workspace${tp > 1 ? " + NCCL/all-reduce buffers" : ""}${rocm > 0 ? " + ROCm runtime (hipBLASLt workspaces, HSA queues)" : ""}`, value: nonTorch, unit: "GiB" });
		const graphs = 0.1 + 0.005 * Math.ceil(model.layers / (split === "layer" ? count : 1));
		items.push({ label: "CUDA graphs", formula: "captured decode graphs (~0.1 GiB + 5 MiB per layer)", value: o.gpu.vendor === "nvidia" ? graphs : 0, unit: "GiB" });
		return items;
	}

	const ctx = driverContextGiB(o.gpu);
	items.push({ label: "driver context", formula: o.gpu.vendor === "apple" ? "Metal: none beyond the wired limit" : "CUDA/ROCm context per GPU", value: ctx, unit: "GiB" });

	if (engine === "llama.cpp") {
		const ubatch = 512;
		const logits = (model.vocab * ubatch * 4) / GiB;
		const layerScratch = (ubatch * 4 * (3 * ffnWidth + 8 * model.hidden)) / GiB;
		items.push({ label: "compute buffer", formula: `ubatch 512: logits ${model.vocab} × 512 × 4 B + layer intermediates (flash attention)`, value: logits + layerScratch, unit: "GiB" });
		items.push({ label: "fit margin", formula: "llama.cpp --fit keeps 1024 MiB free per device", value: 1024 * MiB / GiB, unit: "GiB" });
		return items;
	}

	// transformers
	const prompt = o.context * o.sequences;
	const act = (prompt * 2 * (6 * model.hidden + (3 * ffnWidth) / tp)) / GiB;
	items.push({ label: "prefill activations", formula: `${prompt} prompt tokens × (6·hidden + 3·ffn) × 2 B (SDPA, no chunking)`, value: Math.min(act, 64), unit: "GiB" });
	items.push({ label: "allocator slack", formula: "PyTorch caching allocator fragmentation ≈ 0.3 GiB", value: 0.3, unit: "GiB" });
	return items;
}

/**
 * Per-layer fixed latency of one decode step, in µs × GHz (divide by the GPU clock in GHz): kernel launches,
 * synchronisation and the small reductions that do not scale with bytes. llama.cpp's figures are per backend and
 * architecture family (data/backends.ts); builds before b5000 (2024, before CUDA-graph reuse and the fused
 * norm/rope/add kernels) take 220 µs·GHz per dense layer on CUDA and Vulkan, the value their rows were measured at.
 * vLLM replays CUDA graphs, leaving mostly the kernels' own ramp-up: 90 per layer (its dense H100/A100 rows match).
 */
export const LAYER_LATENCY_US_GHZ: Record<EngineId, number> = { "llama.cpp": 220, vllm: 90, transformers: 600 };

/**
 * vLLM's extra fixed latency of a MoE layer at batch 1, µs × GHz: router GEMM, top-k, token sort/align and the
 * fused expert kernels, whose per-expert slices are too small to stream at full bandwidth. Two kernel families:
 *  - 16-bit / FP8 fused MoE (Triton): 80, from Qwen3-30B-A3B BF16 on an A100 at 103.9 tok/s (TPOT 9.6 ms,
 *    tenstorrent/tt-inference-server issue #340, 2025-07);
 *  - weight-only quantized experts (Marlin MoE, MXFP4 Triton/Marlin, AWQ): 280, between gpt-oss-120b on an A100 at
 *    90 tok/s (vllm-project/vllm #22331), which asks for less, and DeepSeek-R1 AWQ on 8× H100 at 61–62 tok/s (three
 *    input lengths, test/data/measured-vllm.json), which asks for more; the same constant gives gpt-oss-120b
 *    ≈ 110 tok/s on both an H100 and an RTX PRO 6000, as reported, because the clock-scaled fixed part dominates
 *    the bandwidth part there (after the 0.5 ms host step and MXFP4 padding, both added in the same round).
 * Transformers: not measured (assumed twice vLLM's quantized figure: no fused kernels).
 */
export const VLLM_MOE_LAYER_US_GHZ = { sixteenBit: 80, quantized: 280 } as const;
export const TRANSFORMERS_MOE_LAYER_US_GHZ = 600;

/** The per-layer fixed latency of a row, in µs·GHz summed over layers, with its explanation. */
export function layerLatencyUs(s: RowSetup, facts: BackendFacts): { totalUsGHz: number; formula: string } {
	const layers = s.model.layers;
	const moeLayers = s.model.moe ? Math.floor((layers - Math.min(layers, s.model.moe.firstDenseLayers ?? 0)) / (s.model.moe.layerStep ?? 1)) : 0;
	let dense: number;
	let moe: number;
	let what: string;
	if (s.engine === "llama.cpp") {
		const build = parseEngineVersion(s.engine, s.engineVersion).build;
		const old = build !== undefined && build < 5000 && (facts.backend === "cuda" || facts.backend === "vulkan");
		dense = old ? 220 : facts.layerLatency.dense;
		moe = facts.layerLatency.moe;
		what = `llama.cpp ${facts.backend}${old ? ` build b${build}` : ""}`;
	} else if (s.engine === "vllm") {
		dense = LAYER_LATENCY_US_GHZ.vllm;
		const quantizedExperts = s.format.kernelClass === "marlin" || s.format.kernelClass === "bnb";
		moe = quantizedExperts ? VLLM_MOE_LAYER_US_GHZ.quantized : VLLM_MOE_LAYER_US_GHZ.sixteenBit;
		what = `vLLM, ${quantizedExperts ? "weight-only quantized" : "16-bit/FP8"} fused MoE`;
	} else {
		dense = LAYER_LATENCY_US_GHZ.transformers;
		moe = TRANSFORMERS_MOE_LAYER_US_GHZ;
		what = "Transformers eager kernels";
	}
	const total = layers * dense + moeLayers * moe;
	return { totalUsGHz: total, formula: `(${layers} layers × ${dense}${moeLayers > 0 ? ` + ${moeLayers} MoE layers × ${moe}` : ""}) µs·GHz (${what})` };
}

/**
 * Tokens per expert at which a grouped GEMM reaches half its large-batch efficiency (M / (M + M½)). From the
 * microbatch sweep in ggml-org/llama.cpp PR #20586 (RTX 3090, gpt-oss-20b MXFP4: pp512 2,036 / 3,086 / 4,739 t/s
 * at ubatch 128 / 256 / 512, i.e. 16 / 32 / 64 tokens per expert), whose ratios put M½ between 35 and 75.
 */
export const MOE_TOKENS_HALF_EFFICIENCY = 48;
/** llama.cpp's default physical batch (ubatch) in prefill, and vLLM's chunked-prefill budget. */
export const LLAMA_CPP_UBATCH = 512;
export const VLLM_PREFILL_CHUNK = 8192;

/**
 * vLLM's per-step host work that CUDA graphs do not hide (scheduler, input preparation, sampling, output
 * processing), in ms per decode step. The smallest-model rows leave 0.77–0.86 ms beyond bandwidth and per-layer
 * latency (Qwen3-1.7B on an A100, Qwen3-4B on an RTX 4090: tenstorrent/tt-inference-server #340 / #394, 2025);
 * newer versions overlap part of it with async scheduling (Llama-3.1-8B on an H100 with vLLM 0.21 leaves none).
 * 0.5 ms lies between.
 */
export const VLLM_STEP_OVERHEAD_MS = 0.5;

/** Extra latency per pipeline hop between GPUs in a layer split (activation copy + sync over PCIe), ms. */
export const LAYER_SPLIT_HOP_MS = 0.25;

/** Share of dense tensor peak that prefill reaches, by engine and kernel class. */
export function prefillEfficiency(engine: EngineId, kernelClass: Format["kernelClass"]): number {
	if (engine === "llama.cpp") return kernelClass === "block-quant" ? 0.34 : 0.45;
	if (engine === "vllm") return kernelClass === "marlin" || kernelClass === "bnb" ? 0.5 : 0.6;
	return kernelClass === "bnb" ? 0.25 : 0.45;
}
