/**
 * Weight formats. `bitsPerWeight` includes block scales and zero points; embeddings and output head carry their own
 * precision. GGUF "_M" mixes are modelled as llama.cpp builds them: some tensor groups in about half the layers
 * (its `use_more_bits` rule: first and last eighth plus every third layer between) get a bigger type.
 */
import type { Format, Source } from "../schema";

const GGML_BLOCKS: Source = { ref: "ggml-org/llama.cpp ggml/src/ggml-common.h (block_* structs: bytes per block)", asOf: "2026-06", confidence: "verified" };
const LLAMA_QUANT_RECIPES: Source = { ref: "ggml-org/llama.cpp src/llama-quant.cpp llama_tensor_get_type (per-tensor type choice for mixes)", asOf: "2026-06", confidence: "memory", fields: ["upgrades", "headBits", "embeddingBits"] };
const LLAMA_QUANT_README: Source = { ref: "ggml-org/llama.cpp tools/quantize/README.md (Llama-3.1-8B whole-file bpw, used to check the recipes)", asOf: "2026-06", confidence: "verified", note: "checked by test/estimator/formats.test.ts" };

/** Q6_K: 210 bytes per 256 weights. llama.cpp keeps output.weight at Q6_K for most mixes. */
const Q6_K = 6.5625;
const Q4_K = 4.5;
const Q3_K = 3.4375;
const Q5_K = 5.5;
const Q2_K = 2.625;
const MORE_BITS = 0.5;

const gguf = (f: Omit<Format, "family" | "math" | "weightOnlyFallback" | "engines" | "kernelClass" | "sources">, extra: Source[] = []): Format => ({
	...f,
	family: "gguf",
	math: "dequant",
	weightOnlyFallback: true,
	engines: ["llama.cpp"],
	kernelClass: "block-quant",
	sources: [GGML_BLOCKS, LLAMA_QUANT_RECIPES, LLAMA_QUANT_README, ...extra],
});

export const FORMATS: Format[] = [
	{
		id: "fp32", name: "FP32", aliases: ["float32", "f32"], family: "float", bitsPerWeight: 32, embeddingBits: 32, headBits: 32,
		math: "fp32", weightOnlyFallback: false, engines: ["vllm", "llama.cpp", "transformers"], kernelClass: "dense16",
		sources: [{ ref: "IEEE 754 binary32", asOf: "2019-07", confidence: "verified" }],
	},
	{
		id: "bf16", name: "BF16", aliases: ["bfloat16"], family: "float", bitsPerWeight: 16, embeddingBits: 16, headBits: 16,
		math: "bf16", weightOnlyFallback: false, engines: ["vllm", "llama.cpp", "transformers"], kernelClass: "dense16",
		sources: [{ ref: "bfloat16 format (Google Brain); checkpoint native dtype of most 2024-2026 models", asOf: "2025-01", confidence: "verified" }],
	},
	{
		id: "fp16", name: "FP16", aliases: ["float16", "f16", "half"], family: "float", bitsPerWeight: 16, embeddingBits: 16, headBits: 16,
		math: "fp16", weightOnlyFallback: false, engines: ["vllm", "llama.cpp", "transformers"], kernelClass: "dense16",
		sources: [{ ref: "IEEE 754 binary16", asOf: "2019-07", confidence: "verified" }],
	},
	{
		id: "fp8", name: "FP8 (W8A8)", aliases: ["fp8-e4m3", "float8", "e4m3", "fp8-dynamic", "fp8-tensor-acceleration"], family: "float",
		bitsPerWeight: 8, embeddingBits: 16, headBits: 16,
		math: "fp8", weightOnlyFallback: true, engines: ["vllm", "transformers"], kernelClass: "dense8",
		sources: [{ ref: "https://docs.vllm.ai/en/v0.32.0/features/quantization/llm_compressor/fp8/ (FP8 compute on cc >= 8.9; FP8-Marlin weight-only on cc >= 7.5)", asOf: "2026-08", confidence: "verified" }],
	},
	{
		id: "int8", name: "INT8 (W8A8)", aliases: ["w8a8", "smoothquant", "int8-w8a8"], family: "int",
		bitsPerWeight: 8, embeddingBits: 16, headBits: 16,
		math: "int8", weightOnlyFallback: false, engines: ["vllm", "transformers"], kernelClass: "dense8",
		sources: [{ ref: "https://docs.vllm.ai/en/v0.9.2/features/quantization/supported_hardware.html (INT8 W8A8 Turing+)", asOf: "2025-07", confidence: "verified" }],
	},
	{
		// 4-bit weights, an fp16 scale and a packed 4-bit zero point per group of 128: 4 + 16/128 + 4/128.
		id: "awq", name: "AWQ INT4 (g128)", aliases: ["awq-int4", "w4a16-awq"], family: "gptq-awq",
		bitsPerWeight: 4 + 16 / 128 + 4 / 128, embeddingBits: 16, headBits: 16,
		math: "dequant", weightOnlyFallback: true, engines: ["vllm", "transformers"], kernelClass: "marlin",
		sources: [{ ref: "AWQ group-128 layout (4-bit + fp16 scale + 4-bit zero per 128); derived", asOf: "2025-01", confidence: "derived" }],
	},
	{
		id: "gptq", name: "GPTQ INT4 (g128)", aliases: ["gptq-int4", "w4a16", "w4a16-gptq"], family: "gptq-awq",
		bitsPerWeight: 4 + 16 / 128 + 4 / 128, embeddingBits: 16, headBits: 16,
		math: "dequant", weightOnlyFallback: true, engines: ["vllm", "transformers"], kernelClass: "marlin",
		sources: [{ ref: "GPTQ group-128 layout (4-bit + fp16 scale + packed 4-bit zero per 128); derived", asOf: "2025-01", confidence: "derived" }],
	},
	{
		// bitsandbytes NF4: 64-weight blocks, absmax quantized to 8 bits with an fp32 scale per 256 blocks (double quant).
		id: "nf4", name: "NF4 (bitsandbytes)", aliases: ["bnb-nf4", "bnb-4bit", "qlora"], family: "bnb",
		bitsPerWeight: 4 + 8 / 64 + 32 / (64 * 256), embeddingBits: 16, headBits: 16,
		math: "dequant", weightOnlyFallback: true, engines: ["transformers", "vllm"], kernelClass: "bnb",
		sources: [{ ref: "Dettmers et al. 2023, QLoRA (NF4, block 64, double quantization)", asOf: "2023-05", confidence: "memory" }],
	},
	gguf({ id: "q8_0", name: "Q8_0", aliases: ["q8", "gguf-q8_0"], bitsPerWeight: 8.5, embeddingBits: 8.5, headBits: 8.5, blockFamily: "legacy" }),
	gguf({ id: "q6_k", name: "Q6_K", aliases: ["q6", "gguf-q6_k"], bitsPerWeight: Q6_K, embeddingBits: Q6_K, headBits: Q6_K, blockFamily: "k-quant" }),
	gguf({
		id: "q5_k_m", name: "Q5_K_M", aliases: ["q5", "q5_k", "gguf-q5_k_m"], bitsPerWeight: 5.5, embeddingBits: 5.5, headBits: Q6_K, blockFamily: "k-quant",
		upgrades: [{ group: "attn_v", fractionOfLayers: MORE_BITS, bitsPerWeight: Q6_K }, { group: "ffn_down", fractionOfLayers: MORE_BITS, bitsPerWeight: Q6_K }],
	}),
	gguf({
		id: "q4_k_m", name: "Q4_K_M", aliases: ["q4", "q4_k", "gguf-q4_k_m"], bitsPerWeight: Q4_K, embeddingBits: Q4_K, headBits: Q6_K, blockFamily: "k-quant",
		upgrades: [{ group: "attn_v", fractionOfLayers: MORE_BITS, bitsPerWeight: Q6_K }, { group: "ffn_down", fractionOfLayers: MORE_BITS, bitsPerWeight: Q6_K }],
	}),
	gguf({ id: "q4_0", name: "Q4_0", aliases: ["gguf-q4_0"], bitsPerWeight: 4.5, embeddingBits: 4.5, headBits: Q6_K, blockFamily: "legacy" }),
	gguf({ id: "iq4_xs", name: "IQ4_XS", aliases: ["gguf-iq4_xs"], bitsPerWeight: 4.25, embeddingBits: 4.25, headBits: Q6_K, blockFamily: "i-quant" }),
	gguf({
		// attn_v and attn_output at Q4_K (the first two attn_v at Q5_K: ignored), ffn_down at Q4_K in use_more_bits layers.
		id: "q3_k_m", name: "Q3_K_M", aliases: ["q3", "q3_k", "gguf-q3_k_m"], bitsPerWeight: Q3_K, embeddingBits: Q3_K, headBits: Q6_K, blockFamily: "k-quant",
		upgrades: [
			{ group: "attn_v", fractionOfLayers: 1, bitsPerWeight: Q4_K },
			{ group: "attn_o", fractionOfLayers: 1, bitsPerWeight: Q4_K },
			{ group: "ffn_down", fractionOfLayers: MORE_BITS, bitsPerWeight: Q4_K },
		],
	}),
	gguf({
		// Q2_K keeps attn_v at Q4_K (GQA ≥ 4), ffn_down and attn_output at Q3_K.
		id: "q2_k", name: "Q2_K", aliases: ["q2", "gguf-q2_k"], bitsPerWeight: 2.625, embeddingBits: 2.625, headBits: Q6_K, blockFamily: "k-quant",
		upgrades: [
			{ group: "attn_v", fractionOfLayers: 1, bitsPerWeight: Q4_K },
			{ group: "attn_o", fractionOfLayers: 1, bitsPerWeight: Q3_K },
			{ group: "ffn_down", fractionOfLayers: 1, bitsPerWeight: Q3_K },
		],
	}),
	// ── Round 2: the rest of the llama.cpp ladder people download (recipes from llama-quant.cpp, checked against
	//    the Llama-3.1-8B whole-file bpw table in tools/quantize/README.md by test/estimator/accuracy).
	gguf({
		// Q4_K_S: Q5_K for attn_v in the first 4 layers and ffn_down in the first eighth.
		id: "q4_k_s", name: "Q4_K_S", aliases: ["gguf-q4_k_s"], bitsPerWeight: Q4_K, embeddingBits: Q4_K, headBits: Q6_K, blockFamily: "k-quant",
		upgrades: [{ group: "attn_v", fractionOfLayers: 1 / 8, bitsPerWeight: Q5_K }, { group: "ffn_down", fractionOfLayers: 1 / 8, bitsPerWeight: Q5_K }],
	}),
	gguf({ id: "q5_k_s", name: "Q5_K_S", aliases: ["gguf-q5_k_s"], bitsPerWeight: Q5_K, embeddingBits: Q5_K, headBits: Q6_K, blockFamily: "k-quant" }),
	gguf({
		// Q3_K_L: attn_v, attn_output and ffn_down at Q5_K in every layer.
		id: "q3_k_l", name: "Q3_K_L", aliases: ["gguf-q3_k_l"], bitsPerWeight: Q3_K, embeddingBits: Q3_K, headBits: Q6_K, blockFamily: "k-quant",
		upgrades: [
			{ group: "attn_v", fractionOfLayers: 1, bitsPerWeight: Q5_K },
			{ group: "attn_o", fractionOfLayers: 1, bitsPerWeight: Q5_K },
			{ group: "ffn_down", fractionOfLayers: 1, bitsPerWeight: Q5_K },
		],
	}),
	gguf({ id: "q5_0", name: "Q5_0", aliases: ["gguf-q5_0"], bitsPerWeight: 5.5, embeddingBits: 5.5, headBits: Q6_K, blockFamily: "legacy" }),
	gguf({ id: "iq4_nl", name: "IQ4_NL", aliases: ["gguf-iq4_nl"], bitsPerWeight: 4.5, embeddingBits: 4.5, headBits: Q6_K, blockFamily: "i-quant" }),
	gguf({
		// IQ3_XXS: attn_v at Q4_K (GQA ≥ 4), token_embd and output at Q4_K / Q5_K-class types.
		id: "iq3_xxs", name: "IQ3_XXS", aliases: ["gguf-iq3_xxs"], bitsPerWeight: 3.0625, embeddingBits: Q3_K, headBits: Q5_K, blockFamily: "i-quant",
		upgrades: [{ group: "attn_v", fractionOfLayers: 1, bitsPerWeight: Q4_K }, { group: "ffn_down", fractionOfLayers: 1 / 8, bitsPerWeight: Q4_K }],
	}),
	gguf({
		// IQ2_XXS: attn_v at Q4_K (GQA ≥ 4), ffn_down at Q2_K in the first eighth, token_embd Q2_K, output Q5_K.
		id: "iq2_xxs", name: "IQ2_XXS", aliases: ["gguf-iq2_xxs"], bitsPerWeight: 2.0625, embeddingBits: Q2_K, headBits: Q5_K, blockFamily: "i-quant",
		upgrades: [{ group: "attn_v", fractionOfLayers: 1, bitsPerWeight: Q4_K }, { group: "ffn_down", fractionOfLayers: 1 / 8, bitsPerWeight: Q2_K }],
	}),
	{
		// OCP MXFP4: E2M1 values with one E8M0 scale per 32 → 4.25 bits. gpt-oss ships experts only in MXFP4.
		id: "mxfp4", name: "MXFP4", aliases: ["mx-fp4", "fp4-mx", "ocp-mxfp4"], family: "microscaling",
		bitsPerWeight: 4.25, embeddingBits: 16, headBits: 16, moeScope: "experts", otherBitsByEngine: { "llama.cpp": 8.5 }, blockFamily: "fp4",
		math: "mxfp4", weightOnlyFallback: true, engines: ["vllm", "llama.cpp", "transformers"], kernelClass: "marlin",
		sources: [
			{ ref: "OCP Microscaling Formats (MX) v1.0; ggml block_mxfp4 (17 bytes per 32)", asOf: "2025-08", confidence: "verified" },
			{ ref: "ggml-org/gpt-oss-20b-GGUF and -120b-GGUF file sizes (11.27 / 59.02 GiB in llama.cpp benches/dgx-spark.md) imply Q8_0 for the non-expert tensors", asOf: "2025-11-02", confidence: "derived", fields: ["otherBitsByEngine"] },
		],
	},
	{
		// gpt-oss "F16" GGUFs (ggml-org, unsloth): experts stay MXFP4, attention, embeddings and head are F16.
		id: "mxfp4-f16", name: "MXFP4 + F16 (gpt-oss F16 GGUF)", aliases: ["gpt-oss-f16-gguf", "mxfp4-f16-gguf"], family: "microscaling",
		bitsPerWeight: 4.25, embeddingBits: 16, headBits: 16, moeScope: "experts", blockFamily: "fp4",
		math: "mxfp4", weightOnlyFallback: true, engines: ["llama.cpp"], kernelClass: "block-quant",
		sources: [{ ref: "geerlingguy/ai-benchmarks issue #21 (2025-08-07): llama-bench 'gpt-oss ?B F16 12.83 GiB 20.91 B' for gpt-oss-20b-F16.gguf, against 11.27 GiB for ggml-org's Q8_0-attention MXFP4 file", asOf: "2025-08-07", confidence: "derived" }],
	},
	{
		// NVFP4: E2M1 with one UE4M3 scale per 16 plus an fp32 per-tensor scale → 4.5 bits.
		id: "nvfp4", name: "NVFP4", aliases: ["nv-fp4", "fp4"], family: "microscaling",
		bitsPerWeight: 4.5, embeddingBits: 16, headBits: 16, blockFamily: "fp4",
		math: "nvfp4", weightOnlyFallback: true, engines: ["vllm", "llama.cpp", "transformers"], kernelClass: "marlin",
		sources: [{ ref: "https://docs.nvidia.com/nemo/automodel (NVFP4: 0.5625 bytes/param + 4 bytes/row; GEMM on dequantized bf16 on Hopper)", asOf: "2026-03", confidence: "verified" }],
	},
];
