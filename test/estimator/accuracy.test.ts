import { describe, expect, it } from "vitest";
import { compareAll, groupStats, GROUPS } from "../../bench/accuracy-lib";

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
