/**
 * Catalog schemas. Every catalog entry (built in or user supplied) is validated
 * against these at load, so a typo in a spec sheet fails loudly instead of
 * producing a plausible wrong number.
 *
 * Uses `zod/mini` on purpose: the full `zod` entry adds ~450 KB to main.js.
 */
import * as z from "zod/mini";

/*
 * Every number has a finite upper bound (zod already refuses NaN and ±Infinity): a catalog fact beyond a plausible
 * maximum is a typo or hostile input, and 1e308 GiB would print as "usable Infinity" downstream. Figures that feed
 * the arithmetic get tight bounds where they are used; the defaults catch the rest.
 */
const positive = (max = 1e15) => z.number().check(z.positive(), z.lte(max));
const nonNegative = (max = 1e15) => z.number().check(z.nonnegative(), z.lte(max));
const positiveInt = (max = 1e9) => z.number().check(z.int(), z.positive(), z.lte(max));
/** Memory per GPU, GB or GiB: today's largest is 512 GB (unified); 16 TB leaves room for what comes. */
const MAX_MEMORY = 16_384;
/** Tensor TFLOPS per GPU (an exaflop), memory and link bandwidth in GB/s (a petabyte/s). */
const MAX_TFLOPS = 1e6;
const MAX_BANDWIDTH = 1e6;
/** ISO date (YYYY-MM-DD) or month (YYYY-MM) or half/quarter (2026-H2, 2026-Q3). */
const isoDate = () => z.string().check(z.regex(/^\d{4}(-(\d{2}(-\d{2})?|H[12]|Q[1-4]))?$/));

/**
 * Where a fact comes from. `confidence` carries the research tags:
 * verified = read in the cited primary source; secondary = a third-party page that agrees;
 * memory = from a datasheet/config remembered, not re-read (check it); derived = arithmetic from other facts.
 * `fields` limits the source to some fields of the entry; a source without `fields` covers the rest.
 */
export const SourceSchema = z.object({
	ref: z.string().check(z.minLength(3)),
	asOf: isoDate(),
	confidence: z.enum(["verified", "secondary", "memory", "derived"]),
	fields: z.optional(z.array(z.string())),
	note: z.optional(z.string()),
});
export type Source = z.infer<typeof SourceSchema>;

const sources = () => z.array(SourceSchema).check(z.minLength(1));

/** Tensor-math capabilities an architecture may have natively (matrix units do the math in that type). */
export const TensorMathSchema = z.enum([
	"fp32", "tf32", "fp16", "bf16", "int8", "int4", "fp8", "fp8-fnuz", "mxfp8", "fp6", "mxfp4", "nvfp4",
]);
export type TensorMath = z.infer<typeof TensorMathSchema>;

export const VendorSchema = z.enum(["nvidia", "amd", "intel", "apple"]);
export type Vendor = z.infer<typeof VendorSchema>;

export const ArchitectureSchema = z.object({
	id: z.string(),
	name: z.string(),
	aliases: z.array(z.string()),
	vendor: VendorSchema,
	/** sm_120, gfx942, ... : what kernels are compiled for. */
	targets: z.array(z.string()),
	/** Formats whose math runs on matrix units. */
	nativeMath: z.array(TensorMathSchema),
	/** One line per notable quirk, shown in support reasons (e.g. "FP8 is the FNUZ variant"). */
	notes: z.optional(z.array(z.string())),
	released: isoDate(),
	sources: sources(),
});
export type Architecture = z.infer<typeof ArchitectureSchema>;

/** Dense tensor throughput in TFLOPS (TOPS for int). For GeForce, the FP32-accumulate rate (half of FP16-accumulate). */
export const ThroughputSchema = z.object({
	fp32: positive(MAX_TFLOPS),
	tf32: z.optional(positive(MAX_TFLOPS)),
	fp16: z.optional(positive(MAX_TFLOPS)),
	bf16: z.optional(positive(MAX_TFLOPS)),
	fp8: z.optional(positive(MAX_TFLOPS)),
	int8: z.optional(positive(MAX_TFLOPS)),
	fp6: z.optional(positive(MAX_TFLOPS)),
	fp4: z.optional(positive(MAX_TFLOPS)),
	/** Always true in the catalog: we store dense figures (sparse ones are 2× marketing). */
	dense: z.literal(true),
	/** GeForce tensor FP16/BF16/FP8 with FP32 accumulate run at half rate: the figure stored is the FP32-accumulate one. */
	fp32AccumulateHalfRate: z.optional(z.boolean()),
});

export const GpuSchema = z.object({
	id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
	name: z.string(),
	aliases: z.array(z.string()),
	vendor: VendorSchema,
	/** Architecture id (see ArchitectureSchema). */
	architecture: z.string(),
	/** NVIDIA compute capability ("12.0") or AMD gfx target ("gfx942"). */
	computeCapability: z.optional(z.string()),
	gfxTarget: z.optional(z.string()),
	segment: z.enum(["consumer", "workstation", "datacenter", "desktop-soc", "laptop-soc"]),
	memory: z.object({
		/** What the vendor markets, in decimal GB. */
		marketedGB: positive(MAX_MEMORY),
		/** What the driver reports as total (nvidia-smi memory.total / rocm-smi), in GiB. */
		usableGiB: positive(MAX_MEMORY),
		type: z.string(),
		busBits: z.optional(positiveInt(65_536)),
		/** Unified memory shared with the CPU (Apple, DGX Spark, GH200's LPDDR is not counted here). */
		unified: z.optional(z.boolean()),
	}),
	/** Memory bandwidth, GB/s (decimal). */
	bandwidthGBs: positive(MAX_BANDWIDTH),
	tflops: ThroughputSchema,
	/** Streaming multiprocessors / compute units and boost clock: they set per-kernel latency at batch 1. */
	smCount: z.optional(positiveInt(1e6)),
	boostClockMHz: z.optional(positive(1e5)),
	tdpW: z.optional(positive(1e6)),
	interconnect: z.object({
		pcie: z.optional(z.string()),
		/** NVLink / Infinity Fabric / other GPU-to-GPU link bandwidth, GB/s total per GPU; null = none. */
		linkGBs: z.nullable(positive(MAX_BANDWIDTH)),
		linkName: z.optional(z.string()),
	}),
	launched: isoDate(),
	availability: z.object({
		status: z.enum(["shipping", "announced", "datacenter-only", "discontinued"]),
		/** For announced parts: when it is expected to ship. */
		expected: z.optional(isoDate()),
	}),
	price: z.optional(z.object({ usd: positive(1e9), asOf: isoDate(), kind: z.enum(["launch-msrp", "street", "estimate"]) })),
	sources: sources(),
});
export type Gpu = z.infer<typeof GpuSchema>;

/** One attention layer kind; a model's `layerPattern` repeats cyclically over its layers. */
export const LayerKindSchema = z.union([
	z.object({ kind: z.literal("full") }),
	z.object({ kind: z.literal("sliding"), window: positiveInt() }),
	/** Linear attention / recurrent (DeltaNet, Mamba): no KV cache, a fixed state per sequence. */
	z.object({ kind: z.literal("linear"), stateBytesPerSequence: nonNegative() }),
]);
export type LayerKind = z.infer<typeof LayerKindSchema>;

export const ModelSchema = z.object({
	id: z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]*$/)),
	name: z.string(),
	family: z.string(),
	aliases: z.array(z.string()),
	layers: positiveInt(),
	hidden: positiveInt(),
	/** Dense MLP width (for MoE models: of the dense layers, if any). */
	intermediate: positiveInt(),
	heads: positiveInt(),
	kvHeads: positiveInt(),
	headDim: positiveInt(),
	vocab: positiveInt(),
	tiedEmbeddings: z.boolean(),
	/** Gated MLP (SwiGLU/GeGLU: gate, up, down) or plain (up, down). */
	mlp: z.enum(["gated", "plain"]),
	/** Biases on q/k/v projections (Qwen2.5), and on o (gpt-oss). */
	qkvBias: z.optional(z.boolean()),
	oBias: z.optional(z.boolean()),
	/** Per-head RMSNorm on q and k (Qwen3, Gemma 3). */
	qkNorm: z.optional(z.boolean()),
	/** Norms per layer (2 for pre-norm; Gemma 3 has 4). */
	normsPerLayer: z.optional(positiveInt()),
	moe: z.optional(z.object({
		experts: positiveInt(),
		expertsPerToken: positiveInt(),
		expertIntermediate: positiveInt(),
		sharedExperts: z.optional(nonNegative()),
		sharedIntermediate: z.optional(positiveInt()),
		/** The first N layers are dense (DeepSeek-V3: 3). */
		firstDenseLayers: z.optional(nonNegative()),
		/** After those, every Nth layer is MoE and the others dense (Llama 4 Maverick: 2, `interleave_moe_layer_step`). */
		layerStep: z.optional(positiveInt()),
		/** Router has a bias (gpt-oss). */
		routerBias: z.optional(z.boolean()),
		/** Expert MLPs have biases (gpt-oss). */
		expertBias: z.optional(z.boolean()),
	})),
	/** Multi-head latent attention (DeepSeek V2/V3): the cache holds kvLoraRank + qkRopeHeadDim values per layer per token. */
	mla: z.optional(z.object({
		kvLoraRank: positiveInt(),
		qLoraRank: z.optional(positiveInt()),
		qkNopeHeadDim: positiveInt(),
		qkRopeHeadDim: positiveInt(),
		vHeadDim: positiveInt(),
	})),
	layerPattern: z.array(LayerKindSchema).check(z.minLength(1)),
	/** Parameters outside the language model that a checkpoint ships (vision tower), counted in totals. */
	extraParams: z.optional(z.object({ count: nonNegative(), what: z.string() })),
	nativeDtype: z.enum(["bf16", "fp16", "fp32", "fp8", "mxfp4"]),
	/**
	 * The precision the makers released the weights in: a format id ("bf16", "fp16", "fp8", "mxfp4"). "Unquantized" and
	 * "as released" mean this format, never a wider one (gpt-oss is not inflated to BF16). Missing: `nativeDtype`.
	 */
	releaseFormat: z.optional(z.object({ format: z.string(), sources: sources() })),
	/** For checkpoints shipped quantized (gpt-oss experts in MXFP4, DeepSeek-V3 in FP8): the format id and what it covers. */
	shippedQuantization: z.optional(z.object({ format: z.string(), scope: z.enum(["all-linear", "experts"]) })),
	maxContext: positiveInt(),
	published: z.object({
		/** Published total parameters (model card), absolute count. */
		totalParams: positive(),
		/** Published active parameters per token, for MoE. */
		activeParams: z.optional(positive()),
	}),
	released: z.optional(isoDate()),
	/**
	 * Bytes of the checkpoint as published (safetensors index metadata.total_size), when known: the exact size of
	 * the weights at the checkpoint's own dtype/quantization, used for that format's row instead of the arithmetic.
	 */
	checkpointBytes: z.optional(positive()),
	/** The catalog format those bytes are in (a GGUF's file type); default: the shipped quantization, else the dtype. */
	checkpointFormat: z.optional(z.string()),
	sources: sources(),
});
export type Model = z.infer<typeof ModelSchema>;

/** Which tensors a weight format covers. Embeddings and output head usually stay at higher precision. */
export const FormatSchema = z.object({
	id: z.string(),
	name: z.string(),
	aliases: z.array(z.string()),
	family: z.enum(["float", "int", "gguf", "gptq-awq", "bnb", "microscaling"]),
	/** Bits per weight of the bulk linear weights, including block scales and zero points. */
	bitsPerWeight: positive(64),
	/**
	 * Mixed recipes (GGUF K-quant "_M" mixes): some tensor groups in a fraction of the layers
	 * get a higher-precision type. Fraction is of the layers (llama.cpp's use_more_bits ≈ 1/2).
	 */
	upgrades: z.optional(z.array(z.object({
		group: z.enum(["attn_q", "attn_k", "attn_v", "attn_o", "ffn_up", "ffn_gate", "ffn_down"]),
		fractionOfLayers: z.number().check(z.gte(0), z.lte(1)),
		bitsPerWeight: positive(64),
	}))),
	/** Bits of the token embedding table (16 when the format leaves it unquantized). */
	embeddingBits: positive(64),
	/** Bits of the output head (lm_head) when not tied. */
	headBits: positive(64),
	/** For MoE models, microscaling formats quantize only the experts (gpt-oss practice); attention stays 16-bit. */
	moeScope: z.optional(z.enum(["all-linear", "experts"])),
	/**
	 * Bits of the tensors an experts-only format leaves alone, per engine, when not 16: llama.cpp's MXFP4 GGUFs
	 * store attention, embeddings and head as Q8_0.
	 */
	otherBitsByEngine: z.optional(z.partialRecord(z.enum(["vllm", "llama.cpp", "transformers"]), positive(64))),
	/** The tensor math this format needs to run natively; "dequant" = always weights-only (W4A16 etc). */
	math: z.union([TensorMathSchema, z.literal("dequant")]),
	/** If the engine cannot run it natively, can it dequantize to 16-bit instead (weights-only path)? */
	weightOnlyFallback: z.boolean(),
	/** Engines that load this format at all. */
	engines: z.array(z.enum(["vllm", "llama.cpp", "transformers"])),
	/**
	 * llama.cpp block family, which sets the dequantization cost of its quantized matmul kernels (prefill): legacy
	 * blocks (Q4_0, Q8_0) unpack with a shift and one scale, K-quants add sub-block scales, i-quants look values up
	 * in codebooks, FP4 blocks decode E2M1 through a table (or run natively on FP4 tensor cores where built for it).
	 */
	blockFamily: z.optional(z.enum(["legacy", "k-quant", "i-quant", "fp4"])),
	/** Relative decode kernel cost at batch 1 (per layer latency multiplier), see throughput.ts. */
	kernelClass: z.enum(["dense16", "dense8", "block-quant", "marlin", "bnb"]),
	sources: sources(),
});
export type Format = z.infer<typeof FormatSchema>;
