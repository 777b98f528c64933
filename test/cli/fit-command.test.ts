import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";

async function run(...argv: string[]) {
	let out = "";
	let err = "";
	const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
	return { code, out, err };
}

describe("gpufit fit", () => {
	it("prints a readable table", async () => {
		const r = await run("fit", "--model", "Qwen3-30B", "--gpu", "RTX 6000 PRO B", "--wide");
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^Qwen3-30B-A3B on 1 × RTX PRO 6000 Blackwell/);
		expect(r.out).toMatch(/BF16\s+16\.00/);
	});

	it("--json prints the documented contract", async () => {
		const r = await run("fit", "--model", "llama-3.1-8b", "--gpu", "rtx-pro-6000", "--count", "2", "--split", "replica",
			"--context", "16k", "--concurrency", "4", "--engine", "llama.cpp", "--quant", "q4_k_m,q8_0", "--kv-dtype", "q8_0", "--json");
		expect(r.code).toBe(0);
		const j = JSON.parse(r.out) as Record<string, unknown> & { rows: Record<string, unknown>[] };
		expect(j).toMatchObject({ model: "Llama-3.1-8B", count: 2, split: "replica", engine: "llama.cpp", context: 16384, concurrency: 4 });
		expect(j.rows.map((x) => x.format)).toEqual(["q4_k_m", "q8_0"]);
		for (const key of ["format", "bitsPerWeight", "weightsGiB", "weightsPerGpuGiB", "kvCacheGiB", "overheadGiB", "perGpuGiB",
			"usableGiBPerGpu", "fits", "headroomGiB", "maxConcurrentSequences", "support", "supportReason", "decodeTokensPerSecond",
			"aggregateDecodeTokensPerSecond", "prefillTokensPerSecond"]) {
			expect(j.rows[0], key).toHaveProperty(key);
		}
	});

	it.each([
		[["fit", "--gpu", "H100"], /--model is required/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--count", "two"], /--count must be a whole number of GPUs from 1 to 1,024 \(got "two"\)/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--split", "diagonal"], /--split must be one of/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "H100", "--bogus", "1"], /unknown option --bogus/],
		[["fit", "--model", "Qwen3-31B", "--gpu", "RTX PRO 6000"], /Unknown model "Qwen3-31B"\. Did you mean/],
		[["fit", "--model", "Qwen3-8B", "--gpu", "RTX PRO 6000", "--quant", "q9"], /Unknown format "q9"/],
		[["frobnicate"], /unknown command/],
	])("bad arguments %j → exit 2 with a message", async (argv, message) => {
		const r = await run(...argv);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(message);
		expect(r.err).not.toMatch(/at .*\.ts:\d+/);
	});
});

describe("user catalogs", () => {
	it("adds a user's GPU from a YAML file and reports the invalid entry", async () => {
		const r = await run("fit", "--model", "Qwen3-8B", "--gpu", "labcard", "--catalog", "test/fixtures/catalog/my-rig.yaml", "--json");
		expect(r.code).toBe(0);
		expect(JSON.parse(r.out)).toMatchObject({ gpu: "Lab Card 64" });
		expect(r.err).toMatch(/gpus\[1\].*broken-card.*entry skipped/);
	});

	it("a missing catalog file is a usage error", async () => {
		const r = await run("fit", "--model", "Qwen3-8B", "--gpu", "labcard", "--catalog", "nope.yaml");
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/cannot read catalog file nope\.yaml/);
	});
});
