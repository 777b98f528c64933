/**
 * Finds concept names in text: one lookup table per vocabulary, built once, shared by every note.
 *
 * How it agrees with catalog lookups: a name matches when the ASCII letters/digits of consecutive text words,
 * concatenated, equal a normalizeName() key of a concept. "RTX 6000 PRO B", "rtx-6000-pro-b-class" and
 * "RTX PRO 6000 Blackwell" all reach keys of the same GPU; the longest match from a word wins, so a tag's
 * trailing generic words (class, model, acceleration, ...) simply fall outside the match.
 *
 * Why it is fast: text is tokenized once with one regex; a word that is not a prefix of any key costs one Set
 * lookup and is skipped. Only words that start a key look ahead.
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
import { normalizeName } from "../estimator/names";
import { DICTIONARY_VERSION, PROSE_AMBIGUOUS } from "./dictionaries";
import type { Concept, ConceptVocabulary } from "./concept-vocabulary";

/** Bump when the matching rules change (part of the fingerprint). */
const MATCHER_RULES_VERSION = 1;
/** Separator run allowed between the words of one name ("RTX 6000", "Llama-3.1 / 8B" is too far). */
const MAX_GAP = 3;
const MAX_WORDS = 8;

export type ScanMode = "prose" | "tag";

interface KeyInfo {
	concept: Concept;
	/** Offsets in the key where a text word boundary may fall. */
	splits: Set<number>;
	numeric: boolean;
	ambiguous: boolean;
	alphabetic: boolean;
}

export class ConceptMatcher {
	/** Changes whenever the set of recognisable names changes; stored in ParsedNote to detect stale parses. */
	readonly fingerprint: string;
	private readonly keys = new Map<string, KeyInfo>();
	/** Every non-empty prefix of every key. */
	private readonly prefixes = new Set<string>();
	/** Regex source finding words that may start a name in prose (see scanCandidates). */
	private readonly candidateSource: string;
	/** First character / first two characters (lower case ASCII) of every key: rejects most words without allocating. */
	private readonly startsOne = new Uint8Array(128);
	private readonly startsTwo = new Uint8Array(128 * 128);
	/** Reused by matchAt's look-ahead (scans do not nest). */
	private readonly nextWord = /[A-Za-z0-9]+/g;

	constructor(readonly vocabulary: ConceptVocabulary) {
		/** First words of names displayed starting in lower case ("llama" of "llama.cpp", "vLLM"), matched as written. */
		const lowerCaseStarts = new Set<string>();
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
					for (let i = 1; i <= key.length; i++) this.prefixes.add(key.slice(0, i));
				}
				for (const s of surfaceSplits(surface)) info.splits.add(s);
			}
			const first = /^[a-z][A-Za-z0-9]*/.exec(concept.label.normalize("NFKD"))?.[0];
			if (first !== undefined && first.length > 1 && concept.names.length > 0) lowerCaseStarts.add(first);
		}
		for (const key of this.keys.keys()) {
			const a = key.charCodeAt(0);
			if (key.length === 1) this.startsOne[a] = 1;
			else this.startsTwo[a * 128 + key.charCodeAt(1)] = 1;
		}
		// Longest first, so "llamacpp" is tried before "llama".
		const starts = [...lowerCaseStarts].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
		// Word starts that can begin a key in prose: a capital (or digit) then a character the key continues with,
		// grouped by first character so the regex engine dispatches on it ("The", "Each" are rejected natively).
		const seconds = new Map<string, Set<string>>();
		for (const key of this.keys.keys()) {
			if (key.length < 2) continue;
			const first = key[0] ?? "";
			const set = seconds.get(first) ?? new Set<string>();
			const second = key[1] ?? "";
			set.add(second);
			if (second !== second.toUpperCase()) set.add(second.toUpperCase());
			seconds.set(first, set);
		}
		const groups = [...seconds].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([first, next]) => `${first.toUpperCase()}[${[...next].sort().join("")}]`);
		this.candidateSource = `\\b(?:${[...groups, ...starts].join("|")})`;
		const lines = [...this.keys].map(([k, v]) => `${k}=${v.concept.id}`).sort();
		this.fingerprint = `${MATCHER_RULES_VERSION}.${DICTIONARY_VERSION}.${fnv1a(lines.join("\n"))}`;
	}

	/** The concept a whole string names exactly (a tag or title that is just "4090" or "Transformers"). */
	exact(text: string): Concept | undefined {
		return this.keys.get(normalizeName(text))?.concept;
	}

	/** Report each concept occurrence in `text`. */
	scan(text: string, mode: ScanMode, hit: (concept: Concept) => void): void {
		if (mode === "tag") this.scanEveryWord(text, mode, hit);
		else this.scanCandidates(text, hit);
	}

	/**
	 * Prose: names start with a word whose first character is a capital or a digit ("RTX", "H100", "Qwen3"), or with
	 * the first word of a name the vocabulary displays starting in lower case, spelled as displayed ("llama.cpp",
	 * "vLLM"). A native regex jumps between such words, so the lower-case bulk of a note (and all its non-Latin text)
	 * is skipped without running any JavaScript per character.
	 */
	private scanCandidates(text: string, hit: (concept: Concept) => void): void {
		const re = new RegExp(this.candidateSource, "g");
		let m: RegExpExecArray | null;
		while ((m = re.exec(text)) !== null) {
			const start = m.index;
			let end = start + m[0].length;
			while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
			re.lastIndex = Math.max(end, this.matchAt(text, start, end, "prose", hit));
		}
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

	/** The word text[start, end) prefixes a key (probably: hashes can collide): find the longest name from it. Returns where the match ends (or `end`). */
	private matchAt(text: string, start: number, end: number, mode: ScanMode, hit: (concept: Concept) => void): number {
		const a = lowerAscii(text.charCodeAt(start));
		if (end - start === 1 ? this.startsOne[a] !== 1 : this.startsTwo[a * 128 + lowerAscii(text.charCodeAt(start + 1))] !== 1) {
			if ((text.charCodeAt(end - 1) | 32) !== 115 /* s */) return end; // cannot start a key, nor be a plural of one
		}
		const word = text.slice(start, end);
		const lower = word.toLowerCase();
		if (!this.prefixes.has(lower)) {
			this.matchPlural(word, mode, hit);
			return end;
		}
		let best: KeyInfo | undefined = this.keys.get(lower);
		let bestEnd = end;
		let bestMulti = false;
		// Look ahead over following words while the concatenation still prefixes some key.
		let concat = lower;
		let at = end;
		const splitsUsed: number[] = [];
		const next = this.nextWord;
		next.lastIndex = at;
		for (let w = 1; w < MAX_WORDS; w++) {
			const m = next.exec(text);
			if (m === null || !gapJoins(text, at, m.index)) break;
			const joined = concat + m[0].toLowerCase();
			if (!this.prefixes.has(joined)) break;
			splitsUsed.push(concat.length);
			concat = joined;
			at = m.index + m[0].length;
			const info = this.keys.get(concat);
			if (info && splitsUsed.every((s) => info.splits.has(s))) {
				best = info; bestEnd = at; bestMulti = true;
			}
		}
		if (best && accepts(best, mode, bestMulti, word)) {
			hit(best.concept);
			return bestEnd;
		}
		// "h100s" prefixes "h100sxm" but is the plural of "h100".
		if (!best) this.matchPlural(word, mode, hit);
		return end;
	}

	/** "H100s" → H100, when the word minus its final "s" is a key ending in a digit. */
	private matchPlural(word: string, mode: ScanMode, hit: (concept: Concept) => void): void {
		const singular = this.keys.get(singularAfterDigit(word.toLowerCase()) ?? "");
		if (singular && accepts(singular, mode, false, word)) hit(singular.concept);
	}
}


function lowerAscii(c: number): number {
	return c >= 65 && c <= 90 ? c + 32 : c & 127;
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

function accepts(info: KeyInfo, mode: ScanMode, multiWord: boolean, word: string): boolean {
	if (info.numeric || info.ambiguous) return false;
	if (mode === "prose" && !multiWord && info.alphabetic && word === word.toLowerCase()) return false;
	return true;
}

/** The separator between two words may join them into one name: short, and not a line break. */
function gapJoins(text: string, from: number, to: number): boolean {
	if (to - from > MAX_GAP) return false;
	for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return false;
	return true;
}

/** "h100s" → "h100"; undefined when the word is not a plural of something ending in a digit. */
function singularAfterDigit(lower: string): string | undefined {
	const n = lower.length;
	if (n < 3 || lower.charCodeAt(n - 1) !== 115 /* s */) return undefined;
	const c = lower.charCodeAt(n - 2);
	return c >= 48 && c <= 57 ? lower.slice(0, -1) : undefined;
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
function letterDigitSplits(key: string): Set<number> {
	const out = new Set<number>();
	const isDigit = (i: number) => { const c = key.charCodeAt(i); return c >= 48 && c <= 57; };
	const letterRun = (from: number, step: number): number => {
		let n = 0;
		for (let i = from; i >= 0 && i < key.length && !isDigit(i); i += step) n++;
		return n;
	};
	for (let i = 1; i < key.length; i++) {
		if (isDigit(i - 1) === isDigit(i)) continue;
		const run = isDigit(i) ? letterRun(i - 1, -1) : letterRun(i, 1);
		if (run >= 2) out.add(i);
	}
	return out;
}
