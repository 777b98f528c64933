/**
 * Hugging Face models named in blocks (`model: hf:Org/Name`): fetched once in the background, cached in the
 * plugin folder, and added to the effective catalog when they arrive. No `obsidian` import: core.ts injects
 * Obsidian's `requestUrl` (no CORS limits, works on mobile) and the vault adapter as the cache.
 */
import { buildCatalog, type Catalog } from "../estimator/catalog";
import { importHfModel, parseHfReference, type HfCache, type HfFetcher } from "../estimator/hf/import";
import type { Model } from "../estimator/schema";
import type { FitRequest, FitTable, Result } from "../estimator/types";

/** The part of Obsidian's DataAdapter the cache uses. */
export interface CacheAdapter {
	exists(path: string): Promise<boolean>;
	read(path: string): Promise<string>;
	write(path: string, data: string): Promise<void>;
	mkdir(path: string): Promise<void>;
}

type Entry = { state: "loading" } | { state: "ready"; model: Model } | { state: "failed"; message: string };

/** A cache of fetched Hub files under `<plugin folder>/hf-cache/`, one file per URL. */
export function adapterCache(adapter: CacheAdapter, folder: string): HfCache {
	const dir = `${folder}/hf-cache`;
	const file = (url: string) => `${dir}/${url.replace(/^https?:\/\/[^/]+\//, "").replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 180)}`;
	return {
		async get(url) {
			const f = file(url);
			return (await adapter.exists(f)) ? adapter.read(f) : undefined;
		},
		async set(url, value) {
			if (!(await adapter.exists(dir))) await adapter.mkdir(dir);
			await adapter.write(file(url), value);
		},
	};
}

export class HfModelStore {
	private readonly entries = new Map<string, Entry>();
	private generation = 0;
	private built: { base: Catalog; generation: number; catalog: Catalog } | undefined;

	constructor(private readonly fetcher: HfFetcher, private readonly cache: HfCache | undefined, private readonly onChange: () => void) {}

	/** Bumped when a model arrives or fails (blocks naming it re-render). */
	get version(): number {
		return this.generation;
	}

	/** Start fetching `hf:` names not seen yet; returns at once. */
	ensure(name: string): Entry | undefined {
		const repo = parseHfReference(name);
		if (!repo) return undefined;
		const known = this.entries.get(repo);
		if (known) return known;
		const loading: Entry = { state: "loading" };
		this.entries.set(repo, loading);
		void this.load(repo);
		return loading;
	}

	private async load(repo: string): Promise<void> {
		let entry: Entry;
		try {
			const r = await importHfModel(repo, this.fetcher, { cache: this.cache });
			entry = r.model ? { state: "ready", model: r.model } : { state: "failed", message: r.issues.join(" ") };
		} catch (e) {
			entry = { state: "failed", message: e instanceof Error ? e.message : String(e) };
		}
		this.entries.set(repo, entry);
		this.generation++;
		this.onChange();
	}

	/** The base catalog with every imported model added (rebuilt only when either changes). */
	catalog(base: Catalog): Catalog {
		if (this.generation === 0) return base;
		if (this.built?.base === base && this.built.generation === this.generation) return this.built.catalog;
		const models = [...this.entries.values()].flatMap((e) => (e.state === "ready" ? [e.model] : []));
		const catalog = models.length > 0 ? buildCatalog({ models }, base).catalog : base;
		this.built = { base, generation: this.generation, catalog };
		return catalog;
	}

	/** Wrap a fit computation: an `hf:` model not imported yet starts its fetch and says so instead of "unknown". */
	wrap(compute: (catalog: Catalog, request: FitRequest) => Result<FitTable>): (catalog: Catalog, request: FitRequest) => Result<FitTable> {
		return (catalog, request) => {
			const entry = this.ensure(request.model);
			if (!entry || entry.state === "ready") return compute(catalog, request);
			const message = entry.state === "loading"
				? `Reading ${request.model.trim()} from Hugging Face (config.json)… the table appears when it arrives.`
				: `${request.model.trim()}: ${entry.message}`;
			return { ok: false, error: { kind: "unknown-model", message, suggestions: [] } };
		};
	}
}
