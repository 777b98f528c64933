/**
 * Value parsers for request fields. Each takes what a surface hands over (a YAML value from a block, a string
 * from a CLI flag or a settings text box) and returns the value or a problem: the predicate of a sentence whose
 * subject (`"count"`, `--count`, `GPU count`) the surface adds. Never throws; work is bounded by the value's size.
 */
import { LIMITS } from "./limits";
import { describeValue, formatCount, plural, quote } from "./text";
import { didYouMean, keyOf } from "./suggest";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const problem = (text: string): Parsed<never> => ({ ok: false, problem: text });

export interface WholeNumberRule {
	min: number;
	max: number;
	/** Singular and plural noun: ["GPU", "GPUs"]. */
	unit: readonly [string, string];
	/** Accept 32k / 1m (× 1024, as context lengths are written) and 1.5k. */
	suffixes: boolean;
	/** What a valid value looks like, for the message. */
	expect: string;
}

const SUFFIX = { k: 1024, m: 1024 * 1024 } as const;
/** Digits with optional `_` separators (32_768) or comma thousands (32,768); with a suffix, a decimal (1.5k). */
const PLAIN = /^[+-]?(?:\d+(?:_\d+)*|\d{1,3}(?:,\d{3})+)$/;
const DECIMAL = /^[+-]?\d+(?:_\d+)*\.\d+$/;
const SUFFIXED = /^(\d+(?:_\d+)*(?:\.\d+)?)\s*([kKmM])$/;

/** A whole number within a rule's range: 8192, "8192", "32k", "1m", "32_768", "32,768". */
export function parseWholeNumber(raw: unknown, rule: WholeNumberRule): Parsed<number> {
	const expected = () => problem(`must be ${rule.expect} (got ${describeValue(raw)})`);
	let n: number;
	if (typeof raw === "number") {
		if (!Number.isFinite(raw)) return expected();
		n = raw;
	} else if (typeof raw === "string") {
		const s = raw.trim();
		if (s.length > 40) return s.length < 400 && /^[+]?[\d_,]+$/.test(s) ? tooLarge(rule, raw) : expected();
		const suffixed = rule.suffixes ? SUFFIXED.exec(s) : null;
		if (suffixed) {
			const mult = SUFFIX[(suffixed[2] ?? "k").toLowerCase() as keyof typeof SUFFIX];
			n = Math.round(Number((suffixed[1] ?? "").replace(/_/g, "")) * mult);
			if (n > rule.max) return tooLarge(rule, raw, n);
		} else if (PLAIN.test(s) || DECIMAL.test(s)) {
			n = Number(s.replace(/[_,]/g, ""));
		} else {
			return expected();
		}
	} else {
		return expected();
	}
	if (!Number.isInteger(n)) return expected();
	if (n < rule.min) return problem(`must be at least ${formatCount(rule.min)} (got ${describeValue(raw)})`);
	if (n > rule.max) return tooLarge(rule, raw);
	return ok(n);
}

/** `worked`: the value a suffix stands for ("20m" = 20,971,520), so the user sees why it is too large. */
function tooLarge(rule: WholeNumberRule, raw: unknown, worked?: number): Parsed<never> {
	const shown = worked !== undefined ? ` = ${formatCount(worked)}` : "";
	return problem(`is too large: at most ${plural(rule.max, rule.unit[0], rule.unit[1])} (got ${describeValue(raw)}${shown})`);
}

/** A fraction such as 0.9, 0.85 or 90%, within [min, max]. Hex, exponents and other number spellings are refused. */
export function parseFraction(raw: unknown, min: number, max: number): Parsed<number> {
	const expect = `a fraction from ${min} to ${max}, such as 0.9 or 90%`;
	let n: number;
	if (typeof raw === "number") n = raw;
	else if (typeof raw === "string" && /^\s*(?:\d{1,3}(?:\.\d{1,6})?|\.\d{1,6})\s*%?\s*$/.test(raw)) {
		const s = raw.trim();
		n = s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
	} else return problem(`must be ${expect} (got ${describeValue(raw)})`);
	if (!Number.isFinite(n) || n < min || n > max) return problem(`must be ${expect} (got ${describeValue(raw)})`);
	return ok(n);
}

/** One of a closed set of words. `aliases` maps other spellings (compared without case or punctuation) to a choice. */
export function parseChoice<T extends string>(raw: unknown, choices: readonly T[], aliases: Readonly<Record<string, T>> = {}): Parsed<T> {
	const list = choices.join(", ");
	if (typeof raw !== "string") return problem(`must be one of ${list} (got ${describeValue(raw)})`);
	const k = keyOf(raw);
	const hit = choices.find((c) => keyOf(c) === k) ?? Object.entries(aliases).find(([a]) => keyOf(a) === k)?.[1];
	if (hit !== undefined) return ok(hit);
	return problem(`must be one of ${list} (got ${describeValue(raw)}).${didYouMean(raw, [...choices, ...Object.keys(aliases)])}`);
}

export interface NameListRule {
	/** "model", "GPU", "format". */
	what: string;
	max?: number;
}

/**
 * One name or several: a YAML list, or text separated by commas ("bf16, fp8"). Empty entries are dropped;
 * nothing left ("", ",,,") is a problem, not "everything".
 */
export function parseNameList(raw: unknown, rule: NameListRule): Parsed<string[]> {
	const max = rule.max ?? LIMITS.listEntries;
	let items: unknown[];
	if (typeof raw === "string") items = raw.length > max * (LIMITS.nameLength + 2) ? [raw] : raw.split(",");
	else if (typeof raw === "number") items = [raw];
	else if (Array.isArray(raw)) items = raw;
	else return problem(`needs a ${rule.what} name or a list of names (got ${describeValue(raw)})`);
	if (items.length > max * 4) return problem(`lists ${plural(items.length, "entry", "entries")}; at most ${formatCount(max)}`);
	const names: string[] = [];
	for (const item of items) {
		if (typeof item === "number" && Number.isFinite(item)) names.push(String(item));
		else if (typeof item === "string") {
			const name = item.trim();
			if (name === "") continue;
			if (name.length > LIMITS.nameLength) {
				return problem(`has a ${rule.what} name of ${plural(name.length, "character")} (${quote(name, 40)}); a name has at most ${formatCount(LIMITS.nameLength)}`);
			}
			names.push(name);
		} else return problem(`lists ${describeValue(item)} where a ${rule.what} name belongs`);
	}
	if (names.length === 0) return problem(`needs at least one ${rule.what} name (got ${describeValue(raw)})`);
	if (names.length > max) return problem(`lists ${plural(names.length, rule.what)}; at most ${formatCount(max)}`);
	return ok(names);
}

/** Several words from a closed set, each checked, with "did you mean" for each unknown one. */
export function parseChoiceList<T extends string>(raw: unknown, choices: readonly T[], what: string, aliases: Readonly<Record<string, T>> = {}): Parsed<T[]> {
	const names = parseNameList(raw, { what, max: choices.length * 2 });
	if (!names.ok) return names;
	const out: T[] = [];
	const unknown: string[] = [];
	for (const name of names.value) {
		const hit = choices.find((c) => keyOf(c) === keyOf(name)) ?? Object.entries(aliases).find(([a]) => keyOf(a) === keyOf(name))?.[1];
		if (hit === undefined) unknown.push(`${quote(name)}${didYouMean(name, choices).replace(/^ Did you mean (.*)\?$/, " (did you mean $1?)")}`);
		else if (!out.includes(hit)) out.push(hit);
	}
	if (unknown.length > 0) {
		return problem(`names ${unknown.length === 1 ? `an unknown ${what}` : `unknown ${what}s`} ${unknown.join(", ")}; ${what}s: ${choices.join(", ")}`);
	}
	return ok(out);
}
