/**
 * `gpufit support` and `gpufit list`: what a user types and what comes back, exit codes included (2 for anything the
 * user can fix: an unknown GPU, a missing flag, an unreadable catalog file; 0 for an answer).
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";

async function run(...argv: string[]) {
	let out = "";
	let err = "";
	const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
	return { code, out, err };
}

describe("gpufit support", () => {
	it("an unknown GPU exits 2 with the name, suggestions and nothing on stdout", async () => {
		const r = await run("support", "--gpu", "RTX 9090");
		expect(r.code).toBe(2);
		expect(r.out).toBe("");
		expect(r.err).toMatch(/^gpufit: Unknown GPU "RTX 9090"/);
		expect(r.err).toMatch(/Did you mean/);
		expect(r.err).not.toMatch(/\n\s+at /);
	});

	it("no --gpu exits 2 with the usage", async () => {
		const r = await run("support");
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/--gpu is required/);
		expect(r.err).toMatch(/gpufit support --help/);
	});

	it("an unreadable catalog file exits 2", async () => {
		const r = await run("support", "--gpu", "H100", "--catalog", "no-such-catalog.yaml");
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/cannot read catalog file no-such-catalog\.yaml/);
	});

	it("a known GPU: its architecture, then one row per format with a verdict per engine", async () => {
		const r = await run("support", "--gpu", "RTX 4090");
		expect(r.code).toBe(0);
		const lines = r.out.trimEnd().split("\n");
		expect(lines[0]).toBe("GeForce RTX 4090 (Ada Lovelace, sm_89)");
		expect(lines[1]).toMatch(/^format\s+vllm\s+llama\.cpp\s+transformers$/);
		expect(lines[2]).toMatch(/^-+\s+-+/);
		// Verdicts carry a reference to their reason, listed under the table.
		const row = (f: string) => lines.find((l) => l.startsWith(`${f} `))?.replace(/\s*\[\d+\]/g, "").split(/\s+/);
		const reason = (f: string, column: number) => {
			const ref = /\[(\d+)\]/g;
			const refs = [...(lines.find((l) => l.startsWith(`${f} `)) ?? "").matchAll(ref)].map((m) => m[1]);
			const at = lines.findIndex((l) => l.startsWith(`[${refs[column] ?? "?"}] `));
			return at < 0 ? "" : [lines[at], ...lines.slice(at + 1).filter((_, i, rest) => rest.slice(0, i + 1).every((x) => /^\s/.test(x)))].join(" ");
		};
		// FP8 runs natively on Ada; GGUF is llama.cpp's alone (dequantized in its kernels); NVFP4 needs Blackwell.
		expect(row("fp8")?.[1]).toBe("native");
		expect(row("q4_k_m")).toEqual(["q4_k_m", "unsupported", "emulated", "unsupported"]);
		expect(row("nvfp4")?.[1]).not.toBe("native");
		expect(reason("q4_k_m", 1)).toMatch(/llama\.cpp dequantizes the blocks inside its matmul kernels/);
		expect(reason("q4_k_m", 0)).toMatch(/vllm cannot load Q4_K_M/);
		expect(reason("nvfp4", 0)).toMatch(/no FP4 tensor math on Ada Lovelace/);
	});

	it("--json: the GPU, its architecture and each format's verdicts with reasons", async () => {
		const r = await run("support", "--gpu", "H100 SXM", "--json");
		expect(r.code).toBe(0);
		const j = JSON.parse(r.out) as { gpu: string; architecture: string; rows: Record<string, { level: string; reason: string } | string>[] };
		expect(j.gpu).toMatch(/H100/);
		expect(j.architecture).toMatch(/Hopper/);
		const fp8 = j.rows.find((x) => x.format === "fp8") as Record<string, { level: string; reason: string }> | undefined;
		expect(fp8?.vllm?.level).toBe("native");
		expect(typeof fp8?.vllm?.reason).toBe("string");
	});
});

describe("gpufit list", () => {
	it("lists GPUs as a table and as JSON", async () => {
		const t = await run("list", "gpus");
		expect(t.code).toBe(0);
		expect(t.out.split("\n")[0]).toMatch(/^id\s+name\s+memoryGiB\s+bandwidthGBs\s+availability$/);
		expect(t.out).toMatch(/\nh100-sxm\s+H100 SXM/);
		const j = await run("list", "gpus", "--json");
		const rows = JSON.parse(j.out) as { id: string; memoryGiB: number }[];
		expect(rows.find((g) => g.id === "h100-sxm")?.memoryGiB).toBeGreaterThan(78);
	});

	it("lists models, formats and architectures", async () => {
		const m = JSON.parse((await run("list", "models", "--json")).out) as { id: string; layers: number }[];
		expect(m.find((x) => x.id === "llama-3.1-70b")?.layers).toBe(80);
		const f = JSON.parse((await run("list", "formats", "--json")).out) as { id: string; bitsPerWeight: number; engines: string }[];
		expect(f.find((x) => x.id === "q4_k_m")).toMatchObject({ bitsPerWeight: 4.5, engines: "llama.cpp" });
		const a = JSON.parse((await run("list", "architectures", "--json")).out) as { id: string; name: string }[];
		expect(a.map((x) => x.name)).toContain("Hopper");
	});

	it("an unknown list exits 2 with the usage", async () => {
		const r = await run("list", "cats");
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/cannot list "cats"; gpus, models, formats or architectures/);
	});
});
