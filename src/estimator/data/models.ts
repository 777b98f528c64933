/** The model catalog, from each model's config.json. Parameter totals are computed (params.ts) and tested against `published`. */
import type { Model } from "../schema";

export const MODELS: Model[] = [
	{
		id: "qwen3-30b-a3b",
		name: "Qwen3-30B-A3B",
		family: "qwen3",
		aliases: ["Qwen3-30B", "Qwen3 30B A3B", "qwen3-30b-model"],
		layers: 48,
		hidden: 2048,
		intermediate: 6144,
		heads: 32,
		kvHeads: 4,
		headDim: 128,
		vocab: 151936,
		tiedEmbeddings: false,
		mlp: "gated",
		qkNorm: true,
		moe: { experts: 128, expertsPerToken: 8, expertIntermediate: 768 },
		layerPattern: [{ kind: "full" }],
		nativeDtype: "bf16",
		maxContext: 40960,
		published: { totalParams: 30.5e9, activeParams: 3.3e9 },
		released: "2025-04-29",
		sources: [{ ref: "https://huggingface.co/Qwen/Qwen3-30B-A3B/blob/main/config.json", asOf: "2025-04-29", confidence: "verified" }],
	},
];
