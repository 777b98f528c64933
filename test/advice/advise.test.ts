import { describe, expect, it } from "vitest";
import { computeAdvice } from "../../src/estimator/advice/advise";
import type { AdviceOption, AdviceRequest, AdviceResult } from "../../src/estimator/advice/types";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";

const catalog = loadCatalog();
const RIG = { gpu: "RTX PRO 6000 Blackwell", count: 1 };
const VARIANTS = { model: "Qwen3-30B-A3B", copies: 2, context: 32768, users: 4, label: "fine-tunes" };

function advise(r: Partial<AdviceRequest> & Pick<AdviceRequest, "workload">): AdviceResult {
	const res = computeAdvice(catalog, { rig: RIG, date: "2026-11-29", ...r });
	if (!res.ok) throw new Error(res.error.message);
	return res.value;
}
const option = (a: AdviceResult, id: string): AdviceOption => {
	const o = a.options.find((x) => x.id === id);
	if (!o) throw new Error(`no option ${id}: ${a.options.map((x) => x.id).join(", ")}`);
	return o;
};

describe("scaling advice: options", () => {
	it("offers every kind: keep, add identical, replace, add different, wait", () => {
		const a = advise({ workload: [VARIANTS], date: "2025-08-11" });
		const kinds = new Set(a.options.map((o) => o.kind));
		expect([...kinds].sort()).toEqual(["add-different", "add-identical", "keep", "replace", "wait"]);
		expect(a.options.filter((o) => o.kind === "add-identical").map((o) => o.id)).toEqual(["add-identical-1", "add-identical-2", "add-identical-3"]);
		expect(a.options.map((o) => o.rank)).toEqual(a.options.map((_, i) => i + 1));
	});

	it("two BF16 variants do not fit one 96 GB card; a second identical card holds one each", () => {
		const a = advise({ workload: [VARIANTS] });
		const keep = option(a, "keep");
		expect(keep.residentFits).toBe(false);
		expect(keep.fits[0]?.why).toMatch(/1 of 2 copies do not fit/);
		const add = option(a, "add-identical-1");
		expect(add.residentFits).toBe(true);
		expect(add.fits[0]?.placement).toEqual(["GPU 1", "GPU 2"]);
		expect(a.recommendation.optionId).toBe("add-identical-1");
		expect(a.recommendation.reasons.join(" ")).toMatch(/holds the whole workload at once/);
		expect(a.recommendation.reasons.join(" ")).toMatch(/Your current rig does not/);
	});

	it("numbers come from the fit table: one copy alone on a card decodes as computeFitTable says", () => {
		const a = advise({ workload: [{ model: "Qwen3-30B-A3B", context: 32768, users: 4 }] });
		const table = computeFitTable(catalog, { model: "qwen3-30b-a3b", gpu: "rtx-pro-6000-blackwell", context: 32768, concurrency: 4, quant: ["bf16"] });
		if (!table.ok) throw new Error(table.error.message);
		const keep = option(a, "keep");
		expect(keep.aggregateDecodeTokensPerSecond).toBe(table.value.rows[0]?.aggregateDecodeTokensPerSecond);
		expect(a.recommendation.optionId).toBe("keep");
		expect(a.recommendation.reasons.join(" ")).toMatch(/nothing to buy/);
	});

	it("co-resident copies on one device share its bandwidth", () => {
		const one = advise({ workload: [{ model: "Qwen3-8B", context: 8192, users: 1 }] });
		const two = advise({ workload: [{ model: "Qwen3-8B", context: 8192, users: 1, copies: 2 }] });
		const k1 = option(one, "keep");
		const k2 = option(two, "keep");
		expect(k2.residentFits).toBe(true);
		expect(k2.fits[0]?.placement).toEqual(["GPU 1", "GPU 1"]);
		expect(k2.perUserDecodeTokensPerSecond).toBeCloseTo(k1.perUserDecodeTokensPerSecond / 2, 0);
		// A second card gives each copy its own bandwidth back.
		expect(option(two, "add-identical-1").perUserDecodeTokensPerSecond).toBeCloseTo(k1.perUserDecodeTokensPerSecond, 0);
	});

	it("a model too large for one card is split across identical cards (tensor parallel where heads divide)", () => {
		const a = advise({ workload: [{ model: "Llama-3.3-70B", context: 8192 }] });
		expect(option(a, "keep").residentFits).toBe(false);
		const add = option(a, "add-identical-1");
		expect(add.residentFits).toBe(true);
		expect(add.fits[0]?.placement[0]).toMatch(/GPU 1 \+ GPU 2 \(tensor parallel\)/);
		expect(add.fits[0]?.formatName).toBe("BF16");
	});

	it("more sessions fit with more memory", () => {
		const a = advise({ workload: [{ model: "Qwen3-30B-A3B", context: 32768, users: 2 }] });
		expect(option(a, "add-identical-1").maxSessions).toBeGreaterThan(option(a, "keep").maxSessions);
		expect(option(a, "keep").maxSessions).toBeGreaterThanOrEqual(2);
	});
});

describe("scaling advice: policy", () => {
	it("released and bf16 agree; allowing FP8 lets the rig hold both variants", () => {
		// At 16K: two FP8 copies with vLLM's per-instance runtime (each profiles its own 1024-sequence sampler pass)
		// leave room for 4 users each on one RTX PRO 6000; at 32K they no longer do.
		const variants = { ...VARIANTS, context: 16384 };
		const released = advise({ workload: [variants], policy: "released" });
		const bf16 = advise({ workload: [variants], policy: "bf16" });
		expect(bf16.recommendation.optionId).toBe(released.recommendation.optionId);
		const fp8 = advise({ workload: [variants], policy: "fp8" });
		expect(fp8.recommendation.optionId).toBe("keep");
		expect(option(fp8, "keep").fits[0]?.formatName).toMatch(/FP8/);
		expect(released.whatWouldChange.join(" ")).toMatch(/Allowing 8-bit quantization changes the answer to: Keep/);
	});

	it("gpt-oss-120b as released fits the rig (unquantized never means BF16 for it)", () => {
		for (const policy of ["released", "bf16"] as const) {
			const a = advise({ workload: [{ model: "gpt-oss-120b" }], policy });
			expect(option(a, "keep").residentFits, policy).toBe(true);
			expect(option(a, "keep").fits[0]?.format).toBe("mxfp4");
		}
	});

	it("steps down only the model that needs it; a model that fits nowhere does not drag others to 4-bit", () => {
		const a = advise({ workload: [{ model: "Qwen3-8B" }, { model: "DeepSeek-V3" }], policy: "int4" });
		const keep = option(a, "keep");
		expect(keep.fits.find((f) => f.model === "Qwen3-8B")?.format).toBe("bf16");
		expect(keep.fits.find((f) => f.model === "DeepSeek-V3")?.fits).toBe(false);
	});
});

describe("scaling advice: budget, prices, dates", () => {
	it("a budget below every fitting option: the recommendation says it is over budget", () => {
		const a = advise({ workload: [VARIANTS], budgetUsd: 1000 });
		const best = a.options[0];
		expect(best?.withinBudget).toBe(false);
		expect(a.recommendation.reasons.join(" ")).toMatch(/over your \$1,000 budget/);
	});

	it("a budget ranks options within it first", () => {
		const a = advise({ workload: [VARIANTS], budgetUsd: 9000 });
		expect(a.options[0]?.withinBudget).toBe(true);
		expect(a.options[0]?.costUsd).toBeLessThanOrEqual(9000);
		const over = a.options.findIndex((o) => o.withinBudget === false && o.residentFits && o.kind !== "wait");
		const within = a.options.findIndex((o) => o.withinBudget === true && o.residentFits);
		expect(within).toBeLessThan(over);
	});

	it("a part without a price says so and ranks after priced ones of the same standing", () => {
		const a = advise({ workload: [VARIANTS] });
		const maxq = option(a, "add-different-rtx-pro-6000-blackwell-max-q-x1");
		expect(maxq.costUsd).toBeNull();
		expect(maxq.costPerUsableGiB).toBeNull();
		expect(maxq.notes.join(" ")).toMatch(/price unknown/);
		const identical = option(a, "add-identical-1");
		expect(identical.rank).toBeLessThan(maxq.rank);
	});

	it("the date changes the answer where the catalog says it should", () => {
		const aug = advise({ workload: [VARIANTS], date: "2025-08-11" });
		const nov = advise({ workload: [VARIANTS], date: "2026-11-29" });
		// DGX Spark: a wait option in August 2025 (announced, slipping), bought outright in November 2026.
		expect(aug.options.some((o) => o.id.startsWith("wait-dgx-spark"))).toBe(true);
		expect(aug.options.some((o) => o.id.startsWith("add-different-dgx-spark"))).toBe(false);
		expect(nov.options.some((o) => o.id.startsWith("add-different-dgx-spark"))).toBe(true);
		expect(nov.options.some((o) => o.id.startsWith("wait-dgx-spark"))).toBe(false);
		// MI355X announced then, shipping (datacenter) now; prices move with the date.
		expect(aug.options.some((o) => o.id.startsWith("wait-mi355x"))).toBe(true);
		expect(option(aug, "add-identical-1").costUsd).toBe(8565);
		expect(option(nov, "add-identical-1").costUsd).toBe(8600);
		const wait = aug.options.find((o) => o.id.startsWith("wait-dgx-spark"));
		expect(wait?.availableFrom).toBe("2025-H2");
	});

	it("a part whose expected date has passed is not offered as future", () => {
		const a = advise({ workload: [VARIANTS], date: "2027-03-01" });
		expect(a.options.some((o) => o.id.startsWith("wait-rubin-x"))).toBe(false);
		expect(a.notes.join(" ")).toMatch(/Rubin \(R200 \/ VR200\) was expected H2 2026 and has no shipping record/);
	});

	it("datacenter parts carry their practical constraints", () => {
		const a = advise({ workload: [{ model: "DeepSeek-V3" }] });
		const h200 = a.options.find((o) => o.id.startsWith("replace-h200-sxm"));
		expect(h200?.drawbacks.join(" ")).toMatch(/needs a datacenter server/);
		expect(h200?.notes.join(" ")).toMatch(/8-GPU baseboards/);
		expect(a.whatWouldChange.join(" ")).toMatch(/DeepSeek-V3/);
	});
});

describe("scaling advice: input", () => {
	it("bad input comes back as a clear error, never a throw", () => {
		const r1 = computeAdvice(catalog, { rig: { gpu: "RTX 9090", count: 1 }, workload: [{ model: "Qwen3-8B" }], date: "2026-11-29" });
		expect(r1.ok).toBe(false);
		if (!r1.ok) expect(r1.error.message).toMatch(/Unknown GPU "RTX 9090"/);
		const r2 = computeAdvice(catalog, { rig: RIG, workload: [{ model: "Qwen3-8B" }], date: "29.11.2026" });
		expect(!r2.ok && r2.error.message).toMatch(/date must be a calendar day/);
		const r3 = computeAdvice(catalog, { rig: RIG, workload: [], date: "2026-11-29" });
		expect(!r3.ok && r3.error.message).toMatch(/workload is empty/);
		const r4 = computeAdvice(catalog, { rig: { ...RIG, count: 0 }, workload: [{ model: "Qwen3-8B" }], date: "2026-11-29" });
		expect(r4.ok).toBe(false);
		const r5 = computeAdvice(catalog, { rig: RIG, workload: [{ model: "Qwen4-9000B" }], date: "2026-11-29" });
		expect(!r5.ok && r5.error.message).toMatch(/No usable workload: Unknown model/);
	});

	it("unknown names in a larger workload are reported, the rest still advised", () => {
		const a = advise({ workload: [{ model: "Qwen3-8B" }, { model: "Qwen4-9000B" }] });
		expect(a.notes.join(" ")).toMatch(/Unknown model "Qwen4-9000B"/);
		expect(a.workload.map((e) => e.modelId)).toEqual(["qwen3-8b"]);
	});

	it("a workload of mentions only: each must run on its own", () => {
		const a = advise({ workload: [{ model: "Mixtral-8x22B", source: "mention" }, { model: "Qwen3-8B", source: "mention" }] });
		expect(a.options[0]?.othersFit).toBe(2);
		expect(option(a, "keep").othersFit).toBe(1);
	});

	it("mentions only: no speed comparisons (there is no workload running at once to be fast or slow), and the cheaper option named is one that runs as many mentioned models", () => {
		const a = advise({ workload: [{ model: "Mixtral-8x22B", source: "mention" }, { model: "Qwen3-30B-A3B", source: "mention" }, { model: "Yi-34B", source: "mention" }] });
		const text = [...a.recommendation.reasons, ...a.whatWouldChange].join("\n");
		expect(text).not.toMatch(/0\.0 tok\/s/);
		expect(text).not.toMatch(/per-user speed matters|If you accept that/);
		expect(text).not.toMatch(/would hold the workload/);
		const best = a.options[0];
		if (!best) throw new Error("no options");
		const cheaper = /The cheapest option that also runs as many of the mentioned models \((\d+)\) falls short elsewhere: (.+?) \(\$/.exec(text);
		if (cheaper) {
			const named = a.options.find((o) => o.label === cheaper[2]);
			expect(named?.othersFit).toBeGreaterThanOrEqual(Number(cheaper[1]));
		} else expect(text).toMatch(/No cheaper option that can be bought now runs as many of the mentioned models/);
		// The rig as it is runs fewer of them, so it is not offered as "also holds it".
		expect(text).not.toMatch(/also holds it falls short elsewhere: Keep/);
	});
});
