/** Commands: stable ids, sentence-case names, no default hotkeys. */
import type { Plugin } from "obsidian";
import { registerAdviceCommands } from "./advice/commands";
import type { GpuFitCore } from "./core";

export function registerCommands(plugin: Plugin, core: GpuFitCore): void {
	plugin.addCommand({
		id: "reload-catalog",
		name: "Reload the GPU and model catalog",
		callback: () => void core.catalogs.reload(),
	});
	plugin.addCommand({
		id: "rebuild-index",
		name: "Rebuild the hardware notes index",
		callback: () => void core.index.rebuild(),
	});
	registerAdviceCommands(plugin, { getSettings: () => core.getSettings(), catalog: () => core.catalog(), vaultIndex: () => core.index.index });
}
