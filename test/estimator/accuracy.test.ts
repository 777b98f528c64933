import { describe, expect, it } from "vitest";
import { compareAll, groupStats, GROUPS, HELDOUT_ROWS } from "../../bench/accuracy-lib";

describe("accuracy against public measurements (test/data/measured-public.json)", () => {
	const comparisons = compareAll();

	it("predicts every row whose model, GPU and format are in the catalog", () => {
		const skipped = comparisons.filter((c) => c.skipped && !/not in the catalog/.test(c.skipped));
		expect(skipped.map((c) => `${c.row.id}: ${c.skipped ?? ""}`)).toEqual([]);
	});

	for (const g of GROUPS) {
		if (g.maxTarget === undefined && g.medianTarget === undefined) continue;
		it(`${g.name}: ${g.medianTarget !== undefined ? `median ≤ ${g.medianTarget * 100}%, ` : ""}max ≤ ${(g.maxTarget ?? 0) * 100}%`, () => {
			const s = groupStats(comparisons, g.metrics);
			expect(s.n).toBeGreaterThan(0);
			if (g.maxTarget !== undefined) expect(s.max).toBeLessThanOrEqual(g.maxTarget);
			if (g.medianTarget !== undefined) expect(s.median).toBeLessThanOrEqual(g.medianTarget);
		});
	}
});

describe("accuracy on the held-out set (test/data/measured-heldout.json)", () => {
	const comparisons = compareAll(HELDOUT_ROWS);
	it("decode median ≤ 15% and none beyond 35%; weights within 3%", () => {
		const decode = groupStats(comparisons, ["decodeTokensPerSecond"]);
		const weights = groupStats(comparisons, ["weightsGiB"]);
		expect(decode.n).toBeGreaterThan(10);
		expect(decode.median).toBeLessThanOrEqual(0.15);
		expect(decode.max).toBeLessThanOrEqual(0.35);
		expect(weights.max).toBeLessThanOrEqual(0.03);
	});
});
