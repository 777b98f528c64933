// `npm run mutation [-- STRYKER ARGS]`: StrykerJS over the scope in stryker.config.mjs, incremental.
//
// Stryker writes its incremental file with only the files of the run that wrote it, so a run over one folder
// (`-- --mutate 'src/vault/**/*.ts'`) would forget every other folder's results. This wrapper runs Stryker against a
// working copy of test/mutation/stryker-incremental.json and then merges the run into the tracked file: files and
// test files the run reported replace their old entries, the rest are kept (test and mutant ids renumbered, since
// each report numbers its own). The per-folder score is printed at the end (scripts/mutation-score.mjs).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mergeReports } from "./mutation-merge.mjs";

const TRACKED = "test/mutation/stryker-incremental.json";
const WORK = "reports/mutation/incremental-run.json";

mkdirSync("reports/mutation", { recursive: true });
rmSync(WORK, { force: true });
if (existsSync(TRACKED)) copyFileSync(TRACKED, WORK);
const args = process.argv.slice(2);
const run = spawnSync(process.execPath, ["node_modules/@stryker-mutator/core/bin/stryker.js", "run", "--incrementalFile", WORK, ...args], { stdio: "inherit" });
if (run.status !== 0 || !existsSync(WORK)) process.exit(run.status ?? 1);

const next = JSON.parse(readFileSync(WORK, "utf8"));
const base = existsSync(TRACKED) ? JSON.parse(readFileSync(TRACKED, "utf8")) : undefined;
const merged = base ? mergeReports(base, next, existsSync) : next;
writeFileSync(TRACKED, JSON.stringify(merged, null, 1) + "\n");
console.log(`\n${TRACKED} updated (${Object.keys(merged.files).length} source files, ${Object.keys(merged.testFiles ?? {}).length} test files).`);
const score = spawnSync(process.execPath, ["scripts/mutation-score.mjs"], { stdio: "inherit" });
process.exit(score.status ?? 1);
