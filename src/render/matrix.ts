/** Comparison matrix for several models and/or GPUs: the most precise format that fits, per pair. */
import type { FitRow, FitTable } from "../estimator/types";
import { type NodeFactory, el } from "./dom";
import { escapeCell } from "./markdown";
import { fitsLabel, formatBits, formatContext, formatHeadroom, formatRate } from "./format";

/** The highest-precision supported format that fits; undefined when none does. */
export function bestRow(table: FitTable): FitRow | undefined {
	let best: FitRow | undefined;
	for (const r of table.rows) {
		if (!r.fits || r.support === "unsupported") continue;
		if (!best || r.bitsPerWeight > best.bitsPerWeight
			|| (r.bitsPerWeight === best.bitsPerWeight && r.decodeTokensPerSecond > best.decodeTokensPerSecond)) best = r;
	}
	return best;
}

export function gpuLabel(t: FitTable): string {
	return t.count > 1 ? `${t.count} × ${t.gpu}` : t.gpu;
}

interface Cell { text: string; title: string; fits: boolean }

function cellOf(t: FitTable): Cell {
	const b = bestRow(t);
	if (b) {
		return {
			text: `${b.formatName} ${formatHeadroom(b.headroomGiB)}, ${formatRate(b.decodeTokensPerSecond)} tok/s`,
			title: `${fitsLabel(b)}; ${formatBits(b.bitsPerWeight)} bits/weight; ${b.support}`,
			fits: true,
		};
	}
	const closest = [...t.rows].sort((a, c) => c.headroomGiB - a.headroomGiB)[0];
	return {
		text: closest ? `✗ nothing fits (${closest.formatName} ${formatHeadroom(closest.headroomGiB)})` : "✗ no formats",
		title: closest ? fitsLabel(closest) : "No formats to compare",
		fits: false,
	};
}

function layout(tables: readonly FitTable[]): { models: string[]; gpus: string[]; at: (m: string, g: string) => FitTable | undefined } {
	const models = [...new Set(tables.map((t) => t.model))];
	const gpus = [...new Set(tables.map(gpuLabel))];
	const key = (m: string, g: string) => `${m}\u0000${g}`;
	const map = new Map(tables.map((t) => [key(t.model, gpuLabel(t)), t] as const));
	return { models, gpus, at: (m, g) => map.get(key(m, g)) };
}

export function renderMatrix(doc: NodeFactory, tables: readonly FitTable[]): HTMLTableElement {
	const { models, gpus, at } = layout(tables);
	const first = tables[0];
	const t = el(doc, "table", { cls: ["gpufit-table", "gpufit-matrix"] });
	el(doc, "caption", {
		text: first ? `Best format that fits, ${first.engine}, ${formatContext(first.context)} context × ${first.concurrency}` : "Comparison",
	}, t);
	const head = el(doc, "tr", undefined, el(doc, "thead", undefined, t));
	el(doc, "th", { text: "Model", attr: { scope: "col" } }, head);
	for (const g of gpus) el(doc, "th", { text: g, attr: { scope: "col" } }, head);
	const body = el(doc, "tbody", undefined, t);
	for (const m of models) {
		const tr = el(doc, "tr", undefined, body);
		el(doc, "th", { text: m, attr: { scope: "row" } }, tr);
		for (const g of gpus) {
			const table = at(m, g);
			const c = table ? cellOf(table) : { text: "—", title: "Not computed", fits: false };
			el(doc, "td", { text: c.text, title: c.title, cls: c.fits ? "gpufit-fits" : "gpufit-nofit", attr: { "aria-label": c.title } }, tr);
		}
	}
	return t;
}

export function matrixToMarkdown(tables: readonly FitTable[]): string {
	const { models, gpus, at } = layout(tables);
	const lines = [
		`| Model | ${gpus.map(escapeCell).join(" | ")} |`,
		`| --- | ${gpus.map(() => "---").join(" | ")} |`,
		...models.map((m) => `| ${escapeCell(m)} | ${gpus.map((g) => {
			const t = at(m, g);
			return escapeCell(t ? cellOf(t).text : "—");
		}).join(" | ")} |`),
	];
	return lines.join("\n") + "\n";
}
