/**
 * CLI glue for models that are not in the catalog: `--model hf:Org/Name` (fetched from the Hub, cached under
 * $GPUFIT_CACHE or ~/.cache/gpufit), `--model ./config.json` (a local file, with model.safetensors.index.json
 * beside it when present) and `--model ./model.gguf` (its header: architecture and exact tensor bytes). The parsing
 * itself is the estimator's (src/estimator/hf).
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { buildCatalog, type Catalog } from "../estimator/catalog";
import { configToModel, type HfImport } from "../estimator/hf/config-to-model";
import { ggufToConfig, parseGgufHeader } from "../estimator/hf/gguf-header";
import { importHfModel, parseHfReference, type HfCache, type HfFetcher } from "../estimator/hf/import";
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

const nodeFetcher: HfFetcher = async (url, range) => {
	const r = await fetch(url, { redirect: "follow", ...(range ? { headers: { Range: `bytes=${range[0]}-${range[1]}` } } : {}) });
	if (!range) return { status: r.status, text: await r.text() };
	return { status: r.status, text: "", bytes: new Uint8Array(await r.arrayBuffer()) };
};

function looksLikeFile(arg: string): boolean {
	return arg.endsWith(".json") || arg.endsWith(".gguf") || arg.startsWith("./") || arg.startsWith("../") || arg.startsWith("/");
}

/** A local GGUF: read only as much of the file as its header needs (token lists make it a few MB). */
function fromGguf(path: string): HfImport & { format?: string } {
	let fd: number;
	try {
		fd = openSync(resolve(path), "r");
	} catch (e) {
		return { issues: [`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`], ignored: [] };
	}
	try {
		const size = fstatSync(fd).size;
		let want = Math.min(size, 8 * 2 ** 20);
		for (;;) {
			const buf = new Uint8Array(want);
			const got = readSync(fd, buf, 0, want, 0);
			const parsed = parseGgufHeader(buf.subarray(0, got));
			if (parsed.ok) {
				const g = ggufToConfig(parsed.header);
				const r = configToModel({ config: g.config, safetensorsBytes: g.bytes, checkpointFormat: g.format, origin: path, readOn: new Date().toISOString().slice(0, 10) });
				return { ...r, issues: [...g.issues, ...r.issues], ...(g.format ? { format: g.format } : {}) };
			}
			if ("error" in parsed) return { issues: [`${path}: ${parsed.error}`], ignored: [] };
			if (want >= size || want >= 512 * 2 ** 20) return { issues: [`${path}: the GGUF header does not end within ${Math.round(want / 2 ** 20)} MiB`], ignored: [] };
			want = Math.min(size, Math.max(parsed.needBytes, want * 4));
		}
	} finally {
		closeSync(fd);
	}
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
export async function withImportedModel(arg: string, catalog: Catalog, io: Io): Promise<{ catalog: Catalog; name: string; ggufFormat?: string } | undefined> {
	const repo = parseHfReference(arg);
	if (!repo && !looksLikeFile(arg)) return { catalog, name: arg };
	const gguf = !repo && arg.toLowerCase().endsWith(".gguf");
	const result: HfImport & { format?: string } = repo
		? await importHfModel(repo, nodeFetcher, { cache: diskCache(), base: process.env.GPUFIT_HF_BASE })
		: gguf ? fromGguf(arg) : fromFile(arg);
	for (const issue of result.issues) io.stderr(`gpufit: ${repo ? `hf:${repo}` : arg}: ${issue}\n`);
	if (!result.model) return undefined;
	const { catalog: extended, issues } = buildCatalog({ models: [result.model] }, catalog);
	for (const i of issues) io.stderr(`gpufit: ${i.path}: ${i.message}\n`);
	return { catalog: extended, name: result.model.id, ...(gguf ? { ggufFormat: result.format ?? "" } : {}) };
}
