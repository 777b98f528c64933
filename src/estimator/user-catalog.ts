/**
 * User catalog files: a JSON or YAML document with `gpus`, `models`, `formats`, `architectures` lists, validated by
 * the same schemas as the built-in data. Parsing is pure (text in, additions out) so the CLI reads files and the
 * plugin reads vault notes through the same code.
 *
 * A file costs only itself: a syntax error, a document of the wrong shape, or YAML aliases that would expand
 * past the file's own size make one issue and no additions; the caller goes on with the next file.
 */
import yaml from "js-yaml";
import type { CatalogAdditions, CatalogIssue } from "./catalog";
import { clip, describeValue, formatCount } from "./request/text";
import { countValues } from "./value-budget";

const KEYS = ["gpus", "models", "formats", "architectures"] as const;

/**
 * Values a document may hold, counting each use of an alias again: one per byte of the file (no document
 * written out in full holds more), and at least 100,000 so small files may share values freely.
 */
export function valueBudget(text: string): number {
	return Math.max(100_000, text.length);
}

/** Parse a user catalog document. Never throws: problems come back as issues (the caller names the file). */
export function parseCatalogText(text: string): { additions: CatalogAdditions; issues: CatalogIssue[] } {
	const doc = parseDocument(text);
	if (!doc.ok) return { additions: {}, issues: [doc.issue] };
	return additionsFrom(doc.value, valueBudget(text));
}

/** Catalog additions from an already parsed value (a note's frontmatter), with the same checks. */
export function additionsFrom(doc: unknown, budget: number): { additions: CatalogAdditions; issues: CatalogIssue[] } {
	if (doc === undefined || doc === null) return { additions: {}, issues: [] };
	if (typeof doc !== "object" || Array.isArray(doc) || doc instanceof Date) {
		return { additions: {}, issues: [{ path: "", message: `expected keys ${KEYS.join(" / ")} with lists (got ${describeValue(doc)}); file skipped` }] };
	}
	if (countValues(doc, budget) > budget) {
		return { additions: {}, issues: [{ path: "", message: `YAML aliases expand to more than ${formatCount(budget)} values (the limit is one per byte of the file); file skipped` }] };
	}
	const issues: CatalogIssue[] = [];
	const additions: CatalogAdditions = {};
	const record = doc as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		const value = record[key];
		if (!(KEYS as readonly string[]).includes(key)) {
			issues.push({ path: clip(key, 40), message: `unknown section; expected ${KEYS.join(", ")}` });
			continue;
		}
		if (!Array.isArray(value)) {
			issues.push({ path: key, message: `must be a list (got ${describeValue(value)})` });
			continue;
		}
		additions[key as (typeof KEYS)[number]] = value as unknown[];
	}
	return { additions, issues };
}

/** JSON first (ten times faster on large files), YAML (a superset) for everything else and for the error line. */
function parseDocument(text: string): { ok: true; value: unknown } | { ok: false; issue: CatalogIssue } {
	const start = text.trimStart()[0];
	if (start === "{" || start === "[") {
		try {
			return { ok: true, value: JSON.parse(text) as unknown };
		} catch {
			// Not strict JSON: YAML reads it, or says where it breaks.
		}
	}
	try {
		return { ok: true, value: yaml.safeLoad(text, { json: true }) };
	} catch (e) {
		if (e instanceof RangeError) return { ok: false, issue: { path: "", message: "nested too deeply to read; file skipped" } };
		const err = e as { mark?: { line?: number }; reason?: string };
		const reason = clip(err.reason ?? (e instanceof Error ? e.message : String(e)), 200);
		return {
			ok: false,
			issue: { path: "", message: `YAML/JSON error: ${reason}; file skipped`, ...(err.mark?.line !== undefined ? { line: err.mark.line + 1 } : {}) },
		};
	}
}

/** One issue as a line of text: `file:3: gpus[1] (x).memory: expected object`. */
export function formatCatalogIssue(i: CatalogIssue): string {
	const where = `${i.file ? i.file : ""}${i.line !== undefined ? `:${i.line}` : ""}`;
	return [where, i.path, `${i.message}${i.skipped ? " (entry skipped)" : ""}`].filter((x) => x !== "").join(": ");
}

