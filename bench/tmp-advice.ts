import { loadCatalog } from "../src/estimator/catalog";
import { computeAdvice } from "../src/estimator/advice/advise";
const c = loadCatalog();
for (const date of ["2025-08-11", "2026-11-29"]) {
	const t0 = performance.now();
	const r = computeAdvice(c, { rig: { gpu: "RTX PRO 6000 Blackwell", count: 1 }, date, policy: "released",
		workload: [
			{ model: "Qwen3-30B-A3B", copies: 2, context: 32768, users: 4, label: "Qwen3-30B-A3B variants", source: "property" },
			{ model: "Mixtral-8x22B", source: "mention" }, { model: "Yi-34B", source: "mention" }, { model: "InternLM2-20B", source: "mention" }, { model: "Mistral-7B-v0.3", source: "mention" },
		] });
	const ms = performance.now() - t0;
	if (!r.ok) { console.log(r.error); continue; }
	const v = r.value;
	console.log("=====", date, ms.toFixed(0), "ms");
	for (const o of v.options.slice(0, 14)) console.log(o.rank, o.label, "| fits", o.residentFits, o.othersFit + "/" + o.othersTotal, "| $", o.costUsd, "| pu", o.perUserDecodeTokensPerSecond, "agg", o.aggregateDecodeTokensPerSecond, "| sess", o.maxSessions, "|", o.availability);
	console.log("WAIT:", v.options.filter(o => o.kind === "wait").map(o => o.label + " " + o.residentFits).join("; "));
	console.log(v.recommendation);
	console.log(v.whatWouldChange.join("\n"));
	console.log(v.notes.join("\n"));
}
{
	const r = computeAdvice(c, { rig: { gpu: "RTX PRO 6000 Blackwell", count: 1 }, date: "2026-11-29", policy: "released",
		workload: [{ model: "Qwen3-30B-A3B", copies: 2, context: 32768, users: 4 }] });
	if (r.ok) for (const o of r.value.options.filter(o => /spark|m3-ultra/.test(o.id))) console.log(JSON.stringify(o, null, 1).slice(0, 3000));
}
