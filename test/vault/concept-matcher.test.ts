import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { normalizeName } from "../../src/estimator/names";
import type { ConceptMatcher, ScanMode } from "../../src/vault/concepts/matcher";
import { matcherFor } from "../../src/vault/note/parse-note";
import { formatId, gpuId, modelId } from "./helpers";

const matcher: ConceptMatcher = matcherFor(loadCatalog());
const found = (text: string, mode: ScanMode = "prose"): string[] => {
	const out: string[] = [];
	matcher.scan(text, mode, (c) => out.push(c.id));
	return out;
};

describe("ConceptMatcher", () => {
	it("maps aliases and tag spellings to one concept", () => {
		const rtx = gpuId("RTX PRO 6000 Blackwell");
		expect(found("RTX 6000 PRO B")).toEqual([rtx]);
		expect(found("RTX PRO 6000 Blackwell")).toEqual([rtx]);
		expect(found("rtx-6000-pro-b-class", "tag")).toEqual([rtx]);
		expect(found("the rtx-pro-6000 card", "tag")).toEqual([rtx]);
		// In prose a name starts with a capital or a digit, as names are written: a lower-case slug is a tag's business.
		expect(found("the rtx-pro-6000 card")).toEqual([]);
		expect(found("the llama.cpp server")).toEqual(["tool:llama.cpp"]);
		expect(found("qwen3-30b-model", "tag")).toEqual([modelId("Qwen3-30B-A3B")]);
		expect(found("Qwen3-30B and Qwen3 30B A3B")).toEqual([modelId("Qwen3-30B-A3B"), modelId("Qwen3-30B-A3B")]);
		expect(found("fp8-tensor-acceleration", "tag")).toEqual([formatId("fp8")]);
		expect(found("hbm3e-vram-capacity", "tag")).toEqual(["memory:hbm3e"]);
		expect(found("tensor-core-architecture", "tag")).toEqual([]);
		expect(found("Llama 3.1 8B")).toEqual([modelId("Llama-3.1-8B")]);
	});

	it("agrees with catalog lookups on every catalog name", () => {
		const catalog = loadCatalog();
		for (const gpu of catalog.gpus.all()) {
			for (const name of [gpu.name, ...gpu.aliases]) {
				if (/^\d+$/.test(normalizeName(name))) continue; // bare numbers are not matched in text, by design
				const ids = found(name, "tag");
				expect(ids, name).toEqual([`gpu:${gpu.id}`]);
			}
		}
		for (const model of catalog.models.all()) expect(found(model.name, "tag"), model.name).toEqual([`model:${model.id}`]);
	});

	it("respects word boundaries", () => {
		expect(found("an H1000 is not an H100")).toEqual([gpuId("H100")]);
		expect(found("xH100")).toEqual([]);
		expect(found("two H100s and A100s")).toEqual([gpuId("H100"), gpuId("A100")]);
		expect(found("a 100 GB budget")).toEqual([]);
	});

	it("starts words at Markdown emphasis but not inside identifiers or words", () => {
		expect(found("x_H100, xvLLM, vLLM_x")).toEqual(["tool:vllm"]);
		expect(found("Operating _Yi-34B, and_ __H100__ here")).toEqual([modelId("Yi-34B"), gpuId("H100")]);
		expect(found("H100_x")).toEqual([gpuId("H100")]);
		expect(found("llamas gpt-oss-20b")).toEqual([modelId("gpt-oss-20b")]);
		expect(found("H100s, 4090s, A100S")).toEqual([gpuId("H100"), gpuId("A100")]);
		// Names split over words: a short separator without a line break.
		expect(found("RTX\n4090")).toEqual([]);
		expect(found("RTX    4090")).toEqual([]);
		expect(found("RTX  4090")).toEqual([gpuId("RTX 4090")]);
		// In tags, a one-letter word names only what it spells alone.
		expect(found("a-100", "tag")).toEqual([]);
		expect(found("h100s-class", "tag")).toEqual([gpuId("H100")]);
	});

	it("caches tag lookups without changing them", () => {
		for (const tag of ["rtx-6000-pro-b-class", "qwen3-30b-model", "4090", "cooling", "Transformers"]) {
			const scanned = matcher.exact(tag) ? [matcher.exact(tag)?.id] : found(tag, "tag");
			expect(matcher.tagConcepts(tag).map((c) => c.id), tag).toEqual(scanned);
			expect(matcher.tagConcepts(tag).map((c) => c.id), tag).toEqual(scanned);
		}
	});

	it("keeps bare numbers and ordinary words out of prose", () => {
		expect(found("about 4090 tokens")).toEqual([]);
		expect(found("an RTX 4090 and a GeForce RTX 4090")).toEqual([gpuId("RTX 4090"), gpuId("RTX 4090")]);
		expect(found("half of the budget, in half precision")).toEqual([]);
		expect(found("transformers are everywhere; Hugging Face Transformers loads it")).toEqual(["tool:transformers"]);
		expect(found("vllm in lower case is prose")).toEqual([]);
		expect(found("vLLM and PyTorch Lightning and llama.cpp")).toEqual(["tool:vllm", "tool:pytorch-lightning", "tool:llama.cpp"]);
		expect(found("TensorRT-LLM beats TensorRT")).toEqual(["tool:tensorrt-llm", "tool:tensorrt"]);
		expect(matcher.exact("4090")?.id).toBe(gpuId("RTX 4090"));
	});

	it("handles non-ASCII separators (narrow no-break space, non-breaking hyphen) and Cyrillic around names", () => {
		expect(found("для RTX\u202f6000\u202fPRO\u202fB и Qwen3\u201130B")).toEqual([gpuId("RTX PRO 6000"), modelId("Qwen3-30B")]);
	});

	it("changes its fingerprint with the vocabulary", () => {
		expect(matcher.fingerprint).toMatch(/^\d+\.\d+\.[0-9a-f]{8}$/);
		expect(matcherFor(loadCatalog())).toBe(matcher);
	});
});
