/**
 * Writing advice into a note: note text in → note text out, pure, so the plugin command (inside Vault.process) and
 * `gpufit advise --note --write` produce the same bytes.
 *
 * Rules:
 * - The advice lives between `<!-- gpufit:advice:start -->` and `<!-- gpufit:advice:end -->`; a note without them
 *   gets the section appended. Every byte outside the section and the two properties is kept: BOM, line endings
 *   (the section uses the note's own: CRLF notes get CRLF), trailing spaces, the other properties and their order.
 * - A damaged section (one marker missing, markers repeated or out of order, a marker inside a code block) is
 *   reported and nothing is written.
 * - Properties `gpufit-advice` (the recommended option) and `gpufit-advice-updated` (the date) are edited as lines
 *   in place (or added before the closing `---`); the result is parsed back and must equal the old frontmatter
 *   except for those two keys, or nothing is written. Re-serializing the whole YAML (what processFrontMatter does)
 *   would reformat the user's other properties and drop their comments.
 * - Idempotent: when the advice is the same as what the note holds (the "Computed for" date line aside), nothing
 *   changes, not even the date.
 */
import yaml from "js-yaml";
import { COMPUTED_PREFIX } from "./markdown";

export const START_MARKER = "<!-- gpufit:advice:start -->";
export const END_MARKER = "<!-- gpufit:advice:end -->";
export const ADVICE_PROPERTY = "gpufit-advice";
export const UPDATED_PROPERTY = "gpufit-advice-updated";

export interface AdviceProperties {
	/** The recommended option's label. */
	advice: string;
	/** YYYY-MM-DD. */
	updated: string;
}

export type WriteStatus = "written" | "unchanged" | "damaged" | "invalid-frontmatter";

export interface WriteBackResult {
	status: WriteStatus;
	/** The new note text (the input itself unless status is "written"). */
	text: string;
	/** What is wrong, for "damaged" and "invalid-frontmatter". */
	problem?: string;
	sectionChanged: boolean;
	propertiesChanged: boolean;
	/** The recommendation the note held before, if any. */
	previousAdvice?: string;
	/** The date of the advice the note held before, if any. */
	previousDate?: string;
	/** Whether the section was added (true) or replaced. */
	appended: boolean;
}

interface Line {
	/** Offset of the line's first character. */
	start: number;
	/** Offset just past its content (before the line break). */
	end: number;
	/** Offset just past its line break. */
	next: number;
	text: string;
}

function splitLines(text: string, from: number): Line[] {
	const lines: Line[] = [];
	let i = from;
	while (i < text.length) {
		const nl = text.indexOf("\n", i);
		const next = nl < 0 ? text.length : nl + 1;
		let end = nl < 0 ? text.length : nl;
		if (end > i && text[end - 1] === "\r") end--;
		lines.push({ start: i, end, next, text: text.slice(i, end) });
		i = next;
	}
	return lines;
}

/** The note's line ending: CRLF when most of its line breaks are CRLF. */
export function lineEnding(text: string): "\r\n" | "\n" {
	const crlf = (text.match(/\r\n/g) ?? []).length;
	const lf = (text.match(/\n/g) ?? []).length - crlf;
	return crlf > lf ? "\r\n" : "\n";
}

interface Frontmatter {
	/** Lines between the fences. */
	inner: Line[];
	/** The closing `---` line. */
	close: Line;
	/** Offset where the body starts. */
	bodyStart: number;
}

function findFrontmatter(text: string, from: number): Frontmatter | "unclosed" | undefined {
	const lines = splitLines(text, from);
	const first = lines[0];
	if (!first || !/^---[ \t]*$/.test(first.text)) return undefined;
	for (let k = 1; k < lines.length; k++) {
		const l = lines[k]!;
		if (/^---[ \t]*$/.test(l.text)) return { inner: lines.slice(1, k), close: l, bodyStart: l.next };
	}
	return "unclosed";
}

const OPEN_FENCE = /^ {0,3}(`{3,}|~{3,})/;

interface Markers {
	start?: Line;
	end?: Line;
	problem?: string;
	/** 1-based line of a code block still open at the end of the note. */
	openFenceLine?: number;
}

/** Locate the managed section's markers in the body, outside code blocks. */
function findMarkers(text: string, bodyStart: number, bodyLineOffset: number): Markers {
	const lines = splitLines(text, bodyStart);
	const found: Markers = {};
	let fence: { char: string; len: number; line: number } | undefined;
	const starts: number[] = [];
	const ends: number[] = [];
	for (let k = 0; k < lines.length; k++) {
		const line = lines[k]!;
		const t = line.text.trim();
		if (fence) {
			const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line.text);
			if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.len) fence = undefined;
			else if (t === START_MARKER || t === END_MARKER) {
				return { problem: `the ${t === START_MARKER ? "start" : "end"} marker on line ${bodyLineOffset + k + 1} is inside a code block` };
			}
			continue;
		}
		const open = OPEN_FENCE.exec(line.text);
		if (open?.[1]) {
			// A backtick fence whose info string holds a backtick is not a fence (CommonMark).
			if (!(open[1][0] === "`" && line.text.slice(line.text.indexOf(open[1]) + open[1].length).includes("`"))) {
				fence = { char: open[1][0]!, len: open[1].length, line: bodyLineOffset + k + 1 };
				continue;
			}
		}
		if (t === START_MARKER) { starts.push(k); found.start = line; }
		else if (t === END_MARKER) { ends.push(k); found.end = line; }
	}
	const at = (ks: number[]) => ks.map((k) => bodyLineOffset + k + 1).join(", ");
	if (starts.length > 1) return { problem: `the start marker appears ${starts.length} times (lines ${at(starts)})` };
	if (ends.length > 1) return { problem: `the end marker appears ${ends.length} times (lines ${at(ends)})` };
	if (starts.length === 1 && ends.length === 0) return { problem: `the start marker (line ${at(starts)}) has no end marker` };
	if (ends.length === 1 && starts.length === 0) return { problem: `the end marker (line ${at(ends)}) has no start marker` };
	if (starts.length === 1 && ends.length === 1 && (ends[0] ?? 0) < (starts[0] ?? 0)) return { problem: `the end marker (line ${at(ends)}) comes before the start marker (line ${at(starts)})` };
	if (fence) found.openFenceLine = fence.line;
	return found;
}

/** Section text with line endings normalized and the date line dropped: what "the same advice" compares. */
function comparable(section: string): string {
	return section.replace(/\r\n/g, "\n").split("\n").filter((l) => !l.startsWith(COMPUTED_PREFIX)).join("\n").trim();
}

function previousDateOf(section: string): string | undefined {
	const line = section.replace(/\r\n/g, "\n").split("\n").find((l) => l.startsWith(COMPUTED_PREFIX));
	return line ? /(\d{4}-\d{2}-\d{2})/.exec(line)?.[1] : undefined;
}

const TOP_KEY = (name: string) => new RegExp(`^(["']?)${name.replace(/[-]/g, "\\-")}\\1[ \\t]*:`);

/** Lines [from, to) of a top-level key and its block (indented or `- ` continuation lines). */
function keyBlock(inner: Line[], name: string): { from: number; to: number }[] {
	const blocks: { from: number; to: number }[] = [];
	const re = TOP_KEY(name);
	for (let k = 0; k < inner.length; k++) {
		if (!re.test(inner[k]!.text)) continue;
		let j = k + 1;
		while (j < inner.length && /^([ \t]|-([ \t]|$))/.test(inner[j]!.text)) j++;
		blocks.push({ from: k, to: j });
	}
	return blocks;
}

function loadYaml(source: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
	try {
		const v: unknown = yaml.safeLoad(source);
		if (v === undefined || v === null) return { ok: true, value: {} };
		if (typeof v !== "object" || Array.isArray(v)) return { ok: false, message: "the frontmatter is not a list of properties" };
		return { ok: true, value: v as Record<string, unknown> };
	} catch (e) {
		const mark = (e as { mark?: { line?: number } }).mark;
		const reason = (e as { reason?: string }).reason ?? (e instanceof Error ? e.message : String(e));
		return { ok: false, message: `the frontmatter YAML is invalid${mark?.line !== undefined ? ` (line ${mark.line + 2})` : ""}: ${reason}` };
	}
}

/**
 * Whether two parsed frontmatters are equal, looking at no more than SAME_BUDGET values: js-yaml reads `*alias` as a
 * shared reference, so a dozen lines can stand for 10^9 values. Over the budget counts as "not the same", so the
 * write is refused rather than the app frozen.
 */
function same(a: unknown, b: unknown): boolean {
	let left = SAME_BUDGET;
	const eq = (x: unknown, y: unknown): boolean => {
		if (--left < 0) return false;
		if (x === y) return true;
		if (x instanceof Date || y instanceof Date) return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
		if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return Number.isNaN(x) && Number.isNaN(y);
		if (Array.isArray(x) !== Array.isArray(y)) return false;
		const kx = Object.keys(x);
		const ky = Object.keys(y);
		if (kx.length !== ky.length) return false;
		for (let i = 0; i < kx.length; i++) {
			const k = kx[i] as string;
			if (k !== ky[i] || !eq((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k])) return false;
		}
		return true;
	};
	return eq(a, b);
}

const SAME_BUDGET = 200_000;
const dayOf = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "string" ? v : undefined);

/** Apply advice to a note. `section` is the Markdown between the markers (without them), lines joined by "\n". */
export function applyAdvice(text: string, section: string, props: AdviceProperties): WriteBackResult {
	const bom = text.startsWith("\uFEFF") ? 1 : 0;
	const eol = lineEnding(text);
	const base = { text, sectionChanged: false, propertiesChanged: false, appended: false };
	const fm = findFrontmatter(text, bom);
	if (fm === "unclosed") return { ...base, status: "invalid-frontmatter", problem: "the note starts with `---` but the frontmatter is never closed" };

	// --- frontmatter as it is
	let oldProps: Record<string, unknown> = {};
	if (fm) {
		const loaded = loadYaml(fm.inner.map((l) => l.text).join("\n"));
		if (!loaded.ok) return { ...base, status: "invalid-frontmatter", problem: `${loaded.message}; fix it first` };
		oldProps = loaded.value;
	}
	const previousAdvice = typeof oldProps[ADVICE_PROPERTY] === "string" ? oldProps[ADVICE_PROPERTY] : undefined;

	// --- the section
	const bodyStart = fm ? fm.bodyStart : bom;
	const bodyLineOffset = fm ? fm.inner.length + 2 : 0;
	const markers = findMarkers(text, bodyStart, bodyLineOffset);
	if (markers.problem) return { ...base, status: "damaged", problem: `The advice section is damaged: ${markers.problem}. Fix or remove the markers; nothing was written.`, ...(previousAdvice ? { previousAdvice } : {}) };
	const newSection = section.split("\n").join(eol);
	let body: string;
	let sectionChanged = true;
	let previousDate: string | undefined;
	let appended = false;
	if (markers.start && markers.end) {
		const old = text.slice(markers.start.next, markers.end.start);
		previousDate = previousDateOf(old);
		sectionChanged = comparable(old) !== comparable(section);
		body = sectionChanged ? text.slice(bodyStart, markers.start.next) + newSection + eol + text.slice(markers.end.start) : text.slice(bodyStart);
	} else {
		if (markers.openFenceLine !== undefined) {
			return { ...base, status: "damaged", problem: `The note ends inside a code block: the one opened on line ${markers.openFenceLine} is never closed, so an appended section would land inside it. Close the block; nothing was written.` };
		}
		appended = true;
		const existing = text.slice(bodyStart);
		const sep = existing.length === 0 ? "" : existing.endsWith(eol + eol) || existing === eol ? "" : existing.endsWith("\n") ? eol : eol + eol;
		body = existing + sep + START_MARKER + eol + newSection + eol + END_MARKER + eol;
	}

	// --- the two properties: only when the advice changed (or they are missing / stale)
	const needProps = sectionChanged || previousAdvice !== props.advice || dayOf(oldProps[UPDATED_PROPERTY]) === undefined;
	let head: string;
	if (!needProps) {
		head = text.slice(0, bodyStart);
	} else {
		const adviceLine = `${ADVICE_PROPERTY}: ${JSON.stringify(props.advice)}`;
		const updatedLine = `${UPDATED_PROPERTY}: ${props.updated}`;
		if (!fm) {
			head = text.slice(0, bom) + `---${eol}${adviceLine}${eol}${updatedLine}${eol}---${eol}`;
		} else {
			const inner = fm.inner;
			const edits = [{ name: ADVICE_PROPERTY, line: adviceLine }, { name: UPDATED_PROPERTY, line: updatedLine }];
			const replace = new Map<number, { to: number; line: string }>();
			const append: string[] = [];
			for (const e of edits) {
				const blocks = keyBlock(inner, e.name);
				if (blocks.length > 1) return { ...base, status: "invalid-frontmatter", problem: `the property ${e.name} appears ${blocks.length} times in the frontmatter` };
				const b = blocks[0];
				if (b) replace.set(b.from, { to: b.to, line: e.line });
				else append.push(e.line);
			}
			let out = text.slice(0, inner[0]?.start ?? fm.close.start);
			for (let k = 0; k < inner.length;) {
				const r = replace.get(k);
				const line = inner[k]!;
				if (r) {
					// Keep the replaced block's own line break (the last line of the block decides).
					const last = inner[r.to - 1]!;
					out += r.line + text.slice(last.end, last.next);
					k = r.to;
				} else {
					out += text.slice(line.start, line.next);
					k++;
				}
			}
			for (const l of append) out += l + eol;
			out += text.slice(fm.close.start, bodyStart);
			head = out;
		}
		// Safety: the new frontmatter must parse to the old one plus our two keys, nothing else touched.
		const after = findFrontmatter(head + "\n", bom);
		const check = after && after !== "unclosed" ? loadYaml(after.inner.map((l) => l.text).join("\n")) : undefined;
		if (!check?.ok) return { ...base, status: "invalid-frontmatter", problem: "the properties could not be updated without changing others; nothing was written" };
		const { [ADVICE_PROPERTY]: a, [UPDATED_PROPERTY]: u, ...rest } = check.value;
		const { [ADVICE_PROPERTY]: _a, [UPDATED_PROPERTY]: _u, ...oldRest } = oldProps;
		if (a !== props.advice || dayOf(u) !== props.updated || !same(rest, oldRest) || !same(Object.keys(rest), Object.keys(oldRest))) {
			return { ...base, status: "invalid-frontmatter", problem: "the properties could not be updated without changing others; nothing was written" };
		}
	}
	// A frontmatter closed at the very end of the file has no line break to start the body on.
	const next = head + (appended && fm && !head.endsWith("\n") ? eol : "") + body;
	const changed = next !== text;
	return {
		status: changed ? "written" : "unchanged",
		text: next,
		sectionChanged: changed && sectionChanged,
		propertiesChanged: changed && needProps,
		appended: changed && appended,
		...(previousAdvice !== undefined ? { previousAdvice } : {}),
		...(previousDate !== undefined ? { previousDate } : {}),
	};
}

/** One line saying what a write did (the plugin's Notice, the CLI's message). */
export function describeWrite(path: string, r: WriteBackResult, recommendation: string): string {
	const name = path.replace(/^.*\//, "").replace(/\.md$/i, "");
	switch (r.status) {
		case "damaged":
		case "invalid-frontmatter":
			return `${name}: not written. ${r.problem ?? ""}`.trim();
		case "unchanged":
			return `${name}: scaling advice unchanged (${recommendation}${r.previousDate ? `, computed ${r.previousDate}` : ""}).`;
		case "written":
			if (r.appended) return `${name}: scaling advice added: ${recommendation}.`;
			if (r.previousAdvice !== undefined && r.previousAdvice !== recommendation) return `${name}: recommendation changed from "${r.previousAdvice}" to "${recommendation}".`;
			return `${name}: scaling advice updated (${recommendation}; ${r.sectionChanged ? "table and reasons" : "properties"} changed).`;
	}
}

/**
 * The note without its managed section (markers included), so the advice never reads itself: model names in the
 * section would otherwise count as mentions on the next run. A damaged or absent section leaves the text as it is.
 */
export function withoutAdviceSection(text: string): string {
	const bom = text.startsWith("\uFEFF") ? 1 : 0;
	const fm = findFrontmatter(text, bom);
	if (fm === "unclosed") return text;
	const bodyStart = fm ? fm.bodyStart : bom;
	const m = findMarkers(text, bodyStart, 0);
	if (m.problem || !m.start || !m.end) return text;
	return text.slice(0, m.start.start) + text.slice(m.end.next);
}
