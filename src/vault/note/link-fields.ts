/**
 * Which frontmatter fields name other notes, and the edge kind each makes: decided here once, from the field names
 * the user lists in the settings; the parser and the edge sources read the resulting LinkField list.
 */
import type { LinkField } from "../types";

/** The seed schema's two: FeedbackLoop → "feedback", SignalAmplification → "amplifies". */
export const DEFAULT_LINK_FIELD_NAMES: readonly string[] = ["FeedbackLoop", "SignalAmplification"];

/** SignalAmplification (any case) amplifies; every other listed field is a feedback loop. Blank names are skipped. */
export function linkFieldsFrom(names: readonly string[]): LinkField[] {
	const out: LinkField[] = [];
	const seen = new Set<string>();
	for (const raw of names) {
		const field = raw.trim();
		const key = field.toLowerCase();
		if (field === "" || seen.has(key)) continue;
		seen.add(key);
		out.push({ field, kind: key === "signalamplification" ? "amplifies" : "feedback" });
	}
	return out;
}

export const DEFAULT_LINK_FIELDS: readonly LinkField[] = linkFieldsFrom(DEFAULT_LINK_FIELD_NAMES);
