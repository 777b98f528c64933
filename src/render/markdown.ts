/** "Copy as Markdown table": the fit table as GitHub-flavoured Markdown. Pure: no DOM. */
import type { FitTable } from "../estimator/types";
import { COLUMNS, type Column } from "./columns";
import { tableCaption } from "./format";

/** Escape what would break a Markdown table cell or be read as markup. */
export function escapeCell(text: string): string {
	return text
		.replace(/\\/g, "\\\\")
		.replace(/\|/g, "\\|")
		.replace(/[<>]/g, (c) => (c === "<" ? "&lt;" : "&gt;"))
		.replace(/\r?\n/g, " ");
}

export function fitTableToMarkdown(table: FitTable, columns: readonly Column[] = COLUMNS): string {
	const head = `| ${columns.map((c) => escapeCell(c.header)).join(" | ")} |`;
	const rule = `| ${columns.map((c) => (c.numeric ? "---:" : "---")).join(" | ")} |`;
	const body = table.rows.map((r) => `| ${columns.map((c) => escapeCell(c.text(r, table.concurrency))).join(" | ")} |`);
	return [`**${escapeCell(tableCaption(table))}**`, "", head, rule, ...body, ""].join("\n");
}
