/**
 * The `gpufit` code block's YAML: parsed and validated here (pure, no DOM), so the plugin, the vault index
 * (a note's workload) and the CLI agree on what a block asks for.
 *
 * Errors are collected, not thrown: each carries the 1-based line inside the block where it can be pinned,
 * so the block can say exactly what to fix.
 */
import yaml from "js-yaml";
import * as z from "zod/mini";
import { editDistance } from "./names";
import { ENGINE_IDS, KV_DTYPES, SPLIT_MODES, type EngineId, type KvDtype, type SplitMode } from "./types";

/** Columns a block may `show`, in table order. */
export const SHOW_COLUMNS = [
	"format", "bits", "weights", "kv", "overhead", "total", "verdict", "fits", "headroom",
	"sessions", "sequences", "support", "decode", "aggregate", "prefill", "chart",
	// Not a column: scaling advice for the block's models (src/plugin/advice/block-advice.ts).
	"advice",
] as const;
export type ShowColumn = (typeof SHOW_COLUMNS)[number];

export interface BlockSpec {
	models: string[];
	/** GPU names; "mine" stands for the rig in the settings. Empty = the rig. */
	gpus: string[];
	count?: number;
	split?: SplitMode;
	engine?: EngineId;
	context?: number;
	concurrency?: number;
	quant?: string[];
	kvDtype?: KvDtype;
	show?: ShowColumn[];
}

export interface BlockIssue {
	message: string;
	/** 1-based line inside the block source. */
	line?: number;
	key?: string;
}

/** Accepted keys, with the spellings people use for them. */
const KEY_ALIASES: Record<string, keyof BlockSpec> = {
	model: "models", models: "models",
	gpu: "gpus", gpus: "gpus", card: "gpus",
	count: "count", gpucount: "count",
	split: "split", parallel: "split",
	engine: "engine", backend: "engine",
	context: "context", ctx: "context", contextlength: "context",
	concurrency: "concurrency", sequences: "concurrency", batch: "concurrency",
	quant: "quant", quants: "quant", formats: "quant", format: "quant",
	kvdtype: "kvDtype", kvcachedtype: "kvDtype", kv: "kvDtype",
	show: "show", columns: "show",
};
export const BLOCK_KEYS = ["model", "gpu", "count", "split", "engine", "context", "concurrency", "quant", "kv-dtype", "show"] as const;

const MAX_LIST = 16;
const MAX_TOKENS = 10_000_000;

const nameList = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]);

/** "32k" / "128K" / "1m" / "32_768" / 32768 → tokens. */
export function parseTokenCount(value: unknown): number | undefined {
	if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
	if (typeof value !== "string") return undefined;
	const m = /^\s*(\d+(?:[._]\d+)?)\s*([kKmM]?)\s*$/.exec(value.replace(/(\d)_(?=\d{3})/g, "$1"));
	if (!m || m[1] === undefined) return undefined;
	const n = Number(m[1]);
	const mult = m[2]?.toLowerCase() === "k" ? 1024 : m[2]?.toLowerCase() === "m" ? 1024 * 1024 : 1;
	return Math.round(n * mult);
}

function toList(value: unknown): string[] {
	const parsed = nameList.safeParse(value);
	if (!parsed.success) return [];
	const raw = Array.isArray(parsed.data) ? parsed.data : String(parsed.data).split(",");
	return raw.map((s) => String(s).trim()).filter((s) => s.length > 0);
}

function keyLine(source: string, key: string): number | undefined {
	const lines = source.split(/\r?\n/);
	const re = new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*:`);
	const i = lines.findIndex((l) => re.test(l));
	return i >= 0 ? i + 1 : undefined;
}

/** The closest option within a small edit distance (a typo, not a different word), if any. */
function closest(word: string, options: readonly string[]): string | undefined {
	const key = (x: string) => x.toLowerCase().replace(/[^a-z0-9]/g, "");
	const w = key(word);
	const limit = w.length <= 3 ? 1 : w.length < 9 ? 2 : 3;
	let best: string | undefined;
	let bestD = limit + 1;
	for (const o of options) {
		const d = editDistance(w, key(o), limit);
		if (d < bestD) { bestD = d; best = o; }
	}
	return best;
}

function oneOf<T extends string>(value: unknown, options: readonly T[]): T | undefined {
	if (typeof value !== "string") return undefined;
	const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
	return options.find((o) => key(o) === key(value));
}

function positiveInt(value: unknown, max: number): number | undefined {
	const n = parseTokenCount(value);
	return n !== undefined && Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
}

/** Parse and validate a block's YAML. Never throws. */
export function parseBlockSpec(source: string): { spec?: BlockSpec; issues: BlockIssue[] } {
	const issues: BlockIssue[] = [];
	let data: unknown;
	try {
		data = yaml.safeLoad(source, { json: true });
	} catch (e) {
		const mark = (e as { mark?: { line?: number } }).mark;
		const reason = (e as { reason?: string }).reason ?? (e instanceof Error ? e.message : String(e));
		return { issues: [{ message: `YAML error: ${reason}`, line: mark?.line !== undefined ? mark.line + 1 : undefined }] };
	}
	if (data === undefined || data === null) {
		return { issues: [{ message: "The block is empty. Write at least `model: NAME`." }] };
	}
	if (typeof data !== "object" || Array.isArray(data)) {
		return { issues: [{ message: "The block must be YAML keys, e.g. `model: Qwen3-30B` on its own line.", line: 1 }] };
	}

	const spec: BlockSpec = { models: [], gpus: [] };
	const seen = new Set<keyof BlockSpec>();
	for (const [rawKey, value] of Object.entries(data as Record<string, unknown>)) {
		const key = KEY_ALIASES[rawKey.toLowerCase().replace(/[^a-z0-9]/g, "")];
		const line = keyLine(source, rawKey);
		const bad = (message: string) => issues.push({ message, line, key: rawKey });
		if (!key) {
			const guess = closest(rawKey, BLOCK_KEYS);
			bad(`Unknown key "${rawKey}".${guess ? ` Did you mean "${guess}"?` : ""} Valid keys: ${BLOCK_KEYS.join(", ")}.`);
			continue;
		}
		if (seen.has(key)) { bad(`"${rawKey}" is given twice (as another spelling of the same key).`); continue; }
		seen.add(key);
		switch (key) {
			case "models":
			case "gpus":
			case "quant": {
				const list = toList(value);
				if (list.length === 0) bad(`"${rawKey}" needs a name or a list of names.`);
				else if (list.length > MAX_LIST) bad(`"${rawKey}" lists ${list.length} entries; at most ${MAX_LIST}.`);
				else spec[key] = list;
				break;
			}
			case "count": {
				const n = positiveInt(value, 1024);
				if (n === undefined) bad(`"count" must be a whole number of GPUs from 1 to 1024 (got ${JSON.stringify(value)}).`);
				else spec.count = n;
				break;
			}
			case "concurrency": {
				const n = positiveInt(value, 100_000);
				if (n === undefined) bad(`"${rawKey}" must be a whole number of sequences from 1 to 100000 (got ${JSON.stringify(value)}).`);
				else spec.concurrency = n;
				break;
			}
			case "context": {
				const n = positiveInt(value, MAX_TOKENS);
				if (n === undefined) bad(`"${rawKey}" must be a token count like 8192 or 32k (got ${JSON.stringify(value)}).`);
				else spec.context = n;
				break;
			}
			case "split": {
				const v = oneOf(value, SPLIT_MODES);
				if (!v) bad(`"split" must be one of ${SPLIT_MODES.join(", ")} (got ${JSON.stringify(value)}).`);
				else spec.split = v;
				break;
			}
			case "engine": {
				const v = oneOf(typeof value === "string" ? value.replace(/^llamacpp$/i, "llama.cpp") : value, ENGINE_IDS);
				if (!v) bad(`"engine" must be one of ${ENGINE_IDS.join(", ")} (got ${JSON.stringify(value)}).`);
				else spec.engine = v;
				break;
			}
			case "kvDtype": {
				const v = oneOf(value, KV_DTYPES);
				if (!v) bad(`"${rawKey}" must be one of ${KV_DTYPES.join(", ")} (got ${JSON.stringify(value)}).`);
				else spec.kvDtype = v;
				break;
			}
			case "show": {
				const cols: ShowColumn[] = [];
				for (const c of toList(value)) {
					const col = oneOf(c, SHOW_COLUMNS);
					if (col) cols.push(col);
					else {
						const guess = closest(c, SHOW_COLUMNS);
						bad(`Unknown column "${c}" in show.${guess ? ` Did you mean "${guess}"?` : ""} Columns: ${SHOW_COLUMNS.join(", ")}.`);
					}
				}
				if (cols.length > 0) spec.show = cols;
				break;
			}
		}
	}
	if (spec.models.length === 0 && !issues.some((i) => i.key && KEY_ALIASES[i.key.toLowerCase().replace(/[^a-z0-9]/g, "")] === "models")) {
		issues.push({ message: "Missing `model:` (e.g. `model: Qwen3-30B`, or a list for a comparison)." });
	}
	// A block with any issue renders its issues, not a half-understood table.
	return { spec: issues.length === 0 ? spec : undefined, issues };
}
