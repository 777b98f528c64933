/**
 * The inline "why" panel under a fit-table row: the estimator's why text (the same text `gpufit fit --why` prints),
 * one element per line so long formulas wrap with a hanging indent, and a button that copies it.
 */
import type { BlockActions } from "./actions";
import { type NodeFactory, el } from "./dom";

export function renderWhyPanel(doc: NodeFactory, text: string, title: string, actions: BlockActions): HTMLElement {
	const panel = el(doc, "div", { cls: "gpufit-why", attr: { role: "region", "aria-label": title } });
	const lines = el(doc, "div", { cls: "gpufit-why-lines" }, panel);
	text.split("\n").forEach((line, i) => {
		el(doc, "div", { cls: i === 0 ? ["gpufit-why-line", "gpufit-why-head"] : "gpufit-why-line", text: line }, lines);
	});
	actions.copyButton(doc, panel, "Copy computation", () => ({ text, notice: "Copied the computation." }), `Copy: ${title}`);
	return panel;
}
