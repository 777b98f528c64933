/**
 * The hardware graph view's controller: keeps the model in step with the index (change sets, never a full
 * re-materialisation once drawn), decides what is visible, places new nodes, runs the layout in a worker, and draws
 * the toolbar, legend, side panel and problems list around the 2D canvas. Obsidian-free: the plugin's ItemView
 * hands it a host (open a note, create a note, fit tables, saved positions), the test host does the same.
 */
import type { Catalog } from "../../estimator/catalog";
import type { FitTable, Result } from "../../estimator/types";
import { el, type NodeFactory } from "../dom";
import { GraphCanvas, canvasAvailable } from "./canvas";
import { catalogResolver } from "./catalog-match";
import { catalogIdOf, conceptFacts } from "./facts";
import { bestFit, fitsOverlayEdges, type FitVerdict } from "./fits";
import { LayoutRunner, type LayoutProgress } from "./layout";
import { deltaSize, GraphModel, type ModelDelta, type ModelNode } from "./model";
import { neighbourhood } from "./neighbourhood";
import { factsSection, filtersSection, kindBadge, noteList, problemsSection, type NoteRef } from "./panels";
import { placed, placeNodes } from "./placement";
import { NodeSearch, type SearchHit } from "./search";
import type { EdgeKind, GraphNode, GraphSource, NodeKind, Problem } from "./source";
import { BULK_EDGE_KINDS, fetchedKinds, NODE_KINDS, type GraphViewState, type ViewEdgeKind } from "./state";
import { EDGE_STYLES, NODE_STYLES } from "./style";
import { readTheme, type GraphTheme } from "./theme";
import { visibleSet, type Visible } from "./visibility";

export interface GraphAppHost {
	readonly source: GraphSource;
	catalog(): Catalog;
	/** My rig's GPU as a node, if the settings name a catalog GPU. */
	rigGpu(): GraphNode | undefined;
	/** A model's fit table (precision policy applied) on my rig, or on one card of `gpuId`. */
	fitTable(modelId: string, gpuId?: string): Result<FitTable>;
	/** Open a note (a modifier-click opens it in a new tab), at a 1-based line if given. */
	openNote(path: string, evt: MouseEvent | TouchEvent | KeyboardEvent | undefined, line?: number): void;
	/** Create a note for a missing name (never overwriting); resolves to the path opened, or undefined. */
	createNote(name: string, namedBy: readonly string[]): Promise<string | undefined>;
	activeNotePath(): string | undefined;
	loadPositions(): Promise<Map<string, [number, number]>>;
	savePositions(positions: Map<string, [number, number]>): void;
	/** The view's state changed (filters, camera): Obsidian should save the workspace. */
	stateChanged(): void;
}

/** What the test host reads back: the drawn model. */
export interface DrawnGraph {
	mode: "global" | "local";
	focus: string | undefined;
	selected: string | undefined;
	hovered: string | undefined;
	/** While hovering: the hovered node and its neighbours, drawn in full (the rest is dimmed). */
	highlighted: string[];
	/** False when the graph could not be drawn (no 2D canvas): the view falls back to lists. */
	drawing: boolean;
	nodes: { id: string; kind: NodeKind; label: string; x: number; y: number; visible: boolean }[];
	edges: { source: string; target: string; kind: ViewEdgeKind; visible: boolean; grade?: string }[];
	labels: string[];
	panel: string;
	layout: LayoutProgress | undefined;
	notice: string;
	/** Node colours as drawn (from the theme's CSS variables). */
	palette: Record<NodeKind, string>;
}

/** Global view: at most this many edges fetched; past it, the bulk kinds are switched off with a note. */
const MAX_GLOBAL_EDGES = 300_000;
/** Layouts of more drawn edges than this draw nodes only until they settle. */
const HIDE_EDGES_DURING_LAYOUT = 5000;
/** Local view: at most this many nodes (nearest first). */
const LOCAL_CAP = 1500;

type PanelMode = "none" | "details" | "filters" | "problems";

export class GraphApp {
	private readonly doc: NodeFactory & Document;
	private readonly vaultModel = new GraphModel();
	private readonly localModel = new GraphModel();
	private fetched = new Set<EdgeKind>();
	private canvas: GraphCanvas | undefined;
	private theme: GraphTheme;
	private readonly layout: LayoutRunner;
	private layoutIds: string[] = [];
	private layoutProgress: LayoutProgress | undefined;
	private lastApply = 0;
	/** Milliseconds between position updates during a layout (adapts to what an update costs). */
	private applyEvery = 80;
	private positions = new Map<string, [number, number]>();
	private visible: Visible = { nodes: new Set(), edges: new Set() };
	private within: Set<string> | undefined;
	private localFor = "";
	private selected: string | undefined;
	private panel: PanelMode = "none";
	private notice = "";
	private readonly verdicts = new Map<string, FitVerdict | undefined>();
	private readonly search: NodeSearch;
	private closed = false;
	private problemCache: { revision: number; list: Problem[] } | undefined;

	// DOM
	private readonly toolbar: HTMLElement;
	private readonly body: HTMLElement;
	private readonly stage: HTMLElement;
	private readonly statusEl: HTMLElement;
	private readonly legendEl: HTMLElement;
	private readonly panelEl: HTMLElement;
	private readonly searchInput: HTMLInputElement;
	private readonly results: HTMLElement;
	/** The Global and Local buttons. */
	private readonly modeButtons: [HTMLButtonElement, HTMLButtonElement];
	private readonly depthSelect: HTMLSelectElement;
	private readonly problemsButton: HTMLButtonElement;
	private readonly filtersButton: HTMLButtonElement;

	constructor(private readonly root: HTMLElement, private readonly host: GraphAppHost, private state: GraphViewState) {
		this.doc = root.ownerDocument;
		const doc = this.doc;
		root.classList.add("gpufit-graph-view");
		this.theme = readTheme(root);
		this.layout = new LayoutRunner((xy, p) => this.onLayoutTick(xy, p));
		const resolver = catalogResolver(() => host.catalog());
		this.search = new NodeSearch(this.vaultModel, resolver);

		this.toolbar = el(doc, "div", { cls: "gpufit-graph-toolbar" }, root);
		const modes = el(doc, "div", { cls: "gpufit-graph-modes", attr: { role: "group", "aria-label": "Graph mode" } }, this.toolbar);
		this.modeButtons = [
			el(doc, "button", { text: "Global", cls: "gpufit-graph-mode", attr: { "data-mode": "global" } }, modes),
			el(doc, "button", { text: "Local", cls: "gpufit-graph-mode", attr: { "data-mode": "local" } }, modes),
		];
		this.modeButtons[0].addEventListener("click", () => this.setMode("global"));
		this.modeButtons[1].addEventListener("click", () => this.setMode("local"));
		this.depthSelect = el(doc, "select", { cls: ["dropdown", "gpufit-graph-depth"], attr: { "aria-label": "Depth" } }, this.toolbar);
		for (const d of [1, 2, 3]) el(doc, "option", { text: `Depth ${d}`, attr: { value: String(d) } }, this.depthSelect);
		this.depthSelect.addEventListener("change", () => { this.state.depth = Number(this.depthSelect.value); this.rebuild(true); });

		const searchBox = el(doc, "div", { cls: "gpufit-graph-search" }, this.toolbar);
		this.searchInput = el(doc, "input", { attr: { type: "search", placeholder: "Find a note, GPU, model…", "aria-label": "Search the graph", spellcheck: "false" } }, searchBox);
		this.results = el(doc, "div", { cls: "gpufit-graph-results" }, searchBox);
		this.searchInput.addEventListener("input", () => this.showResults());
		this.searchInput.addEventListener("keydown", (evt) => {
			if (evt.key === "Enter") {
				const first = this.currentHits()[0];
				if (first) this.choose(first);
			} else if (evt.key === "Escape") this.hideResults();
		});
		this.searchInput.addEventListener("blur", () => window.setTimeout(() => this.hideResults(), 200));

		this.filtersButton = el(doc, "button", { text: "Filters", cls: "gpufit-graph-button", attr: { "data-action": "filters" } }, this.toolbar);
		this.filtersButton.addEventListener("click", () => this.togglePanel("filters"));
		this.problemsButton = el(doc, "button", { text: "Problems", cls: "gpufit-graph-button", attr: { "data-action": "problems" } }, this.toolbar);
		this.problemsButton.addEventListener("click", () => this.togglePanel("problems"));
		const relayout = el(doc, "button", { text: "Re-layout", cls: "gpufit-graph-button", attr: { "data-action": "relayout" } }, this.toolbar);
		relayout.addEventListener("click", () => this.runLayout("full"));

		const body = (this.body = el(doc, "div", { cls: "gpufit-graph-body" }, root));
		this.stage = el(doc, "div", { cls: "gpufit-graph-stage" }, body);
		this.statusEl = el(doc, "div", { cls: "gpufit-graph-status", attr: { "aria-live": "polite" } }, body);
		this.panelEl = el(doc, "aside", { cls: "gpufit-graph-panel" }, body);
		this.legendEl = el(doc, "div", { cls: "gpufit-graph-legend" }, root);
	}

	/** Load cached positions, fill the model, draw. */
	async open(): Promise<void> {
		this.positions = await this.host.loadPositions().catch(() => new Map<string, [number, number]>());
		if (this.closed) return;
		if (canvasAvailable(this.doc)) {
			try {
				this.canvas = new GraphCanvas(this.stage, this.theme, {
					clickNode: (id, evt) => this.clickNode(id, evt),
					clickStage: () => { this.select(undefined); },
					hoverNode: () => undefined,
				});
				this.canvas.onCameraChange(() => this.host.stateChanged());
			} catch (e) {
				this.canvas = undefined;
				console.warn("GPU Fit: the graph could not be drawn", e);
			}
		}
		if (!this.canvas) {
			this.stage.classList.add("is-fallback");
			el(this.doc, "div", {
				cls: "gpufit-graph-nocanvas",
				text: "The graph cannot be drawn here: this device gives no canvas to draw on. Search, details and the problems list still work.",
			}, this.stage);
		}
		this.rebuild(true);
		if (this.state.camera && this.canvas) this.canvas.setCamera(this.state.camera);
		this.renderToolbar();
	}

	get model(): GraphModel {
		return this.state.mode === "local" ? this.localModel : this.vaultModel;
	}

	getState(): GraphViewState {
		return { ...this.state, camera: this.canvas?.cameraState() ?? this.state.camera };
	}

	setState(next: GraphViewState): void {
		const cameraOnly = JSON.stringify({ ...next, camera: undefined }) === JSON.stringify({ ...this.state, camera: undefined });
		this.state = next;
		if (!cameraOnly) this.rebuild(true);
		if (next.camera && this.canvas) this.canvas.setCamera(next.camera);
		this.renderToolbar();
	}

	// ---- model upkeep ----

	/** The index changed: apply its changes (global) or recompute the neighbourhood (local). */
	indexChanged(): void {
		if (this.closed) return;
		this.verdicts.clear();
		this.rebuild(false);
		if (this.panel !== "none") this.renderPanel();
	}

	/** Rig or precision settings changed: fit verdicts and the side panel's fit summary. */
	settingsChanged(): void {
		this.verdicts.clear();
		this.updateOverlay();
		this.redraw();
		if (this.panel === "details") this.renderPanel();
	}

	/** The active note changed: local mode follows it (unless pinned). */
	activeNoteChanged(path: string | undefined): void {
		if (path === undefined || this.state.mode !== "local" || this.state.pinned) return;
		const id = this.host.source.noteIdFor(path);
		if (id === this.state.focus) return;
		this.state.focus = id;
		this.rebuild(true);
		this.host.stateChanged();
	}

	private rebuild(full: boolean): void {
		const delta = this.state.mode === "local" ? this.updateLocal(full) : this.updateGlobal();
		this.updateOverlay(delta);
		const newcomers = delta.nodesAdded;
		placeNodes(this.model, newcomers, (id) => { const p = this.positions.get(id); return p && { x: p[0], y: p[1] }; });
		this.redraw();
		const model = this.model;
		if (this.state.mode === "local") {
			// A neighbourhood lays itself out (seeded from the global positions); a few newcomers settle among the rest.
			if (full || newcomers.length > 0.3 * model.nodes.size) this.runLayout("full");
			else if (newcomers.length > 0) this.runLayout("new", new Set(newcomers));
		} else if (newcomers.length > 0) {
			const fresh = newcomers.filter((id) => !this.positions.has(id)).length;
			// A first open without cached positions lays the graph out; a few new notes settle among fixed ones
			// (on large graphs even that costs seconds of worker time: they keep the place given next to their neighbours).
			if (fresh > Math.max(20, 0.1 * model.nodes.size)) this.runLayout("full");
			else if (fresh > 0 && model.nodes.size <= 5000) this.runLayout("new", new Set(newcomers));
			else this.rememberPositions();
		}
	}

	private updateGlobal(): ModelDelta {
		const source = this.host.source;
		let kinds = fetchedKinds(this.state.filters);
		const sameKinds = kinds.size === this.fetched.size && [...kinds].every((k) => this.fetched.has(k));
		if (sameKinds && this.vaultModel.revision >= 0) {
			const changes = source.changesSince(this.vaultModel.revision, kinds);
			if (changes) return this.vaultModel.apply(changes);
		}
		let graph = source.graphOf(kinds);
		if (graph.edges.length > MAX_GLOBAL_EDGES && [...kinds].some((k) => BULK_EDGE_KINDS.has(k))) {
			this.notice = `${graph.edges.length.toLocaleString()} edges is too many to draw at once: mentions and tags stay off here (local mode shows them).`;
			this.state.filters.edgeKinds = this.state.filters.edgeKinds.filter((k) => !BULK_EDGE_KINDS.has(k));
			kinds = fetchedKinds(this.state.filters);
			graph = source.graphOf(kinds);
		}
		this.fetched = kinds;
		return this.vaultModel.reset(graph.nodes, graph.edges, source.revision());
	}

	private updateLocal(full: boolean): ModelDelta {
		const source = this.host.source;
		let focus = this.state.focus;
		if (focus === undefined) {
			const active = this.host.activeNotePath();
			if (active !== undefined) focus = this.state.focus = source.noteIdFor(active);
		}
		if (focus === undefined) {
			this.notice = "Local mode shows the neighbourhood of the active note: open a note, or search for a node.";
			this.within = new Set();
			return this.localModel.reset([], [], source.revision());
		}
		const graph = source.localGraph(focus, this.state.depth);
		const kinds = new Set(this.state.filters.localEdgeKinds);
		const hood = neighbourhood(graph, focus, this.state.depth, kinds, LOCAL_CAP);
		const keep = new Set(hood.nodes);
		this.within = keep;
		this.notice = hood.reachable > hood.nodes.length ? `Showing the nearest ${hood.nodes.length.toLocaleString()} of ${hood.reachable.toLocaleString()} nodes within ${this.state.depth} steps.` : "";
		if (hood.nodes.length === 0) this.notice = "The focused node is not in the graph (the index may still be reading the vault).";
		const key = `${focus}|${this.state.depth}`;
		if (full || key !== this.localFor) {
			// A new neighbourhood starts from the global positions where known, then settles on its own.
			for (const n of this.localModel.nodes.values()) { n.x = NaN; n.y = NaN; }
			this.localModel.reset([], [], -1);
		}
		this.localFor = key;
		return this.localModel.reset(graph.nodes.filter((n) => keep.has(n.id)), graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)), source.revision());
	}

	/** The fits overlay's edges for the current model (cached verdicts; the estimator runs once per pair). */
	private updateOverlay(delta?: ModelDelta): void {
		const model = this.model;
		const mode = this.state.filters.fits;
		if (mode === "off") {
			const d = model.setOverlay([], []);
			if (delta) mergeDelta(delta, d);
			return;
		}
		const models = [...model.nodes.values()].filter((n) => n.kind === "model" && !n.overlay).map((n) => n.id);
		const rig = this.host.rigGpu();
		const extra: GraphNode[] = [];
		let gpus: string[];
		if (mode === "rig") {
			gpus = rig ? [rig.id] : [];
			if (rig && !model.nodes.has(rig.id)) extra.push(rig);
			else if (rig && model.nodes.get(rig.id)?.overlay) extra.push(rig);
		} else gpus = [...model.nodes.values()].filter((n) => n.kind === "gpu" && !n.overlay).map((n) => n.id);
		const onRig = mode === "rig";
		const edges = fitsOverlayEdges(models, gpus, (m, g) => this.verdict(m, g, onRig));
		const d = model.setOverlay(edges, extra);
		if (delta) mergeDelta(delta, d);
	}

	private verdict(modelNode: string, gpuNode: string, onRig: boolean): FitVerdict | undefined {
		const key = `${modelNode}|${gpuNode}|${onRig ? "rig" : "one"}`;
		if (this.verdicts.has(key)) return this.verdicts.get(key);
		const m = catalogIdOf(modelNode);
		const g = catalogIdOf(gpuNode);
		let v: FitVerdict | undefined;
		if (m?.kind === "model" && g?.kind === "gpu") {
			const table = this.host.fitTable(m.id, onRig ? undefined : g.id);
			v = table.ok ? bestFit(table.value, 0) : undefined;
		}
		this.verdicts.set(key, v);
		return v;
	}

	private redraw(): void {
		const model = this.model;
		const filters = { ...this.state.filters, edgeKinds: this.state.mode === "local" ? this.state.filters.localEdgeKinds : this.state.filters.edgeKinds };
		const focus = this.state.mode === "local" ? this.state.focus : this.selected;
		this.visible = visibleSet(model, filters, this.state.mode === "local" ? this.within : undefined, focus);
		if (this.canvas) {
			this.canvas.sync(model, this.visible);
			const emph = this.state.mode === "local" && this.state.focus ? [this.state.focus] : [];
			// With the overlay on my rig, the rig's GPU keeps its label: every fits edge ends there.
			const rig = this.state.filters.fits === "rig" ? this.host.rigGpu()?.id : undefined;
			if (rig !== undefined && this.visible.nodes.has(rig)) emph.push(rig);
			this.canvas.emphasize(this.selected, emph);
		}
		this.renderStatus();
		this.renderLegend();
		this.renderToolbar();
		if (!this.canvas && this.searchInput.value === "" && this.panel === "none") this.renderFallbackList();
	}

	// ---- layout ----

	/** "full": every drawn node moves; "new": only `movable` nodes move, the rest stay where they are. */
	private runLayout(kind: "full" | "new", movable?: ReadonlySet<string>): void {
		if (!this.canvas) return;
		// A running full layout is not cut short for a few newcomers: they keep the place given next to their neighbours.
		if (kind === "new" && this.layout.isRunning) return;
		const { ids, edges } = this.canvas.drawnGraph();
		if (ids.length === 0) return;
		const model = this.model;
		const xy = new Float32Array(ids.length * 2);
		const sizes = new Float32Array(ids.length);
		const fixed = new Uint8Array(ids.length);
		ids.forEach((id, i) => {
			const n = model.nodes.get(id);
			xy[2 * i] = n?.x ?? 0;
			xy[2 * i + 1] = n?.y ?? 0;
			sizes[i] = 1;
			if (kind === "new" && !movable?.has(id)) fixed[i] = 1;
		});
		const pairs = new Uint32Array(edges.length * 2);
		const weights = new Float32Array(edges.length);
		edges.forEach(([s, t, k], e) => {
			pairs[2 * e] = s;
			pairs[2 * e + 1] = t;
			// Hubs that every note links to (a series, a popular tag) would pull everything into one ball.
			weights[e] = k === "in-series" ? 0.05 : k === "tagged" || k === "mentions" ? 0.2 : 1;
		});
		this.layoutIds = ids;
		this.applyEvery = 80;
		this.canvas.setEdgesHidden(kind === "full" && edges.length > HIDE_EDGES_DURING_LAYOUT);
		this.layout.start({ xy, sizes, fixed, edges: pairs, weights }, kind === "new" ? { maxIterations: 80 } : {});
		this.renderStatus();
	}

	private onLayoutTick(xy: Float32Array, p: LayoutProgress): void {
		if (this.closed) return;
		this.layoutProgress = p;
		const now = performance.now();
		// Copying positions into the drawing costs main-thread time (and GPU time to draw them): at most ~12 times a
		// second, and less often when it is slow, so the UI and the worker keep most of the machine.
		if (!p.done && now - this.lastApply < this.applyEvery) return;
		const model = this.model;
		this.layoutIds.forEach((id, i) => {
			const n = model.nodes.get(id);
			if (n) { n.x = xy[2 * i] as number; n.y = xy[2 * i + 1] as number; }
		});
		if (p.done) this.canvas?.setEdgesHidden(false);
		this.canvas?.updatePositions(model);
		const cost = performance.now() - now;
		this.applyEvery = Math.min(2000, Math.max(80, 10 * cost));
		this.lastApply = performance.now();
		this.renderStatus();
		if (p.done) {
			this.rememberPositions();
			this.host.stateChanged();
		}
	}

	private stopLayout(): void {
		this.layout.stop();
		this.canvas?.setEdgesHidden(false);
	}

	/** Keep the global layout's positions for the next open (the local view lays itself out each time). */
	private rememberPositions(): void {
		if (this.model !== this.vaultModel) return;
		let changed = false;
		for (const n of this.vaultModel.nodes.values()) {
			if (!placed(n)) continue;
			const old = this.positions.get(n.id);
			const x = Math.round(n.x * 100) / 100;
			const y = Math.round(n.y * 100) / 100;
			if (!old || old[0] !== x || old[1] !== y) { this.positions.set(n.id, [x, y]); changed = true; }
		}
		if (changed) this.host.savePositions(this.positions);
	}

	// ---- interaction ----

	private setMode(mode: "global" | "local"): void {
		if (this.state.mode === mode) return;
		if (mode === "local" && this.selected && this.state.focus !== this.selected) this.state.focus = this.selected;
		if (mode === "local" && this.state.focus === undefined) {
			const active = this.host.activeNotePath();
			if (active) this.state.focus = this.host.source.noteIdFor(active);
		}
		this.stopLayout();
		this.state.mode = mode;
		this.rebuild(true);
		if (mode === "global") this.canvas?.resetCamera();
		this.host.stateChanged();
	}

	/** Local mode on a node (`?focus=`, the side panel's "Local graph" button). */
	focusLocal(id: string, pin = true): void {
		this.state.focus = id;
		this.state.pinned = pin;
		this.stopLayout();
		this.state.mode = "local";
		this.rebuild(true);
		this.host.stateChanged();
	}

	private clickNode(id: string, evt: MouseEvent | TouchEvent): void {
		const n = this.model.nodes.get(id);
		if (!n) return;
		if (n.kind === "note" && n.path !== undefined) {
			this.select(id, false);
			this.host.openNote(n.path, evt);
			return;
		}
		this.select(id, true);
	}

	/** Select a node: emphasize it, and open its details unless told not to. */
	select(id: string | undefined, details = true): void {
		this.selected = id;
		if (id === undefined) {
			if (this.panel === "details") this.closePanel();
			this.redraw();
			return;
		}
		this.redraw();
		if (details) {
			this.panel = "details";
			this.renderPanel();
		}
	}

	/** Search runs over the whole vault graph in both modes (local mode fills it once, on the first search). */
	private currentHits(): SearchHit[] {
		this.ensureGlobal();
		return this.search.search(this.searchInput.value, 8);
	}

	private ensureGlobal(): void {
		if (this.vaultModel.revision >= 0) return;
		const delta = this.updateGlobal();
		placeNodes(this.vaultModel, delta.nodesAdded, (id) => { const p = this.positions.get(id); return p && { x: p[0], y: p[1] }; });
	}

	private showResults(): void {
		this.results.replaceChildren();
		const hits = this.searchInput.value.trim() ? this.currentHits() : [];
		this.results.classList.toggle("is-open", hits.length > 0);
		for (const h of hits) {
			const item = el(this.doc, "div", { cls: "gpufit-graph-result", attr: { "data-id": h.id } }, this.results);
			item.appendChild(kindBadge(this.doc, h.kind));
			el(this.doc, "span", { cls: "gpufit-graph-result-label", text: h.label }, item);
			if (!h.inGraph) el(this.doc, "span", { cls: "gpufit-graph-muted", text: "not in the vault" }, item);
			item.addEventListener("mousedown", (evt) => { evt.preventDefault(); this.choose(h); });
		}
		if (!this.canvas) this.renderFallbackList(hits);
	}

	private hideResults(): void {
		this.results.classList.remove("is-open");
	}

	/** A search result: centre it (switching to global mode if the local view lacks it) and show its details. */
	choose(hit: SearchHit): void {
		this.hideResults();
		if (this.state.mode === "local" && !this.localModel.nodes.has(hit.id)) {
			this.ensureGlobal();
			if (this.vaultModel.nodes.has(hit.id)) this.setMode("global");
		}
		this.select(hit.id, true);
		// After the panel took its room (the canvas resized), so the node lands in the middle of what is left.
		window.requestAnimationFrame(() => this.canvas?.centreOn(hit.id));
	}

	private togglePanel(mode: PanelMode): void {
		if (this.panel === mode) this.closePanel();
		else { this.panel = mode; this.renderPanel(); }
	}

	private closePanel(): void {
		this.panel = "none";
		this.panelEl.replaceChildren();
		this.panelEl.classList.remove("is-open");
		this.setPanelRoom(false);
		this.renderToolbar();
	}

	/** The stage shrinks while the panel is open; the canvas must learn its new size. */
	private setPanelRoom(open: boolean): void {
		if (this.body.classList.contains("has-panel") === open) return;
		this.body.classList.toggle("has-panel", open);
		this.canvas?.resize();
	}

	// ---- DOM ----

	private renderToolbar(): void {
		const local = this.state.mode === "local";
		this.modeButtons.forEach((b, i) => {
			b.classList.toggle("is-active", (i === 1) === local);
			b.setAttribute("aria-pressed", String((i === 1) === local));
		});
		this.depthSelect.classList.toggle("is-hidden", !local);
		this.depthSelect.value = String(this.state.depth);
		const n = this.problems().length;
		this.problemsButton.textContent = n > 0 ? `Problems (${n})` : "Problems";
		this.problemsButton.classList.toggle("has-problems", n > 0);
		this.problemsButton.classList.toggle("is-active", this.panel === "problems");
		this.filtersButton.classList.toggle("is-active", this.panel === "filters");
	}

	private renderStatus(): void {
		const nodes = this.visible.nodes.size;
		const edges = this.visible.edges.size;
		const parts = [`${nodes.toLocaleString()} nodes, ${edges.toLocaleString()} edges`];
		const p = this.layout.isRunning ? this.layoutProgress : undefined;
		if (p) parts.push(`laying out… ${p.iterations} steps${this.canvas && this.canvas.edgeCount > HIDE_EDGES_DURING_LAYOUT ? " (edges return when it settles)" : ""}`);
		if (this.notice) parts.push(this.notice);
		this.statusEl.textContent = parts.join(" · ");
	}

	private renderLegend(): void {
		const counts = new Map<NodeKind, number>();
		for (const id of this.visible.nodes) {
			const k = this.model.nodes.get(id)?.kind;
			if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
		}
		const edgeCounts = new Map<ViewEdgeKind, number>();
		for (const id of this.visible.edges) {
			const k = this.model.edges.get(id)?.kind;
			if (k) edgeCounts.set(k, (edgeCounts.get(k) ?? 0) + 1);
		}
		const doc = this.doc;
		const frag: HTMLElement[] = [];
		for (const k of NODE_KINDS) {
			const c = counts.get(k);
			if (!c) continue;
			const item = el(doc, "button", { cls: ["gpufit-graph-legend-item", `gpufit-kind-${k}`], attr: { "data-kind": k }, title: `Hide ${NODE_STYLES[k].label.toLowerCase()}` });
			el(doc, "span", { cls: ["gpufit-graph-swatch", `is-${NODE_STYLES[k].shape}`] }, item);
			el(doc, "span", { text: `${NODE_STYLES[k].label} ${c}` }, item);
			item.addEventListener("click", () => this.setKindShown(k, false));
			frag.push(item);
		}
		for (const [k, c] of edgeCounts) {
			const item = el(doc, "span", { cls: ["gpufit-graph-legend-item", "is-edge", `gpufit-edge-${k}`], attr: { "data-edge": k } });
			el(doc, "span", { cls: "gpufit-graph-line" }, item);
			el(doc, "span", { text: `${EDGE_STYLES[k].label} ${c}` }, item);
			frag.push(item);
		}
		this.legendEl.replaceChildren(...frag);
	}

	private setKindShown(kind: NodeKind, shown: boolean): void {
		const f = this.state.filters;
		f.hiddenKinds = shown ? f.hiddenKinds.filter((k) => k !== kind) : [...new Set([...f.hiddenKinds, kind])];
		this.redraw();
		if (this.panel === "filters") this.renderPanel();
		this.host.stateChanged();
	}

	private renderPanel(): void {
		const doc = this.doc;
		const root = this.panelEl;
		root.replaceChildren();
		root.classList.toggle("is-open", this.panel !== "none");
		this.setPanelRoom(this.panel !== "none");
		this.renderToolbar();
		if (this.panel === "none") return;
		const head = el(doc, "div", { cls: "gpufit-graph-panel-head" }, root);
		const close = el(doc, "button", { cls: "gpufit-graph-close", text: "×", attr: { "aria-label": "Close" } }, head);
		close.addEventListener("click", () => this.closePanel());
		if (this.panel === "problems") {
			el(doc, "div", { cls: "gpufit-graph-panel-title", text: "Problems" }, head);
			root.appendChild(problemsSection(doc, this.problems(), (p: Problem, evt) => this.host.openNote(p.path, evt, p.line)));
			return;
		}
		if (this.panel === "filters") {
			el(doc, "div", { cls: "gpufit-graph-panel-title", text: "Filters" }, head);
			root.appendChild(this.filtersPanel());
			return;
		}
		const id = this.selected;
		if (id === undefined) { this.closePanel(); return; }
		this.detailsPanel(id, head, root);
	}

	private filtersPanel(): HTMLElement {
		const local = this.state.mode === "local";
		const counts = new Map<NodeKind, number>();
		for (const n of this.model.nodes.values()) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
		const series: [string, string][] = [...this.vaultModel.nodes.values()].filter((n) => n.kind === "series").map((n) => [n.id, n.label]);
		const f = this.state.filters;
		const edgeKinds = local ? f.localEdgeKinds : f.edgeKinds;
		const changed = (refetch: boolean) => {
			if (refetch) this.rebuild(false); else { this.updateOverlay(); this.redraw(); }
			this.renderPanel();
			this.host.stateChanged();
		};
		return filtersSection(this.doc, f, edgeKinds, { kinds: [...counts], series, local }, {
			toggleKind: (k, shown) => this.setKindShown(k, shown),
			toggleEdgeKind: (k, shown) => {
				const list = shown ? [...new Set([...edgeKinds, k])] : edgeKinds.filter((x) => x !== k);
				if (local) f.localEdgeKinds = list; else f.edgeKinds = list;
				// Local mode re-walks the neighbourhood over the kinds shown; the global view fetches the new kinds.
				changed(true);
			},
			toggleSeries: (sid, on) => { f.series = on ? [...new Set([...f.series, sid])] : f.series.filter((s) => s !== sid); changed(false); },
			setMissing: (on) => { f.missing = on; changed(false); },
			setFits: (mode) => {
				f.fits = mode;
				this.updateOverlay();
				const d = this.model;
				placeNodes(d, [...d.nodes.values()].filter((n) => !placed(n)).map((n) => n.id), (nid) => { const p = this.positions.get(nid); return p && { x: p[0], y: p[1] }; });
				changed(false);
			},
		});
	}

	private detailsPanel(id: string, head: HTMLElement, root: HTMLElement): void {
		const doc = this.doc;
		const source = this.host.source;
		const node = this.model.nodes.get(id) ?? this.vaultModel.nodes.get(id);
		const sheet = conceptFacts(this.host.catalog(), id);
		const kind: NodeKind = node?.kind ?? sheet?.kind ?? "note";
		const title = el(doc, "div", { cls: "gpufit-graph-panel-title" }, head);
		title.appendChild(kindBadge(doc, kind));
		el(doc, "span", { text: sheet?.title ?? node?.label ?? id }, title);
		const actions = el(doc, "div", { cls: "gpufit-graph-actions" }, root);
		const action = (text: string, key: string, fn: (evt: MouseEvent) => void) => {
			const b = el(doc, "button", { text, cls: "gpufit-graph-button", attr: { "data-action": key } }, actions);
			b.addEventListener("click", fn);
		};
		if (node?.kind === "note" && node.path !== undefined) {
			const path = node.path;
			action("Open note", "open", (evt) => this.host.openNote(path, evt));
		}
		if (node && !node.overlay) action("Local graph", "local", () => this.focusLocal(id));
		if (node && this.canvas && this.visible.nodes.has(id)) action("Centre", "centre", () => this.canvas?.centreOn(id));
		const open = (path: string, evt: MouseEvent) => this.host.openNote(path, evt);
		const label = (path: string): NoteRef => {
			const nid = source.noteIdFor(path);
			return { path, label: this.model.nodes.get(nid)?.label ?? this.vaultModel.nodes.get(nid)?.label ?? path.replace(/^.*\//, "").replace(/\.md$/, "") };
		};

		if (kind === "missing-note") {
			const namedBy = this.linkers(id);
			el(doc, "p", { text: `No note is called “${node?.label ?? id}”. ${namedBy.length === 1 ? "One note names it" : `${namedBy.length} notes name it`} in a feedback loop or link.` }, root);
			const create = el(doc, "button", { text: "Create this note", cls: ["mod-cta", "gpufit-graph-button"], attr: { "data-action": "create" } }, actions);
			create.addEventListener("click", () => {
				create.disabled = true;
				void this.host.createNote(node?.label ?? id, namedBy).finally(() => { create.disabled = false; });
			});
			el(doc, "div", { cls: "gpufit-graph-subhead", text: "Named by" }, root);
			root.appendChild(noteList(doc, namedBy.map(label), open));
			return;
		}
		if (sheet) {
			let fit: { table?: FitTable; best?: string; error?: string } | undefined;
			if (sheet.kind === "model" && sheet.catalogId) {
				const r = this.host.fitTable(sheet.catalogId);
				fit = r.ok ? { table: r.value, best: bestFit(r.value, 0).summary } : { error: r.error.message };
			}
			root.appendChild(factsSection(doc, sheet, fit));
		}
		if (kind === "note") return;
		const notes = kind === "series" || kind === "tag" ? this.notesVia(id, kind === "series" ? "in-series" : "tagged") : source.notesMentioning(id);
		el(doc, "div", { cls: "gpufit-graph-subhead", text: notes.length === 0 ? "No note mentions it" : `${kind === "series" ? "Notes in this series" : kind === "tag" ? "Notes with this tag" : "Notes that mention it"} (${notes.length})` }, root);
		if (notes.length > 0) root.appendChild(noteList(doc, notes.map(label).sort((a, b) => a.label.localeCompare(b.label)), open));
	}

	/** The index's problems, read once per index revision (the query walks every note). */
	private problems(): Problem[] {
		const rev = this.host.source.revision();
		if (this.problemCache?.revision !== rev) this.problemCache = { revision: rev, list: this.host.source.problems() };
		return this.problemCache.list;
	}

	/** Paths of the notes with an edge of `kind` into `id` (the index's one-step neighbourhood). */
	private notesVia(id: string, kind: EdgeKind): string[] {
		const g = this.host.source.localGraph(id, 1);
		const paths = new Map(g.nodes.filter((n) => n.path !== undefined).map((n) => [n.id, n.path as string]));
		return g.edges.filter((e) => e.target === id && e.kind === kind).map((e) => paths.get(e.source)).filter((p): p is string => p !== undefined);
	}

	private linkers(id: string): string[] {
		return [...new Set([...this.notesVia(id, "feedback"), ...this.notesVia(id, "amplifies"), ...this.notesVia(id, "links")])].sort();
	}

	/** Without a canvas: the search results (or the notes, concepts and series) as a list that still opens things. */
	private renderFallbackList(hits?: SearchHit[]): void {
		const doc = this.doc;
		let list = this.stage.querySelector<HTMLElement>(".gpufit-graph-fallback-list");
		if (!list) list = el(doc, "div", { cls: "gpufit-graph-fallback-list" }, this.stage);
		list.replaceChildren();
		const items: SearchHit[] = hits ?? [...this.visible.nodes].map((id) => this.model.nodes.get(id)).filter((n): n is ModelNode => n !== undefined && n.kind !== "note")
			.sort((a, b) => b.degree - a.degree).slice(0, 60)
			.map((n) => ({ id: n.id, label: n.label, kind: n.kind, inGraph: true, score: 0 }));
		for (const h of items) {
			const row = el(doc, "button", { cls: "gpufit-graph-result", attr: { "data-id": h.id } }, list);
			row.appendChild(kindBadge(doc, h.kind));
			el(doc, "span", { text: h.label }, row);
			row.addEventListener("click", () => this.choose(h));
		}
	}

	/** The theme changed (Obsidian's css-change): re-read colours. */
	themeChanged(): void {
		this.theme = readTheme(this.root);
		this.canvas?.setTheme(this.theme, this.model);
	}

	resize(): void {
		this.canvas?.resize();
	}

	/** The drawn model, for the test host and the bench. */
	drawn(): DrawnGraph {
		const model = this.model;
		return {
			mode: this.state.mode,
			focus: this.state.focus,
			selected: this.selected,
			hovered: this.canvas?.hoveredNode,
			highlighted: this.canvas?.hoverNeighbourhood ?? [],
			drawing: this.canvas !== undefined,
			nodes: [...model.nodes.values()].map((n) => ({ id: n.id, kind: n.kind, label: n.label, x: n.x, y: n.y, visible: this.visible.nodes.has(n.id) })),
			edges: [...model.edges.values()].map((e) => ({ source: e.source, target: e.target, kind: e.kind, visible: this.visible.edges.has(e.id), ...(e.grade ? { grade: e.grade } : {}) })),
			labels: this.canvas?.displayedLabels() ?? [],
			panel: this.panel,
			layout: this.layoutProgress,
			notice: this.notice,
			palette: { ...this.theme.node },
		};
	}

	/** Screen position of a drawn node (tests hover and click it with the real pointer). */
	screenPosition(id: string): { x: number; y: number } | undefined {
		const p = this.canvas?.viewportPosition(id);
		if (!p) return undefined;
		const r = this.stage.getBoundingClientRect();
		return { x: r.left + p.x, y: r.top + p.y };
	}

	/** Time of each render so far (and its start/end), and when the first frame with nodes was drawn (for the bench). */
	frameStats(): { renders: number[]; windows: [number, number][]; firstFrameAt: number | undefined } {
		const s = this.canvas?.stats;
		return { renders: [...(s?.renders ?? [])], windows: [...(s?.windows ?? [])], firstFrameAt: s?.firstFrameAt };
	}

	/** Move the camera (the bench pans and zooms with it). */
	moveCamera(state: { x: number; y: number; ratio: number }): void {
		this.canvas?.setCamera(state);
	}

	get layoutRunning(): boolean {
		return this.layout.isRunning;
	}

	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.layout.kill();
		this.rememberPositions();
		this.canvas?.kill();
		this.canvas = undefined;
	}
}

function mergeDelta(into: ModelDelta, d: ModelDelta): void {
	if (deltaSize(d) === 0) return;
	into.nodesAdded.push(...d.nodesAdded);
	into.nodesRemoved.push(...d.nodesRemoved);
	into.nodesChanged.push(...d.nodesChanged);
	into.edgesAdded.push(...d.edgesAdded);
	into.edgesRemoved.push(...d.edgesRemoved);
}
