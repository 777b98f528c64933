/**
 * The drawing of the graph on a 2D canvas (our own renderer; sigma@3 drew it over WebGL until the measurements in
 * the README's graph section). Knows nothing of the vault: the controller hands it the model, what is visible and
 * the theme. Everything is batched: one path per (colour, width) group of edges and per (shape, colour) group of
 * nodes, so a frame is a few dozen fills and strokes whatever the graph's size. Hover dims everything outside the
 * hovered node's neighbourhood and draws that neighbourhood on a layer above, without redrawing the graph.
 *
 * Coordinates: graph space (the model's x, y) is normalized into a unit square around the drawn nodes' extent; the
 * camera ({x, y} in that square, 0.5/0.5 the centre, `ratio` 1 = all of it in view, smaller = zoomed in) is what the
 * view saves and restores.
 */
import { el } from "../dom";
import { drawShape } from "./shapes";
import type { GraphModel, ModelEdge, ModelNode } from "./model";
import { EDGE_STYLES, NODE_STYLES, labelPriority, nodeSize, type NodeShape } from "./style";
import type { GraphTheme } from "./theme";
import type { Visible } from "./visibility";

export interface CanvasHandlers {
	clickNode(id: string, event: MouseEvent | TouchEvent): void;
	clickStage(): void;
	hoverNode(id: string | undefined): void;
}

/** JS time of each draw, for the bench. */
export interface FrameStats {
	renders: number[];
	/** performance.now() at the start and end of each draw (the bench attributes profiler samples to frames). */
	windows: [number, number][];
	/** performance.now() at the end of the first draw that had nodes. */
	firstFrameAt: number | undefined;
}

export interface CameraState {
	x: number;
	y: number;
	ratio: number;
}

interface DrawnNode {
	id: string;
	x: number;
	y: number;
	size: number;
	color: string;
	label: string;
	shape: NodeShape;
	priority: number;
	edges: Set<DrawnEdge>;
	/** Screen position and radius in the last frame. */
	sx: number;
	sy: number;
	r: number;
}

interface DrawnEdge {
	id: string;
	source: DrawnNode;
	target: DrawnNode;
	color: string;
	size: number;
	arrow: boolean;
	kind: ModelEdge["kind"];
}

const MAX_LABEL = 42;
const LABEL_SIZE = 12;
/** Label boxes are looked up in a grid of cells this many pixels wide. */
const LABEL_CELL = 100;
/** At most this many labels in a frame (besides the emphasized ones). */
const MAX_LABELS = 400;
/** Labels only for nodes drawn at least this large (emphasized nodes always). */
const LABEL_MIN_RADIUS = 7;
const STAGE_PADDING = 24;
const MIN_RATIO = 0.02;
const MAX_RATIO = 12;
/** Above this many drawn edges, edges are left out while the camera moves and drawn once it rests. */
const EDGES_ON_MOVE_LIMIT = 30_000;
const REST_MS = 140;
/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP = 5;

function shortLabel(label: string): string {
	return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/** False when this device cannot give a 2D canvas context (very rare: blocked or out of memory). */
export function canvasAvailable(doc: Document): boolean {
	try {
		return el(doc, "canvas").getContext("2d") !== null;
	} catch {
		return false;
	}
}

export class GraphCanvas {
	private readonly nodes = new Map<string, DrawnNode>();
	private readonly edges = new Map<string, DrawnEdge>();
	/** Edges grouped by stroke (colour, width, arrow), rebuilt when the drawn edges or their styles change. */
	private edgeGroups: DrawnEdge[][] | undefined;
	/** Nodes grouped by fill (shape, colour). */
	private nodeGroups: DrawnNode[][] | undefined;
	/** Nodes by label priority, highest first. */
	private byPriority: DrawnNode[] | undefined;
	private theme: GraphTheme;
	private hovered: DrawnNode | undefined;
	private hoverSet = new Set<string>();
	private selected: string | undefined;
	private emphasized = new Set<string>();
	private labelled: string[] = [];
	/** Measured label widths at `labelFont` (measureText is the costly part of labelling). */
	private readonly labelWidths = new Map<string, number>();
	private labelFont = "";
	readonly stats: FrameStats = { renders: [], windows: [], firstFrameAt: undefined };
	/** While a large layout runs, edges are left out of the drawing (see setEdgesHidden). */
	private edgesHidden = false;
	private readonly doc: Document;
	private readonly main: HTMLCanvasElement;
	private readonly dimmer: HTMLElement;
	private readonly overlay: HTMLCanvasElement;
	private camera: CameraState = { x: 0.5, y: 0.5, ratio: 1 };
	/** Graph-space centre and extent of the drawn nodes (the unit square's mapping). */
	private frame = { cx: 0, cy: 0, extent: 1 };
	private readonly cameraListeners: (() => void)[] = [];
	private frameRequest: number | undefined;
	private restTimer: number | undefined;
	private moving = false;
	private animation: number | undefined;
	private readonly pointers = new Map<number, { x: number; y: number }>();
	private press: { x: number; y: number; camera: CameraState; moved: boolean; pinch?: { distance: number; ratio: number } } | undefined;
	private readonly detach: (() => void)[] = [];
	private killed = false;

	constructor(private readonly container: HTMLElement, theme: GraphTheme, private readonly handlers: CanvasHandlers) {
		this.theme = theme;
		this.doc = container.ownerDocument;
		this.main = el(this.doc, "canvas", { cls: "gpufit-graph-canvas" }, container);
		this.dimmer = el(this.doc, "div", { cls: "gpufit-graph-dimmer" }, container);
		this.overlay = el(this.doc, "canvas", { cls: "gpufit-graph-hover-layer" }, container);
		this.listen();
	}

	// ---- the drawn graph ----

	setTheme(theme: GraphTheme, model: GraphModel): void {
		this.theme = theme;
		for (const n of this.nodes.values()) {
			const m = model.nodes.get(n.id);
			if (m) n.color = theme.node[m.kind];
		}
		for (const e of this.edges.values()) {
			const m = model.edges.get(e.id);
			if (m) e.color = this.edgeColor(m);
		}
		this.nodeGroups = undefined;
		this.edgeGroups = undefined;
		this.requestDraw();
	}

	private edgeColor(e: ModelEdge): string {
		return e.kind === "fits" && e.grade ? this.theme.fit[e.grade] : this.theme.edge[e.kind];
	}

	/** Make the drawn graph match `visible` (adds, drops, restyles; positions from the model). */
	sync(model: GraphModel, visible: Visible): void {
		let nodesChanged = false;
		let edgesChanged = false;
		for (const [id, e] of this.edges) {
			if (visible.edges.has(id) && visible.nodes.has(e.source.id) && visible.nodes.has(e.target.id)) continue;
			this.dropEdge(e);
			edgesChanged = true;
		}
		for (const [id, n] of this.nodes) {
			if (visible.nodes.has(id)) continue;
			for (const e of n.edges) this.dropEdge(e);
			this.nodes.delete(id);
			nodesChanged = true;
		}
		for (const id of visible.nodes) {
			const m = model.nodes.get(id);
			if (!m) continue;
			const n = this.nodes.get(id);
			if (!n) {
				this.nodes.set(id, this.drawnNode(m));
				nodesChanged = true;
			} else if (this.restyleNode(n, m)) nodesChanged = true;
		}
		for (const id of visible.edges) {
			const m = model.edges.get(id);
			if (!m) continue;
			const source = this.nodes.get(m.source);
			const target = this.nodes.get(m.target);
			if (!source || !target) continue;
			const e = this.edges.get(id);
			const style = EDGE_STYLES[m.kind];
			const color = this.edgeColor(m);
			if (!e) {
				const next: DrawnEdge = { id, source, target, color, size: style.size, arrow: style.arrow, kind: m.kind };
				this.edges.set(id, next);
				source.edges.add(next);
				target.edges.add(next);
				edgesChanged = true;
			} else if (e.color !== color || e.size !== style.size || e.arrow !== style.arrow) {
				e.color = color;
				e.size = style.size;
				e.arrow = style.arrow;
				edgesChanged = true;
			}
		}
		if (nodesChanged) {
			this.nodeGroups = undefined;
			this.byPriority = undefined;
			this.reframe();
		}
		if (edgesChanged || nodesChanged) this.edgeGroups = undefined;
		if (this.hovered && !this.nodes.has(this.hovered.id)) this.setHover(undefined);
		this.requestDraw();
	}

	private drawnNode(m: ModelNode): DrawnNode {
		return {
			id: m.id, x: m.x, y: m.y,
			size: nodeSize(m.kind, m.degree),
			color: this.theme.node[m.kind],
			label: shortLabel(m.label),
			shape: NODE_STYLES[m.kind].shape,
			priority: labelPriority(m.kind, m.degree),
			edges: new Set(), sx: 0, sy: 0, r: 0,
		};
	}

	/** Bring a drawn node up to date with the model; true when anything changed. */
	private restyleNode(n: DrawnNode, m: ModelNode): boolean {
		const size = nodeSize(m.kind, m.degree);
		const color = this.theme.node[m.kind];
		const label = shortLabel(m.label);
		const shape = NODE_STYLES[m.kind].shape;
		const priority = labelPriority(m.kind, m.degree);
		if (n.x === m.x && n.y === m.y && n.size === size && n.color === color && n.label === label && n.shape === shape && n.priority === priority) return false;
		Object.assign(n, { x: m.x, y: m.y, size, color, label, shape, priority });
		return true;
	}

	private dropEdge(e: DrawnEdge): void {
		this.edges.delete(e.id);
		e.source.edges.delete(e);
		e.target.edges.delete(e);
	}

	/** Copy the model's positions of drawn nodes into the drawing (after a layout step). */
	updatePositions(model: GraphModel): void {
		for (const n of this.nodes.values()) {
			const m = model.nodes.get(n.id);
			if (m) { n.x = m.x; n.y = m.y; }
		}
		this.reframe();
		this.requestDraw();
	}

	/** The unit square follows the drawn nodes' extent (as the camera's coordinates are relative to it). */
	private reframe(): void {
		let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
		for (const n of this.nodes.values()) {
			if (n.x < minX) minX = n.x;
			if (n.x > maxX) maxX = n.x;
			if (n.y < minY) minY = n.y;
			if (n.y > maxY) maxY = n.y;
		}
		if (!Number.isFinite(minX)) return;
		this.frame = { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, extent: Math.max(maxX - minX, maxY - minY) || 1 };
	}

	/** Nodes drawn, for the layout, with their edges as index pairs. */
	drawnGraph(): { ids: string[]; edges: [number, number, string][] } {
		const ids = [...this.nodes.keys()];
		const at = new Map(ids.map((id, i) => [id, i]));
		const edges: [number, number, string][] = [];
		for (const e of this.edges.values()) edges.push([at.get(e.source.id) as number, at.get(e.target.id) as number, e.kind]);
		return { ids, edges };
	}

	get edgeCount(): number {
		return this.edges.size;
	}

	/** Keep these nodes' labels on and draw them on top (a selection, search hit, the local focus). */
	emphasize(selected: string | undefined, others: Iterable<string> = []): void {
		const next = new Set(others);
		if (selected) next.add(selected);
		if (selected === this.selected && next.size === this.emphasized.size && [...next].every((n) => this.emphasized.has(n))) return;
		this.selected = selected;
		this.emphasized = next;
		this.requestDraw();
	}

	/** Leave edges out of the drawing while positions stream in from a large layout (each step is then cheap). */
	setEdgesHidden(hidden: boolean): void {
		if (hidden === this.edgesHidden) return;
		this.edgesHidden = hidden;
		this.requestDraw();
	}

	// ---- camera ----

	/** Screen pixels per unit of the normalized square at the current zoom. */
	private scale(w: number, h: number): number {
		return Math.max(1, Math.min(w, h) - 2 * STAGE_PADDING) / this.camera.ratio;
	}

	/** Node and edge sizes grow slower than the zoom (by its square root), so zooming in separates nodes. */
	private sizeScale(): number {
		return 1 / Math.sqrt(this.camera.ratio);
	}

	private toScreen(x: number, y: number, w: number, h: number): { x: number; y: number } {
		const s = this.scale(w, h);
		const f = this.frame;
		return {
			x: w / 2 + (0.5 + (x - f.cx) / f.extent - this.camera.x) * s,
			y: h / 2 + (0.5 + (y - f.cy) / f.extent - this.camera.y) * s,
		};
	}

	cameraState(): CameraState {
		return { ...this.camera };
	}

	setCamera(state: CameraState): void {
		this.stopAnimation();
		this.moveTo(state);
	}

	private moveTo(state: CameraState): void {
		const ratio = Math.min(MAX_RATIO, Math.max(MIN_RATIO, Number.isFinite(state.ratio) ? state.ratio : 1));
		const x = Number.isFinite(state.x) ? state.x : 0.5;
		const y = Number.isFinite(state.y) ? state.y : 0.5;
		if (x === this.camera.x && y === this.camera.y && ratio === this.camera.ratio) return;
		this.camera = { x, y, ratio };
		this.startMoving();
		for (const cb of this.cameraListeners) cb();
	}

	onCameraChange(cb: () => void): void {
		this.cameraListeners.push(cb);
	}

	private animateTo(target: CameraState, duration: number): void {
		this.stopAnimation();
		const from = { ...this.camera };
		const win = this.doc.defaultView;
		if (!win) { this.moveTo(target); return; }
		const start = performance.now();
		const step = () => {
			const t = Math.min(1, (performance.now() - start) / duration);
			const k = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
			this.moveTo({ x: from.x + (target.x - from.x) * k, y: from.y + (target.y - from.y) * k, ratio: from.ratio * (target.ratio / from.ratio) ** k });
			this.animation = t < 1 ? win.requestAnimationFrame(step) : undefined;
		};
		this.animation = win.requestAnimationFrame(step);
	}

	private stopAnimation(): void {
		if (this.animation !== undefined) this.doc.defaultView?.cancelAnimationFrame(this.animation);
		this.animation = undefined;
	}

	/** Centre the camera on a drawn node (animated), zooming in if far out. */
	centreOn(id: string): boolean {
		const n = this.nodes.get(id);
		if (!n) return false;
		const f = this.frame;
		this.animateTo({ x: 0.5 + (n.x - f.cx) / f.extent, y: 0.5 + (n.y - f.cy) / f.extent, ratio: Math.min(this.camera.ratio, 0.5) }, 350);
		return true;
	}

	resetCamera(): void {
		this.animateTo({ x: 0.5, y: 0.5, ratio: 1 }, 300);
	}

	/** Screen position of a drawn node (relative to the stage), for tests driving the pointer. */
	viewportPosition(id: string): { x: number; y: number } | undefined {
		const n = this.nodes.get(id);
		if (!n) return undefined;
		return this.toScreen(n.x, n.y, this.container.clientWidth, this.container.clientHeight);
	}

	// ---- drawing ----

	/** The camera moved: large graphs draw without edges until it rests. */
	private startMoving(): void {
		const win = this.doc.defaultView;
		if (this.edges.size > EDGES_ON_MOVE_LIMIT && win) {
			this.moving = true;
			if (this.restTimer !== undefined) win.clearTimeout(this.restTimer);
			this.restTimer = win.setTimeout(() => {
				this.restTimer = undefined;
				this.moving = false;
				this.requestDraw();
			}, REST_MS);
		}
		this.requestDraw();
	}

	private requestDraw(): void {
		if (this.killed || this.frameRequest !== undefined) return;
		const win = this.doc.defaultView;
		if (!win) return;
		this.frameRequest = win.requestAnimationFrame(() => {
			this.frameRequest = undefined;
			this.draw();
		});
	}

	/** Size a canvas's backing store to its box at the device's pixel ratio; its 2D context, scaled to CSS pixels. */
	private context(canvas: HTMLCanvasElement): { ctx: CanvasRenderingContext2D; w: number; h: number } | undefined {
		const ratio = this.doc.defaultView?.devicePixelRatio ?? 1;
		const w = this.container.clientWidth;
		const h = this.container.clientHeight;
		const bw = Math.round(w * ratio);
		const bh = Math.round(h * ratio);
		if (canvas.width !== bw || canvas.height !== bh) { canvas.width = bw; canvas.height = bh; }
		const ctx = canvas.getContext("2d");
		if (!ctx || w === 0 || h === 0) return undefined;
		ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
		ctx.clearRect(0, 0, w, h);
		return { ctx, w, h };
	}

	private draw(): void {
		const t0 = performance.now();
		const c = this.context(this.main);
		if (c) {
			const { ctx, w, h } = c;
			this.project(w, h);
			if (!this.edgesHidden && !(this.moving && this.edges.size > EDGES_ON_MOVE_LIMIT)) this.drawEdges(ctx, w, h);
			this.drawNodes(ctx, w, h);
			this.drawLabels(ctx, w, h);
			if (this.hovered) this.drawHoverLayer();
		}
		const t1 = performance.now();
		this.stats.renders.push(t1 - t0);
		this.stats.windows.push([t0, t1]);
		if (this.stats.firstFrameAt === undefined && c && this.nodes.size > 0) this.stats.firstFrameAt = t1;
		if (this.stats.renders.length > 4000) { this.stats.renders.splice(0, 2000); this.stats.windows.splice(0, 2000); }
	}

	/** Screen position and radius of every node for this frame. */
	private project(w: number, h: number): void {
		const s = this.scale(w, h);
		const f = this.frame;
		const ox = w / 2 + (0.5 - f.cx / f.extent - this.camera.x) * s;
		const oy = h / 2 + (0.5 - f.cy / f.extent - this.camera.y) * s;
		const k = s / f.extent;
		const z = this.sizeScale();
		for (const n of this.nodes.values()) {
			n.sx = ox + n.x * k;
			n.sy = oy + n.y * k;
			n.r = Math.max(1, n.size * z);
		}
	}

	private edgeGroupsNow(): DrawnEdge[][] {
		if (this.edgeGroups) return this.edgeGroups;
		const groups = new Map<string, DrawnEdge[]>();
		for (const e of this.edges.values()) {
			const key = `${e.color}|${e.size}|${e.arrow ? 1 : 0}`;
			const g = groups.get(key);
			if (g) g.push(e);
			else groups.set(key, [e]);
		}
		// Thin, plentiful kinds first; feedback loops and fits on top.
		this.edgeGroups = [...groups.values()].sort((a, b) => (a[0] as DrawnEdge).size - (b[0] as DrawnEdge).size);
		return this.edgeGroups;
	}

	private drawEdges(ctx: CanvasRenderingContext2D, w: number, h: number): void {
		const z = Math.min(this.sizeScale(), 3);
		ctx.lineCap = "butt";
		for (const group of this.edgeGroupsNow()) {
			const first = group[0] as DrawnEdge;
			ctx.strokeStyle = first.color;
			ctx.lineWidth = first.size * z;
			ctx.beginPath();
			for (const e of group) {
				const a = e.source;
				const b = e.target;
				// Both ends off the same side of the screen: nothing of it is visible.
				if ((a.sx < 0 && b.sx < 0) || (a.sx > w && b.sx > w) || (a.sy < 0 && b.sy < 0) || (a.sy > h && b.sy > h)) continue;
				ctx.moveTo(a.sx, a.sy);
				ctx.lineTo(b.sx, b.sy);
			}
			ctx.stroke();
			if (!first.arrow) continue;
			ctx.fillStyle = first.color;
			ctx.beginPath();
			const head = 3 + 2.5 * first.size * z;
			for (const e of group) {
				const a = e.source;
				const b = e.target;
				if (b.sx < -head || b.sx > w + head || b.sy < -head || b.sy > h + head) continue;
				const dx = b.sx - a.sx;
				const dy = b.sy - a.sy;
				const len = Math.hypot(dx, dy);
				if (len < b.r + head) continue;
				const ux = dx / len;
				const uy = dy / len;
				const tipX = b.sx - ux * b.r;
				const tipY = b.sy - uy * b.r;
				const baseX = tipX - ux * head;
				const baseY = tipY - uy * head;
				ctx.moveTo(tipX, tipY);
				ctx.lineTo(baseX - uy * head * 0.5, baseY + ux * head * 0.5);
				ctx.lineTo(baseX + uy * head * 0.5, baseY - ux * head * 0.5);
				ctx.closePath();
			}
			ctx.fill();
		}
	}

	private nodeGroupsNow(): DrawnNode[][] {
		if (this.nodeGroups) return this.nodeGroups;
		const groups = new Map<string, DrawnNode[]>();
		for (const n of this.nodes.values()) {
			const key = `${n.shape}|${n.color}`;
			const g = groups.get(key);
			if (g) g.push(n);
			else groups.set(key, [n]);
		}
		this.nodeGroups = [...groups.values()];
		return this.nodeGroups;
	}

	private drawNodes(ctx: CanvasRenderingContext2D, w: number, h: number): void {
		for (const group of this.nodeGroupsNow()) {
			const first = group[0] as DrawnNode;
			const ring = first.shape === "ring";
			ctx.beginPath();
			for (const n of group) {
				if (n.sx < -n.r || n.sx > w + n.r || n.sy < -n.r || n.sy > h + n.r) continue;
				drawShape(ctx, first.shape, n.sx, n.sy, ring ? n.r * 0.8 : n.r);
			}
			if (ring) {
				ctx.strokeStyle = first.color;
				ctx.lineWidth = Math.max(1.2, first.size * 0.35);
				ctx.stroke();
			} else {
				ctx.fillStyle = first.color;
				ctx.fill();
			}
		}
		const sel = this.selected === undefined ? undefined : this.nodes.get(this.selected);
		if (sel) {
			ctx.strokeStyle = this.theme.text;
			ctx.lineWidth = 2;
			ctx.beginPath();
			ctx.arc(sel.sx, sel.sy, sel.r + 4, 0, Math.PI * 2);
			ctx.stroke();
		}
	}

	/**
	 * Emphasized nodes first, then by priority; a label is drawn only where it overlaps no label drawn before it (boxes
	 * kept in a coarse grid), so labels never pile up; off-screen and small nodes get none.
	 */
	private drawLabels(ctx: CanvasRenderingContext2D, w: number, h: number): void {
		this.byPriority ??= [...this.nodes.values()].sort((a, b) => b.priority - a.priority || b.size - a.size);
		const font = `${LABEL_SIZE}px ${this.theme.font}`;
		if (font !== this.labelFont) { this.labelFont = font; this.labelWidths.clear(); }
		ctx.font = font;
		ctx.lineJoin = "round";
		ctx.lineWidth = 3;
		ctx.textBaseline = "middle";
		const cols = Math.ceil(w / LABEL_CELL) + 1;
		const grid = new Map<number, number[]>();
		const labelled: string[] = [];
		const half = LABEL_SIZE / 2 + 2;
		const put = (n: DrawnNode, forced: boolean): void => {
			if (n.sx < 0 || n.sx > w || n.sy < 0 || n.sy > h) return;
			let width = this.labelWidths.get(n.label);
			if (width === undefined) {
				width = ctx.measureText(n.label).width;
				if (this.labelWidths.size > 50_000) this.labelWidths.clear();
				this.labelWidths.set(n.label, width);
			}
			const x0 = n.sx + n.r + 1;
			const x1 = x0 + width + 4;
			const y0 = n.sy - half;
			const y1 = n.sy + half;
			const c0 = Math.max(0, Math.floor(x0 / LABEL_CELL));
			const c1 = Math.floor(x1 / LABEL_CELL);
			const r0 = Math.max(0, Math.floor(y0 / LABEL_CELL));
			const r1 = Math.floor(y1 / LABEL_CELL);
			if (!forced) {
				for (let r = r0; r <= r1; r++) {
					for (let c = c0; c <= c1; c++) {
						const boxes = grid.get(r * cols + c);
						if (!boxes) continue;
						for (let i = 0; i < boxes.length; i += 4) {
							if (x0 < (boxes[i + 2] as number) && x1 > (boxes[i] as number) && y0 < (boxes[i + 3] as number) && y1 > (boxes[i + 1] as number)) return;
						}
					}
				}
			}
			for (let r = r0; r <= r1; r++) {
				for (let c = c0; c <= c1; c++) {
					const key = r * cols + c;
					const boxes = grid.get(key);
					if (boxes) boxes.push(x0, y0, x1, y1);
					else grid.set(key, [x0, y0, x1, y1]);
				}
			}
			labelled.push(n.id);
			const x = n.sx + n.r + 3;
			ctx.strokeStyle = this.theme.background;
			ctx.strokeText(n.label, x, n.sy);
			ctx.fillStyle = this.theme.text;
			ctx.fillText(n.label, x, n.sy);
		};
		for (const id of this.emphasized) {
			const n = this.nodes.get(id);
			if (n) put(n, true);
		}
		for (const n of this.byPriority) {
			if (labelled.length >= MAX_LABELS) break;
			if (n.r < LABEL_MIN_RADIUS || this.emphasized.has(n.id)) continue;
			put(n, false);
		}
		this.labelled = labelled;
	}

	/** The node ids whose labels were drawn in the last frame. */
	displayedLabels(): string[] {
		return [...this.labelled];
	}

	// ---- hover ----

	get hoveredNode(): string | undefined {
		return this.hovered?.id;
	}

	/** The hovered node and its neighbours (drawn in full; everything else is dimmed). */
	get hoverNeighbourhood(): string[] {
		return [...this.hoverSet];
	}

	private setHover(n: DrawnNode | undefined): void {
		if (n === this.hovered) return;
		const t0 = performance.now();
		this.hovered = n;
		this.hoverSet = new Set();
		if (n) {
			this.hoverSet.add(n.id);
			for (const e of n.edges) this.hoverSet.add(e.source === n ? e.target.id : e.source.id);
		}
		this.dimmer.classList.toggle("is-on", n !== undefined);
		this.main.classList.toggle("is-pointing", n !== undefined);
		this.drawHoverLayer();
		this.handlers.hoverNode(n?.id);
		const t1 = performance.now();
		this.stats.renders.push(t1 - t0);
		this.stats.windows.push([t0, t1]);
	}

	/** The hovered node's edges and neighbours (labels of the 40 largest), over the dimmed drawing. */
	private drawHoverLayer(): void {
		const c = this.context(this.overlay);
		const n = this.hovered;
		if (!c || !n) return;
		const { ctx } = c;
		const z = Math.min(this.sizeScale(), 3);
		ctx.lineCap = "round";
		for (const e of n.edges) {
			const o = e.source === n ? e.target : e.source;
			ctx.strokeStyle = e.color;
			ctx.lineWidth = e.size * z + 0.8;
			ctx.beginPath();
			ctx.moveTo(n.sx, n.sy);
			ctx.lineTo(o.sx, o.sy);
			ctx.stroke();
		}
		const neighbours = [...this.hoverSet].map((id) => this.nodes.get(id)).filter((x): x is DrawnNode => x !== undefined && x !== n);
		for (const o of neighbours) {
			ctx.fillStyle = o.color;
			ctx.beginPath();
			drawShape(ctx, o.shape === "ring" ? "circle" : o.shape, o.sx, o.sy, Math.max(2, o.r));
			ctx.fill();
		}
		ctx.font = `${LABEL_SIZE}px ${this.theme.font}`;
		ctx.lineJoin = "round";
		ctx.textBaseline = "middle";
		ctx.lineWidth = 3;
		for (const o of neighbours.sort((a, b) => b.size - a.size).slice(0, 40)) {
			ctx.strokeStyle = this.theme.background;
			ctx.strokeText(o.label, o.sx + o.r + 3, o.sy);
			ctx.fillStyle = this.theme.text;
			ctx.fillText(o.label, o.sx + o.r + 3, o.sy);
		}
		// The hovered node itself: a halo and its label in a box.
		const textW = ctx.measureText(n.label).width;
		const boxH = LABEL_SIZE + 8;
		ctx.fillStyle = this.theme.background;
		ctx.strokeStyle = this.theme.textMuted;
		ctx.lineWidth = 1;
		ctx.beginPath();
		ctx.arc(n.sx, n.sy, n.r + 3, 0, Math.PI * 2);
		ctx.rect(n.sx + n.r + 2, n.sy - boxH / 2, textW + 10, boxH);
		ctx.fill();
		ctx.stroke();
		ctx.fillStyle = n.color;
		ctx.beginPath();
		drawShape(ctx, n.shape === "ring" ? "circle" : n.shape, n.sx, n.sy, n.r);
		ctx.fill();
		ctx.fillStyle = this.theme.text;
		ctx.fillText(n.label, n.sx + n.r + 7, n.sy);
	}

	// ---- pointer ----

	/** The drawn node under a stage point: the nearest whose shape (plus a little slack) contains it. */
	private nodeAt(x: number, y: number): DrawnNode | undefined {
		let best: DrawnNode | undefined;
		let bestD = Infinity;
		for (const n of this.nodes.values()) {
			const dx = n.sx - x;
			const dy = n.sy - y;
			const d = dx * dx + dy * dy;
			const reach = n.r + 3;
			if (d <= reach * reach && d < bestD) { best = n; bestD = d; }
		}
		return best;
	}

	private stagePoint(e: MouseEvent): { x: number; y: number } {
		const r = this.main.getBoundingClientRect();
		return { x: e.clientX - r.left, y: e.clientY - r.top };
	}

	private on<K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions): void {
		this.main.addEventListener(type, fn, options);
		this.detach.push(() => this.main.removeEventListener(type, fn, options));
	}

	private listen(): void {
		this.on("pointerdown", (e) => {
			const p = this.stagePoint(e);
			this.pointers.set(e.pointerId, p);
			this.main.setPointerCapture?.(e.pointerId);
			this.stopAnimation();
			if (this.pointers.size === 2) {
				const [a, b] = [...this.pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
				this.press = { ...p, camera: { ...this.camera }, moved: true, pinch: { distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, ratio: this.camera.ratio } };
			} else this.press = { ...p, camera: { ...this.camera }, moved: false };
		});
		this.on("pointermove", (e) => {
			const p = this.stagePoint(e);
			const press = this.press;
			if (!press || !this.pointers.has(e.pointerId)) {
				this.setHover(this.nodeAt(p.x, p.y));
				return;
			}
			this.pointers.set(e.pointerId, p);
			const s = this.scale(this.container.clientWidth, this.container.clientHeight);
			if (press.pinch && this.pointers.size >= 2) {
				const [a, b] = [...this.pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
				const d = Math.hypot(a.x - b.x, a.y - b.y) || 1;
				this.moveTo({ ...this.camera, ratio: press.pinch.ratio * (press.pinch.distance / d) });
				return;
			}
			if (!press.moved && Math.hypot(p.x - press.x, p.y - press.y) < CLICK_SLOP) return;
			press.moved = true;
			if (this.hovered) this.setHover(undefined);
			this.moveTo({ x: press.camera.x - (p.x - press.x) / s, y: press.camera.y - (p.y - press.y) / s, ratio: press.camera.ratio });
		});
		const release = (e: PointerEvent, cancelled: boolean) => {
			const press = this.press;
			this.pointers.delete(e.pointerId);
			if (this.pointers.size > 0) {
				// One finger left after a pinch: it pans from here.
				const rest = [...this.pointers.values()][0] as { x: number; y: number };
				this.press = { ...rest, camera: { ...this.camera }, moved: true };
				return;
			}
			this.press = undefined;
			if (!press || press.moved || cancelled) return;
			const p = this.stagePoint(e);
			const n = this.nodeAt(p.x, p.y);
			if (n) this.handlers.clickNode(n.id, e);
			else this.handlers.clickStage();
		};
		this.on("pointerup", (e) => release(e, false));
		this.on("pointercancel", (e) => release(e, true));
		this.on("pointerleave", () => { if (!this.press) this.setHover(undefined); });
		this.on("wheel", (e) => {
			e.preventDefault();
			const p = this.stagePoint(e);
			const w = this.container.clientWidth;
			const h = this.container.clientHeight;
			const factor = Math.exp(Math.max(-1, Math.min(1, e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0025))));
			const before = this.scale(w, h);
			const ratio = Math.min(MAX_RATIO, Math.max(MIN_RATIO, this.camera.ratio * factor));
			const after = (before * this.camera.ratio) / ratio;
			// Keep the point under the pointer where it is.
			const gx = this.camera.x + (p.x - w / 2) / before;
			const gy = this.camera.y + (p.y - h / 2) / before;
			this.stopAnimation();
			this.moveTo({ x: gx - (p.x - w / 2) / after, y: gy - (p.y - h / 2) / after, ratio });
		}, { passive: false });
	}

	/** The stage changed size (panel opened, pane resized): draw again at the new size. */
	resize(): void {
		this.requestDraw();
	}

	kill(): void {
		this.killed = true;
		this.stopAnimation();
		const win = this.doc.defaultView;
		if (this.frameRequest !== undefined) win?.cancelAnimationFrame(this.frameRequest);
		if (this.restTimer !== undefined) win?.clearTimeout(this.restTimer);
		for (const off of this.detach) off();
		this.main.remove();
		this.dimmer.remove();
		this.overlay.remove();
		this.nodes.clear();
		this.edges.clear();
	}
}
