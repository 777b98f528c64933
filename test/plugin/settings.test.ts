import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTINGS_VERSION, defaultSettings, migrateSettings } from "../../src/plugin/settings";

const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8"));

describe("settings migration (old data.json shapes)", () => {
	it.each(["data-null.json", "data-empty.json", "data-array.json", "data-string.json"])("%s gives the defaults", (name) => {
		expect(migrateSettings(fixture(name))).toEqual(defaultSettings());
	});

	it("undefined (no data.json yet) gives the defaults", () => {
		expect(migrateSettings(undefined)).toEqual(defaultSettings());
	});

	it("v0: a flat object", () => {
		expect(migrateSettings(fixture("data-v0-flat.json"))).toEqual({
			...defaultSettings(),
			rig: { ...DEFAULT_SETTINGS.rig, gpu: "RTX 4090", count: 2, engine: "llama.cpp", context: 32768 },
			precision: "unquantized",
			indexTag: "S13_Hardware",
			feedbackFields: ["FeedbackLoop", "SignalAmplification", "Related"],
		});
	});

	it("v1: rig object, quantization and seriesTag renamed", () => {
		expect(migrateSettings(fixture("data-v1.json"))).toEqual({
			...defaultSettings(),
			rig: { ...DEFAULT_SETTINGS.rig, gpu: "H100", count: 4, engine: "vllm", context: 131072 },
			precision: "allow-fp8",
			indexTag: "S13_Hardware",
			feedbackFields: ["FeedbackLoop"],
		});
	});

	it("v2 with wrong types: each bad field falls back to its default, good ones are kept", () => {
		const s = migrateSettings(fixture("data-v2-garbage.json"));
		expect(s).toEqual({ ...defaultSettings(), userCatalogFolder: "Hardware/catalog" });
	});

	it("a newer version keeps its number and the fields we understand", () => {
		const s = migrateSettings(fixture("data-v3-future.json"));
		expect(s.version).toBe(3);
		expect(s.rig).toEqual({ gpu: "B200", count: 8, split: "tensor", engine: "vllm", context: 8192, kvDtype: "fp8" });
		expect(s.warmStartCache).toBe(false);
		expect(s).not.toHaveProperty("somethingNew");
	});

	it("never mutates or shares the defaults", () => {
		const a = migrateSettings(null);
		a.rig.count = 7;
		a.feedbackFields.push("X");
		expect(DEFAULT_SETTINGS.rig.count).toBe(1);
		expect(DEFAULT_SETTINGS.feedbackFields).toEqual(["FeedbackLoop", "SignalAmplification"]);
		expect(migrateSettings(null).rig.count).toBe(1);
	});

	it("is total and idempotent on arbitrary JSON", () => {
		fc.assert(fc.property(fc.jsonValue(), (v) => {
			const once = migrateSettings(v);
			expect(once.version).toBeGreaterThanOrEqual(SETTINGS_VERSION);
			expect(migrateSettings(JSON.parse(JSON.stringify(once)))).toEqual(once);
		}), { numRuns: 300 });
	});
});
