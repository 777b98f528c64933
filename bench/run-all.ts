/**
 * `npm run bench`: every benchmark in sequence, each in its own process (so heap figures do not mix).
 * Prints each report and a summary; exits non-zero if any bench missed a target it enforces.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const benches: { name: string; entry: string }[] = [
	{ name: "estimator accuracy", entry: "bench/accuracy.ts" },
	{ name: "vault index", entry: "bench/vault.bench.ts" },
	{ name: "gpufit graph as a process", entry: "bench/cli.bench.ts" },
	{ name: "plugin budgets", entry: "bench/plugin.bench.ts" },
];

const results: { name: string; status: string }[] = [];
for (const b of benches) {
	if (!existsSync(b.entry)) {
		results.push({ name: b.name, status: `missing (${b.entry})` });
		continue;
	}
	console.log(`\n# ${b.name}\n`);
	const started = Date.now();
	const run = spawnSync(process.execPath, ["scripts/run-ts.mjs", b.entry], { stdio: "inherit" });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	results.push({ name: b.name, status: run.status === 0 ? `ok (${seconds} s)` : `FAILED with exit ${String(run.status)} (${seconds} s)` });
}
console.log("\n# summary\n");
for (const r of results) console.log(`- ${r.name}: ${r.status}`);
process.exitCode = results.some((r) => !r.status.startsWith("ok")) ? 1 : 0;
