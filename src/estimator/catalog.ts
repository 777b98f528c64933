/**
 * The catalog: GPUs, architectures, models and formats, validated at load, with name resolution.
 * Built-in data lives in ./data; users can add entries (JSON/YAML file, note frontmatter) validated
 * by the same schemas through `extendCatalog`.
 */
import * as z from "zod/mini";
import { ARCHITECTURES } from "./data/architectures";
import { FORMATS } from "./data/formats";
import { GPUS } from "./data/gpus";
import { MODELS } from "./data/models";
import { NameIndex, normalizeName } from "./names";
import { clip, describeValue, plural, quote } from "./request/text";
import {
	ArchitectureSchema, FormatSchema, GpuSchema, ModelSchema,
	type Architecture, type Format, type Gpu, type Model,
} from "./schema";
import type { LookupError, Result } from "./types";

export interface Catalog {
	readonly gpus: NameIndex<Gpu>;
	readonly models: NameIndex<Model>;
	readonly formats: NameIndex<Format>;
	readonly architectures: NameIndex<Architecture>;
	/** Bumped whenever the catalog is extended, so live views know to recompute. */
	readonly revision: number;
	/**
	 * What an "unknown name" message adds, per kind: where the user's own entries come from on this surface
	 * (the CLI's --catalog, the plugin's catalog folder setting). Set with `withHints`.
	 */
	readonly hints?: Readonly<Partial<Record<"gpu" | "model" | "format", string>>>;
}

/** Raw (unvalidated) catalog additions, e.g. parsed from a user's JSON/YAML file. */
export interface CatalogAdditions {
	gpus?: unknown[];
	models?: unknown[];
	formats?: unknown[];
	architectures?: unknown[];
}

export interface CatalogIssue {
	/** e.g. "gpus[2] (my-card).memory.usableGiB"; empty for a problem with the whole file. */
	path: string;
	message: string;
	/** The file the entry came from, when known. */
	file?: string;
	/** 1-based line in that file, when known (YAML syntax errors). */
	line?: number;
	/** The entry was left out of the catalog because of this problem. */
	skipped?: boolean;
}

/** One file's additions, so each problem names its file. */
export interface CatalogSourceFile {
	file: string;
	additions: CatalogAdditions;
}

/** Per file: entries loaded and skipped, problems found (all counted; only the first few are kept as issues). */
export interface CatalogFileSummary {
	file: string;
	loaded: number;
	skipped: number;
	problems: number;
}

export interface CatalogBuild {
	catalog: Catalog;
	/** The first problems (at most ISSUES_KEPT per file), in file order. */
	issues: CatalogIssue[];
	files: CatalogFileSummary[];
}

/** Issues kept per file: the rest are counted, so 200k bad entries cost a number, not 200k messages. */
export const ISSUES_KEPT = 20;

const SECTIONS = ["gpus", "models", "formats", "architectures"] as const;
type Section = (typeof SECTIONS)[number];

class IssueLog {
	readonly kept: CatalogIssue[] = [];
	readonly byFile = new Map<string, CatalogFileSummary>();

	summary(file: string): CatalogFileSummary {
		let s = this.byFile.get(file);
		if (!s) this.byFile.set(file, (s = { file, loaded: 0, skipped: 0, problems: 0 }));
		return s;
	}

	add(file: string, issue: CatalogIssue, skipsEntry: boolean): void {
		const s = this.summary(file);
		s.problems++;
		if (skipsEntry) s.skipped++;
		if (s.problems <= ISSUES_KEPT) this.kept.push({ ...issue, ...(file ? { file } : {}), ...(skipsEntry ? { skipped: true } : {}) });
	}
}

/** An entry's id for messages, bounded whatever the entry holds. */
function entryLabel(item: unknown): string {
	const id = typeof item === "object" && item !== null && "id" in item ? (item).id : undefined;
	return typeof id === "string" ? ` (${clip(id, 40)})` : "";
}

/** The value at an issue's path inside an entry (bounded by the path's length), to say what was found. */
function valueAt(item: unknown, path: readonly PropertyKey[]): unknown {
	let v = item;
	for (const k of path) {
		if (typeof v !== "object" || v === null) return undefined;
		v = (v as Record<PropertyKey, unknown>)[k];
	}
	return v;
}

function validateAll<T>(section: Section, schema: z.ZodMiniType<T>, items: readonly unknown[], file: string, log: IssueLog): T[] {
	const out: T[] = [];
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		const parsed = schema.safeParse(item);
		if (parsed.success) {
			out.push(parsed.data);
			continue;
		}
		// One issue per entry: its first problem, and how many more (a wholly wrong entry has dozens).
		const all = parsed.error.issues;
		const first = all[0];
		const where = `${section}[${i}]${entryLabel(item)}${first && first.path.length > 0 ? `.${first.path.map(String).join(".")}` : ""}`;
		const more = all.length > 1 ? `; and ${plural(all.length - 1, "more problem")} in this entry` : "";
		log.add(file, { path: where, message: `${first ? describeIssue(first, valueAt(item, first.path)) : "invalid"}${more}` }, true);
	}
	return out;
}

function describeIssue(issue: z.core.$ZodIssue, got: unknown): string {
	const seen = ` (got ${describeValue(got)})`;
	switch (issue.code) {
		case "invalid_type": return `expected ${issue.expected}${seen}`;
		case "too_small": return `must be ${issue.inclusive ? "at least" : "greater than"} ${String(issue.minimum)}${seen}`;
		case "too_big": return `must be ${issue.inclusive ? "at most" : "less than"} ${String(issue.maximum)}${seen}`;
		case "invalid_value": return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}${seen}`;
		case "invalid_format": return `has the wrong format (${issue.format})${seen}`;
		default: return issue.message;
	}
}

/** Facts that each pass their schema but contradict one another. Each failing entry is skipped. */
function crossCheck(
	gpus: Gpu[], models: Model[], formats: Format[], archs: Architecture[], origin: WeakMap<object, string>, log: IssueLog,
): { gpus: Gpu[]; models: Model[] } {
	const archIds = new Set(archs.map((a) => a.id));
	const formatIds = new Set(formats.map((f) => f.id));
	const fail = (entry: object, path: string, message: string) => {
		const file = origin.get(entry) ?? "";
		log.summary(file).loaded--;
		log.add(file, { path, message }, true);
		return false;
	};
	const okGpus = gpus.filter((g) => {
		if (!archIds.has(g.architecture)) return fail(g, `gpus (${g.id}).architecture`, `unknown architecture ${quote(g.architecture)}`);
		if (g.memory.usableGiB > g.memory.marketedGB * 1.075) {
			return fail(g, `gpus (${g.id}).memory.usableGiB`, `${g.memory.usableGiB} GiB usable is more than the marketed ${g.memory.marketedGB} GB holds (${r1(g.memory.marketedGB * 1e9 / 2 ** 30)} GiB)`);
		}
		return true;
	});
	const okModels = models.filter((m) => {
		if (m.heads % m.kvHeads !== 0) return fail(m, `models (${m.id}).kvHeads`, "heads must be a multiple of KV heads");
		if (m.moe && m.moe.expertsPerToken > m.moe.experts) return fail(m, `models (${m.id}).moe`, "more experts per token than experts");
		if (m.shippedQuantization && !formatIds.has(m.shippedQuantization.format)) {
			return fail(m, `models (${m.id}).shippedQuantization`, `unknown format ${quote(m.shippedQuantization.format)}`);
		}
		return true;
	});
	return { gpus: okGpus, models: okModels };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export class CatalogError extends Error {
	constructor(readonly issues: CatalogIssue[]) {
		super(`Invalid catalog data:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
	}
}

let builtIn: Catalog | undefined;

/** The built-in catalog, validated once. Throws CatalogError if the shipped data is invalid (a test keeps it valid). */
export function loadCatalog(): Catalog {
	if (builtIn) return builtIn;
	const result = buildCatalog({ gpus: GPUS, models: MODELS, formats: FORMATS, architectures: ARCHITECTURES }, undefined);
	if (result.issues.length > 0) throw new CatalogError(result.issues);
	builtIn = result.catalog;
	return builtIn;
}

/**
 * Validate additions and merge them over `base` (entries with the same id replace the base entry).
 * Invalid entries are skipped and reported; valid ones still load, so one typo does not lose a user's other GPUs.
 */
export function buildCatalog(additions: CatalogAdditions, base: Catalog | undefined): CatalogBuild {
	return buildCatalogFrom([{ file: "", additions }], base);
}

/**
 * `buildCatalog` over several files: later files override earlier ones by id. Every entry and every file costs
 * only itself: a bad entry is skipped, a name already taken is dropped from the later entry, and each problem is
 * counted against its file.
 */
export function buildCatalogFrom(sources: readonly CatalogSourceFile[], base: Catalog | undefined): CatalogBuild {
	const log = new IssueLog();
	const origin = new WeakMap<object, string>();
	const added: { [K in Section]: unknown[] } = { gpus: [], models: [], formats: [], architectures: [] };
	const schemas = { gpus: GpuSchema, models: ModelSchema, formats: FormatSchema, architectures: ArchitectureSchema } as const;
	for (const { file, additions } of sources) {
		const summary = log.summary(file);
		for (const section of SECTIONS) {
			const items = additions[section];
			if (!items) continue;
			const valid = validateAll<unknown>(section, schemas[section], items, file, log);
			for (const v of valid) {
				origin.set(v as object, file);
				added[section].push(v);
			}
			summary.loaded += valid.length;
		}
	}
	const merge = <T extends { id: string }>(baseList: T[], more: unknown[]): T[] => {
		const byId = new Map(baseList.map((e) => [e.id, e] as const));
		for (const e of more as T[]) byId.set(e.id, e);
		return [...byId.values()];
	};
	const archs = merge(base?.architectures.all() ?? [], added.architectures);
	const formats = merge(base?.formats.all() ?? [], added.formats);
	const checked = crossCheck(merge(base?.gpus.all() ?? [], added.gpus), merge(base?.models.all() ?? [], added.models), formats, archs, origin, log);
	const index = <T extends { id: string; name: string; aliases: string[] }>(what: string, list: T[]): NameIndex<T> =>
		new NameIndex(what, list, (name, holder, claimant) => {
			log.add(origin.get(claimant) ?? "", { path: `${what} ${claimant.id}`, message: `the name ${quote(name)} already belongs to ${holder.id}; ${claimant.id} is not reachable by it` }, false);
		});
	const catalog: Catalog = {
		gpus: index("GPU", checked.gpus),
		models: index("model", checked.models),
		formats: index("format", formats),
		architectures: index("architecture", archs),
		revision: (base?.revision ?? 0) + 1,
		...(base?.hints ? { hints: base.hints } : {}),
	};
	return { catalog, issues: log.kept, files: [...log.byFile.values()] };
}

/** The same catalog, with what its "unknown name" messages add on this surface. */
export function withHints(catalog: Catalog, hints: Catalog["hints"]): Catalog {
	return { ...catalog, ...(hints ? { hints } : {}) };
}

function lookup<T extends { name: string; id: string; aliases: readonly string[] }>(
	c: Catalog, index: NameIndex<T>, kind: LookupError["kind"], label: "GPU" | "model" | "format", name: string,
): Result<T> {
	const hit = index.get(name);
	if (hit) return { ok: true, value: hit };
	return { ok: false, error: unknownName(c, index, kind, label, name) };
}

function unknownName<T extends { name: string; id: string; aliases: readonly string[] }>(
	c: Catalog, index: NameIndex<T>, kind: LookupError["kind"], label: "GPU" | "model" | "format", name: string,
	suggestions = index.suggest(name), detail = "",
): LookupError {
	const guess = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
	const extra = c.hints?.[label === "GPU" ? "gpu" : label];
	return { kind, message: `Unknown ${label} ${quote(name)}.${detail ? ` ${detail}` : ""}${guess}${extra ? ` ${extra}` : ""}`, suggestions };
}

/**
 * Several unknown names as one error (a block with two typos needs one round of fixes). The surface's hint ends
 * each message; it is said once, at the end.
 */
export function combineLookupErrors(c: Catalog, errors: readonly LookupError[]): LookupError {
	const first = errors[0];
	if (!first) throw new Error("no errors to combine");
	const hints = new Set(Object.values(c.hints ?? {}).filter((h): h is string => typeof h === "string" && h !== "").map((h) => ` ${h}`));
	const messages = errors.map((e, i) => {
		if (i === errors.length - 1) return e.message;
		for (const h of hints) if (e.message.endsWith(h)) return e.message.slice(0, -h.length);
		return e.message;
	});
	return { ...first, message: messages.join(" "), suggestions: errors.flatMap((e) => e.suggestions) };
}

/** "80GB", "96 GB", "(141 GB)", "98 GiB": a memory size written into a GPU's name. */
const SIZE_IN_NAME = /\(?\s*(\d{1,4}(?:\.\d{1,2})?)\s*(?:GB|GiB|G)\s*\)?(?![a-z0-9])/i;

/** Names without their memory sizes → the entries they name, per GPU index (built on first use). */
const sizeFree = new WeakMap<NameIndex<Gpu>, Map<string, Gpu[]>>();

function withoutSize(name: string): string {
	return normalizeName(name.replace(SIZE_IN_NAME, " "));
}

function sizeFreeIndex(index: NameIndex<Gpu>): Map<string, Gpu[]> {
	let m = sizeFree.get(index);
	if (m) return m;
	m = new Map();
	for (const g of index.all()) {
		for (const n of new Set([g.name, ...g.aliases].map(withoutSize))) {
			if (!n) continue;
			const list = m.get(n);
			if (!list) m.set(n, [g]);
			else if (!list.includes(g)) list.push(g);
		}
	}
	sizeFree.set(index, m);
	return m;
}

/** A size fits a card when it is its marketed GB or what the driver reports in GiB (a few percent either way). */
function sizeFits(g: Gpu, size: number): boolean {
	const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(2.5, b * 0.05);
	return near(size, g.memory.marketedGB) || near(size, g.memory.usableGiB);
}

/**
 * A GPU by name. Names people write often carry the memory size ("RTX PRO 6000 98GB", "H100 80 GB"): when the
 * name is not known as written, the size is read off, the rest resolved, and the size must agree with the card
 * (it picks between variants such as A100 40GB and 80GB, and a wrong size is an error, not a silent guess).
 */
export function resolveGpu(c: Catalog, name: string): Result<Gpu> {
	const hit = c.gpus.get(name);
	if (hit) return { ok: true, value: hit };
	const size = name.length <= 200 ? SIZE_IN_NAME.exec(name) : null;
	if (size) {
		const gb = Number(size[1]);
		const rest = withoutSize(name);
		const direct = c.gpus.get(rest);
		const candidates = [...new Set([...(direct ? [direct] : []), ...(sizeFreeIndex(c.gpus).get(rest) ?? [])])];
		const fitting = candidates.filter((g) => sizeFits(g, gb));
		// The card the name without its size names, if the size agrees; else the only variant with that size.
		const pick = direct && fitting.includes(direct) ? direct : fitting.length === 1 ? fitting[0] : undefined;
		if (pick) return { ok: true, value: pick };
		if (candidates.length > 0) {
			const shown = candidates.slice(0, 3);
			const sizes = shown.map((g) => `${g.memory.marketedGB} GB (${g.name})`).join(", ");
			const first = shown[0];
			const detail = fitting.length > 1
				? `${gb} GB fits several cards: ${sizes}.`
				: shown.length === 1 && first ? `${first.name} has ${first.memory.marketedGB} GB, not ${gb} GB.` : `Cards of that name have ${sizes}, not ${gb} GB.`;
			return { ok: false, error: unknownName(c, c.gpus, "unknown-gpu", "GPU", name, shown.map((g) => g.name), detail) };
		}
	}
	return { ok: false, error: unknownName(c, c.gpus, "unknown-gpu", "GPU", name) };
}

export const resolveModel = (c: Catalog, name: string) => lookup(c, c.models, "unknown-model", "model", name);
export const resolveFormat = (c: Catalog, name: string) => lookup(c, c.formats, "unknown-format", "format", name);
export function architectureOf(c: Catalog, gpu: Gpu): Architecture {
	const a = c.architectures.get(gpu.architecture);
	if (!a) throw new Error(`GPU ${gpu.id} has unknown architecture ${gpu.architecture}`);
	return a;
}
