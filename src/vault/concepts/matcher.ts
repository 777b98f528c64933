/**
 * Finds concept names in text: one lookup table per vocabulary, built once, shared by every note.
 *
 * How it agrees with catalog lookups: a name matches when the ASCII letters/digits of consecutive text words,
 * concatenated, equal a normalizeName() key of a concept. "RTX 6000 PRO B", "rtx-6000-pro-b-class" and
 * "RTX PRO 6000 Blackwell" all reach keys of the same GPU; the longest match from a word wins, so a tag's
 * trailing generic words (class, model, acceleration, ...) simply fall outside the match.
 *
 * Why it is fast: every key is in a character trie (flat typed arrays, ASCII letters and digits folded to 36 codes),
 * walked straight on the text's char codes, so recognising a name allocates nothing: no word slices, no lower-case
 * copies, no concatenated look-ahead keys. Prose is scanned by one loop that only looks at the first two characters
 * of each word (a table of the pairs that can start a name); the lower-case bulk of a note and all its non-Latin
 * text cost a few comparisons per character.
 *
 * Where it is careful (prose = title, frontmatter fields, body):
 * - Word boundaries are the token boundaries: `H1000` is one token and never contains `H100`.
 * - A name split over several words must split where one of its spellings does, or at a letter/digit change
 *   after two or more letters ("RTX 4090", "MI 300X"): "a 100 GB" is not an A100.
 * - A bare number ("4090") is never a GPU in prose or inside a tag: "4090" alone is more often a count or a year.
 *   "RTX 4090" is. A tag or title that is exactly the number still matches.
 * - Single alphabetic words ("Hopper", "vLLM", "AWQ") must carry a capital letter in prose, and a few that are
 *   ordinary words ("half", "Transformers") only match as a whole tag or title: see PROSE_AMBIGUOUS.
 * - A plural after a digit counts: "H100s" is H100.
 * Non-ASCII letters are separators here, as in normalizeName ("Qwen3‑30B" with a non-breaking hyphen matches).
 */
import { normalizeName } from "../../estimator/names";
import { DICTIONARY_VERSION, PROSE_AMBIGUOUS } from "./dictionaries";
import type { Concept, ConceptVocabulary } from "./vocabulary";

/** Bump when the matching rules change (part of the fingerprint). */
const MATCHER_RULES_VERSION = 2;
/** Separator run allowed between the words of one name ("RTX 6000", "Llama-3.1 / 8B" is too far). */
const MAX_GAP = 3;
const MAX_WORDS = 8;
const TAG_CACHE_LIMIT = 20_000;

export type ScanMode = "prose" | "tag";

interface KeyInfo {
	concept: Concept;
	/** splits[i] = 1 where a text word boundary may fall at offset i of the key. */
	splits: Uint8Array;
	numeric: boolean;
	ambiguous: boolean;
	alphabetic: boolean;
}

/** Trie alphabet: a-z → 0..25, 0-9 → 26..35 (upper case folded); -1 for everything else. */
const ALPHABET = 36;
const CODE = new Int8Array(128).fill(-1);
for (let c = 0; c < 26; c++) { CODE[97 + c] = c; CODE[65 + c] = c; }
for (let d = 0; d < 10; d++) CODE[48 + d] = 26 + d;

export class ConceptMatcher {
	/** Changes whenever the set of recognisable names changes; stored in ParsedNote to detect stale parses. */
	readonly fingerprint: string;
	private readonly keys = new Map<string, KeyInfo>();
	/** Trie of every key: child node of `node` for code `k` is next[node * ALPHABET + k] (0: none; node 0 is the root). */
	private readonly next: Int32Array;
	/** Key ending at each trie node: index into `infos`, or -1. */
	private readonly keyAt: Int32Array;
	private readonly infos: KeyInfo[] = [];
	/**
	 * Prose word starts that may begin a name: a capital (or digit) then a character the key continues with, by
	 * char-code pair (first * 128 + second). Lower-case first words of names are in `lowerStarts` instead.
	 */
	private readonly proseStarts = new Uint8Array(128 * 128);
	/** First words of names displayed starting in lower case ("llama" of "llama.cpp", "vLLM"), matched as written, longest first. */
	private readonly lowerStarts: string[];
	/** Runs of letters and digits from a capital or a digit on (see scanCandidates). */
	private readonly capitalRun = /[A-Z0-9][A-Za-z0-9]*/g;
	/** Lower-case starts with no capital or digit ("llama", "gpt"): the capital runs never reach them. */
	private readonly lowerOnlyStarts: string[];
	/** Per lowerOnlyStarts entry: its next index in the text being scanned (-1: none). */
	private readonly lowerNext: Int32Array;
	private readonly tagCache = new Map<string, readonly Concept[]>();
	/** Split offsets used by the current look-ahead (scans do not nest). */
	private readonly splitsUsed = new Int32Array(MAX_WORDS);

	constructor(readonly vocabulary: ConceptVocabulary) {
		const lowerCaseStarts = new Set<string>();
		const prefixes = new Set<string>();
		for (const concept of vocabulary.concepts) {
			for (const surface of concept.names) {
				const key = normalizeName(surface);
				if (!key) continue;
				let info = this.keys.get(key);
				if (info && info.concept !== concept) continue; // an earlier (higher priority) concept owns this spelling
				if (!info) {
					info = {
						concept, splits: letterDigitSplits(key), numeric: /^\d+$/.test(key),
						ambiguous: PROSE_AMBIGUOUS.has(key), alphabetic: /^[a-z]+$/.test(key),
					};
					this.keys.set(key, info);
					for (let i = 1; i <= key.length; i++) prefixes.add(key.slice(0, i));
				}
				for (const s of surfaceSplits(surface)) if (s < info.splits.length) info.splits[s] = 1;
			}
			const first = /^[a-z][A-Za-z0-9]*/.exec(concept.label.normalize("NFKD"))?.[0];
			if (first !== undefined && first.length > 1 && concept.names.length > 0) lowerCaseStarts.add(first);
		}
		// The trie: one node per distinct prefix.
		this.next = new Int32Array((prefixes.size + 1) * ALPHABET);
		this.keyAt = new Int32Array(prefixes.size + 1).fill(-1);
		let nodes = 1;
		for (const [key, info] of this.keys) {
			let node = 0;
			for (let i = 0; i < key.length; i++) {
				const slot = node * ALPHABET + (CODE[key.charCodeAt(i)] ?? 0);
				let child = this.next[slot] ?? 0;
				if (child === 0) { child = nodes++; this.next[slot] = child; }
				node = child;
			}
			this.keyAt[node] = this.infos.length;
			this.infos.push(info);
		}
		// Longest first, so "llamacpp" is tried before "llama".
		this.lowerStarts = [...lowerCaseStarts].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
		this.lowerOnlyStarts = this.lowerStarts.filter((s) => /^[a-z]+$/.test(s));
		this.lowerNext = new Int32Array(this.lowerOnlyStarts.length);
		for (const key of this.keys.keys()) {
			if (key.length < 2) continue;
			const first = key.charCodeAt(0);
			const second = key.charCodeAt(1);
			const upperFirst = first >= 97 && first <= 122 ? first - 32 : first;
			this.proseStarts[upperFirst * 128 + second] = 1;
			if (second >= 97 && second <= 122) this.proseStarts[upperFirst * 128 + second - 32] = 1;
		}
		const lines = [...this.keys].map(([k, v]) => `${k}=${v.concept.id}`).sort();
		this.fingerprint = `${MATCHER_RULES_VERSION}.${DICTIONARY_VERSION}.${fnv1a(lines.join("\n"))}`;
	}

	/** The concept a whole string names exactly (a tag or title that is just "4090" or "Transformers"). */
	exact(text: string): Concept | undefined {
		// ASCII text: walk the trie over its letters and digits (what normalizeName keeps), without building the key.
		const next = this.next;
		let node = 0;
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c >= 128) return this.keys.get(normalizeName(text))?.concept;
			const k = CODE[c] ?? -1;
			if (k < 0) continue;
			node = next[node * ALPHABET + k] ?? 0;
			if (node === 0) return undefined;
		}
		const index = this.keyAt[node] ?? -1;
		return index >= 0 ? this.infos[index]?.concept : undefined;
	}

	/**
	 * Concepts a tag names: the one it spells exactly, else those found in it word by word. Tags repeat across a
	 * vault, so results are cached (the cache is dropped when it grows past TAG_CACHE_LIMIT distinct tags).
	 */
	tagConcepts(tag: string): readonly Concept[] {
		let hits = this.tagCache.get(tag);
		if (hits === undefined) {
			const exact = this.exact(tag);
			if (exact) hits = [exact];
			else {
				const found: Concept[] = [];
				this.scanEveryWord(tag, "tag", (c) => found.push(c));
				hits = found;
			}
			if (this.tagCache.size >= TAG_CACHE_LIMIT) this.tagCache.clear();
			// A copy of the key: a tag string may be a slice of a whole note's text.
			this.tagCache.set(` ${tag}`.slice(1), hits);
		}
		return hits;
	}

	/** Report each concept occurrence in `text`. */
	scan(text: string, mode: ScanMode, hit: (concept: Concept) => void): void {
		if (mode === "tag") this.scanEveryWord(text, mode, hit);
		else this.scanCandidates(text, hit);
	}

	/**
	 * Prose: names start with a word whose first character is a capital or a digit ("RTX", "H100", "Qwen3"), or with
	 * the first word of a name the vocabulary displays starting in lower case, spelled as displayed ("llama.cpp",
	 * "vLLM"). A native regex jumps from one run of letters and digits that holds a capital or digit to the next, so
	 * the lower-case bulk of a note (and all its non-Latin text) is skipped without any JavaScript per character; the
	 * all-lower-case starts ("llama", "gpt") are found with indexOf and taken in text order with the runs (putting
	 * them in the regex as alternatives makes it check each of them at every character: a third slower). A table of
	 * the first two characters of every key rejects most capitalised words ("The", "Each") before the trie walk.
	 */
	private scanCandidates(text: string, hit: (concept: Concept) => void): void {
		const re = this.capitalRun;
		const lowerOnly = this.lowerOnlyStarts;
		const lowerNext = this.lowerNext;
		for (let k = 0; k < lowerOnly.length; k++) lowerNext[k] = text.indexOf(lowerOnly[k] as string);
		let pos = 0;
		for (;;) {
			// The next lower-case start at or after `pos` (-1: none left).
			let lower = -1;
			for (let k = 0; k < lowerOnly.length; k++) {
				let at = lowerNext[k] as number;
				if (at >= 0 && at < pos) { at = text.indexOf(lowerOnly[k] as string, pos); lowerNext[k] = at; }
				if (at >= 0 && (lower < 0 || at < lower)) lower = at;
			}
			re.lastIndex = pos;
			const runEnd = re.test(text) ? re.lastIndex : -1;
			if (runEnd < 0 && lower < 0) return;
			// The word holding the earlier of the two (words do not overlap, so word starts give text order).
			const runWord = runEnd < 0 ? -1 : wordStart(text, runEnd - 1);
			const lowerWord = lower < 0 ? -1 : wordStart(text, lower);
			let start: number;
			let end: number;
			if (runWord >= 0 && (lowerWord < 0 || runWord <= lowerWord)) { start = runWord; end = runEnd; }
			else { start = lowerWord; end = wordEnd(text, lower); }
			pos = Math.max(end, this.candidateAt(text, start, end, hit));
		}
	}

	/** A prose word text[start, end) that may start a name: match from it. Returns where the match ends (or `end`). */
	private candidateAt(text: string, start: number, end: number, hit: (concept: Concept) => void): number {
		// A match inside an identifier ("x_H100") is no word start; Markdown emphasis ("_Yi-34B_") is.
		if (start > 1 && text.charCodeAt(start - 1) === 95 /* _ */ && isWordChar(text.charCodeAt(start - 2))) return end;
		const c = text.charCodeAt(start);
		const candidate = c < 97
			? end - start >= 2 && this.proseStarts[c * 128 + text.charCodeAt(start + 1)] === 1
			: this.lowerStartAt(text, start);
		return candidate ? this.matchAt(text, start, end, "prose", hit) : end;
	}

	private lowerStartAt(text: string, at: number): boolean {
		for (const s of this.lowerStarts) if (text.startsWith(s, at)) return true;
		return false;
	}

	/** Tags: every word may start a name (tags are lower case by convention). */
	private scanEveryWord(text: string, mode: ScanMode, hit: (concept: Concept) => void): void {
		const n = text.length;
		let i = 0;
		while (i < n) {
			let c = text.charCodeAt(i);
			if (!isWordChar(c)) { i++; continue; }
			const start = i;
			while (i < n && isWordChar(c = text.charCodeAt(i))) i++;
			i = Math.max(i, this.matchAt(text, start, i, mode, hit));
		}
	}

	/** Find the longest name starting with the word text[start, end) (ASCII letters and digits). Returns where the match ends (or `end`). */
	private matchAt(text: string, start: number, end: number, mode: ScanMode, hit: (concept: Concept) => void): number {
		const next = this.next;
		// Walk the word; `beforeLast` is the node of the word minus its last character (for plurals: "H100s").
		let node = 0;
		let beforeLast = -1;
		for (let i = start; i < end; i++) {
			if (i === end - 1) beforeLast = node;
			node = next[node * ALPHABET + (CODE[text.charCodeAt(i)] ?? 0)] ?? 0;
			if (node === 0) break;
		}
		// A one-letter word only names what it spells alone ("a" never starts "A 100").
		if (end - start === 1 && (this.keyAt[node] ?? -1) < 0 && (text.charCodeAt(start) | 32) !== 115) return end;
		if (node === 0) {
			// Not a prefix of any key ("h100s" of no key "h100s..."), but maybe a plural.
			this.matchPlural(text, start, end, beforeLast, mode, hit);
			return end;
		}
		let bestIndex = this.keyAt[node] ?? -1;
		let bestEnd = end;
		let bestMulti = false;
		// Look ahead over following words while the concatenation still prefixes some key.
		const n = text.length;
		const splitsUsed = this.splitsUsed;
		let used = 0;
		let length = end - start;
		let at = end;
		for (let w = 1; w < MAX_WORDS; w++) {
			// The next word: after a short separator run without a line break.
			let j = at;
			while (j < n && !isWordChar(text.charCodeAt(j))) {
				if (text.charCodeAt(j) === 10 || j - at >= MAX_GAP) { j = -1; break; }
				j++;
			}
			if (j < 0 || j >= n) break;
			let k = j;
			let joined = node;
			while (k < n) {
				const c = text.charCodeAt(k);
				if (!isWordChar(c)) break;
				joined = next[joined * ALPHABET + (CODE[c] ?? 0)] ?? 0;
				if (joined === 0) break;
				k++;
			}
			if (joined === 0) break;
			splitsUsed[used++] = length;
			length += k - j;
			node = joined;
			at = k;
			const index = this.keyAt[node] ?? -1;
			if (index >= 0 && allSplits(this.infos[index] as KeyInfo, splitsUsed, used)) {
				bestIndex = index; bestEnd = at; bestMulti = true;
			}
		}
		const best = bestIndex >= 0 ? this.infos[bestIndex] : undefined;
		if (best && accepts(best, mode, bestMulti, text, start, end)) {
			hit(best.concept);
			return bestEnd;
		}
		// "h100s" prefixes "h100sxm" but is the plural of "h100".
		if (!best) this.matchPlural(text, start, end, beforeLast, mode, hit);
		return end;
	}

	/** "H100s" → H100, when the word minus its final "s" is a key ending in a digit. `beforeLast`: trie node of the word minus its last character, or -1. */
	private matchPlural(text: string, start: number, end: number, beforeLast: number, mode: ScanMode, hit: (concept: Concept) => void): void {
		if (beforeLast < 0 || end - start < 3 || (text.charCodeAt(end - 1) | 32) !== 115 /* s */) return;
		const c = text.charCodeAt(end - 2);
		if (c < 48 || c > 57) return;
		const index = this.keyAt[beforeLast] ?? -1;
		const singular = index >= 0 ? this.infos[index] : undefined;
		if (singular && accepts(singular, mode, false, text, start, end)) hit(singular.concept);
	}
}

function allSplits(info: KeyInfo, used: Int32Array, count: number): boolean {
	for (let i = 0; i < count; i++) if (info.splits[used[i] ?? 0] !== 1) return false;
	return true;
}

/** Start of the word (run of ASCII letters and digits) holding text[at]. */
function wordStart(text: string, at: number): number {
	let start = at;
	while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
	return start;
}

/** End of the word holding text[at]. */
function wordEnd(text: string, at: number): number {
	let end = at;
	while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
	return end;
}

/** ASCII letter or digit: what normalizeName keeps. */
function isWordChar(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function fnv1a(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
	return (h >>> 0).toString(16).padStart(8, "0");
}

/** `text[start, end)` is the first word of the match. */
function accepts(info: KeyInfo, mode: ScanMode, multiWord: boolean, text: string, start: number, end: number): boolean {
	if (info.numeric || info.ambiguous) return false;
	if (mode === "prose" && !multiWord && info.alphabetic && !hasUpperAscii(text, start, end)) return false;
	return true;
}

function hasUpperAscii(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c >= 65 && c <= 90) return true;
	}
	return false;
}

/** Boundaries where a spelling separates words: "Qwen3-30B-A3B" → {5, 8}. */
function surfaceSplits(surface: string): number[] {
	const parts = surface.normalize("NFKD").toLowerCase().split(/[^a-z0-9]+/).filter((p) => p !== "");
	const out: number[] = [];
	let offset = 0;
	for (let i = 0; i < parts.length - 1; i++) {
		offset += parts[i]?.length ?? 0;
		out.push(offset);
	}
	return out;
}

/** Letter↔digit changes next to a run of at least two letters: "rtx|4090", "mi|300x", but not "a|100". */
function letterDigitSplits(key: string): Uint8Array {
	const out = new Uint8Array(key.length + 1);
	const isDigit = (i: number) => { const c = key.charCodeAt(i); return c >= 48 && c <= 57; };
	const letterRun = (from: number, step: number): number => {
		let n = 0;
		for (let i = from; i >= 0 && i < key.length && !isDigit(i); i += step) n++;
		return n;
	};
	for (let i = 1; i < key.length; i++) {
		if (isDigit(i - 1) === isDigit(i)) continue;
		const run = isDigit(i) ? letterRun(i - 1, -1) : letterRun(i, 1);
		if (run >= 2) out[i] = 1;
	}
	return out;
}
