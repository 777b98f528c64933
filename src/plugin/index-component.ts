/**
 * Keeps the vault index current: an initial pass after layout-ready (chunked so the UI never waits more than
 * a slice), then per-file metadata changes, renames and deletes. A warm-start cache keyed by path, mtime, size
 * and plugin version means a restart re-parses only changed notes. Progress and the note count go to the status bar.
 */
import { Component, TFile, debounce, type App, type Plugin } from "obsidian";
import type { Catalog } from "../estimator/catalog";
import { PARSED_NOTE_VERSION, VaultIndex, cachedNoteFrom, linkFieldsFrom, openShard, sealShard, type ParsedNote } from "../vault/index";
import type { GpuFitSettings } from "./settings";

/** Work per slice before yielding to the UI (the budget is 50 ms; stay well under). */
export const SLICE_MS = 12;

interface CacheEntry { mtime: number; size: number; note: ParsedNote }

/** A shard bigger than this is not read (its notes are parsed again): one JSON.parse of it would block the UI. */
const MAX_SHARD_CHARS = 16_000_000;

/** The warm-start cache is split by path hash so no single JSON.parse / stringify blocks the UI. */
export const CACHE_SHARDS = 128;

export function shardOf(path: string): number {
	let h = 2166136261;
	for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
	return (h >>> 0) % CACHE_SHARDS;
}
/** Cache entries by path: a Map, so no path (`__proto__` included) can reach an object's prototype. */
interface CacheFile { pluginVersion: string; entries: Map<string, CacheEntry> }

export interface IndexStats {
	files: number;
	parsed: number;
	fromCache: number;
	ms: number;
	maxSliceMs: number;
	slices: number;
	/** Longest single step spent reading / parsing the warm-start cache. */
	cacheLoadMaxMs: number;
	/** Cache entries that were not valid notes (parsed again instead). */
	cacheRejected: number;
	/** Notes that could not be indexed (an unexpected error; the rest of the vault is indexed). */
	failed: number;
}

const yieldToUi = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

export class IndexComponent extends Component {
	index: VaultIndex | undefined;
	stats: IndexStats | undefined;
	private statusEl: HTMLElement | undefined;
	private cache: CacheFile = { pluginVersion: "", entries: new Map() };
	private dirty = new Set<number>();
	private generation = 0;
	private alive = false;
	private readonly saveCacheSoon = debounce(() => void this.saveCache(), 2000, true);

	constructor(
		private readonly app: App,
		private readonly plugin: Plugin,
		private readonly settings: () => GpuFitSettings,
		private readonly catalog: () => Catalog,
		private readonly onChange: () => void,
	) {
		super();
	}

	override onload(): void {
		this.alive = true;
		this.register(() => {
			this.alive = false;
			this.generation++;
			this.saveCacheSoon.cancel();
		});
	}

	/** Cached notes are valid for one plugin version and one ParsedNote shape. */
	private get cacheVersion(): string {
		return `${this.plugin.manifest.version}/${PARSED_NOTE_VERSION}`;
	}

	private get cacheDir(): string {
		const dir = this.plugin.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.plugin.manifest.id}`;
		return `${dir}/index-cache`;
	}

	/** Index a note's text (the index's one way in), or report it and go on when that fails unexpectedly. */
	private indexText(index: VaultIndex, path: string, text: string): ParsedNote | undefined {
		try {
			return index.upsert(path, text);
		} catch (e) {
			console.warn(`GPU Fit: could not index ${path}`, e);
			return undefined;
		}
	}

	/** Start following the vault (after layout-ready). */
	start(): void {
		if (!this.alive || this.statusEl) return;
		this.statusEl = this.plugin.addStatusBarItem();
		this.statusEl.addClass("gpufit-status");
		// Only while a pass runs: afterwards every event is simply newer than the pass, and the set would only grow.
		const touched = (path: string) => { if (this.passRunning) this.touchedDuringPass.add(path); };
		this.registerEvent(this.app.metadataCache.on("changed", (file, data) => {
			if (file.extension !== "md" || !this.index) return;
			touched(file.path);
			const note = this.indexText(this.index, file.path, data);
			if (note) this.remember(file, note);
			this.changed();
		}));
		this.registerEvent(this.app.vault.on("rename", (file, oldPath) => {
			if (!(file instanceof TFile) || !this.index) return;
			// A note the running pass has not reached yet is read by the pass under its new path (the file object
			// it holds is renamed in place): only a note the index already holds is moved here.
			if (this.index.parsed(oldPath) !== undefined) touched(file.path);
			touched(oldPath);
			this.index.rename(oldPath, file.path);
			const entry = this.cache.entries.get(oldPath);
			this.cache.entries.delete(oldPath);
			this.dirty.add(shardOf(oldPath));
			// Cache what the index now holds for the new path: a title taken from the file name changed with it.
			const moved = this.index.parsed(file.path);
			if (entry && moved && file.extension === "md") {
				this.cache.entries.set(file.path, { ...entry, note: moved });
				this.dirty.add(shardOf(file.path));
			}
			this.changed();
		}));
		this.registerEvent(this.app.vault.on("delete", (file) => {
			if (!this.index) return;
			touched(file.path);
			this.index.remove(file.path);
			this.cache.entries.delete(file.path);
			this.dirty.add(shardOf(file.path));
			this.changed();
		}));
		void this.rebuild();
	}

	/** Paths edited while a pass runs (their events are newer than what the pass reads); emptied when it ends. */
	private touchedDuringPass = new Set<string>();
	private passRunning = false;

	private changed(): void {
		this.showCount();
		if (this.settings().warmStartCache) this.saveCacheSoon();
		this.onChange();
	}

	private remember(file: TFile, note: ParsedNote): void {
		this.cache.entries.set(file.path, { mtime: file.stat.mtime, size: file.stat.size, note });
		this.dirty.add(shardOf(file.path));
	}

	/**
	 * Read the cache shards (each small, so no parse blocks the UI). Entries are kept as read, unchecked: each is
	 * validated when (and if) the pass uses it. Returns the longest single parse step, in ms.
	 */
	private async loadCache(): Promise<number> {
		this.cache = { pluginVersion: this.cacheVersion, entries: new Map() };
		this.dirty = new Set();
		this.rawCache = new Map();
		let longest = 0;
		if (!this.settings().warmStartCache) return 0;
		for (let shard = 0; shard < CACHE_SHARDS; shard++) {
			try {
				const path = this.shardPath(shard);
				if (!(await this.app.vault.adapter.exists(path))) continue;
				const text = await this.app.vault.adapter.read(path);
				if (text.length > MAX_SHARD_CHARS) { this.dirty.add(shard); continue; }
				const t0 = performance.now();
				const opened = openShard(text, this.cacheVersion);
				if (opened) {
					for (const [p, e] of opened.entries) this.rawCache.set(p, { entry: e, sealed: opened.sealed });
					// A shard that fails its seal is checked entry by entry, then written again sealed.
					if (!opened.sealed) this.dirty.add(shard);
				} else {
					this.dirty.add(shard);
				}
				longest = Math.max(longest, performance.now() - t0);
			} catch (e) {
				this.dirty.add(shard);
				console.warn("GPU Fit: ignoring an unreadable index cache shard", e);
			}
		}
		return longest;
	}

	/** Cache entries as read from disk, by path, before validation (see cachedNote), and whether their shard was sealed. */
	private rawCache = new Map<string, { entry: unknown; sealed: boolean }>();

	/** The cached note of a file when its entry is valid and matches the file's mtime and size. */
	private cachedNote(file: TFile, stats: IndexStats): CacheEntry | undefined {
		const cached = this.rawCache.get(file.path);
		if (cached === undefined) return undefined;
		const raw = cached.entry;
		if (!isObject(raw) || raw.mtime !== file.stat.mtime || raw.size !== file.stat.size) return undefined;
		const note = cachedNoteFrom(raw.note, file.path, cached.sealed);
		if (note === undefined) { stats.cacheRejected++; return undefined; }
		return { mtime: file.stat.mtime, size: file.stat.size, note };
	}

	/** Write the shards that changed since the last save. */
	async saveCache(): Promise<void> {
		if (!this.settings().warmStartCache) return;
		const dirty = [...this.dirty];
		this.dirty = new Set();
		const byShard = new Map<number, [string, CacheEntry][]>(dirty.map((d) => [d, []]));
		for (const [path, entry] of this.cache.entries) byShard.get(shardOf(path))?.push([path, entry]);
		let sliceStart = performance.now();
		for (const [shard, entries] of byShard) {
			// Serializing and sealing 128 shards in one go would block the page on a large vault: yield between slices.
			if (performance.now() - sliceStart >= SLICE_MS) {
				await yieldToUi();
				sliceStart = performance.now();
			}
			try {
				// Object.fromEntries defines own properties: a "__proto__" path is written as a key like any other.
				await this.app.vault.adapter.write(this.shardPath(shard), sealShard(this.cache.pluginVersion, Object.fromEntries(entries)));
			} catch (e) {
				console.warn("GPU Fit: could not save the index cache", e);
			}
		}
	}

	private shardPath(shard: number): string {
		return `${this.cacheDir}/${shard}.json`;
	}

	/** (Re)build from scratch: settings that change parsing (index tag, feedback fields) call this too. */
	async rebuild(): Promise<void> {
		const gen = ++this.generation;
		const t0 = performance.now();
		const settings = this.settings();
		// An empty index tag means the default: every note that carries a series tag.
		const index = new VaultIndex({ catalog: this.catalog(), linkFields: linkFieldsFrom(settings.feedbackFields), indexTag: settings.indexTag || undefined, seriesNotesOnly: true });
		this.index = index;
		this.touchedDuringPass = new Set();
		this.passRunning = true;
		const cacheLoadMaxMs = await this.loadCache();
		if (gen !== this.generation) return;
		const files = this.app.vault.getMarkdownFiles();
		const stats: IndexStats = { files: files.length, parsed: 0, fromCache: 0, ms: 0, maxSliceMs: 0, slices: 0, cacheLoadMaxMs, cacheRejected: 0, failed: 0 };
		const fresh = new Map<string, CacheEntry>();
		let sliceStart = performance.now();
		// The whole pass is one index batch: each note's edges are computed once, when every name is known.
		index.beginBatch();
		for (const [i, file] of files.entries()) {
			if (!this.touchedDuringPass.has(file.path)) {
				const hit = this.cachedNote(file, stats);
				if (hit) {
					index.upsertParsed(hit.note);
					fresh.set(file.path, hit);
					stats.fromCache++;
				} else {
					this.dirty.add(shardOf(file.path));
					const text = await this.readFile(file);
					if (gen !== this.generation) return;
					if (!this.touchedDuringPass.has(file.path)) {
						const note = text === undefined ? undefined : this.indexText(index, file.path, text);
						if (note) {
							fresh.set(file.path, { mtime: file.stat.mtime, size: file.stat.size, note });
							stats.parsed++;
						} else {
							stats.failed++;
						}
					}
				}
			}
			const now = performance.now();
			if (now - sliceStart >= SLICE_MS) {
				stats.maxSliceMs = Math.max(stats.maxSliceMs, now - sliceStart);
				stats.slices++;
				this.showProgress(i + 1, files.length);
				await yieldToUi();
				if (gen !== this.generation) return;
				sliceStart = performance.now();
			}
		}
		// Closing the batch computes the edges, in slices too.
		while (!index.endBatch(() => performance.now() - sliceStart >= SLICE_MS)) {
			stats.maxSliceMs = Math.max(stats.maxSliceMs, performance.now() - sliceStart);
			stats.slices++;
			await yieldToUi();
			if (gen !== this.generation) return;
			sliceStart = performance.now();
		}
		stats.maxSliceMs = Math.max(stats.maxSliceMs, performance.now() - sliceStart);
		stats.slices++;
		// Entries written by events during the pass are newer than what the pass saw.
		for (const p of this.touchedDuringPass) { const e = this.cache.entries.get(p); if (e) fresh.set(p, e); }
		this.touchedDuringPass = new Set();
		this.passRunning = false;
		// Shards that lost entries (deleted files) must be rewritten too.
		for (const p of this.rawCache.keys()) if (!fresh.has(p)) this.dirty.add(shardOf(p));
		this.rawCache = new Map();
		this.cache.entries = fresh;
		// Notes cached under another catalog vocabulary: read again.
		for (const path of index.staleNotes()) {
			const file = this.app.vault.getFileByPath(path);
			if (!file) continue;
			const text = await this.readFile(file);
			if (gen !== this.generation) return;
			const note = text === undefined ? undefined : this.indexText(index, path, text);
			if (note) this.remember(file, note);
		}
		stats.ms = performance.now() - t0;
		this.stats = stats;
		this.changed();
	}

	/** A note's text, or undefined (reported) when it cannot be read: a vanished or unreadable file costs only itself. */
	private async readFile(file: TFile): Promise<string | undefined> {
		try {
			return await this.app.vault.cachedRead(file);
		} catch (e) {
			console.warn(`GPU Fit: could not read ${file.path}`, e);
			return undefined;
		}
	}

	/** The catalog changed: concepts are re-derived. */
	setCatalog(catalog: Catalog): void {
		if (!this.index) return;
		this.index.setCatalog(catalog);
		this.changed();
	}

	private showProgress(done: number, total: number): void {
		this.statusEl?.setText(`GPU Fit: indexing ${done.toLocaleString()}/${total.toLocaleString()}`);
	}

	private showCount(): void {
		if (!this.statusEl || !this.index) return;
		const n = this.index.noteCount;
		this.statusEl.setText(`GPU Fit: ${n.toLocaleString()} note${n === 1 ? "" : "s"}`);
	}
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === "object" && v !== null && !Array.isArray(v);
}
