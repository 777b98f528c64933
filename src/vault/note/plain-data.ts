/**
 * Parsed YAML → plain, bounded data: the one walk over what js-yaml returns. Everything after it (tags, fields, links,
 * concept scans, properties, the cache) walks this copy, never the YAML value itself.
 *
 * Why a copy with a budget: js-yaml reads `&anchor` / `*alias` as shared references, so a dozen lines of nested
 * aliases are a small object graph that stands for ~10^8 values. Any walk that treats it as a tree (converting to
 * JSON, collecting tags, finding links, comparing versions) expands it into copies: gigabytes and minutes. Here each
 * top-level key is walked once with a budget that counts every visit (a value reached through an alias counts each
 * time), and a key over the budget or too deeply nested is dropped with a diagnostic. What comes out is a tree whose
 * size is bounded by the budget, so every later walk is bounded too.
 *
 * Also here: YAML dates become ISO strings, non-finite numbers strings, binary data a short description; objects
 * are null-prototype (a `__proto__` key cannot reach a prototype) and `__proto__` keys are dropped.
 */
import { count, LIMITS } from "../limits";
import { isoDate } from "./known-fields";
import type { NoteDiagnostic } from "../types";

export type PlainValue = string | number | boolean | null | PlainValue[] | PlainObject;
export interface PlainObject { [key: string]: PlainValue }

/** Thrown inside a key's walk when it goes over a cap (caught by plainFrontmatter, never escapes). */
class Overrun extends Error {
	constructor(readonly what: "values" | "depth") {
		super(`over the ${what} cap`);
	}
}

/** A null-prototype object: safe for any key, and what every mapping in PlainValue is. */
export function plainObject(): PlainObject {
	return Object.create(null) as PlainObject;
}

/**
 * The frontmatter root (js-yaml's result for a mapping) as plain data. `lineOf` gives a key's file line for the
 * diagnostics; `diagnostics` receives one per dropped key (and one for keys past the cap).
 */
export function plainFrontmatter(root: Record<string, unknown>, lineOf: (key: string) => number | undefined, diagnostics: NoteDiagnostic[]): PlainObject {
	const out = plainObject();
	const keys = Object.keys(root);
	if (keys.length > LIMITS.keys) {
		diagnostics.push({ message: `Frontmatter has ${count(keys.length)} keys; only the first ${count(LIMITS.keys)} are read.` });
	}
	// Kept values bound what the note holds; visits (kept or not) bound the work it costs. A key over its own budget
	// costs at most that budget and is dropped; the keys after it are read as usual.
	let kept = LIMITS.valuesPerNote;
	let visits = LIMITS.visitsPerNote;
	let skippedForNote = 0;
	const n = Math.min(keys.length, LIMITS.keys);
	for (let i = 0; i < n; i++) {
		const key = keys[i] as string;
		if (key === "__proto__") continue;
		const budget = Math.min(LIMITS.valuesPerKey, kept, visits);
		if (budget <= 0) { skippedForNote++; continue; }
		const walk = new Walk(budget);
		try {
			out[key] = walk.value(root[key], 1);
			kept -= walk.visits;
		} catch (e) {
			if (!(e instanceof Overrun)) throw e;
			diagnostics.push({
				line: lineOf(key),
				message: e.what === "depth"
					? `Frontmatter "${key}" is nested deeper than ${LIMITS.depth} levels; it is ignored.`
					: `Frontmatter "${key}" holds more than ${count(budget)} values (a YAML alias counts each time it is used); it is ignored.`,
			});
		}
		visits -= walk.visits;
	}
	if (skippedForNote > 0) {
		diagnostics.push({ message: `Frontmatter holds more values than a note may (${count(LIMITS.valuesPerNote)} kept, ${count(LIMITS.visitsPerNote)} read); ${count(skippedForNote)} key${skippedForNote === 1 ? " is" : "s are"} ignored.` });
	}
	return out;
}

class Walk {
	visits = 0;

	constructor(private readonly budget: number) {}

	value(v: unknown, depth: number): PlainValue {
		if (++this.visits > this.budget) throw new Overrun("values");
		if (v === null || v === undefined) return null;
		switch (typeof v) {
			case "string": case "boolean": return v;
			case "number": return Number.isFinite(v) ? v : String(v);
			case "bigint": return String(v);
			case "object": break;
			default: return null;
		}
		if (depth > LIMITS.depth) throw new Overrun("depth");
		if (v instanceof Date) return isoDate(v);
		if (Array.isArray(v)) {
			const out: PlainValue[] = [];
			for (const item of v) out.push(this.value(item, depth + 1));
			return out;
		}
		if (ArrayBuffer.isView(v)) return `(binary data, ${count(v.byteLength)} bytes)`;
		const out = plainObject();
		const obj = v as Record<string, unknown>;
		for (const key of Object.keys(obj)) {
			if (key === "__proto__") continue;
			// A key costs a visit too: a mapping with a million keys is over the budget before it is copied.
			if (++this.visits > this.budget) throw new Overrun("values");
			out[key] = this.value(obj[key], depth + 1);
		}
		return out;
	}
}

/** Each string of a string or a (nested) list, in order; mappings are not prose and are skipped. */
export function forEachString(value: PlainValue, fn: (s: string) => void): void {
	if (typeof value === "string") fn(value);
	else if (Array.isArray(value)) for (const v of value) forEachString(v, fn);
}
