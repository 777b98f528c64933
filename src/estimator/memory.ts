/**
 * Memory: weights per tensor group at the format's precision, KV cache per layer kind, and how both land on
 * each GPU under tensor / layer / replica splits.
 */
import { countParams, type ParamBreakdown } from "./params";
import type { Format, Model } from "./schema";
import type { EngineId, KvDtype, SplitMode } from "./types";

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

/** Bytes per cached element. llama.cpp's q8_0 / q4_0 carry an fp16 scale per 32 values. */
export const KV_BYTES: Record<KvDtype, number> = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, q8_0: 34 / 32, q4_0: 18 / 32 };

/** Norms, biases and routers stay in high precision: F32 in GGUF files, the checkpoint dtype elsewhere. */
function smallTensorBits(format: Format): number {
	return format.family === "gguf" ? 32 : 16;
}

export interface WeightBytes {
	/** Token embedding table. */
	embedding: number;
	/** Output head (0 when tied). */
	head: number;
	/** Attention, dense MLP and shared-expert projections. */
	dense: number;
	/** All routed experts. */
	experts: number;
	/** Norms, biases, routers. */
	small: number;
	/** Vision tower etc., kept at 16 bit. */
	extra: number;
	total: number;
	/** Bytes read per decoded token at batch 1 (selected experts only, head yes, embedding one row). */
	activePerToken: number;
	/** Effective bits per weight over all parameters (what GGUF tables call bpw). */
	bitsPerWeight: number;
	/** Bits of the bulk linear weights (before upgrades). */
	linearBits: number;
	/** For a model whose experts alone are quantized (MXFP4 on MoE), the other tensors' bits are noted. */
	expertsOnly: boolean;
	otherBits: number;
}

/**
 * Bytes of each tensor group when the model is stored in `format`.
 * GGUF upgrades (e.g. Q4_K_M's attn_v and ffn_down at Q6_K in about half the layers) are applied per group.
 */
export function weightBytes(model: Model, format: Format, params: ParamBreakdown = countParams(model), engine?: EngineId, expertPadding = 1): WeightBytes {
	const expertsOnly = format.moeScope === "experts" && model.moe !== undefined;
	const linearBits = format.bitsPerWeight;
	// What an experts-only format does with everything else: 16-bit, unless the engine's files store it otherwise.
	const otherBits = (engine && format.otherBitsByEngine?.[engine]) ?? 16;
	const denseBits = expertsOnly ? otherBits : linearBits;

	// Upgrades apply to a group's share of each layer; for MoE models ffn_down covers dense, shared and routed downs.
	const upgradeExtraBits = (group: string, paramsInGroup: number): number => {
		let extra = 0;
		for (const u of format.upgrades ?? []) {
			if (u.group === group) extra += u.fractionOfLayers * paramsInGroup * (u.bitsPerWeight - linearBits);
		}
		return extra;
	};

	const att = params.attention;
	const mlp = params.mlpDense;
	const ex = params.experts;
	const denseParams = att.q + att.k + att.v + att.o + mlp.gate + mlp.up + mlp.down;
	const expertParams = ex.gate + ex.up + ex.down;
	let denseBitsTotal = denseParams * denseBits;
	// Engines may pad expert matrices to their kernels' tile sizes (vLLM's MXFP4 MoE): stored, and streamed.
	let expertBitsTotal = expertParams * linearBits * expertPadding;
	if (!expertsOnly) {
		denseBitsTotal += upgradeExtraBits("attn_q", att.q) + upgradeExtraBits("attn_k", att.k) + upgradeExtraBits("attn_v", att.v)
			+ upgradeExtraBits("attn_o", att.o) + upgradeExtraBits("ffn_gate", mlp.gate) + upgradeExtraBits("ffn_up", mlp.up)
			+ upgradeExtraBits("ffn_down", mlp.down);
	}
	expertBitsTotal += upgradeExtraBits("ffn_gate", ex.gate) + upgradeExtraBits("ffn_up", ex.up) + upgradeExtraBits("ffn_down", ex.down);

	const embBits = expertsOnly ? otherBits : format.embeddingBits;
	const headBits = expertsOnly ? otherBits : format.headBits;
	// Expert biases (gpt-oss) travel with their experts: read only for the selected ones.
	const small = (params.norms + params.router) * smallTensorBits(format) / 8;
	expertBitsTotal += params.expertBias * smallTensorBits(format);
	const embedding = params.embedding * embBits / 8;
	const head = params.head * headBits / 8;
	const dense = denseBitsTotal / 8;
	const experts = expertBitsTotal / 8;
	const extra = params.extra * 2;
	const total = embedding + head + dense + experts + small + extra;

	// Per decoded token: every dense weight, the selected experts' share, the head (or the tied embedding used as head).
	const expertShare = expertParams > 0 ? params.expertParamsPerToken / (expertParams + params.expertBias) : 0;
	const headRead = model.tiedEmbeddings ? embedding : head;
	const activePerToken = dense + experts * expertShare + headRead + small + model.hidden * embBits / 8;
	return {
		embedding, head, dense, experts, small, extra, total, activePerToken,
		bitsPerWeight: (total * 8) / Math.max(1, params.total),
		linearBits, expertsOnly, otherBits,
	};
}

/**
 * Factor by which vLLM pads MXFP4 expert matrices (intermediate × hidden) to its MoE kernels' tiles, by kernel:
 * Marlin (no native FP4, and sm_120): intermediate to 128, hidden to 256; Hopper's Triton kernels: hidden to 256
 * (swizzled layout); FlashInfer on sm_100 and AITER on ROCm: both to 256. gpt-oss (2880 × 2880) grows 9% under
 * Marlin: "Model loading took 65.97 GiB" on an H100 with vLLM 0.10 (vllm-project/vllm #23278) against 60.8 unpadded.
 * Source of the rules: vLLM quantization/mxfp4.py create_weights (round_up of intermediate_size_per_partition and
 * hidden_size per backend).
 */
export function vllmExpertPadding(model: Model, format: Format, architecture: string, vendor: string, engine: EngineId, tp: number): number {
	if (engine !== "vllm" || format.id !== "mxfp4" || !model.moe) return 1;
	const up = (x: number, m: number) => Math.ceil(x / m) * m;
	const inter = model.moe.expertIntermediate / Math.max(1, tp);
	const hidden = model.hidden;
	let i = inter;
	let h = hidden;
	if (vendor === "amd" || architecture === "blackwell-dc") { i = up(inter, 256); h = up(hidden, 256); }
	else if (architecture === "hopper") { i = up(inter, 64); h = up(hidden, 256); }
	else { i = up(inter, 128); h = up(hidden, 256); }
	return (i * h) / (inter * hidden);
}

/**
 * When a model carries its published checkpoint size and the row is the checkpoint's own format (its shipped
 * quantization, else its native dtype), the exact bytes replace the arithmetic, every group scaled alike.
 */
export function withCheckpointBytes(wb: WeightBytes, model: Model, format: Format): WeightBytes {
	const own = model.checkpointFormat ?? model.shippedQuantization?.format ?? model.nativeDtype;
	if (model.checkpointBytes === undefined || format.id !== own || wb.total <= 0) return wb;
	const k = model.checkpointBytes / wb.total;
	return {
		...wb,
		embedding: wb.embedding * k, head: wb.head * k, dense: wb.dense * k, experts: wb.experts * k, small: wb.small * k,
		extra: wb.extra * k, total: model.checkpointBytes, activePerToken: wb.activePerToken * k, bitsPerWeight: wb.bitsPerWeight * k,
	};
}

export interface KvLayout {
	/** Bytes per token for layers whose cache grows with context (full attention, MLA). */
	growingBytesPerToken: number;
	/** Sliding-window layers: bytes per token, grouped by window. */
	windowed: { window: number; bytesPerToken: number }[];
	/** Linear/recurrent layers: fixed bytes per sequence. */
	fixedBytesPerSequence: number;
	/** Description of what one layer stores, for the explanation. */
	perLayerNote: string;
}

/**
 * Cache layout for the whole model on one GPU, given how many KV heads that GPU holds.
 * MLA caches the compressed latent plus the rope key (kvLoraRank + qkRopeHeadDim values), shared by all heads.
 */
export function kvLayout(model: Model, kvDtype: KvDtype, kvHeadsOnGpu: number, layersOnGpu: number = model.layers): KvLayout {
	const elem = KV_BYTES[kvDtype];
	const perLayer = model.mla
		? (model.mla.kvLoraRank + model.mla.qkRopeHeadDim) * elem
		: 2 * kvHeadsOnGpu * model.headDim * elem;
	const windows = new Map<number, number>();
	let growing = 0;
	let fixed = 0;
	for (let i = 0; i < layersOnGpu; i++) {
		const kind = model.layerPattern[i % model.layerPattern.length] ?? { kind: "full" as const };
		if (kind.kind === "full") growing += perLayer;
		else if (kind.kind === "sliding") windows.set(kind.window, (windows.get(kind.window) ?? 0) + perLayer);
		else fixed += kind.stateBytesPerSequence;
	}
	const perLayerNote = model.mla
		? `MLA latent ${model.mla.kvLoraRank} + rope ${model.mla.qkRopeHeadDim} values × ${elem} B`
		: `2 (K,V) × ${kvHeadsOnGpu} KV heads × ${model.headDim} × ${+elem.toFixed(4)} B`;
	return {
		growingBytesPerToken: growing,
		windowed: [...windows.entries()].map(([window, bytesPerToken]) => ({ window, bytesPerToken })),
		fixedBytesPerSequence: fixed,
		perLayerNote,
	};
}

/** Bytes of cache for one sequence of `tokens` tokens. */
export function kvBytesPerSequence(layout: KvLayout, tokens: number): number {
	let bytes = layout.growingBytesPerToken * tokens + layout.fixedBytesPerSequence;
	for (const w of layout.windowed) bytes += w.bytesPerToken * Math.min(tokens, w.window);
	return bytes;
}

/** KV heads each GPU holds under tensor parallelism: sharded, but at least one (replicated when KV heads < TP). */
export function kvHeadsPerGpu(model: Model, split: SplitMode, count: number): number {
	if (split !== "tensor" || count <= 1) return model.kvHeads;
	return Math.max(1, Math.ceil(model.kvHeads / count));
}

/** Layers on the fullest GPU under a layer (pipeline) split. */
export function layersOnFullestGpu(model: Model, split: SplitMode, count: number): number {
	return split === "layer" && count > 1 ? Math.ceil(model.layers / count) : model.layers;
}

/**
 * Tokens the engine actually reserves per sequence. vLLM allocates 16-token blocks; llama.cpp pads the (shared)
 * context to 256 cells with flash attention.
 */
export function reservedTokens(engine: EngineId, context: number, sequences: number): { perSequence: number; note: string } {
	if (engine === "vllm") {
		const per = Math.ceil(context / 16) * 16;
		return { perSequence: per, note: per !== context ? `${context} tokens rounded up to 16-token blocks = ${per}` : "" };
	}
	if (engine === "llama.cpp") {
		const cells = Math.ceil((context * sequences) / 256) * 256;
		const per = cells / sequences;
		return { perSequence: per, note: cells !== context * sequences ? `context × sequences padded to 256 cells = ${cells}` : "" };
	}
	return { perSequence: context, note: "" };
}
