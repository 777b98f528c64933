/**
 * Settings: shape, defaults, and loading of any earlier (or broken) data.json.
 * Pure (no `obsidian` import) so migrations are unit-tested against fixture files.
 */
import { ENGINE_IDS, KV_DTYPES, SPLIT_MODES, type EngineId, type KvDtype, type SplitMode } from "../estimator/types";

export const SETTINGS_VERSION = 2;

/** Which formats a block lists when it names no `quant:`. */
export type PrecisionPolicy = "unquantized" | "allow-fp8" | "allow-4bit";
export const PRECISION_POLICIES: readonly PrecisionPolicy[] = ["unquantized", "allow-fp8", "allow-4bit"];

export interface RigSettings {
	/** A catalog GPU name or id. */
	gpu: string;
	count: number;
	split: SplitMode;
	engine: EngineId;
	/** Default tokens per sequence for blocks that give no `context:`. */
	context: number;
	kvDtype: KvDtype;
}

export interface GpuFitSettings {
	version: number;
	rig: RigSettings;
	precision: PrecisionPolicy;
	/** Tag (without "#") marking notes to index; empty: any series tag such as S13_Hardware. */
	indexTag: string;
	/** Frontmatter fields that name related notes. */
	feedbackFields: string[];
	/** Vault folder of user catalog notes / JSON / YAML files; empty: none. */
	userCatalogFolder: string;
	/** Keep a parse cache so restarts re-read only changed notes. */
	warmStartCache: boolean;
}

export const DEFAULT_SETTINGS: Readonly<GpuFitSettings> = Object.freeze({
	version: SETTINGS_VERSION,
	rig: Object.freeze({
		gpu: "RTX PRO 6000 Blackwell",
		count: 1,
		split: "tensor",
		engine: "vllm",
		context: 8192,
		kvDtype: "fp16",
	}),
	precision: "allow-4bit",
	indexTag: "",
	feedbackFields: Object.freeze(["FeedbackLoop", "SignalAmplification"]) as unknown as string[],
	userCatalogFolder: "",
	warmStartCache: true,
});

/** A fresh, mutable copy of the defaults (never hand out the frozen object). */
export function defaultSettings(): GpuFitSettings {
	return { ...DEFAULT_SETTINGS, rig: { ...DEFAULT_SETTINGS.rig }, feedbackFields: [...DEFAULT_SETTINGS.feedbackFields] };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function str(v: unknown, fallback: string): string {
	return typeof v === "string" ? v.trim() : fallback;
}

function int(v: unknown, fallback: number, min: number, max: number): number {
	const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
	return typeof n === "number" && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

function pick<T extends string>(v: unknown, options: readonly T[], fallback: T): T {
	if (typeof v !== "string") return fallback;
	const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
	return options.find((o) => key(o) === key(v)) ?? fallback;
}

function names(v: unknown, fallback: readonly string[]): string[] {
	const list = typeof v === "string" ? v.split(",") : Array.isArray(v) ? v : undefined;
	if (!list) return [...fallback];
	const out = list.filter((x): x is string => typeof x === "string").map((x) => x.trim()).filter(Boolean);
	return out.length > 0 ? [...new Set(out)] : [...fallback];
}

/**
 * Earlier shapes, upgraded one version at a time:
 *  v0 (no `version`): flat `{ gpu, gpuCount, engine, defaultContext, allowQuantized, tag, feedbackFields: "A, B" }`.
 *  v1: `{ version: 1, rig: { gpu, count, engine, context }, quantization: "none" | "fp8" | "int4", seriesTag }`.
 */
function fromV0(raw: Obj): Obj {
	return {
		version: 1,
		rig: { gpu: raw.gpu, count: raw.gpuCount ?? raw.count, engine: raw.engine, context: raw.defaultContext ?? raw.context },
		quantization: raw.allowQuantized === false ? "none" : "int4",
		seriesTag: raw.tag,
		feedbackFields: raw.feedbackFields,
	};
}

function fromV1(raw: Obj): Obj {
	const q = raw.quantization;
	const { quantization: _q, seriesTag: _t, ...rest } = raw;
	return {
		...rest,
		version: 2,
		precision: q === "none" ? "unquantized" : q === "fp8" ? "allow-fp8" : q === "int4" ? "allow-4bit" : undefined,
		indexTag: raw.seriesTag,
	};
}

/** Any loaded value (null, an old shape, a newer one, garbage) → complete, valid settings. Never throws. */
export function migrateSettings(loaded: unknown): GpuFitSettings {
	if (!isObj(loaded)) return defaultSettings();
	let raw: Obj = loaded;
	const version = typeof raw.version === "number" ? raw.version : 0;
	if (version < 1) raw = fromV0(raw);
	if (version < 2) raw = fromV1(raw);
	const d = DEFAULT_SETTINGS;
	const rig = isObj(raw.rig) ? raw.rig : {};
	return {
		// A newer data.json (downgraded plugin) keeps its number so we never claim to have migrated it.
		version: Math.max(SETTINGS_VERSION, version),
		rig: {
			gpu: str(rig.gpu, d.rig.gpu) || d.rig.gpu,
			count: int(rig.count, d.rig.count, 1, 1024),
			split: pick(rig.split, SPLIT_MODES, d.rig.split),
			engine: pick(typeof rig.engine === "string" ? rig.engine.replace(/^llamacpp$/i, "llama.cpp") : rig.engine, ENGINE_IDS, d.rig.engine),
			context: int(rig.context, d.rig.context, 1, 10_000_000),
			kvDtype: pick(rig.kvDtype, KV_DTYPES, d.rig.kvDtype),
		},
		precision: pick(raw.precision, PRECISION_POLICIES, d.precision),
		// Every leading "#" and the spaces around: what is saved loads back the same (a "##x" or "# x" stays "x").
		indexTag: str(raw.indexTag, d.indexTag).replace(/^[#\s]+/, ""),
		feedbackFields: names(raw.feedbackFields, d.feedbackFields),
		userCatalogFolder: str(raw.userCatalogFolder, d.userCatalogFolder).replace(/^[\s/]+|[\s/]+$/g, ""),
		warmStartCache: typeof raw.warmStartCache === "boolean" ? raw.warmStartCache : d.warmStartCache,
	};
}

/** Minimum bits per weight a policy allows when a block names no formats. */
export function minBitsFor(policy: PrecisionPolicy): number {
	return policy === "unquantized" ? 16 : policy === "allow-fp8" ? 8 : 0;
}
