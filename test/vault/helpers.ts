/** Shared test helpers: the fixture vault, the seed note, catalog ids looked up by name (robust to catalog growth). */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { loadCatalog } from "../../src/estimator/catalog";
import type { Graph } from "../../src/vault/types";

export const FIXTURE_VAULT = join(__dirname, "../fixtures/vault");
const SEED_FILE = "shared/seeds/000_f11af12f92edfbfa.txt";
/**
 * The seed note sits in `shared/` beside the checkout; it is looked up from this folder upwards, so a copy of the
 * tree in a subfolder (Stryker's sandbox) finds it too.
 */
export const SEED_NOTE = findUpwards(join(__dirname, "../.."), SEED_FILE) ?? join(__dirname, "../../..", SEED_FILE);

function findUpwards(from: string, file: string): string | undefined {
	for (let dir = from; ; dir = dirname(dir)) {
		if (existsSync(join(dir, file))) return join(dir, file);
		if (dirname(dir) === dir) return undefined;
	}
}

/** Under CI the seed is part of the checkout: a missing seed is a failure there, never a silent skip. */
export const seedRequired = (env: NodeJS.ProcessEnv = process.env): boolean => env.CI === "true" || env.CI === "1";

/**
 * The seed note's text; undefined where it is absent (a checkout without `shared/`), and tests then skip. With
 * CI=true a missing seed throws, so every test that reads it fails.
 */
export function seedText(path: string = SEED_NOTE, env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (existsSync(path)) return readFileSync(path, "utf8");
	if (seedRequired(env)) throw new Error(`The seed note is missing (${path}); under CI=true it must be present.`);
	return undefined;
}

/** The fixture vault's notes (hidden folders skipped), path → text. */
export function fixtureNotes(): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (dir: string): void => {
		for (const name of readdirSync(dir).sort()) {
			if (name.startsWith(".")) continue;
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith(".md")) out.set(relative(FIXTURE_VAULT, full).split(sep).join("/"), readFileSync(full, "utf8"));
		}
	};
	walk(FIXTURE_VAULT);
	return out;
}

export function fixtureNote(path: string): string {
	const text = fixtureNotes().get(path);
	if (text === undefined) throw new Error(`no fixture ${path}`);
	return text;
}

const catalog = () => loadCatalog();
/** Concept node ids of catalog entries, by a name we know the catalog has. */
export const gpuId = (name: string): string => `gpu:${must(catalog().gpus.get(name), name).id}`;
export const modelId = (name: string): string => `model:${must(catalog().models.get(name), name).id}`;
export const formatId = (name: string): string => `format:${must(catalog().formats.get(name), name).id}`;
export const archIdOfGpu = (name: string): string => `arch:${must(catalog().gpus.get(name), name).architecture}`;

function must<T>(v: T | undefined, name: string): T {
	if (v === undefined) throw new Error(`catalog has no ${name}`);
	return v;
}

/** A graph in a canonical order, for equality checks. */
export function canonical(g: Graph): Graph {
	return {
		nodes: [...g.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
		edges: [...g.edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
	};
}
