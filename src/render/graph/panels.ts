/**
 * The graph view's side panel contents, from plain data: a concept's facts with their sources and a fit summary,
 * the notes that mention it, a missing note's "create" offer, the filters, the problems list. Standard DOM through
 * the render layer's element factory; note text only ever becomes textContent.
 */
import type { FitTable } from "../../estimator/types";
import { el, type NodeFactory } from "../dom";
import { formatHeadroom, formatRate, tableCaption } from "../format";
import type { FactSheet } from "./facts";
import type { Problem, NodeKind } from "./source";
import { EDGE_KINDS, NODE_KINDS, type FitsOverlay, type GraphFilters, type ViewEdgeKind } from "./state";
import { EDGE_STYLES, NODE_STYLES } from "./style";

export interface NoteRef {
	path: string;
	label: string;
}

/** A clickable note line; the handler gets the event so modifier-click can open a new tab. */
export function noteList(doc: NodeFactory, notes: readonly NoteRef[], open: (path: string, evt: MouseEvent) => void, limit = 200): HTMLElement {
	const ul = el(doc, "ul", { cls: "gpufit-graph-notes" });
	for (const n of notes.slice(0, limit)) {
		const a = el(doc, "a", { cls: "gpufit-graph-note-link", text: n.label, attr: { href: "#", "data-path": n.path }, title: n.path }, el(doc, "li", {}, ul));
		a.addEventListener("click", (evt) => { evt.preventDefault(); open(n.path, evt); });
	}
	if (notes.length > limit) el(doc, "li", { cls: "gpufit-graph-muted", text: `… and ${notes.length - limit} more` }, ul);
	return ul;
}

export function kindBadge(doc: NodeFactory, kind: NodeKind): HTMLElement {
	const badge = el(doc, "span", { cls: ["gpufit-graph-badge", `gpufit-kind-${kind}`] });
	el(doc, "span", { cls: ["gpufit-graph-swatch", `is-${NODE_STYLES[kind].shape}`] }, badge);
	el(doc, "span", { text: NODE_STYLES[kind].label.replace(/s$/, "") }, badge);
	return badge;
}

/** A catalog concept: its facts (each with a marker to its source), the sources, and for a model the fit on my rig. */
export function factsSection(doc: NodeFactory, sheet: FactSheet, fit: { table?: FitTable; best?: string; error?: string } | undefined): HTMLElement {
	const root = el(doc, "div", { cls: "gpufit-graph-facts" });
	const dl = el(doc, "dl", {}, root);
	for (const r of sheet.rows) {
		el(doc, "dt", { text: r.label }, dl);
		const dd = el(doc, "dd", { text: r.value }, dl);
		if (r.source !== undefined) el(doc, "sup", { cls: "gpufit-graph-ref", text: `[${r.source + 1}]`, title: sheet.sources[r.source]?.ref ?? "" }, dd);
	}
	if (fit) {
		const box = el(doc, "div", { cls: "gpufit-graph-fit" }, root);
		el(doc, "div", { cls: "gpufit-graph-subhead", text: "On my rig" }, box);
		if (fit.error) el(doc, "div", { cls: "gpufit-graph-muted", text: fit.error }, box);
		if (fit.table) {
			el(doc, "div", { cls: "gpufit-graph-muted", text: tableCaption(fit.table) }, box);
			if (fit.best) el(doc, "div", { cls: "gpufit-graph-best", text: fit.best }, box);
			const table = el(doc, "table", { cls: "gpufit-graph-fit-table" }, box);
			const head = el(doc, "tr", {}, el(doc, "thead", {}, table));
			for (const h of ["Format", "Fits", "Seqs", "tok/s"]) el(doc, "th", { text: h }, head);
			const body = el(doc, "tbody", {}, table);
			for (const row of fit.table.rows) {
				const tr = el(doc, "tr", { cls: row.fits ? "is-fit" : "is-nofit" }, body);
				el(doc, "td", { text: row.formatName }, tr);
				el(doc, "td", { text: `${row.fits ? "✓" : "✗"} ${formatHeadroom(row.headroomGiB)}` }, tr);
				el(doc, "td", { cls: "is-num", text: row.fits ? String(row.maxConcurrentSequences) : "—" }, tr);
				el(doc, "td", { cls: "is-num", text: row.fits ? formatRate(row.decodeTokensPerSecond) : "—" }, tr);
			}
		}
	}
	if (sheet.sources.length > 0) {
		el(doc, "div", { cls: "gpufit-graph-subhead", text: "Sources" }, root);
		const ol = el(doc, "ol", { cls: "gpufit-graph-sources" }, root);
		for (const s of sheet.sources) {
			const li = el(doc, "li", {}, ol);
			if (/^https?:\/\//.test(s.ref)) el(doc, "a", { text: s.ref, attr: { href: s.ref, target: "_blank", rel: "noopener" } }, li);
			else el(doc, "span", { text: s.ref }, li);
			el(doc, "span", { cls: "gpufit-graph-muted", text: ` (${s.asOf}, ${s.confidence})` }, li);
		}
	}
	return root;
}

export function problemsSection(doc: NodeFactory, problems: readonly Problem[], open: (p: Problem, evt: MouseEvent) => void): HTMLElement {
	const root = el(doc, "div", { cls: "gpufit-graph-problems" });
	if (problems.length === 0) {
		el(doc, "div", { cls: "gpufit-graph-muted", text: "No problems: every note's frontmatter and gpufit blocks parse." }, root);
		return root;
	}
	const ul = el(doc, "ul", {}, root);
	for (const p of problems.slice(0, 500)) {
		const li = el(doc, "li", { cls: "gpufit-graph-problem" }, ul);
		const a = el(doc, "a", { cls: "gpufit-graph-note-link", attr: { href: "#", "data-path": p.path, "data-line": String(p.line ?? "") } }, li);
		el(doc, "span", { cls: "gpufit-graph-problem-where", text: p.line === undefined ? p.path : `${p.path}:${p.line}` }, a);
		el(doc, "span", { cls: "gpufit-graph-problem-message", text: p.message }, a);
		a.addEventListener("click", (evt) => { evt.preventDefault(); open(p, evt); });
	}
	if (problems.length > 500) el(doc, "div", { cls: "gpufit-graph-muted", text: `… and ${problems.length - 500} more` }, root);
	return root;
}

export interface FilterChoices {
	/** Node kinds in the graph, with counts. */
	kinds: [NodeKind, number][];
	/** Series nodes: id and label. */
	series: [string, string][];
	local: boolean;
}

export interface FilterActions {
	toggleKind(kind: NodeKind, shown: boolean): void;
	toggleEdgeKind(kind: ViewEdgeKind, shown: boolean): void;
	toggleSeries(id: string, on: boolean): void;
	setMissing(on: boolean): void;
	setFits(mode: FitsOverlay): void;
}

function checkbox(doc: NodeFactory, parent: HTMLElement, label: string, checked: boolean, onChange: (v: boolean) => void, cls?: string, key?: string): HTMLInputElement {
	const row = el(doc, "label", { cls: ["gpufit-graph-check", ...(cls ? [cls] : [])] }, parent);
	const input = el(doc, "input", { attr: { type: "checkbox", ...(key ? { "data-key": key } : {}) } }, row);
	input.checked = checked;
	input.addEventListener("change", () => onChange(input.checked));
	el(doc, "span", { text: label }, row);
	return input;
}

export function filtersSection(doc: NodeFactory, filters: GraphFilters, edgeKinds: readonly ViewEdgeKind[], choices: FilterChoices, act: FilterActions): HTMLElement {
	const root = el(doc, "div", { cls: "gpufit-graph-filters" });
	el(doc, "div", { cls: "gpufit-graph-subhead", text: "Show" }, root);
	const kinds = new Map(choices.kinds);
	for (const k of NODE_KINDS) {
		if (k === "missing-note" || (!kinds.has(k) && k !== "tag")) continue;
		const n = kinds.get(k) ?? 0;
		checkbox(doc, root, `${NODE_STYLES[k].label} (${n})`, !filters.hiddenKinds.includes(k), (v) => act.toggleKind(k, v), `gpufit-kind-${k}`, `kind:${k}`);
	}
	checkbox(doc, root, "Missing notes (names links point to that no note carries)", filters.missing, (v) => act.setMissing(v), "gpufit-kind-missing-note", "missing");
	el(doc, "div", { cls: "gpufit-graph-subhead", text: choices.local ? "Edges (local view)" : "Edges" }, root);
	for (const k of EDGE_KINDS) {
		if (k === "fits") continue;
		const bulk = k === "mentions" || k === "tagged";
		checkbox(doc, root, `${EDGE_STYLES[k].label}${bulk && !choices.local ? " (many: one per note and concept)" : ""}`, edgeKinds.includes(k), (v) => act.toggleEdgeKind(k, v), `gpufit-edge-${k}`, `edge:${k}`);
	}
	if (choices.series.length > 0) {
		el(doc, "div", { cls: "gpufit-graph-subhead", text: "Series (none ticked: all)" }, root);
		for (const [id, label] of choices.series) checkbox(doc, root, label, filters.series.includes(id), (v) => act.toggleSeries(id, v), undefined, `series:${id}`);
	}
	el(doc, "div", { cls: "gpufit-graph-subhead", text: "Fits overlay" }, root);
	const select = el(doc, "select", { cls: "dropdown", attr: { "data-key": "fits" } }, root);
	for (const [value, text] of [["off", "Off"], ["rig", "Models → my rig"], ["mentioned", "Models → every GPU in the vault"]] as const) {
		const o = el(doc, "option", { text, attr: { value } }, select);
		o.selected = filters.fits === value;
	}
	select.addEventListener("change", () => act.setFits(select.value as FitsOverlay));
	const legend = el(doc, "div", { cls: "gpufit-graph-fit-legend" }, root);
	for (const [grade, text] of [["16", "16-bit fits"], ["8", "8-bit"], ["4", "4-bit"], ["none", "nothing fits"]]) {
		const item = el(doc, "span", { cls: "gpufit-graph-fit-key" }, legend);
		el(doc, "span", { cls: ["gpufit-graph-line", `gpufit-fit-${grade}`] }, item);
		el(doc, "span", { text }, item);
	}
	return root;
}
