/**
 * One request parser, three surfaces: every spelling of a key and of a value that one surface accepts, the
 * others accept too, with the same result; values one refuses, all refuse with the same words.
 */
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { FIT_FLAGS } from "../../src/cli/fit-command";
import { main } from "../../src/cli/main";
import { parseBlockSpec } from "../../src/estimator/block-spec";
import { FIELDS, fieldOf, parseRequest, type FieldKey, type RequestSpec } from "../../src/estimator/request";
import { SETTING_LABELS, readSettings } from "../../src/plugin/settings";

/** Field → [value as written, what it means]. Strings are written as-is in YAML and on the command line. */
const VALUES: { [K in FieldKey]?: [string, NonNullable<RequestSpec[K]>][] } = {
	count: [["2", 2], ["+2", 2], ["1024", 1024], ["1_024", 1024], ["1,024", 1024]],
	context: [
		["32k", 32768], ["32K", 32768], ["32768", 32768], ["32_768", 32768], ["32,768", 32768], ["1m", 1048576], ["1M", 1048576],
		["1.5k", 1536], ["1024k", 1048576], ["10000000", 10_000_000],
	],
	concurrency: [["4", 4], ["100_000", 100_000]],
	engine: [["vllm", "vllm"], ["vLLM", "vllm"], ["llama.cpp", "llama.cpp"], ["llamacpp", "llama.cpp"], ["llama-cpp", "llama.cpp"], ["LLAMA_CPP", "llama.cpp"], ["transformers", "transformers"], ["hf", "transformers"]],
	split: [["tensor", "tensor"], ["tp", "tensor"], ["Tensor-Parallel", "tensor"], ["layer", "layer"], ["pp", "layer"], ["pipeline", "layer"], ["replica", "replica"], ["dp", "replica"], ["replicas", "replica"]],
	kvDtype: [["auto", "auto"], ["fp16", "fp16"], ["f16", "fp16"], ["FP16", "fp16"], ["float16", "fp16"], ["bf16", "bf16"], ["bfloat16", "bf16"], ["fp8", "fp8"], ["fp8_e4m3", "fp8"], ["q8_0", "q8_0"], ["Q8_0", "q8_0"], ["q4_0", "q4_0"], ["f32", "fp32"]],
	quant: [["bf16", ["bf16"]], ["bf16,fp8", ["bf16", "fp8"]], ["bf16, q4_k_m", ["bf16", "q4_k_m"]]],
	models: [["Qwen3-8B", ["Qwen3-8B"]], ["Qwen3-8B,Llama-3.1-8B", ["Qwen3-8B", "Llama-3.1-8B"]]],
	gpus: [["H100", ["H100"]], ["RTX PRO 6000 98GB", ["RTX PRO 6000 98GB"]]],
	show: [["verdict", ["verdict"]], ["fits", ["verdict"]], ["sequences,decode", ["sessions", "decode"]], ["Total, KV", ["total", "kv"]], ["chart", ["chart"]]],
	backend: [["cuda", "cuda"], ["CUDA", "cuda"], ["rocm", "rocm"], ["hip", "rocm"], ["Vulkan", "vulkan"], ["metal", "metal"], ["mps", "metal"]],
	engineVersion: [["v0", "v0"], ["vllm-v0", "v0"], ["V1", "v1"], ["b2834", "b2834"], ["2834", "b2834"]],
	gpuMemoryUtilization: [["0.9", 0.9], ["0.85", 0.85], ["90%", 0.9], ["1", 1], [".5", 0.5]],
};

/** Values every surface refuses, with the words the message must hold. */
const REFUSED: [FieldKey, string, RegExp][] = [
	["count", "0", /must be at least 1/],
	["count", "-1", /must be at least 1/],
	["count", "99999999999999999999", /is too large: at most 1,024 GPUs/],
	["count", "1025", /is too large: at most 1,024 GPUs/],
	["count", "two", /must be a whole number of GPUs from 1 to 1,024 \(got "two"\)/],
	["count", "0x1", /must be a whole number/],
	["count", "1e3", /must be a whole number/],
	["count", "2.5", /must be a whole number/],
	["context", "lots", /must be a token count such as 8192, 32k or 1m/],
	["context", "20m", /is too large: at most 10,000,000 tokens \(got "20m" = 20,971,520\)/],
	["engine", "ollama", /must be one of vllm, llama\.cpp, transformers \(got "ollama"\)/],
	["engine", "vlm", /Did you mean "vllm"\?/],
	["split", "diagonal", /must be one of tensor, layer, replica/],
	["kvDtype", "int3", /must be one of auto, bf16, fp16/],
	["quant", ",,,", /needs at least one format name/],
	["show", "fits,decod", /unknown column "decod" \(did you mean "decode"\?\)/],
	["gpuMemoryUtilization", "1e-300", /must be a fraction from 0\.05 to 1/],
	["gpuMemoryUtilization", "0x1", /must be a fraction from 0\.05 to 1/],
	["gpuMemoryUtilization", "0.01", /must be a fraction from 0\.05 to 1/],
	["gpuMemoryUtilization", "1.5", /must be a fraction from 0\.05 to 1/],
];

/** A value as a block holds it: plain, or quoted where YAML cannot take it plain (`,,,` starts with an indicator). */
function viaBlock(key: string, value: string) {
	const model = key === "model" || key === "models" ? "" : "model: Qwen3-8B\n";
	const written = /^[,[\]{}#&*!|>'"%@`]/.test(value) ? JSON.stringify(value) : value;
	return parseBlockSpec(`${model}${key}: ${written}`);
}

function viaCli(key: string, value: string) {
	const argv = [`--${key}`, value];
	const args = parseArgs(argv, FIT_FLAGS);
	return parseRequest(args.request, "cli");
}

const SETTINGS_PATH: { [K in FieldKey]?: string } = { count: "count", context: "context", engine: "engine", split: "split", kvDtype: "kvDtype" };

describe("every spelling is accepted on every surface that takes the field", () => {
	for (const field of FIELDS) {
		const values = (VALUES[field.key] ?? []) as [string, unknown][];
		it(`${field.name}: every key spelling × every value spelling`, () => {
			expect(values.length, `no spellings listed for ${field.name}`).toBeGreaterThan(0);
			for (const key of [field.name, ...field.aliases]) {
				for (const [written, meant] of values) {
					if (field.surfaces.includes("block")) {
						const { spec, issues } = viaBlock(key, written);
						expect(issues, `block ${key}: ${written}`).toEqual([]);
						expect(spec?.[field.key], `block ${key}: ${written}`).toEqual(meant);
					}
					if (field.surfaces.includes("cli")) {
						const { spec, issues } = viaCli(key, written);
						expect(issues, `--${key} ${written}`).toEqual([]);
						expect(spec[field.key], `--${key} ${written}`).toEqual(meant);
						// `--key=value` too.
						const eq = parseRequest(parseArgs([`--${key}=${written}`], FIT_FLAGS).request, "cli");
						expect(eq.spec[field.key]).toEqual(meant);
					}
				}
			}
			const path = SETTINGS_PATH[field.key];
			if (field.surfaces.includes("settings") && path) {
				for (const [written, meant] of values) {
					// data.json (as text, as a hand edit would have it) and the settings tab's text box.
					const read = readSettings({ version: 2, rig: { [path]: written } });
					expect(read.problems, `settings rig.${path} = ${written}`).toEqual([]);
					expect((read.settings.rig as unknown as Record<string, unknown>)[path]).toEqual(meant);
					const box = fieldOf(field.key).parse(written);
					expect(box).toEqual({ ok: true, value: meant });
				}
			}
		});
	}

	it("keys are compared without case or punctuation on both surfaces", () => {
		expect(viaBlock("KV_DTYPE", "fp8").spec?.kvDtype).toBe("fp8");
		expect(viaCli("KV_DTYPE", "fp8").spec.kvDtype).toBe("fp8");
		expect(viaBlock("Context-Length", "8k").spec?.context).toBe(8192);
		expect(viaCli("context_length", "8k").spec.context).toBe(8192);
	});
});

describe("refused values are refused everywhere, in the same words", () => {
	it.each(REFUSED)("%s = %s", (key, value, words) => {
		const field = fieldOf(key);
		const direct = field.parse(value);
		expect(direct.ok).toBe(false);
		if (field.surfaces.includes("block")) {
			const { spec, issues } = viaBlock(field.name, value);
			expect(spec).toBeUndefined();
			expect(issues.map((i) => i.message).join(" ")).toMatch(words);
			expect(issues[0]?.message).toMatch(new RegExp(`^"${field.name}" `));
		}
		if (field.surfaces.includes("cli")) {
			const { issues } = viaCli(field.name, value);
			expect(issues[0]?.message).toMatch(words);
			expect(issues[0]?.message).toMatch(new RegExp(`^--${field.name} `));
		}
		const path = SETTINGS_PATH[field.key];
		if (field.surfaces.includes("settings") && path) {
			const read = readSettings({ version: 2, rig: { [path]: value } });
			expect(read.problems[0]?.message).toMatch(words);
			expect(read.problems[0]?.message).toMatch(new RegExp(`^${SETTING_LABELS[`rig.${path}` as keyof typeof SETTING_LABELS]} `));
		}
	});

	it(".nan and .inf in a block say what they are", () => {
		expect(parseBlockSpec("model: x\ncount: .nan").issues[0]?.message).toContain("(got .nan, which is not a number)");
		expect(parseBlockSpec("model: x\ncontext: .inf").issues[0]?.message).toContain("(got .inf, which is infinite)");
		expect(parseBlockSpec("model: x\nconcurrency: -.inf").issues[0]?.message).toContain("(got -.inf, which is infinite)");
	});
});

describe("the whole CLI reads block spellings", () => {
	async function json(...argv: string[]) {
		let out = "";
		let err = "";
		const code = await main(["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--json", ...argv], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
		expect(err).toBe("");
		expect(code).toBe(0);
		return JSON.parse(out) as { context: number; engine: string; kvDtype: string; count: number; split: string };
	}

	it("--context 1m, --context 32_768, --engine llamacpp, --kv f16, --split pp", async () => {
		expect((await json("--context", "1m")).context).toBe(1048576);
		expect((await json("--context", "32_768")).context).toBe(32768);
		expect((await json("--engine", "llamacpp")).engine).toBe("llama.cpp");
		expect((await json("--engine", "llamacpp", "--kv", "f16")).kvDtype).toBe("fp16");
		expect(await json("--count", "2", "--split", "pp")).toMatchObject({ count: 2, split: "layer" });
	});

	it("the KV dtype without a choice is the engine's default on every surface (CLI, block defaults)", async () => {
		expect((await json()).kvDtype).toBe("bf16");
		expect((await json("--kv-dtype", "auto")).kvDtype).toBe("bf16");
		expect((await json("--engine", "llama.cpp")).kvDtype).toBe("fp16");
		expect(readSettings(undefined).settings.rig.kvDtype).toBe("auto");
	});
});
