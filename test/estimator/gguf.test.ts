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
import { qwen3MoeQ8 } from "./gguf-fixture";

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
