/**
 * CLI glue for models that are not in the catalog: `--model hf:Org/Name` (fetched from the Hub, cached under
 * $GPUFIT_CACHE or ~/.cache/gpufit) and `--model ./config.json` (a local file, with model.safetensors.index.json
 * beside it when present). The parsing itself is the estimator's (src/estimator/hf).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { buildCatalog, type Catalog } from "../estimator/catalog";
import { configToModel, type HfImport } from "../estimator/hf/config-to-model";
import { importHfModel, parseHfReference, type HfCache } from "../estimator/hf/import";
import type { Io } from "./io";

function diskCache(): HfCache {
	const dir = join(process.env.GPUFIT_CACHE ?? join(homedir(), ".cache", "gpufit"), "hf");
	const file = (key: string) => join(dir, createHash("sha256").update(key).digest("hex").slice(0, 32) + ".txt");
	return {
		get: (key) => Promise.resolve(existsSync(file(key)) ? readFileSync(file(key), "utf8") : undefined),
		set: (key, value) => {
			try {
				mkdirSync(dir, { recursive: true });
				writeFileSync(file(key), value);
			} catch {
				// A read-only home only loses the cache.
			}
			return Promise.resolve();
		},
	};
}

const nodeFetcher = async (url: string) => {
	const r = await fetch(url, { redirect: "follow" });
	return { status: r.status, text: await r.text() };
};

function looksLikeFile(arg: string): boolean {
	return arg.endsWith(".json") || arg.startsWith("./") || arg.startsWith("../") || arg.startsWith("/");
}

function fromFile(path: string): HfImport {
	const full = resolve(path);
	let config: unknown;
	try {
		config = JSON.parse(readFileSync(full, "utf8"));
	} catch (e) {
		return { issues: [`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`], ignored: [] };
	}
	let safetensorsBytes: number | undefined;
	const index = join(dirname(full), "model.safetensors.index.json");
	if (existsSync(index)) {
		try {
			const total = (JSON.parse(readFileSync(index, "utf8")) as { metadata?: { total_size?: unknown } }).metadata?.total_size;
			if (typeof total === "number") safetensorsBytes = total;
		} catch {
			// the arithmetic still applies
		}
	}
	return configToModel({ config, safetensorsBytes, origin: path, readOn: new Date().toISOString().slice(0, 10) });
}

/**
 * If `arg` names an hf: model or a config.json, import it into the catalog and return the catalog and the name to
 * resolve; otherwise return the inputs unchanged. Undefined (after printing why) when the import failed.
 */
export async function withImportedModel(arg: string, catalog: Catalog, io: Io): Promise<{ catalog: Catalog; name: string } | undefined> {
	const repo = parseHfReference(arg);
	if (!repo && !looksLikeFile(arg)) return { catalog, name: arg };
	const result = repo
		? await importHfModel(repo, nodeFetcher, { cache: diskCache(), base: process.env.GPUFIT_HF_BASE })
		: fromFile(arg);
	for (const issue of result.issues) io.stderr(`gpufit: ${repo ? `hf:${repo}` : arg}: ${issue}\n`);
	if (!result.model) return undefined;
	const { catalog: extended, issues } = buildCatalog({ models: [result.model] }, catalog);
	for (const i of issues) io.stderr(`gpufit: ${i.path}: ${i.message}\n`);
	return { catalog: extended, name: result.model.id };
}
