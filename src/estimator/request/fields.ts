/**
 * The request fields, defined once: their names and other spellings, what values they take, their limits and
 * the words of their error messages. The `gpufit` block, the CLI flags and the settings all parse through here,
 * so `context: 1m`, `--context 1m` and a settings box holding "1m" mean the same thing or fail the same way.
 *
 * To add a field: add its property to RequestSpec, then one entry to FIELDS (which surfaces take it, how its value
 * parses). Block keys, CLI flags, usage lines, "valid keys" lists and "did you mean" follow from the entry.
 */
import { BACKEND_IDS, type BackendId } from "../data/backends";
import { ENGINE_IDS, KV_DTYPES, SPLIT_MODES, type EngineId, type KvDtype, type SplitMode } from "../types";
import { COLUMN_ALIASES, SHOW_KEYWORDS, type ShowKeyword } from "./columns";
import { LIMITS } from "./limits";
import { keyOf } from "./suggest";
import { describeValue, formatCount, sentence } from "./text";
import {
	parseChoice, parseChoiceList, parseFraction, parseNameList, parseWholeNumber, problem, type Parsed,
} from "./values";

/** A KV cache data type, or "auto": the engine's own default (the model's dtype; f16 in llama.cpp). */
export type KvDtypeChoice = KvDtype | "auto";
export const KV_DTYPE_CHOICES: readonly KvDtypeChoice[] = ["auto", ...KV_DTYPES];

/** Everything a request may say, as parsed (names not yet resolved against the catalog). */
export interface RequestSpec {
	models: string[];
	/** GPU names; "mine" stands for the rig in the settings. */
	gpus: string[];
	count?: number;
	split?: SplitMode;
	engine?: EngineId;
	context?: number;
	concurrency?: number;
	quant?: string[];
	kvDtype?: KvDtypeChoice;
	show?: ShowKeyword[];
	gpuMemoryUtilization?: number;
	/** Compute backend (issue #12): cuda, rocm, vulkan, metal. */
	backend?: BackendId;
	/** Engine version where it changes the answer: vLLM "v0" / "v1", llama.cpp a build "b2834". */
	engineVersion?: string;
}

export type FieldKey = keyof RequestSpec;
export type Surface = "block" | "cli" | "settings";

export interface Field<K extends FieldKey = FieldKey> {
	key: K;
	/** The canonical spelling: the block key and the CLI flag (`kv-dtype`, `--kv-dtype`). */
	name: string;
	/** Other spellings of the key or flag; compared, like `name`, without case or punctuation. */
	aliases: readonly string[];
	/** How the settings tab and sentences name it: "GPU count". */
	label: string;
	/** The value's placeholder in usage lines: `--count N`. */
	metavar: string;
	surfaces: readonly Surface[];
	/** For closed sets: the canonical values (dropdowns, usage lines, README). */
	options?: readonly string[];
	parse(raw: unknown): Parsed<NonNullable<RequestSpec[K]>>;
}

export type AnyField = { [K in FieldKey]: Field<K> }[FieldKey];

const define = <K extends FieldKey>(f: Field<K>): Field<K> => f;

const ALL: readonly Surface[] = ["block", "cli", "settings"];

/** Other spellings people use for values, mapped to ours. */
const SPLIT_ALIASES: Record<string, SplitMode> = {
	tp: "tensor", "tensor-parallel": "tensor", pp: "layer", pipeline: "layer", "pipeline-parallel": "layer", layers: "layer",
	dp: "replica", "data-parallel": "replica", replicas: "replica",
};
const ENGINE_ALIASES: Record<string, EngineId> = { "llama-cpp": "llama.cpp", hf: "transformers", "hf-transformers": "transformers" };
const KV_ALIASES: Record<string, KvDtypeChoice> = {
	f16: "fp16", float16: "fp16", half: "fp16", bfloat16: "bf16", f32: "fp32", float32: "fp32", float: "fp32",
	fp8_e4m3: "fp8", fp8_e5m2: "fp8", default: "auto",
};

/** vLLM's engine generation ("v0", "v1"; "vllm-v0" too) or a llama.cpp build ("b2834", "2834"). */
function parseChoiceOrBuild(raw: unknown): Parsed<string> {
	const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim().toLowerCase() : undefined;
	if (text !== undefined && /^(vllm-)?v[01]$/.test(text)) return { ok: true, value: text.replace(/^vllm-/, "") };
	if (text !== undefined && /^b?\d{3,6}$/.test(text)) return { ok: true, value: text.startsWith("b") ? text : `b${text}` };
	return problem(`must be v0 or v1 (vLLM) or a llama.cpp build such as b2834 (got ${describeValue(raw)})`);
}

export const FIELDS: readonly AnyField[] = [
	define({
		key: "models", name: "model", aliases: ["models"], label: "Model", metavar: "NAME", surfaces: ["block", "cli"],
		parse: (v) => parseNameList(v, { what: "model" }),
	}),
	define({
		key: "gpus", name: "gpu", aliases: ["gpus", "card", "cards"], label: "GPU", metavar: "NAME", surfaces: ALL,
		parse: (v) => parseNameList(v, { what: "GPU" }),
	}),
	define({
		key: "count", name: "count", aliases: ["gpu-count", "gpucount", "num-gpus"], label: "GPU count", metavar: "N", surfaces: ALL,
		parse: (v) => parseWholeNumber(v, { min: 1, max: LIMITS.gpus, unit: ["GPU", "GPUs"], suffixes: false, expect: `a whole number of GPUs from 1 to ${formatCount(LIMITS.gpus)}` }),
	}),
	define({
		key: "split", name: "split", aliases: ["parallel", "parallelism"], label: "Split mode", metavar: SPLIT_MODES.join("|"), surfaces: ALL,
		options: SPLIT_MODES, parse: (v) => parseChoice(v, SPLIT_MODES, SPLIT_ALIASES),
	}),
	define({
		key: "engine", name: "engine", aliases: ["runtime"], label: "Engine", metavar: ENGINE_IDS.join("|"), surfaces: ALL,
		options: ENGINE_IDS, parse: (v) => parseChoice(v, ENGINE_IDS, ENGINE_ALIASES),
	}),
	define({
		key: "context", name: "context", aliases: ["ctx", "context-length", "max-model-len"], label: "Context", metavar: "TOKENS", surfaces: ALL,
		parse: (v) => parseWholeNumber(v, { min: 1, max: LIMITS.tokens, unit: ["token", "tokens"], suffixes: true, expect: `a token count such as 8192, 32k or 1m, from 1 to ${formatCount(LIMITS.tokens)}` }),
	}),
	define({
		key: "concurrency", name: "concurrency", aliases: ["sequences", "batch", "sessions"], label: "Concurrent sequences", metavar: "N", surfaces: ["block", "cli"],
		parse: (v) => parseWholeNumber(v, { min: 1, max: LIMITS.sequences, unit: ["sequence", "sequences"], suffixes: false, expect: `a whole number of sequences from 1 to ${formatCount(LIMITS.sequences)}` }),
	}),
	define({
		key: "quant", name: "quant", aliases: ["quants", "format", "formats"], label: "Formats", metavar: "a,b,...", surfaces: ["block", "cli"],
		parse: (v) => parseNameList(v, { what: "format" }),
	}),
	define({
		key: "kvDtype", name: "kv-dtype", aliases: ["kv", "kv-cache-dtype", "cache-type", "kv-cache"], label: "KV cache data type", metavar: "D", surfaces: ALL,
		options: KV_DTYPE_CHOICES, parse: (v) => parseChoice(v, KV_DTYPE_CHOICES, KV_ALIASES),
	}),
	define({
		key: "show", name: "show", aliases: ["columns"], label: "Columns", metavar: "COLUMNS", surfaces: ["block", "cli"],
		options: SHOW_KEYWORDS, parse: (v) => parseChoiceList(v, SHOW_KEYWORDS, "column", COLUMN_ALIASES),
	}),
	define({
		key: "backend", name: "backend", aliases: ["compute-backend"], label: "Backend", metavar: BACKEND_IDS.join("|"), surfaces: ALL,
		options: BACKEND_IDS, parse: (v) => parseChoice<BackendId>(v, BACKEND_IDS, { hip: "rocm", "rocm-hip": "rocm", mps: "metal" }),
	}),
	define({
		key: "engineVersion", name: "engine-version", aliases: ["build"], label: "Engine version", metavar: "v0|v1|bNNNN", surfaces: ["block", "cli"],
		parse: (v) => parseChoiceOrBuild(v),
	}),
	define({
		key: "gpuMemoryUtilization", name: "gpu-memory-utilization", aliases: ["gpu-util"], label: "GPU memory utilization", metavar: "F", surfaces: ["cli"],
		parse: (v) => parseFraction(v, LIMITS.minUtilization, LIMITS.maxUtilization),
	}),
];

const BY_KEY = new Map<string, AnyField>();
for (const f of FIELDS) for (const n of [f.name, ...f.aliases]) BY_KEY.set(keyOf(n), f);

/** The field a key or flag names (any spelling), if that surface takes it. */
export function findField(name: string, surface: Surface): AnyField | undefined {
	if (name.length > 64) return undefined;
	const f = BY_KEY.get(keyOf(name));
	return f && f.surfaces.includes(surface) ? f : undefined;
}

export function fieldOf<K extends FieldKey>(key: K): Field<K> {
	const f = FIELDS.find((x) => x.key === key);
	if (!f) throw new Error(`no field ${key}`);
	return f as unknown as Field<K>;
}

/** Canonical names of the fields a surface takes, in order: "Valid keys: model, gpu, ...". */
export function fieldNames(surface: Surface): string[] {
	return FIELDS.filter((f) => f.surfaces.includes(surface)).map((f) => f.name);
}

/** How a surface names a field in a sentence: `"ctx"` in a block (as written), `--context` on the CLI, `Context` in settings. */
export function subject(field: AnyField, surface: Surface, spelled?: string): string {
	switch (surface) {
		case "block": return `"${spelled ?? field.name}"`;
		case "cli": return `--${field.name}`;
		case "settings": return field.label;
	}
}

/** One field's problem as a full sentence for a surface. */
export function fieldMessage(field: AnyField, surface: Surface, problemText: string, spelled?: string): string {
	return sentence(`${subject(field, surface, spelled)} ${problemText}`);
}

/** Parse one field's raw value for a surface: the value, or the message that surface shows. */
export function parseField<K extends FieldKey>(key: K, raw: unknown, surface: Surface): { ok: true; value: NonNullable<RequestSpec[K]> } | { ok: false; message: string } {
	const f = fieldOf(key);
	const r = f.parse(raw);
	return r.ok ? r : { ok: false, message: fieldMessage(f as unknown as AnyField, surface, r.problem) };
}
