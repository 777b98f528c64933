/**
 * The plugin's state and wiring, kept out of main.ts: settings, the catalog, the index, the refresh bus.
 * A Component child of the plugin, so everything it registers goes away when the plugin is disabled.
 */
import { Component, debounce, requestUrl, type Plugin } from "obsidian";
import { localToday, type NoteFacts } from "../estimator/advice/index";
import type { Catalog } from "../estimator/catalog";
import { computeFitTable } from "../estimator/fit";
import { indexedNoteFacts } from "./advice/note-facts";
import type { BlockHost } from "./block-child";
import { CatalogSource } from "./catalog-source";
import type { ComputeFit } from "./compute";
import { GpuFitEvents, type RefreshReason } from "./events";
import { adapterCache, HfModelStore } from "./hf-store";
import { IndexComponent } from "./index-component";
import { RenderQueue } from "./render-queue";
import type { SettingsHost } from "./settings-tab";
import type { GpuFitSettings } from "./settings";

/** How long live blocks wait after the last change before refreshing. */
export const REFRESH_DELAY_MS = 300;

export class GpuFitCore extends Component implements BlockHost, SettingsHost {
	readonly events = new GpuFitEvents();
	/** `hf:Org/Name` models named in blocks, fetched with requestUrl and cached in the plugin folder. */
	readonly hf: HfModelStore;
	readonly compute: ComputeFit;
	readonly renders = new RenderQueue();
	readonly catalogs: CatalogSource;
	readonly index: IndexComponent;
	private pending: RefreshReason = { settings: false, catalog: false, index: false };
	private readonly fireRefresh = debounce(() => {
		const reason = this.pending;
		this.pending = { settings: false, catalog: false, index: false };
		this.events.trigger("refresh", reason);
	}, REFRESH_DELAY_MS, true);
	private started = false;
	private alive = false;

	constructor(private readonly plugin: Plugin, public settings: GpuFitSettings) {
		super();
		this.hf = new HfModelStore(
			async (url, range) => {
				if (!range) {
					const r = await requestUrl({ url, throw: false });
					return { status: r.status, text: r.text };
				}
				// GGUF headers: a byte range of the file, read as bytes.
				const r = await requestUrl({ url, throw: false, headers: { Range: `bytes=${range[0]}-${range[1]}` } });
				return { status: r.status, text: "", bytes: new Uint8Array(r.arrayBuffer) };
			},
			adapterCache(plugin.app.vault.adapter, plugin.manifest.dir ?? `${plugin.app.vault.configDir}/plugins/${plugin.manifest.id}`),
			() => this.requestRefresh("catalog"),
		);
		this.compute = this.hf.wrap(computeFitTable);
		this.catalogs = this.addChild(new CatalogSource(plugin.app, () => this.settings.userCatalogFolder, () => {
			this.index.setCatalog(this.catalogs.catalog);
			this.requestRefresh("catalog");
		}));
		this.index = this.addChild(new IndexComponent(plugin.app, plugin, () => this.settings, () => this.catalogs.catalog, () => this.requestRefresh("index")));
	}

	override onload(): void {
		this.alive = true;
		this.applied = { folder: this.settings.userCatalogFolder, indexKey: this.indexKey(this.settings) };
		this.register(() => {
			this.alive = false;
			this.fireRefresh.cancel();
			this.renders.clear();
		});
	}

	/**
	 * Heavy work, once the workspace layout is ready. When the plugin is enabled in a running app the layout is
	 * already ready and onLayoutReady calls back inside onload; a macrotask keeps that work out of onload.
	 */
	start(): void {
		if (!this.alive || this.started) return;
		this.started = true;
		const timer = window.setTimeout(() => {
			if (!this.alive) return;
			this.catalogs.start();
			this.index.start();
		}, 0);
		this.register(() => window.clearTimeout(timer));
	}

	getSettings(): GpuFitSettings {
		return this.settings;
	}

	catalog(): Catalog {
		return this.hf.catalog(this.catalogs.catalog);
	}

	catalogGeneration(): number {
		// Imported Hub models change the effective catalog too (each arrival bumps the version).
		return this.catalogs.generation * 1_000_000 + this.hf.version;
	}

	adviceKey(): string {
		return `${this.index.index?.revision ?? -1}|${localToday()}`;
	}

	noteFacts(path: string): NoteFacts | undefined {
		const index = this.index.index;
		return index ? indexedNoteFacts(index, this.catalog(), path) : undefined;
	}

	requestRefresh(what: keyof RefreshReason): void {
		if (!this.alive) return;
		this.pending[what] = true;
		this.fireRefresh();
	}

	/** What the catalog and the index were last built with. */
	private applied = { folder: "", indexKey: "" };

	private indexKey(s: GpuFitSettings): string {
		return JSON.stringify([s.indexTag, s.feedbackFields]);
	}

	/** Rebuild what depends on changed settings, then refresh live blocks. */
	private applySettings(): void {
		if (this.started) {
			if (this.settings.userCatalogFolder !== this.applied.folder) void this.catalogs.reload();
			if (this.indexKey(this.settings) !== this.applied.indexKey) void this.index.rebuild();
		}
		this.applied = { folder: this.settings.userCatalogFolder, indexKey: this.indexKey(this.settings) };
		this.requestRefresh("settings");
	}

	async saveSettings(): Promise<void> {
		await this.plugin.saveData(this.settings);
		this.applySettings();
	}

	/** data.json changed on disk (e.g. Sync). */
	replaceSettings(next: GpuFitSettings): void {
		this.settings = next;
		this.applySettings();
	}
}
