/**
 * Scaling advice as DOM, from the plain AdviceResult: the recommendation and its reasons, the comparison table
 * (the same rows the note's Markdown section has), what would change the answer, the date and catalog. Text only
 * (textContent), never HTML from data.
 */
import { shownOptions, TABLE_HEADERS, tableRow, type TableRow } from "../estimator/advice/markdown";
import { describePolicy } from "../estimator/advice/precision";
import type { AdviceResult } from "../estimator/advice/types";
import { type NodeFactory, el } from "./dom";

export type AdviceView = { ok: true; advice: AdviceResult } | { ok: false; message: string };

const NUMERIC: readonly (keyof TableRow)[] = ["rank", "mentioned", "perUser", "total", "sessions", "cost", "perGiB", "power"];

export function renderAdvice(doc: NodeFactory, view: AdviceView): HTMLElement {
	const root = el(doc, "div", { cls: "gpufit-advice" });
	if (!view.ok) {
		const box = el(doc, "div", { cls: "gpufit-error", attr: { role: "alert" } }, root);
		el(doc, "div", { cls: "gpufit-error-title", text: "No scaling advice" }, box);
		el(doc, "div", { text: view.message }, box);
		return root;
	}
	const a = view.advice;
	el(doc, "div", { cls: "gpufit-advice-title", text: "Scaling advice" }, root);
	const rec = el(doc, "div", { cls: "gpufit-advice-recommendation" }, root);
	el(doc, "span", { text: "Recommendation: " }, rec);
	el(doc, "strong", { text: a.recommendation.label }, rec);
	const reasons = el(doc, "ul", { cls: "gpufit-advice-reasons" }, root);
	for (const r of a.recommendation.reasons) el(doc, "li", { text: r }, reasons);

	const scroll = el(doc, "div", { cls: "gpufit-scroll" }, root);
	// Its own class, not gpufit-table: fit-table queries (and styles) never pick up the advice table.
	const table = el(doc, "table", { cls: "gpufit-advice-table" }, scroll);
	el(doc, "caption", { text: `Options for ${a.rig.count}× ${a.rig.gpu}, models ${describePolicy(a.policy)}` }, table);
	const keys = Object.keys(TABLE_HEADERS) as (keyof TableRow)[];
	const head = el(doc, "tr", undefined, el(doc, "thead", undefined, table));
	for (const k of keys) el(doc, "th", { text: TABLE_HEADERS[k], cls: NUMERIC.includes(k) ? "is-num" : [], attr: { scope: "col" } }, head);
	const body = el(doc, "tbody", undefined, table);
	for (const o of shownOptions(a)) {
		const row = tableRow(o, a.date);
		const tr = el(doc, "tr", {
			cls: [o.rank === 1 ? "is-recommended" : o.residentFits ? "is-fit" : "is-nofit"],
			attr: { "data-option": o.id, "data-kind": o.kind },
		}, body);
		for (const k of keys) {
			const cell = el(doc, k === "option" ? "th" : "td", { text: row[k], cls: [`gpufit-col-${k}`, ...(NUMERIC.includes(k) ? ["is-num"] : [])], attr: k === "option" ? { scope: "row" } : {} }, tr);
			if (k === "option" && (o.notes.length > 0 || o.drawbacks.length > 0)) cell.setAttribute("title", [...o.drawbacks.map((d) => `Drawback: ${d}`), ...o.notes].join("\n"));
			if (k === "holds" && !o.residentFits) cell.setAttribute("title", o.fits.filter((f) => f.resident && !f.fits).map((f) => `${f.label}: ${f.why ?? "does not fit"}`).join("\n"));
		}
	}

	if (a.whatWouldChange.length > 0) {
		el(doc, "div", { cls: "gpufit-advice-subtitle", text: "What would change the answer" }, root);
		const ul = el(doc, "ul", { cls: "gpufit-advice-changes" }, root);
		for (const w of a.whatWouldChange) el(doc, "li", { text: w }, ul);
	}
	if (a.notes.length > 0) {
		const ul = el(doc, "ul", { cls: "gpufit-notes" }, root);
		for (const n of a.notes) el(doc, "li", { text: n }, ul);
	}
	el(doc, "div", { cls: "gpufit-advice-footer", text: `Computed for ${a.date} with the GPU Fit catalog (${a.catalogVersion}). Estimates; prices are the latest dated facts in the catalog.` }, root);
	return root;
}
