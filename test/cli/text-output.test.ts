/** The CLI's text: within 100 columns by default, "—" where a row cannot run, each warning once, plurals, reasons. */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { wrap } from "../../src/cli/text";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import { buildBlockModel } from "../../src/plugin/compute";
import { defaultSettings } from "../../src/plugin/settings";

async function run(...argv: string[]) {
	let out = "";
	let err = "";
	const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
	return { code, out, err };
}

const widest = (text: string) => Math.max(...text.split("\n").map((l) => l.length));

describe("100 columns by default, everything with --wide", () => {
	const scenarios = [
		["--model", "Qwen3-30B", "--gpu", "RTX PRO 6000 Blackwell Max-Q"],
		["--model", "Llama-3.3-70B", "--gpu", "H100", "--count", "8", "--split", "replica", "--context", "128k", "--concurrency", "64"],
		["--model", "gpt-oss-120b", "--gpu", "M3 Ultra", "--engine", "llama.cpp", "--kv-dtype", "q8_0"],
		["--model", "Qwen3-8B", "--gpu", "T4", "--engine", "transformers", "--why"],
		["--model", "Qwen3-8B,Llama-3.1-8B", "--gpu", "H100,RTX 4090", "--why"],
		["--model", "Qwen3-8B", "--gpu", "labcard", "--catalog", "test/fixtures/catalog/my-rig.yaml"],
	];
	it.each(scenarios)("fit %s %s %s %s …", async (...argv) => {
		const r = await run("fit", ...argv);
		expect(r.code).toBe(0);
		expect(widest(r.out)).toBeLessThanOrEqual(100);
	});

	it("--wide shows every column; --show picks them (format always first)", async () => {
		const wide = await run("fit", "--model", "Qwen3-30B", "--gpu", "H100", "--wide");
		expect(wide.out).toMatch(/format +bits +weights +KV +overhead +per GPU +verdict +free GiB +sessions +support +decode t\/s +aggregate +prefill t\/s/);
		expect(widest(wide.out)).toBeGreaterThan(100);
		const picked = await run("fit", "--model", "Qwen3-30B", "--gpu", "H100", "--show", "decode,kv");
		expect(picked.out.split("\n")[2]).toMatch(/^format +KV +decode t\/s$/);
		const old = await run("fit", "--model", "Qwen3-30B", "--gpu", "H100", "--show", "fits,sequences");
		expect(old.out.split("\n")[2]).toMatch(/^format +verdict +sessions$/);
	});

	it("list and support keep to 100 columns; --wide does not cut", async () => {
		for (const what of ["gpus", "models", "formats", "architectures"]) {
			const r = await run("list", what);
			expect(widest(r.out), what).toBeLessThanOrEqual(100);
		}
		expect((await run("list", "models")).out).toMatch(/…/);
		expect((await run("list", "models", "--wide")).out).not.toMatch(/…/);
		expect(widest((await run("support", "--gpu", "T4")).out)).toBeLessThanOrEqual(100);
	});
});

describe("what the table says", () => {
	it("rows that cannot run one sequence show — for sessions and speeds, not 0; the verdict in words", async () => {
		const r = await run("fit", "--model", "Llama-3.3-70B", "--gpu", "RTX 4090", "--quant", "bf16,awq");
		const bf16 = r.out.split("\n").find((l) => l.startsWith("BF16"));
		expect(bf16).toMatch(/out of memory +−\d+\.\d +— +native +— +—$/);
		expect(r.out).not.toMatch(/ 0\.0 | 0$/m);
		const fewer = await run("fit", "--model", "Llama-3.3-70B", "--gpu", "RTX PRO 6000", "--count", "2", "--quant", "bf16", "--context", "32k", "--concurrency", "4");
		expect(fewer.out).toMatch(/\nBF16 +[\d.]+ +\d of 4 fit +−[\d.]+ +\d+ +native/);
		const unsupported = await run("fit", "--model", "Qwen3-8B", "--gpu", "T4", "--quant", "bf16,awq");
		expect(unsupported.out).toMatch(/\nBF16 +[\d.]+ +unsupported +[−+][\d.]+ +— +unsupported +— +—/);
		expect(unsupported.out).toMatch(/\nAWQ INT4 \(g128\) +[\d.]+ +fits +\+[\d.]+ +\d+ +weight-only/);
	});

	it("a warning shared by several formats is printed once, naming them", async () => {
		const r = await run("fit", "--model", "Qwen3-8B", "--gpu", "H100", "--engine", "vllm", "--quant", "q8_0,q6_k,q5_k_m,q4_k_m");
		expect(r.out.match(/GGUF is llama\.cpp's format/g)).toHaveLength(1);
		expect(r.out).toMatch(/warning \(all formats\): GGUF is llama\.cpp's format\./);
		const emulated = await run("fit", "--model", "Qwen3-8B", "--gpu", "H100", "--engine", "llama.cpp");
		expect(emulated.out.match(/llama\.cpp dequantizes the blocks/g)).toHaveLength(1);
	});

	it("one sequence is singular, in the title and in --why", async () => {
		const one = await run("fit", "--model", "Llama-3.3-70B", "--gpu", "H100", "--count", "2", "--quant", "bf16", "--context", "128k", "--why");
		expect(one.out).toMatch(/131,072 tokens × 1 sequence,/);
		expect(one.out).not.toMatch(/\b1 sequences\b/);
		const many = await run("fit", "--model", "Qwen3-8B", "--gpu", "H100", "--concurrency", "4");
		expect(many.out).toMatch(/× 4 sequences,/);
	});

	it("the KV dtype reads the same in the CLI and in a block with default settings", async () => {
		const catalog = loadCatalog();
		for (const [model, gpu, engine] of [["Qwen3-30B", "RTX PRO 6000", "vllm"], ["Llama-3.1-8B", "RTX 4090", "llama.cpp"], ["Qwen3-8B", "T4", "transformers"]] as const) {
			const cli = JSON.parse((await run("fit", "--model", model, "--gpu", gpu, "--engine", engine, "--json")).out) as { kvDtype: string };
			const block = buildBlockModel(`model: ${model}\ngpu: ${gpu}\nengine: ${engine}`, catalog, defaultSettings(), computeFitTable);
			expect(block.tables[0]?.kvDtype, `${model} ${engine}`).toBe(cli.kvDtype);
		}
	});

	it("support prints each distinct reason once, and every cell points at one", async () => {
		const r = await run("support", "--gpu", "T4");
		const [table = "", reasons = ""] = r.out.split("Reasons:\n");
		const refs = new Set([...table.matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
		const listed = [...reasons.matchAll(/^\[(\d+)\] /gm)].map((m) => m[1]);
		expect(listed).toEqual([...refs]);
		const texts = reasons.split(/^\[\d+\] /m).map((t) => t.replace(/\s+/g, " ").trim()).filter(Boolean);
		expect(new Set(texts).size).toBe(texts.length);
		expect(reasons).toMatch(/Turing has no BF16/);
		expect((await run("support", "--gpu", "T4", "--engine", "vllm")).out.split("\n")[1]).toMatch(/^format +vllm$/);
	});
});

describe("wrap", () => {
	it("keeps leading spaces, indents continuations, cuts only words longer than a line", () => {
		expect(wrap("  alpha beta gamma", 12, 4)).toBe("  alpha beta\n    gamma");
		expect(wrap("x".repeat(25), 10, 2)).toBe(`${"x".repeat(10)}\n  ${"x".repeat(8)}\n  ${"x".repeat(7)}`);
		expect(wrap("short", 100)).toBe("short");
		for (const line of wrap("word ".repeat(100), 30, 3).split("\n")) expect(line.length).toBeLessThanOrEqual(30);
	});
});
