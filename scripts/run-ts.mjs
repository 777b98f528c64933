// Runs a TypeScript entry point on Node: bundles it with esbuild into bench/out/ and executes it,
// passing the remaining arguments through. Used for benchmarks and the accuracy report.
import esbuild from "esbuild";
import { grayMatterSafe } from "./gray-matter-safe.mjs";
import { builtinModules } from "node:module";
import { spawnSync } from "node:child_process";
import { basename } from "node:path";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error("usage: node scripts/run-ts.mjs FILE.ts [args...]");
	process.exit(2);
}
const outfile = `bench/out/${basename(entry).replace(/\.ts$/, "")}.cjs`;
await esbuild.build({
	entryPoints: [entry], bundle: true, platform: "node", format: "cjs", target: "node20", outfile,
	external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), "playwright-core", "esbuild"],
	logLevel: "warning",
	// The same gray-matter as main.js and dist/cli.js ship (see gray-matter-safe.mjs): benches measure what users run.
	plugins: [grayMatterSafe({ stubFs: false })],
});
const run = spawnSync(process.execPath, ["--expose-gc", outfile, ...args], { stdio: "inherit" });
process.exit(run.status ?? 1);
