/**
 * Splitting a note into frontmatter and body, and parsing the YAML with gray-matter (js-yaml 3 underneath).
 *
 * Two things gray-matter does not do for us:
 * - It caches every string parsed without options in `matter.cache`, keyed by the whole text: an index that
 *   re-parses a note on every edit would keep every old version alive. We always pass an options object,
 *   which bypasses that cache (a test checks the cache stays empty).
 * - A YAML error is thrown; we turn it into a diagnostic with the file line, and still return the body so the
 *   note is indexed (untagged).
 */
import matter from "gray-matter";
import type { NoteDiagnostic } from "./types";

/** Passing any options object makes gray-matter skip its (unbounded) cache. */
const MATTER_OPTIONS = { excerpt: false };

export interface SplitNote {
	/** The text with BOM removed and line endings normalized to "\n" (line numbers are unchanged). */
	text: string;
	/** Raw YAML between the fences, or undefined when the note has no frontmatter. */
	yaml: string | undefined;
	/** Body: everything after the closing fence line. */
	body: string;
	/** 1-based file line of the body's first line. */
	bodyLine: number;
}

/** Same fence rules as gray-matter: the text starts with `---` (not `----`) and closes at the next line starting with `---`. */
export function splitNote(raw: string): SplitNote {
	let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
	if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
	if (!text.startsWith("---") || text.charAt(3) === "-") return { text, yaml: undefined, body: text, bodyLine: 1 };
	const firstLineEnd = text.indexOf("\n");
	if (firstLineEnd < 0) return { text, yaml: "", body: "", bodyLine: 1 };
	const close = text.indexOf("\n---", firstLineEnd);
	if (close < 0) return { text, yaml: text.slice(firstLineEnd + 1), body: "", bodyLine: lineCount(text) + 1 };
	const yaml = text.slice(firstLineEnd + 1, close);
	const closeLineEnd = text.indexOf("\n", close + 1);
	const body = closeLineEnd < 0 ? "" : text.slice(closeLineEnd + 1);
	return { text, yaml, body, bodyLine: lineCount(text.slice(0, closeLineEnd < 0 ? text.length : closeLineEnd + 1)) + 1 };
}

function lineCount(s: string): number {
	let n = 0;
	for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
	return n;
}

export interface FrontmatterResult {
	data: Record<string, unknown>;
	diagnostics: NoteDiagnostic[];
}

/** Parse the frontmatter of an already split note. Never throws. */
export function parseFrontmatter(note: SplitNote): FrontmatterResult {
	if (note.yaml === undefined || note.yaml.trim() === "") return { data: {}, diagnostics: [] };
	let data: unknown;
	try {
		data = matter(note.text, MATTER_OPTIONS).data;
	} catch (e) {
		return { data: {}, diagnostics: [yamlDiagnostic(e)] };
	}
	if (data === null || data === undefined) return { data: {}, diagnostics: [] };
	if (typeof data !== "object" || Array.isArray(data) || data instanceof Date) {
		return { data: {}, diagnostics: [{ line: 2, message: "Frontmatter is not a set of `key: value` lines; it is ignored." }] };
	}
	return { data: data as Record<string, unknown>, diagnostics: [] };
}

/**
 * js-yaml's mark.line is 0-based within the string gray-matter hands it, which starts with the (empty) rest of
 * the opening `---` line: so mark line N is file line N + 1.
 */
function yamlDiagnostic(e: unknown): NoteDiagnostic {
	const err = e as { reason?: unknown; mark?: { line?: unknown } };
	const reason = typeof err.reason === "string" ? err.reason : e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e);
	const markLine = typeof err.mark?.line === "number" ? err.mark.line : undefined;
	const line = markLine === undefined ? undefined : markLine + 1;
	return { line, message: `Frontmatter YAML error: ${reason}. The note is indexed without its frontmatter.` };
}
