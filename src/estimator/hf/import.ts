/**
 * Fetching a Hugging Face model's files through an injected fetcher (Node's fetch in the CLI, Obsidian's
 * requestUrl in the plugin, a local test server in tests), with an optional cache. Pure orchestration: this file
 * never touches the network or the disk itself.
 */
import { configToModel, type HfImport } from "./config-to-model";

/** A GET returning status and body text; rejects only when the host cannot be reached. */
export type HfFetcher = (url: string) => Promise<{ status: number; text: string }>;

/** A text cache keyed by URL (the plugin keeps it in its folder, the CLI in ~/.cache/gpufit). */
export interface HfCache {
	get(key: string): Promise<string | undefined>;
	set(key: string, value: string): Promise<void>;
}

/** "hf:Org/Name" → "Org/Name" (or undefined when the text is not an hf: reference). */
export function parseHfReference(name: string): string | undefined {
	const m = /^\s*hf:\s*([A-Za-z0-9][\w.-]*\/[\w.-]+)\s*$/.exec(name);
	return m?.[1];
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
 * for the exact byte size when the checkpoint is sharded. Returns issues instead of throwing.
 */
export async function importHfModel(repo: string, fetcher: HfFetcher, options: { cache?: HfCache; base?: string; today?: string } = {}): Promise<HfImport> {
	const base = (options.base ?? HF_BASE).replace(/\/$/, "");
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
