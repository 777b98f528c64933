/**
 * Message text shared by every surface that reports a problem with user input: values are echoed bounded
 * (a 1 MB name costs a line, not a megabyte), numbers are grouped, nouns agree with their counts.
 */

/** How many characters of a user's value a message repeats. */
export const ECHO_CHARS = 60;

/** "1,048,576": grouped digits, independent of the locale. */
export function formatCount(n: number): string {
	if (!Number.isFinite(n)) return String(n);
	const [int = "", frac] = String(Math.abs(n)).split(".");
	const grouped = int.length > 21 ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
	return `${n < 0 ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** "1 sequence", "2 sequences", "1,024 GPUs". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
	return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

/** At most `max` characters of `s`; a cut says how long the whole was. */
export function clip(s: string, max = ECHO_CHARS): string {
	if (s.length <= max) return s;
	let end = max - 1;
	const code = s.charCodeAt(end - 1);
	if (code >= 0xd800 && code <= 0xdbff) end--; // never split a surrogate pair
	return `${s.slice(0, end)}… (${formatCount(s.length)} characters)`;
}

/** A string in double quotes, clipped, with control characters escaped (a message stays one line). */
export function quote(s: string, max = ECHO_CHARS): string {
	return JSON.stringify(clip(s, max));
}

/**
 * A user's value as a message names it: bounded whatever it is. Lists and mappings are described, never
 * walked (a YAML alias may share one list thousands of times), and YAML's .nan / .inf say what they are.
 */
export function describeValue(v: unknown): string {
	if (typeof v === "string") {
		const t = v.trim();
		// YAML's spellings of the special floats, as a block (read as text) hands them over.
		if (/^[-+]?\.(nan|NaN|NAN)$/.test(t)) return `${t}, which is not a number`;
		if (/^[-+]?\.(inf|Inf|INF)$/.test(t)) return `${t}, which is infinite`;
		return t === "" ? "an empty value" : quote(v);
	}
	if (typeof v === "number") {
		if (Number.isNaN(v)) return ".nan, which is not a number";
		if (v === Infinity) return ".inf, which is infinite";
		if (v === -Infinity) return "-.inf, which is infinite";
		return String(v);
	}
	if (typeof v === "boolean" || typeof v === "bigint") return String(v);
	if (v === null || v === undefined) return "nothing";
	if (Array.isArray(v)) return v.length === 0 ? "an empty list" : `a list of ${plural(v.length, "entry", "entries")}`;
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? "a date" : `the date ${v.toISOString().slice(0, 10)}`;
	return "a set of keys";
}

/** End a sentence with a period unless it already ends with punctuation. */
export function sentence(s: string): string {
	return /[.!?]$/.test(s) ? s : `${s}.`;
}
