/**
 * Settings: shape, defaults, and reading any earlier (or broken) data.json. Pure (no `obsidian` import) so
 * migrations are unit-tested against fixture files.
 *
 * Reading never trusts the file: the shape decides the migration (a `version` that disagrees with the keys, or
 * none, does not revert a current file to defaults), every value goes through the same field parsers as blocks
 * and the CLI, values that cannot be used are reported (not silently reset) and written back unchanged until the
 * user changes that setting, keys of a newer version are kept, and everything is read into null-prototype objects
 * from own properties only.
 */
import {
	describeValue, fieldOf, formatCount, parseChoice, sentence,
	type FieldKey, type KvDtypeChoice,
} from "../estimator/request";
import type { EngineId, SplitMode } from "../estimator/types";

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
	/** "auto": the engine's default (the model's dtype; f16 in llama.cpp), as the CLI does without --kv-dtype. */
	kvDtype: KvDtypeChoice;
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
		kvDtype: "auto",
	}),
	precision: "allow-4bit",
	indexTag: "",
	feedbackFields: Object.freeze(["FeedbackLoop", "SignalAmplification"]) as unknown as string[],
	userCatalogFolder: "",
	warmStartCache: true,
});

/** A fresh, mutable copy of the defaults (never hand out the frozen object). */
export function defaultSettings(): GpuFitSettings {
	return bare({
		...DEFAULT_SETTINGS,
		rig: bare({ ...DEFAULT_SETTINGS.rig }),
		feedbackFields: [...DEFAULT_SETTINGS.feedbackFields],
	});
}

/** A copy with no prototype: a `__proto__` or `constructor` key is data, never a link to Object.prototype. */
function bare<T extends object>(o: T): T {
	return Object.assign(Object.create(null) as T, o);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const own = (o: Obj, k: string): unknown => (has(o, k) ? o[k] : undefined);

/** How the settings tab names each setting: messages about a setting use the same words. */
export const SETTING_LABELS = {
	"rig.gpu": "GPU", "rig.count": "GPU count", "rig.split": "Split mode", "rig.engine": "Engine", "rig.context": "Default context",
	"rig.kvDtype": "Cache data type", precision: "Precision policy", indexTag: "Index tag", feedbackFields: "Feedback fields",
	userCatalogFolder: "User catalog folder", warmStartCache: "Warm-start cache",
} as const;

/** A setting whose stored value could not be used: what it held, why, and what is used instead. */
export interface SettingsProblem {
	/** "rig.count", "precision", ... */
	path: string;
	/** "GPU count". */
	label: string;
	/** The stored value, written back unchanged until the user changes this setting. */
	raw: unknown;
	message: string;
}

export type SettingsShape = "empty" | "v0" | "v1" | "v2" | "newer";

export interface SettingsRead {
	settings: GpuFitSettings;
	problems: SettingsProblem[];
	/** What the file looked like; it decided the migration. */
	shape: SettingsShape;
	/** Keys this version does not know (a newer version's), top level and under `rig`, written back as they were. */
	unknown: { top: Obj; rig: Obj };
}

/** `version` as a number, whether stored as 2 or "2". */
function versionOf(v: unknown): number | undefined {
	const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : NaN;
	return Number.isInteger(n) && n >= 0 ? n : undefined;
}

const V0_KEYS = ["gpu", "gpuCount", "count", "engine", "defaultContext", "context", "allowQuantized", "tag"];
const V1_KEYS = ["quantization", "seriesTag"];
const V2_KEYS = ["precision", "indexTag", "userCatalogFolder", "warmStartCache"];

/** The shape decides; `version` only says whether a file is from a newer plugin. */
export function shapeOf(raw: unknown): SettingsShape {
	if (!isObj(raw)) return "empty";
	const version = versionOf(own(raw, "version"));
	if (version !== undefined && version > SETTINGS_VERSION) return "newer";
	const rig = own(raw, "rig");
	const v2 = V2_KEYS.some((k) => has(raw, k)) || (isObj(rig) && (has(rig, "split") || has(rig, "kvDtype")));
	if (v2) return "v2";
	if (V1_KEYS.some((k) => has(raw, k))) return "v1";
	if (isObj(rig)) return "v2";
	if (V0_KEYS.some((k) => has(raw, k))) return "v0";
	return "v2";
}

const KNOWN_TOP = ["version", "rig", "precision", "indexTag", "feedbackFields", "userCatalogFolder", "warmStartCache"];
const KNOWN_RIG = ["gpu", "count", "split", "engine", "context", "kvDtype"];

/** An older shape's values at today's paths; `undefined` where the old file had nothing. */
function asCurrent(raw: Obj, shape: SettingsShape): { top: Obj; rig: Obj } {
	if (shape === "v0") {
		const q = own(raw, "allowQuantized");
		return {
			top: bare({ precision: q === false ? "unquantized" : q === true ? "allow-4bit" : undefined, indexTag: own(raw, "tag"), feedbackFields: own(raw, "feedbackFields") }),
			rig: bare({ gpu: own(raw, "gpu"), count: own(raw, "gpuCount") ?? own(raw, "count"), engine: own(raw, "engine"), context: own(raw, "defaultContext") ?? own(raw, "context") }),
		};
	}
	const rig = own(raw, "rig");
	const rigObj: Obj = isObj(rig) ? rig : {};
	const top: Obj = bare({});
	for (const k of KNOWN_TOP) if (has(raw, k)) top[k] = raw[k];
	if (shape === "v1") {
		const q = own(raw, "quantization");
		top.precision = q === "none" ? "unquantized" : q === "fp8" ? "allow-fp8" : q === "int4" ? "allow-4bit" : q;
		top.indexTag = own(raw, "seriesTag");
	}
	const r: Obj = bare({});
	for (const k of KNOWN_RIG) if (has(rigObj, k)) r[k] = rigObj[k];
	return { top, rig: r };
}

/** Keys we do not know, kept for the file (a newer plugin's settings, a hand-added note to self). */
function unknownKeys(raw: Obj, shape: SettingsShape): { top: Obj; rig: Obj } {
	const top: Obj = bare({});
	const rig: Obj = bare({});
	if (shape !== "v2" && shape !== "newer") return { top, rig };
	for (const k of Object.keys(raw)) if (!KNOWN_TOP.includes(k)) top[k] = raw[k];
	const r = own(raw, "rig");
	if (isObj(r)) for (const k of Object.keys(r)) if (!KNOWN_RIG.includes(k)) rig[k] = r[k];
	return { top, rig };
}

/** Any loaded value (nothing, an old shape, a newer one, garbage) → complete, valid settings and what was wrong. Never throws. */
export function readSettings(loaded: unknown): SettingsRead {
	const shape = shapeOf(loaded);
	const problems: SettingsProblem[] = [];
	const d = DEFAULT_SETTINGS;
	if (!isObj(loaded)) {
		if (loaded !== null && loaded !== undefined) {
			problems.push({ path: "", label: "Settings", raw: undefined, message: `data.json holds ${describeValue(loaded)}, not settings; the defaults are used.` });
		}
		return { settings: defaultSettings(), problems, shape, unknown: { top: bare({}), rig: bare({}) } };
	}
	const { top, rig } = asCurrent(loaded, shape);
	/** A value, or the default with a problem naming what was stored. */
	const take = <T>(path: string, label: string, raw: unknown, fallback: T, parse: (v: unknown) => { ok: true; value: T } | { ok: false; message: string }): T => {
		if (raw === undefined) return fallback;
		const r = parse(raw);
		if (r.ok) return r.value;
		problems.push({ path, label, raw, message: `${sentence(r.message)} Using ${shown(fallback)} until you change it.` });
		return fallback;
	};
	const field = <K extends FieldKey>(key: K, label: string) => (v: unknown) => {
		const r = fieldOf(key).parse(v);
		return r.ok ? r : { ok: false as const, message: `${label} ${r.problem}` };
	};
	const text = (label: string, max: number, clean: (s: string) => string) => (v: unknown) =>
		typeof v === "string" && v.length <= max ? { ok: true as const, value: clean(v) } : { ok: false as const, message: `${label} must be text${typeof v === "string" ? ` of at most ${formatCount(max)} characters` : ""} (got ${describeValue(v)})` };

	const version = versionOf(own(loaded, "version"));
	const settings: GpuFitSettings = bare({
		// A newer data.json (downgraded plugin) keeps its number so we never claim to have migrated it.
		version: shape === "newer" && version !== undefined ? version : SETTINGS_VERSION,
		rig: bare({
			gpu: take("rig.gpu", "GPU", rig.gpu, d.rig.gpu, (v) => {
				const t = text("GPU", 200, (s) => s.trim())(v);
				return t.ok && t.value === "" ? { ok: false as const, message: "GPU must be a GPU name (got an empty value)" } : t;
			}),
			count: take("rig.count", SETTING_LABELS["rig.count"], rig.count, d.rig.count, field("count", SETTING_LABELS["rig.count"])),
			split: take("rig.split", SETTING_LABELS["rig.split"], rig.split, d.rig.split, field("split", SETTING_LABELS["rig.split"])),
			engine: take("rig.engine", SETTING_LABELS["rig.engine"], rig.engine, d.rig.engine, field("engine", SETTING_LABELS["rig.engine"])),
			context: take("rig.context", SETTING_LABELS["rig.context"], rig.context, d.rig.context, field("context", SETTING_LABELS["rig.context"])),
			kvDtype: take("rig.kvDtype", SETTING_LABELS["rig.kvDtype"], rig.kvDtype, d.rig.kvDtype, field("kvDtype", SETTING_LABELS["rig.kvDtype"])),
		}),
		precision: take("precision", "Precision policy", top.precision, d.precision, (v) => {
			const r = parseChoice(v, PRECISION_POLICIES);
			return r.ok ? r : { ok: false, message: `Precision policy ${r.problem}` };
		}),
		// Cleaned to a fixed point (every leading "#" and space; slashes and spaces at both ends of the folder), so what
		// is saved loads back the same: "##x", "# x" and "a /" lost one more character on every restart.
		indexTag: take("indexTag", "Index tag", top.indexTag, d.indexTag, text("Index tag", 200, (s) => s.trim().replace(/^[#\s]+/, ""))),
		feedbackFields: take("feedbackFields", "Feedback fields", top.feedbackFields, [...d.feedbackFields], parseNames),
		userCatalogFolder: take("userCatalogFolder", "User catalog folder", top.userCatalogFolder, d.userCatalogFolder, text("User catalog folder", 1000, (s) => s.replace(/^[\s/]+|[\s/]+$/g, ""))),
		warmStartCache: take("warmStartCache", "Warm-start cache", top.warmStartCache, d.warmStartCache, (v) =>
			typeof v === "boolean" ? { ok: true as const, value: v } : { ok: false as const, message: `Warm-start cache must be true or false (got ${describeValue(v)})` }),
	});
	return { settings, problems, shape, unknown: unknownKeys(loaded, shape) };
}

/** Feedback field names: a list of names or "A, B" text. An empty list means the defaults. */
function parseNames(v: unknown): { ok: true; value: string[] } | { ok: false; message: string } {
	const list = typeof v === "string" ? v.split(",") : Array.isArray(v) && v.length <= 200 ? v : undefined;
	if (!list || !list.every((x) => typeof x === "string" && x.length <= 200)) {
		return { ok: false, message: `Feedback fields must be field names (got ${describeValue(v)})` };
	}
	const out = [...new Set((list as string[]).map((x) => x.trim()).filter(Boolean))];
	return { ok: true, value: out.length > 0 ? out : [...DEFAULT_SETTINGS.feedbackFields] };
}

function shown(v: unknown): string {
	return Array.isArray(v) ? v.join(", ") : typeof v === "string" ? (v === "" ? "none" : `"${v}"`) : String(v);
}

/** Any loaded value → complete, valid settings. Never throws. */
export function migrateSettings(loaded: unknown): GpuFitSettings {
	return readSettings(loaded).settings;
}

/**
 * What to write to data.json: the settings, plus what reading found and must not lose: keys this version does
 * not know, and stored values that could not be used, for every setting the user has not changed since (paths in
 * `touched`). A null-prototype object.
 */
export function settingsData(settings: GpuFitSettings, read: SettingsRead | undefined, touched: ReadonlySet<string> = new Set()): Obj {
	const out: Obj = bare({ ...read?.unknown.top });
	const rig: Obj = bare({ ...read?.unknown.rig, ...settings.rig });
	Object.assign(out, {
		version: settings.version, rig, precision: settings.precision, indexTag: settings.indexTag,
		feedbackFields: [...settings.feedbackFields], userCatalogFolder: settings.userCatalogFolder, warmStartCache: settings.warmStartCache,
	});
	for (const p of read?.problems ?? []) {
		if (p.path === "" || touched.has(p.path)) continue;
		const [a, b] = p.path.split(".");
		if (a === "rig" && b !== undefined) rig[b] = p.raw;
		else if (a !== undefined) out[a] = p.raw;
	}
	return out;
}

/** Minimum bits per weight a policy allows when a block names no formats. */
export function minBitsFor(policy: PrecisionPolicy): number {
	return policy === "unquantized" ? 16 : policy === "allow-fp8" ? 8 : 0;
}
