/**
 * The seed-note tests skip only where the seed is absent outside CI: under CI=true a missing seed fails them.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEED_NOTE, seedRequired, seedText } from "./helpers";

const MISSING = join(__dirname, "no-such-seed.txt");

describe("seed note lookup", () => {
	it("throws for a missing seed under CI=true (or CI=1), so its callers fail instead of skipping", () => {
		expect(() => seedText(MISSING, { CI: "true" })).toThrow(/seed note is missing .*CI=true/);
		expect(() => seedText(MISSING, { CI: "1" })).toThrow(/seed note is missing/);
	});

	it("gives undefined for a missing seed outside CI (a checkout without shared/)", () => {
		expect(seedText(MISSING, {})).toBeUndefined();
		expect(seedText(MISSING, { CI: "false" })).toBeUndefined();
		expect(seedRequired({})).toBe(false);
	});

	it("reads the seed where it is, and under CI it is there", () => {
		const text = seedText(SEED_NOTE, {});
		if (seedRequired()) expect(text).toBeDefined();
		if (text !== undefined) expect(text).toMatch(/^---\n/);
	});
});
