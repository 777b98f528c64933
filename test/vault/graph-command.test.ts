import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runGraphCommand } from "../../src/cli/graph-command";
import { FIXTURE_VAULT } from "./helpers";

async function run(args: string[]) {
	let stdout = "";
	let stderr = "";
	const code = runGraphCommand(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
	return { code, stdout, stderr };
}

describe("gpufit graph", () => {
	it("prints a summary of the fixture vault, skipping .obsidian/ and .trash/", async () => {
		const r = await run([FIXTURE_VAULT]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe("");
		expect(r.stdout).toMatch(/^Notes: 8$/m);
		expect(r.stdout).toMatch(/^Series: 2$/m);
		expect(r.stdout).toMatch(/^Concepts: .*gpu \d+/m);
		expect(r.stdout).toMatch(/^Edges: \d+ \(.*mentions \d+/m);
		expect(r.stdout).toMatch(/^Missing notes: 3$/m);
		expect(r.stdout).toContain("KV Cache Sizing (named by 2)");
		expect(r.stdout).toMatch(/^Diagnostics: 2$/m);
		expect(r.stdout).toContain("Broken YAML.md:4:");
		expect(r.stdout).not.toContain("Obsidian Internal");
	});

	it("--json gives nodes, edges and diagnostics", async () => {
		const r = await run(["--json", FIXTURE_VAULT]);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout) as { nodes: { id: string; kind: string; label: string; path?: string }[]; edges: { source: string; target: string; kind: string }[]; diagnostics: { path: string }[] };
		expect(out.nodes.filter((n) => n.kind === "note").map((n) => n.path).sort()).toEqual([
			"Broken YAML.md", "Empty Frontmatter.md", "Engines/Serving With vLLM.md", "Hardware/Workstation Card Planning.md",
			"Memory Budgeting.md", "No Frontmatter.md", "Series/Series Overview.md", "Квантование на Hopper.md",
		]);
		expect(Object.keys(out.edges[0] ?? {}).sort()).toEqual(["kind", "source", "target"]);
		expect(out.diagnostics.map((d) => d.path)).toContain("Broken YAML.md");
	});

	it("exits 2 with a message on bad arguments", async () => {
		for (const args of [[], ["--bogus", FIXTURE_VAULT], [FIXTURE_VAULT, FIXTURE_VAULT], ["/no/such/dir"], [`${FIXTURE_VAULT}/No Frontmatter.md`]]) {
			const r = await run(args);
			expect(r.code, args.join(" ")).toBe(2);
			expect(r.stderr).toMatch(/usage: gpufit graph/);
			expect(r.stderr).not.toMatch(/\n\s+at /);
		}
		expect((await run(["--help"])).code).toBe(0);
	});
});

describe("gpufit graph: every file costs only itself", () => {
	it("reports dangling symlinks, folder symlinks and pipes, and indexes the rest", async () => {
		const dir = mkdtempSync(join(tmpdir(), "gpufit-graph-"));
		try {
			writeFileSync(join(dir, "Good.md"), "---\ntitle: Good\ntags: [x]\n---\nAn H100.\n");
			mkdirSync(join(dir, "sub"));
			writeFileSync(join(dir, "sub", "Inner.md"), "Inner note.\n");
			symlinkSync(join(dir, "nowhere.md"), join(dir, "Dangling.md"));
			symlinkSync(join(dir, "sub"), join(dir, "Loop"));
			symlinkSync(join(dir, "Good.md"), join(dir, "Linked.md"));
			execFileSync("mkfifo", [join(dir, "Pipe.md")]);
			const r = await run(["--json", dir]);
			expect(r.code).toBe(0);
			const out = JSON.parse(r.stdout) as { nodes: { kind: string; path?: string }[]; diagnostics: { path: string; message: string }[] };
			expect(out.nodes.filter((n) => n.kind === "note").map((n) => n.path).sort()).toEqual(["Good.md", "Linked.md", "sub/Inner.md"]);
			const problems = Object.fromEntries(out.diagnostics.map((d) => [d.path, d.message]));
			expect(problems["Dangling.md"]).toMatch(/Symlink to a file that cannot be read \(ENOENT\)/);
			expect(problems.Loop).toMatch(/Symlink to a folder: not followed/);
			expect(problems["Pipe.md"]).toMatch(/Not a regular file/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
