/**
 * A request as a list of key → value entries (a block's YAML keys, a command line's flags) → the parsed spec
 * and the problems, each pinned to its key and line. Unknown keys get "did you mean" and the valid keys; a key
 * given twice (in any two spellings) is a problem, not a silent overwrite.
 */
import { fieldMessage, fieldNames, findField, FIELDS, type AnyField, type FieldKey, type RequestSpec, type Surface } from "./fields";
import { closest, keyOf } from "./suggest";
import { quote } from "./text";

export interface RequestEntry {
	/** The key or flag as the user spelled it (without `--`). */
	key: string;
	value: unknown;
	/** 1-based line inside a block, when known. */
	line?: number;
}

export interface RequestIssue {
	message: string;
	line?: number;
	/** The key as spelled, when the issue belongs to one. */
	key?: string;
	/** The field the key stands for, when it is one. */
	field?: FieldKey;
}

/** How a surface spells a key in "did you mean" and "valid keys": `context` in a block, `--context` on the CLI. */
function spell(surface: Surface, name: string): string {
	return surface === "cli" ? `--${name}` : `"${name}"`;
}

export function unknownKeyMessage(key: string, surface: Surface): string {
	const valid = fieldNames(surface);
	// A field of another surface (e.g. `gpu-memory-utilization` in a block) is named as such.
	const elsewhere = FIELDS.find((f) => [f.name, ...f.aliases].some((n) => keyOf(n) === keyOf(key)));
	if (elsewhere) {
		const where = elsewhere.surfaces.map((s) => (s === "cli" ? "the command line" : s === "block" ? "a block" : "the settings")).join(" and ");
		return `${surface === "cli" ? `--${key}` : `"${key}"`} is not available here; it is set in ${where}.`;
	}
	const guess = closest(key, valid);
	const what = surface === "cli" ? `Unknown option --${key.length > 60 ? quote(key) : key}.` : `Unknown key ${quote(key)}.`;
	return `${what}${guess ? ` Did you mean ${spell(surface, guess)}?` : ""} Valid ${surface === "cli" ? "options" : "keys"}: ${valid.map((n) => (surface === "cli" ? `--${n}` : n)).join(", ")}.`;
}

export function parseRequest(entries: Iterable<RequestEntry>, surface: Surface): { spec: Partial<RequestSpec>; issues: RequestIssue[] } {
	const spec: Partial<RequestSpec> = {};
	const issues: RequestIssue[] = [];
	const seen = new Map<FieldKey, string>();
	for (const { key, value, line } of entries) {
		const field: AnyField | undefined = findField(key, surface);
		const at = line !== undefined ? { line } : {};
		if (!field) {
			issues.push({ message: unknownKeyMessage(key, surface), key, ...at });
			continue;
		}
		const earlier = seen.get(field.key);
		if (earlier !== undefined) {
			const again = keyOf(earlier) === keyOf(key) ? "is given twice" : `is given twice (${spell(surface, earlier)} and ${spell(surface, key)} are one key)`;
			issues.push({ message: `${surface === "cli" ? `--${field.name}` : `"${key}"`} ${again}.`, key, field: field.key, ...at });
			continue;
		}
		seen.set(field.key, key);
		const r = field.parse(value);
		if (r.ok) (spec as Record<string, unknown>)[field.key] = r.value;
		else issues.push({ message: fieldMessage(field, surface, r.problem, key), key, field: field.key, ...at });
	}
	return { spec, issues };
}
