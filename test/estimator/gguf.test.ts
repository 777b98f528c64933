/**
 * GGUF headers: a header written here in the GGUF v3 layout (metadata + tensor infos, no tensor data) for a
 * Qwen3-30B-A3B Q8_0 file as llama.cpp lays it out; the parser must give its exact bytes (llama-bench prints 30.25 GiB
 * for ggml-org's file) and a model matching the catalog entry.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { loadCatalog, resolveFormat } from "../../src/estimator/catalog";
import { configToModel } from "../../src/estimator/hf/config-to-model";
import { ggufToConfig, parseGgufHeader } from "../../src/estimator/hf/gguf-header";
import { GiB, kvBytesPerSequence, kvLayout, weightBytes } from "../../src/estimator/memory";

type Meta = [string, "u32" | "str" | "strs", number | string | string[]];

/** A GGUF v3 header: magic, version, counts, metadata, tensor infos (offsets 0: no data follows). */
function writeGguf(meta: Meta[], tensors: [string, number[], number][]): Uint8Array {
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

function qwen3MoeQ8(): Uint8Array {
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

describe("GGUF header import", () => {
	const bytes = qwen3MoeQ8();

	it("parses the header and sums the tensor bytes exactly (30.25 GiB, as llama-bench reports)", () => {
		const r = parseGgufHeader(bytes);
		if (!r.ok) throw new Error(JSON.stringify(r));
		expect(r.header.tensors.length).toBe(3 + 48 * 12);
		expect(r.header.tensorBytes / GiB).toBeCloseTo(30.25, 2);
		expect(r.header.metadata.get("tokenizer.ggml.tokens")).toBe(151936);
	});

	it("asks for more bytes when cut short, and refuses what is not GGUF", () => {
		const cut = parseGgufHeader(bytes.subarray(0, 1000));
		expect(!cut.ok && "needBytes" in cut && cut.needBytes).toBeGreaterThan(1000);
		const bad = parseGgufHeader(new TextEncoder().encode("PK\u0003\u0004 not a gguf"));
		expect(!bad.ok && "error" in bad && bad.error).toMatch(/no GGUF magic/);
	});

	it("gives the catalog entry's weights and KV within 1%, and its own Q8_0 row the file's exact bytes", () => {
		const r = parseGgufHeader(bytes);
		if (!r.ok) throw new Error("parse");
		const g = ggufToConfig(r.header);
		expect(g.format).toBe("q8_0");
		const imported = configToModel({ config: g.config, safetensorsBytes: g.bytes, checkpointFormat: g.format, origin: "./Qwen3-30B-A3B-Q8_0.gguf", readOn: "2026-11-29" });
		const m = imported.model;
		const c = loadCatalog();
		const twin = c.models.get("qwen3-30b-a3b");
		const f = resolveFormat(c, "q4_k_m");
		if (!m || !twin || !f.ok) throw new Error(imported.issues.join("; "));
		expect(m.qkNorm).toBe(true);
		expect(Math.abs(weightBytes(m, f.value).total / weightBytes(twin, f.value).total - 1)).toBeLessThan(0.01);
		expect(kvBytesPerSequence(kvLayout(m, "fp16", m.kvHeads), 8192)).toBe(kvBytesPerSequence(kvLayout(twin, "fp16", twin.kvHeads), 8192));
		expect(m.checkpointBytes).toBe(g.bytes);
	});

	it("gpufit fit --model ./file.gguf uses llama.cpp, the file's format and its exact size", async () => {
		const dir = mkdtempSync(join(tmpdir(), "gpufit-gguf-"));
		const file = join(dir, "Qwen3-30B-A3B-Q8_0.gguf");
		writeFileSync(file, bytes);
		let out = "";
		let err = "";
		const code = await main(["fit", "--model", file, "--gpu", "RTX PRO 6000", "--json"], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
		expect(code, err).toBe(0);
		const t = JSON.parse(out) as { engine: string; rows: { format: string; weightsGiB: number }[] };
		expect(t.engine).toBe("llama.cpp");
		expect(t.rows.map((x) => x.format)).toEqual(["q8_0"]);
		expect(t.rows[0]?.weightsGiB).toBeCloseTo(30.25, 1);
	});
});
