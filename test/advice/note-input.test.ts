import { describe, expect, it } from "vitest";
import { noteAdviceRequest, noteWorkload, parseBudget, parseNoteConfig } from "../../src/estimator/advice/note-input";
import { parseBlockSpec, type BlockSpec } from "../../src/estimator/block-spec";

const block = (src: string): BlockSpec => {
	const r = parseBlockSpec(src);
	if (!r.spec) throw new Error(JSON.stringify(r.issues));
	return r.spec;
};

describe("the gpufit property", () => {
	it("reads rig, budget, policy, default context and workload entries", () => {
		const c = parseNoteConfig({
			gpu: "RTX PRO 6000 Blackwell", count: 2, budget: "$12,500", policy: "unquantized", context: "32k",
			workload: [{ model: "Qwen3-30B-A3B", label: "support bot", context: "64k", users: 4, copies: 2 }, "Qwen3-8B", { model: "Qwen3-4B", concurrency: 3, resident: false }],
		});
		expect(c.issues).toEqual([]);
		expect(c.rig).toEqual({ gpu: "RTX PRO 6000 Blackwell", count: 2 });
		expect(c.budgetUsd).toBe(12500);
		expect(c.policy).toBe("released");
		expect(c.context).toBe(32768);
		expect(c.workload).toEqual([
			{ model: "Qwen3-30B-A3B", label: "support bot", context: 65536, users: 4, copies: 2, source: "property" },
			{ model: "Qwen3-8B", source: "property" },
			{ model: "Qwen3-4B", users: 3, resident: false, source: "property" },
		]);
	});

	it("says what is wrong and keeps the rest", () => {
		const c = parseNoteConfig({ gpu: "H100", count: "many", budgett: 5, policy: "fp3", workload: [{ users: 2 }, { model: "Qwen3-8B", copies: 99, colour: "red" }] });
		expect(c.rig).toEqual({ gpu: "H100" });
		expect(c.issues.join("\n")).toMatch(/gpufit.count must be a whole number/);
		expect(c.issues.join("\n")).toMatch(/Unknown key "budgett"/);
		expect(c.issues.join("\n")).toMatch(/gpufit.policy must be released, bf16, fp8 or int4/);
		expect(c.issues.join("\n")).toMatch(/gpufit.workload\[1\] needs `model: NAME`/);
		expect(c.issues.join("\n")).toMatch(/workload\[2\].copies must be a whole number of copies/);
		expect(c.issues.join("\n")).toMatch(/workload\[2\]: unknown key "colour"/);
		expect(c.workload).toEqual([{ model: "Qwen3-8B", source: "property" }]);
		expect(parseNoteConfig("RTX 4090").issues[0]).toMatch(/must be a mapping/);
		expect(parseNoteConfig(undefined)).toEqual({ workload: [], issues: [] });
	});

	it("budgets as people write them", () => {
		expect(parseBudget("10k")).toBe(10000);
		expect(parseBudget("$8,565")).toBe(8565);
		expect(parseBudget("12.5k USD")).toBe(12500);
		expect(parseBudget(9000)).toBe(9000);
		expect(parseBudget("a lot")).toBeUndefined();
		expect(parseBudget(-5)).toBeUndefined();
	});
});

describe("a note's workload", () => {
	it("property entries, then block models (one entry per model: largest context and concurrency), then mentions", () => {
		const w = noteWorkload({
			properties: { gpufit: { workload: [{ model: "Qwen3-30B", copies: 2 }] } },
			blocks: [block("model: Qwen3-30B\ncontext: 8k"), block("model: [Llama-3.3-70B, Qwen3-8B]\ncontext: 16k\nconcurrency: 2"), block("model: Qwen3-8B\nconcurrency: 8")],
			mentionedModels: ["mixtral-8x22b"],
		});
		expect(w).toEqual([
			{ model: "Qwen3-30B", copies: 2, source: "property" },
			{ model: "Llama-3.3-70B", source: "block", context: 16384, users: 2 },
			{ model: "Qwen3-8B", source: "block", context: 16384, users: 8 },
			{ model: "mixtral-8x22b", source: "mention" },
		]);
	});

	it("the request: the note's property wins over defaults, CLI overrides win over both", () => {
		const facts = { properties: { gpufit: { gpu: "H100", count: 2, policy: "fp8" } }, blocks: [], mentionedModels: ["qwen3-8b"] };
		const r = noteAdviceRequest(facts, { rig: { gpu: "RTX 4090", count: 1 }, policy: "released", date: "2026-11-29" });
		expect(r.request).toMatchObject({ rig: { gpu: "H100", count: 2 }, policy: "fp8", date: "2026-11-29", defaultContext: 8192 });
		const o = noteAdviceRequest(facts, { date: "2026-11-29" }, { rig: { count: 4 }, policy: "int4", budgetUsd: 5000 });
		expect(o.request).toMatchObject({ rig: { gpu: "H100", count: 4 }, policy: "int4", budgetUsd: 5000 });
		const none = noteAdviceRequest({ properties: {}, blocks: [], mentionedModels: [] }, { date: "2026-11-29" });
		expect(none.request).toBeUndefined();
		expect(none.issues.join(" ")).toMatch(/No rig/);
		const settings = noteAdviceRequest({ properties: {}, blocks: [], mentionedModels: ["qwen3-8b"] }, { rig: { gpu: "RTX 4090", count: 3 }, date: "2026-11-29" });
		expect(settings.request?.rig).toEqual({ gpu: "RTX 4090", count: 3 });
	});
});
