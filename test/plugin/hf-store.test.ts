import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import type { HfFetcher } from "../../src/estimator/hf/import";
import { adapterCache, HfModelStore, type CacheAdapter } from "../../src/plugin/hf-store";

const FIXTURES = join(__dirname, "../fixtures/hf");
const fixtureFetcher: HfFetcher = (url) => {
	const m = /^https:\/\/huggingface\.co\/([^/]+\/[^/]+)\/resolve\/main\/(.+)$/.exec(url);
	try {
		return Promise.resolve({ status: 200, text: readFileSync(join(FIXTURES, m?.[1] ?? "", m?.[2] ?? ""), "utf8") });
	} catch {
		return Promise.resolve({ status: 404, text: "" });
	}
};
/** Lets the background imports (a few resolved promises and file reads) finish. */
const settle = () => sleep(20);

function memoryAdapter(): CacheAdapter & { files: Map<string, string> } {
	const files = new Map<string, string>();
	return {
		files,
		exists: (p) => Promise.resolve(files.has(p) || [...files.keys()].some((k) => k.startsWith(p + "/"))),
		read: (p) => Promise.resolve(files.get(p) ?? ""),
		write: (p, d) => { files.set(p, d); return Promise.resolve(); },
		mkdir: () => Promise.resolve(),
	};
}

describe("HfModelStore (plugin)", () => {
	it("says it is reading, then computes the table once the model arrives, and refreshes once", async () => {
		let changes = 0;
		const store = new HfModelStore(fixtureFetcher, undefined, () => changes++);
		const compute = store.wrap(computeFitTable);
		const first = compute(store.catalog(loadCatalog()), { model: "hf:Qwen/Qwen3-30B-A3B", gpu: "RTX 4090" });
		expect(!first.ok && first.error.message).toMatch(/Reading hf:Qwen\/Qwen3-30B-A3B from Hugging Face/);
		await settle();
		expect(changes).toBe(1);
		const second = compute(store.catalog(loadCatalog()), { model: "hf:Qwen/Qwen3-30B-A3B", gpu: "RTX 4090" });
		expect(second.ok && second.value.model).toBe("hf:Qwen/Qwen3-30B-A3B");
		// Catalog names are untouched: a plain name still resolves to the built-in entry.
		const plain = compute(store.catalog(loadCatalog()), { model: "Qwen3-30B", gpu: "RTX 4090" });
		expect(plain.ok && plain.value.modelId).toBe("qwen3-30b-a3b");
	});

	it("shows the import's reason when it fails, and offline, with the cache message", async () => {
		const store = new HfModelStore(() => Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED")), undefined, () => undefined);
		const compute = store.wrap(computeFitTable);
		compute(loadCatalog(), { model: "hf:Qwen/Qwen3-8B", gpu: "H100" });
		await settle();
		const r = compute(store.catalog(loadCatalog()), { model: "hf:Qwen/Qwen3-8B", gpu: "H100" });
		expect(!r.ok && r.error.message).toMatch(/Cannot reach https:\/\/huggingface\.co .*Connect once to import the model; it is cached afterwards/);
	});

	it("caches fetched files in the plugin folder and reads them back offline", async () => {
		const adapter = memoryAdapter();
		const cache = adapterCache(adapter, ".obsidian/plugins/gpu-fit");
		const online = new HfModelStore(fixtureFetcher, cache, () => undefined);
		online.ensure("hf:openai/gpt-oss-20b");
		await settle();
		expect([...adapter.files.keys()]).toContain(".obsidian/plugins/gpu-fit/hf-cache/openai_gpt-oss-20b_resolve_main_config.json");
		const offline = new HfModelStore(() => Promise.reject(new Error("offline")), cache, () => undefined);
		offline.ensure("hf:openai/gpt-oss-20b");
		await settle();
		const r = offline.wrap(computeFitTable)(offline.catalog(loadCatalog()), { model: "hf:openai/gpt-oss-20b", gpu: "RTX 4090", engine: "llama.cpp" });
		expect(r.ok).toBe(true);
	});
});
