/**
 * A GGUF file's header: metadata and tensor infos, parsed from the bytes at the start of the file (no tensor data
 * is read). Gives the exact byte size of every tensor at its stored type — the weights llama.cpp will load — and
 * the architecture fields in `${arch}.*` keys. Pure: the caller supplies the bytes (a file prefix, a ranged HTTP GET).
 * Format: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md (version 2 and 3: 64-bit counts).
 */

/** ggml tensor types: [bytes per block, elements per block] (ggml-common.h block_* structs). */
const GGML_TYPES: Record<number, [number, number, string]> = {
	0: [4, 1, "F32"], 1: [2, 1, "F16"], 2: [18, 32, "Q4_0"], 3: [20, 32, "Q4_1"], 6: [22, 32, "Q5_0"], 7: [24, 32, "Q5_1"],
	8: [34, 32, "Q8_0"], 9: [36, 32, "Q8_1"], 10: [84, 256, "Q2_K"], 11: [110, 256, "Q3_K"], 12: [144, 256, "Q4_K"],
	13: [176, 256, "Q5_K"], 14: [210, 256, "Q6_K"], 15: [292, 256, "Q8_K"], 16: [66, 256, "IQ2_XXS"], 17: [74, 256, "IQ2_XS"],
	18: [98, 256, "IQ3_XXS"], 19: [50, 256, "IQ1_S"], 20: [18, 32, "IQ4_NL"], 21: [110, 256, "IQ3_S"], 22: [82, 256, "IQ2_S"],
	23: [136, 256, "IQ4_XS"], 24: [1, 1, "I8"], 25: [2, 1, "I16"], 26: [4, 1, "I32"], 27: [8, 1, "I64"], 28: [8, 1, "F64"],
	29: [56, 256, "IQ1_M"], 30: [2, 1, "BF16"], 34: [54, 256, "TQ1_0"], 35: [66, 256, "TQ2_0"], 39: [17, 32, "MXFP4"],
};

/** llama.cpp's general.file_type (llama_ftype) → the catalog format it names, where the catalog has one. */
export const GGUF_FILE_TYPES: Record<number, string> = {
	0: "fp32", 1: "fp16", 2: "q4_0", 7: "q8_0", 8: "q5_0", 10: "q2_k", 12: "q3_k_m", 13: "q3_k_l", 14: "q4_k_s", 15: "q4_k_m",
	16: "q5_k_s", 17: "q5_k_m", 18: "q6_k", 19: "iq2_xxs", 23: "iq3_xxs", 25: "iq4_nl", 30: "iq4_xs", 32: "bf16", 38: "mxfp4",
};

export interface GgufTensor {
	name: string;
	dims: number[];
	type: string;
	bytes: number;
}

export type GgufValue = number | bigint | boolean | string | GgufValue[];

export interface GgufHeader {
	version: number;
	metadata: Map<string, GgufValue>;
	tensors: GgufTensor[];
	/** Sum of all tensor bytes. */
	tensorBytes: number;
}

/** Parse outcome: the header, "need more bytes" (with how many are known to be needed), or an error. */
export type GgufParse = { ok: true; header: GgufHeader } | { ok: false; needBytes: number } | { ok: false; error: string };

class NeedMore extends Error {
	constructor(readonly at: number) {
		super("need more bytes");
	}
}

/** Array values longer than this are kept as their length only (token lists: the vocabulary size is what matters). */
const KEEP_ARRAY = 64;

export function parseGgufHeader(bytes: Uint8Array): GgufParse {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let at = 0;
	const need = (n: number) => {
		if (at + n > bytes.byteLength) throw new NeedMore(at + n);
	};
	const u32 = () => { need(4); const v = view.getUint32(at, true); at += 4; return v; };
	const u64 = () => { need(8); const v = view.getBigUint64(at, true); at += 8; return v; };
	const count = (what: string) => {
		const v = u64();
		if (v > 100_000_000n) throw new Error(`implausible ${what} count ${v}`);
		return Number(v);
	};
	const str = () => {
		const n = count("string length");
		need(n);
		const s = new TextDecoder().decode(bytes.subarray(at, at + n));
		at += n;
		return s;
	};
	const value = (type: number): GgufValue => {
		switch (type) {
			case 0: need(1); return view.getUint8(at++);
			case 1: need(1); return view.getInt8(at++);
			case 2: { need(2); const v = view.getUint16(at, true); at += 2; return v; }
			case 3: { need(2); const v = view.getInt16(at, true); at += 2; return v; }
			case 4: return u32();
			case 5: { need(4); const v = view.getInt32(at, true); at += 4; return v; }
			case 6: { need(4); const v = view.getFloat32(at, true); at += 4; return v; }
			case 7: need(1); return view.getUint8(at++) !== 0;
			case 8: return str();
			case 9: {
				const itemType = u32();
				const n = count("array");
				const items: GgufValue[] = [];
				for (let i = 0; i < n; i++) {
					const v = value(itemType);
					if (i < KEEP_ARRAY) items.push(v);
				}
				return n > KEEP_ARRAY ? n : items;
			}
			case 10: return u64();
			case 11: { need(8); const v = view.getBigInt64(at, true); at += 8; return v; }
			case 12: { need(8); const v = view.getFloat64(at, true); at += 8; return v; }
			default: throw new Error(`unknown metadata value type ${type}`);
		}
	};
	try {
		need(4);
		if (new TextDecoder().decode(bytes.subarray(0, 4)) !== "GGUF") return { ok: false, error: "not a GGUF file (no GGUF magic)" };
		at = 4;
		const version = u32();
		if (version < 2 || version > 3) return { ok: false, error: `GGUF version ${version} is not supported (2 and 3 are)` };
		const nTensors = count("tensor");
		const nKv = count("metadata");
		const metadata = new Map<string, GgufValue>();
		for (let i = 0; i < nKv; i++) {
			const key = str();
			metadata.set(key, value(u32()));
		}
		const tensors: GgufTensor[] = [];
		let total = 0;
		for (let i = 0; i < nTensors; i++) {
			const name = str();
			const nDims = u32();
			if (nDims > 8) throw new Error(`tensor ${name} has ${nDims} dimensions`);
			const dims: number[] = [];
			for (let d = 0; d < nDims; d++) dims.push(Number(u64()));
			const typeId = u32();
			u64(); // offset
			const t = GGML_TYPES[typeId];
			if (!t) throw new Error(`tensor ${name} has unknown ggml type ${typeId}`);
			const elements = dims.reduce((a, b) => a * b, 1);
			const bytesOf = (elements / t[1]) * t[0];
			tensors.push({ name, dims, type: t[2], bytes: bytesOf });
			total += bytesOf;
		}
		return { ok: true, header: { version, metadata, tensors, tensorBytes: total } };
	} catch (e) {
		if (e instanceof NeedMore) return { ok: false, needBytes: e.at };
		return { ok: false, error: e instanceof Error ? e.message : String(e) };
	}
}

const asNumber = (v: GgufValue | undefined): number | undefined =>
	typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : undefined;

/**
 * The header as a config.json-shaped object (the fields ./config-to-model.ts reads), plus the exact byte size and
 * the catalog format of the file, so a GGUF goes through the same validation as a Hub config.
 */
export function ggufToConfig(h: GgufHeader): { config: Record<string, unknown>; bytes: number; format: string | undefined; issues: string[] } {
	const issues: string[] = [];
	const m = h.metadata;
	const arch = String(m.get("general.architecture") ?? "");
	const k = (name: string) => asNumber(m.get(`${arch}.${name}`));
	const has = (name: string) => h.tensors.some((t) => t.name === name);
	const embd = h.tensors.find((t) => t.name === "token_embd.weight");
	const tokens = m.get("tokenizer.ggml.tokens");
	const vocab = Array.isArray(tokens) ? tokens.length : asNumber(tokens) ?? embd?.dims[1];
	const modelType = arch === "qwen3moe" ? "qwen3_moe" : arch === "gpt-oss" ? "gpt_oss" : arch === "deepseek2" ? "deepseek_v3" : arch === "glm4moe" ? "glm4_moe" : arch;
	const sliding = k("attention.sliding_window");
	const config: Record<string, unknown> = {
		model_type: modelType,
		architectures: [`gguf:${arch}`],
		num_hidden_layers: k("block_count"),
		hidden_size: k("embedding_length"),
		intermediate_size: k("feed_forward_length"),
		num_attention_heads: k("attention.head_count"),
		num_key_value_heads: k("attention.head_count_kv"),
		head_dim: k("attention.key_length"),
		vocab_size: vocab,
		max_position_embeddings: k("context_length"),
		tie_word_embeddings: !has("output.weight"),
		attention_bias: has("blk.0.attn_q.bias"),
		use_qk_norm: has("blk.0.attn_q_norm.weight"),
	};
	if (k("expert_count")) {
		config.num_experts = k("expert_count");
		config.num_experts_per_tok = k("expert_used_count");
		config.moe_intermediate_size = k("expert_feed_forward_length") ?? k("feed_forward_length");
		if (k("expert_shared_count")) config.n_shared_experts = k("expert_shared_count");
		if (k("expert_shared_feed_forward_length")) config.shared_expert_intermediate_size = k("expert_shared_feed_forward_length");
		if (k("leading_dense_block_count")) config.first_k_dense_replace = k("leading_dense_block_count");
	}
	if (k("attention.kv_lora_rank")) {
		config.kv_lora_rank = k("attention.kv_lora_rank");
		if (k("attention.q_lora_rank")) config.q_lora_rank = k("attention.q_lora_rank");
		config.qk_rope_head_dim = k("rope.dimension_count");
		const keyLen = k("attention.key_length") ?? 0;
		config.qk_nope_head_dim = keyLen - (k("rope.dimension_count") ?? 0);
		config.v_head_dim = k("attention.value_length");
		delete config.head_dim;
	}
	if (sliding) {
		config.sliding_window = sliding;
		if (arch === "gemma3") config.sliding_window_pattern = 6;
		else if (arch === "gpt-oss") config.layer_types = Array.from({ length: k("block_count") ?? 0 }, (_, i) => (i % 2 === 0 ? "sliding_attention" : "full_attention"));
	}
	const ftype = asNumber(m.get("general.file_type"));
	const format = ftype !== undefined ? GGUF_FILE_TYPES[ftype] : undefined;
	if (ftype !== undefined && !format) issues.push(`general.file_type ${ftype} has no catalog format; the exact file size is still used for the weights.`);
	if (format === "mxfp4") config.quantization_config = { quant_method: "mxfp4" };
	return { config, bytes: h.tensorBytes, format, issues };
}
