/** A GGUF v3 header writer for tests, and a Qwen3-30B-A3B Q8_0 header laid out as llama.cpp writes it. */
type Meta = [string, "u32" | "str" | "strs", number | string | string[]];

/** A GGUF v3 header: magic, version, counts, metadata, tensor infos (offsets 0: no data follows). */
export function writeGguf(meta: Meta[], tensors: [string, number[], number][]): Uint8Array {
	const parts: number[] = [];
	const u32 = (v: number) => { const b = new DataView(new ArrayBuffer(4)); b.setUint32(0, v, true); parts.push(...new Uint8Array(b.buffer)); };
	const u64 = (v: number) => { const b = new DataView(new ArrayBuffer(8)); b.setBigUint64(0, BigInt(v), true); parts.push(...new Uint8Array(b.buffer)); };
	const str = (s: string) => { const e = new TextEncoder().encode(s); u64(e.length); parts.push(...e); };
	parts.push(...new TextEncoder().encode("GGUF"));
	u32(3);
	u64(tensors.length);
	u64(meta.length);
	for (const [k, t, v] of meta) {
		str(k);
		if (t === "u32") { u32(4); u32(v as number); }
		else if (t === "str") { u32(8); str(v as string); }
		else { u32(9); u32(8); u64((v as string[]).length); for (const s of v as string[]) str(s); }
	}
	for (const [name, dims, type] of tensors) {
		str(name);
		u32(dims.length);
		for (const d of dims) u64(d);
		u32(type);
		u64(0);
	}
	return new Uint8Array(parts);
}

const F32 = 0;
const Q8_0 = 8;

export function qwen3MoeQ8(): Uint8Array {
	const d = 2048, vocab = 151936, layers = 48, experts = 128, ff = 768;
	const tensors: [string, number[], number][] = [["token_embd.weight", [d, vocab], Q8_0], ["output_norm.weight", [d], F32], ["output.weight", [d, vocab], Q8_0]];
	for (let i = 0; i < layers; i++) {
		const b = `blk.${i}.`;
		tensors.push(
			[`${b}attn_norm.weight`, [d], F32], [`${b}attn_q.weight`, [d, 4096], Q8_0], [`${b}attn_k.weight`, [d, 512], Q8_0],
			[`${b}attn_v.weight`, [d, 512], Q8_0], [`${b}attn_output.weight`, [4096, d], Q8_0], [`${b}attn_q_norm.weight`, [128], F32],
			[`${b}attn_k_norm.weight`, [128], F32], [`${b}ffn_norm.weight`, [d], F32], [`${b}ffn_gate_inp.weight`, [d, experts], F32],
			[`${b}ffn_gate_exps.weight`, [d, ff, experts], Q8_0], [`${b}ffn_up_exps.weight`, [d, ff, experts], Q8_0], [`${b}ffn_down_exps.weight`, [ff, d, experts], Q8_0],
		);
	}
	const meta: Meta[] = [
		["general.architecture", "str", "qwen3moe"], ["general.file_type", "u32", 7],
		["qwen3moe.block_count", "u32", layers], ["qwen3moe.embedding_length", "u32", d], ["qwen3moe.feed_forward_length", "u32", 6144],
		["qwen3moe.attention.head_count", "u32", 32], ["qwen3moe.attention.head_count_kv", "u32", 4], ["qwen3moe.attention.key_length", "u32", 128],
		["qwen3moe.context_length", "u32", 40960], ["qwen3moe.expert_count", "u32", experts], ["qwen3moe.expert_used_count", "u32", 8],
		["qwen3moe.expert_feed_forward_length", "u32", ff], ["tokenizer.ggml.tokens", "strs", Array.from({ length: vocab }, (_, i) => `t${i}`)],
	];
	return writeGguf(meta, tensors);
}

