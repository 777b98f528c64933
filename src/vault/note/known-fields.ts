/**
 * The frontmatter keys this index interprets, validated one by one with zod (a wrong type on one key must not
 * lose the others), and where top-level keys sit in the file (for diagnostics).
 */
import * as z from "zod/mini";
import type { NoteDiagnostic } from "../types";
import type { PlainObject } from "./plain-data";

/** The seed schema's prose fields: scanned for concepts (and links, for the link fields), not kept verbatim. */
export const PROSE_FIELDS = [
	"description", "Receptor", "Acceptor", "SignalTransduction", "Emergence", "Activation", "FeedbackLoop", "SignalAmplification",
] as const;

const text = z.union([z.string(), z.number()]);
const nameList = z.union([z.string(), z.array(z.union([z.string(), z.number()]))]);

/** Dates arrive as ISO strings (plain-data.ts converts YAML dates). */
const FIELD_SCHEMAS = {
	title: text,
	description: text,
	category: text,
	created: text,
	updated: text,
	aliases: nameList,
} as const;

export interface KnownFields {
	title?: string;
	description?: string;
	category?: string;
	created?: string;
	updated?: string;
	aliases: string[];
}

/** Validate the interpreted keys; a key with a wrong type is reported and ignored. */
export function readKnownFields(data: PlainObject, lineOf: (key: string) => number | undefined, diagnostics: NoteDiagnostic[]): KnownFields {
	const out: KnownFields = { aliases: [] };
	for (const key of Object.keys(FIELD_SCHEMAS) as (keyof typeof FIELD_SCHEMAS)[]) {
		const value = data[key];
		if (value === undefined || value === null) continue;
		const parsed = FIELD_SCHEMAS[key].safeParse(value);
		if (!parsed.success) {
			diagnostics.push({ line: lineOf(key), message: `Frontmatter "${key}" has the wrong type (${describe(value)}); it is ignored.` });
			continue;
		}
		const v = parsed.data;
		if (key === "aliases") {
			out.aliases = (Array.isArray(v) ? v : String(v).split(",")).map((a) => String(a).trim()).filter((a) => a !== "");
		} else {
			const s = String(v).trim();
			if (s !== "") out[key] = s;
		}
	}
	return out;
}

/** YAML dates (no time) become `YYYY-MM-DD`; timestamps full ISO. js-yaml reads both as UTC. */
export function isoDate(d: Date): string {
	if (Number.isNaN(d.getTime())) return String(d);
	const iso = d.toISOString();
	return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0 ? iso.slice(0, 10) : iso;
}

/**
 * The file line of each top-level key, found in one pass over the YAML text when first asked (only notes with a
 * diagnostic ask). The YAML block starts on file line 2.
 */
export function keyLines(yaml: string): (key: string) => number | undefined {
	let lines: Map<string, number> | undefined;
	return (key) => {
		if (lines === undefined) {
			lines = new Map();
			let line = 2;
			for (let start = 0; start <= yaml.length; line++) {
				const end = yaml.indexOf("\n", start);
				const stop = end < 0 ? yaml.length : end;
				const k = topLevelKey(yaml, start, stop);
				if (k !== undefined && !lines.has(k)) lines.set(k, line);
				if (end < 0) break;
				start = end + 1;
			}
		}
		return lines.get(key);
	};
}

/** The key a line `key: ...` (optionally quoted) starts with, at column 0. */
function topLevelKey(yaml: string, start: number, stop: number): string | undefined {
	const c = yaml.charCodeAt(start);
	if (start >= stop || c === 0x20 || c === 0x09 || c === 0x23 || c === 0x2d) return undefined;
	const quote = c === 0x22 || c === 0x27 ? c : 0;
	const colon = yaml.indexOf(":", start);
	if (colon < 0 || colon >= stop) return undefined;
	let end = colon;
	while (end > start && (yaml.charCodeAt(end - 1) === 0x20 || yaml.charCodeAt(end - 1) === 0x09)) end--;
	if (quote !== 0) {
		if (yaml.charCodeAt(end - 1) !== quote || end - 1 <= start) return undefined;
		return yaml.slice(start + 1, end - 1);
	}
	return yaml.slice(start, end);
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return "a list";
	return typeof value === "object" ? "a map" : typeof value;
}
