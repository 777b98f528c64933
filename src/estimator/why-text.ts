/**
 * The "why" of one fit-table row as plain text: the verdict, the support level with its reason, and every figure's
 * computation in order. One function for every surface (the block's why panel, its copy button, `gpufit fit --why`),
 * so what a user copies from a note is what the CLI prints.
 */
import { ENGINES } from "./engines";
import type { Explanation, FitRow, FitTable } from "./types";
import { groupThousands, plural, supportLabel } from "./verdict";

const MINUS = "\u2212";

/** Whole numbers with thousands separators; otherwise enough decimals to read the figure (3 below 1). */
export function whyNumber(v: number): string {
	if (!Number.isFinite(v)) return "—";
	const abs = Math.abs(v);
	const text = Number.isInteger(v) || abs >= 1000
		? groupThousands(Math.round(abs))
		: abs >= 100 ? abs.toFixed(1) : abs >= 1 ? abs.toFixed(2) : abs.toFixed(3);
	return v < 0 ? MINUS + text : text;
}

/** "weights per GPU: ÷ 2 (tensor parallel) = 65.71 GiB". */
export function whyLine(w: Explanation): string {
	return `${w.label}: ${w.formula} = ${whyNumber(w.value)} ${w.unit}`;
}

/** The setup a row was computed for, in one line. */
export function setupLine(t: FitTable): string {
	const gpus = t.count > 1 ? `${t.count} × ${t.gpu} (${t.split} split)` : t.gpu;
	return `${t.model} on ${gpus}, ${ENGINES[t.engine].name}, ${groupThousands(t.context)} tokens × ${plural(t.concurrency, "sequence")}, KV ${t.kvDtype}`;
}

/** The row's why as lines: header, verdict, support, then one line per computed figure. */
export function whyLines(t: FitTable, r: FitRow): string[] {
	return [
		`${r.formatName}: ${setupLine(t)}`,
		`verdict: ${r.verdictText}`,
		`support: ${supportLabel(r.support)} — ${r.supportReason}`,
		...r.why.map(whyLine),
	];
}

export function whyText(t: FitTable, r: FitRow): string {
	return whyLines(t, r).join("\n");
}
