/**
 * Frontmatter tags in every shape people (and their tools) write them:
 * a YAML list, a flow list, one comma/space separated string, and list entries that are multi-line blocks
 * (`- |-` with one tag per line and trailing spaces). `#` prefixes are dropped; identity is case-insensitive,
 * the first spelling is kept for display. `S<number>_<Name>` tags are series, not tags.
 */
import { LIMITS } from "../limits";
import type { SeriesRef, TagRef } from "../types";
import { detach } from "./detach";
import type { PlainValue } from "./plain-data";

const SERIES = /^s(\d+)_(.+)$/i;

export interface NoteTags {
	tags: TagRef[];
	series: SeriesRef[];
	/** Entries that were not strings or numbers (e.g. a nested map) or longer than MAX_TAG_CHARS, for a diagnostic. */
	rejected: number;
	/** Distinct tags and series past LIMITS.tags, not kept. */
	overCap: number;
}

/** One tag as written (after splitting), read once per spelling: a tag or a series, and its identity key. */
interface TagPart {
	/** Lower-cased, '#' removed: notes keep the first spelling of each key. */
	key: string;
	tag: TagRef | undefined;
	series: SeriesRef | undefined;
}

const PART_CACHE_LIMIT = 20_000;
/**
 * Tag spellings recur across a vault (a few hundred distinct ones in thousands of notes), so each is read once: the
 * '#' strip, lower-casing and series test run per spelling, not per occurrence, and every note gets the same shared
 * (never mutated) TagRef / SeriesRef objects. Dropped when it grows past PART_CACHE_LIMIT spellings.
 */
const partCache = new Map<string, TagPart | null>();

function tagPart(raw: string): TagPart | null {
	let part = partCache.get(raw);
	if (part === undefined) {
		const display = detach(raw.replace(/^#+/, ""));
		if (display === "") part = null;
		else {
			const key = display.toLowerCase();
			const series = SERIES.exec(display);
			part = series?.[1] !== undefined && series[2] !== undefined
				? { key, tag: undefined, series: { id: `s${Number(series[1])}`, display, number: Number(series[1]), name: series[2] } }
				: { key, tag: { id: key, display }, series: undefined };
		}
		if (partCache.size >= PART_CACHE_LIMIT) partCache.clear();
		partCache.set(detach(raw), part);
	}
	return part;
}

/** Longer "tags" are prose pasted into the tag list, not tags (and would fill the spelling cache). */
export const MAX_TAG_CHARS = 200;

/** A string holding several tags: separated by whitespace (a multi-line block entry) or commas. */
const SEPARATED = /[\s,]/;

/** Collect tags from the `tags` and `tag` frontmatter values. */
export function collectTags(...values: (PlainValue | undefined)[]): NoteTags {
	const out: NoteTags = { tags: [], series: [], rejected: 0, overCap: 0 };
	const seen = new Set<string>();
	const seriesSeen = new Set<string>();
	const add = (raw: string): void => {
		if (raw.length > MAX_TAG_CHARS) { out.rejected++; return; }
		// Past the cap nothing is read (repeats of kept tags are counted as ignored too).
		if (seen.size >= LIMITS.tags) { out.overCap++; return; }
		const part = tagPart(raw);
		if (part === null || seen.has(part.key)) return;
		seen.add(part.key);
		if (part.series !== undefined) {
			const id = part.series.id;
			// "S13_A" and "s13_b" are one series.
			if (!seriesSeen.has(id)) { seriesSeen.add(id); out.series.push(part.series); }
		} else if (part.tag !== undefined) {
			out.tags.push(part.tag);
		}
	};
	const visit = (value: PlainValue | undefined): void => {
		if (value === null || value === undefined) return;
		if (typeof value === "string") {
			if (!SEPARATED.test(value)) add(value);
			else for (const part of value.split(/[\s,]+/)) add(part);
		} else if (typeof value === "number" || typeof value === "boolean") {
			add(String(value));
		} else if (Array.isArray(value)) {
			for (const v of value) visit(v);
		} else {
			out.rejected++;
		}
	};
	for (const v of values) visit(v);
	return out;
}
