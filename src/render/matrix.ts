/**
 * Comparison matrix for several models and/or GPU setups: every format on every setup (verdict, sessions, decode),
 * the user's own card first, and a "Best" row that says what best means.
 */
import type { FitRow, FitTable } from "../estimator/types";
import { plural } from "../estimator/verdict";
import { type NodeFactory, el } from "./dom";
import { escapeCell } from "./markdown";
import { engineName, formatContext, formatRate, supportCell, verdictCell, verdictSentence } from "./format";

/** What the "Best" row picks, in words (shown under the matrix and in its Markdown). */
export const BEST_MEANS = "Best: the highest-precision format that runs on that setup with every requested sequence (ties: faster decode).";

/** The highest-precision format whose verdict is "fits" (runnable, all sequences); undefined when none is. */
export function bestRow(table: FitTable): FitRow | undefined {
	let best: FitRow | undefined;
	for (const r of table.rows) {
		if (r.verdict !== "fits") continue;
		if (!best || r.bitsPerWeight > best.bitsPerWeight
			|| (r.bitsPerWeight === best.bitsPerWeight && r.decodeTokensPerSecond > best.decodeTokensPerSecond)) best = r;
	}
	return best;
}

export function gpuLabel(t: FitTable): string {
	return t.count > 1 ? `${t.count} × ${t.gpu}` : t.gpu;
}

interface Setup { key: string; label: string; mine: boolean }
interface FormatLine { id: string; name: string }
interface Layout {
	setups: Setup[];
	models: { name: string; formats: FormatLine[] }[];
	at: (model: string, setup: Setup) => FitTable | undefined;
}

/** Columns are GPU setups (the user's card first), rows are each model's formats in ladder order. */
function layout(tables: readonly FitTable[], rigGpuId: string | undefined): Layout {
	const engines = new Set(tables.map((t) => t.engine));
	const keyOf = (t: FitTable) => `${gpuLabel(t)}\u0000${t.engine}`;
	const setups: Setup[] = [];
	for (const t of tables) {
		const key = keyOf(t);
		if (setups.some((s) => s.key === key)) continue;
		setups.push({ key, label: engines.size > 1 ? `${gpuLabel(t)} (${engineName(t)})` : gpuLabel(t), mine: t.gpuId === rigGpuId });
	}
	// Stable: the user's card first, the rest in the block's order.
	setups.sort((a, b) => Number(b.mine) - Number(a.mine));
	const byPair = new Map(tables.map((t) => [`${t.model}\u0001${keyOf(t)}`, t] as const));
	const at = (model: string, s: Setup) => byPair.get(`${model}\u0001${s.key}`);
	const models = [...new Set(tables.map((t) => t.model))].map((name) => {
		const formats: FormatLine[] = [];
		for (const s of setups) {
			for (const r of at(name, s)?.rows ?? []) if (!formats.some((f) => f.id === r.format)) formats.push({ id: r.format, name: r.formatName });
		}
		return { name, formats };
	});
	return { setups, models, at };
}

interface Cell { verdict: string; detail: string; title: string; cls: string }

function cellOf(t: FitTable | undefined, format: string): Cell {
	if (!t) return { verdict: "—", detail: "", title: "Not computed (see the error above)", cls: "is-missing" };
	const r = t.rows.find((x) => x.format === format);
	if (!r) return { verdict: "—", detail: "", title: `Not in ${engineName(t)}'s format list here`, cls: "is-missing" };
	const parts: string[] = [];
	if (r.verdict === "fits" || r.verdict === "fits-fewer-sequences") {
		parts.push(plural(r.maxConcurrentSequences, "session"), `${formatRate(r.decodeTokensPerSecond)} tok/s`);
	}
	if (r.support === "emulated") parts.push(supportCell(r.support));
	return { verdict: verdictCell(r, t.concurrency), detail: parts.join(" · "), title: `${verdictSentence(r)}. Support: ${supportCell(r.support)}: ${r.supportReason}`, cls: `is-${r.verdict}` };
}

function caption(tables: readonly FitTable[]): string {
	const first = tables[0];
	if (!first) return "Comparison";
	const models = new Set(tables.map((t) => t.model));
	const engines = [...new Set(tables.map(engineName))];
	const what = models.size === 1 ? `${first.model}: every format on each GPU setup` : "Every model and format on each GPU setup";
	return `${what}, ${engines.length === 1 ? `${engines[0] ?? ""}, ` : ""}${formatContext(first.context)} context × ${plural(first.concurrency, "sequence")}`;
}

/** The setup's name where a narrow block shows it beside each cell (the header row is hidden there). */
function cardLabel(s: Setup): string {
	return s.mine ? `${s.label} (my rig)` : s.label;
}

export function renderMatrix(doc: NodeFactory, tables: readonly FitTable[], rigGpuId?: string): HTMLElement {
	const { setups, models, at } = layout(tables, rigGpuId);
	const wrap = el(doc, "div", { cls: "gpufit-matrix-wrap" });
	const scroll = el(doc, "div", { cls: "gpufit-scroll" }, wrap);
	const t = el(doc, "table", { cls: ["gpufit-table", "gpufit-matrix"] }, scroll);
	el(doc, "span", { cls: "gpufit-caption-text", text: caption(tables) }, el(doc, "caption", undefined, t));
	const head = el(doc, "tr", undefined, el(doc, "thead", undefined, t));
	el(doc, "th", { text: "Format", cls: "gpufit-col-format", attr: { scope: "col" } }, head);
	for (const s of setups) {
		const th = el(doc, "th", { cls: s.mine ? ["gpufit-setup", "is-mine"] : "gpufit-setup", attr: { scope: "col" } }, head);
		el(doc, "span", { text: s.label }, th);
		if (s.mine) el(doc, "span", { cls: "gpufit-mine", text: "my rig" }, th);
	}
	for (const m of models) {
		const body = el(doc, "tbody", { attr: { "data-model": m.name } }, t);
		if (models.length > 1) {
			el(doc, "th", { text: m.name, cls: "gpufit-matrix-model", attr: { colspan: String(setups.length + 1), scope: "colgroup" } }, el(doc, "tr", undefined, body));
		}
		// The answer first: each setup's best format, then every format's verdict.
		const best = el(doc, "tr", { cls: ["gpufit-row", "gpufit-best"] }, body);
		el(doc, "th", { cls: "gpufit-col-format", text: "Best", title: BEST_MEANS, attr: { scope: "row" } }, best);
		for (const s of setups) {
			const table = at(m.name, s);
			const b = table ? bestRow(table) : undefined;
			el(doc, "td", { cls: "gpufit-cell", text: b ? b.formatName : table ? "none fits" : "—", attr: { "data-label": cardLabel(s) } }, best);
		}
		for (const f of m.formats) {
			const tr = el(doc, "tr", { cls: "gpufit-row", attr: { "data-format": f.id } }, body);
			el(doc, "th", { cls: "gpufit-col-format", attr: { scope: "row" } }, tr).appendChild(el(doc, "span", { cls: "gpufit-format-name", text: f.name }));
			for (const s of setups) {
				const c = cellOf(at(m.name, s), f.id);
				const td = el(doc, "td", { cls: ["gpufit-cell", c.cls], title: c.title, attr: { "data-label": cardLabel(s) } }, tr);
				const body = el(doc, "span", { cls: "gpufit-cell-body" }, td);
				el(doc, "span", { cls: "gpufit-cell-verdict", text: c.verdict }, body);
				if (c.detail) el(doc, "span", { cls: "gpufit-cell-detail", text: c.detail }, body);
			}
		}
	}
	el(doc, "p", { cls: "gpufit-matrix-note", text: BEST_MEANS }, wrap);
	return wrap;
}

export function matrixToMarkdown(tables: readonly FitTable[], rigGpuId?: string): string {
	const { setups, models, at } = layout(tables, rigGpuId);
	const lines = [
		`**${escapeCell(caption(tables))}**`,
		"",
		`| Format | ${setups.map((s) => escapeCell(s.mine ? `${s.label} (my rig)` : s.label)).join(" | ")} |`,
		`| --- | ${setups.map(() => "---").join(" | ")} |`,
	];
	for (const m of models) {
		if (models.length > 1) lines.push(`| **${escapeCell(m.name)}** | ${setups.map(() => "").join(" | ")} |`);
		lines.push(`| Best | ${setups.map((s) => {
			const table = at(m.name, s);
			return escapeCell(table ? bestRow(table)?.formatName ?? "none fits" : "—");
		}).join(" | ")} |`);
		for (const f of m.formats) {
			lines.push(`| ${escapeCell(f.name)} | ${setups.map((s) => {
				const c = cellOf(at(m.name, s), f.id);
				return escapeCell(c.detail ? `${c.verdict}; ${c.detail}` : c.verdict);
			}).join(" | ")} |`);
		}
	}
	lines.push("", BEST_MEANS, "");
	return lines.join("\n");
}
