/** Plain-text layout for the CLI: tables and paragraphs that fit a terminal (100 columns unless --wide). */

/** Default output width: fits an 80–100 column terminal with room; --wide lifts it. */
export const TEXT_WIDTH = 100;

export interface TextColumn {
	header: string;
	align: "left" | "right";
	/** May be cut with "…" when the table is wider than the page (long names, alias lists). */
	shrink?: boolean;
}

/**
 * Rows under a header and a rule, columns two spaces apart. When the table is wider than `width`, shrinkable
 * columns are cut (never below 8 characters); other columns never are.
 */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], width = TEXT_WIDTH): string {
	if (rows.length === 0) return "(none)\n";
	const widths = columns.map((c) => c.header.length);
	for (const r of rows) {
		for (let i = 0; i < columns.length; i++) widths[i] = Math.max(widths[i] ?? 0, (r[i] ?? "").length);
	}
	// Water-filling: take one character at a time from the widest shrinkable column, so long columns end up
	// equally cut rather than one column cut to nothing.
	let excess = widths.reduce((a, w) => a + w, 0) + 2 * (columns.length - 1) - width;
	while (excess > 0) {
		let widest = -1;
		for (let i = 0; i < columns.length; i++) {
			if (columns[i]?.shrink && (widths[i] ?? 0) > 8 && (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0))) widest = i;
		}
		if (widest < 0) break;
		widths[widest] = (widths[widest] ?? 0) - 1;
		excess--;
	}
	const cell = (s: string, i: number) => {
		const w = widths[i] ?? 0;
		const t = s.length > w ? `${s.slice(0, w - 1)}…` : s;
		return columns[i]?.align === "right" ? t.padStart(w) : t.padEnd(w);
	};
	const line = (cells: readonly string[]) => columns.map((_, i) => cell(cells[i] ?? "", i)).join("  ").trimEnd();
	return [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}

/**
 * Word-wrap a paragraph to `width`: leading spaces are kept on the first line, continuation lines are indented
 * by `indent` spaces, a word longer than a line is cut.
 */
export function wrap(text: string, width = TEXT_WIDTH, indent = 2): string {
	if (!Number.isFinite(width) || text.length <= width) return text;
	const lead = /^ */.exec(text)?.[0] ?? "";
	const pad = " ".repeat(Math.min(indent, Math.floor(width / 2)));
	const lines: string[] = [];
	let line = lead;
	let empty = true;
	for (let word of text.slice(lead.length).split(" ")) {
		while (word !== "") {
			const room = width - line.length - (empty ? 0 : 1);
			if (word.length <= room) {
				line += (empty ? "" : " ") + word;
				empty = false;
				break;
			}
			if (!empty) {
				lines.push(line);
				line = pad;
				empty = true;
				continue;
			}
			const cut = Math.max(1, room);
			lines.push(line + word.slice(0, cut));
			word = word.slice(cut);
			line = pad;
		}
	}
	if (!empty) lines.push(line);
	return lines.join("\n");
}
