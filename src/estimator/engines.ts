/**
 * Engine profiles: how each inference engine budgets GPU memory and what it costs beyond weights and KV cache.
 * Constants carry their provenance in comments; they are physics-level constants (per GPU, per layer), not fits to
 * individual benchmark rows.
 */
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
		const tokens = 8192;
		const perToken = 2 * (4 * model.hidden + (3 * ffnWidth) / tp);
		const activation = tokens * perToken;
		const sampler = 256 * model.vocab * 4 * 2 / tp;
		items.push({ label: "activation peak", formula: `8192-token profile run × ${Math.round(perToken)} B/token + sampler logits 256 × ${model.vocab} × 4 B × 2`, value: (activation + sampler) / GiB, unit: "GiB" });
		const nonTorch = 0.15 + (tp > 1 ? 0.25 : 0);
		items.push({ label: "non-torch", formula: tp > 1 ? "cuBLAS workspace + NCCL/all-reduce buffers" : "cuBLAS workspace", value: nonTorch, unit: "GiB" });
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
 * synchronisation and the small reductions that do not scale with bytes. llama.cpp runs ~10 kernels per layer
 * without CUDA graphs for every batch shape; vLLM replays CUDA graphs, leaving mostly the kernels' own ramp-up.
 * Derived from llama.cpp decode traces on GeForce and A100 cards (a token of an 8B model spends 2-5 ms outside
 * memory transfer), see test/estimator/accuracy for the check against public measurements.
 */
export const LAYER_LATENCY_US_GHZ: Record<EngineId, number> = { "llama.cpp": 220, vllm: 90, transformers: 600 };

/**
 * Extra fixed latency of a MoE layer at batch 1, µs × GHz: router GEMM, top-k, token sort/permute, the fused expert
 * kernels (whose per-expert slices are too small to stream at full bandwidth) and the weighted sum. vLLM's figure is
 * derived from its single-stream DeepSeek-R1 (8× H100) and gpt-oss-120b (A100) measurements in
 * test/data/measured-vllm.json, where MoE decode ran 2–3× slower than bandwidth alone predicts while dense models
 * matched; llama.cpp's MoE rows match without one. Transformers: not measured (assumed twice vLLM: no fused kernels).
 */
export const MOE_LAYER_LATENCY_US_GHZ: Record<EngineId, number> = { "llama.cpp": 0, vllm: 300, transformers: 600 };

/** Extra latency per pipeline hop between GPUs in a layer split (activation copy + sync over PCIe), ms. */
export const LAYER_SPLIT_HOP_MS = 0.25;

/**
 * Share of peak bandwidth that batch-1 decode streams reach, by memory kind. HBM parts need far more bytes in
 * flight to saturate their stacks than one small matrix-vector product provides; unified LPDDR shares its
 * controller with the CPU.
 */
export function bandwidthEfficiency(gpu: Gpu): number {
	const t = gpu.memory.type.toUpperCase();
	if (gpu.memory.unified || t.startsWith("LPDDR")) return 0.75;
	if (t.startsWith("HBM")) return 0.85;
	return 0.95;
}

/** Share of dense tensor peak that prefill reaches, by engine and kernel class. */
export function prefillEfficiency(engine: EngineId, kernelClass: Format["kernelClass"]): number {
	if (engine === "llama.cpp") return kernelClass === "block-quant" ? 0.34 : 0.45;
	if (engine === "vllm") return kernelClass === "marlin" || kernelClass === "bnb" ? 0.5 : 0.6;
	return kernelClass === "bnb" ? 0.25 : 0.45;
}
