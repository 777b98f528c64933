/** The fit table: one row per format. */
import type { FitTable } from "../estimator/types";
import type { ShowOptions } from "./columns";
import { type NodeFactory, el } from "./dom";
import { fitsLabel, formatRate, tableCaption } from "./format";

export function renderFitTable(doc: NodeFactory, table: FitTable, show: ShowOptions): HTMLTableElement {
	const t = el(doc, "table", { cls: "gpufit-table" });
	el(doc, "caption", { text: tableCaption(table) }, t);
	const headRow = el(doc, "tr", undefined, el(doc, "thead", undefined, t));
	for (const c of show.columns) {
		el(doc, "th", { text: c.header, title: c.hint, cls: c.numeric ? "is-num" : [], attr: { scope: "col" } }, headRow);
	}
	const body = el(doc, "tbody", undefined, t);
	for (const r of table.rows) {
		const tr = el(doc, "tr", { cls: r.fits ? "is-fit" : "is-nofit", attr: { "data-format": r.format } }, body);
		for (const c of show.columns) {
			const td = el(doc, c.id === "format" ? "th" : "td", {
				text: c.text(r),
				cls: [`gpufit-col-${c.id}`, ...(c.numeric ? ["is-num"] : [])],
				attr: c.id === "format" ? { scope: "row" } : {},
			}, tr);
			if (c.id === "fits") {
				td.classList.add(r.fits ? "gpufit-fits" : "gpufit-nofit");
				td.setAttribute("aria-label", fitsLabel(r));
				td.setAttribute("title", fitsLabel(r));
			} else if (c.id === "support") {
				td.classList.add(`gpufit-support-${r.support}`);
				td.setAttribute("title", r.supportReason);
				td.setAttribute("aria-label", `${r.support}: ${r.supportReason}`);
			} else if (c.id === "decode") {
				td.setAttribute("title", `${formatRate(r.aggregateDecodeTokensPerSecond)} tok/s across ${table.concurrency} sequence(s)`);
			} else if (c.id === "format") {
				const why = r.why.map((w) => `${w.label}: ${w.formula} = ${w.value} ${w.unit}`).join("\n");
				if (why) td.setAttribute("title", why);
			}
		}
	}
	return t;
}
