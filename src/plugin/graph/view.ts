/**
 * The hardware graph view (an ItemView): Obsidian's side of it. The graph code (the canvas renderer, the layout
 * worker, the controller) is loaded on first open through a dynamic import, so plugin start-up never pays for it.
 */
import { ItemView, type ViewStateResult, type WorkspaceLeaf, type Plugin } from "obsidian";
import type { DrawnGraph, GraphApp } from "../../render/graph/graph-app";
import { readViewState, type GraphViewState } from "../../render/graph/state";
import type { GpuFitCore } from "../core";
import { createGraphHost } from "./graph-host";

export const GRAPH_VIEW_TYPE = "gpufit-hardware-graph";
export const GRAPH_ICON = "network";

export class HardwareGraphView extends ItemView {
	private graph: GraphApp | undefined;
	private state: GraphViewState = readViewState(undefined);
	private opening: Promise<void> | undefined;
	private closed = false;

	constructor(leaf: WorkspaceLeaf, private readonly plugin: Plugin, private readonly core: GpuFitCore) {
		super(leaf);
	}

	getViewType(): string {
		return GRAPH_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Hardware graph";
	}

	override getIcon(): string {
		return GRAPH_ICON;
	}

	override onOpen(): Promise<void> {
		// Obsidian hands the saved state (setState) right after onOpen: start on the next task, so the first draw is
		// already the restored view instead of a default one thrown away.
		this.opening = new Promise<void>((resolve) => window.setTimeout(resolve, 0)).then(() => this.start());
		return Promise.resolve();
	}

	private async start(): Promise<void> {
		const { GraphApp } = await import("../../render/graph/graph-app");
		if (this.closed) return;
		const root = this.contentEl;
		root.empty();
		const host = createGraphHost(this.app, this.plugin, this.core, () => this.app.workspace.requestSaveLayout());
		const graph = new GraphApp(root, host, this.state);
		this.graph = graph;
		this.registerEvent(this.core.events.on("refresh", (reason) => {
			if (reason.index || reason.catalog) graph.indexChanged();
			else if (reason.settings) graph.settingsChanged();
		}));
		this.registerEvent(this.app.workspace.on("file-open", (file) => graph.activeNoteChanged(file?.path)));
		this.registerEvent(this.app.workspace.on("css-change", () => graph.themeChanged()));
		await graph.open();
	}

	override async onClose(): Promise<void> {
		this.closed = true;
		await this.opening?.catch(() => undefined);
		this.graph?.close();
		this.graph = undefined;
	}

	override onResize(): void {
		this.graph?.resize();
	}

	override getState(): Record<string, unknown> {
		const state = this.graph?.getState() ?? this.state;
		return { ...super.getState(), ...(state as unknown as Record<string, unknown>) };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		this.state = readViewState(state);
		await this.opening?.catch(() => undefined);
		this.graph?.setState(this.state);
		await super.setState(state, result);
	}

	/** The drawn model (the test host's `gpufitHost.graph()`). */
	drawn(): DrawnGraph | undefined {
		return this.graph?.drawn();
	}

	/** The controller, for the test host and the bench. */
	get controller(): GraphApp | undefined {
		return this.graph;
	}
}
