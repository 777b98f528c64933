/**
 * Reading data.json: the shape decides the migration, problems are reported and kept in the file until the user
 * changes that setting, every valid file round-trips unchanged, and nothing in the file reaches a prototype.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KV_DTYPE_CHOICES, LIMITS } from "../../src/estimator/request";
import { ENGINE_IDS, SPLIT_MODES } from "../../src/estimator/types";
import {
	DEFAULT_SETTINGS, PRECISION_POLICIES, SETTINGS_VERSION, defaultSettings, readSettings, settingsData, shapeOf,
} from "../../src/plugin/settings";

const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8"));
const V2 = {
	rig: { gpu: "H200", count: 2, split: "layer", engine: "llama.cpp", context: 65536, kvDtype: "q8_0" },
	precision: "unquantized", indexTag: "S13_Hardware", feedbackFields: ["FeedbackLoop"], userCatalogFolder: "Hardware/catalog", warmStartCache: false,
};

describe("the shape decides the migration", () => {
	it.each([
		["data-v2-string-version.json", "v2"],
		["data-v2-no-version.json", "v2"],
		["data-v0-flat.json", "v0"],
		["data-v1.json", "v1"],
		["data-v3-future.json", "newer"],
		["data-null.json", "empty"],
	])("%s is read as %s", (name, shape) => {
		expect(shapeOf(fixture(name))).toBe(shape);
	});

	it('version "2" (a string) and a v2 file without a version keep every setting', () => {
		for (const name of ["data-v2-string-version.json", "data-v2-no-version.json"]) {
			const read = readSettings(fixture(name));
			expect(read.problems).toEqual([]);
			expect(read.settings).toEqual({ version: 2, ...V2 });
		}
	});

	it("a v2-shaped file that says version 1 or 0 is not migrated as an old one", () => {
		expect(readSettings({ ...V2, version: 1 }).settings).toEqual({ version: 2, ...V2 });
		expect(readSettings({ ...V2, version: 0 }).settings).toEqual({ version: 2, ...V2 });
	});

	it("a v1-shaped file that says version 2 is still migrated from v1", () => {
		const s = readSettings({ version: 2, rig: { gpu: "H100", count: 4 }, quantization: "fp8", seriesTag: "S13" }).settings;
		expect(s).toMatchObject({ precision: "allow-fp8", indexTag: "S13", rig: { gpu: "H100", count: 4 } });
	});
});

describe("values that cannot be used are reported and kept, not silently reset", () => {
	it("out-of-range values: a problem each, the defaults in use, the stored values written back until changed", () => {
		const raw = fixture("data-v2-out-of-range.json") as Record<string, unknown>;
		const read = readSettings(raw);
		expect(read.problems.map((p) => [p.path, p.message])).toEqual([
			["rig.count", "GPU count is too large: at most 1,024 GPUs (got 5000). Using 1 until you change it."],
			["rig.context", "Default context is too large: at most 10,000,000 tokens (got 20000000). Using 8192 until you change it."],
		]);
		expect(read.settings.rig).toMatchObject({ count: 1, context: 8192, gpu: "H100" });
		// Saved after an unrelated change: the file keeps what it held, including the key this version does not know.
		expect(settingsData(read.settings, read, new Set(["precision"]))).toEqual(raw);
		// Once the user changes the count, the new value is written; the context keeps its stored value.
		const changed = { ...read.settings, rig: { ...read.settings.rig, count: 4 } };
		expect(settingsData(changed, read, new Set(["rig.count"]))).toEqual({ ...raw, rig: { ...(raw.rig as object), count: 4 } });
	});

	it("wrong types are reported with what was found", () => {
		const read = readSettings(fixture("data-v2-garbage.json"));
		expect(read.problems.map((p) => p.path)).toEqual([
			"rig.gpu", "rig.count", "rig.split", "rig.engine", "rig.context", "rig.kvDtype", "precision", "indexTag", "feedbackFields", "warmStartCache",
		]);
		expect(read.problems.find((p) => p.path === "warmStartCache")?.message).toBe('Warm-start cache must be true or false (got "yes"). Using true until you change it.');
		expect(read.problems.find((p) => p.path === "rig.engine")?.message).toMatch(/^Engine must be one of vllm, llama\.cpp, transformers \(got "tgi"\)/);
	});

	it("data.json holding something other than settings is reported", () => {
		expect(readSettings("just a string").problems[0]?.message).toMatch(/data\.json holds "just a string", not settings/);
		expect(readSettings([1, 2, 3]).problems[0]?.message).toMatch(/holds a list of 3 entries/);
		expect(readSettings(null).problems).toEqual([]);
	});
});

describe("null prototypes", () => {
	it("__proto__ and constructor keys in data.json stay data", () => {
		const raw = JSON.parse('{"version":2,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"rig":{"__proto__":{"polluted":true},"count":2}}') as unknown;
		const read = readSettings(raw);
		expect(Object.getPrototypeOf(read.settings)).toBeNull();
		expect(Object.getPrototypeOf(read.settings.rig)).toBeNull();
		expect(read.settings.rig.count).toBe(2);
		const out = settingsData(read.settings, read);
		expect(Object.getPrototypeOf(out)).toBeNull();
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect((read.settings as unknown as Record<string, unknown>).polluted).toBeUndefined();
		// Kept as data for the file, as it was.
		const written = JSON.stringify(out);
		expect(written).toContain('"__proto__":{"polluted":true}');
		expect(written).toContain('"constructor":{"prototype":{"polluted":true}}');
		expect(written).toMatch(/"rig":\{"__proto__":\{"polluted":true\},/);
	});
});

/** Valid settings of every shape this version writes: canonical values, as the settings tab stores them. */
const validSettings = fc.record({
	version: fc.constant(SETTINGS_VERSION),
	rig: fc.record({
		gpu: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== ""),
		count: fc.integer({ min: 1, max: LIMITS.gpus }),
		split: fc.constantFrom(...SPLIT_MODES),
		engine: fc.constantFrom(...ENGINE_IDS),
		context: fc.integer({ min: 1, max: LIMITS.tokens }),
		kvDtype: fc.constantFrom(...KV_DTYPE_CHOICES),
	}),
	precision: fc.constantFrom(...PRECISION_POLICIES),
	indexTag: fc.string({ maxLength: 30 }).filter((s) => s.trim() === s && !s.startsWith("#")),
	feedbackFields: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== "" && !s.includes(",")), { minLength: 1, maxLength: 5 }),
	userCatalogFolder: fc.string({ maxLength: 30 }).filter((s) => s.trim() === s && !s.startsWith("/") && !s.endsWith("/")),
	warmStartCache: fc.boolean(),
});

describe("old data.json fixtures and generated settings round-trip", () => {
	it("property: any valid settings file reads without problems and is written back unchanged", () => {
		fc.assert(fc.property(validSettings, fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !["version", "rig", "precision", "indexTag", "feedbackFields", "userCatalogFolder", "warmStartCache"].includes(k)), fc.jsonValue(), { maxKeys: 3 }), (valid, extra) => {
			const file = JSON.parse(JSON.stringify({ ...extra, ...valid })) as unknown;
			const read = readSettings(file);
			expect(read.problems).toEqual([]);
			expect(read.settings).toEqual(valid);
			expect(JSON.parse(JSON.stringify(settingsData(read.settings, read))) as unknown).toEqual(file);
		}), { numRuns: 300 });
	});

	it.each(["data-v2-string-version.json", "data-v2-no-version.json", "data-v3-future.json"])("%s is written back with the same settings", (name) => {
		const raw = fixture(name) as Record<string, unknown>;
		const read = readSettings(raw);
		const again = readSettings(JSON.parse(JSON.stringify(settingsData(read.settings, read))));
		expect(again.settings).toEqual(read.settings);
		expect(again.problems).toEqual([]);
		if (name === "data-v3-future.json") expect(settingsData(read.settings, read)).toEqual(raw);
	});

	it("old shapes are migrated to v2 and then stable", () => {
		for (const name of ["data-v0-flat.json", "data-v1.json"]) {
			const read = readSettings(fixture(name));
			const data = JSON.parse(JSON.stringify(settingsData(read.settings, read))) as unknown;
			expect(shapeOf(data)).toBe("v2");
			expect(readSettings(data).settings).toEqual(read.settings);
		}
	});

	it("the defaults themselves are valid and round-trip", () => {
		const read = readSettings(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)));
		expect(read.problems).toEqual([]);
		expect(read.settings).toEqual(defaultSettings());
	});
});
