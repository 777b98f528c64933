/**
 * Importing models from Hugging Face config.json files, served by a local HTTP server (no network): the imported
 * model must give the same weights and KV cache as the catalog entry of the same model.
 */
import { readFileSync, existsSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { buildCatalog, loadCatalog, resolveFormat, resolveModel } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import { configToModel } from "../../src/estimator/hf/config-to-model";
import { importHfModel, parseHfReference, type HfCache, type HfFetcher } from "../../src/estimator/hf/import";
import { GiB, kvBytesPerSequence, kvLayout, weightBytes } from "../../src/estimator/memory";
import { qwen3MoeQ8 } from "./gguf-fixture";

const GGUF = qwen3MoeQ8();

const FIXTURES = join(__dirname, "../fixtures/hf");
let server: Server;
let base = "";
const hits: string[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		hits.push(req.url ?? "");
		// /Org/Name/resolve/main/<file> → test/fixtures/hf/Org/Name/<file>
		const m = /^\/([^/]+\/[^/]+)\/resolve\/main\/([\w.-]+)$/.exec(req.url ?? "");
		const file = m ? join(FIXTURES, m[1] ?? "", m[2] ?? "") : "";
		if (m?.[1] === "gated/Model") { res.writeHead(401); res.end("gated"); return; }
		// A GGUF repository: answer byte ranges of a generated header (Range: bytes=a-b), as the Hub's CDN does.
		if (m?.[1] === "unsloth/Qwen3-30B-A3B-GGUF" && m[2] === "Qwen3-30B-A3B-Q8_0.gguf") {
			const range = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? "");
			const from = range ? Number(range[1]) : 0;
			const to = range ? Math.min(GGUF.byteLength - 1, Number(range[2])) : GGUF.byteLength - 1;
			res.writeHead(range ? 206 : 200, { "content-type": "application/octet-stream" });
			res.end(Buffer.from(GGUF.subarray(from, to + 1)));
			return;
		}
		if (!file || !existsSync(file)) { res.writeHead(404); res.end("not found"); return; }
		res.writeHead(200, { "content-type": "application/json" });
		res.end(readFileSync(file));
	});
	await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
	const addr = server.address();
	base = typeof addr === "object" && addr ? `http://127.0.0.1:${addr.port}` : "";
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const fetcher: HfFetcher = async (url, range) => {
	const r = await fetch(url, range ? { headers: { Range: `bytes=${range[0]}-${range[1]}` } } : {});
	if (!range) return { status: r.status, text: await r.text() };
	return { status: r.status, text: "", bytes: new Uint8Array(await r.arrayBuffer()) };
};

/** The catalog twin of each fixture, and the format its checkpoint ships in. */
const TWINS: [string, string, string][] = [
	["meta-llama/Llama-3.1-8B", "llama-3.1-8b", "q4_k_m"],
	["Qwen/Qwen3-30B-A3B", "qwen3-30b-a3b", "bf16"],
	["openai/gpt-oss-20b", "gpt-oss-20b", "mxfp4"],
	["deepseek-ai/DeepSeek-V3", "deepseek-v3", "fp8"],
	["google/gemma-3-27b-it", "gemma-3-27b", "q4_k_m"],
];

describe("Hugging Face import (local server)", () => {
	it.each(TWINS)("%s gives the catalog's weights and KV within 1%%", async (repo, twinId, formatId) => {
		const imported = await importHfModel(repo, fetcher, { base, today: "2026-11-29" });
		expect(imported.model, imported.issues.join("; ")).toBeDefined();
		const m = imported.model;
		const c = loadCatalog();
		const twin = resolveModel(c, twinId);
		const f = resolveFormat(c, formatId);
		if (!m || !twin.ok || !f.ok) throw new Error("setup");
		// Gemma's vision tower is not in config.json terms: compare the language model.
		const twinModel = twinId === "gemma-3-27b" ? { ...twin.value, extraParams: undefined } : twin.value;
		for (const engine of ["llama.cpp", "vllm"] as const) {
			const a = weightBytes(m, f.value, undefined, engine).total;
			const b = weightBytes(twinModel, f.value, undefined, engine).total;
			expect(Math.abs(a / b - 1), `${engine} weights ${a / GiB} vs ${b / GiB}`).toBeLessThan(0.01);
		}
		const kvA = kvBytesPerSequence(kvLayout(m, "bf16", m.kvHeads), 32768);
		const kvB = kvBytesPerSequence(kvLayout(twinModel, "bf16", twinModel.kvHeads), 32768);
		expect(Math.abs(kvA / kvB - 1)).toBeLessThan(0.01);
	});

	it("reads a GGUF on the Hub from its header by ranged GETs: exact bytes for its own format", async () => {
		hits.length = 0;
		const r = await importHfModel("unsloth/Qwen3-30B-A3B-GGUF/Qwen3-30B-A3B-Q8_0.gguf", fetcher, { base, today: "2026-11-29" });
		expect(r.model, r.issues.join("; ")).toBeDefined();
		expect(r.model?.checkpointFormat).toBe("q8_0");
		expect((r.model?.checkpointBytes ?? 0) / GiB).toBeCloseTo(30.25, 2);
		expect(r.model?.moe?.experts).toBe(128);
		expect(parseHfReference("hf:unsloth/Qwen3-30B-A3B-GGUF/Qwen3-30B-A3B-Q8_0.gguf")).toBe("unsloth/Qwen3-30B-A3B-GGUF/Qwen3-30B-A3B-Q8_0.gguf");
		expect(parseHfReference("hf:unsloth/X-GGUF/../secret.gguf")).toBeUndefined();
		const missing = await importHfModel("unsloth/Qwen3-30B-A3B-GGUF/nope.gguf", fetcher, { base });
		expect(missing.issues[0]).toMatch(/No file nope\.gguf in unsloth\/Qwen3-30B-A3B-GGUF \(HTTP 404\)/);
	});

	it("reads the safetensors index for the exact checkpoint size and uses it for the native format", async () => {
		const imported = await importHfModel("meta-llama/Llama-3.1-8B", fetcher, { base, today: "2026-11-29" });
		expect(imported.model?.checkpointBytes).toBe(16060522496);
		const model = imported.model;
		if (!model) throw new Error("no model");
		const { catalog } = buildCatalog({ models: [model] }, loadCatalog());
		const t = computeFitTable(catalog, { model: "hf:meta-llama/Llama-3.1-8B", gpu: "H100", quant: ["bf16"] });
		expect(t.ok && t.value.rows[0]?.weightsGiB).toBeCloseTo(16060522496 / GiB, 2);
	});

	it("says why when the repository is missing, gated, or not a language model, and when offline", async () => {
		expect((await importHfModel("nobody/Nothing", fetcher, { base })).issues[0]).toMatch(/No config\.json for nobody\/Nothing \(HTTP 404\)/);
		expect((await importHfModel("gated/Model", fetcher, { base })).issues[0]).toMatch(/gated or private/);
		expect((await importHfModel("acme/Unknown-Encoder", fetcher, { base })).issues[0]).toMatch(/lacks num_hidden_layers, vocab_size/);
		const offline: HfFetcher = () => Promise.reject(new Error("getaddrinfo ENOTFOUND huggingface.co"));
		expect((await importHfModel("Qwen/Qwen3-30B-A3B", offline)).issues[0]).toMatch(/Cannot reach https:\/\/huggingface\.co .*Connect once/);
	});

	it("serves a second import from the cache without the network", async () => {
		const store = new Map<string, string>();
		const cache: HfCache = { get: (k) => Promise.resolve(store.get(k)), set: (k, v) => { store.set(k, v); return Promise.resolve(); } };
		await importHfModel("Qwen/Qwen3-30B-A3B", fetcher, { base, cache });
		const offline: HfFetcher = () => Promise.reject(new Error("offline"));
		const again = await importHfModel("Qwen/Qwen3-30B-A3B", offline, { base, cache });
		expect(again.model?.moe?.experts).toBe(128);
	});

	it("reports what it cannot model instead of guessing", () => {
		const r = configToModel({
			config: { model_type: "qwen3_next", num_hidden_layers: 48, hidden_size: 2048, intermediate_size: 5120, num_attention_heads: 16, num_key_value_heads: 2, head_dim: 256, vocab_size: 151936, full_attention_interval: 4, quantization_config: { quant_method: "hqq" }, some_new_field: 1 },
			origin: "Qwen/Qwen3-Next-80B-A3B", readOn: "2026-11-29",
		});
		expect(r.model).toBeDefined();
		expect(r.issues.join(" ")).toMatch(/hybrid linear attention/);
		expect(r.issues.join(" ")).toMatch(/quant_method "hqq"/);
		expect(r.ignored).toContain("some_new_field");
	});

	it("parses hf: references strictly", () => {
		expect(parseHfReference("hf:Qwen/Qwen3-8B")).toBe("Qwen/Qwen3-8B");
		expect(parseHfReference(" hf: meta-llama/Llama-3.1-8B ")).toBe("meta-llama/Llama-3.1-8B");
		expect(parseHfReference("Qwen3-8B")).toBeUndefined();
		expect(parseHfReference("hf:../../etc/passwd")).toBeUndefined();
	});

	it("gpufit fit --model hf:… and --model ./config.json", async () => {
		process.env.GPUFIT_HF_BASE = base;
		process.env.GPUFIT_CACHE = mkdtempSync(join(tmpdir(), "gpufit-cache-"));
		let out = "";
		let err = "";
		const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (err += s) };
		expect(await main(["fit", "--model", "hf:Qwen/Qwen3-30B-A3B", "--gpu", "RTX 4090", "--engine", "llama.cpp", "--quant", "q4_k_m", "--json"], io), err).toBe(0);
		const j = JSON.parse(out) as { model: string; rows: { weightsGiB: number }[] };
		expect(j.model).toBe("hf:Qwen/Qwen3-30B-A3B");
		out = "";
		const local = join(FIXTURES, "openai/gpt-oss-20b/config.json");
		expect(await main(["fit", "--model", local, "--gpu", "RTX 4090", "--engine", "llama.cpp", "--json"], io), err).toBe(0);
		expect((JSON.parse(out) as { rows: { format: string }[] }).rows.map((r) => r.format)).toContain("mxfp4");
		err = "";
		expect(await main(["fit", "--model", "hf:nobody/Nothing", "--gpu", "RTX 4090"], io)).toBe(2);
		expect(err).toMatch(/HTTP 404/);
		delete process.env.GPUFIT_HF_BASE;
		delete process.env.GPUFIT_CACHE;
	});
});
