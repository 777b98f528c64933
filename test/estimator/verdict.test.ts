/**
 * One verdict per row: each kind on the scenario that used to hide behind one "✗", and the invariants that tie the
 * verdict to the memory answer (`fits`), the free memory (`headroomGiB`, negative = short) and the sessions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import type { FitRequest, FitRow } from "../../src/estimator/types";
import { groupThousands, rowVerdict, supportLabel } from "../../src/estimator/verdict";

const c = loadCatalog();

function rowOf(request: FitRequest): FitRow {
	const t = computeFitTable(c, request);
	if (!t.ok) throw new Error(t.error.message);
	const r = t.value.rows[0];
	if (!r) throw new Error("no row");
	return r;
}

describe("verdicts on real setups", () => {
	it("fits: everything asked for fits, headroom is the free memory", () => {
		const r = rowOf({ model: "Qwen3-8B", gpu: "RTX PRO 6000", quant: ["bf16"] });
		expect(r.verdict).toBe("fits");
		expect(r.fits).toBe(true);
		expect(r.headroomGiB).toBeGreaterThan(0);
		expect(r.verdictText).toBe(`fits, ${r.headroomGiB.toFixed(1)} GiB free per GPU`);
	});

	it("fits-fewer-sequences: a 70B model on two cards at 32K × 4 runs 3 sessions, not 'does not fit'", () => {
		const r = rowOf({ model: "Llama-3.3-70B", gpu: "RTX PRO 6000", count: 2, context: 32768, concurrency: 4, quant: ["bf16"] });
		expect(r.verdict).toBe("fits-fewer-sequences");
		expect(r.fits).toBe(false);
		expect(r.maxConcurrentSequences).toBe(3);
		expect(r.headroomGiB).toBeLessThan(0);
		expect(r.verdictText).toMatch(/^fits 3 of 4 sequences \(\d+\.\d GiB per GPU short of all 4\)$/);
		expect(r.decodeTokensPerSecond).toBeGreaterThan(0);
	});

	it("fits-fewer-sequences on replicas counts every replica's sequences", () => {
		const r = rowOf({ model: "Llama-3.3-70B", gpu: "RTX PRO 6000", count: 2, split: "replica", context: 32768, concurrency: 40, quant: ["fp8"] });
		expect(r.verdict).toBe("fits-fewer-sequences");
		expect(r.maxConcurrentSequences % 2).toBe(0);
		expect(r.verdictText).toContain(`fits ${r.maxConcurrentSequences} of 40 sequences`);
	});

	it("out-of-memory says by how much", () => {
		const r = rowOf({ model: "Llama-3.3-70B", gpu: "RTX 4090", quant: ["bf16"] });
		expect(r.verdict).toBe("out-of-memory");
		expect(r.maxConcurrentSequences).toBe(0);
		expect(r.verdictText).toBe(`out of memory by ${(-r.headroomGiB).toFixed(1)} GiB per GPU`);
	});

	it("unsupported says why, whatever the memory says; `fits` stays the memory answer", () => {
		const r = rowOf({ model: "Qwen3-0.6B", gpu: "T4", quant: ["bf16"] });
		expect(r.verdict).toBe("unsupported");
		expect(r.fits).toBe(true);
		expect(r.headroomGiB).toBeGreaterThan(0);
		expect(r.verdictText).toBe(`unsupported: ${r.supportReason}`);
		expect(r.verdictText).toMatch(/no BF16/);
		expect(r.maxConcurrentSequences).toBe(0);
		const gguf = rowOf({ model: "Qwen3-8B", gpu: "RTX PRO 6000", engine: "vllm", quant: ["q4_k_m"] });
		expect(gguf.verdict).toBe("unsupported");
		expect(gguf.fits).toBe(true);
	});

	it("support labels: emulated reads as weight-only; JSON keeps emulated", () => {
		expect(supportLabel("emulated")).toBe("weight-only");
		expect(supportLabel("native")).toBe("native");
		expect(supportLabel("unsupported")).toBe("unsupported");
		const awq = rowOf({ model: "Qwen3-8B", gpu: "RTX 4090", quant: ["awq"] });
		expect(awq.support).toBe("emulated");
		expect(JSON.parse(JSON.stringify(awq)) as { support: string }).toMatchObject({ support: "emulated" });
	});
});

describe("verdict words", () => {
	const base = { support: "native" as const, supportReason: "r", concurrency: 4 };
	it("each kind, most severe first", () => {
		expect(rowVerdict({ ...base, headroomGiB: 3, maxSequences: 9 })).toEqual({ verdict: "fits", text: "fits, 3.0 GiB free per GPU" });
		expect(rowVerdict({ ...base, headroomGiB: -0.04, maxSequences: 3 })).toEqual({ verdict: "fits-fewer-sequences", text: "fits 3 of 4 sequences (0.04 GiB per GPU short of all 4)" });
		expect(rowVerdict({ ...base, headroomGiB: -2, maxSequences: 0 })).toEqual({ verdict: "out-of-memory", text: "out of memory by 2.0 GiB per GPU" });
		expect(rowVerdict({ ...base, support: "unsupported", supportReason: "no kernels", headroomGiB: 5, maxSequences: 9 }))
			.toEqual({ verdict: "unsupported", text: "unsupported: no kernels" });
		expect(rowVerdict({ ...base, concurrency: 1, headroomGiB: -1, maxSequences: 0 }).text).toBe("out of memory by 1.0 GiB per GPU");
		expect(rowVerdict({ ...base, concurrency: 2, headroomGiB: -1, maxSequences: 1 }).text).toBe("fits 1 of 2 sequences (1.0 GiB per GPU short of all 2)");
	});
});

describe("verdict invariants over random setups", () => {
	const models = ["Qwen3-8B", "Qwen3-30B", "Llama-3.3-70B", "Mistral-7B", "Qwen3-0.6B"];
	const gpus = ["RTX 4090", "RTX PRO 6000", "H100", "T4", "A100 40GB", "RTX 3090"];
	it("verdict, fits, headroom and sessions always agree", () => {
		fc.assert(fc.property(
			fc.constantFrom(...models), fc.constantFrom(...gpus), fc.integer({ min: 1, max: 4 }),
			fc.constantFrom("tensor", "layer", "replica" as const), fc.constantFrom("vllm", "llama.cpp", "transformers" as const),
			fc.integer({ min: 256, max: 131072 }), fc.integer({ min: 1, max: 64 }),
			(model, gpu, count, split, engine, context, concurrency) => {
				const t = computeFitTable(c, { model, gpu, count, split, engine, context, concurrency });
				if (!t.ok) return;
				for (const r of t.value.rows) {
					// Headroom is the free memory: never negative when it fits, never positive when it does not.
					if (r.fits) expect(r.headroomGiB).toBeGreaterThanOrEqual(0);
					else expect(r.headroomGiB).toBeLessThanOrEqual(0);
					switch (r.verdict) {
						case "unsupported":
							expect(r.support).toBe("unsupported");
							expect(r.maxConcurrentSequences).toBe(0);
							break;
						case "fits":
							expect(r.fits).toBe(true);
							expect(r.maxConcurrentSequences).toBeGreaterThanOrEqual(concurrency);
							break;
						case "fits-fewer-sequences":
							expect(r.fits).toBe(false);
							expect(r.maxConcurrentSequences).toBeGreaterThanOrEqual(1);
							expect(r.maxConcurrentSequences).toBeLessThan(concurrency);
							break;
						case "out-of-memory":
							expect(r.fits).toBe(false);
							expect(r.maxConcurrentSequences).toBe(0);
							break;
					}
					if (r.verdict !== "unsupported") expect(r.support).not.toBe("unsupported");
				}
			},
		), { numRuns: 150 });
	});
});

describe("thousands", () => {
	it("groups like en-US toLocaleString", () => {
		for (const n of [0, 7, 999, 1000, 32768, 1234567, -4321, 1048576]) expect(groupThousands(n)).toBe(n.toLocaleString("en-US"));
		expect(groupThousands(1234.5)).toBe("1,234.5");
	});
});
