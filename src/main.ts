/** GPU Fit: lifecycle only. The work lives in src/plugin (wiring), src/render (DOM) and src/estimator (math). */
import { Plugin } from "obsidian";
import { GpuFitBlockChild } from "./plugin/block-child";
import { registerCommands } from "./plugin/commands";
import { GpuFitCore } from "./plugin/core";
import { migrateSettings } from "./plugin/settings";
import { GpuFitSettingTab } from "./plugin/settings-tab";

export default class GpuFitPlugin extends Plugin {
	private core: GpuFitCore | undefined;

	override async onload(): Promise<void> {
		const core = (this.core = this.addChild(new GpuFitCore(this, migrateSettings(await this.loadData()))));
		this.registerMarkdownCodeBlockProcessor("gpufit", (source, el, ctx) => {
			ctx.addChild(new GpuFitBlockChild(el, source, core, ctx.sourcePath));
		});
		this.addSettingTab(new GpuFitSettingTab(this.app, this, core));
		registerCommands(this, core);
		this.app.workspace.onLayoutReady(() => core.start());
	}

	override async onExternalSettingsChange(): Promise<void> {
		this.core?.replaceSettings(migrateSettings(await this.loadData()));
	}
}
