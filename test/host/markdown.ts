/**
 * Just enough Markdown for the reading view: frontmatter, fenced code blocks (any fence length, ``` or ~~~),
 * headings, lists, rules and paragraphs. Every section keeps its source text and line span, like
 * Obsidian's section info, so edits re-render only the sections that changed.
 */
import { splitFrontmatter } from "./vault";

export type SectionKind = "code" | "heading" | "list" | "hr" | "paragraph";

export interface Section {
	kind: SectionKind;
	/** The section's full source (fences included), used as its identity across edits. */
	text: string;
	/** Code: the language after the fence; heading: the level as a string. */
	info: string;
	/** Code: the content between the fences; others: the text to show. */
	content: string;
	/** 0-based, inclusive, in the whole note. */
	lineStart: number;
	lineEnd: number;
}

export interface ParsedMarkdown {
	frontmatter: string | undefined;
	sections: Section[];
}

export function parseMarkdown(note: string): ParsedMarkdown {
	const { yaml, body, bodyLine } = splitFrontmatter(note);
	const lines = body.split(/\r?\n/);
	const sections: Section[] = [];
	let i = 0;
	const push = (kind: SectionKind, start: number, end: number, info: string, content: string) => {
		sections.push({ kind, text: lines.slice(start, end + 1).join("\n"), info, content, lineStart: bodyLine + start, lineEnd: bodyLine + end });
	};
	while (i < lines.length) {
		const line = lines[i] ?? "";
		const fence = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)?.*$/.exec(line);
		if (fence) {
			const marker = fence[1] ?? "```";
			const lang = (fence[2] ?? "").toLowerCase();
			let j = i + 1;
			const close = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
			while (j < lines.length && !close.test(lines[j] ?? "")) j++;
			const content = lines.slice(i + 1, j).join("\n");
			push("code", i, Math.min(j, lines.length - 1), lang, content);
			i = j + 1;
			continue;
		}
		if (/^\s*$/.test(line)) {
			i++;
			continue;
		}
		const heading = /^(#{1,6})\s+(.*)$/.exec(line);
		if (heading) {
			push("heading", i, i, String(heading[1]?.length ?? 1), heading[2] ?? "");
			i++;
			continue;
		}
		if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
			push("hr", i, i, "", "");
			i++;
			continue;
		}
		const isList = (l: string) => /^\s*([-*+]|\d+[.)])\s+/.test(l);
		let j = i;
		const list = isList(line);
		while (j + 1 < lines.length && !/^\s*$/.test(lines[j + 1] ?? "") && !/^ {0,3}(`{3,}|~{3,})/.test(lines[j + 1] ?? "")
			&& !/^#{1,6}\s/.test(lines[j + 1] ?? "") && (!list || isList(lines[j + 1] ?? "") || /^\s+/.test(lines[j + 1] ?? ""))) j++;
		push(list ? "list" : "paragraph", i, j, "", lines.slice(i, j + 1).join("\n"));
		i = j + 1;
	}
	return { frontmatter: yaml, sections };
}
