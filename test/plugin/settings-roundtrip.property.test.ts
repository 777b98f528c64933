/**
 * Settings of every valid shape survive loading: the current shape (with `version` and `rig`) comes back unchanged,
 * through data.json's JSON, field by field; earlier shapes keep every value they held. (The older property in
 * settings.test.ts feeds arbitrary JSON, which never has a `rig` or a `version`, so it only checks garbage → defaults.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KV_DTYPE_CHOICES, LIMITS } from "../../src/estimator/request";
import { ENGINE_IDS, SPLIT_MODES } from "../../src/estimator/types";
import { DEFAULT_SETTINGS, PRECISION_POLICIES, SETTINGS_VERSION, migrateSettings, type GpuFitSettings, type RigSettings } from "../../src/plugin/settings";
import { fcParams } from "../fc-params";

/** A name as the settings tab stores it: trimmed, not empty. */
const name = fc.string({ minLength: 1, maxLength: 24 }).map((s) => s.trim()).filter((s) => s.length > 0);
const rig: fc.Arbitrary<RigSettings> = fc.record({
	gpu: name,
	count: fc.integer({ min: 1, max: LIMITS.gpus }),
	split: fc.constantFrom(...SPLIT_MODES),
	engine: fc.constantFrom(...ENGINE_IDS),
	context: fc.integer({ min: 1, max: LIMITS.tokens }),
	kvDtype: fc.constantFrom(...KV_DTYPE_CHOICES),
});
const settings: fc.Arbitrary<GpuFitSettings> = fc.record({
	// A data.json written by a newer plugin keeps its number.
	version: fc.integer({ min: SETTINGS_VERSION, max: SETTINGS_VERSION + 3 }),
	rig,
	precision: fc.constantFrom(...PRECISION_POLICIES),
	indexTag: fc.oneof(fc.constant(""), name.filter((s) => !s.startsWith("#"))),
	feedbackFields: fc.uniqueArray(name, { minLength: 1, maxLength: 6 }),
	userCatalogFolder: fc.oneof(fc.constant(""), name.filter((s) => !s.startsWith("/") && !s.endsWith("/"))),
	warmStartCache: fc.boolean(),
});

describe("settings round-trip through migration", () => {
	it("property: every valid current-shape data.json loads back unchanged", () => {
		fc.assert(fc.property(settings, (s) => {
			const loaded = migrateSettings(JSON.parse(JSON.stringify(s)));
			expect(loaded).toEqual(s);
			// And loading what we saved is a fixed point.
			expect(migrateSettings(JSON.parse(JSON.stringify(loaded)))).toEqual(loaded);
		}), fcParams({ numRuns: 300 }));
	});

	it("each rig field survives on its own (split, engine, count, context, KV type, GPU)", () => {
		for (const split of SPLIT_MODES) expect(migrateSettings({ version: 2, rig: { split } }).rig.split).toBe(split);
		for (const engine of ENGINE_IDS) expect(migrateSettings({ version: 2, rig: { engine } }).rig.engine).toBe(engine);
		for (const kvDtype of KV_DTYPE_CHOICES) expect(migrateSettings({ version: 2, rig: { kvDtype } }).rig.kvDtype).toBe(kvDtype);
		expect(migrateSettings({ version: 2, rig: { count: LIMITS.gpus, context: LIMITS.tokens, gpu: "B200" } }).rig).toEqual({ ...DEFAULT_SETTINGS.rig, count: LIMITS.gpus, context: LIMITS.tokens, gpu: "B200" });
	});

	it("property: a v1 data.json keeps its rig, policy, tag and fields", () => {
		const v1 = fc.record({
			rig: fc.record({ gpu: name, count: fc.integer({ min: 1, max: LIMITS.gpus }), engine: fc.constantFrom(...ENGINE_IDS), context: fc.integer({ min: 1, max: LIMITS.tokens }) }),
			quantization: fc.constantFrom("none", "fp8", "int4"),
			seriesTag: name.filter((s) => !s.startsWith("#")),
			feedbackFields: fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
		});
		fc.assert(fc.property(v1, (old) => {
			const s = migrateSettings(JSON.parse(JSON.stringify({ version: 1, ...old })));
			expect(s.version).toBe(SETTINGS_VERSION);
			expect(s.rig).toEqual({ ...DEFAULT_SETTINGS.rig, ...old.rig });
			expect(s.precision).toBe({ none: "unquantized", fp8: "allow-fp8", int4: "allow-4bit" }[old.quantization]);
			expect(s.indexTag).toBe(old.seriesTag);
			expect(s.feedbackFields).toEqual(old.feedbackFields);
		}), fcParams({ numRuns: 200 }));
	});

	it("property: a v0 flat data.json keeps its GPU, count, engine, context, quantization choice, tag and fields", () => {
		const field = name.filter((s) => !s.includes(","));
		const v0 = fc.record({
			gpu: name, gpuCount: fc.integer({ min: 1, max: LIMITS.gpus }), engine: fc.constantFrom(...ENGINE_IDS),
			defaultContext: fc.integer({ min: 1, max: LIMITS.tokens }), allowQuantized: fc.boolean(), tag: name.filter((s) => !s.startsWith("#")),
			feedbackFields: fc.uniqueArray(field, { minLength: 1, maxLength: 4 }),
		});
		fc.assert(fc.property(v0, (old) => {
			const s = migrateSettings(JSON.parse(JSON.stringify({ ...old, feedbackFields: old.feedbackFields.join(", ") })));
			expect(s.rig).toEqual({ ...DEFAULT_SETTINGS.rig, gpu: old.gpu, count: old.gpuCount, engine: old.engine, context: old.defaultContext });
			expect(s.precision).toBe(old.allowQuantized ? "allow-4bit" : "unquantized");
			expect(s.indexTag).toBe(old.tag);
			expect(s.feedbackFields).toEqual(old.feedbackFields);
		}), fcParams({ numRuns: 200 }));
	});

	it("property: loading is idempotent on values as typed (spaces, a leading #, slashes around a folder)", () => {
		const typed = fc.record({
			version: fc.constant(SETTINGS_VERSION),
			rig: fc.record({ gpu: fc.string({ maxLength: 12 }), count: fc.oneof(fc.integer({ min: -2, max: 2000 }), fc.string({ maxLength: 5 })) }),
			indexTag: fc.stringMatching(/^[ #]{0,3}[a-zA-Z_ ]{0,8}$/),
			userCatalogFolder: fc.stringMatching(/^[ /]{0,3}[a-z/ ]{0,8}[ /]{0,3}$/),
			feedbackFields: fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 })),
		});
		fc.assert(fc.property(typed, (raw) => {
			const once = migrateSettings(raw);
			expect(migrateSettings(JSON.parse(JSON.stringify(once)))).toEqual(once);
		}), fcParams({ numRuns: 300 }));
	});
});
