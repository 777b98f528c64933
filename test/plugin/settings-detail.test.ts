/**
 * Settings reading in detail (found by mutation testing: each case below could change without a test failing):
 * which keys decide a file's shape, how each old shape maps to today's settings, the exact problem a bad value
 * reports, the limits of each text setting, and what is written back.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, defaultSettings, minBitsFor, readSettings, settingsData, shapeOf } from "../../src/plugin/settings";

const messages = (loaded: unknown) => readSettings(loaded).problems.map((p) => `${p.path}|${p.label}|${p.message}`);

describe("the shape of a data.json", () => {
	it.each(["gpu", "gpuCount", "count", "engine", "defaultContext", "context", "allowQuantized", "tag"])("a flat file with only %s is v0", (key) => {
		expect(shapeOf({ [key]: "x" })).toBe("v0");
	});
	it.each(["quantization", "seriesTag"])("%s makes it v1", (key) => {
		expect(shapeOf({ [key]: "x", gpu: "H100" })).toBe("v1");
	});
	it.each(["precision", "indexTag", "userCatalogFolder", "warmStartCache"])("%s makes it v2, even beside v1 keys", (key) => {
		expect(shapeOf({ [key]: "x", quantization: "fp8" })).toBe("v2");
	});
	it("a rig with split or kvDtype is v2 beside v1 keys; a rig without them is v1 there, v2 beside v0 keys", () => {
		expect(shapeOf({ quantization: "fp8", rig: { split: "layer" } })).toBe("v2");
		expect(shapeOf({ quantization: "fp8", rig: { kvDtype: "fp8" } })).toBe("v2");
		expect(shapeOf({ quantization: "fp8", rig: { gpu: "H100" } })).toBe("v1");
		expect(shapeOf({ gpu: "H100", rig: { gpu: "H100" } })).toBe("v2");
		expect(shapeOf({})).toBe("v2");
		expect(shapeOf("settings")).toBe("empty");
		expect(shapeOf(null)).toBe("empty");
	});
	it("version says only whether a file is newer: a whole number of 1–4 digits, as a number or text", () => {
		expect(shapeOf({ version: 3 })).toBe("newer");
		expect(shapeOf({ version: " 3 " })).toBe("newer");
		expect(shapeOf({ version: "22" })).toBe("newer");
		expect(shapeOf({ version: "4444" })).toBe("newer");
		expect(shapeOf({ version: "3x", gpu: "H100" })).toBe("v0");
		expect(shapeOf({ version: "x3", gpu: "H100" })).toBe("v0");
		expect(shapeOf({ version: "33333", gpu: "H100" })).toBe("v0");
		expect(shapeOf({ version: 3.5, gpu: "H100" })).toBe("v0");
		expect(shapeOf({ version: -3, gpu: "H100" })).toBe("v0");
		expect(shapeOf({ version: 2, gpu: "H100" })).toBe("v0");
		expect(readSettings({ version: "7", rig: {} }).settings.version).toBe(7);
		expect(readSettings({ version: 0, precision: "allow-fp8" }).settings.version).toBe(2);
	});
});

describe("old shapes at today's paths", () => {
	it("v0: allowQuantized false / true / absent, tag, gpuCount before count, defaultContext before context", () => {
		expect(readSettings({ gpu: "H100", allowQuantized: false }).settings.precision).toBe("unquantized");
		expect(readSettings({ gpu: "H100", allowQuantized: true }).settings.precision).toBe("allow-4bit");
		expect(readSettings({ gpu: "H100", allowQuantized: true }).problems).toEqual([]);
		expect(readSettings({ gpu: "H100" }).settings.precision).toBe(DEFAULT_SETTINGS.precision);
		const s = readSettings({ gpu: " H100 ", gpuCount: 4, count: 2, defaultContext: 4096, context: 2048, engine: "llama.cpp", tag: "#S13_Hardware" }).settings;
		expect([s.rig.gpu, s.rig.count, s.rig.context, s.rig.engine, s.indexTag]).toEqual(["H100", 4, 4096, "llama.cpp", "S13_Hardware"]);
		const t = readSettings({ gpu: "H100", count: 2, context: 2048 }).settings;
		expect([t.rig.count, t.rig.context]).toEqual([2, 2048]);
	});
	it("v1: quantization none / fp8 / int4, anything else reported; seriesTag is the index tag", () => {
		expect(readSettings({ quantization: "none" }).settings.precision).toBe("unquantized");
		expect(readSettings({ quantization: "fp8" }).settings.precision).toBe("allow-fp8");
		expect(readSettings({ quantization: "int4" }).settings.precision).toBe("allow-4bit");
		for (const q of ["none", "fp8", "int4"]) expect(readSettings({ quantization: q }).problems).toEqual([]);
		const bad = readSettings({ quantization: "int3", seriesTag: "S13" });
		expect(bad.settings.indexTag).toBe("S13");
		expect(bad.problems.map((p) => [p.path, p.label])).toEqual([["precision", "Precision policy"]]);
		expect(bad.problems[0]?.message).toMatch(/^Precision policy .*int3.*Using "allow-4bit" until you change it\.$/);
	});
	it("keys this version does not know are kept for v2 and newer files (top and rig), not for older shapes", () => {
		expect(readSettings({ precision: "allow-fp8", note: 1, rig: { gpu: "H100", fan: 2 } }).unknown).toEqual({ top: Object.assign(Object.create(null) as object, { note: 1 }), rig: Object.assign(Object.create(null) as object, { fan: 2 }) });
		expect(readSettings({ version: 9, note: 1 }).unknown.top).toEqual(Object.assign(Object.create(null) as object, { note: 1 }));
		expect(Object.keys(readSettings({ gpu: "H100", note: 1 }).unknown.top)).toEqual([]);
		expect(Object.keys(readSettings({ quantization: "fp8", note: 1 }).unknown.top)).toEqual([]);
	});
});

describe("the problem each bad value reports", () => {
	it("a data.json that is not an object: one problem, defaults; nothing at all: no problem", () => {
		expect(messages("x")).toHaveLength(1);
		expect(messages("x")[0]).toMatch(/^\|Settings\|data\.json holds .*x.*, not settings; the defaults are used\.$/);
		expect(readSettings(null).problems).toEqual([]);
		expect(readSettings(undefined).problems).toEqual([]);
		expect(readSettings(undefined).settings).toEqual(defaultSettings());
	});
	it("GPU: empty, not text, too long — each names the default it falls back to", () => {
		expect(messages({ rig: { gpu: "   " } })).toEqual(['rig.gpu|GPU|GPU must be a GPU name (got an empty value). Using "RTX PRO 6000 Blackwell" until you change it.']);
		expect(messages({ rig: { gpu: 42 } })[0]).toMatch(/^rig\.gpu\|GPU\|GPU must be text \(got .*42.*\)\. Using "RTX PRO 6000 Blackwell" until you change it\.$/);
		expect(messages({ rig: { gpu: "x".repeat(201) } })[0]).toMatch(/^rig\.gpu\|GPU\|GPU must be text of at most 200 characters \(got /);
		expect(readSettings({ rig: { gpu: "x".repeat(200) } }).problems).toEqual([]);
	});
	it("text settings: limits, cleaning, and the default named as shown", () => {
		expect(readSettings({ indexTag: "  ##S13 " }).settings.indexTag).toBe("S13");
		expect(messages({ indexTag: "x".repeat(201) })[0]).toMatch(/^indexTag\|Index tag\|Index tag must be text of at most 200 characters .* Using none until you change it\.$/);
		expect(readSettings({ userCatalogFolder: " /a/b/ " }).settings.userCatalogFolder).toBe("a/b");
		expect(readSettings({ userCatalogFolder: "a".repeat(1000) }).problems).toEqual([]);
		expect(messages({ userCatalogFolder: "a".repeat(1001) })[0]).toMatch(/^userCatalogFolder\|User catalog folder\|User catalog folder must be text of at most 1,000 characters/);
		expect(messages({ warmStartCache: "yes" })[0]).toMatch(/^warmStartCache\|Warm-start cache\|Warm-start cache must be true or false \(got .*yes.*\)\. Using true until you change it\.$/);
	});
	it("feedback fields: text or a list of up to 200 names of up to 200 characters; empty means the defaults", () => {
		expect(readSettings({ feedbackFields: "A, B,,A" }).settings.feedbackFields).toEqual(["A", "B"]);
		expect(readSettings({ feedbackFields: [" A ", "B"] }).settings.feedbackFields).toEqual(["A", "B"]);
		expect(readSettings({ feedbackFields: [] }).settings.feedbackFields).toEqual(["FeedbackLoop", "SignalAmplification"]);
		expect(readSettings({ feedbackFields: "" }).settings.feedbackFields).toEqual(["FeedbackLoop", "SignalAmplification"]);
		expect(readSettings({ feedbackFields: Array.from({ length: 200 }, (_, i) => `F${i}`) }).settings.feedbackFields).toHaveLength(200);
		expect(readSettings({ feedbackFields: ["x".repeat(200)] }).problems).toEqual([]);
		for (const bad of [Array.from({ length: 201 }, (_, i) => `F${i}`), ["x".repeat(201)], ["A", 3], ["A", ["B"]], 7]) {
			expect(messages({ feedbackFields: bad })[0]).toMatch(/^feedbackFields\|Feedback fields\|Feedback fields must be field names \(got .*\)\. Using FeedbackLoop, SignalAmplification until you change it\.$/);
		}
	});
});

describe("what is written back", () => {
	it("values that could not be used stay in the file until that setting is touched; a whole-file problem writes nothing", () => {
		const read = readSettings({ precision: "bogus", rig: { count: "many", gpu: "H100" }, indexTag: 5 });
		const out = settingsData(read.settings, read, new Set(["indexTag"]));
		expect(out.precision).toBe("bogus");
		expect((out.rig as Record<string, unknown>).count).toBe("many");
		expect(out.indexTag).toBe("");
		// A top-level problem goes back at the top level only.
		expect(Object.keys(out.rig as object).sort()).toEqual(["context", "count", "engine", "gpu", "kvDtype", "split"]);
		const whole = readSettings("x");
		expect(Object.keys(settingsData(whole.settings, whole))).not.toContain("");
	});
	it("defaults: no index tag, no catalog folder; a policy's minimum bits", () => {
		expect([DEFAULT_SETTINGS.indexTag, DEFAULT_SETTINGS.userCatalogFolder]).toEqual(["", ""]);
		expect([minBitsFor("unquantized"), minBitsFor("allow-fp8"), minBitsFor("allow-4bit")]).toEqual([16, 8, 0]);
	});
});
