/** The fit table's columns, addressable from a block's `show:` list. Pure: no DOM. */
import { COLUMN_ALIASES, type ColumnId } from "../estimator/request";
import type { FitRow } from "../estimator/types";
import { formatBits, formatGiB, formatHeadroom, formatRate, sessionsCell, supportCell, verdictCell } from "./format";

/** Column ids are the estimator's one list (shared with the block's `show:` and the CLI). */
export type { ColumnId };

export interface Column {
	id: ColumnId;
	header: string;
	/** Short explanation shown on hover of the header. */
	hint: string;
	numeric: boolean;
	/** The cell text; `concurrency` is the table's requested sequences. */
	text: (row: FitRow, concurrency: number) => string;
}

export const COLUMNS: readonly Column[] = [
	{ id: "format", header: "Format", hint: "Weight format", numeric: false, text: (r) => r.formatName },
	{ id: "bits", header: "Bits/weight", hint: "Average stored bits per weight", numeric: true, text: (r) => formatBits(r.bitsPerWeight) },
	{ id: "weights", header: "Weights GiB", hint: "Weights per GPU", numeric: true, text: (r) => formatGiB(r.weightsPerGpuGiB) },
	{ id: "kv", header: "KV cache GiB", hint: "KV cache per GPU for context × sequences", numeric: true, text: (r) => formatGiB(r.kvCachePerGpuGiB) },
	{ id: "overhead", header: "Overhead GiB", hint: "Runtime overhead per GPU", numeric: true, text: (r) => formatGiB(r.overheadGiB) },
	{ id: "total", header: "Per GPU GiB", hint: "Weights + KV cache + overhead on the fullest GPU", numeric: true, text: (r) => formatGiB(r.perGpuGiB) },
	{ id: "verdict", header: "Verdict", hint: "Fits / fewer sequences than asked / out of memory / unsupported on this GPU and engine", numeric: false, text: verdictCell },
	{ id: "headroom", header: "Free GiB", hint: "Free memory per GPU at the requested workload (negative = short)", numeric: true, text: (r) => formatHeadroom(r.headroomGiB) },
	{ id: "sessions", header: "Sessions", hint: "Sequences of this context that fit at once", numeric: true, text: sessionsCell },
	{ id: "support", header: "Support", hint: "native: low-precision math on the matrix units; weight-only: dequantized in the kernel (memory saving, no compute gain); unsupported", numeric: false, text: (r) => supportCell(r.support) },
	{ id: "decode", header: "Decode tok/s", hint: "Decode tokens per second per sequence (aggregate on hover)", numeric: true, text: (r) => formatRate(r.decodeTokensPerSecond) },
	{ id: "aggregate", header: "Aggregate tok/s", hint: "Decode tokens per second summed over all sequences", numeric: true, text: (r) => formatRate(r.aggregateDecodeTokensPerSecond) },
	{ id: "prefill", header: "Prefill tok/s", hint: "Prompt processing tokens per second", numeric: true, text: (r) => formatRate(r.prefillTokensPerSecond) },
];

export const COLUMN_IDS: readonly ColumnId[] = COLUMNS.map((c) => c.id);

/** Older `show:` names still accepted (the estimator's list; a parsed block already holds current ids). */
export const SHOW_ALIASES: Readonly<Record<string, ColumnId>> = COLUMN_ALIASES;

/**
 * What a ~700 px note shows without scrolling: the answer (verdict), what it costs (total per GPU), how many users
 * (sessions) and how fast (decode). The rest is one `show:` away, and every figure is in the row's "why" panel.
 */
export const DEFAULT_COLUMNS: readonly ColumnId[] = ["format", "total", "verdict", "sessions", "decode"];

export interface ShowOptions {
	columns: Column[];
	chart: boolean;
}

/**
 * Resolve a block's `show:` list (validated by the block spec; unknown entries are ignored here).
 * No list: the default columns and the chart. A list: those columns (format always first) and the
 * chart only if named; a list naming only "chart" keeps the default columns.
 */
export function resolveShow(show: readonly string[] | undefined): ShowOptions {
	if (!show || show.length === 0) {
		return { columns: COLUMNS.filter((c) => DEFAULT_COLUMNS.includes(c.id)), chart: true };
	}
	const wanted = new Set(show.map((s) => {
		const id = s.trim().toLowerCase();
		return SHOW_ALIASES[id] ?? id;
	}));
	const named = COLUMNS.filter((c) => c.id !== "format" && wanted.has(c.id));
	const columns = named.length === 0
		? COLUMNS.filter((c) => DEFAULT_COLUMNS.includes(c.id))
		: [COLUMNS[0] as Column, ...named];
	return { columns, chart: wanted.has("chart") };
}

/** Every column id except "chart" must be one the block spec accepts (checked by a test). */
export const CHART_SHOW_ID = "chart";
