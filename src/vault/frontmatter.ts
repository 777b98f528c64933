/**
 * Splitting a note into frontmatter and body, and parsing the YAML the way gray-matter does (js-yaml 3's safeLoad).
 *
 * The note is already split here (same fence rules as gray-matter), so the YAML block goes straight to the engine
 * gray-matter would call, `safeLoad`, with the same input gray-matter gives it. Going through `matter()` itself
 * would redo the split and add work that is pure overhead for us: it copies the whole note into a Buffer (`orig`)
 * and runs a comment-stripping regex over the block; on big frontmatter that is 10–15 % of the parse.
 * safeLoad itself is then the biggest single cost of indexing a seed-shaped note, so the common flat `key: value` shape
 * is first tried by a fast path (yaml-fast.ts) that gives exactly safeLoad's result or hands the block to safeLoad.
 * A fence may name its language like gray-matter allows (`---yaml`, `---json`); any other language is refused with a
 * diagnostic. gray-matter itself would `eval` a `---js` / `---javascript` block: in Obsidian that is code execution
 * from a note, so `matter()` is never called here (tests check the result equals gray-matter's on ordinary notes).
 *
 * What gray-matter does not do for us:
 * - It caches every string parsed without options in `matter.cache`, keyed by the whole text: an index that
 *   re-parses a note on every edit would keep every old version alive. When we call it we pass an options object,
 *   which bypasses that cache (a test checks the cache stays empty).
 * - A YAML error is thrown; we turn it into a diagnostic with the file line, and still return the body so the
 *   note is indexed (untagged).
 */
import { safeLoad } from "js-yaml";
import type { NoteDiagnostic } from "./types";
import { fastLoadFrontmatter } from "./yaml-fast";

export interface SplitNote {
	/** The text with BOM removed and line endings normalized to "\n" (line numbers are unchanged). */
	text: string;
	/** Raw YAML between the fences, or undefined when the note has no frontmatter. */
	yaml: string | undefined;
	/** Body: everything after the closing fence line. */
	body: string;
	/** 1-based file line of the body's first line. */
	readonly bodyLine: number;
}

/** A split note whose body line is counted only when asked for (only gpufit blocks need it). */
class Split implements SplitNote {
	private line = 0;

	constructor(readonly text: string, readonly yaml: string | undefined, readonly body: string, private readonly bodyStart: number) {}

	get bodyLine(): number {
		if (this.line === 0) this.line = lineCount(this.text, this.bodyStart) + 1;
		return this.line;
	}
}

/** Same fence rules as gray-matter: the text starts with `---` (not `----`) and closes at the next line starting with `---`. */
export function splitNote(raw: string): SplitNote {
	let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
	if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
	if (!text.startsWith("---") || text.charAt(3) === "-") return new Split(text, undefined, text, 0);
	const firstLineEnd = text.indexOf("\n");
	if (firstLineEnd < 0) return new Split(text, "", "", 0);
	const close = text.indexOf("\n---", firstLineEnd);
	if (close < 0) return new Split(text, text.slice(firstLineEnd + 1), "", text.length);
	const yaml = text.slice(firstLineEnd + 1, close);
	const closeLineEnd = text.indexOf("\n", close + 1);
	const body = closeLineEnd < 0 ? "" : text.slice(closeLineEnd + 1);
	return new Split(text, yaml, body, closeLineEnd < 0 ? text.length : closeLineEnd + 1);
}

/** Line breaks in text[0, end). */
function lineCount(s: string, end: number): number {
	let n = 0;
	for (let i = s.indexOf("\n"); i >= 0 && i < end; i = s.indexOf("\n", i + 1)) n++;
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
		data = parseYaml(note.text);
	} catch (e) {
		if (e instanceof UnsupportedLanguage) {
			return { data: {}, diagnostics: [{ line: 1, message: `Frontmatter ${e.message}; it is ignored.` }] };
		}
		if (commentsOnly(note.yaml)) return { data: {}, diagnostics: [] };
		return { data: {}, diagnostics: [yamlDiagnostic(e)] };
	}
	if (data !== null && typeof data === "object" && !Array.isArray(data) && !(data instanceof Date)) {
		return { data: data as Record<string, unknown>, diagnostics: [] };
	}
	if (data === null || data === undefined || commentsOnly(note.yaml)) return { data: {}, diagnostics: [] };
	return { data: {}, diagnostics: [{ line: 2, message: "Frontmatter is not a set of `key: value` lines; it is ignored." }] };
}

/**
 * What `matter(text, options).data` gives for a note that starts with a fence (`text` as splitNote returns it),
 * except for blocks of comments only, which gray-matter does not parse (see commentsOnly).
 */
function parseYaml(text: string): unknown {
	const firstLineEnd = text.indexOf("\n");
	const language = (firstLineEnd < 0 ? text.slice(3) : text.slice(3, firstLineEnd)).trim().toLowerCase();
	const close = text.indexOf("\n---", 3);
	// gray-matter hands the engine everything from after the opening `---` line to the closing fence's line break.
	const block = language === "" ? text.slice(3, close < 0 ? text.length : close) : text.slice(firstLineEnd + 1, close < 0 ? text.length : close);
	// The common flat shape is read by the fast path (same result as safeLoad); anything else goes to safeLoad.
	if (language === "" || language === "yaml" || language === "yml") return fastLoadFrontmatter(block) ?? safeLoad(block);
	if (language === "json") return JSON.parse(block) as unknown;
	throw new UnsupportedLanguage(language);
}

/** A fenced frontmatter in a language we do not run (never `eval` a note). */
class UnsupportedLanguage extends Error {
	constructor(readonly language: string) {
		super(`frontmatter language "${language}" is not supported (only YAML or JSON)`);
	}
}

/** gray-matter's test for a block it does not parse at all (and gives `{}` for): nothing but `#` comment lines and whitespace. */
function commentsOnly(yaml: string): boolean {
	return yaml.replace(/^\s*#[^\n]+/gm, "").trim() === "";
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
