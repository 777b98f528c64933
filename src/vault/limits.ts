/**
 * Caps on what one note may cost the index. A note is user data and sometimes hostile (a dozen lines of nested YAML
 * aliases stand for 10^8 values); in Obsidian the index runs in the app's renderer, so a note that takes seconds or
 * gigabytes takes the whole app with it. Each cap turns an overrun into a diagnostic that names it, and the rest of
 * the note (and of the vault) is read as usual.
 *
 * The numbers are far above anything a person writes: the seed note's frontmatter is ~16 KB, ~40 keys, ~120 values.
 */
export const LIMITS = {
	/** Frontmatter text (between the fences) read as YAML; a larger block is ignored. */
	frontmatterChars: 1_000_000,
	/**
	 * gray-matter tests each frontmatter line start with `/^\s*#[^\n]+/`, which is quadratic in a run of blank lines
	 * (20,000 blank lines: ~0.9 s). Frontmatter whose whitespace runs would cost more steps than this is not handed
	 * to it (see whitespaceRunCost).
	 */
	frontmatterWhitespaceSteps: 4_000_000,
	/** Top-level frontmatter keys read; the rest are dropped. */
	keys: 1_000,
	/** YAML values read per top-level key, counting every visit through an alias: a key over it is dropped. */
	valuesPerKey: 20_000,
	/** YAML values kept per note, all keys together (what the note may hold in memory and in the cache). */
	valuesPerNote: 100_000,
	/** YAML values visited per note, kept or dropped (the work one note may cost); keys after it are ignored. */
	visitsPerNote: 200_000,
	/** Nesting depth of a YAML value. */
	depth: 64,
	/** Characters kept of one string in `ParsedNote.properties` (concepts are still found in all of it). */
	storedStringChars: 20_000,
	/** Tags and series per note. */
	tags: 2_000,
	/** Links to other notes per note (field names and body wikilinks together). */
	links: 5_000,
	/** gpufit blocks per note (each is parsed: ~0.3 ms). */
	blocks: 200,
	/** Characters of one gpufit block source. */
	blockChars: 20_000,
	/** Diagnostics kept per note, and characters per diagnostic message. */
	diagnostics: 50,
	diagnosticChars: 400,
} as const;

/** `text` cut to `max` characters with an ellipsis (never splitting a surrogate pair). */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	let end = max - 1;
	const c = text.charCodeAt(end - 1);
	if (c >= 0xd800 && c <= 0xdbff) end--;
	return `${text.slice(0, end)}…`;
}

/** A count for a message: 12,345. */
export function count(n: number): string {
	return n.toLocaleString("en-US");
}
