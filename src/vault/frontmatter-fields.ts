/**
 * The frontmatter keys this index interprets, validated one by one with zod (a wrong type on one key must not
 * lose the others), and conversion of everything else to plain JSON for `ParsedNote.properties`.
 */
import * as z from "zod/mini";
import type { NoteDiagnostic } from "./types";

/** The seed schema's prose fields: scanned for concepts (and links, for the feedback ones), not kept verbatim. */
export const PROSE_FIELDS = [
	"description", "Receptor", "Acceptor", "SignalTransduction", "Emergence", "Activation", "FeedbackLoop", "SignalAmplification",
] as const;

export const DEFAULT_FEEDBACK_FIELDS = ["FeedbackLoop", "SignalAmplification"];

const text = z.union([z.string(), z.number()]);
const dateLike = z.union([z.date(), z.string(), z.number()]);
const nameList = z.union([z.string(), z.array(z.union([z.string(), z.number()]))]);

const FIELD_SCHEMAS = {
	title: text,
	description: text,
	category: text,
	created: dateLike,
	updated: dateLike,
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
export function readKnownFields(data: Record<string, unknown>, yaml: string, diagnostics: NoteDiagnostic[]): KnownFields {
	const out: KnownFields = { aliases: [] };
	for (const key of Object.keys(FIELD_SCHEMAS) as (keyof typeof FIELD_SCHEMAS)[]) {
		const value = data[key];
		if (value === undefined || value === null) continue;
		const parsed = FIELD_SCHEMAS[key].safeParse(value);
		if (!parsed.success) {
			diagnostics.push({ line: keyLine(yaml, key), message: `Frontmatter "${key}" has the wrong type (${describe(value)}); it is ignored.` });
			continue;
		}
		const v = parsed.data;
		if (key === "aliases") {
			out.aliases = (Array.isArray(v) ? v : String(v).split(",")).map((a) => String(a).trim()).filter((a) => a !== "");
		} else if (key === "created" || key === "updated") {
			out[key] = v instanceof Date ? isoDate(v) : String(v).trim();
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

/** A YAML value as JSON: dates → ISO strings, everything else structurally. */
export function toJson(value: unknown): unknown {
	if (value instanceof Date) return isoDate(value);
	if (Array.isArray(value)) return value.map(toJson);
	if (value !== null && typeof value === "object") {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
		return out;
	}
	if (typeof value === "number" && !Number.isFinite(value)) return String(value);
	return value;
}

/** 1-based file line of a top-level key (the YAML starts on file line 2). */
export function keyLine(yaml: string, key: string): number | undefined {
	const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	const m = new RegExp(`^["']?${escaped}["']?\\s*:`, "m").exec(yaml);
	if (!m) return undefined;
	let line = 2;
	for (let i = yaml.indexOf("\n"); i >= 0 && i < m.index; i = yaml.indexOf("\n", i + 1)) line++;
	return line;
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return "a list";
	if (value instanceof Date) return "a date";
	return typeof value === "object" ? "a map" : typeof value;
}
