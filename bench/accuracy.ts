/**
 * Accuracy report: predicted vs measured per public measurement, then median / max absolute error per metric.
 * Two sets: the rows the speed constants were chosen with in view, and a held-out set collected afterwards.
 * Exits non-zero only if the first set misses its targets (the held-out set is reported, not enforced).
 */
import { compareAll, engineVendor, groupStats, GROUPS, HELDOUT_ROWS, ROUND2_HELDOUT_ROWS, ROUND2_ROWS, ROWS, VLLM_ROWS, type Comparison } from "./accuracy-lib";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(comparisons: Comparison[], lines: string[]): boolean {
	let ok = true;
	lines.push("| id | setup | metric | measured | predicted | error |", "|---|---|---|---|---|---|");
	for (const c of comparisons) {
		const r = c.row;
		const setup = [r.model, r.format, r.gpu && `${r.count ?? 1}× ${r.gpu}`, r.split, r.engine, r.context && `ctx ${r.context}`].filter(Boolean).join(", ");
		const predicted = c.predicted === undefined ? "—" : String(+c.predicted.toFixed(2));
		lines.push(`| ${r.id} | ${setup} | ${r.metric} | ${r.value} | ${predicted} | ${c.error === undefined ? `skipped: ${c.skipped ?? ""}` : pct(c.error)} |`);
	}
	lines.push("", "| metric group | rows | median abs error | max abs error | target |", "|---|---|---|---|---|");
	for (const g of GROUPS) {
		const s = groupStats(comparisons, g.metrics);
		if (s.n === 0) continue;
		const met = (g.maxTarget === undefined || s.max <= g.maxTarget) && (g.medianTarget === undefined || s.median <= g.medianTarget);
		if (!met) ok = false;
		const target = [g.medianTarget !== undefined ? `median ≤ ${pct(g.medianTarget)}` : "", g.maxTarget !== undefined ? `max ≤ ${pct(g.maxTarget)}` : "reported only"].filter(Boolean).join(", ");
		lines.push(`| ${g.name} | ${s.n} | ${pct(s.median)} | ${pct(s.max)} | ${target}${met ? "" : " — missed"} |`);
	}
	// The same speed groups per engine and GPU vendor (with its backend): the issue's targets apply to each.
	const speed = comparisons.filter((c) => c.error !== undefined && (c.row.metric === "decodeTokensPerSecond" || c.row.metric === "prefillTokensPerSecond"));
	const keys = [...new Set(speed.map((c) => `${c.row.metric === "decodeTokensPerSecond" ? "decode" : "prefill"} | ${engineVendor(c.row)}`))].sort();
	if (keys.length > 0) {
		lines.push("", "| metric | engine / vendor (backend) | rows | median abs error | max abs error |", "|---|---|---|---|---|");
		for (const k of keys) {
			const [metric] = k.split(" | ");
			const subset = speed.filter((c) => `${c.row.metric === "decodeTokensPerSecond" ? "decode" : "prefill"} | ${engineVendor(c.row)}` === k);
			const st = groupStats(subset, [metric === "decode" ? "decodeTokensPerSecond" : "prefillTokensPerSecond"]);
			lines.push(`| ${k} | ${st.n} | ${pct(st.median)} | ${pct(st.max)} |`);
		}
	}
	return ok;
}

const lines: string[] = ["## Public measurements (speed constants chosen with these in view)", ""];
const publicOk = report(compareAll(ROWS), lines);
lines.push("", "## Held-out measurements (collected afterwards, never used to choose a constant)", "");
report(compareAll(HELDOUT_ROWS), lines);
lines.push("", "## vLLM measurements (the MoE rows set vLLM's MoE layer latency; the dense rows were not used for any constant)", "");
report(compareAll(VLLM_ROWS), lines);
lines.push("", "## Round 2 design rows (backends, prefill per format and MoE, new GPUs; the round-2 physics was written with these in view)", "");
report(compareAll(ROUND2_ROWS), lines);
if (!process.argv.includes("--no-heldout")) {
	lines.push("", "## Round 2 held-out rows (collected first, compared only once the round-2 model was done)", "");
	report(compareAll(ROUND2_HELDOUT_ROWS), lines);
}
console.log(lines.join("\n"));
process.exitCode = publicOk ? 0 : 1;
