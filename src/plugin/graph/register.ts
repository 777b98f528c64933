/** The graph view's registration: the view type, the command, the ribbon icon. Nothing else runs at load. */
import type { App, Plugin } from "obsidian";
import type { GpuFitCore } from "../core";
import { GRAPH_ICON, GRAPH_VIEW_TYPE, HardwareGraphView } from "./view";

export function registerGraphView(plugin: Plugin, core: GpuFitCore): void {
	plugin.registerView(GRAPH_VIEW_TYPE, (leaf) => new HardwareGraphView(leaf, plugin, core));
	plugin.addCommand({ id: "open-hardware-graph", name: "Open hardware graph", callback: () => void openGraphView(plugin.app) });
	plugin.addRibbonIcon(GRAPH_ICON, "Open hardware graph", () => void openGraphView(plugin.app));
}

/** Reveal the graph view (one per workspace), opening it in a new tab the first time; `state` replaces its state. */
export async function openGraphView(app: App, state?: Record<string, unknown>): Promise<void> {
	const existing = app.workspace.getLeavesOfType(GRAPH_VIEW_TYPE)[0];
	const leaf = existing ?? app.workspace.getLeaf("tab");
	if (!existing || state) await leaf.setViewState({ type: GRAPH_VIEW_TYPE, active: true, ...(state ? { state } : {}) });
	app.workspace.setActiveLeaf(leaf, { focus: true });
}
