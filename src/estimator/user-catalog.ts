/**
 * User catalog files: a JSON or YAML document with `gpus`, `models`, `formats`, `architectures` lists, validated by
 * the same schemas as the built-in data. Parsing is pure (text in, additions out) so the CLI reads files and the
 * plugin reads vault notes through the same code.
 */
import yaml from "js-yaml";
import type { CatalogAdditions, CatalogIssue } from "./catalog";

const KEYS = ["gpus", "models", "formats", "architectures"] as const;

/** Parse a user catalog document. Never throws: problems come back as issues naming the file. */
export function parseCatalogText(text: string, fileName: string): { additions: CatalogAdditions; issues: CatalogIssue[] } {
	const issues: CatalogIssue[] = [];
	let doc: unknown;
	try {
		doc = yaml.safeLoad(text, { filename: fileName, json: true });
	} catch (e) {
		const mark = (e as { mark?: { line?: number } }).mark;
		const reason = (e as { reason?: string }).reason ?? String(e);
		return { additions: {}, issues: [{ path: `${fileName}${mark?.line !== undefined ? `:${mark.line + 1}` : ""}`, message: `YAML/JSON error: ${reason}` }] };
	}
	if (doc === undefined || doc === null) return { additions: {}, issues: [] };
	if (typeof doc !== "object" || Array.isArray(doc)) {
		return { additions: {}, issues: [{ path: fileName, message: `expected an object with ${KEYS.join(" / ")} lists` }] };
	}
	const additions: CatalogAdditions = {};
	for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
		if (!(KEYS as readonly string[]).includes(key)) {
			issues.push({ path: `${fileName}: ${key}`, message: `unknown section; expected ${KEYS.join(", ")}` });
			continue;
		}
		if (!Array.isArray(value)) {
			issues.push({ path: `${fileName}: ${key}`, message: "must be a list" });
			continue;
		}
		additions[key as (typeof KEYS)[number]] = value as unknown[];
	}
	return { additions, issues };
}
