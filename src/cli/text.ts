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

/** Word-wrap a paragraph to `width`, continuation lines indented by `indent` spaces. Words longer than a line are cut. */
export function wrap(text: string, width = TEXT_WIDTH, indent = 2): string {
	if (!Number.isFinite(width) || text.length <= width) return text;
	const words = text.split(" ");
	const lines: string[] = [];
	let line = "";
	for (let word of words) {
		const room = width - (lines.length > 0 ? indent : 0);
		while (word.length > room) {
			if (line) { lines.push(line); line = ""; }
			lines.push(word.slice(0, room));
			word = word.slice(room);
		}
		if (!line) line = word;
		else if (line.length + 1 + word.length <= width - (lines.length > 0 ? indent : 0)) line += ` ${word}`;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	return lines.map((l, i) => (i === 0 ? l : `${" ".repeat(indent)}${l}`)).join("\n");
}
