import { describe, expect, it } from "vitest";
import { loadCatalog, resolveModel } from "../../src/estimator/catalog";
import { MODELS } from "../../src/estimator/data/models";
import { normalizeName } from "../../src/estimator/names";
import { ModelSchema } from "../../src/estimator/schema";

describe("model catalog", () => {
	it("every entry validates against ModelSchema", () => {
		for (const m of MODELS) {
			const r = ModelSchema.safeParse(m);
			expect(r.success, `${m.id}: ${r.success ? "" : JSON.stringify(r.error.issues)}`).toBe(true);
		}
	});

	it("ids are unique and every model loads into the catalog", () => {
		expect(new Set(MODELS.map((m) => m.id)).size).toBe(MODELS.length);
		const c = loadCatalog();
		for (const m of MODELS) expect(c.models.get(m.id)?.id).toBe(m.id);
	});

	it("every model resolves by its id, name and each alias", () => {
		const c = loadCatalog();
		for (const m of MODELS) {
			for (const n of [m.id, m.name, ...m.aliases]) {
				const r = resolveModel(c, n);
				expect(r.ok && r.value.id, `${n} → ${m.id}`).toBe(m.id);
			}
		}
	});

	it("no two models claim one normalized name", () => {
		const owner = new Map<string, string>();
		for (const m of MODELS) {
			for (const key of new Set([m.id, m.name, ...m.aliases].map(normalizeName))) {
				const other = owner.get(key);
				expect(other === undefined || other === m.id, `"${key}" claimed by ${other ?? ""} and ${m.id}`).toBe(true);
				owner.set(key, m.id);
			}
		}
	});

	it("resolves the names users type", () => {
		const c = loadCatalog();
		const cases: [string, string][] = [
			["Llama-3-8B", "llama-3.1-8b"],
			["llama3.1-8b", "llama-3.1-8b"],
			["Meta-Llama-3.1-8B-Instruct", "llama-3.1-8b"],
			["Llama-3-70B", "llama-3.1-70b"],
			["Llama 3.3 70B", "llama-3.3-70b"],
			["Qwen3-30B", "qwen3-30b-a3b"],
			["qwen3-30b-model", "qwen3-30b-a3b"],
			["Qwen3-8B", "qwen3-8b"],
			["qwen3-8b-model", "qwen3-8b"],
			["Qwen3 0.6B", "qwen3-0.6b"],
			["Qwen3-235B", "qwen3-235b-a22b"],
			["Mixtral 8x7B", "mixtral-8x7b"],
			["mixtral-8x22b", "mixtral-8x22b"],
			["gpt-oss-120b", "gpt-oss-120b"],
			["gpt-oss:20b", "gpt-oss-20b"],
			["DeepSeek-R1", "deepseek-v3"],
			["deepseek v3", "deepseek-v3"],
			["Mistral-7B", "mistral-7b-v0.1"],
			["Mistral-7B-Instruct-v0.3", "mistral-7b-v0.3"],
			["gemma-3-27b-it", "gemma-3-27b"],
			["Qwen2.5-72B-Instruct", "qwen2.5-72b"],
			["phi-4", "phi-4"],
			["Qwen3-Next", "qwen3-next-80b-a3b"],
			// Round 2: the families benchmark tables use, and the variants that share an architecture.
			["DeepSeek-R1-Distill-Qwen-14B", "qwen2.5-14b"],
			["deepseek-r1:32b", "qwen2.5-32b"],
			["Qwen2.5-Coder-32B-Instruct", "qwen2.5-32b"],
			["Qwen2.5-7B-Instruct", "qwen2.5-7b"],
			["llama3.2:3b", "llama-3.2-3b"],
			["Llama-3.2-1B-Instruct", "llama-3.2-1b"],
			["Llama 4 Scout", "llama-4-scout"],
			["Llama-4-Maverick-17B-128E-Instruct-FP8", "llama-4-maverick"],
			["gemma3:12b", "gemma-3-12b"],
			["gemma-3-4b-it", "gemma-3-4b"],
			["Mistral Nemo", "mistral-nemo-12b"],
			["Mistral-Small-3.1-24B-Instruct-2503", "mistral-small-3.2-24b"],
			["Mistral-Small-24B-Instruct-2501", "mistral-small-24b"],
			["Kimi K2", "kimi-k2"],
			["GLM-4.5-Air", "glm-4.5-air"],
			["zai-org/GLM-4.6", "glm-4.6"],
			["Qwen3-Coder-480B", "qwen3-coder-480b-a35b"],
		];
		for (const [typed, id] of cases) {
			const r = resolveModel(c, typed);
			expect(r.ok && r.value.id, typed).toBe(id);
		}
	});

	it("structural facts the memory model relies on", () => {
		const byId = new Map(MODELS.map((m) => [m.id, m] as const));
		const get = (id: string) => {
			const m = byId.get(id);
			if (!m) throw new Error(`missing ${id}`);
			return m;
		};
		// Gemma 3: 5 local (1024) : 1 global, 4 norms, qk norm, tied, vision tower in extraParams.
		const gemma = get("gemma-3-27b");
		expect(gemma.layerPattern.filter((k) => k.kind === "sliding")).toHaveLength(5);
		expect(gemma.layerPattern[5]).toEqual({ kind: "full" });
		expect(gemma.layerPattern[0]).toEqual({ kind: "sliding", window: 1024 });
		expect(gemma.tiedEmbeddings && gemma.qkNorm && gemma.normsPerLayer === 4).toBe(true);
		expect(gemma.extraParams?.count).toBeGreaterThan(0.4e9);
		// gpt-oss: alternating sliding 128 / full, MXFP4 experts.
		for (const id of ["gpt-oss-20b", "gpt-oss-120b"]) {
			const m = get(id);
			expect(m.layerPattern).toEqual([{ kind: "sliding", window: 128 }, { kind: "full" }]);
			expect(m.shippedQuantization).toEqual({ format: "mxfp4", scope: "experts" });
			expect(m.headDim).toBe(64);
		}
		// DeepSeek-V3: MLA cache of 512 + 64 per layer, FP8 checkpoint.
		const ds = get("deepseek-v3");
		expect((ds.mla?.kvLoraRank ?? 0) + (ds.mla?.qkRopeHeadDim ?? 0)).toBe(576);
		expect(ds.shippedQuantization).toEqual({ format: "fp8", scope: "all-linear" });
		expect(ds.moe?.firstDenseLayers).toBe(3);
		// Mistral v0.1 slides, v0.3 does not.
		expect(get("mistral-7b-v0.1").layerPattern).toEqual([{ kind: "sliding", window: 4096 }]);
		expect(get("mistral-7b-v0.3").layerPattern).toEqual([{ kind: "full" }]);
		// Qwen3-Next: 3 linear + 1 full, only the full layers keep KV.
		const next = get("qwen3-next-80b-a3b");
		expect(next.layerPattern.map((k) => k.kind)).toEqual(["linear", "linear", "linear", "full"]);
		// Small Qwen3 tie their embeddings; 8B and up do not.
		expect(MODELS.filter((m) => m.family === "qwen3" && m.tiedEmbeddings).map((m) => m.id).sort()).toEqual(["qwen3-0.6b", "qwen3-1.7b", "qwen3-4b"]);
	});

	it("sliding windows are below the context and patterns divide sensibly", () => {
		for (const m of MODELS) {
			for (const k of m.layerPattern) if (k.kind === "sliding") expect(k.window).toBeLessThan(m.maxContext);
			expect(m.heads % m.kvHeads, m.id).toBe(0);
			if (m.moe) expect(m.moe.expertsPerToken).toBeLessThanOrEqual(m.moe.experts);
			if (m.moe) expect(m.published.activeParams, `${m.id} is MoE: publish its active count`).toBeDefined();
		}
	});
});
