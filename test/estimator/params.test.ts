import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MODELS } from "../../src/estimator/data/models";
import { countParams, layerGroupParams } from "../../src/estimator/params";
import { ModelSchema, type Model } from "../../src/estimator/schema";

function model(id: string): Model {
	const m = MODELS.find((x) => x.id === id);
	if (!m) throw new Error(`no model ${id}`);
	return m;
}

/**
 * Models whose computed total may miss the card by more than 1%, and why.
 * Keep this list short: each entry is a known rounding or schema limit, not a data error.
 */
const TOTAL_TOLERANCE: Record<string, { tol: number; why: string }> = {
	// 1,720,571,904 counted; the card rounds to "1.7B" (a 2-digit figure is only good to ±3%).
	"qwen3-1.7b": { tol: 0.015, why: "card figure rounded to 0.1B" },
	// The real count is 79.67B (checkpoint minus MTP); the schema has no fields for the Gated DeltaNet projections
	// (in_proj_qkvz, in_proj_ba, conv) or the attention output gate, so the 36 linear layers are counted with the
	// ordinary attention formula and the total comes out 0.8% under the checkpoint, 1.2% under the rounded "80B".
	"qwen3-next-80b-a3b": { tol: 0.015, why: "schema cannot describe DeltaNet layers; card rounds to 80B" },
};

/**
 * Which active count each card publishes. Default: `active` (embedding and head both counted: Qwen3, Mixtral,
 * DeepSeek). OpenAI's gpt-oss card counts the unembedding but not the embedding: `activeLinear`.
 */
const ACTIVE_CONVENTION: Record<string, "active" | "activeLinear" | "activeNoEmbeddings" | { skip: string }> = {
	// Zhipu's cards count active parameters without the embedding table and the output head.
	"glm-4.5": "activeNoEmbeddings",
	"glm-4.6": "activeNoEmbeddings",
	"glm-4.5-air": "activeNoEmbeddings",
	"gpt-oss-20b": "activeLinear",
	"gpt-oss-120b": "activeLinear",
	// "A3B" is a label: the checkpoint's active count is 3.87B with embeddings (3.25B without); we count 3.24B
	// because the DeltaNet projections are undercounted (see above).
	"qwen3-next-80b-a3b": { skip: "the card's 3B is the A3B label, not a count" },
};

describe("countParams: catalog totals against the model cards", () => {
	for (const m of MODELS) {
		it(`${m.id}: total within ${((TOTAL_TOLERANCE[m.id]?.tol ?? 0.01) * 100).toFixed(1)}% of the card`, () => {
			const p = countParams(m);
			const tol = TOTAL_TOLERANCE[m.id]?.tol ?? 0.01;
			expect(Math.abs(p.total / m.published.totalParams - 1)).toBeLessThan(tol);
		});
		const published = m.published.activeParams;
		const conv = ACTIVE_CONVENTION[m.id] ?? "active";
		if (published !== undefined && typeof conv === "string") {
			it(`${m.id}: ${conv} within 3% of the card's active count`, () => {
				const p = countParams(m);
				const counted = conv === "activeNoEmbeddings" ? p.active - p.embedding - p.head : p[conv];
				expect(Math.abs(counted / published - 1)).toBeLessThan(0.03);
			});
		}
	}

	it("reproduces exact published counts where they exist", () => {
		// Mistral-7B-v0.1 num_parameters: 7,241,732,096.
		expect(countParams(model("mistral-7b-v0.1")).total).toBe(7_241_732_096);
		// gpt-oss model card paper: 116.83B / 5.13B and 20.91B / 3.61B (attention sinks, 2,304 and 1,536, not counted).
		const big = countParams(model("gpt-oss-120b"));
		expect(big.total / 1e9).toBeCloseTo(116.83, 1);
		expect(big.activeLinear / 1e9).toBeCloseTo(5.13, 1);
		const small = countParams(model("gpt-oss-20b"));
		expect(small.total / 1e9).toBeCloseTo(20.91, 1);
		expect(small.activeLinear / 1e9).toBeCloseTo(3.61, 1);
		// InternLM2 7B loaded weights: 7,737,708,544 (embedding + head 758,120,448).
		const intern = countParams(model("internlm2-7b"));
		expect(intern.total).toBe(7_737_708_544);
		expect(intern.embedding + intern.head).toBe(758_120_448);
		// DeepSeek-V3: 671B without the MTP module.
		expect(countParams(model("deepseek-v3")).total / 1e9).toBeCloseTo(671.0, 0);
	});
});

describe("countParams: hand-checked groups", () => {
	it("Llama-3.1-8B (dense, GQA, untied)", () => {
		const p = countParams(model("llama-3.1-8b"));
		const L = 32;
		expect(p.embedding).toBe(128256 * 4096);
		expect(p.head).toBe(128256 * 4096);
		expect(p.attention).toEqual({ q: L * 4096 * 4096, k: L * 4096 * 1024, v: L * 4096 * 1024, o: L * 4096 * 4096 });
		expect(p.mlpDense).toEqual({ gate: L * 4096 * 14336, up: L * 4096 * 14336, down: L * 14336 * 4096 });
		expect(p.experts).toEqual({ gate: 0, up: 0, down: 0 });
		expect(p.router).toBe(0);
		expect(p.norms).toBe(L * 2 * 4096 + 4096);
		expect(p.total).toBe(8_030_261_248);
		expect(p.active).toBe(p.total);
		expect(p.activeLinear).toBe(p.total - p.embedding);
		expect(p.expertParamsPerToken).toBe(0);
	});

	it("Mixtral-8x7B (MoE, 8 experts, 2 per token)", () => {
		const m = model("mixtral-8x7b");
		const g = layerGroupParams(m);
		expect(g.denseLayers).toBe(0);
		expect(g.moeLayers).toBe(32);
		expect(g.expert).toEqual({ gate: 4096 * 14336, up: 4096 * 14336, down: 14336 * 4096 });
		expect(g.router).toBe(4096 * 8);
		const p = countParams(m);
		const expert = 3 * 4096 * 14336;
		expect(p.experts.gate + p.experts.up + p.experts.down).toBe(32 * 8 * expert);
		expect(p.mlpDense).toEqual({ gate: 0, up: 0, down: 0 });
		expect(p.router).toBe(32 * 4096 * 8);
		expect(p.expertParamsPerToken).toBe(32 * 2 * expert);
		expect(p.total - p.active).toBe(32 * 6 * expert);
	});

	it("Qwen3-30B-A3B: 128 experts of 768, qk norms, no shared expert", () => {
		const p = countParams(model("qwen3-30b-a3b"));
		expect(p.experts.down).toBe(48 * 128 * 768 * 2048);
		expect(p.norms).toBe(48 * (2 * 2048 + 2 * 128) + 2048);
		expect(p.attention.q).toBe(48 * 2048 * 32 * 128);
		expect(p.attention.k).toBe(48 * 2048 * 4 * 128);
		expect(p.expertParamsPerToken).toBe(48 * 8 * 3 * 2048 * 768);
	});

	it("DeepSeek-V3: MLA mapping, 3 dense layers, shared expert in mlpDense", () => {
		const m = model("deepseek-v3");
		const g = layerGroupParams(m);
		expect(g.denseLayers).toBe(3);
		expect(g.moeLayers).toBe(58);
		// q = q_a + q_b; k = kv_a (latent + rope key) + kv_b key half; v = kv_b value half.
		expect(g.attention.q).toBe(7168 * 1536 + 1536 * 128 * 192);
		expect(g.attention.k).toBe(7168 * 576 + 512 * 128 * 128);
		expect(g.attention.v).toBe(512 * 128 * 128);
		expect(g.attention.o).toBe(128 * 128 * 7168);
		expect(g.norms).toBe(2 * 7168 + 1536 + 512);
		expect(g.router).toBe(7168 * 256 + 256);
		const p = countParams(m);
		expect(p.mlpDense.down).toBe(3 * 18432 * 7168 + 58 * 2048 * 7168);
		expect(p.experts.up).toBe(58 * 256 * 7168 * 2048);
		expect(p.expertParamsPerToken).toBe(58 * 8 * 3 * 7168 * 2048);
	});

	it("gpt-oss: biases on attention, router and experts", () => {
		const m = model("gpt-oss-120b");
		const g = layerGroupParams(m);
		expect(g.attentionBias).toBe(64 * 64 + 2 * 8 * 64 + 2880);
		expect(g.expertBias).toBe(2 * 2880 + 2880);
		expect(g.router).toBe(2880 * 128 + 128);
		const p = countParams(m);
		expect(p.expertBias).toBe(36 * 128 * 3 * 2880);
		// Only the selected experts' biases count as active.
		expect(p.expertParamsPerToken).toBe(36 * 4 * (3 * 2880 * 2880 + 3 * 2880));
	});

	it("tied embeddings: head is 0 and activeLinear keeps the shared matrix (read as the head)", () => {
		for (const m of MODELS.filter((x) => x.tiedEmbeddings)) {
			const p = countParams(m);
			expect(p.head, m.id).toBe(0);
			expect(p.embedding).toBe(m.vocab * m.hidden);
			expect(p.activeLinear).toBe(p.active);
		}
		const untied = countParams({ ...model("qwen3-4b"), tiedEmbeddings: false });
		expect(untied.head).toBe(151936 * 2560);
		expect(untied.total - countParams(model("qwen3-4b")).total).toBe(151936 * 2560);
	});

	it("Gemma 3: extraParams in the total only; 4 norms and qk norms per layer", () => {
		const m = model("gemma-3-27b");
		const p = countParams(m);
		expect(p.extra).toBe(m.extraParams?.count);
		expect(p.active).toBe(p.total - p.extra);
		expect(p.norms).toBe(62 * (4 * 5376 + 2 * 128) + 5376);
	});

	it("Qwen2.5-72B: qkv biases land in the small-tensor group", () => {
		const m = model("qwen2.5-72b");
		const withBias = countParams(m);
		const without = countParams({ ...m, qkvBias: false });
		expect(withBias.norms - without.norms).toBe(80 * (64 * 128 + 2 * 8 * 128));
		expect(withBias.attention).toEqual(without.attention);
	});

	it("groups add up to the total for every catalog model", () => {
		for (const m of MODELS) {
			const p = countParams(m);
			const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
			expect(p.embedding + p.head + sum({ ...p.attention }) + sum({ ...p.mlpDense }) + sum({ ...p.experts })
				+ p.router + p.norms + p.expertBias + p.extra, m.id).toBe(p.total);
			expect(p.total).toBeGreaterThanOrEqual(p.active);
			expect(p.active).toBeGreaterThanOrEqual(p.activeLinear);
		}
	});
});

describe("countParams: properties over random architectures", () => {
	const dim = fc.integer({ min: 1, max: 16384 });
	const small = fc.integer({ min: 1, max: 256 });
	const arbModel: fc.Arbitrary<Model> = fc
		.record({
			layers: fc.integer({ min: 1, max: 200 }),
			hidden: dim,
			intermediate: fc.integer({ min: 1, max: 65536 }),
			kvHeads: fc.integer({ min: 1, max: 32 }),
			groups: fc.integer({ min: 1, max: 16 }),
			headDim: small,
			vocab: fc.integer({ min: 1, max: 300_000 }),
			tiedEmbeddings: fc.boolean(),
			mlp: fc.constantFrom("gated" as const, "plain" as const),
			qkvBias: fc.option(fc.boolean(), { nil: undefined }),
			oBias: fc.option(fc.boolean(), { nil: undefined }),
			qkNorm: fc.option(fc.boolean(), { nil: undefined }),
			normsPerLayer: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
			moe: fc.option(
				fc.record({
					experts: fc.integer({ min: 1, max: 512 }),
					k: fc.integer({ min: 1, max: 512 }),
					expertIntermediate: fc.integer({ min: 1, max: 8192 }),
					sharedExperts: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
					sharedIntermediate: fc.option(fc.integer({ min: 1, max: 8192 }), { nil: undefined }),
					firstDenseLayers: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
					routerBias: fc.option(fc.boolean(), { nil: undefined }),
					expertBias: fc.option(fc.boolean(), { nil: undefined }),
				}),
				{ nil: undefined },
			),
			mla: fc.option(
				fc.record({
					kvLoraRank: fc.integer({ min: 1, max: 1024 }),
					qLoraRank: fc.option(fc.integer({ min: 1, max: 4096 }), { nil: undefined }),
					qkNopeHeadDim: small,
					qkRopeHeadDim: small,
					vHeadDim: small,
				}),
				{ nil: undefined },
			),
			extra: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: undefined }),
			pattern: fc.array(
				fc.oneof(
					fc.constant({ kind: "full" as const }),
					fc.record({ kind: fc.constant("sliding" as const), window: fc.integer({ min: 1, max: 1 << 20 }) }),
					fc.record({ kind: fc.constant("linear" as const), stateBytesPerSequence: fc.integer({ min: 0, max: 1e8 }) }),
				),
				{ minLength: 1, maxLength: 8 },
			),
		})
		.map((r): Model => ({
			id: "random",
			name: "Random",
			family: "random",
			aliases: [],
			layers: r.layers,
			hidden: r.hidden,
			intermediate: r.intermediate,
			heads: r.kvHeads * r.groups,
			kvHeads: r.kvHeads,
			headDim: r.headDim,
			vocab: r.vocab,
			tiedEmbeddings: r.tiedEmbeddings,
			mlp: r.mlp,
			qkvBias: r.qkvBias,
			oBias: r.oBias,
			qkNorm: r.qkNorm,
			normsPerLayer: r.normsPerLayer,
			moe: r.moe && {
				experts: r.moe.experts,
				// The catalog rejects k > E; countParams clamps rather than throwing, so allow both.
				expertsPerToken: r.moe.k,
				expertIntermediate: r.moe.expertIntermediate,
				sharedExperts: r.moe.sharedExperts,
				sharedIntermediate: r.moe.sharedIntermediate,
				firstDenseLayers: r.moe.firstDenseLayers,
				routerBias: r.moe.routerBias,
				expertBias: r.moe.expertBias,
			},
			mla: r.mla,
			layerPattern: r.pattern,
			extraParams: r.extra === undefined ? undefined : { count: r.extra, what: "extra" },
			nativeDtype: "bf16",
			maxContext: 4096,
			published: { totalParams: 1 },
			sources: [{ ref: "random", asOf: "2026-11", confidence: "derived" }],
		}));

	it("generated models are schema-valid", () => {
		fc.assert(fc.property(arbModel, (m) => ModelSchema.safeParse(m).success), { numRuns: 200 });
	});

	it("never throws, never NaN or negative, total ≥ active ≥ activeLinear, groups sum to total", () => {
		fc.assert(
			fc.property(arbModel, (m) => {
				const p = countParams(m);
				const numbers = [
					p.embedding, p.head, p.router, p.norms, p.expertBias, p.extra, p.total, p.active, p.activeLinear, p.expertParamsPerToken,
					p.attention.q, p.attention.k, p.attention.v, p.attention.o,
					p.mlpDense.gate, p.mlpDense.up, p.mlpDense.down, p.experts.gate, p.experts.up, p.experts.down,
				];
				for (const n of numbers) {
					if (!Number.isFinite(n) || n < 0) return false;
				}
				const parts = p.embedding + p.head + p.attention.q + p.attention.k + p.attention.v + p.attention.o
					+ p.mlpDense.gate + p.mlpDense.up + p.mlpDense.down + p.experts.gate + p.experts.up + p.experts.down
					+ p.router + p.norms + p.expertBias + p.extra;
				return p.total >= p.active && p.active >= p.activeLinear && p.activeLinear > 0
					&& Math.abs(parts - p.total) <= 1e-9 * p.total
					&& p.expertParamsPerToken <= p.experts.gate + p.experts.up + p.experts.down + p.expertBias;
			}),
			{ numRuns: 1000 },
		);
	});

	it("more experts per token never lowers the active count; the total does not depend on it", () => {
		fc.assert(
			fc.property(arbModel, fc.integer({ min: 1, max: 512 }), (m, k2) => {
				if (!m.moe) return true;
				const a = countParams(m);
				const b = countParams({ ...m, moe: { ...m.moe, expertsPerToken: Math.max(m.moe.expertsPerToken, k2) } });
				return b.active >= a.active && b.total === a.total;
			}),
			{ numRuns: 300 },
		);
	});
});
