/**
 * The fit table: one row per format. The format cell is the row's header and carries the row's "why" button; it
 * stays put (sticky) when a wide table scrolls sideways, and narrow blocks restack each row as a card (styles.css).
 */
import type { FitRow, FitTable } from "../estimator/types";
import { whyText } from "../estimator/why-text";
import type { BlockActions } from "./actions";
import type { ShowOptions } from "./columns";
import { type NodeFactory, el } from "./dom";
import { formatRate, tableCaption, verdictSentence } from "./format";
import { renderWhyPanel } from "./why-panel";

let panelIds = 0;

export function renderFitTable(doc: NodeFactory, table: FitTable, show: ShowOptions, actions: BlockActions): HTMLTableElement {
	const t = el(doc, "table", { cls: ["gpufit-table", "gpufit-fit"] });
	// The caption's text is its own box so it can stay in view (sticky) while a wide table scrolls.
	el(doc, "span", { cls: "gpufit-caption-text", text: tableCaption(table) }, el(doc, "caption", undefined, t));
	const headRow = el(doc, "tr", undefined, el(doc, "thead", undefined, t));
	for (const c of show.columns) {
		el(doc, "th", { text: c.header, title: c.hint, cls: [`gpufit-col-${c.id}`, ...(c.numeric ? ["is-num"] : [])], attr: { scope: "col" } }, headRow);
	}
	const body = el(doc, "tbody", undefined, t);
	for (const r of table.rows) {
		const tr = el(doc, "tr", { cls: ["gpufit-row", `is-${r.verdict}`], attr: { "data-format": r.format, "data-verdict": r.verdict } }, body);
		for (const c of show.columns) {
			const cls = [`gpufit-col-${c.id}`, ...(c.numeric ? ["is-num"] : [])];
			if (c.id === "format") {
				const th = el(doc, "th", { cls, attr: { scope: "row" } }, tr);
				el(doc, "span", { cls: "gpufit-format-name", text: c.text(r, table.concurrency) }, th);
				whyButton(doc, th, tr, table, r, show.columns.length, actions);
				continue;
			}
			const td = el(doc, "td", { text: c.text(r, table.concurrency), cls, attr: { "data-label": c.header } }, tr);
			if (c.id === "verdict") {
				td.classList.add(`gpufit-verdict-${r.verdict}`);
				td.setAttribute("title", verdictSentence(r));
			} else if (c.id === "support") {
				td.classList.add(`gpufit-support-${r.support}`);
				td.setAttribute("title", r.supportReason);
			} else if (c.id === "decode") {
				td.setAttribute("title", `${formatRate(r.aggregateDecodeTokensPerSecond)} tok/s across ${table.concurrency} sequence(s)`);
			}
		}
	}
	return t;
}

/** The row's "why" control: a real button (keyboard and touch reachable) that opens the computation under the row. */
function whyButton(doc: NodeFactory, cell: Element, tr: HTMLTableRowElement, table: FitTable, r: FitRow, span: number, actions: BlockActions): void {
	const title = `How ${r.formatName}'s figures were computed`;
	const button = el(doc, "button", {
		cls: "gpufit-why-toggle",
		text: "Why",
		title,
		attr: { type: "button", "aria-expanded": "false", "aria-label": `Why ${r.formatName}: how each figure was computed` },
	}, cell);
	let panelRow: HTMLTableRowElement | undefined;
	actions.onToggle(button, () => {
		if (panelRow) {
			panelRow.remove();
			panelRow = undefined;
			button.setAttribute("aria-expanded", "false");
			button.removeAttribute("aria-controls");
			return;
		}
		const id = `gpufit-why-${++panelIds}`;
		panelRow = el(doc, "tr", { cls: "gpufit-why-row" });
		const td = el(doc, "td", { attr: { colspan: String(span), id } }, panelRow);
		td.appendChild(renderWhyPanel(doc, whyText(table, r), title, actions));
		tr.after(panelRow);
		button.setAttribute("aria-expanded", "true");
		button.setAttribute("aria-controls", id);
	});
}
