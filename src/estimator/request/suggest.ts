/** "Did you mean": the closest option within a small edit distance (a typo, not a different word). */
import { editDistance } from "../names";

/** Lower case, letters and digits only: "KV_Dtype", "kv-dtype" and "kvdtype" are one key. */
export function keyOf(s: string): string {
	return s.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Longer words are not typos of a short option; skipping them keeps the work bounded for hostile input. */
const MAX_WORD = 64;

export function closest(word: string, options: readonly string[]): string | undefined {
	if (word.length > MAX_WORD * 4) return undefined;
	const w = keyOf(word);
	if (w.length === 0 || w.length > MAX_WORD) return undefined;
	const limit = w.length <= 3 ? 1 : w.length < 9 ? 2 : 3;
	let best: string | undefined;
	let bestD = limit + 1;
	for (const o of options) {
		const d = editDistance(w, keyOf(o), limit);
		if (d < bestD) {
			bestD = d;
			best = o;
		}
	}
	return best;
}

/** ` Did you mean "x"?` or nothing; `format` spells the option as the surface writes it (e.g. `--x`). */
export function didYouMean(word: string, options: readonly string[], format: (o: string) => string = (o) => `"${o}"`): string {
	const guess = closest(word, options);
	return guess !== undefined ? ` Did you mean ${format(guess)}?` : "";
}
