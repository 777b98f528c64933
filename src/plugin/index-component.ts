/**
 * Keeps the vault index current: an initial pass after layout-ready (chunked so the UI never waits more than
 * a slice), then per-file metadata changes, renames and deletes. A warm-start cache keyed by path, mtime, size
 * and plugin version means a restart re-parses only changed notes. Progress and the note count go to the status bar.
 */
import { Component, TFile, debounce, type App, type Plugin } from "obsidian";
import type { Catalog } from "../estimator/catalog";
import { PARSED_NOTE_VERSION, VaultIndex, parseNote, type ParsedNote } from "../vault/index";
import type { GpuFitSettings } from "./settings";

/** Work per slice before yielding to the UI (the budget is 50 ms; stay well under). */
export const SLICE_MS = 12;

interface CacheEntry { mtime: number; size: number; note: ParsedNote }

/** The warm-start cache is split by path hash so no single JSON.parse / stringify blocks the UI. */
export const CACHE_SHARDS = 128;

export function shardOf(path: string): number {
	let h = 2166136261;
	for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
	return (h >>> 0) % CACHE_SHARDS;
}
interface CacheFile { pluginVersion: string; entries: Record<string, CacheEntry> }

export interface IndexStats {
	files: number;
	parsed: number;
	fromCache: number;
	ms: number;
	maxSliceMs: number;
	slices: number;
	/** Longest single step spent reading / parsing the warm-start cache. */
	cacheLoadMaxMs: number;
}

const yieldToUi = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

export class IndexComponent extends Component {
	index: VaultIndex | undefined;
	stats: IndexStats | undefined;
	private statusEl: HTMLElement | undefined;
	private cache: CacheFile = { pluginVersion: "", entries: {} };
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

	private parse(path: string, text: string): ParsedNote {
		return parseNote(path, text, { catalog: this.catalog(), feedbackFields: this.settings().feedbackFields });
	}

	/** Start following the vault (after layout-ready). */
	start(): void {
		if (!this.alive || this.statusEl) return;
		this.statusEl = this.plugin.addStatusBarItem();
		this.statusEl.addClass("gpufit-status");
		const touched = (path: string) => this.touchedDuringPass.add(path);
		this.registerEvent(this.app.metadataCache.on("changed", (file, data) => {
			if (file.extension !== "md" || !this.index) return;
			touched(file.path);
			const note = this.parse(file.path, data);
			this.index.upsertParsed(note);
			this.remember(file, note);
			this.changed();
		}));
		this.registerEvent(this.app.vault.on("rename", (file, oldPath) => {
			if (!(file instanceof TFile) || !this.index) return;
			touched(file.path);
			touched(oldPath);
			this.index.rename(oldPath, file.path);
			const entry = this.cache.entries[oldPath];
			delete this.cache.entries[oldPath];
			this.dirty.add(shardOf(oldPath));
			// Cache what the index now holds for the new path: a title taken from the file name changed with it.
			const moved = this.index.parsed(file.path);
			if (entry && moved && file.extension === "md") {
				this.cache.entries[file.path] = { ...entry, note: moved };
				this.dirty.add(shardOf(file.path));
			}
			this.changed();
		}));
		this.registerEvent(this.app.vault.on("delete", (file) => {
			if (!this.index) return;
			touched(file.path);
			this.index.remove(file.path);
			delete this.cache.entries[file.path];
			this.dirty.add(shardOf(file.path));
			this.changed();
		}));
		void this.rebuild();
	}

	private touchedDuringPass = new Set<string>();

	private changed(): void {
		this.showCount();
		if (this.settings().warmStartCache) this.saveCacheSoon();
		this.onChange();
	}

	private remember(file: TFile, note: ParsedNote): void {
		this.cache.entries[file.path] = { mtime: file.stat.mtime, size: file.stat.size, note };
		this.dirty.add(shardOf(file.path));
	}

	/** Returns the longest single parse step, in ms (each shard is small so none blocks the UI). */
	private async loadCache(): Promise<number> {
		this.cache = { pluginVersion: this.cacheVersion, entries: {} };
		this.dirty = new Set();
		let longest = 0;
		if (!this.settings().warmStartCache) return 0;
		for (let shard = 0; shard < CACHE_SHARDS; shard++) {
			try {
				const path = this.shardPath(shard);
				if (!(await this.app.vault.adapter.exists(path))) continue;
				const text = await this.app.vault.adapter.read(path);
				const t0 = performance.now();
				const raw = JSON.parse(text) as Partial<CacheFile>;
				if (raw.pluginVersion === this.cacheVersion && raw.entries && typeof raw.entries === "object") {
					Object.assign(this.cache.entries, raw.entries);
				}
				longest = Math.max(longest, performance.now() - t0);
			} catch (e) {
				console.warn("GPU Fit: ignoring an unreadable index cache shard", e);
			}
		}
		return longest;
	}

	/** Write the shards that changed since the last save. */
	async saveCache(): Promise<void> {
		if (!this.settings().warmStartCache) return;
		const dirty = [...this.dirty];
		this.dirty = new Set();
		const byShard = new Map<number, Record<string, CacheEntry>>(dirty.map((d) => [d, {}]));
		for (const [path, entry] of Object.entries(this.cache.entries)) {
			const bucket = byShard.get(shardOf(path));
			if (bucket) bucket[path] = entry;
		}
		for (const [shard, entries] of byShard) {
			try {
				await this.app.vault.adapter.write(this.shardPath(shard), JSON.stringify({ pluginVersion: this.cache.pluginVersion, entries }));
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
		const index = new VaultIndex({ catalog: this.catalog(), feedbackFields: settings.feedbackFields, indexTag: settings.indexTag || undefined, seriesNotesOnly: true });
		this.index = index;
		this.touchedDuringPass = new Set();
		const cacheLoadMaxMs = await this.loadCache();
		if (gen !== this.generation) return;
		const files = this.app.vault.getMarkdownFiles();
		const stats: IndexStats = { files: files.length, parsed: 0, fromCache: 0, ms: 0, maxSliceMs: 0, slices: 0, cacheLoadMaxMs };
		const fresh: Record<string, CacheEntry> = {};
		let sliceStart = performance.now();
		// The whole pass is one index batch: each note's edges are computed once, when every name is known.
		index.beginBatch();
		for (const [i, file] of files.entries()) {
			if (!this.touchedDuringPass.has(file.path)) {
				const hit = this.cache.entries[file.path];
				if (hit && hit.mtime === file.stat.mtime && hit.size === file.stat.size) {
					index.upsertParsed(hit.note);
					fresh[file.path] = hit;
					stats.fromCache++;
				} else {
					this.dirty.add(shardOf(file.path));
					const text = await this.app.vault.cachedRead(file);
					if (gen !== this.generation) return;
					if (!this.touchedDuringPass.has(file.path)) {
						const note = this.parse(file.path, text);
						index.upsertParsed(note);
						fresh[file.path] = { mtime: file.stat.mtime, size: file.stat.size, note };
						stats.parsed++;
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
		for (const p of this.touchedDuringPass) if (this.cache.entries[p]) fresh[p] = this.cache.entries[p];
		// Shards that lost entries (deleted files) must be rewritten too.
		for (const p of Object.keys(this.cache.entries)) if (!fresh[p]) this.dirty.add(shardOf(p));
		this.cache.entries = fresh;
		// Notes cached under another catalog vocabulary: read again.
		for (const path of index.staleNotes()) {
			const file = this.app.vault.getFileByPath(path);
			if (!file) continue;
			const note = this.parse(path, await this.app.vault.cachedRead(file));
			if (gen !== this.generation) return;
			index.upsertParsed(note);
			this.remember(file, note);
		}
		stats.ms = performance.now() - t0;
		this.stats = stats;
		this.changed();
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
		const n = this.index.notePaths().length;
		this.statusEl.setText(`GPU Fit: ${n.toLocaleString()} note${n === 1 ? "" : "s"}`);
	}
}
