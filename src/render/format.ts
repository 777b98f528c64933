/**
 * Number and label formatting shared by the DOM table, the Markdown export and the tests
 * (the e2e suite formats Node-side estimator output with these same functions and compares cell text).
 * Pure: no DOM.
 */
import { ENGINES } from "../estimator/engines";
import type { FitRow, FitTable, SupportLevel, Verdict } from "../estimator/types";
import { groupThousands, plural, supportLabel } from "../estimator/verdict";

const MINUS = "\u2212";

/** "56.9" (one decimal); "0.05" for small non-zero figures so they do not read as zero. */
export function formatGiB(value: number): string {
	if (!Number.isFinite(value)) return "—";
	const abs = Math.abs(value);
	const text = abs > 0 && abs < 0.1 ? abs.toFixed(2) : abs.toFixed(1);
	return value < 0 ? MINUS + text : text;
}

/** Free memory: "+12.3 GiB" / "−4.1 GiB" (negative = short). */
export function formatHeadroom(value: number): string {
	if (!Number.isFinite(value)) return "—";
	return (value >= 0 ? "+" : "") + formatGiB(value) + " GiB";
}

/** Tokens per second: integers from 10 up, one decimal below, "—" when unknown or zero. */
export function formatRate(value: number): string {
	if (!Number.isFinite(value) || value <= 0) return "—";
	if (value >= 10) return groupThousands(Math.round(value));
	return value.toFixed(1);
}

export function formatBits(value: number): string {
	return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, "");
}

export function formatContext(tokens: number): string {
	if (tokens >= 1024 && tokens % 1024 === 0) return `${tokens / 1024}K`;
	return groupThousands(tokens);
}

/** A mark per verdict, so the four answers differ in shape as well as colour and words. */
export const VERDICT_MARK: Record<Verdict, string> = {
	fits: "✓",
	"fits-fewer-sequences": "◐",
	"out-of-memory": "✗",
	unsupported: "⊘",
};

/** The verdict as a table or matrix cell says it: "✓ Fits, 12.3 GiB free", "◐ 3 of 4 sequences fit", … */
export function verdictCell(r: FitRow, concurrency: number): string {
	switch (r.verdict) {
		case "fits":
			return `${VERDICT_MARK.fits} Fits, ${formatGiB(r.headroomGiB)} GiB free`;
		case "fits-fewer-sequences":
			return `${VERDICT_MARK[r.verdict]} ${r.maxConcurrentSequences} of ${concurrency} sequences fit`;
		case "out-of-memory":
			return `${VERDICT_MARK[r.verdict]} Out of memory by ${formatGiB(-r.headroomGiB)} GiB`;
		case "unsupported":
			return `${VERDICT_MARK[r.verdict]} Unsupported`;
	}
}

/** The verdict in a full sentence, for screen readers and tooltips (the estimator's words, capitalised). */
export function verdictSentence(r: FitRow): string {
	const t = r.verdictText;
	return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Concurrent sequences as a cell: "—" where the format cannot run at all. */
export function sessionsCell(r: FitRow): string {
	return r.verdict === "unsupported" ? "—" : String(r.maxConcurrentSequences);
}

/** "native" / "weight-only" / "unsupported" (the JSON keeps native / emulated / unsupported). */
export function supportCell(level: SupportLevel): string {
	return supportLabel(level);
}

export function engineName(t: FitTable): string {
	return ENGINES[t.engine].name;
}

/** "Qwen3-30B-A3B on 2 × RTX PRO 6000 (tensor split), vLLM, 8K context × 1 sequence, KV fp16". */
export function tableCaption(t: FitTable): string {
	const gpus = t.count > 1 ? `${t.count} × ${t.gpu} (${t.split} split)` : t.gpu;
	return `${t.model} on ${gpus}, ${engineName(t)}, ${formatContext(t.context)} context × ${plural(t.concurrency, "sequence")}, KV ${t.kvDtype}`;
}
