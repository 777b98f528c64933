import { describe, expect, it } from "vitest";
import { describePolicy, parsePolicy, precisionLadder, releaseFormatOf } from "../../src/estimator/advice/precision";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import type { PrecisionPolicy } from "../../src/estimator/advice/types";

const catalog = loadCatalog();
const get = <T>(v: T | undefined, what: string): T => {
	if (!v) throw new Error(what);
	return v;
};
const model = (n: string) => get(catalog.models.get(n), n);
const gpu = (n: string) => get(catalog.gpus.get(n), n);
const ladder = (m: string, g: string, policy: PrecisionPolicy, engine: "vllm" | "llama.cpp" = "vllm") =>
	precisionLadder(catalog, model(m), gpu(g), engine, policy).map((s) => s.format.id);

describe("release formats", () => {
	it("every built-in model names its release format, with a source", () => {
		for (const m of catalog.models.all()) {
			expect(m.releaseFormat, m.id).toBeDefined();
			expect(catalog.formats.get(m.releaseFormat?.format ?? ""), `${m.id} format`).toBeDefined();
			expect(m.releaseFormat?.sources.length, m.id).toBeGreaterThan(0);
		}
	});

	it("gpt-oss ships MXFP4, DeepSeek-V3 FP8, Llama-2 FP16, Qwen3 BF16", () => {
		expect(releaseFormatOf(catalog, model("gpt-oss-120b")).id).toBe("mxfp4");
		expect(releaseFormatOf(catalog, model("gpt-oss-20b")).id).toBe("mxfp4");
		expect(releaseFormatOf(catalog, model("deepseek-v3")).id).toBe("fp8");
		expect(releaseFormatOf(catalog, model("llama-2-7b")).id).toBe("fp16");
		expect(releaseFormatOf(catalog, model("qwen3-30b-a3b")).id).toBe("bf16");
	});
});

describe("precision policy", () => {
	it("unquantized never inflates a model beyond its release format", () => {
		expect(ladder("gpt-oss-120b", "rtx-pro-6000-blackwell", "released")).toEqual(["mxfp4"]);
		expect(ladder("gpt-oss-120b", "rtx-pro-6000-blackwell", "bf16")).toEqual(["mxfp4"]);
		expect(ladder("deepseek-v3", "h200-sxm", "bf16")).toEqual(["fp8"]);
		expect(ladder("qwen3-30b-a3b", "rtx-pro-6000-blackwell", "bf16")).toEqual(["bf16"]);
	});

	it("and gpt-oss-120b as released fits one 96 GB card (it fits nowhere when inflated to BF16)", () => {
		const [f] = ladder("gpt-oss-120b", "rtx-pro-6000-blackwell", "released");
		const row = computeFitTable(catalog, { model: "gpt-oss-120b", gpu: "rtx-pro-6000-blackwell", quant: [f ?? ""] });
		expect(row.ok && row.value.rows[0]?.fits).toBe(true);
		const bf16 = computeFitTable(catalog, { model: "gpt-oss-120b", gpu: "rtx-pro-6000-blackwell", quant: ["bf16"] });
		expect(bf16.ok && bf16.value.rows[0]?.fits).toBe(false);
	});

	it("lower steps only where the policy allows them, mapped to what the hardware runs", () => {
		expect(ladder("qwen3-30b-a3b", "rtx-pro-6000-blackwell", "fp8")).toEqual(["bf16", "fp8"]);
		// NVFP4 is native on Blackwell; elsewhere 4-bit means W4A16 (AWQ).
		expect(ladder("qwen3-30b-a3b", "rtx-pro-6000-blackwell", "int4")).toEqual(["bf16", "fp8", "nvfp4"]);
		expect(ladder("qwen3-30b-a3b", "h100-sxm", "int4")).toEqual(["bf16", "fp8", "awq"]);
		// Ampere has no FP8 math but runs FP8 weight-only; Turing has no BF16 at all.
		expect(ladder("qwen3-8b", "t4", "released")).toEqual(["fp16"]);
		expect(ladder("deepseek-v3", "h200-sxm", "int4")).toEqual(["fp8", "awq"]);
		expect(ladder("gpt-oss-20b", "h100-sxm", "int4")).toEqual(["mxfp4"]);
	});

	it("llama.cpp (Apple) runs an FP8 release as Q8_0, and says so", () => {
		const steps = precisionLadder(catalog, model("deepseek-v3"), gpu("apple-m3-ultra"), "llama.cpp", "released");
		expect(steps.map((s) => s.format.id)).toEqual(["q8_0"]);
		expect(steps[0]?.note).toMatch(/FP8 .*release runs as Q8_0/);
		expect(ladder("qwen3-30b-a3b", "apple-m3-ultra", "int4", "llama.cpp")).toEqual(["bf16", "q8_0", "q4_k_m"]);
	});

	it("policy names and the spellings people use", () => {
		expect(parsePolicy("Unquantized")).toBe("released");
		expect(parsePolicy("as released")).toBe("released");
		expect(parsePolicy("allow-fp8")).toBe("fp8");
		expect(parsePolicy("4-bit")).toBe("int4");
		expect(parsePolicy("bf16")).toBe("bf16");
		expect(parsePolicy("fp3")).toBeUndefined();
		expect(describePolicy("bf16")).toMatch(/never wider than the release/);
	});
});
