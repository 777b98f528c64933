/**
 * The built CLI as whole processes: exit codes, what goes to stdout and stderr, a closed pipe, large catalogs.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gpufit-cli-"));
const cli = (...argv: string[]) => spawnSync(process.execPath, ["dist/cli.js", ...argv], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });

/** A compact valid GPU entry (the fewest fields the schema takes). */
const gpu = (i: number) => ({
	id: `card-${i}`, name: `Card ${i}`, aliases: [], vendor: "nvidia", architecture: "blackwell-rtx", segment: "workstation",
	memory: { marketedGB: 64, usableGiB: 59.5, type: "GDDR7" }, bandwidthGBs: 1500, tflops: { fp32: 90, dense: true },
	interconnect: { linkGBs: null }, launched: "2026-06", availability: { status: "shipping" },
	sources: [{ ref: "lab sheet", asOf: "2026-06-01", confidence: "verified" }],
});

function catalogFile(name: string, gpus: unknown[]): string {
	const file = path.join(tmp, name);
	fs.writeFileSync(file, JSON.stringify({ gpus }));
	return file;
}

beforeAll(() => {
	execFileSync(process.execPath, ["esbuild.config.mjs", "--only=cli"], { stdio: "ignore" });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("exit codes and streams", () => {
	it("no arguments: the usage on stderr, nothing on stdout, exit 2", () => {
		const r = cli();
		expect(r.status).toBe(2);
		expect(r.stdout).toBe("");
		expect(r.stderr).toMatch(/^gpufit: LLM fit/);
		expect(r.stderr).toMatch(/usage: gpufit fit --model NAME --gpu NAME/);
	});

	it("help: the usage on stdout, exit 0; every line within 100 columns", () => {
		for (const argv of [["help"], ["--help"], ["fit", "--help"], ["support", "--help"], ["list", "--help"]]) {
			const r = cli(...argv);
			expect(r.status, argv.join(" ")).toBe(0);
			expect(r.stderr).toBe("");
			for (const line of r.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(100);
		}
		expect(cli("fit", "--help").stdout).toMatch(/--context TOKENS \(--ctx, --context-length, --max-model-len\)/);
	});

	it.each([
		[["fit", "--gpu", "H100"], /^gpufit fit: --model is required \(see gpufit fit --help\)\n$/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--count", "99999999999999999999"], /--count is too large: at most 1,024 GPUs \(got "99999999999999999999"\)/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--gpu-memory-utilization", "1e-300"], /--gpu-memory-utilization must be a fraction from 0\.05 to 1/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--gpu-memory-utilization", "0x1"], /--gpu-memory-utilization must be a fraction from 0\.05 to 1, such as 0\.9 or 90% \(got "0x1"\)/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--quant", ",,,"], /--quant needs at least one format name \(got ",,,"\)/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--contxt", "8k"], /unknown option --contxt; did you mean --context\?/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--count", "2", "--count", "3"], /--count is given twice/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--split"], /--split needs a value/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--model", "x"], /--model is given twice/],
		[["fit", "--model", "x".repeat(100_000), "--gpu", "H100"], /--model has a model name of 100,000 characters/],
		[["support"], /--gpu is required/],
		[["support", "--gpu", "H100", "--model", "x"], /unknown option --model/],
		[["list"], /list what\? gpus, models, formats or architectures/],
		[["list", "cards"], /cannot list "cards"/],
		[["frobnicate"], /unknown command "frobnicate"/],
	])("usage errors are one line on stderr, exit 2 (case %#)", (argv, message) => {
		const r = cli(...(argv));
		expect(r.status).toBe(2);
		expect(r.stdout).toBe("");
		expect(r.stderr.split("\n")).toHaveLength(2); // one line and its newline
		expect(r.stderr).toMatch(message);
		expect(r.stderr.length).toBeLessThan(600);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});

	it("an unknown name is one line naming the name, suggestions and where own entries come from", () => {
		const r = cli("fit", "--model", "nope", "--gpu", "RTX 4090 48GB");
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/^gpufit: Unknown model "nope"\. .*Unknown GPU "RTX 4090 48GB"\. GeForce RTX 4090 has 24 GB, not 48 GB\. Did you mean "GeForce RTX 4090"\? .*--catalog FILE/);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});

	it("gpufit support with an unknown GPU exits 2, nothing on stdout", () => {
		const r = cli("support", "--gpu", "RTX 9090");
		expect(r.status).toBe(2);
		expect(r.stdout).toBe("");
		expect(r.stderr).toMatch(/^gpufit: Unknown GPU "RTX 9090"/);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});

	it("a catalog path that cannot be read is a usage error naming why", () => {
		const r = cli("list", "gpus", "--catalog", tmp);
		expect(r.status).toBe(2);
		expect(r.stderr).toBe(`gpufit: cannot read catalog file ${tmp}: it is a folder\n`);
		expect(cli("list", "gpus", "--catalog", path.join(tmp, "missing.yaml")).stderr).toMatch(/no such file/);
	});
});

describe("catalog files", () => {
	it("200,000 valid entries and a file with a bad entry beside them: all valid entries load, the problem is one line", () => {
		const big = catalogFile("big.json", Array.from({ length: 200_000 }, (_, i) => gpu(i)));
		const r = cli("list", "gpus", "--catalog", big, "--catalog", "test/fixtures/catalog/my-rig.yaml");
		expect(r.status).toBe(0);
		expect(r.stderr).toBe("gpufit: test/fixtures/catalog/my-rig.yaml: gpus[1] (broken-card).architecture: expected string (got nothing); and 8 more problems in this entry (entry skipped)\n");
		const lines = r.stdout.trimEnd().split("\n");
		expect(lines).toHaveLength(2 + loadCatalog().gpus.all().length + 200_000 + 1);
		expect(r.stdout).toMatch(/\ncard-199999 +Card 199999/);
		expect(r.stdout).toMatch(/\nmy-lab-card +Lab Card 64/);
		expect(Math.max(...lines.slice(0, 100).map((l) => l.length))).toBeLessThanOrEqual(100);
	}, 180_000);

	it("20,000 bad entries: a few lines and a count, not a line each", () => {
		const bad = catalogFile("bad.json", Array.from({ length: 20_000 }, (_, i) => ({ ...gpu(i), bandwidthGBs: -i - 1 })));
		const r = cli("fit", "--model", "Qwen3-8B", "--gpu", "labcard", "--catalog", bad, "--catalog", "test/fixtures/catalog/my-rig.yaml");
		expect(r.status).toBe(0);
		const lines = r.stderr.trimEnd().split("\n");
		expect(lines).toHaveLength(8 + 1 + 1);
		expect(lines[0]).toBe(`gpufit: ${bad}: gpus[0] (card-0).bandwidthGBs: must be greater than 0 (got -1) (entry skipped)`);
		expect(lines[8]).toBe(`gpufit: ${bad}: … and 19,992 more problems (20,000 entries skipped, 0 entries loaded)`);
		expect(r.stdout).toMatch(/^Qwen3-8B on 1 × Lab Card 64/);
	}, 60_000);

	it("usableGiB 1e308 is refused by the schema, never printed as Infinity", () => {
		const f = catalogFile("inf.json", [{ ...gpu(1), memory: { marketedGB: 64, usableGiB: 1e308, type: "GDDR7" } }]);
		const r = cli("list", "gpus", "--catalog", f);
		expect(r.stderr).toMatch(/gpus\[0\] \(card-1\)\.memory\.usableGiB: must be at most 16384 \(got 1e\+308\) \(entry skipped\)/);
		expect(r.stdout).not.toMatch(/Infinity|card-1/);
	});
});

describe("a closed pipe (gpufit ... | head)", () => {
	it("ends quietly: exit 0, no stack trace, no EPIPE message", async () => {
		const f = catalogFile("pipe.json", Array.from({ length: 20_000 }, (_, i) => gpu(i)));
		const result = await new Promise<{ code: number | null; stderr: string; first: string }>((resolve) => {
			const p = spawn(process.execPath, ["dist/cli.js", "list", "gpus", "--catalog", f]);
			let stderr = "";
			let first = "";
			p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
			p.stdout.once("data", (d: Buffer) => {
				first = d.toString();
				p.stdout.destroy();
			});
			p.on("close", (code) => resolve({ code, stderr, first }));
		});
		expect(result.first).toMatch(/^id +name/);
		expect(result.stderr).toBe("");
		expect(result.code).toBe(0);
	}, 60_000);
});
