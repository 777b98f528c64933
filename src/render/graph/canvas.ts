/**
 * The WebGL drawing of the graph: sigma@3 over a graphology graph that holds only what is drawn (the model keeps
 * the rest). Knows nothing of the vault: the controller hands it the model, what is visible, and the theme.
 * Hover dims everything outside the hovered node's neighbourhood; clicks and hovers go back through callbacks.
 */
import type { default as GraphologyGraph } from "graphology-types";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, type EdgeProgramType, type NodeProgramType } from "sigma/rendering";
import type { NodeDisplayData, EdgeDisplayData } from "sigma/types";
import { el } from "../dom";
import { LiteGraph } from "./lite-graph";
import type { GraphModel, ModelEdge, ModelNode } from "./model";
import { createShapeProgram } from "./shape-program";
import { EDGE_STYLES, NODE_SHAPES, NODE_STYLES, nodeSize } from "./style";
import type { GraphTheme } from "./theme";
import type { Visible } from "./visibility";

interface NodeAttrs {
	x: number;
	y: number;
	size: number;
	color: string;
	label: string;
	type: string;
	kind: string;
	forceLabel?: boolean;
}

interface EdgeAttrs {
	size: number;
	color: string;
	type: string;
	kind: string;
}

export interface CanvasHandlers {
	clickNode(id: string, event: MouseEvent | TouchEvent): void;
	clickStage(): void;
	hoverNode(id: string | undefined): void;
}

/** JS time of sigma's render calls (processing included), for the bench. */
export interface FrameStats {
	renders: number[];
	/** performance.now() at the start and end of each render (the bench attributes profiler samples to frames). */
	windows: [number, number][];
	/** performance.now() at the end of the first render that drew nodes. */
	firstFrameAt: number | undefined;
}

const MAX_LABEL = 42;

function shortLabel(label: string): string {
	return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/** False when this device cannot make a WebGL context (hardware acceleration off, old GPU, blocked). */
export function webglAvailable(doc: Document): boolean {
	try {
		const c = el(doc, "canvas");
		return (c.getContext("webgl2") ?? c.getContext("webgl")) !== null;
	} catch {
		return false;
	}
}

export class GraphCanvas {
	private readonly graph = new LiteGraph<NodeAttrs, EdgeAttrs>();
	private readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
	private theme: GraphTheme;
	private hovered: string | undefined;
	private hoverSet = new Set<string>();
	private selected: string | undefined;
	private emphasized = new Set<string>();
	readonly stats: FrameStats = { renders: [], windows: [], firstFrameAt: undefined };
	/** While a large layout runs, edges are left out of the drawing (see setEdgesHidden). */
	private edgesHidden = false;
	private readonly dimmer: HTMLElement;
	private readonly overlay: HTMLCanvasElement;
	private renderStart = 0;

	constructor(container: HTMLElement, theme: GraphTheme, private readonly handlers: CanvasHandlers) {
		this.theme = theme;
		const nodePrograms: Record<string, NodeProgramType<NodeAttrs, EdgeAttrs>> = {};
		for (const s of NODE_SHAPES) nodePrograms[s] = createShapeProgram(s) as unknown as NodeProgramType<NodeAttrs, EdgeAttrs>;
		// LiteGraph implements the part of graphology's Graph that sigma uses (see lite-graph.ts).
		this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(this.graph as unknown as GraphologyGraph<NodeAttrs, EdgeAttrs>, container, {
			nodeProgramClasses: nodePrograms,
			edgeProgramClasses: {
				arrow: EdgeArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
				line: EdgeRectangleProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
				thin: EdgeLineProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>,
			},
			defaultNodeType: "circle",
			defaultEdgeType: "line",
			renderEdgeLabels: false,
			enableEdgeEvents: false,
			// No z-ordering: sigma would sort every node and edge on each refresh; the hovered neighbourhood is drawn
			// on top by sigma's own hover layer, and dimmed nodes fade behind it anyway.
			zIndex: false,
			labelDensity: 0.9,
			labelGridCellSize: 110,
			labelRenderedSizeThreshold: 7,
			labelSize: 12,
			stagePadding: 24,
			// A view restored into a background tab has no size yet; it is resized when shown (ItemView.onResize).
			allowInvalidContainer: true,
			minCameraRatio: 0.02,
			maxCameraRatio: 12,
			...this.themeSettings(theme),
			nodeReducer: (id, attrs) => this.reduceNode(id, attrs),
			edgeReducer: (id, attrs) => this.reduceEdge(id, attrs),
		});
		// Hover: a dimming layer over the drawing and the neighbourhood drawn on a 2D layer above it, both under sigma's
		// own hover layers. Nothing is re-processed, so a hover costs in proportion to the node's degree, not the graph.
		const above = this.sigma.getCanvases().hovers ?? null;
		this.dimmer = el(container.ownerDocument, "div", { cls: "gpufit-graph-dimmer" });
		this.overlay = el(container.ownerDocument, "canvas", { cls: "gpufit-graph-hover-layer" });
		container.insertBefore(this.dimmer, above);
		container.insertBefore(this.overlay, above);
		this.sigma.on("afterRender", () => { if (this.hovered !== undefined) this.drawHoverLayer(); });
		this.sigma.on("enterNode", ({ node }) => this.setHover(node));
		this.sigma.on("leaveNode", () => this.setHover(undefined));
		this.sigma.on("clickNode", ({ node, event }) => handlers.clickNode(node, event.original));
		this.sigma.on("clickStage", () => handlers.clickStage());
		this.sigma.on("beforeRender", () => { this.renderStart = performance.now(); });
		this.sigma.on("afterRender", () => {
			const r = this.stats.renders;
			const now = performance.now();
			r.push(now - this.renderStart);
			this.stats.windows.push([this.renderStart, now]);
			if (this.stats.firstFrameAt === undefined && this.graph.order > 0) this.stats.firstFrameAt = now;
			if (r.length > 4000) { r.splice(0, r.length - 2000); this.stats.windows.splice(0, this.stats.windows.length - 2000); }
		});
	}

	private themeSettings(theme: GraphTheme) {
		return {
			labelFont: theme.font,
			labelColor: { color: theme.text },
			defaultDrawNodeLabel: (ctx: CanvasRenderingContext2D, data: { x: number; y: number; size: number; label: string | null }, settings: { labelSize: number; labelFont: string; labelWeight: string }) => {
				if (!data.label) return;
				ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
				const x = data.x + data.size + 3;
				const y = data.y + settings.labelSize / 3;
				ctx.lineJoin = "round";
				ctx.lineWidth = 3;
				ctx.strokeStyle = this.theme.background;
				ctx.strokeText(data.label, x, y);
				ctx.fillStyle = this.theme.text;
				ctx.fillText(data.label, x, y);
			},
			defaultDrawNodeHover: (ctx: CanvasRenderingContext2D, data: { x: number; y: number; size: number; label: string | null }, settings: { labelSize: number; labelFont: string; labelWeight: string }) => {
				const label = data.label ?? "";
				ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
				const w = label ? ctx.measureText(label).width + 10 : 0;
				const h = settings.labelSize + 8;
				ctx.fillStyle = this.theme.background;
				ctx.strokeStyle = this.theme.textMuted;
				ctx.lineWidth = 1;
				ctx.beginPath();
				ctx.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
				if (label) ctx.rect(data.x + data.size + 2, data.y - h / 2, w, h);
				ctx.fill();
				ctx.stroke();
				if (label) {
					ctx.fillStyle = this.theme.text;
					ctx.fillText(label, data.x + data.size + 7, data.y + settings.labelSize / 3);
				}
			},
		};
	}

	setTheme(theme: GraphTheme, model: GraphModel): void {
		this.theme = theme;
		this.sigma.setSettings(this.themeSettings(theme));
		this.graph.updateEachNodeAttributes((id, a) => {
			const n = model.nodes.get(id);
			return n ? { ...a, color: theme.node[n.kind] } : a;
		});
		this.graph.updateEachEdgeAttributes((id, a) => {
			const e = model.edges.get(id);
			return e ? { ...a, color: this.edgeColor(e) } : a;
		});
	}

	private edgeColor(e: ModelEdge): string {
		return e.kind === "fits" && e.grade ? this.theme.fit[e.grade] : this.theme.edge[e.kind];
	}

	private nodeAttrs(n: ModelNode): NodeAttrs {
		return {
			x: n.x, y: n.y,
			size: nodeSize(n.kind, n.degree),
			color: this.theme.node[n.kind],
			label: shortLabel(n.label),
			type: NODE_STYLES[n.kind].shape,
			kind: n.kind,
		};
	}

	private edgeAttrs(e: ModelEdge): EdgeAttrs {
		const style = EDGE_STYLES[e.kind];
		return { size: style.size, color: this.edgeColor(e), type: style.arrow ? "arrow" : style.size < 1.1 ? "thin" : "line", kind: e.kind };
	}

	/** Make the drawn graph match `visible` (adds, drops, restyles; positions from the model). */
	sync(model: GraphModel, visible: Visible): void {
		const g = this.graph;
		for (const id of g.edges()) if (!visible.edges.has(id)) g.dropEdge(id);
		for (const id of g.nodes()) if (!visible.nodes.has(id)) g.dropNode(id);
		for (const id of visible.nodes) {
			const n = model.nodes.get(id);
			if (!n) continue;
			const next = this.nodeAttrs(n);
			if (!g.hasNode(id)) { g.addNode(id, next); continue; }
			const a = g.getNodeAttributes(id);
			if (a.x !== next.x || a.y !== next.y || a.size !== next.size || a.color !== next.color || a.label !== next.label || a.type !== next.type) g.replaceNodeAttributes(id, next);
		}
		for (const id of visible.edges) {
			const e = model.edges.get(id);
			if (!e || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
			if (!g.hasEdge(id)) g.addDirectedEdgeWithKey(id, e.source, e.target, this.edgeAttrs(e));
			else {
				const next = this.edgeAttrs(e);
				const a = g.getEdgeAttributes(id);
				if (a.color !== next.color || a.type !== next.type) g.replaceEdgeAttributes(id, next);
			}
		}
		if (this.hovered && !g.hasNode(this.hovered)) this.setHover(undefined);
		this.sigma.setSetting("hideEdgesOnMove", g.size > 30_000);
	}

	/** Copy the model's positions of drawn nodes into the drawing (after a layout step). */
	updatePositions(model: GraphModel): void {
		this.graph.updateEachNodeAttributes((id, a) => {
			const n = model.nodes.get(id);
			if (n) { a.x = n.x; a.y = n.y; }
			return a;
		}, { attributes: ["x", "y"] });
	}

	/** Nodes drawn, for the layout (in graphology's order) with their edges as index pairs. */
	drawnGraph(): { ids: string[]; edges: [number, number, string][] } {
		const ids = this.graph.nodes();
		const at = new Map(ids.map((id, i) => [id, i]));
		const edges: [number, number, string][] = [];
		this.graph.forEachEdge((_e, a, s, t) => { edges.push([at.get(s) as number, at.get(t) as number, a.kind]); });
		return { ids, edges };
	}

	private setHover(id: string | undefined): void {
		if (id === this.hovered) return;
		const t0 = performance.now();
		this.hovered = id;
		this.hoverSet = id === undefined ? new Set() : new Set([id, ...this.graph.neighbors(id)]);
		this.dimmer.classList.toggle("is-on", id !== undefined);
		this.drawHoverLayer();
		this.handlers.hoverNode(id);
		const t1 = performance.now();
		this.stats.renders.push(t1 - t0);
		this.stats.windows.push([t0, t1]);
	}

	/** The hovered node's edges and neighbours (labels of the 40 largest), over the dimmed drawing. */
	private drawHoverLayer(): void {
		const canvas = this.overlay;
		const ratio = canvas.ownerDocument.defaultView?.devicePixelRatio ?? 1;
		const w = Math.round(canvas.clientWidth * ratio);
		const h = Math.round(canvas.clientHeight * ratio);
		if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
		const ctx = canvas.getContext("2d");
		if (!ctx) return;
		ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
		ctx.clearRect(0, 0, w, h);
		const id = this.hovered;
		if (id === undefined || !this.graph.hasNode(id)) return;
		const g = this.graph;
		const at = (n: string) => this.sigma.graphToViewport(g.getNodeAttributes(n));
		const from = at(id);
		ctx.lineCap = "round";
		g.forEachEdge(id, (_e, a, s, t) => {
			const to = at(s === id ? t : s);
			ctx.strokeStyle = a.color;
			ctx.lineWidth = a.size + 0.8;
			ctx.beginPath();
			ctx.moveTo(from.x, from.y);
			ctx.lineTo(to.x, to.y);
			ctx.stroke();
		});
		const neighbours = g.neighbors(id);
		for (const n of neighbours) {
			const a = g.getNodeAttributes(n);
			const p = at(n);
			ctx.fillStyle = a.color;
			ctx.beginPath();
			ctx.arc(p.x, p.y, Math.max(2, this.sigma.scaleSize(a.size)), 0, Math.PI * 2);
			ctx.fill();
		}
		const settings = this.sigma.getSettings();
		ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
		ctx.lineJoin = "round";
		ctx.lineWidth = 3;
		const labelled = neighbours.map((n) => [n, g.getNodeAttributes(n)] as const).sort((x, y) => y[1].size - x[1].size).slice(0, 40);
		for (const [n, a] of labelled) {
			const p = at(n);
			const x = p.x + this.sigma.scaleSize(a.size) + 3;
			const y = p.y + settings.labelSize / 3;
			ctx.strokeStyle = this.theme.background;
			ctx.strokeText(a.label, x, y);
			ctx.fillStyle = this.theme.text;
			ctx.fillText(a.label, x, y);
		}
	}

	/** Keep these nodes' labels on and draw them on top (a selection, search hit, the local focus). */
	emphasize(selected: string | undefined, others: Iterable<string> = []): void {
		const next = new Set(others);
		if (selected) next.add(selected);
		if (selected === this.selected && next.size === this.emphasized.size && [...next].every((n) => this.emphasized.has(n))) return;
		const changed = [...new Set([...this.emphasized, ...next])].filter((n) => this.graph.hasNode(n));
		this.selected = selected;
		this.emphasized = next;
		try {
			this.sigma.refresh({ partialGraph: { nodes: changed }, skipIndexation: true });
		} catch {
			// A node added since the last refresh has no place in sigma's buffers yet: reprocess everything.
			this.sigma.refresh();
		}
	}

	/**
	 * Leave edges out of the drawing while positions stream in from a large layout: each step then uploads node
	 * data only (tens of kilobytes instead of megabytes of edge vertices), which keeps main-thread tasks short.
	 */
	setEdgesHidden(hidden: boolean): void {
		if (hidden === this.edgesHidden) return;
		this.edgesHidden = hidden;
		this.sigma.refresh();
	}

	get edgeCount(): number {
		return this.graph.size;
	}

	private reduceNode(id: string, a: NodeAttrs): Partial<NodeDisplayData> {
		if (this.emphasized.has(id)) return { ...a, forceLabel: true, highlighted: id === this.selected };
		return a;
	}

	private reduceEdge(_id: string, a: EdgeAttrs): Partial<EdgeDisplayData> {
		return this.edgesHidden ? { ...a, hidden: true } : a;
	}

	/** Centre the camera on a drawn node (animated), zooming in if far out. */
	centreOn(id: string): boolean {
		const d = this.sigma.getNodeDisplayData(id);
		if (!d) return false;
		const camera = this.sigma.getCamera();
		void camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.5) }, { duration: 350 });
		return true;
	}

	cameraState(): { x: number; y: number; ratio: number } {
		const s = this.sigma.getCamera().getState();
		return { x: s.x, y: s.y, ratio: s.ratio };
	}

	setCamera(state: { x: number; y: number; ratio: number }): void {
		this.sigma.getCamera().setState(state);
	}

	onCameraChange(cb: () => void): void {
		this.sigma.getCamera().on("updated", cb);
	}

	resetCamera(): void {
		void this.sigma.getCamera().animatedReset({ duration: 300 });
	}

	/** Screen position of a drawn node, for tests driving the pointer. */
	viewportPosition(id: string): { x: number; y: number } | undefined {
		const a = this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
		return a ? this.sigma.graphToViewport({ x: a.x, y: a.y }) : undefined;
	}

	get hoveredNode(): string | undefined {
		return this.hovered;
	}

	/** The hovered node and its neighbours (drawn in full; everything else is dimmed). */
	get hoverNeighbourhood(): string[] {
		return [...this.hoverSet];
	}

	/** The node ids whose labels sigma drew in the last frame. */
	displayedLabels(): string[] {
		return [...this.sigma.getNodeDisplayedLabels()];
	}

	/** The stage changed size (panel opened, pane resized): fit the drawing to it again. */
	resize(): void {
		this.sigma.resize();
		this.sigma.refresh();
	}

	kill(): void {
		this.dimmer.remove();
		this.overlay.remove();
		this.sigma.kill();
		this.graph.clear();
	}
}
