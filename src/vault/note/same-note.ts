/**
 * Whether two ParsedNotes are the same (an upsert that changes nothing is skipped). A structural comparison of
 * plain JSON: ParsedNotes are bounded (see limits.ts), so this is too, and it stops at the first difference.
 */
import type { ParsedNote } from "../types";

export function sameNote(a: ParsedNote, b: ParsedNote): boolean {
	return sameValue(a, b);
}

function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
		return true;
	}
	if (Array.isArray(b)) return false;
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	if (ka.length !== kb.length) return false;
	for (let i = 0; i < ka.length; i++) {
		const k = ka[i] as string;
		// Same keys in the same order: JSON-identical, as the cache and the property tests compare.
		if (k !== kb[i]) return false;
		if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
	}
	return true;
}
