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
