/**
 * The drawing of the graph on 2D canvases (our own renderer; sigma@3 drew it over WebGL until the measurements in
 * the README's graph section). Knows nothing of the vault: the controller hands it the model, what is visible and
 * the theme.
 *
 * How a frame reaches the screen: a `PaintJob` paints the whole graph into an off-screen buffer in bounded steps
 * (a few per animation frame); when it completes, the buffer becomes the *picture*, and the visible canvas shows the
 * picture, moved and scaled to the current camera. So a pan or zoom costs one image copy per frame whatever the
 * graph's size, and a new picture is painted once the camera rests (at once when the graph is small enough to paint
 * in one frame). Hover dims everything but the hovered neighbourhood and draws that on a layer above, without
 * repainting the graph.
 */
import { el } from "../dom";
import { cameraPointOf, clampCamera, frameOf, pictureTransform, projection, type CameraState, type Frame } from "./camera";
import { StageGestures } from "./gestures";
import type { GraphModel, ModelEdge, ModelNode } from "./model";
import { LABEL_SIZE, PaintJob, type PaintEdge, type PaintNode, type PaintView } from "./paint-job";
import { drawShape } from "./shapes";
import { EDGE_STYLES, NODE_STYLES, labelPriority, nodeSize } from "./style";
import type { GraphTheme } from "./theme";
import type { Visible } from "./visibility";

export type { CameraState } from "./camera";

export interface CanvasHandlers {
	clickNode(id: string, event: MouseEvent | TouchEvent): void;
	clickStage(): void;
	hoverNode(id: string | undefined): void;
}

/** Main-thread time of each animation frame's drawing work, for the bench. */
export interface FrameStats {
	renders: number[];
	/** performance.now() at the start and end of each (the bench attributes profiler samples to frames). */
	windows: [number, number][];
	/** performance.now() when the first complete picture with nodes reached the screen. */
	firstFrameAt: number | undefined;
}

interface DrawnNode extends PaintNode {
	kind: ModelNode["kind"];
	priority: number;
	edges: Set<DrawnEdge>;
}

interface DrawnEdge extends PaintEdge {
	id: string;
	source: DrawnNode;
	target: DrawnNode;
	kind: ModelEdge["kind"];
}

/** An off-screen canvas and its context (CPU-backed: see paint-job.ts). */
interface Buffer {
	canvas: HTMLCanvasElement;
	ctx: CanvasRenderingContext2D;
}

const MAX_LABEL = 42;
/** Painting work per animation frame (ms) before the rest waits for the next frame. */
const PAINT_BUDGET_MS = 8;
/** A large graph is repainted once the camera has rested this long (the moved picture stands in meanwhile). */
const REST_MS = 120;

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
	/** Derived from `nodes`/`edges`, rebuilt lazily when they change. */
	private derived: { list: DrawnNode[]; nodeGroups: DrawnNode[][]; edgeGroups: DrawnEdge[][]; byPriority: DrawnNode[] } | undefined;
	private theme: GraphTheme;
	private hovered: DrawnNode | undefined;
	private hoverSet = new Set<string>();
	private selected: string | undefined;
	private emphasized = new Set<string>();
	private labelled: string[] = [];
	private readonly labelWidths = new Map<string, number>();
	private labelFont = "";
	readonly stats: FrameStats = { renders: [], windows: [], firstFrameAt: undefined };
	/** While a large layout runs, edges are left out of the drawing (see setEdgesHidden). */
	private edgesHidden = false;
	private readonly doc: Document;
	private readonly main: HTMLCanvasElement;
	private readonly dimmer: HTMLElement;
	private readonly overlay: HTMLCanvasElement;
	private readonly gestures: StageGestures;
	private camera: CameraState = { x: 0.5, y: 0.5, ratio: 1 };
	private frame: Frame = { cx: 0, cy: 0, extent: 1 };
	private readonly cameraListeners: (() => void)[] = [];
	/** The picture on screen (the last complete frame) and the camera it was painted with. */
	private picture: Buffer | undefined;
	private pictureView: (PaintView & { camera: CameraState }) | undefined;
	/** The buffer a job paints into. */
	private back: Buffer | undefined;
	private job: PaintJob | undefined;
	private jobCamera: CameraState | undefined;
	/** Something drawn changed since the picture (or the running job) was started. */
	private stale = true;
	/** The last job needed more than one animation frame: repaint only once the camera rests. */
	private large = false;
	private jobFrames = 0;
	private restUntil = 0;
	private frameRequest: number | undefined;
	private restTimer: number | undefined;
	private animation: number | undefined;
	private killed = false;

	constructor(private readonly container: HTMLElement, theme: GraphTheme, private readonly handlers: CanvasHandlers) {
		this.theme = theme;
		this.doc = container.ownerDocument;
		this.main = el(this.doc, "canvas", { cls: "gpufit-graph-canvas" }, container);
		this.dimmer = el(this.doc, "div", { cls: "gpufit-graph-dimmer" }, container);
		this.overlay = el(this.doc, "canvas", { cls: "gpufit-graph-hover-layer" }, container);
		this.gestures = new StageGestures(this.main, {
			camera: () => ({ ...this.camera }),
			moveCamera: (state) => this.moveTo(state),
			interrupt: () => this.stopAnimation(),
			hover: (x, y) => this.setHover(this.nodeAt(x, y)),
			leave: () => this.setHover(undefined),
			click: (x, y, event) => {
				const n = this.nodeAt(x, y);
				if (n) handlers.clickNode(n.id, event);
				else handlers.clickStage();
			},
		});
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
		this.restructure();
	}

	private edgeColor(e: ModelEdge): string {
		return e.kind === "fits" && e.grade ? this.theme.fit[e.grade] : this.theme.edge[e.kind];
	}

	/** Make the drawn graph match `visible` (adds, drops, restyles; positions from the model). */
	sync(model: GraphModel, visible: Visible): void {
		let changed = false;
		for (const [id, e] of this.edges) {
			if (visible.edges.has(id) && visible.nodes.has(e.source.id) && visible.nodes.has(e.target.id)) continue;
			this.dropEdge(e);
			changed = true;
		}
		for (const [id, n] of this.nodes) {
			if (visible.nodes.has(id)) continue;
			for (const e of n.edges) this.dropEdge(e);
			this.nodes.delete(id);
			changed = true;
		}
		for (const id of visible.nodes) {
			const m = model.nodes.get(id);
			if (!m) continue;
			const n = this.nodes.get(id);
			if (!n) {
				this.nodes.set(id, this.drawnNode(m));
				changed = true;
			} else if (this.restyleNode(n, m)) changed = true;
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
				changed = true;
			} else if (e.color !== color || e.size !== style.size || e.arrow !== style.arrow) {
				e.color = color;
				e.size = style.size;
				e.arrow = style.arrow;
				changed = true;
			}
		}
		if (this.hovered && !this.nodes.has(this.hovered.id)) this.setHover(undefined);
		if (changed) {
			this.reframe();
			this.restructure();
		}
	}

	private drawnNode(m: ModelNode): DrawnNode {
		return {
			id: m.id, x: m.x, y: m.y, kind: m.kind,
			size: nodeSize(m.kind, m.degree),
			color: this.theme.node[m.kind],
			label: shortLabel(m.label),
			shape: NODE_STYLES[m.kind].shape,
			priority: labelPriority(m.kind, m.degree),
			edges: new Set(), slot: -1,
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
		let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
		for (const n of this.nodes.values()) {
			const m = model.nodes.get(n.id);
			if (m) { n.x = m.x; n.y = m.y; }
			if (n.x < minX) minX = n.x;
			if (n.x > maxX) maxX = n.x;
			if (n.y < minY) minY = n.y;
			if (n.y > maxY) maxY = n.y;
		}
		this.frame = frameOf([{ x: minX, y: minY }, { x: maxX, y: maxY }]) ?? this.frame;
		// A running job keeps the positions it started with (it projected them); the next one takes these.
		this.invalidate();
	}

	private reframe(): void {
		this.frame = frameOf(this.nodes.values()) ?? this.frame;
	}

	/** Nodes or edges were added, dropped or restyled: groups and slots are rebuilt, a running job is dropped. */
	private restructure(): void {
		this.derived = undefined;
		this.job = undefined;
		this.invalidate();
	}

	private invalidate(): void {
		this.stale = true;
		this.requestFrame();
	}

	private derivedNow(): NonNullable<GraphCanvas["derived"]> {
		if (this.derived) return this.derived;
		const list = [...this.nodes.values()];
		list.forEach((n, i) => { n.slot = i; });
		const nodeGroups = new Map<string, DrawnNode[]>();
		for (const n of list) {
			const key = `${n.shape}|${n.color}`;
			const g = nodeGroups.get(key);
			if (g) g.push(n);
			else nodeGroups.set(key, [n]);
		}
		const edgeGroups = new Map<string, DrawnEdge[]>();
		for (const e of this.edges.values()) {
			const key = `${e.color}|${e.size}|${e.arrow ? 1 : 0}`;
			const g = edgeGroups.get(key);
			if (g) g.push(e);
			else edgeGroups.set(key, [e]);
		}
		this.derived = {
			list,
			nodeGroups: [...nodeGroups.values()],
			// Thin, plentiful kinds first; feedback loops and fits on top.
			edgeGroups: [...edgeGroups.values()].sort((a, b) => (a[0] as DrawnEdge).size - (b[0] as DrawnEdge).size),
			byPriority: [...list].sort((a, b) => b.priority - a.priority || b.size - a.size),
		};
		return this.derived;
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
		this.job = undefined;
		this.invalidate();
	}

	/** Leave edges out of the drawing while positions stream in from a large layout (each picture is then cheap). */
	setEdgesHidden(hidden: boolean): void {
		if (hidden === this.edgesHidden) return;
		this.edgesHidden = hidden;
		this.job = undefined;
		this.invalidate();
	}

	// ---- camera ----

	cameraState(): CameraState {
		return { ...this.camera };
	}

	setCamera(state: CameraState): void {
		this.stopAnimation();
		this.moveTo(state);
	}

	private moveTo(state: CameraState): void {
		const next = clampCamera(state);
		if (next.x === this.camera.x && next.y === this.camera.y && next.ratio === this.camera.ratio) return;
		this.camera = next;
		if (this.large) {
			// The picture moves with the camera; the running job (painted for another camera) waits until it rests.
			this.job = undefined;
			this.restUntil = performance.now() + REST_MS;
			const win = this.doc.defaultView;
			if (win) {
				if (this.restTimer !== undefined) win.clearTimeout(this.restTimer);
				this.restTimer = win.setTimeout(() => { this.restTimer = undefined; this.requestFrame(); }, REST_MS + 5);
			}
		}
		this.stale = true;
		this.requestFrame();
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
		this.animateTo({ ...cameraPointOf(this.frame, n.x, n.y), ratio: Math.min(this.camera.ratio, 0.5) }, 350);
		return true;
	}

	resetCamera(): void {
		this.animateTo({ x: 0.5, y: 0.5, ratio: 1 }, 300);
	}

	private projectionNow(): ReturnType<typeof projection> {
		return projection(this.camera, this.frame, this.container.clientWidth, this.container.clientHeight);
	}

	/** Screen position of a drawn node (relative to the stage), for tests driving the pointer. */
	viewportPosition(id: string): { x: number; y: number } | undefined {
		const n = this.nodes.get(id);
		if (!n) return undefined;
		const p = this.projectionNow();
		return { x: p.ox + n.x * p.scale, y: p.oy + n.y * p.scale };
	}

	// ---- painting ----

	private requestFrame(): void {
		if (this.killed || this.frameRequest !== undefined) return;
		const win = this.doc.defaultView;
		if (!win) return;
		this.frameRequest = win.requestAnimationFrame(() => {
			this.frameRequest = undefined;
			this.tick();
		});
	}

	private buffer(): Buffer | undefined {
		const canvas = el(this.doc, "canvas");
		// CPU-backed on purpose: the job reads a pixel back after each step to rasterize it there (paint-job.ts).
		const ctx = canvas.getContext("2d", { willReadFrequently: true });
		return ctx ? { canvas, ctx } : undefined;
	}

	/** One animation frame: paint part of a picture if one is due, then show the picture under the current camera. */
	private tick(): void {
		const t0 = performance.now();
		const w = this.container.clientWidth;
		const h = this.container.clientHeight;
		const ratio = this.doc.defaultView?.devicePixelRatio ?? 1;
		if (w > 0 && h > 0) {
			const resting = !this.large || t0 >= this.restUntil;
			if (!this.job && this.stale && resting) this.startJob(w, h, ratio);
			if (this.job) {
				this.jobFrames++;
				if (this.job.run(t0 + PAINT_BUDGET_MS)) this.finishJob();
			}
			this.present(w, h, ratio);
			if (this.hovered) this.drawHoverLayer();
		}
		const t1 = performance.now();
		this.stats.renders.push(t1 - t0);
		this.stats.windows.push([t0, t1]);
		if (this.stats.renders.length > 4000) { this.stats.renders.splice(0, 2000); this.stats.windows.splice(0, 2000); }
		if (this.job || (this.stale && (!this.large || performance.now() >= this.restUntil))) this.requestFrame();
	}

	private startJob(w: number, h: number, pixelRatio: number): void {
		const back = this.back ?? this.buffer();
		if (!back) return;
		this.back = back;
		const bw = Math.round(w * pixelRatio);
		const bh = Math.round(h * pixelRatio);
		if (back.canvas.width !== bw || back.canvas.height !== bh) { back.canvas.width = bw; back.canvas.height = bh; }
		const d = this.derivedNow();
		const font = `${LABEL_SIZE}px ${this.theme.font}`;
		if (font !== this.labelFont) { this.labelFont = font; this.labelWidths.clear(); }
		const p = this.projectionNow();
		this.jobCamera = { ...this.camera };
		this.jobFrames = 0;
		this.stale = false;
		this.job = new PaintJob(back.ctx, {
			nodes: d.list, nodeGroups: d.nodeGroups, edgeGroups: d.edgeGroups, byPriority: d.byPriority,
			emphasized: this.emphasized, selected: this.selected, edgesHidden: this.edgesHidden,
			theme: { background: this.theme.background, text: this.theme.text, font: this.theme.font },
			labelWidths: this.labelWidths,
		}, { ...p, width: w, height: h, pixelRatio });
	}

	private finishJob(): void {
		const job = this.job;
		if (!job || !this.back || !this.jobCamera) return;
		// The finished buffer becomes the picture; the old picture's buffer is reused for the next job.
		const done = this.back;
		this.back = this.picture;
		this.picture = done;
		this.pictureView = { ...job.view, camera: this.jobCamera };
		this.labelled = job.labelled;
		this.large = this.jobFrames > 1;
		this.job = undefined;
	}

	/** The picture, moved and scaled from the camera it was painted with to the current one. */
	private present(w: number, h: number, pixelRatio: number): void {
		const bw = Math.round(w * pixelRatio);
		const bh = Math.round(h * pixelRatio);
		const canvas = this.main;
		if (canvas.width !== bw || canvas.height !== bh) { canvas.width = bw; canvas.height = bh; this.stale = true; }
		const ctx = canvas.getContext("2d");
		if (!ctx) return;
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.clearRect(0, 0, bw, bh);
		const pic = this.picture;
		const view = this.pictureView;
		if (!pic || !view || view.width !== w || view.height !== h || view.pixelRatio !== pixelRatio) return;
		const t = pictureTransform(view.camera, this.camera, w, h);
		ctx.setTransform(t.k, 0, 0, t.k, t.tx * pixelRatio, t.ty * pixelRatio);
		ctx.drawImage(pic.canvas, 0, 0);
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		if (this.stats.firstFrameAt === undefined && this.nodes.size > 0) this.stats.firstFrameAt = performance.now();
	}

	/** The node ids whose labels are in the picture on screen. */
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

	/** The drawn node under a stage point: the nearest whose shape (plus a little slack) contains it. */
	private nodeAt(x: number, y: number): DrawnNode | undefined {
		const p = this.projectionNow();
		let best: DrawnNode | undefined;
		let bestD = Infinity;
		for (const n of this.nodes.values()) {
			const dx = p.ox + n.x * p.scale - x;
			const dy = p.oy + n.y * p.scale - y;
			const d = dx * dx + dy * dy;
			const reach = Math.max(1, n.size * p.sizeScale) + 3;
			if (d <= reach * reach && d < bestD) { best = n; bestD = d; }
		}
		return best;
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
		const canvas = this.overlay;
		const pixelRatio = this.doc.defaultView?.devicePixelRatio ?? 1;
		const w = this.container.clientWidth;
		const h = this.container.clientHeight;
		const bw = Math.round(w * pixelRatio);
		const bh = Math.round(h * pixelRatio);
		if (canvas.width !== bw || canvas.height !== bh) { canvas.width = bw; canvas.height = bh; }
		const ctx = canvas.getContext("2d");
		if (!ctx) return;
		ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
		ctx.clearRect(0, 0, w, h);
		const n = this.hovered;
		if (!n) return;
		const p = this.projectionNow();
		const at = (m: DrawnNode) => ({ x: p.ox + m.x * p.scale, y: p.oy + m.y * p.scale, r: Math.max(1, m.size * p.sizeScale) });
		const z = Math.min(p.sizeScale, 3);
		const c = at(n);
		ctx.lineCap = "round";
		for (const e of n.edges) {
			const o = at(e.source === n ? e.target : e.source);
			ctx.strokeStyle = e.color;
			ctx.lineWidth = e.size * z + 0.8;
			ctx.beginPath();
			ctx.moveTo(c.x, c.y);
			ctx.lineTo(o.x, o.y);
			ctx.stroke();
		}
		const neighbours = [...this.hoverSet].map((id) => this.nodes.get(id)).filter((x): x is DrawnNode => x !== undefined && x !== n);
		for (const o of neighbours) {
			const q = at(o);
			ctx.fillStyle = o.color;
			ctx.beginPath();
			drawShape(ctx, o.shape === "ring" ? "circle" : o.shape, q.x, q.y, Math.max(2, q.r));
			ctx.fill();
		}
		ctx.font = `${LABEL_SIZE}px ${this.theme.font}`;
		ctx.lineJoin = "round";
		ctx.textBaseline = "middle";
		ctx.lineWidth = 3;
		for (const o of neighbours.sort((a, b) => b.size - a.size).slice(0, 40)) {
			const q = at(o);
			ctx.strokeStyle = this.theme.background;
			ctx.strokeText(o.label, q.x + q.r + 3, q.y);
			ctx.fillStyle = this.theme.text;
			ctx.fillText(o.label, q.x + q.r + 3, q.y);
		}
		// The hovered node itself: a halo and its label in a box.
		const textW = ctx.measureText(n.label).width;
		const boxH = LABEL_SIZE + 8;
		ctx.fillStyle = this.theme.background;
		ctx.strokeStyle = this.theme.textMuted;
		ctx.lineWidth = 1;
		ctx.beginPath();
		ctx.arc(c.x, c.y, c.r + 3, 0, Math.PI * 2);
		ctx.rect(c.x + c.r + 2, c.y - boxH / 2, textW + 10, boxH);
		ctx.fill();
		ctx.stroke();
		ctx.fillStyle = n.color;
		ctx.beginPath();
		drawShape(ctx, n.shape === "ring" ? "circle" : n.shape, c.x, c.y, c.r);
		ctx.fill();
		ctx.fillStyle = this.theme.text;
		ctx.fillText(n.label, c.x + c.r + 7, c.y);
	}

	/** The stage changed size (panel opened, pane resized): paint again at the new size. */
	resize(): void {
		this.job = undefined;
		this.invalidate();
	}

	kill(): void {
		this.killed = true;
		this.stopAnimation();
		const win = this.doc.defaultView;
		if (this.frameRequest !== undefined) win?.cancelAnimationFrame(this.frameRequest);
		if (this.restTimer !== undefined) win?.clearTimeout(this.restTimer);
		this.gestures.dispose();
		this.main.remove();
		this.dimmer.remove();
		this.overlay.remove();
		this.nodes.clear();
		this.edges.clear();
		this.job = undefined;
		this.picture = undefined;
		this.back = undefined;
	}
}
