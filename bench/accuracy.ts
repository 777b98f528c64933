/** Accuracy report: predicted vs measured per public measurement, then median / max absolute error per metric. */
import { compareAll, groupStats, GROUPS } from "./accuracy-lib";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const comparisons = compareAll();
const lines: string[] = [];
lines.push("| id | setup | metric | measured | predicted | error |", "|---|---|---|---|---|---|");
for (const c of comparisons) {
	const r = c.row;
	const setup = [r.model, r.format, r.gpu && `${r.count ?? 1}× ${r.gpu}`, r.split, r.engine].filter(Boolean).join(", ");
	lines.push(`| ${r.id} | ${setup} | ${r.metric} | ${r.value} | ${c.predicted === undefined ? "—" : +c.predicted.toFixed(2)} | ${c.error === undefined ? `skipped: ${c.skipped ?? ""}` : pct(c.error)} |`);
}
lines.push("", "| metric group | rows | median abs error | max abs error | target |", "|---|---|---|---|---|");
let failed = false;
for (const g of GROUPS) {
	const s = groupStats(comparisons, g.metrics);
	const ok = (g.maxTarget === undefined || s.max <= g.maxTarget) && (g.medianTarget === undefined || s.median <= g.medianTarget);
	if (!ok) failed = true;
	const target = [g.medianTarget !== undefined ? `median ≤ ${pct(g.medianTarget)}` : "", g.maxTarget !== undefined ? `max ≤ ${pct(g.maxTarget)}` : "reported only"].filter(Boolean).join(", ");
	lines.push(`| ${g.name} | ${s.n} | ${pct(s.median)} | ${pct(s.max)} | ${target}${ok ? "" : " — MISSED"} |`);
}
console.log(lines.join("\n"));
process.exitCode = failed ? 1 : 0;
