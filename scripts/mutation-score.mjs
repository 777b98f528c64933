// Mutation score per folder from the tracked incremental report (what `npm run mutation` last merged).
// Score = (killed + timeout) / (killed + timeout + survived + no coverage); compile errors and ignored mutants
// do not count (Stryker's own definition). `--markdown` prints the README table.
import { existsSync, readFileSync } from "node:fs";

const report = JSON.parse(readFileSync("test/mutation/stryker-incremental.json", "utf8"));
// Plugin files are scored one by one (only its pure request/settings code is in scope), other folders as a whole.
const folderOf = (file) => (file.startsWith("src/plugin/") ? file : file.split("/").slice(0, 2).join("/"));
const STATUS = { Killed: "killed", Timeout: "timeout", Survived: "survived", NoCoverage: "noCoverage", CompileError: "errors", RuntimeError: "errors" };
const rows = new Map();
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0 };
// A file changed since its mutants were tested has stale results: scored apart, so they are not taken for today's.
const stale = new Set(Object.entries(report.files).filter(([file, f]) => !existsSync(file) || readFileSync(file, "utf8") !== f.source).map(([file]) => file));
for (const [file, f] of Object.entries(report.files)) {
	const folder = `${folderOf(file)}${stale.has(file) ? " (stale: changed since tested)" : ""}`;
	const r = rows.get(folder) ?? { killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0 };
	for (const m of f.mutants) {
		const k = STATUS[m.status];
		if (!k) continue;
		r[k]++;
		if (!stale.has(file)) total[k]++;
	}
	rows.set(folder, r);
}
const score = (r) => {
	const detected = r.killed + r.timeout;
	const valid = detected + r.survived + r.noCoverage;
	return valid === 0 ? "n/a" : ((100 * detected) / valid).toFixed(2);
};
const markdown = process.argv.includes("--markdown");
const lines = [...[...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)), ["all (current files)", total]];
if (markdown) {
	console.log("| Folder | Score | Killed | Timeout | Survived | No coverage | Compile errors |");
	console.log("|---|---:|---:|---:|---:|---:|---:|");
	for (const [name, r] of lines) console.log(`| ${name} | ${score(r)} % | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.errors} |`);
} else {
	console.log("Mutation score per folder (test/mutation/stryker-incremental.json):");
	for (const [name, r] of lines) console.log(`  ${name.padEnd(26)} ${score(r).padStart(6)} %  killed ${r.killed}, timeout ${r.timeout}, survived ${r.survived}, no coverage ${r.noCoverage}, compile errors ${r.errors}`);
}
