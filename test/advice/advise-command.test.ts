import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { noteFactsOf } from "../../src/cli/advise-command";
import { adviceMarkdown, applyAdvice, computeAdvice, noteAdviceRequest } from "../../src/estimator/advice/index";
import { loadCatalog } from "../../src/estimator/catalog";

async function run(...argv: string[]) {
	let out = "";
	let err = "";
	const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
	return { code, out, err };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gpufit-advise-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOTE = [
	"---",
	"title: Second card or wait",
	"tags: [\"#S13_Hardware\"]",
	"gpufit:",
	"  gpu: RTX PRO 6000 Blackwell",
	"  count: 1",
	"  policy: released",
	"  workload:",
	"    - model: Qwen3-30B-A3B",
	"      copies: 2",
	"      context: 32k",
	"      users: 4",
	"---",
	"Thinking about Mixtral-8x22B too.  ",
	"",
].join("\r\n");

describe("gpufit advise", () => {
	it("advises from flags; a repeated --model is two copies", async () => {
		const r = await run("advise", "--gpu", "RTX PRO 6000 Blackwell", "--count", "1", "--model", "Qwen3-30B-A3B", "--model", "Qwen3-30B-A3B",
			"--context", "32k", "--concurrency", "4", "--date", "2026-11-29", "--json");
		expect(r.code).toBe(0);
		const j = JSON.parse(r.out) as Record<string, unknown> & { options: Record<string, unknown>[]; workload: Record<string, unknown>[]; recommendation: { optionId: string; reasons: string[] } };
		expect(j).toMatchObject({ date: "2026-11-29", rig: { gpuId: "rtx-pro-6000-blackwell", count: 1 }, policy: "released" });
		expect(j.workload).toEqual([expect.objectContaining({ modelId: "qwen3-30b-a3b", copies: 2, context: 32768, users: 4 })]);
		for (const key of ["id", "kind", "label", "gpus", "usableGiB", "fits", "aggregateDecodeTokensPerSecond", "costUsd", "availableFrom", "notes"]) {
			expect(j.options[0], key).toHaveProperty(key);
		}
		expect(j.recommendation.optionId).toBe("add-identical-1");
		expect(j.recommendation.reasons.length).toBeGreaterThan(2);
	});

	it("prints the Markdown advice without --json", async () => {
		const r = await run("advise", "--gpu", "rtx-pro-6000", "--count", "1", "--model", "gpt-oss-120b", "--date", "2026-11-29");
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^## Scaling advice/);
		expect(r.out).toMatch(/\*\*Recommendation: Keep 1× RTX PRO 6000 Blackwell Workstation Edition\*\*/);
		expect(r.out).toMatch(/released as MXFP4/);
	});

	it.each([
		[["advise", "--count", "1", "--model", "Qwen3-8B"], /--gpu is required/],
		[["advise", "--gpu", "H100", "--model", "Qwen3-8B"], /--count is required/],
		[["advise", "--gpu", "H100", "--count", "1"], /at least one --model/],
		[["advise", "--gpu", "H100", "--count", "1", "--model", "Qwen3-8B", "--policy", "fp3"], /--policy must be one of released, bf16, fp8, int4/],
		[["advise", "--gpu", "H100", "--count", "1", "--model", "Qwen3-8B", "--date", "yesterday"], /--date must be a calendar day/],
		[["advise", "--gpu", "H100", "--count", "1", "--model", "Qwen3-8B", "--budget", "lots"], /--budget must be an amount/],
		[["advise", "--gpu", "H100", "--count", "two", "--model", "Qwen3-8B"], /--count must be a whole number of GPUs from 1 to 1,024 \(got "two"\)/],
		[["advise", "--gpu", "H100", "--count", "1", "--model", "Qwen3-8B", "--frobnicate"], /unknown option --frobnicate/],
		[["advise", "--gpu", "H100", "--count", "1", "--model", "Qwen3-8B", "--write"], /--write needs --note/],
		[["advise", "--gpu", "RTX 9090", "--count", "1", "--model", "Qwen3-8B"], /Unknown GPU "RTX 9090"/],
		[["advise", "--note", "/nonexistent/x.md"], /cannot read/],
	])("exits 2 with a clear message: %j", async (argv, message) => {
		const r = await run(...argv);
		expect(r.code).toBe(2);
		expect(r.err).toMatch(message);
	});

	it("--note --write writes exactly what the write-back gives, and a second run changes nothing", async () => {
		const file = path.join(dir, "Second card.md");
		fs.writeFileSync(file, NOTE, "utf8");
		const r = await run("advise", "--note", file, "--write", "--date", "2026-11-29");
		expect(r.err).toBe("");
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/Second card: scaling advice added: Add 1× RTX PRO 6000/);
		// The same bytes the plugin computes from the same note, date and catalog.
		const catalog = loadCatalog();
		const built = noteAdviceRequest(noteFactsOf(catalog, file, NOTE), { date: "2026-11-29" });
		const advice = computeAdvice(catalog, built.request!);
		if (!advice.ok) throw new Error(advice.error.message);
		const expected = applyAdvice(NOTE, adviceMarkdown(advice.value), { advice: advice.value.recommendation.label, updated: "2026-11-29" }).text;
		const written = fs.readFileSync(file, "utf8");
		expect(written).toBe(expected);
		expect(written).toMatch(/\r\ngpufit-advice: "Add 1× RTX PRO 6000 Blackwell Workstation Edition \(2 in total\)"\r\ngpufit-advice-updated: 2026-11-29\r\n---\r\nThinking about Mixtral-8x22B too. {2}\r\n/);
		expect(written).toMatch(/Mentioned in the note \(checked one at a time\): Mixtral-8x22B/);
		const again = await run("advise", "--note", file, "--write", "--date", "2026-11-29");
		expect(again.out).toMatch(/unchanged/);
		expect(fs.readFileSync(file, "utf8")).toBe(written);
	});

	it("--note without a rig, and a damaged section, are reported", async () => {
		const bare = path.join(dir, "bare.md");
		fs.writeFileSync(bare, "Qwen3-8B notes\n");
		const r = await run("advise", "--note", bare, "--date", "2026-11-29");
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/No rig/);
		const ok = await run("advise", "--note", bare, "--gpu", "RTX 4090", "--count", "1", "--date", "2026-11-29");
		expect(ok.code).toBe(0);
		const damaged = path.join(dir, "damaged.md");
		fs.writeFileSync(damaged, "---\ngpufit: {gpu: RTX 4090}\n---\n<!-- gpufit:advice:start -->\nhalf a section\n");
		const d = await run("advise", "--note", damaged, "--write", "--model", "Qwen3-8B", "--date", "2026-11-29");
		expect(d.code).toBe(1);
		expect(d.err).toMatch(/damaged: the start marker \(line 4\) has no end marker/);
		expect(fs.readFileSync(damaged, "utf8")).toBe("---\ngpufit: {gpu: RTX 4090}\n---\n<!-- gpufit:advice:start -->\nhalf a section\n");
	});
});
