/**
 * One frame of the graph, painted in bounded steps into an off-screen buffer: edges, nodes, the selection ring and
 * labels, each step a few milliseconds of work, so a graph of any size never blocks the page for long (a 100k-edge
 * frame is spread over several animation frames while the last complete frame stays on screen).
 *
 * Why steps are flushed: a 2D canvas records drawing commands and rasterizes them later, all at once. The buffer is
 * a CPU canvas (`willReadFrequently`), and reading back one pixel after each step makes it rasterize that step's
 * commands there and then, so each step's cost is paid inside its own, short, task. Measured on a 2-core machine
 * in headless Chromium: 25k edges of width ≤ 1 px rasterize in ~25 ms, at width 1.6 in ~430–730 ms (a hairline is
 * a different, much cheaper, rasterizer path); 5k filled circles in ~25–30 ms, squares in ~10 ms. Hence large groups
 * of edges are drawn as hairlines, and every step's size is weighed by these costs.
 */
import { drawShape } from "./shapes";
import type { NodeShape } from "./style";

export interface PaintNode {
	id: string;
	x: number;
	y: number;
	size: number;
	color: string;
	label: string;
	shape: NodeShape;
	/** Index into this job's projection arrays (set by the canvas when its node list is rebuilt). */
	slot: number;
}

export interface PaintEdge {
	source: PaintNode;
	target: PaintNode;
	color: string;
	size: number;
	arrow: boolean;
}

/** Where the job draws: the camera mapping of graph coordinates to CSS pixels, and the buffer's size. */
export interface PaintView {
	/** screen = offset + graph × scale (CSS px). */
	ox: number;
	oy: number;
	scale: number;
	/** Multiplies node radii and edge widths (they grow slower than the zoom). */
	sizeScale: number;
	width: number;
	height: number;
	pixelRatio: number;
}

export interface PaintInput {
	nodes: readonly PaintNode[];
	nodeGroups: readonly (readonly PaintNode[])[];
	edgeGroups: readonly (readonly PaintEdge[])[];
	/** Nodes by label priority, highest first. */
	byPriority: readonly PaintNode[];
	emphasized: ReadonlySet<string>;
	selected: string | undefined;
	edgesHidden: boolean;
	theme: { background: string; text: string; font: string };
	/** Measured label widths for `theme.font` (kept across jobs). */
	labelWidths: Map<string, number>;
}

/** Cost units (≈ µs of rasterization on the machine measured above) a step may spend before it flushes. */
const STEP_UNITS = 5000;
const COST = { hairline: 1, thick: 16, arrow: 5, node: 5, square: 2, label: 40 };
/** A group with more edges than this is drawn with hairlines (≤ 1 px), whatever its style's width. */
const THICK_EDGE_LIMIT = 1500;
/** Arrow heads only where a group has at most this many edges on screen. */
const ARROW_LIMIT = 3000;
export const LABEL_SIZE = 12;
const LABEL_CELL = 100;
/** Labels only for nodes drawn at least this large (emphasized nodes always). */
const LABEL_MIN_RADIUS = 7;
const MAX_LABELS = 400;
/**
 * Filled shapes (and thick strokes, which are filled outlines) go to the rasterizer in paths of at most this many:
 * one path of thousands of overlapping shapes (nodes piled up early in a layout) makes every scanline sort thousands
 * of edges, and one 1,000-node step then took ~250 ms instead of ~5.
 */
const SUBPATHS = 64;

type Phase = "clear" | "edges" | "arrows" | "nodes" | "selection" | "labels" | "done";

export class PaintJob {
	private readonly px: Float32Array;
	private readonly py: Float32Array;
	private readonly pr: Float32Array;
	private phase: Phase = "clear";
	private group = 0;
	private index = 0;
	/** Edges of the current group that reached the screen (their heads are drawn in the "arrows" phase). */
	private onScreen: PaintEdge[] = [];
	private placed: { node: PaintNode; x: number }[] | undefined;
	/** Node ids whose labels this frame draws. */
	readonly labelled: string[] = [];

	constructor(private readonly ctx: CanvasRenderingContext2D, private readonly input: PaintInput, readonly view: PaintView) {
		const n = input.nodes.length;
		this.px = new Float32Array(n);
		this.py = new Float32Array(n);
		this.pr = new Float32Array(n);
		for (const node of input.nodes) {
			this.px[node.slot] = view.ox + node.x * view.scale;
			this.py[node.slot] = view.oy + node.y * view.scale;
			this.pr[node.slot] = Math.max(1, node.size * view.sizeScale);
		}
	}

	get done(): boolean {
		return this.phase === "done";
	}

	/** Paint steps until `deadline` (performance.now()) or the end; true when the frame is complete. */
	run(deadline: number): boolean {
		while (this.phase !== "done") {
			this.step();
			// Rasterize this step now (see the file comment): reading one pixel flushes the recorded commands.
			this.ctx.getImageData(0, 0, 1, 1);
			if (performance.now() >= deadline) break;
		}
		return this.phase === "done";
	}

	private step(): void {
		const ctx = this.ctx;
		const v = this.view;
		switch (this.phase) {
			case "clear":
				ctx.setTransform(v.pixelRatio, 0, 0, v.pixelRatio, 0, 0);
				ctx.clearRect(0, 0, v.width, v.height);
				this.phase = this.input.edgesHidden ? "nodes" : "edges";
				return;
			case "edges":
				this.edgeStep();
				return;
			case "arrows":
				this.arrowStep();
				return;
			case "nodes":
				this.nodeStep();
				return;
			case "selection":
				this.selectionStep();
				return;
			case "labels":
				this.labelStep();
				return;
			case "done":
				return;
		}
	}

	private nextGroup(after: "edges" | "nodes"): void {
		this.group++;
		this.index = 0;
		if (after === "edges" && this.group >= this.input.edgeGroups.length) { this.phase = "nodes"; this.group = 0; }
		if (after === "nodes" && this.group >= this.input.nodeGroups.length) { this.phase = "selection"; this.group = 0; }
	}

	private edgeStep(): void {
		const group = this.input.edgeGroups[this.group];
		if (!group || group.length === 0) { this.nextGroup("edges"); return; }
		const first = group[0] as PaintEdge;
		const thick = first.size > 1 && group.length <= THICK_EDGE_LIMIT;
		const width = thick ? first.size * Math.min(this.view.sizeScale, 3) : Math.min(1, first.size * Math.min(this.view.sizeScale, 3));
		const per = thick ? COST.thick : COST.hairline;
		const { px, py } = this;
		const w = this.view.width;
		const h = this.view.height;
		const ctx = this.ctx;
		if (this.index === 0) this.onScreen = [];
		ctx.strokeStyle = first.color;
		ctx.lineWidth = width;
		ctx.lineCap = "butt";
		ctx.beginPath();
		let inPath = 0;
		let units = 0;
		let i = this.index;
		for (; i < group.length && units < STEP_UNITS; i++) {
			const e = group[i] as PaintEdge;
			const a = e.source.slot;
			const b = e.target.slot;
			const ax = px[a] as number, ay = py[a] as number, bx = px[b] as number, by = py[b] as number;
			// Both ends off the same side of the screen: nothing of it is visible.
			if ((ax < 0 && bx < 0) || (ax > w && bx > w) || (ay < 0 && by < 0) || (ay > h && by > h)) continue;
			ctx.moveTo(ax, ay);
			ctx.lineTo(bx, by);
			units += per;
			if (first.arrow) this.onScreen.push(e);
			if (thick && ++inPath === SUBPATHS) { ctx.stroke(); ctx.beginPath(); inPath = 0; }
		}
		ctx.stroke();
		this.index = i;
		if (i < group.length) return;
		if (first.arrow && this.onScreen.length > 0 && this.onScreen.length <= ARROW_LIMIT) { this.phase = "arrows"; this.index = 0; return; }
		this.nextGroup("edges");
	}

	private arrowStep(): void {
		const edges = this.onScreen;
		const first = edges[0] as PaintEdge;
		const { px, py, pr } = this;
		const ctx = this.ctx;
		const head = 3 + 2.5 * Math.min(first.size, 1.6) * Math.min(this.view.sizeScale, 3);
		ctx.fillStyle = first.color;
		ctx.beginPath();
		let inPath = 0;
		let units = 0;
		let i = this.index;
		for (; i < edges.length && units < STEP_UNITS; i++) {
			const e = edges[i] as PaintEdge;
			const ax = px[e.source.slot] as number, ay = py[e.source.slot] as number;
			const bx = px[e.target.slot] as number, by = py[e.target.slot] as number, br = pr[e.target.slot] as number;
			const dx = bx - ax;
			const dy = by - ay;
			const len = Math.hypot(dx, dy);
			if (len < br + 2 * head) continue;
			const ux = dx / len;
			const uy = dy / len;
			const tipX = bx - ux * br;
			const tipY = by - uy * br;
			const baseX = tipX - ux * head;
			const baseY = tipY - uy * head;
			ctx.moveTo(tipX, tipY);
			ctx.lineTo(baseX - uy * head * 0.5, baseY + ux * head * 0.5);
			ctx.lineTo(baseX + uy * head * 0.5, baseY - ux * head * 0.5);
			ctx.closePath();
			units += COST.arrow;
			if (++inPath === SUBPATHS) { ctx.fill(); ctx.beginPath(); inPath = 0; }
		}
		ctx.fill();
		this.index = i;
		if (i >= edges.length) {
			this.phase = "edges";
			this.nextGroup("edges");
		}
	}

	private nodeStep(): void {
		const group = this.input.nodeGroups[this.group];
		if (!group || group.length === 0) { this.nextGroup("nodes"); return; }
		const first = group[0] as PaintNode;
		const ring = first.shape === "ring";
		const per = first.shape === "square" ? COST.square : COST.node;
		const { px, py, pr } = this;
		const w = this.view.width;
		const h = this.view.height;
		const ctx = this.ctx;
		ctx.beginPath();
		let units = 0;
		let i = this.index;
		ctx.strokeStyle = first.color;
		ctx.fillStyle = first.color;
		ctx.lineWidth = Math.max(1.2, first.size * 0.35);
		const paint = () => { if (ring) ctx.stroke(); else ctx.fill(); };
		let inPath = 0;
		for (; i < group.length && units < STEP_UNITS; i++) {
			const n = group[i] as PaintNode;
			const x = px[n.slot] as number, y = py[n.slot] as number, r = pr[n.slot] as number;
			if (x < -r || x > w + r || y < -r || y > h + r) continue;
			// Below ~2.5 px a circle is indistinguishable from a square, and a square costs a third as much.
			drawShape(ctx, r < 2.5 && !ring ? "square" : first.shape, x, y, ring ? r * 0.8 : r);
			units += per;
			if (++inPath === SUBPATHS) { paint(); ctx.beginPath(); inPath = 0; }
		}
		paint();
		this.index = i;
		if (i >= group.length) this.nextGroup("nodes");
	}

	private selectionStep(): void {
		const sel = this.input.selected === undefined ? undefined : this.input.nodes.find((n) => n.id === this.input.selected);
		if (sel) {
			const ctx = this.ctx;
			ctx.strokeStyle = this.input.theme.text;
			ctx.lineWidth = 2;
			ctx.beginPath();
			ctx.arc(this.px[sel.slot] as number, this.py[sel.slot] as number, (this.pr[sel.slot] as number) + 4, 0, Math.PI * 2);
			ctx.stroke();
		}
		this.phase = "labels";
	}

	/**
	 * Emphasized nodes first, then by priority; a label is placed only where it overlaps no label placed before it
	 * (boxes kept in a coarse grid), so labels never pile up; off-screen and small nodes get none.
	 */
	private placeLabels(): { node: PaintNode; x: number }[] {
		const { ctx, input, px, py, pr } = this;
		const w = this.view.width;
		const h = this.view.height;
		const cols = Math.ceil(w / LABEL_CELL) + 1;
		const grid = new Map<number, number[]>();
		const out: { node: PaintNode; x: number }[] = [];
		const half = LABEL_SIZE / 2 + 2;
		ctx.font = `${LABEL_SIZE}px ${input.theme.font}`;
		const put = (n: PaintNode, forced: boolean): void => {
			const sx = px[n.slot] as number, sy = py[n.slot] as number, r = pr[n.slot] as number;
			if (sx < 0 || sx > w || sy < 0 || sy > h) return;
			// Measured once per label text; a label never measured is estimated (measuring thousands of candidates
			// that lose to a neighbour cost ~75 ms on a first paint), and measured when it is drawn.
			const width = input.labelWidths.get(n.label) ?? n.label.length * LABEL_SIZE * 0.62;
			const x0 = sx + r + 1;
			const x1 = x0 + width + 4;
			const y0 = sy - half;
			const y1 = sy + half;
			const c0 = Math.max(0, Math.floor(x0 / LABEL_CELL));
			const c1 = Math.floor(x1 / LABEL_CELL);
			const r0 = Math.max(0, Math.floor(y0 / LABEL_CELL));
			const r1 = Math.floor(y1 / LABEL_CELL);
			if (!forced) {
				for (let row = r0; row <= r1; row++) {
					for (let c = c0; c <= c1; c++) {
						const boxes = grid.get(row * cols + c);
						if (!boxes) continue;
						for (let i = 0; i < boxes.length; i += 4) {
							if (x0 < (boxes[i + 2] as number) && x1 > (boxes[i] as number) && y0 < (boxes[i + 3] as number) && y1 > (boxes[i + 1] as number)) return;
						}
					}
				}
			}
			for (let row = r0; row <= r1; row++) {
				for (let c = c0; c <= c1; c++) {
					const key = row * cols + c;
					const boxes = grid.get(key);
					if (boxes) boxes.push(x0, y0, x1, y1);
					else grid.set(key, [x0, y0, x1, y1]);
				}
			}
			if (!input.labelWidths.has(n.label)) {
				if (input.labelWidths.size > 50_000) input.labelWidths.clear();
				input.labelWidths.set(n.label, ctx.measureText(n.label).width);
			}
			out.push({ node: n, x: sx + r + 3 });
		};
		const byId = new Map<string, PaintNode>();
		if (input.emphasized.size > 0) for (const n of input.nodes) if (input.emphasized.has(n.id)) byId.set(n.id, n);
		for (const id of input.emphasized) {
			const n = byId.get(id);
			if (n) put(n, true);
		}
		for (const n of input.byPriority) {
			if (out.length >= MAX_LABELS + input.emphasized.size) break;
			if ((pr[n.slot] as number) < LABEL_MIN_RADIUS || input.emphasized.has(n.id)) continue;
			put(n, false);
		}
		return out;
	}

	private labelStep(): void {
		const ctx = this.ctx;
		if (!this.placed) {
			this.placed = this.placeLabels();
			this.index = 0;
			for (const p of this.placed) this.labelled.push(p.node.id);
			return;
		}
		const theme = this.input.theme;
		ctx.font = `${LABEL_SIZE}px ${theme.font}`;
		ctx.lineJoin = "round";
		ctx.lineWidth = 3;
		ctx.textBaseline = "middle";
		let units = 0;
		let i = this.index;
		for (; i < this.placed.length && units < STEP_UNITS; i++) {
			const { node, x } = this.placed[i] as { node: PaintNode; x: number };
			const y = this.py[node.slot] as number;
			ctx.strokeStyle = theme.background;
			ctx.strokeText(node.label, x, y);
			ctx.fillStyle = theme.text;
			ctx.fillText(node.label, x, y);
			units += COST.label;
		}
		this.index = i;
		if (i >= this.placed.length) this.phase = "done";
	}
}
