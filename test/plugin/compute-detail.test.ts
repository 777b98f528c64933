/**
 * Block → plain data in detail (found by mutation testing): the precision policy's edge cases and notes, the pair
 * limit's boundary, how a failed request is named, what the model carries besides tables, and "mine" spellings.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import type { FitTable } from "../../src/estimator/types";
import { applyPolicy, buildBlockModel, requestsFor } from "../../src/plugin/compute";
import { parseBlockSpec } from "../../src/estimator/block-spec";
import { defaultSettings } from "../../src/plugin/settings";
import { sampleTable } from "../render/sample";

const catalog = loadCatalog();
const withPolicy = (p: "unquantized" | "allow-fp8" | "allow-4bit") => Object.assign(defaultSettings(), { precision: p });

describe("the precision policy on a table", () => {
	const table: FitTable = sampleTable();
	it("allow-fp8 hides only the formats under 8 bits, one at a time counted in the note", () => {
		const t = applyPolicy(table, withPolicy("allow-fp8"));
		expect(t.rows.every((r) => r.bitsPerWeight >= 8)).toBe(true);
		const hidden = table.rows.length - t.rows.length;
		expect(hidden).toBeGreaterThan(0);
		expect(t.notes.at(-1)).toBe(`${hidden} lower-precision format${hidden === 1 ? "" : "s"} hidden by the precision policy (settings).`);
	});
	it("one format hidden is singular", () => {
		const one: FitTable = { ...table, rows: [table.rows[0] as FitTable["rows"][number], { ...(table.rows[0] as FitTable["rows"][number]), format: "low", bitsPerWeight: 4 }] };
		expect(applyPolicy({ ...one, rows: one.rows.map((r, i) => (i === 0 ? { ...r, bitsPerWeight: 16 } : r)) }, withPolicy("unquantized")).notes.at(-1)).toBe("1 lower-precision format hidden by the precision policy (settings).");
	});
	it("nothing meeting the policy shows every format, and says so; nothing hidden adds no note", () => {
		const low: FitTable = { ...table, rows: table.rows.map((r) => ({ ...r, bitsPerWeight: 4 })) };
		const t = applyPolicy(low, withPolicy("unquantized"));
		expect(t.rows).toHaveLength(low.rows.length);
		expect(t.notes.at(-1)).toBe("No format meets the precision policy; showing all formats.");
		const high: FitTable = { ...table, rows: table.rows.map((r) => ({ ...r, bitsPerWeight: 16 })) };
		expect(applyPolicy(high, withPolicy("unquantized"))).toBe(high);
	});
	it("the release format always stays, whatever its bits", () => {
		const t = applyPolicy(table, withPolicy("unquantized"), table.rows.at(-1)?.format);
		expect(t.rows.map((r) => r.format)).toContain(table.rows.at(-1)?.format);
	});
});

describe("the block model", () => {
	it("24 model × GPU pairs are computed; the 25th is refused", () => {
		const models = Array.from({ length: 4 }, (_, i) => `m${i}`).join(", ");
		const gpus = Array.from({ length: 6 }, (_, i) => `g${i}`).join(", ");
		const m = buildBlockModel(`model: [${models}]\ngpu: [${gpus}]`, catalog, defaultSettings(), computeFitTable);
		expect(m.specIssues).toEqual([]);
		expect(m.requestErrors).toHaveLength(24);
	});
	it("a failed request is named by its model alone on the rig, by model and GPU otherwise", () => {
		expect(buildBlockModel("model: Qwen4-9000B", catalog, defaultSettings(), computeFitTable).requestErrors[0]?.what).toBe("Qwen4-9000B");
		expect(buildBlockModel("model: Qwen4-9000B\ngpu: H100", catalog, defaultSettings(), computeFitTable).requestErrors[0]?.what).toBe("Qwen4-9000B on H100");
		const two = buildBlockModel("model: [Qwen4-9000B, Qwen3-8B]", catalog, defaultSettings(), computeFitTable);
		expect(two.requestErrors[0]?.what).toBe(`Qwen4-9000B on ${defaultSettings().rig.gpu}`);
		const thrown = buildBlockModel("model: Qwen3-8B", catalog, defaultSettings(), () => { throw new Error("boom"); });
		expect(thrown.requestErrors[0]).toEqual({ what: "Qwen3-8B", message: "boom", suggestions: [] });
	});
	it("carries `show`, the rig's GPU id and the backend of the request", () => {
		const m = buildBlockModel("model: Qwen3-8B\nshow: [format, verdict]", catalog, defaultSettings(), computeFitTable);
		expect(m.show).toEqual(["format", "verdict"]);
		expect(m.rigGpuId).toBeDefined();
		expect("show" in buildBlockModel("model: Qwen3-8B", catalog, defaultSettings(), computeFitTable)).toBe(false);
		const spec = parseBlockSpec("model: Qwen3-8B\nengine: llama.cpp\nbackend: vulkan").spec;
		if (!spec) throw new Error("spec");
		expect(requestsFor(spec, defaultSettings())[0]?.backend).toBe("vulkan");
		const plain = parseBlockSpec("model: Qwen3-8B").spec;
		if (!plain) throw new Error("spec");
		expect("backend" in (requestsFor(plain, defaultSettings())[0] ?? {})).toBe(false);
	});
	it("`mine` in any case and with spaces is the rig", () => {
		const spec = parseBlockSpec("model: Qwen3-8B\ngpu: [' MINE ', H100]").spec;
		if (!spec) throw new Error("spec");
		expect(requestsFor(spec, defaultSettings()).map((r) => r.gpu)).toEqual([defaultSettings().rig.gpu, "H100"]);
	});
});
