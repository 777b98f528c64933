/** GPU Fit: lifecycle only. The work lives in src/plugin (wiring), src/render (DOM) and src/estimator (math). */
import { Plugin } from "obsidian";
import { GpuFitBlockChild } from "./plugin/block-child";
import { registerCommands } from "./plugin/commands";
import { GpuFitCore } from "./plugin/core";
import { SettingsStore } from "./plugin/settings-store";
import { GpuFitSettingTab } from "./plugin/settings-tab";
import type { GpuFitSettings } from "./plugin/settings";

export default class GpuFitPlugin extends Plugin {
	private core: GpuFitCore | undefined;
	private readonly store = new SettingsStore();

	override async onload(): Promise<void> {
		// Never rejects: an unreadable data.json means defaults and a Notice, not a plugin without blocks.
		const settings = (await this.store.load(() => this.loadData())) as GpuFitSettings;
		const core = (this.core = this.addChild(new GpuFitCore(this, settings)));
		this.registerMarkdownCodeBlockProcessor("gpufit", (source, el, ctx) => {
			ctx.addChild(new GpuFitBlockChild(el, source, core, ctx.sourcePath));
		});
		this.addSettingTab(new GpuFitSettingTab(this.app, this, core, this.store));
		registerCommands(this, core);
		this.app.workspace.onLayoutReady(() => core.start());
	}

	/** Every save goes through the store: it keeps what the file held that we could not use, and never overwrites an unreadable file. */
	override async saveData(data: unknown): Promise<void> {
		const out = this.store.toData(data as GpuFitSettings);
		if (out !== undefined) await super.saveData(out);
	}

	override async onExternalSettingsChange(): Promise<void> {
		const next = await this.store.load(() => this.loadData(), true);
		if (next) this.core?.replaceSettings(next);
	}
}
