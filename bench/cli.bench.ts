/**
 * `gpufit graph DIR --json` as a whole process against a bare gray-matter pass over the same files, also a whole
 * process (a Node script that reads each file and calls `matter(text, {})`): start-up, reading, parsing, the graph
 * and the JSON output on one side, start-up, reading and parsing on the other. A 3,000-note vault the index has
 * never seen (synthetic seed-shaped notes in folders), written to a temp folder; the two alternate, 3 runs each,
 * medians compared. Target: ≤ 1.5×. Run: node scripts/run-ts.mjs bench/cli.bench.ts [notes]
 * Writes bench/out/cli.json. Builds dist/cli.js when missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { syntheticNote } from "./vault-gen";

const NOTES = Number(process.argv[2] ?? 3000);
const RUNS = 3;
const TARGET = 1.5;
const root = resolve(__dirname, "../..");
const cli = join(root, "dist/cli.js");

if (!existsSync(cli)) {
	const build = spawnSync(process.execPath, ["esbuild.config.mjs", "production", "--only=cli"], { cwd: root, stdio: "inherit" });
	if (build.status !== 0) throw new Error("could not build dist/cli.js");
}

const vault = mkdtempSync(join(tmpdir(), "gpufit-cli-bench-"));
const baselineScript = join(vault, "..", `${vault.split("/").pop() ?? "x"}-gray-matter.cjs`);
try {
	let bytes = 0;
	for (let i = 0; i < NOTES; i++) {
		const n = syntheticNote(i, NOTES, 7);
		const file = join(vault, `folder ${i % 20}`, n.path);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, n.text);
		bytes += Buffer.byteLength(n.text);
	}
	writeFileSync(baselineScript, `"use strict";
const fs = require("fs");
const path = require("path");
const matter = require(${JSON.stringify(join(root, "node_modules/gray-matter"))});
let notes = 0;
const walk = (dir) => {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		if (e.name.startsWith(".")) continue;
		const full = path.join(dir, e.name);
		if (e.isDirectory()) walk(full);
		else if (e.isFile() && e.name.endsWith(".md")) { matter(fs.readFileSync(full, "utf8"), {}); notes++; }
	}
};
walk(process.argv[2]);
process.stdout.write(notes + "\\n");
`);

	const devNull = openSync("/dev/null", "w");
	const time = (args: string[]): number => {
		const t0 = performance.now();
		const r = spawnSync(process.execPath, args, { stdio: ["ignore", devNull, "inherit"] });
		const ms = performance.now() - t0;
		if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${String(r.status)}`);
		return ms;
	};
	const cliTimes: number[] = [];
	const baseTimes: number[] = [];
	// One untimed run of each first (file cache, Node's compile cache), then alternate.
	time([baselineScript, vault]);
	time([cli, "graph", vault, "--json"]);
	for (let r = 0; r < RUNS; r++) {
		if (r % 2 === 0) { baseTimes.push(time([baselineScript, vault])); cliTimes.push(time([cli, "graph", vault, "--json"])); }
		else { cliTimes.push(time([cli, "graph", vault, "--json"])); baseTimes.push(time([baselineScript, vault])); }
	}
	closeSync(devNull);
	const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
	const row = {
		notes: NOTES,
		MB: +(bytes / 1e6).toFixed(1),
		"gray-matter pass ms (median)": Math.round(median(baseTimes)),
		"gpufit graph --json ms (median)": Math.round(median(cliTimes)),
		ratio: +(median(cliTimes) / median(baseTimes)).toFixed(2),
		runs: RUNS,
	};
	console.log(`gpufit graph as a whole process, ${NOTES} notes, Node ${process.version}`);
	console.table([row]);
	console.log(`all runs: gray-matter ${baseTimes.map((t) => Math.round(t)).join(", ")} ms; gpufit ${cliTimes.map((t) => Math.round(t)).join(", ")} ms`);
	mkdirSync(join(root, "bench/out"), { recursive: true });
	writeFileSync(join(root, "bench/out/cli.json"), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, row, baseTimes, cliTimes }, null, 2)}\n`);
	if (row.ratio > TARGET) {
		console.log(`over the ${TARGET}× target`);
		process.exitCode = 1;
	}
} finally {
	rmSync(vault, { recursive: true, force: true });
	rmSync(baselineScript, { force: true });
}
