/**
 * Note text → frontmatter data + body, through gray-matter (the library the design names for it), configured so that
 * a note can never run code or pin memory, and bounded so that no note can freeze the app:
 *
 * - Engines: YAML is js-yaml 3's `safeLoad` (gray-matter's default) behind our fast path (yaml-engine.ts); JSON is
 *   `JSON.parse`. gray-matter's own `javascript` engine `eval`s a `---js` / `---javascript` frontmatter: in Obsidian
 *   that is code execution from a note, so it (and coffee/cson, which would need a compiler) is replaced by an
 *   engine that refuses. Any other language is "not registered" in gray-matter: refused too. (The bundles go
 *   further and drop gray-matter's engines module altogether: see esbuild.config.mjs.)
 * - Cache: gray-matter caches every string parsed *without* options in `matter.cache`, keyed by the whole text, for
 *   the life of the process: an index re-parsing notes on every edit would keep every old version alive. An
 *   options object is passed on every call, which bypasses it (a test checks the cache stays empty).
 * - Size: a frontmatter block over LIMITS.frontmatterChars, or one whose runs of blank lines would make
 *   gray-matter's comment-stripping regex (`/^\s*#[^\n]+/gm`, quadratic in such runs) cost more than
 *   LIMITS.frontmatterWhitespaceSteps, is not handed to gray-matter: the note is read without it, with a diagnostic.
 * - Aliases: the YAML result is copied once into bounded plain data (plain-data.ts); nothing else walks it.
 *
 * A YAML error becomes a diagnostic with the file line, and the note is still read (untagged).
 */
import matter from "gray-matter";
import { count, LIMITS } from "../limits";
import type { NoteDiagnostic } from "../types";
import { keyLines } from "./known-fields";
import { plainFrontmatter, plainObject, type PlainObject } from "./plain-data";
import { loadYaml } from "./yaml-engine";

export interface NoteParts {
	/** Frontmatter as bounded plain data ({} when there is none or it could not be read). */
	data: PlainObject;
	/** The YAML text between the fences ("" when none), for key line numbers. */
	yaml: string;
	/** Everything after the closing fence line, with "\n" line endings. */
	body: string;
	/** 1-based file line of the body's first line (computed when first read: only gpufit blocks need it). */
	readonly bodyLine: number;
	/** File line of a top-level frontmatter key. */
	lineOf: (key: string) => number | undefined;
	diagnostics: NoteDiagnostic[];
}

/** A frontmatter language we do not run. */
class RefusedLanguage extends Error {}

const refuse = (language: string): { parse: (s: string) => object } => ({
	parse: (): never => {
		throw new RefusedLanguage(`Frontmatter in ${language} is not read (only YAML or JSON: a ${language} block would be code run from a note); it is ignored.`);
	},
});

/** Passed on every call: never cached by gray-matter, never evaluating a note. */
const OPTIONS = Object.freeze({
	language: "yaml",
	excerpt: false,
	engines: {
		// gray-matter's typings say an engine returns an object; ours return what the text holds (checked below).
		yaml: { parse: (s: string) => loadYaml(s) as object },
		json: { parse: (s: string) => JSON.parse(s) as object },
		javascript: refuse("JavaScript"),
		js: refuse("JavaScript"),
		coffee: refuse("CoffeeScript"),
		coffeescript: refuse("CoffeeScript"),
		cson: refuse("CSON"),
	},
});

/** Split and read a note. Never throws. */
export function readNote(raw: string): NoteParts {
	let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
	if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
	const diagnostics: NoteDiagnostic[] = [];
	if (!text.startsWith("---") || text.charAt(3) === "-") return parts(text, plainObject(), "", text, diagnostics);

	const fence = fenceOf(text);
	const yaml = text.slice(fence.yamlStart, fence.yamlEnd);
	const tooBig = yaml.length > LIMITS.frontmatterChars
		? `Frontmatter is ${count(yaml.length)} characters long (more than ${count(LIMITS.frontmatterChars)}); it is ignored.`
		: whitespaceRunCost(yaml) > LIMITS.frontmatterWhitespaceSteps
			? "Frontmatter holds a run of thousands of blank lines; it is ignored."
			: undefined;
	if (tooBig !== undefined) {
		diagnostics.push({ line: 1, message: tooBig });
		return parts(text, plainObject(), yaml, fence.body, diagnostics);
	}

	let file: { data: unknown; content: string; isEmpty?: boolean };
	try {
		file = matter(text, OPTIONS);
	} catch (e) {
		diagnostics.push(e instanceof RefusedLanguage ? { line: 1, message: e.message } : yamlDiagnostic(e));
		return parts(text, plainObject(), yaml, fence.body, diagnostics);
	}
	const body = file.content;
	const data = file.data;
	if (data === null || data === undefined || file.isEmpty === true) return parts(text, plainObject(), yaml, body, diagnostics);
	if (typeof data !== "object" || Array.isArray(data) || data instanceof Date) {
		diagnostics.push({ line: 2, message: "Frontmatter is not a set of `key: value` lines; it is ignored." });
		return parts(text, plainObject(), yaml, body, diagnostics);
	}
	const lineOf = keyLines(yaml);
	const plain = plainFrontmatter(data as Record<string, unknown>, lineOf, diagnostics);
	return parts(text, plain, yaml, body, diagnostics, lineOf);
}

function parts(text: string, data: PlainObject, yaml: string, body: string, diagnostics: NoteDiagnostic[], lineOf = keyLines(yaml)): NoteParts {
	let bodyLine = 0;
	return {
		data, yaml, body, lineOf, diagnostics,
		get bodyLine(): number {
			// The body is a suffix of the text: its first line is one past the line breaks before it.
			if (bodyLine === 0) bodyLine = lineBreaks(text, text.length - body.length) + 1;
			return bodyLine;
		},
	};
}

/**
 * Where gray-matter's fences are (opening `---` line, closing at the next line starting with `---`), for the notes
 * gray-matter is not given (too big) or fails on (YAML errors): their body is still read. Matches what gray-matter
 * returns as `matter` and `content` (tests compare the two).
 */
function fenceOf(text: string): { yamlStart: number; yamlEnd: number; body: string } {
	const firstLineEnd = text.indexOf("\n");
	if (firstLineEnd < 0) return { yamlStart: text.length, yamlEnd: text.length, body: "" };
	const close = text.indexOf("\n---", firstLineEnd);
	if (close < 0) return { yamlStart: firstLineEnd + 1, yamlEnd: text.length, body: "" };
	let body = text.slice(close + 4);
	if (body.charCodeAt(0) === 0x0a) body = body.slice(1);
	return { yamlStart: firstLineEnd + 1, yamlEnd: close, body };
}

/** Line breaks in text[0, end). */
function lineBreaks(s: string, end: number): number {
	let n = 0;
	for (let i = s.indexOf("\n"); i >= 0 && i < end; i = s.indexOf("\n", i + 1)) n++;
	return n;
}

/** What JavaScript's `\s` matches, but the line break. */
function isBlank(c: number): boolean {
	return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d || c === 0xa0 || c === 0x1680
		|| (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Steps `/^\s*#[^\n]+/gm` takes on `yaml`, within a constant: at each line start, `\s*` runs over the whitespace that
 * follows (blank lines included) and backs off, so a run of k blank lines of total length L costs about k × L.
 * Walks line by line, looking only at each line's leading whitespace.
 */
export function whitespaceRunCost(yaml: string): number {
	let cost = 0;
	let runChars = 0;
	let runStarts = 0;
	for (let start = 0; start <= yaml.length;) {
		let i = start;
		while (i < yaml.length && isBlank(yaml.charCodeAt(i))) i++;
		runStarts++;
		runChars += i - start;
		if (i < yaml.length && yaml.charCodeAt(i) !== 0x0a) {
			// A line with content ends the run.
			cost += runStarts * (runChars + 1);
			runChars = 0;
			runStarts = 0;
			const end = yaml.indexOf("\n", i);
			if (end < 0) break;
			start = end + 1;
		} else {
			runChars++;
			start = i + 1;
		}
	}
	return cost + runStarts * (runChars + 1);
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
	const what = err.mark !== undefined ? "YAML error" : "could not be read";
	return { line, message: `Frontmatter ${what}: ${reason}. The note is indexed without its frontmatter.` };
}
