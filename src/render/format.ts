/**
 * Number and label formatting shared by the DOM table, the Markdown export and the tests
 * (the e2e suite formats Node-side estimator output with these same functions and compares cell text).
 * Pure: no DOM.
 */
import type { FitRow, FitTable } from "../estimator/types";

const MINUS = "\u2212";

/** "56.9" (one decimal); "0.05" for small non-zero figures so they do not read as zero. */
export function formatGiB(value: number): string {
	if (!Number.isFinite(value)) return "—";
	const abs = Math.abs(value);
	const text = abs > 0 && abs < 0.1 ? abs.toFixed(2) : abs.toFixed(1);
	return value < 0 ? MINUS + text : text;
}

/** "+12.3 GiB" / "−4.1 GiB". */
export function formatHeadroom(value: number): string {
	if (!Number.isFinite(value)) return "—";
	return (value >= 0 ? "+" : "") + formatGiB(value) + " GiB";
}

/** Tokens per second: integers from 10 up, one decimal below, "—" when unknown or zero. */
export function formatRate(value: number): string {
	if (!Number.isFinite(value) || value <= 0) return "—";
	if (value >= 10) return Math.round(value).toLocaleString("en-US");
	return value.toFixed(1);
}

export function formatBits(value: number): string {
	return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, "");
}

export function formatContext(tokens: number): string {
	if (tokens >= 1024 && tokens % 1024 === 0) return `${tokens / 1024}K`;
	return tokens.toLocaleString("en-US");
}

export function fitsMark(row: FitRow): string {
	return row.fits ? "✓" : "✗";
}

export function fitsText(row: FitRow): string {
	return `${fitsMark(row)} ${formatHeadroom(row.headroomGiB)}`;
}

export function fitsLabel(row: FitRow): string {
	return row.fits
		? `Fits, ${formatGiB(row.headroomGiB)} GiB to spare per GPU`
		: `Does not fit, ${formatGiB(-row.headroomGiB)} GiB short per GPU`;
}

/** "Qwen3-30B-A3B on 2 × RTX PRO 6000 (tensor split), vLLM, 8K context × 1". */
export function tableCaption(t: FitTable): string {
	const gpus = t.count > 1 ? `${t.count} × ${t.gpu} (${t.split} split)` : t.gpu;
	const seqs = t.concurrency === 1 ? "1 sequence" : `${t.concurrency} sequences`;
	return `${t.model} on ${gpus}, ${t.engine}, ${formatContext(t.context)} context × ${seqs}, KV ${t.kvDtype}`;
}
