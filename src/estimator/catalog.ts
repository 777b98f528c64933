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
import { NameIndex } from "./names";
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
}

/** Raw (unvalidated) catalog additions, e.g. parsed from a user's JSON/YAML file. */
export interface CatalogAdditions {
	gpus?: unknown[];
	models?: unknown[];
	formats?: unknown[];
	architectures?: unknown[];
}

export interface CatalogIssue {
	/** e.g. "gpus[2].memory.usableGiB" */
	path: string;
	message: string;
}

function validateAll<T>(what: string, schema: z.ZodMiniType<T>, items: readonly unknown[], issues: CatalogIssue[]): T[] {
	const out: T[] = [];
	items.forEach((item, i) => {
		const parsed = schema.safeParse(item);
		if (parsed.success) out.push(parsed.data);
		else {
			for (const issue of parsed.error.issues) {
				const where = [what + `[${i}]`, ...issue.path.map(String)].join(".");
				const id = typeof item === "object" && item !== null && "id" in item ? ` (${String((item).id)})` : "";
				issues.push({ path: where + id, message: describeIssue(issue) });
			}
		}
	});
	return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case "invalid_type": return `expected ${issue.expected}`;
		case "too_small": return `must be ${issue.inclusive ? "at least" : "greater than"} ${String(issue.minimum)}`;
		case "too_big": return `must be ${issue.inclusive ? "at most" : "less than"} ${String(issue.maximum)}`;
		case "invalid_value": return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
		case "invalid_format": return `has the wrong format (${issue.format})`;
		default: return issue.message;
	}
}

function crossCheck(gpus: Gpu[], models: Model[], formats: Format[], archs: Architecture[], issues: CatalogIssue[]): void {
	const archIds = new Set(archs.map((a) => a.id));
	const formatIds = new Set(formats.map((f) => f.id));
	for (const g of gpus) {
		if (!archIds.has(g.architecture)) issues.push({ path: `gpus.${g.id}.architecture`, message: `unknown architecture "${g.architecture}"` });
		if (g.memory.usableGiB > g.memory.marketedGB * 1.075) {
			issues.push({ path: `gpus.${g.id}.memory.usableGiB`, message: "usable GiB exceeds the marketed GB converted to GiB" });
		}
	}
	for (const m of models) {
		if (m.heads % m.kvHeads !== 0) issues.push({ path: `models.${m.id}.kvHeads`, message: "heads must be a multiple of KV heads" });
		if (m.moe && m.moe.expertsPerToken > m.moe.experts) issues.push({ path: `models.${m.id}.moe`, message: "more experts per token than experts" });
		if (m.shippedQuantization && !formatIds.has(m.shippedQuantization.format)) {
			issues.push({ path: `models.${m.id}.shippedQuantization`, message: `unknown format "${m.shippedQuantization.format}"` });
		}
	}
}

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
export function buildCatalog(additions: CatalogAdditions, base: Catalog | undefined): { catalog: Catalog; issues: CatalogIssue[] } {
	const issues: CatalogIssue[] = [];
	const merge = <T extends { id: string }>(baseList: T[], added: T[]): T[] => {
		const byId = new Map(baseList.map((e) => [e.id, e] as const));
		for (const e of added) byId.set(e.id, e);
		return [...byId.values()];
	};
	const archs = merge(base?.architectures.all() ?? [], validateAll("architectures", ArchitectureSchema, additions.architectures ?? [], issues));
	const formats = merge(base?.formats.all() ?? [], validateAll("formats", FormatSchema, additions.formats ?? [], issues));
	let gpus = merge(base?.gpus.all() ?? [], validateAll("gpus", GpuSchema, additions.gpus ?? [], issues));
	let models = merge(base?.models.all() ?? [], validateAll("models", ModelSchema, additions.models ?? [], issues));
	crossCheck(gpus, models, formats, archs, issues);
	const archIds = new Set(archs.map((a) => a.id));
	gpus = gpus.filter((g) => archIds.has(g.architecture));
	models = models.filter((m) => m.heads % m.kvHeads === 0);
	// On an alias clash keep the base index: drop the additions rather than lose the catalog.
	const make = <T extends { id: string; name: string; aliases: string[] }>(what: string, list: T[], fallback: NameIndex<T> | undefined): NameIndex<T> => {
		try {
			return new NameIndex(what, list);
		} catch (e) {
			issues.push({ path: what, message: e instanceof Error ? e.message : String(e) });
			return fallback ?? new NameIndex(what, []);
		}
	};
	const catalog: Catalog = {
		gpus: make("GPU", gpus, base?.gpus),
		models: make("model", models, base?.models),
		formats: make("format", formats, base?.formats),
		architectures: make("architecture", archs, base?.architectures),
		revision: (base?.revision ?? 0) + 1,
	};
	return { catalog, issues };
}

function lookup<T extends { name: string; id: string; aliases: readonly string[] }>(
	index: NameIndex<T>, kind: LookupError["kind"], label: string, name: string,
): Result<T> {
	const hit = index.get(name);
	if (hit) return { ok: true, value: hit };
	const suggestions = index.suggest(name);
	const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
	return { ok: false, error: { kind, message: `Unknown ${label} "${name}".${hint}`, suggestions } };
}

export const resolveGpu = (c: Catalog, name: string) => lookup(c.gpus, "unknown-gpu", "GPU", name);
export const resolveModel = (c: Catalog, name: string) => lookup(c.models, "unknown-model", "model", name);
export const resolveFormat = (c: Catalog, name: string) => lookup(c.formats, "unknown-format", "format", name);
export function architectureOf(c: Catalog, gpu: Gpu): Architecture {
	const a = c.architectures.get(gpu.architecture);
	if (!a) throw new Error(`GPU ${gpu.id} has unknown architecture ${gpu.architecture}`);
	return a;
}
