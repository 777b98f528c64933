/**
 * The fit table's columns, listed once: the block's `show:`, the render layer's table and the CLI's text table
 * all name columns by these ids (each surface decides how a column looks; `Record<ColumnId, …>` there makes the
 * type checker insist on every id).
 */

/** Table columns, in table order. */
export const TABLE_COLUMNS = [
	"format", "bits", "weights", "kv", "overhead", "total", "verdict", "headroom",
	"sessions", "support", "decode", "aggregate", "prefill",
] as const;
export type ColumnId = (typeof TABLE_COLUMNS)[number];

/** Older names of columns, still accepted by `show:` and `--show` (the parsed list holds the current id). */
export const COLUMN_ALIASES: Readonly<Record<string, ColumnId>> = { fits: "verdict", sequences: "sessions" };

/** Words `show:` accepts besides columns: parts of the block that are not table columns. */
export const SHOW_EXTRAS = ["chart", "advice"] as const;
export type ShowKeyword = ColumnId | (typeof SHOW_EXTRAS)[number];
export const SHOW_KEYWORDS: readonly ShowKeyword[] = [...TABLE_COLUMNS, ...SHOW_EXTRAS];
