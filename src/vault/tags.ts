/**
 * Frontmatter tags in every shape people (and their tools) write them:
 * a YAML list, a flow list, one comma/space separated string, and list entries that are multi-line blocks
 * (`- |-` with one tag per line and trailing spaces). `#` prefixes are dropped; identity is case-insensitive,
 * the first spelling is kept for display. `S<number>_<Name>` tags are series, not tags.
 */
import type { SeriesRef, TagRef } from "./types";

const SERIES = /^s(\d+)_(.+)$/i;

export interface NoteTags {
	tags: TagRef[];
	series: SeriesRef[];
	/** Entries that were not strings or numbers (e.g. a nested map), for a diagnostic. */
	rejected: number;
}

/** Collect tags from the `tags` and `tag` frontmatter values. */
export function collectTags(...values: unknown[]): NoteTags {
	const out: NoteTags = { tags: [], series: [], rejected: 0 };
	const seen = new Set<string>();
	const add = (raw: string): void => {
		const display = raw.replace(/^#+/, "");
		if (display === "") return;
		const id = display.toLowerCase();
		if (seen.has(id)) return;
		seen.add(id);
		const series = SERIES.exec(display);
		if (series?.[1] !== undefined && series[2] !== undefined) {
			const seriesId = `s${Number(series[1])}`;
			if (!out.series.some((s) => s.id === seriesId)) {
				out.series.push({ id: seriesId, display, number: Number(series[1]), name: series[2] });
			}
		} else {
			out.tags.push({ id, display });
		}
	};
	const visit = (value: unknown): void => {
		if (value === null || value === undefined) return;
		if (typeof value === "string") {
			for (const part of value.split(/[\s,]+/)) add(part);
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
