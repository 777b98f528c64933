/**
 * Copies of strings that do not share memory with the note text they were cut from.
 *
 * V8 keeps substrings (what js-yaml, slice() and split() return) of 13 characters or more as slices of their parent
 * string, so a stored title would keep the whole note alive, and every edited version of it. Concatenating then
 * slicing forces a flat copy; shorter substrings are always copies already.
 */
export function detach(s: string): string {
	return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** detach() applied to every string (and key) in a JSON-like value. */
export function detachAll(value: unknown): unknown {
	if (typeof value === "string") return detach(value);
	if (Array.isArray(value)) return value.map(detachAll);
	if (value !== null && typeof value === "object") {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[detach(k)] = detachAll(v);
		return out;
	}
	return value;
}
