/**
 * The fit table's columns, listed once: the block's `show:`, the render layer's table and the CLI's text table
 * all name columns by these ids (each surface decides how a column looks; `Record<ColumnId, …>` there makes the
 * type checker insist on every id).
 */

/** Table columns, in table order. */
export const TABLE_COLUMNS = [
	"format", "bits", "weights", "kv", "overhead", "total", "fits", "headroom",
	"sequences", "support", "decode", "aggregate", "prefill",
] as const;
export type ColumnId = (typeof TABLE_COLUMNS)[number];

/** Words `show:` accepts besides columns: parts of the block that are not table columns. */
export const SHOW_EXTRAS = ["chart"] as const;
export type ShowKeyword = ColumnId | (typeof SHOW_EXTRAS)[number];
export const SHOW_KEYWORDS: readonly ShowKeyword[] = [...TABLE_COLUMNS, ...SHOW_EXTRAS];
