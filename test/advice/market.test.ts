import { describe, expect, it } from "vitest";
import { availabilityAt, marketData, priceAt, purchasable, validateMarket } from "../../src/estimator/advice/market";
import { dateWindow, describeDate, endedBefore, parseDay, startedBy } from "../../src/estimator/advice/dates";
import { loadCatalog } from "../../src/estimator/catalog";
import { MARKET } from "../../src/estimator/data/market";

const catalog = loadCatalog();
const gpu = (id: string) => {
	const g = catalog.gpus.get(id);
	if (!g) throw new Error(id);
	return g;
};

describe("market facts", () => {
	it("validate, and every catalog GPU has an entry (availability, a price or why not, how it is bought)", () => {
		const { issues } = validateMarket(MARKET);
		expect(issues).toEqual([]);
		const market = marketData();
		const missing = catalog.gpus.all().filter((g) => !market.has(g.id)).map((g) => g.id);
		expect(missing).toEqual([]);
		const unknown = [...market.keys()].filter((id) => !catalog.gpus.get(id));
		expect(unknown).toEqual([]);
	});

	it("every fact carries a source with a date", () => {
		for (const e of marketData().values()) {
			for (const ev of e.availability) expect(ev.source.ref.length, e.gpu).toBeGreaterThan(3);
			for (const p of e.prices) {
				expect(p.source.ref.length, e.gpu).toBeGreaterThan(3);
				expect(dateWindow(p.asOf), `${e.gpu} ${p.asOf}`).toBeDefined();
			}
			expect(e.purchase.source.asOf).toMatch(/^\d{4}/);
			if (e.prices.length === 0) expect(e.noPrice, e.gpu).toBeTruthy();
		}
	});

	it("rejects bad entries with a path", () => {
		const { entries, issues } = validateMarket([{ gpu: "x", availability: [], prices: [], purchase: {} }]);
		expect(entries).toEqual([]);
		expect(issues.length).toBeGreaterThan(0);
		expect(issues[0]?.path).toMatch(/^market\[0\]/);
	});

	it("DGX Spark: announced and slipping in August 2025, shipping in November 2026", () => {
		const spark = marketData().get("dgx-spark");
		const aug = availabilityAt(spark, gpu("dgx-spark"), "2025-08-11");
		expect(aug.status).toBe("announced");
		expect(aug.expected).toBe("2025-H2");
		expect(aug.overdue).toBe(false);
		expect(aug.text).toMatch(/expected H2 2025/);
		const nov = availabilityAt(spark, gpu("dgx-spark"), "2026-11-29");
		expect(nov.status).toBe("shipping");
		expect(purchasable(nov)).toBe(true);
		expect(availabilityAt(spark, gpu("dgx-spark"), "2024-12-01").status).toBe("unannounced");
	});

	it("a part whose expected date passed without shipping is overdue, never future", () => {
		const rubin = marketData().get("rubin");
		expect(availabilityAt(rubin, gpu("rubin"), "2026-11-29")).toMatchObject({ status: "announced", expected: "2026-H2", overdue: false });
		expect(availabilityAt(rubin, gpu("rubin"), "2027-01-02")).toMatchObject({ status: "announced", overdue: true });
		// In October 2025 NVIDIA said Q3 2026; on 2025-12-01 that is still the latest word.
		expect(availabilityAt(rubin, gpu("rubin"), "2025-12-01").expected).toBe("2026-Q3");
	});

	it("the newest price dated on or before the day", () => {
		const e = marketData().get("rtx-5090");
		expect(priceAt(e, "2025-08-11")?.usd).toBe(1999);
		expect(priceAt(e, "2026-02-01")?.usd).toBe(3500);
		expect(priceAt(e, "2026-11-29")?.usd).toBe(2900);
		expect(priceAt(e, "2024-12-31")).toBeUndefined();
		expect(priceAt(marketData().get("h100-nvl"), "2026-11-29")).toBeUndefined();
	});

	it("falls back to the GPU catalog for a GPU without market facts", () => {
		const a = availabilityAt(undefined, gpu("rtx-4090"), "2026-01-01");
		expect(a.status).toBe(gpu("rtx-4090").availability.status);
	});
});

describe("fact dates", () => {
	it("windows for days, months, halves, quarters and years", () => {
		expect(dateWindow("2026-H2")).toEqual({ start: "2026-07-01", end: "2026-12-31" });
		expect(dateWindow("2026-Q1")).toEqual({ start: "2026-01-01", end: "2026-03-31" });
		expect(dateWindow("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
		expect(dateWindow("2026")).toEqual({ start: "2026-01-01", end: "2026-12-31" });
		expect(dateWindow("2026-02-30")).toBeUndefined();
		expect(dateWindow("soon")).toBeUndefined();
		expect(startedBy("2025-10", "2025-10-01")).toBe(true);
		expect(startedBy("2025-10", "2025-09-30")).toBe(false);
		expect(endedBefore("2026-H2", "2026-12-31")).toBe(false);
		expect(endedBefore("2026-H2", "2027-01-01")).toBe(true);
		expect(parseDay(" 2026-11-29 ")).toBe("2026-11-29");
		expect(parseDay("2026-13-01")).toBeUndefined();
		expect(describeDate("2026-Q4")).toBe("Q4 2026");
		expect(describeDate("2025-04")).toBe("April 2025");
	});
});
