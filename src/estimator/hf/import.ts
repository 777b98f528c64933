/**
 * Fetching a Hugging Face model's files through an injected fetcher (Node's fetch in the CLI, Obsidian's
 * requestUrl in the plugin, a local test server in tests), with an optional cache. Pure orchestration: this file
 * never touches the network or the disk itself.
 */
import { configToModel, type HfImport } from "./config-to-model";
import { ggufToConfig, parseGgufHeader } from "./gguf-header";

/**
 * A GET returning status and body text (and the raw bytes when asked for a byte range); rejects only when the host
 * cannot be reached. `range` is inclusive, as in an HTTP Range header.
 */
export type HfFetcher = (url: string, range?: [number, number]) => Promise<{ status: number; text: string; bytes?: Uint8Array }>;

/** A text cache keyed by URL (the plugin keeps it in its folder, the CLI in ~/.cache/gpufit). */
export interface HfCache {
	get(key: string): Promise<string | undefined>;
	set(key: string, value: string): Promise<void>;
}

/**
 * "hf:Org/Name" → "Org/Name", "hf:Org/Name/dir/file.gguf" → "Org/Name/dir/file.gguf" (undefined when the text is
 * not an hf: reference). Path segments may not be "." or "..".
 */
export function parseHfReference(name: string): string | undefined {
	const m = /^\s*hf:\s*([A-Za-z0-9][\w.-]*\/[\w.-]+(?:\/[\w.-]+)*\.gguf|[A-Za-z0-9][\w.-]*\/[\w.-]+)\s*$/.exec(name);
	const ref = m?.[1];
	if (!ref || ref.split("/").some((p) => p === "." || p === "..")) return undefined;
	return ref;
}

/** Bytes of a GGUF header fetched per round, growing until the header ends (token lists run to a few MB). */
const GGUF_FIRST_RANGE = 8 * 2 ** 20;
const GGUF_MAX_HEADER = 256 * 2 ** 20;

/** A GGUF file on the Hub, read from its header by ranged GETs; the parsed result is cached as config JSON. */
async function importHfGguf(ref: string, fetcher: HfFetcher, base: string, cache: HfCache | undefined, today: string): Promise<HfImport> {
	const [org, name, ...path] = ref.split("/");
	const repo = `${org ?? ""}/${name ?? ""}`;
	const url = `${base}/${repo}/resolve/main/${path.join("/")}`;
	const key = `${url}#gguf-header`;
	let cached: { config: Record<string, unknown>; bytes: number; format?: string; issues: string[] } | undefined;
	const hit = await cache?.get(key);
	if (hit !== undefined) {
		try {
			cached = JSON.parse(hit) as typeof cached;
		} catch {
			cached = undefined;
		}
	}
	if (!cached) {
		let want = GGUF_FIRST_RANGE;
		for (;;) {
			let r: Awaited<ReturnType<HfFetcher>>;
			try {
				r = await fetcher(url, [0, want - 1]);
			} catch (e) {
				return { issues: [`Cannot reach ${base} to read ${ref} (${e instanceof Error ? e.message : String(e)}). Connect once to import the model; it is cached afterwards.`], ignored: [] };
			}
			if (r.status === 401 || r.status === 403) return { issues: [`${repo} is gated or private (HTTP ${r.status}): accept its licence on huggingface.co, or download the file.`], ignored: [] };
			if (r.status !== 200 && r.status !== 206) return { issues: [`No file ${path.join("/")} in ${repo} (HTTP ${r.status}). Check the repository and file name.`], ignored: [] };
			const parsed = parseGgufHeader(r.bytes ?? new TextEncoder().encode(r.text));
			if (parsed.ok) {
				const g = ggufToConfig(parsed.header);
				cached = { config: g.config, bytes: g.bytes, issues: g.issues, ...(g.format ? { format: g.format } : {}) };
				await cache?.set(key, JSON.stringify(cached));
				break;
			}
			if ("error" in parsed) return { issues: [`${ref}: ${parsed.error}`], ignored: [] };
			// A server that ignores Range sends the whole file: nothing more to ask for.
			if (want >= GGUF_MAX_HEADER || (r.status === 200 && (r.bytes?.byteLength ?? 0) < want)) return { issues: [`${ref}: the GGUF header does not end within the first ${Math.round(want / 2 ** 20)} MiB.`], ignored: [] };
			want = Math.min(GGUF_MAX_HEADER, Math.max(parsed.needBytes + 2 ** 20, want * 4));
		}
	}
	const r = configToModel({ config: cached.config, safetensorsBytes: cached.bytes, checkpointFormat: cached.format, origin: ref, readOn: today });
	return { ...r, issues: [...cached.issues, ...r.issues] };
}

export const HF_BASE = "https://huggingface.co";

async function getText(url: string, fetcher: HfFetcher, cache: HfCache | undefined): Promise<{ status: number; text: string } | { offline: string }> {
	const cached = await cache?.get(url);
	if (cached !== undefined) return { status: 200, text: cached };
	try {
		const r = await fetcher(url);
		if (r.status === 200) await cache?.set(url, r.text);
		return r;
	} catch (e) {
		return { offline: e instanceof Error ? e.message : String(e) };
	}
}

/**
 * Import `repo` (Org/Name) from `base` (huggingface.co, or a test server): config.json, then the safetensors index
 * for the exact byte size when the checkpoint is sharded; or, for Org/Name/file.gguf, that file's header through
 * ranged GETs. Returns issues instead of throwing.
 */
export async function importHfModel(repo: string, fetcher: HfFetcher, options: { cache?: HfCache; base?: string; today?: string } = {}): Promise<HfImport> {
	const base = (options.base ?? HF_BASE).replace(/\/$/, "");
	if (repo.toLowerCase().endsWith(".gguf")) return importHfGguf(repo, fetcher, base, options.cache, options.today ?? new Date().toISOString().slice(0, 10));
	const configUrl = `${base}/${repo}/resolve/main/config.json`;
	const config = await getText(configUrl, fetcher, options.cache);
	if ("offline" in config) {
		return { issues: [`Cannot reach ${base} to read ${repo}/config.json (${config.offline}). Connect once to import the model; it is cached afterwards.`], ignored: [] };
	}
	if (config.status === 401 || config.status === 403) return { issues: [`${repo} is gated or private (HTTP ${config.status}): accept its licence on huggingface.co, or pass a local config.json.`], ignored: [] };
	if (config.status !== 200) return { issues: [`No config.json for ${repo} (HTTP ${config.status}). Check the repository name.`], ignored: [] };
	let parsed: unknown;
	try {
		parsed = JSON.parse(config.text);
	} catch {
		return { issues: [`${repo}/config.json is not valid JSON.`], ignored: [] };
	}
	let safetensorsBytes: number | undefined;
	const index = await getText(`${base}/${repo}/resolve/main/model.safetensors.index.json`, fetcher, options.cache);
	if (!("offline" in index) && index.status === 200) {
		try {
			const total = (JSON.parse(index.text) as { metadata?: { total_size?: unknown } }).metadata?.total_size;
			if (typeof total === "number" && total > 0) safetensorsBytes = total;
		} catch {
			// A broken index only loses the exact size; the arithmetic still applies.
		}
	}
	return configToModel({ config: parsed, safetensorsBytes, origin: repo, readOn: options.today ?? new Date().toISOString().slice(0, 10) });
}
