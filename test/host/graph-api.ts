/**
 * The test host's handle on the hardware graph view: `?view=graph` opens it, `?view=graph&focus=NODE_ID` opens it
 * in local mode on a node; `window.gpufitHost.graph()` returns the drawn model read from the view.
 */
import type * as O from "obsidian";
import type { DrawnGraph, GraphApp } from "../../src/render/graph/graph-app";
import type { LeafTabs, LinkOpen } from "./leaves";
import type { HostApp } from "./vault";

export const GRAPH_VIEW_TYPE = "gpufit-hardware-graph";

interface GraphViewLike {
	drawn?(): DrawnGraph | undefined;
	controller?: GraphApp;
}

export interface GraphHostApi {
	/** The drawn model `{nodes: [{id, kind, label, x, y, visible}], edges: [{source, target, kind, visible}], ...}`. */
	graph(): DrawnGraph | undefined;
	/** The view's controller (tests drive search, read screen positions, frame times). */
	graphController(): GraphApp | undefined;
	/** Open the graph view (in a new tab the first time), with a state if given, as Obsidian restores it. */
	openGraph(state?: Record<string, unknown>): Promise<void>;
	/** Close every graph view (their state is what getViewState gave). */
	closeGraph(): void;
	/** The graph view's saved state (what Obsidian writes into workspace.json). */
	graphState(): Record<string, unknown> | undefined;
	linkOpens: LinkOpen[];
	layoutSaves(): number;
	/** Show the note tab or the graph tab. */
	showGraphTab(show: boolean): void;
}

export function graphHostApi(app: HostApp, tabs: LeafTabs): GraphHostApi {
	const ws = app.workspace as unknown as O.Workspace;
	const leaf = () => ws.getLeavesOfType(GRAPH_VIEW_TYPE)[0];
	return {
		graph: () => (leaf()?.view as GraphViewLike | undefined)?.drawn?.(),
		graphController: () => (leaf()?.view as GraphViewLike | undefined)?.controller,
		async openGraph(state) {
			const existing = leaf();
			const target = existing ?? ws.getLeaf("tab");
			await target.setViewState({ type: GRAPH_VIEW_TYPE, active: true, ...(state ? { state } : {}) });
			ws.setActiveLeaf(target, { focus: true });
		},
		closeGraph() {
			for (const l of ws.getLeavesOfType(GRAPH_VIEW_TYPE)) l.detach();
		},
		graphState: () => leaf()?.getViewState().state,
		linkOpens: tabs.linkOpens,
		layoutSaves: () => tabs.layoutSaves,
		showGraphTab(show) {
			const l = leaf();
			tabs.activate(show && l ? (l as unknown as Parameters<LeafTabs["activate"]>[0]) : undefined);
		},
	};
}

/**
 * `?webgl=off`: a device without WebGL (hardware acceleration off); `?canvas=off`: not even a 2D context.
 * getContext returns null for those context ids, as a browser does.
 */
function disableContexts(ids: string[]): void {
	type GetContext = (this: HTMLCanvasElement, id: string, options?: unknown) => unknown;
	const proto = HTMLCanvasElement.prototype as unknown as { getContext: GetContext };
	const original = proto.getContext;
	proto.getContext = function (this: HTMLCanvasElement, id: string, options?: unknown): unknown {
		if (ids.includes(id)) return null;
		return original.call(this, id, options);
	};
}

/** `?view=graph[&focus=NODE_ID][&depth=N][&webgl=off][&canvas=off]`: open the view once the plugin is loaded. */
export async function openViewFromQuery(params: URLSearchParams, api: GraphHostApi): Promise<void> {
	if (params.get("webgl") === "off") disableContexts(["webgl", "webgl2", "experimental-webgl"]);
	if (params.get("canvas") === "off") disableContexts(["2d", "webgl", "webgl2", "experimental-webgl"]);
	if (params.get("view") !== "graph") return;
	const focus = params.get("focus");
	await api.openGraph(focus ? { mode: "local", focus, pinned: true, depth: Number(params.get("depth") ?? 1) || 1 } : undefined);
}
