/**
 * The `gpufit` code block's YAML: parsed and validated here (pure, no DOM), so the plugin, the vault index
 * (a note's workload) and the CLI agree on what a block asks for. The fields themselves (names, spellings,
 * values, limits, messages) live in ./request, shared with the CLI and the settings.
 *
 * Errors are collected, not thrown: each carries the 1-based line inside the block where it can be pinned,
 * so the block can say exactly what to fix. Work is bounded whatever the block holds: YAML aliases are never
 * expanded (values are counted against a budget and described, never serialized), keys are capped, key lines
 * are found in one pass, and every echoed value is clipped.
 *
 * YAML is read with the failsafe schema: scalars are text and the request fields parse them, as they parse CLI
 * flags. YAML's own number spellings (0x1, 1e3, .nan), dates and `<<` merges do not apply in a block.
 */
import yaml from "js-yaml";
import {
	fieldNames, parseRequest, plural, formatCount, clip, type RequestIssue, type RequestSpec,
} from "./request";
import { countValues } from "./value-budget";

export type BlockSpec = RequestSpec;
export type BlockIssue = RequestIssue;

/** Canonical block keys, in order (for "Valid keys" and the README). */
export const BLOCK_KEYS: readonly string[] = fieldNames("block");

export const BLOCK_LIMITS = {
	/** YAML values a block may hold, counting each use of an alias as the values it stands for. */
	values: 10_000,
	/** Top-level keys (a block has a dozen fields; thousands of keys is not a request). */
	keys: 64,
	/** Problems listed; the rest are counted. */
	issues: 12,
} as const;

/** Parse and validate a block's YAML. Never throws. */
export function parseBlockSpec(source: string): { spec?: BlockSpec; issues: BlockIssue[] } {
	let data: unknown;
	try {
		// Every scalar stays text (the failsafe schema): the request fields read "32k", "0x1", "1e3" or ".nan"
		// exactly as they read a CLI flag, so a block and the CLI cannot disagree about what a value means.
		data = yaml.safeLoad(source, { json: true, schema: yaml.FAILSAFE_SCHEMA });
	} catch (e) {
		return { issues: [yamlIssue(e, source)] };
	}
	if (data === undefined || data === null) {
		return { issues: [{ message: "The block is empty. Write at least `model: NAME`." }] };
	}
	if (typeof data !== "object" || Array.isArray(data)) {
		return { issues: [{ message: "The block must be YAML keys, e.g. `model: Qwen3-30B` on its own line.", line: 1 }] };
	}
	const values = countValues(data, BLOCK_LIMITS.values);
	if (values > BLOCK_LIMITS.values) {
		return { issues: [{ message: `The block holds more than ${formatCount(BLOCK_LIMITS.values)} YAML values (aliases such as *name count each time they are used); a block may hold at most ${formatCount(BLOCK_LIMITS.values)}. Write the values out instead of nesting aliases.` }] };
	}
	const keys = Object.keys(data);
	if (keys.length > BLOCK_LIMITS.keys) {
		return { issues: [{ message: `The block has ${plural(keys.length, "key")}; a block takes at most ${formatCount(BLOCK_LIMITS.keys)} (valid keys: ${BLOCK_KEYS.join(", ")}).`, line: 1 }] };
	}

	const lines = keyLines(source);
	const record = data as Record<string, unknown>;
	const { spec, issues } = parseRequest(keys.map((key) => ({ key, value: record[key], line: lines.get(key) })), "block");
	const models = spec.models ?? [];
	if (models.length === 0 && !issues.some((i) => i.field === "models")) {
		issues.push({ message: "Missing `model:` (e.g. `model: Qwen3-30B`, or a list for a comparison)." });
	}
	// A block with any issue renders its issues, not a half-understood table.
	if (issues.length > 0) return { issues: capped(issues) };
	return { spec: { ...spec, models, gpus: spec.gpus ?? [] }, issues: [] };
}

function capped(issues: BlockIssue[]): BlockIssue[] {
	if (issues.length <= BLOCK_LIMITS.issues) return issues;
	const rest = issues.length - (BLOCK_LIMITS.issues - 1);
	return [...issues.slice(0, BLOCK_LIMITS.issues - 1), { message: `… and ${plural(rest, "more problem")} in this block.` }];
}

/**
 * The 1-based line of each top-level key, in one pass over the source: a key at the start of a line (no
 * indentation), optionally quoted, followed by a colon. First occurrence wins.
 */
function keyLines(source: string): Map<string, number> {
	const out = new Map<string, number>();
	let line = 0;
	let start = 0;
	while (start <= source.length) {
		line++;
		let end = source.indexOf("\n", start);
		if (end < 0) end = source.length;
		const key = keyAt(source, start, end);
		if (key !== undefined && !out.has(key)) out.set(key, line);
		start = end + 1;
	}
	return out;
}

function keyAt(s: string, start: number, end: number): string | undefined {
	const first = s[start];
	if (first === undefined || first === " " || first === "\t" || first === "#" || first === "-") return undefined;
	if (first === '"' || first === "'") {
		const close = s.indexOf(first, start + 1);
		return close > start && close < end && s[close + 1] === ":" ? s.slice(start + 1, close) : undefined;
	}
	const colon = s.indexOf(":", start);
	if (colon < 0 || colon >= end) return undefined;
	return s.slice(start, colon).trimEnd();
}

/** A js-yaml exception → one issue with its line; unclosed flow brackets are named as such. */
function yamlIssue(e: unknown, source: string): BlockIssue {
	const err = e as { mark?: { line?: number }; reason?: string };
	if (e instanceof RangeError) return { message: "YAML error: the block is nested too deeply to read." };
	const reason = clip(err.reason ?? (e instanceof Error ? e.message : String(e)), 200);
	const line = err.mark?.line !== undefined ? err.mark.line + 1 : undefined;
	if (/flow (collection|mapping)/.test(reason)) {
		const open = unclosedBracket(source);
		if (open) {
			const what = open.bracket === "[" ? 'list opened with "["' : 'mapping opened with "{"';
			return { message: `YAML error: the ${what} on line ${open.line} is never closed; add "${open.bracket === "[" ? "]" : "}"}" after its last entry.`, line: open.line };
		}
	}
	return { message: `YAML error: ${reason}`, ...(line !== undefined ? { line } : {}) };
}

/** The first `[` or `{` that is never closed, outside quotes and comments (one pass). */
function unclosedBracket(source: string): { bracket: "[" | "{"; line: number } | undefined {
	const stack: { bracket: "[" | "{"; line: number }[] = [];
	let line = 1;
	let quote: string | undefined;
	let comment = false;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === "\n") {
			line++;
			comment = false;
			continue;
		}
		if (comment) continue;
		if (quote !== undefined) {
			if (c === quote) quote = undefined;
			continue;
		}
		const prev = i > 0 ? source[i - 1] : "\n";
		if (c === "#" && (prev === " " || prev === "\t" || prev === "\n")) comment = true;
		else if ((c === '"' || c === "'") && (prev === " " || prev === "[" || prev === "{" || prev === "," || prev === "\n" || prev === ":")) quote = c;
		else if (c === "[" || c === "{") stack.push({ bracket: c, line });
		else if ((c === "]" || c === "}") && stack.length > 0) stack.pop();
	}
	return stack[0];
}

