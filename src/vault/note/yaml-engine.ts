/**
 * The YAML engine gray-matter is given (see read-frontmatter.ts): js-yaml 3's `safeLoad`, gray-matter's own default,
 * behind a fast path for the common frontmatter shape that gives exactly what `safeLoad` gives, or `undefined`
 * ("not sure, ask safeLoad") for anything outside the narrow subset it understands.
 *
 * Why: js-yaml's general loader is the biggest single cost of indexing a note (the seed-shaped notes carry ~16 KB of
 * frontmatter). Frontmatter is nearly always a flat `key: value` mapping with a tag list, so that shape is read here
 * with `indexOf` over lines, and everything else goes to `safeLoad` unchanged.
 *
 * The subset (anything else, or any doubt, returns undefined):
 * - The root is a block mapping; every key is on its own line at column 0, matches `[A-Za-z_][A-Za-z0-9_-]*`, is not
 *   `__proto__`, resolves to a string (not `true`, `NULL`...) and is not repeated (safeLoad throws on duplicates).
 * - A value on the key's line is one of: a double-quoted string without backslashes, a single-quoted string (`''`
 *   escape), both closed on that line; a plain scalar on one line with no `: `, ` #` or trailing `:`, not starting with
 *   an indicator; a flow sequence `[a, b]` of such simple plain scalars; a literal block scalar `|` or `|-`.
 * - A key with nothing after it: null, or a block sequence (one indentation for all its `- ` entries) of the values
 *   above.
 * - Lines are either empty or carry content (no whitespace-only lines); no tabs, CR, BOM, control or non-printable
 *   characters, unpaired surrogates, NEL or Unicode line separators anywhere.
 * - A scalar line must be followed (after empty lines) by a line that ends it for sure: a key at column 0 or the
 *   next `- ` entry at the sequence's indentation; an indented continuation (a folded multi-line scalar) falls back.
 *
 * Plain scalars are resolved as DEFAULT_SAFE_SCHEMA resolves them (see resolvePlain), so numbers, booleans and dates
 * come out exactly as safeLoad makes them. The differential property test (test/vault/frontmatter-fastpath.test.ts)
 * checks all of this against safeLoad.
 */
import { safeLoad } from "js-yaml";

/**
 * What js-yaml's DEFAULT_SAFE_SCHEMA makes of a plain scalar (null, bool, int, float, timestamp, merge, or the string
 * itself), read from js-yaml's published rules rather than its internals:
 * - a scalar that starts with a letter can only be null (`null`, `Null`, `NULL`), a bool (`true`/`false` in three
 *   casings) or a string: every int, float, timestamp and merge form starts with a digit, a sign, `.`, `~` or `<`;
 * - the two shapes notes are full of are read here: a date `YYYY-MM-DD` (a UTC midnight Date, as the YAML timestamp
 *   type defines it) and a plain decimal integer without leading zeros (`-0` is 0, as js-yaml reads it);
 * - anything else goes to safeLoad itself, one scalar at a time (times, floats, octal...: rare in notes).
 * The differential property test checks the whole fast path against safeLoad.
 */
function resolvePlain(s: string): Maybe<unknown> {
	const c = s.charCodeAt(0);
	if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
		switch (s) {
			case "null": case "Null": case "NULL": return null;
			case "true": case "True": case "TRUE": return true;
			case "false": case "False": case "FALSE": return false;
			default: return s;
		}
	}
	if (DATE.test(s)) {
		return new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))));
	}
	if (DECIMAL.test(s)) return s === "-0" ? 0 : Number(s);
	// A scalar safeLoad would read as a document marker (`---`, `...`) is not one inside a mapping: leave it to the
	// full loader with its context.
	if (s.startsWith("---") || s.startsWith("...")) return NO;
	return safeLoad(s);
}

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Up to 15 digits: exactly representable, so Number() and js-yaml's parseInt agree. */
const DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})$/;

/**
 * Characters outside the plain printable set we take: controls (tab and CR included), C1 controls with NEL, the Unicode
 * line/paragraph separators, BOM, U+FFFE/U+FFFF, and surrogates (accepted afterwards when properly paired).
 */
const SUSPECT = /[^\n\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]/g;

/** Anything but a line break and printable ASCII: every SUSPECT character is one of these. */
const NOT_PLAIN_ASCII = /[^\n\x20-\x7E]/g;

/** Whether `block` holds a character js-yaml could refuse or read specially (anything but paired surrogates). */
function hasRefusedChar(block: string): boolean {
	// Most frontmatter is plain ASCII: a simpler class finds the first character worth a closer look (or none), faster.
	NOT_PLAIN_ASCII.lastIndex = 0;
	if (!NOT_PLAIN_ASCII.test(block)) return false;
	SUSPECT.lastIndex = NOT_PLAIN_ASCII.lastIndex - 1;
	for (let m = SUSPECT.exec(block); m !== null; m = SUSPECT.exec(block)) {
		const c = block.charCodeAt(m.index);
		const next = block.charCodeAt(m.index + 1);
		if (!(c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)) return true;
		SUSPECT.lastIndex = m.index + 2;
	}
	return false;
}

/** Sentinel: this line or value is outside the subset. */
const NO = Symbol("fallback");
type Maybe<T> = T | typeof NO;

/** Block being read, split lazily into lines. */
class Lines {
	private pos = 0;
	/** Current line (without its line break), or undefined past the end. */
	line: string | undefined;

	constructor(private readonly text: string) {
		this.next();
	}

	next(): void {
		if (this.pos > this.text.length) {
			this.line = undefined;
			return;
		}
		const end = this.text.indexOf("\n", this.pos);
		const stop = end < 0 ? this.text.length : end;
		this.line = this.text.slice(this.pos, stop);
		this.pos = stop + 1;
	}

	/** Skip empty lines; the current line is then a non-empty one or undefined. */
	skipEmpty(): void {
		while (this.line === "") this.next();
	}
}

/** Count of leading spaces. */
function indentOf(line: string): number {
	let i = 0;
	while (line.charCodeAt(i) === 0x20) i++;
	return i;
}

/** `s` without trailing spaces (only U+0020: js-yaml's whitespace is space and tab, and tabs are refused). */
function trimEndSpaces(s: string): string {
	let end = s.length;
	while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--;
	return end === s.length ? s : s.slice(0, end);
}

/** Key characters: [A-Za-z0-9_-]. */
function isKeyChar(c: number): boolean {
	return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
}

/** First characters a plain scalar may not start with (or that we do not take on): indicators, quotes, space. */
function badPlainStart(c: number, next: number): boolean {
	switch (c) {
		case 0x20: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: // space , [ ] { }
		case 0x23: case 0x26: case 0x2a: case 0x21: case 0x7c: case 0x3e: // # & * ! | >
		case 0x27: case 0x22: case 0x25: case 0x40: case 0x60: // ' " % @ `
		case 0x3f: case 0x3a: // ? :
			return true;
		case 0x2d: // - : a sequence entry when followed by a space or the end
			return next === 0x20 || Number.isNaN(next);
		default:
			return false;
	}
}

/**
 * A one-line plain scalar (already without trailing spaces) as js-yaml reads it in block context, resolved;
 * NO when it could be read differently (mapping indicator, comment, indicator at the start).
 */
function plainScalar(v: string): Maybe<unknown> {
	if (v === "" || badPlainStart(v.charCodeAt(0), v.charCodeAt(1))) return NO;
	if (v.includes(": ") || v.includes(" #") || v.charCodeAt(v.length - 1) === 0x3a) return NO;
	return resolvePlain(v);
}

/** `"..."` closed at the end of the value, no backslash escapes. */
function doubleQuoted(v: string): Maybe<string> {
	if (v.length < 2 || v.indexOf('"', 1) !== v.length - 1 || v.includes("\\")) return NO;
	return v.slice(1, -1);
}

/** `'...'` closed at the end of the value; `''` inside is one quote. */
function singleQuoted(v: string): Maybe<string> {
	if (v.length < 2 || v.charCodeAt(v.length - 1) !== 0x27) return NO;
	const inner = v.slice(1, -1);
	if (!inner.includes("'")) return inner;
	const parts = inner.split("''");
	for (const p of parts) if (p.includes("'")) return NO;
	return parts.join("'");
}

/** Characters that end or change a plain scalar inside a flow collection, or that we do not take on there. */
function badFlowChar(c: number): boolean {
	switch (c) {
		case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: // , [ ] { }
		case 0x23: case 0x3a: case 0x27: case 0x22: case 0x5c: // # : ' " \
			return true;
		default:
			return false;
	}
}

/** `[a, b]`: simple plain scalars separated by commas, nothing after `]`. */
function flowSequence(v: string): Maybe<unknown[]> {
	if (v.charCodeAt(v.length - 1) !== 0x5d) return NO;
	const inner = v.slice(1, -1);
	const out: unknown[] = [];
	if (trimEndSpaces(inner) === "") return out;
	for (const raw of inner.split(",")) {
		let start = 0;
		while (raw.charCodeAt(start) === 0x20) start++;
		const item = trimEndSpaces(raw.slice(start));
		if (item === "") return NO;
		const c = item.charCodeAt(0);
		if (badPlainStart(c, item.charCodeAt(1))) return NO;
		// `-x` is plain in flow context only when x is not a flow indicator; keep to simple cases.
		if (c === 0x2d && badFlowChar(item.charCodeAt(1))) return NO;
		for (let i = 0; i < item.length; i++) if (badFlowChar(item.charCodeAt(i))) return NO;
		const value = resolvePlain(item);
		if (value === NO) return NO;
		out.push(value);
	}
	return out;
}

/**
 * The value that starts on the current line at `rest` (the text after `key: ` or `- `, leading spaces removed), for a
 * node whose parent is at indentation `parentIndent`; leaves `lines` on the next non-empty line.
 */
function inlineValue(lines: Lines, rest: string, parentIndent: number): Maybe<unknown> {
	const v = trimEndSpaces(rest);
	let value: Maybe<unknown>;
	switch (v.charCodeAt(0)) {
		case 0x22: value = doubleQuoted(v); break;
		case 0x27: value = singleQuoted(v); break;
		case 0x5b: value = flowSequence(v); break;
		case 0x7c: return literalBlock(lines, v, parentIndent);
		default: value = plainScalar(v);
	}
	lines.next();
	lines.skipEmpty();
	return value;
}

/**
 * A literal block scalar `|` (clip) or `|-` (strip) whose header is the current line; content starts on the very
 * next line, indented deeper than the parent. Same reading as js-yaml's readBlockScalar for that case.
 */
function literalBlock(lines: Lines, header: string, parentIndent: number): Maybe<string> {
	if (header !== "|" && header !== "|-") return NO;
	lines.next();
	const first = lines.line;
	if (first === undefined || first === "") return NO;
	const textIndent = indentOf(first);
	// js-yaml reads a line of spaces only by its own rules (an empty line, or content beyond the indentation).
	if (textIndent <= parentIndent || textIndent === first.length) return NO;
	let result = first.slice(textIndent);
	let emptyLines = 0;
	for (;;) {
		lines.next();
		const line = lines.line;
		if (line === undefined) break;
		if (line === "") {
			emptyLines++;
			continue;
		}
		const indent = indentOf(line);
		if (indent === line.length) return NO;
		if (indent < textIndent) break;
		result += "\n".repeat(1 + emptyLines) + line.slice(textIndent);
		emptyLines = 0;
	}
	return header === "|" ? `${result}\n` : result;
}

/** A block sequence whose first `- ` entry is the current line (indentation `indent`). */
function blockSequence(lines: Lines, indent: number): Maybe<unknown[]> {
	const out: unknown[] = [];
	for (;;) {
		const line = lines.line;
		if (line === undefined) return out;
		const lineIndent = indentOf(line);
		if (lineIndent !== indent || line.charCodeAt(indent) !== 0x2d) {
			// Ends only at a line that is surely a key of the root mapping.
			return lineIndent === 0 && line.charCodeAt(0) !== 0x2d ? out : NO;
		}
		if (line.charCodeAt(indent + 1) !== 0x20 || line.charCodeAt(indent + 2) === 0x20) return NO;
		const rest = line.slice(indent + 2);
		if (rest === "") return NO;
		const value = inlineValue(lines, rest, indent);
		if (value === NO) return NO;
		out.push(value);
	}
}

/** The engine: what `safeLoad(block)` gives, through the fast path when `block` is in its subset. */
export function loadYaml(block: string): unknown {
	return fastLoadFrontmatter(block) ?? safeLoad(block);
}

/** The fast path: safeLoad's result for `block`, or undefined when `block` is outside the subset (see above). */
export function fastLoadFrontmatter(block: string): Record<string, unknown> | undefined {
	if (hasRefusedChar(block)) return undefined;
	const lines = new Lines(block);
	lines.skipEmpty();
	if (lines.line === undefined) return undefined;
	const result: Record<string, unknown> = {};
	for (;;) {
		const line: string | undefined = lines.line;
		if (line === undefined) break;
		const c0 = line.charCodeAt(0);
		if (!((c0 >= 0x61 && c0 <= 0x7a) || (c0 >= 0x41 && c0 <= 0x5a) || c0 === 0x5f)) return undefined;
		let k = 1;
		while (k < line.length && isKeyChar(line.charCodeAt(k))) k++;
		if (line.charCodeAt(k) !== 0x3a) return undefined;
		const after = line.charCodeAt(k + 1);
		if (!(after === 0x20 || Number.isNaN(after))) return undefined;
		const key = line.slice(0, k);
		if (key === "__proto__" || resolvePlain(key) !== key || Object.prototype.hasOwnProperty.call(result, key)) return undefined;
		let restStart = k + 1;
		while (line.charCodeAt(restStart) === 0x20) restStart++;
		let value: Maybe<unknown>;
		if (restStart >= line.length) {
			lines.next();
			lines.skipEmpty();
			const next = lines.line;
			if (next === undefined) value = null;
			else {
				const indent = indentOf(next);
				if (next.charCodeAt(indent) === 0x2d && next.charCodeAt(indent + 1) === 0x20) value = blockSequence(lines, indent);
				else value = indent === 0 ? null : NO;
			}
		} else {
			value = inlineValue(lines, line.slice(restStart), 0);
			// After a value on the key's line, the next line must be another key (column 0) or the end.
			if (value !== NO && lines.line !== undefined && lines.line.charCodeAt(0) === 0x20) return undefined;
		}
		if (value === NO) return undefined;
		result[key] = value;
	}
	return result;
}
