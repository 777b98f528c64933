/**
 * The worst hostile input we know of per class (issue 13), what it costs:
 *  - in the CLI: `gpufit graph` over a two-note vault (the hostile note and a plain one) as a whole process, wall time
 *    and peak RSS (/usr/bin/time), next to the same vault without the hostile note;
 *  - in the browser host (production main.js, Debian chromium): the time to index the note (VaultIndex.upsert through
 *    the plugin's index) and to render it when it is a note of gpufit blocks.
 * Writes bench/out/hostile.json. Run: node scripts/run-ts.mjs bench/hostile.bench.ts
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, within } from "../test/e2e/browser";
import { buildHost, root, startServer } from "../test/host/server";

function aliasBomb(levels: number, width: number, prefix = ""): string {
	const lines = [`${prefix}l0: &l0 [x, y]`];
	for (let i = 1; i <= levels; i++) lines.push(`${prefix}l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(", ")}]`);
	return lines.join("\n");
}

const CLASSES: { name: string; text: string }[] = [
	{ name: "YAML alias bomb in frontmatter (10^9 values)", text: `---\n${aliasBomb(9, 10)}\ntitle: Bomb\n---\nAn H100.\n` },
	{ name: "YAML alias bomb in a gpufit block (count: *l9)", text: `# Block bomb\n\n\`\`\`gpufit\n${aliasBomb(9, 10, "x")}\nmodel: Qwen3-8B\ncount: *l9\n\`\`\`\n` },
	{ name: "`[[` repeated on one line (400 KB)", text: `---\ntitle: Brackets\n---\n${"[[".repeat(200_000)}\n` },
	{ name: "context padded with 40k spaces in a block", text: `\`\`\`gpufit\nmodel: Qwen3-8B\ncontext: "${" ".repeat(40_000)}32k"\n\`\`\`\n` },
	{ name: "60,000 blank lines, then broken frontmatter", text: `---\n${"\n".repeat(60_000)}a: [\n---\nBody.\n` },
	{ name: "a gpufit block with 8,000 keys", text: `\`\`\`gpufit\n${Array.from({ length: 8000 }, (_, i) => `key${i}: v`).join("\n")}\n\`\`\`\n` },
	{ name: "100,000 tags", text: `---\ntags: [${Array.from({ length: 100_000 }, (_, i) => `t${i}`).join(", ")}]\n---\n` },
	{ name: "100,000 wikilinks", text: `---\ntitle: Links\n---\n${Array.from({ length: 100_000 }, (_, i) => `[[L${i}]]`).join(" ")}\n` },
	{ name: "4 MB run of capitals", text: `---\ntitle: Caps\n---\n${"A".repeat(4_000_000)}\n` },
	{ name: "1 MB model name in a block", text: `\`\`\`gpufit\nmodel: ${"Q".repeat(1_000_000)}\n\`\`\`\n` },
	{ name: "500 gpufit blocks", text: `# Blocks\n\n${"```gpufit\nmodel: Qwen3-8B\ncontext: 32k\n```\n\n".repeat(500)}` },
	{ name: "frontmatter nested 100,000 levels", text: `---\ndeep: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n---\n` },
];

const PLAIN = "---\ntitle: Plain\ntags: [S13_Hardware]\n---\nAn RTX 4090 with Qwen3-8B.\n";

interface CliRow { class: string; "CLI s": number; "CLI peak RSS MB": number; exit: number; "plain note indexed": boolean; "hostile note diagnosed": boolean | string }

function cliRun(dir: string): { seconds: number; rssMB: number; exit: number; plainIndexed: boolean; hostileDiagnosed: boolean } {
	const cli = join(root, "dist/cli.js");
	const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, cli, "graph", dir, "--json"], { encoding: "utf8", maxBuffer: 1 << 30 });
	const last = r.stderr.trim().split("\n").pop() ?? "";
	const [seconds, kb] = last.split(" ").map(Number);
	// What the user gets: the plain note in the graph, and a diagnostic naming the hostile note (its path).
	let plainIndexed = false;
	let hostileDiagnosed = false;
	try {
		const out = JSON.parse(r.stdout) as { nodes: { path?: string }[]; diagnostics: { path: string }[] };
		plainIndexed = out.nodes.some((n) => n.path === "Plain.md");
		hostileDiagnosed = out.diagnostics.some((d) => d.path === "Hostile.md");
	} catch {
		// not JSON: both stay false
	}
	return { seconds: seconds ?? NaN, rssMB: (kb ?? NaN) / 1024, exit: r.status ?? -1, plainIndexed, hostileDiagnosed };
}

async function main(): Promise<void> {
	if (!existsSync(join(root, "dist/cli.js"))) spawnSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: root, stdio: "inherit" });
	const rows: (CliRow & Record<string, unknown>)[] = [];
	const base = mkdtempSync(join(tmpdir(), "gpufit-hostile-"));
	try {
		writeFileSync(join(base, "Plain.md"), PLAIN);
		const plain = cliRun(base);
		rows.push({ class: "(plain note only)", "CLI s": plain.seconds, "CLI peak RSS MB": +plain.rssMB.toFixed(0), exit: plain.exit, "plain note indexed": plain.plainIndexed, "hostile note diagnosed": "-" });
		for (const c of CLASSES) {
			const dir = mkdtempSync(join(tmpdir(), "gpufit-hostile-"));
			writeFileSync(join(dir, "Plain.md"), PLAIN);
			writeFileSync(join(dir, "Hostile.md"), c.text);
			const r = cliRun(dir);
			rmSync(dir, { recursive: true, force: true });
			rows.push({ class: c.name, "CLI s": r.seconds, "CLI peak RSS MB": +r.rssMB.toFixed(0), exit: r.exit, "plain note indexed": r.plainIndexed, "hostile note diagnosed": r.hostileDiagnosed });
		}
	} finally {
		rmSync(base, { recursive: true, force: true });
	}

	await buildHost();
	const server = await startServer({ port: 0, vault: join(root, "example-vault") });
	const b = await launch();
	try {
		for (const [i, c] of CLASSES.entries()) {
			// A fresh page per class: one that hangs is reported, and the next starts clean.
			await b.page.goto(`${server.url}?note=${encodeURIComponent("Hardware/GPU Memory Budgeting.md")}`);
			await within(b.page.evaluate(() => window.gpufitHost.ready), 20_000, "host ready");
			const row = rows.find((r) => r.class === c.name);
			const ms = await within(b.page.evaluate(async ({ text, i }) => {
				type Core = { core: { index: { index?: { upsert(p: string, t: string): unknown } } } };
				const core = (window.gpufitHost.plugin as unknown as Core).core;
				while (core.index.index === undefined) await new Promise((r) => window.setTimeout(r, 20));
				const index = core.index.index;
				const t0 = performance.now();
				index.upsert(`Hostile/${i}.md`, text);
				const indexMs = performance.now() - t0;
				// And render it as a note (its gpufit blocks, if any).
				await window.gpufitHost.editNote(`Hostile/${i}.md`, text);
				const t1 = performance.now();
				window.gpufitHost.openNote(`Hostile/${i}.md`);
				const renderMs = performance.now() - t1;
				return { indexMs, renderMs };
			}, { text: c.text, i }), 60_000, c.name).catch(() => undefined);
			if (row && ms) { row["browser index ms"] = +ms.indexMs.toFixed(1); row["browser render ms"] = +ms.renderMs.toFixed(1); }
			else if (row) { row["browser index ms"] = "over 60 s"; await b.page.goto("about:blank").catch(() => undefined); }
		}
		if (b.errors.length > 0) console.log("page errors:", b.errors);
	} finally {
		await b.close();
		await server.close();
	}
	console.log("Worst hostile input per class: gpufit graph on a 2-note vault (whole process), and the browser host");
	console.table(rows);
	mkdirSync(join(root, "bench/out"), { recursive: true });
	writeFileSync(join(root, "bench/out/hostile.json"), `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
	// A hostile note may cost only itself: every run must exit 0 with the plain note beside it indexed.
	const broken = rows.filter((r) => r.exit !== 0 || !r["plain note indexed"]);
	if (broken.length > 0) {
		console.log(`FAILED: ${broken.map((r) => r.class).join("; ")} (exit status or the plain note missing)`);
		process.exitCode = 1;
	}
}

void main().then(() => process.exit(process.exitCode ?? 0), (e: unknown) => { console.error(e); process.exit(1); });
