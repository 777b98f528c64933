/**
 * Models added in round 2: the families people run on their own GPUs (Llama 3.2 / 4, Gemma 3 small sizes,
 * Mistral Nemo / Small, Qwen2.5 with its Coder and DeepSeek-R1-Distill variants, Kimi K2, GLM-4.5/4.6, Qwen3-Coder).
 * Shapes are the config.json fields (same conventions as ./models.ts); totals are tested against the cards.
 */
import type { Model, Source } from "../schema";

const READ = "2026-11";
const hfConfig = (repo: string, note?: string): Source => ({
	ref: `https://huggingface.co/${repo}/blob/main/config.json`, asOf: READ, confidence: "memory", ...(note ? { note } : {}),
});
const card = (repo: string, note?: string): Source => ({
	ref: `https://huggingface.co/${repo}`, asOf: READ, confidence: "memory", fields: ["published"], ...(note ? { note } : {}),
});
const derived = (ref: string, fields: string[]): Source => ({ ref, asOf: READ, confidence: "derived", fields });

const GEMMA3_PATTERN: Model["layerPattern"] = [
	{ kind: "sliding", window: 1024 }, { kind: "sliding", window: 1024 }, { kind: "sliding", window: 1024 },
	{ kind: "sliding", window: 1024 }, { kind: "sliding", window: 1024 }, { kind: "full" },
];
/** SigLIP-So400m as in Gemma 3 27B (416,866,032) plus a 1152 → hidden projector and its norm. */
const siglip = (hidden: number): NonNullable<Model["extraParams"]> => ({ count: 416_866_032 + 1152 * hidden + 1152, what: `SigLIP vision tower (417M) and projector 1152 → ${hidden}` });

/** Llama 4: chunked local attention (8192-token chunks) in 3 of 4 layers, a global NoPE layer every 4th. */
const LLAMA4_PATTERN: Model["layerPattern"] = [
	{ kind: "sliding", window: 8192 }, { kind: "sliding", window: 8192 }, { kind: "sliding", window: 8192 }, { kind: "full" },
];
/** Llama 4 vision encoder: 34 layers of width 1408 (MLP 5632) plus the pixel-shuffle projector, about 0.85B. */
const LLAMA4_VISION: NonNullable<Model["extraParams"]> = { count: 0.85e9, what: "vision encoder (34 × width 1408) and projector, ≈0.85B" };

const qwen25 = (p: { size: string; layers: number; hidden: number; intermediate: number; heads: number; kvHeads: number; total: number; tied?: boolean; extraAliases: string[] }): Model => {
	const name = `Qwen2.5-${p.size}`;
	return {
		id: name.toLowerCase(), name, family: "qwen2.5",
		aliases: [`Qwen2.5 ${p.size}`, `${name}-Instruct`, `Qwen/${name}`, `Qwen/${name}-Instruct`, `qwen2.5:${p.size.toLowerCase()}`, `Qwen2.5-Coder-${p.size}`, `Qwen2.5-Coder-${p.size}-Instruct`, ...p.extraAliases],
		layers: p.layers, hidden: p.hidden, intermediate: p.intermediate, heads: p.heads, kvHeads: p.kvHeads, headDim: 128,
		vocab: 152064, tiedEmbeddings: p.tied ?? false, mlp: "gated", qkvBias: true, layerPattern: [{ kind: "full" }],
		nativeDtype: "bf16", maxContext: 131072, published: { totalParams: p.total }, released: "2024-09-19",
		releaseFormat: { format: "bf16", sources: [{ ref: `https://huggingface.co/Qwen/${name}`, asOf: READ, confidence: "memory", note: "safetensors BF16" }] },
		sources: [
			hfConfig(`Qwen/${name}`, "max_position_embeddings 131072 in the base config (Instruct: 32768, YaRN to 128K)"),
			{ ref: `https://huggingface.co/Qwen/Qwen2.5-Coder-${p.size} and deepseek-ai/DeepSeek-R1-Distill-Qwen-${p.size} configs`, asOf: READ, confidence: "memory", fields: ["aliases"], note: "same Qwen2 architecture and shapes, so aliased to this entry" },
			card(`Qwen/${name}`),
		],
	};
};

const glm45 = (): Omit<Model, "id" | "name" | "aliases" | "maxContext" | "released" | "sources"> => ({
	family: "glm4-moe", layers: 92, hidden: 5120, intermediate: 12288, heads: 96, kvHeads: 8, headDim: 128, vocab: 151552,
	tiedEmbeddings: false, mlp: "gated", qkvBias: true, qkNorm: true,
	moe: { experts: 160, expertsPerToken: 8, expertIntermediate: 1536, sharedExperts: 1, firstDenseLayers: 3, routerBias: true },
	layerPattern: [{ kind: "full" }], nativeDtype: "bf16", published: { totalParams: 355e9, activeParams: 32e9 },
});

export const MODELS_ADDED: Model[] = [
	// ---------------------------------------------------------------- Llama 3.2
	{
		id: "llama-3.2-1b", name: "Llama-3.2-1B", family: "llama3",
		aliases: ["Llama 3.2 1B", "llama3.2:1b", "Llama-3.2-1B-Instruct", "meta-llama/Llama-3.2-1B", "meta-llama/Llama-3.2-1B-Instruct"],
		layers: 16, hidden: 2048, intermediate: 8192, heads: 32, kvHeads: 8, headDim: 64, vocab: 128256, tiedEmbeddings: true,
		mlp: "gated", layerPattern: [{ kind: "full" }], nativeDtype: "bf16", maxContext: 131072,
		published: { totalParams: 1.24e9 }, released: "2024-09-25",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/meta-llama/Llama-3.2-1B", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [hfConfig("meta-llama/Llama-3.2-1B"), card("meta-llama/Llama-3.2-1B", "1.24B (HF safetensors count)")],
	},
	{
		id: "llama-3.2-3b", name: "Llama-3.2-3B", family: "llama3",
		aliases: ["Llama 3.2 3B", "llama3.2:3b", "llama3.2", "Llama-3.2-3B-Instruct", "meta-llama/Llama-3.2-3B", "meta-llama/Llama-3.2-3B-Instruct"],
		layers: 28, hidden: 3072, intermediate: 8192, heads: 24, kvHeads: 8, headDim: 128, vocab: 128256, tiedEmbeddings: true,
		mlp: "gated", layerPattern: [{ kind: "full" }], nativeDtype: "bf16", maxContext: 131072,
		published: { totalParams: 3.21e9 }, released: "2024-09-25",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/meta-llama/Llama-3.2-3B", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [hfConfig("meta-llama/Llama-3.2-3B"), card("meta-llama/Llama-3.2-3B", "3.21B (llama.cpp prints 3.21 B for its GGUF)")],
	},
	// ---------------------------------------------------------------- Llama 4
	{
		id: "llama-4-scout", name: "Llama-4-Scout-17B-16E", family: "llama4",
		aliases: ["Llama 4 Scout", "Llama-4-Scout", "Llama-4-Scout-17B-16E-Instruct", "meta-llama/Llama-4-Scout-17B-16E-Instruct", "llama4:scout"],
		layers: 48, hidden: 5120, intermediate: 16384, heads: 40, kvHeads: 8, headDim: 128, vocab: 202048, tiedEmbeddings: false,
		mlp: "gated", moe: { experts: 16, expertsPerToken: 1, expertIntermediate: 8192, sharedExperts: 1, sharedIntermediate: 8192 },
		layerPattern: LLAMA4_PATTERN, extraParams: LLAMA4_VISION, nativeDtype: "bf16", maxContext: 10485760,
		published: { totalParams: 109e9, activeParams: 17e9 }, released: "2025-04-05",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [
			hfConfig("meta-llama/Llama-4-Scout-17B-16E-Instruct", "text_config: 48 layers, 16 experts top-1 plus a shared expert in every layer, attention_chunk_size 8192 with no_rope_layers every 4th"),
			derived("the chunked-attention layers keep at most one 8192-token chunk, modelled as a sliding window of 8192; vision encoder size from its vision_config (34 layers, width 1408, MLP 5632)", ["layerPattern", "extraParams"]),
			card("meta-llama/Llama-4-Scout-17B-16E-Instruct", "109B total, 17B active"),
		],
	},
	{
		id: "llama-4-maverick", name: "Llama-4-Maverick-17B-128E", family: "llama4",
		aliases: ["Llama 4 Maverick", "Llama-4-Maverick", "Llama-4-Maverick-17B-128E-Instruct", "meta-llama/Llama-4-Maverick-17B-128E-Instruct", "Llama-4-Maverick-17B-128E-Instruct-FP8", "llama4:maverick"],
		layers: 48, hidden: 5120, intermediate: 16384, heads: 40, kvHeads: 8, headDim: 128, vocab: 202048, tiedEmbeddings: false,
		mlp: "gated", moe: { experts: 128, expertsPerToken: 1, expertIntermediate: 8192, sharedExperts: 1, sharedIntermediate: 8192, layerStep: 2 },
		layerPattern: LLAMA4_PATTERN, extraParams: LLAMA4_VISION, nativeDtype: "bf16", maxContext: 1048576,
		published: { totalParams: 400e9, activeParams: 17e9 }, released: "2025-04-05",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [
			hfConfig("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "interleave_moe_layer_step 2: MoE (128 experts top-1 + shared) in every other layer, dense MLP 16384 in the rest"),
			derived("chunked attention as a sliding window of 8192; vision encoder as Scout", ["layerPattern", "extraParams"]),
			card("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "400B total, 17B active"),
		],
	},
	// ---------------------------------------------------------------- Gemma 3
	{
		id: "gemma-3-4b", name: "Gemma-3-4B", family: "gemma3",
		aliases: ["Gemma 3 4B", "gemma-3-4b-it", "gemma-3-4b-pt", "google/gemma-3-4b-it", "gemma3:4b"],
		layers: 34, hidden: 2560, intermediate: 10240, heads: 8, kvHeads: 4, headDim: 256, vocab: 262208, tiedEmbeddings: true,
		mlp: "gated", qkNorm: true, normsPerLayer: 4, layerPattern: GEMMA3_PATTERN, extraParams: siglip(2560),
		nativeDtype: "bf16", maxContext: 131072, published: { totalParams: 4.3e9 }, released: "2025-03-12",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/google/gemma-3-4b-it", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [hfConfig("google/gemma-3-4b-it", "text_config; the same SigLIP vision tower as the 27B"), derived("SigLIP 416,866,032 + projector 1152 × 2560 + norm", ["extraParams"]), card("google/gemma-3-4b-it", "4.3B (HF safetensors count, vision included)")],
	},
	{
		id: "gemma-3-12b", name: "Gemma-3-12B", family: "gemma3",
		aliases: ["Gemma 3 12B", "gemma-3-12b-it", "gemma-3-12b-pt", "google/gemma-3-12b-it", "gemma3:12b"],
		layers: 48, hidden: 3840, intermediate: 15360, heads: 16, kvHeads: 8, headDim: 256, vocab: 262208, tiedEmbeddings: true,
		mlp: "gated", qkNorm: true, normsPerLayer: 4, layerPattern: GEMMA3_PATTERN, extraParams: siglip(3840),
		nativeDtype: "bf16", maxContext: 131072, published: { totalParams: 12.2e9 }, released: "2025-03-12",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/google/gemma-3-12b-it", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [hfConfig("google/gemma-3-12b-it", "text_config"), derived("SigLIP 416,866,032 + projector 1152 × 3840 + norm", ["extraParams"]), card("google/gemma-3-12b-it", "12.2B (HF safetensors count, vision included)")],
	},
	// ---------------------------------------------------------------- Mistral
	{
		id: "mistral-nemo-12b", name: "Mistral-Nemo-12B", family: "mistral",
		aliases: ["Mistral Nemo", "Mistral-Nemo", "Mistral-Nemo-Instruct-2407", "Mistral-Nemo-Base-2407", "mistralai/Mistral-Nemo-Instruct-2407", "mistral-nemo:12b"],
		layers: 40, hidden: 5120, intermediate: 14336, heads: 32, kvHeads: 8, headDim: 128, vocab: 131072, tiedEmbeddings: false,
		mlp: "gated", layerPattern: [{ kind: "full" }], nativeDtype: "bf16", maxContext: 131072,
		published: { totalParams: 12.2e9 }, released: "2024-07-18",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/mistralai/Mistral-Nemo-Instruct-2407", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [hfConfig("mistralai/Mistral-Nemo-Instruct-2407", "head_dim 128 (heads × head_dim = 4096 ≠ hidden 5120); 128k context"), card("mistralai/Mistral-Nemo-Instruct-2407", "12.2B (HF safetensors count)")],
	},
	{
		id: "mistral-small-24b", name: "Mistral-Small-24B (3.0)", family: "mistral",
		aliases: ["Mistral Small 3", "Mistral-Small-3", "Mistral-Small-24B", "Mistral-Small-24B-Instruct-2501", "Mistral-Small-24B-Base-2501", "mistralai/Mistral-Small-24B-Instruct-2501", "mistral-small:24b"],
		layers: 40, hidden: 5120, intermediate: 32768, heads: 32, kvHeads: 8, headDim: 128, vocab: 131072, tiedEmbeddings: false,
		mlp: "gated", layerPattern: [{ kind: "full" }], nativeDtype: "bf16", maxContext: 32768,
		published: { totalParams: 23.6e9 }, released: "2025-01-30",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/mistralai/Mistral-Small-24B-Instruct-2501", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [hfConfig("mistralai/Mistral-Small-24B-Instruct-2501"), card("mistralai/Mistral-Small-24B-Instruct-2501", "23.6B (HF safetensors count)")],
	},
	{
		id: "mistral-small-3.2-24b", name: "Mistral-Small-3.2-24B", family: "mistral",
		aliases: ["Mistral Small 3.2", "Mistral-Small-3.2", "Mistral-Small-3.2-24B-Instruct-2506", "Mistral-Small-3.1-24B", "Mistral-Small-3.1-24B-Instruct-2503", "Mistral Small 3.1", "mistralai/Mistral-Small-3.2-24B-Instruct-2506", "mistral-small3.2"],
		layers: 40, hidden: 5120, intermediate: 32768, heads: 32, kvHeads: 8, headDim: 128, vocab: 131072, tiedEmbeddings: false,
		mlp: "gated", layerPattern: [{ kind: "full" }],
		extraParams: { count: 0.44e9, what: "Pixtral vision encoder (24 × width 1024, MLP 4096) and patch merger/projector, ≈0.44B" },
		nativeDtype: "bf16", maxContext: 131072, published: { totalParams: 24.0e9 }, released: "2025-06-20",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/mistralai/Mistral-Small-3.2-24B-Instruct-2506", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [
			hfConfig("mistralai/Mistral-Small-3.2-24B-Instruct-2506", "text_config identical to 3.0; 3.1 (2503) has the same shapes, so aliased"),
			derived("vision_config: 24 layers × (4·1024² + 3·1024·4096) ≈ 0.40B, plus patch merger and 2-layer projector ≈ 0.05B", ["extraParams"]),
			card("mistralai/Mistral-Small-3.2-24B-Instruct-2506", "24.0B (HF safetensors count, vision included)"),
		],
	},
	// ---------------------------------------------------------------- Qwen2.5 (+ Coder, DeepSeek-R1-Distill-Qwen)
	qwen25({ size: "7B", layers: 28, hidden: 3584, intermediate: 18944, heads: 28, kvHeads: 4, total: 7.62e9, extraAliases: ["DeepSeek-R1-Distill-Qwen-7B", "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "deepseek-r1:7b"] }),
	qwen25({ size: "14B", layers: 48, hidden: 5120, intermediate: 13824, heads: 40, kvHeads: 8, total: 14.8e9, extraAliases: ["DeepSeek-R1-Distill-Qwen-14B", "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B", "deepseek-r1:14b", "DeepSeek R1 14b"] }),
	qwen25({ size: "32B", layers: 64, hidden: 5120, intermediate: 27648, heads: 40, kvHeads: 8, total: 32.8e9, extraAliases: ["DeepSeek-R1-Distill-Qwen-32B", "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", "deepseek-r1:32b", "QwQ-32B", "Qwen/QwQ-32B"] }),
	// ---------------------------------------------------------------- Kimi K2 (DeepSeek-V3 architecture)
	{
		id: "kimi-k2", name: "Kimi-K2", family: "deepseek-v3",
		aliases: ["Kimi K2", "Kimi-K2-Instruct", "Kimi-K2-Base", "moonshotai/Kimi-K2-Instruct", "Kimi-K2-Instruct-0905", "Kimi-K2-Thinking"],
		layers: 61, hidden: 7168, intermediate: 18432, heads: 64, kvHeads: 64, headDim: 192, vocab: 163840, tiedEmbeddings: false,
		mlp: "gated",
		moe: { experts: 384, expertsPerToken: 8, expertIntermediate: 2048, sharedExperts: 1, sharedIntermediate: 2048, firstDenseLayers: 1, routerBias: true },
		mla: { kvLoraRank: 512, qLoraRank: 1536, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
		layerPattern: [{ kind: "full" }], nativeDtype: "bf16", shippedQuantization: { format: "fp8", scope: "all-linear" },
		maxContext: 131072, published: { totalParams: 1.03e12, activeParams: 32e9 }, released: "2025-07-11",
		releaseFormat: { format: "fp8", sources: [{ ref: "https://huggingface.co/moonshotai/Kimi-K2-Instruct", asOf: READ, confidence: "memory", note: "weights shipped FP8 (block-128 quantization_config)" }] },
		sources: [
			hfConfig("moonshotai/Kimi-K2-Instruct", "DeepseekV3ForCausalLM: 61 layers (first dense), 384 experts top-8 + 1 shared, 64 heads, MLA as DeepSeek-V3, vocab 163840; weights FP8 block-128 (Kimi-K2-Thinking ships INT4 experts)"),
			card("moonshotai/Kimi-K2-Instruct", "'1T total, 32B activated'; the HF safetensors count is 1.03T"),
		],
	},
	// ---------------------------------------------------------------- GLM-4.5 / 4.6
	{
		...glm45(), id: "glm-4.5", name: "GLM-4.5",
		aliases: ["GLM 4.5", "zai-org/GLM-4.5", "GLM-4.5-FP8", "zai-org/GLM-4.5-FP8", "glm-4.5-355b"],
		maxContext: 131072, released: "2025-07-28",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/zai-org/GLM-4.5", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [
			hfConfig("zai-org/GLM-4.5", "Glm4MoeForCausalLM: 92 layers + 1 MTP layer (not counted), first 3 dense, 160 experts top-8 + 1 shared, 96 heads × 128, partial RoPE, qk-norm, attention bias"),
			card("zai-org/GLM-4.5", "355B total (with the MTP layer), 32B active (without embeddings and head)"),
		],
	},
	{
		...glm45(), id: "glm-4.6", name: "GLM-4.6",
		aliases: ["GLM 4.6", "zai-org/GLM-4.6", "GLM-4.6-FP8", "zai-org/GLM-4.6-FP8", "GLM-4.7", "zai-org/GLM-4.7"],
		maxContext: 202752, released: "2025-09-30",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/zai-org/GLM-4.6", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [
			hfConfig("zai-org/GLM-4.6", "same shapes as GLM-4.5 with a 200K context (max_position_embeddings 202752); GLM-4.7 keeps them"),
			card("zai-org/GLM-4.6", "355B total, 32B active"),
		],
	},
	{
		id: "glm-4.5-air", name: "GLM-4.5-Air", family: "glm4-moe",
		aliases: ["GLM 4.5 Air", "GLM-4.5-Air-FP8", "zai-org/GLM-4.5-Air", "glm-4.5-air-106b", "GLM-4.6-Air"],
		layers: 46, hidden: 4096, intermediate: 10944, heads: 96, kvHeads: 8, headDim: 128, vocab: 151552, tiedEmbeddings: false,
		mlp: "gated", qkvBias: true,
		moe: { experts: 128, expertsPerToken: 8, expertIntermediate: 1408, sharedExperts: 1, firstDenseLayers: 1, routerBias: true },
		layerPattern: [{ kind: "full" }], nativeDtype: "bf16", maxContext: 131072,
		published: { totalParams: 106e9, activeParams: 12e9 }, released: "2025-07-28",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/zai-org/GLM-4.5-Air", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [
			hfConfig("zai-org/GLM-4.5-Air", "46 layers + 1 MTP layer (not counted), first dense, 128 experts top-8 + 1 shared, 96 heads × 128"),
			card("zai-org/GLM-4.5-Air", "106B total, 12B active (without embeddings and head)"),
		],
	},
	// ---------------------------------------------------------------- Qwen3-Coder 480B
	{
		id: "qwen3-coder-480b-a35b", name: "Qwen3-Coder-480B-A35B", family: "qwen3",
		aliases: ["Qwen3-Coder-480B", "Qwen3 Coder 480B", "Qwen3-Coder-480B-A35B-Instruct", "Qwen/Qwen3-Coder-480B-A35B-Instruct", "Qwen3-Coder-480B-A35B-Instruct-FP8"],
		layers: 62, hidden: 6144, intermediate: 8192, heads: 96, kvHeads: 8, headDim: 128, vocab: 151936, tiedEmbeddings: false,
		mlp: "gated", qkNorm: true, moe: { experts: 160, expertsPerToken: 8, expertIntermediate: 2560 },
		layerPattern: [{ kind: "full" }], nativeDtype: "bf16", maxContext: 262144,
		published: { totalParams: 480e9, activeParams: 35e9 }, released: "2025-07-22",
		releaseFormat: { format: "bf16", sources: [{ ref: "https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct", asOf: READ, confidence: "memory", note: "safetensors BF16 (config torch_dtype bfloat16)" }] },
		sources: [hfConfig("Qwen/Qwen3-Coder-480B-A35B-Instruct", "Qwen3MoeForCausalLM: 62 layers, 160 experts top-8 (moe_intermediate 2560), 96 heads / 8 KV, 256K context"), card("Qwen/Qwen3-Coder-480B-A35B-Instruct", "480B total, 35B active")],
	},
];
