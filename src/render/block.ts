/**
 * A whole `gpufit` block's output from plain data: errors, the comparison matrix, fit tables,
 * charts, copy buttons. Returns one detached root so the caller can swap it in atomically.
 */
import type { FitTable } from "../estimator/types";
import { renderAdvice, type AdviceView } from "./advice";
import { resolveShow } from "./columns";
import { renderChart } from "./chart";
import { type NodeFactory, el } from "./dom";
import { fitTableToMarkdown } from "./markdown";
import { matrixToMarkdown, renderMatrix } from "./matrix";
import { renderFitTable } from "./table";

/** A problem with the block's YAML or keys (line is 1-based within the block). */
export interface SpecIssueView {
	message: string;
	line?: number;
	key?: string;
}

/** One requested model × GPU pair that could not be computed (unknown name, invalid request). */
export interface RequestErrorView {
	what: string;
	message: string;
	suggestions: readonly string[];
}

export interface BlockModel {
	tables: readonly FitTable[];
	requestErrors: readonly RequestErrorView[];
	specIssues: readonly SpecIssueView[];
	show?: readonly string[];
	/** Scaling advice, when the block's `show` asks for it. */
	advice?: AdviceView;
}

export interface CopyButton {
	button: HTMLButtonElement;
	markdown: string;
}

export interface RenderedBlock {
	root: HTMLElement;
	copyButtons: CopyButton[];
}

export const COPY_LABEL = "Copy as Markdown table";

function copyButton(doc: NodeFactory, parent: Element, markdown: string, out: CopyButton[], label = COPY_LABEL): void {
	const button = el(doc, "button", { cls: "gpufit-copy", text: label, attr: { type: "button" } }, parent);
	out.push({ button, markdown });
}

export function renderIssues(doc: NodeFactory, parent: Element, model: BlockModel): void {
	if (model.specIssues.length === 0 && model.requestErrors.length === 0) return;
	const box = el(doc, "div", { cls: "gpufit-error", attr: { role: "alert" } }, parent);
	const fatal = model.tables.length === 0;
	el(doc, "div", { cls: "gpufit-error-title", text: fatal ? "This gpufit block could not be computed" : "Some entries in this block were skipped" }, box);
	const list = el(doc, "ul", undefined, box);
	for (const i of model.specIssues) {
		const li = el(doc, "li", undefined, list);
		if (i.line !== undefined) el(doc, "span", { cls: "gpufit-error-line", text: `Line ${i.line}: ` }, li);
		el(doc, "span", { text: i.message }, li);
	}
	for (const e of model.requestErrors) {
		const li = el(doc, "li", undefined, list);
		el(doc, "span", { cls: "gpufit-error-what", text: `${e.what}: ` }, li);
		el(doc, "span", { text: e.message }, li);
	}
}

export function renderBlock(doc: NodeFactory, model: BlockModel): RenderedBlock {
	const show = resolveShow(model.show);
	const root = el(doc, "div", { cls: "gpufit-block" });
	const copyButtons: CopyButton[] = [];
	renderIssues(doc, root, model);
	const tables = model.tables;
	if (tables.length > 1) {
		const section = el(doc, "div", { cls: ["gpufit-section", "gpufit-compare"] }, root);
		el(doc, "div", { cls: "gpufit-scroll" }, section).appendChild(renderMatrix(doc, tables));
		copyButton(doc, section, matrixToMarkdown(tables), copyButtons);
	}
	for (const table of tables) {
		const host = tables.length > 1 ? el(doc, "details", { cls: "gpufit-details" }, root) : root;
		if (tables.length > 1) el(doc, "summary", { text: `${table.model} on ${table.count > 1 ? `${table.count} × ` : ""}${table.gpu}` }, host);
		const section = el(doc, "div", { cls: "gpufit-section", attr: { "data-model": table.modelId, "data-gpu": table.gpuId } }, host);
		const scroll = el(doc, "div", { cls: "gpufit-scroll" }, section);
		scroll.appendChild(renderFitTable(doc, table, show));
		{
			const notes = [...table.notes, ...new Set(table.rows.flatMap((r) => r.warnings))];
			if (notes.length > 0) {
				const ul = el(doc, "ul", { cls: "gpufit-notes" }, section);
				for (const note of notes) el(doc, "li", { text: note }, ul);
			}
		}
		if (show.chart && table.rows.length > 0) section.appendChild(renderChart(doc, table));
		copyButton(doc, section, fitTableToMarkdown(table, show.columns), copyButtons);
	}
	if (model.advice) el(doc, "div", { cls: "gpufit-section" }, root).appendChild(renderAdvice(doc, model.advice));
	return { root, copyButtons };
}
