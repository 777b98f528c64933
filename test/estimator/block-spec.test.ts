import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBlockSpec } from "../../src/estimator/block-spec";
import { parseField } from "../../src/estimator/request";

describe("gpufit block spec", () => {
	it("parses a full block", () => {
		const { spec, issues } = parseBlockSpec([
			"model: [Qwen3-30B, Llama-3.1-8B]",
			"gpu: mine",
			"count: 2",
			"split: tensor",
			"engine: llama.cpp",
			"context: 32k",
			"concurrency: 4",
			"quant: bf16, fp8, q4_k_m",
			"kv-dtype: q8_0",
			"show: [format, fits, decode]",
		].join("\n"));
		expect(issues).toEqual([]);
		expect(spec).toEqual({
			models: ["Qwen3-30B", "Llama-3.1-8B"], gpus: ["mine"], count: 2, split: "tensor", engine: "llama.cpp",
			context: 32768, concurrency: 4, quant: ["bf16", "fp8", "q4_k_m"], kvDtype: "q8_0", show: ["format", "verdict", "decode"],
		});
	});

	it("a block with only a model is valid", () => {
		expect(parseBlockSpec("model: Qwen3-30B").spec).toEqual({ models: ["Qwen3-30B"], gpus: [] });
	});

	it("names unknown keys with the line, a guess and the valid keys", () => {
		const { spec, issues } = parseBlockSpec("model: Qwen3-30B\ncontxt: 8192\n");
		expect(spec).toBeUndefined();
		expect(issues).toHaveLength(1);
		expect(issues[0]?.line).toBe(2);
		expect(issues[0]?.message).toContain('Did you mean "context"?');
		expect(issues[0]?.message).toContain("Valid keys: model, gpu, count");
	});

	it("reports YAML syntax errors with their line", () => {
		const { issues } = parseBlockSpec("model: Qwen3-30B\ngpu: [H100\ncount: 2\n");
		expect(issues[0]?.message).toMatch(/^YAML error/);
		expect(issues[0]?.line).toBeGreaterThanOrEqual(2);
	});

	it("rejects bad values precisely", () => {
		const { issues } = parseBlockSpec("model: x\ncount: -1\nsplit: diagonal\nengine: ollama\ncontext: lots\nkv-dtype: int3\n");
		expect(issues.map((i) => i.key)).toEqual(["count", "split", "engine", "context", "kv-dtype"]);
		expect(issues.map((i) => i.line)).toEqual([2, 3, 4, 5, 6]);
	});

	it("does not execute YAML tags (safe schema)", () => {
		const { issues } = parseBlockSpec('model: !!js/function "function(){ return 1 }"');
		expect(issues[0]?.message).toMatch(/YAML error/);
	});

	it("requires a model", () => {
		expect(parseBlockSpec("gpu: H100").issues[0]?.message).toContain("Missing `model:`");
		expect(parseBlockSpec("").issues[0]?.message).toContain("empty");
		expect(parseBlockSpec("- a\n- b").issues[0]?.message).toContain("YAML keys");
	});

	it("reads token counts", () => {
		const tokens = (v: unknown) => { const r = parseField("context", v, "block"); return r.ok ? r.value : undefined; };
		expect(tokens("128K")).toBe(131072);
		expect(tokens("32_768")).toBe(32768);
		expect(tokens(4096)).toBe(4096);
		expect(tokens("1m")).toBe(1048576);
		expect(tokens("abc")).toBeUndefined();
	});

	it("never throws, whatever the text", () => {
		fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
			const r = parseBlockSpec(s);
			expect(r.spec !== undefined || r.issues.length > 0).toBe(true);
		}), { numRuns: 500 });
	});
});

describe("key suggestions", () => {
	it("suggests only near misses, never for unrelated words", () => {
		const hostile = parseBlockSpec('"<script>alert(11)</script>": 1\nmodel: x');
		expect(hostile.issues[0]?.message).not.toMatch(/Did you mean/);
		expect(parseBlockSpec("modle: x").issues[0]?.message).toMatch(/Did you mean "model"/);
		expect(parseBlockSpec("model: x\nengin: vllm").issues[0]?.message).toMatch(/Did you mean "engine"/);
	});
});

describe("backend key (issue #12)", () => {
	it("takes a compute backend and refuses others with the valid ones", () => {
		expect(parseBlockSpec("model: Qwen3-8B\ngpu: RX 7900 XTX\nengine: llama.cpp\nbackend: Vulkan").spec?.backend).toBe("vulkan");
		const bad = parseBlockSpec("model: Qwen3-8B\nbackend: opencl");
		expect(bad.issues[0]?.message).toMatch(/"backend" must be one of cuda, rocm, vulkan, metal/);
		expect(bad.issues[0]?.line).toBe(2);
	});
});
