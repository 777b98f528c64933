/**
 * A whole `gpufit` block's output from plain data: errors, the comparison matrix, fit tables, charts, copy and "why"
 * buttons. Returns one detached root so the caller can swap it in atomically, and a click handler for its buttons.
 */
import type { FitTable } from "../estimator/types";
import { BlockActions, type CopyRequest } from "./actions";
import { renderAdvice, type AdviceView } from "./advice";
import { renderChart } from "./chart";
import { resolveShow } from "./columns";
import { type NodeFactory, el } from "./dom";
import { fitTableToMarkdown } from "./markdown";
import { gpuLabel, matrixToMarkdown, renderMatrix } from "./matrix";
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
	/** The GPU of the user's rig (settings): its setups come first in a comparison and are marked "my rig". */
	rigGpuId?: string;
	/** Scaling advice, when the block's `show` asks for it. */
	advice?: AdviceView;
}

export type { CopyRequest } from "./actions";

export interface RenderedBlock {
	root: HTMLElement;
	/** Forward a click inside `root`: opens/closes why panels itself; returns text to copy when a copy button was hit. */
	click(target: Element): CopyRequest | undefined;
}

export const COPY_LABEL = "Copy as Markdown table";

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

/** Table-level notes and each distinct row warning, once. */
function notesOf(table: FitTable): string[] {
	return [...new Set([...table.notes, ...table.rows.flatMap((r) => r.warnings)])];
}

export function renderBlock(doc: NodeFactory, model: BlockModel): RenderedBlock {
	const show = resolveShow(model.show);
	const root = el(doc, "div", { cls: "gpufit-block" });
	const actions = new BlockActions();
	const copied = "Copied the table as Markdown.";
	renderIssues(doc, root, model);
	const tables = model.tables;
	if (tables.length > 1) {
		const section = el(doc, "div", { cls: ["gpufit-section", "gpufit-compare"] }, root);
		section.appendChild(renderMatrix(doc, tables, model.rigGpuId));
		const markdown = matrixToMarkdown(tables, model.rigGpuId);
		actions.copyButton(doc, section, COPY_LABEL, () => ({ text: markdown, notice: copied }));
	}
	// Per-pair details in the matrix's order: each model's setups with the user's card first.
	const models = [...new Set(tables.map((t) => t.model))];
	const ordered = [...tables].sort((a, b) => models.indexOf(a.model) - models.indexOf(b.model)
		|| Number(b.gpuId === model.rigGpuId) - Number(a.gpuId === model.rigGpuId));
	for (const table of ordered) {
		const host = tables.length > 1 ? el(doc, "details", { cls: "gpufit-details" }, root) : root;
		if (tables.length > 1) el(doc, "summary", { text: `${table.model} on ${gpuLabel(table)}: every figure` }, host);
		const section = el(doc, "div", { cls: "gpufit-section", attr: { "data-model": table.modelId, "data-gpu": table.gpuId } }, host);
		el(doc, "div", { cls: "gpufit-scroll" }, section).appendChild(renderFitTable(doc, table, show, actions));
		const notes = notesOf(table);
		if (notes.length > 0) {
			const ul = el(doc, "ul", { cls: "gpufit-notes" }, section);
			for (const note of notes) el(doc, "li", { text: note }, ul);
		}
		if (show.chart && table.rows.length > 0) section.appendChild(renderChart(doc, table));
		actions.copyButton(doc, section, COPY_LABEL, () => ({ text: fitTableToMarkdown(table, show.columns), notice: copied }));
	}
	if (model.advice) el(doc, "div", { cls: "gpufit-section" }, root).appendChild(renderAdvice(doc, model.advice));
	return { root, click: (target) => actions.click(target) };
}
