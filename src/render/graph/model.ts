/**
 * The graph the view holds: the index's nodes and the edges of the kinds it fetched (never the bulk kinds unless the
 * user asks), with a position per node, kept in step with the index by small change sets. The fits overlay's edges
 * (computed by the plugin, not the index) live here too, marked as overlay. Pure: no DOM, no renderer.
 */
import type { GraphChanges, GraphEdge, GraphNode, NodeKind } from "./source";
import type { ViewEdgeKind } from "./state";

export type FitGrade = "16-bit" | "8-bit" | "4-bit" | "none";

export interface ModelNode {
	readonly id: string;
	kind: NodeKind;
	label: string;
	/** Vault path, for notes. */
	path: string | undefined;
	/** Whole-graph degree as the index counts it (all edge kinds): what node size shows. */
	degree: number;
	/** Position in layout space; NaN until placed. */
	x: number;
	y: number;
	/** Only here for the fits overlay (a GPU no note mentions, e.g. my rig's). */
	overlay: boolean;
}

export interface ModelEdge {
	readonly id: string;
	readonly source: string;
	readonly target: string;
	readonly kind: ViewEdgeKind;
	/** Fits overlay: the best precision that fits, and a one-line verdict. */
	grade?: FitGrade;
	title?: string;
}

/** What one update did, by id (the renderer and placement act on it). */
export interface ModelDelta {
	nodesAdded: string[];
	nodesRemoved: string[];
	nodesChanged: string[];
	edgesAdded: string[];
	edgesRemoved: string[];
}

export function emptyDelta(): ModelDelta {
	return { nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [] };
}

export function deltaSize(d: ModelDelta): number {
	return d.nodesAdded.length + d.nodesRemoved.length + d.nodesChanged.length + d.edgesAdded.length + d.edgesRemoved.length;
}

export class GraphModel {
	readonly nodes = new Map<string, ModelNode>();
	readonly edges = new Map<string, ModelEdge>();
	/** Node id → ids of its edges (either direction). */
	private readonly incident = new Map<string, Set<string>>();
	/** The index revision the model reflects (-1: never filled). */
	revision = -1;

	/** Replace the whole graph (first fill, another edge-kind set, a redraw), keeping positions of nodes that stay. */
	reset(nodes: readonly GraphNode[], edges: readonly GraphEdge[], revision: number): ModelDelta {
		const delta = emptyDelta();
		const nodeIds = new Set<string>();
		for (const n of nodes) nodeIds.add(n.id);
		const edgeIds = new Set<string>();
		for (const e of edges) edgeIds.add(e.id);
		for (const id of [...this.edges.keys()]) {
			const e = this.edges.get(id) as ModelEdge;
			if (e.kind !== "fits" && !edgeIds.has(id)) this.removeEdge(id, delta);
		}
		for (const [id, n] of [...this.nodes]) if (!n.overlay && !nodeIds.has(id)) this.removeNode(id, delta);
		for (const n of nodes) this.upsertNode(n, delta);
		for (const e of edges) if (!this.edges.has(e.id)) this.addEdge(e, delta);
		this.revision = revision;
		return delta;
	}

	/** Apply an index change set (nodes first, so added edges find their ends; removed edges before removed nodes). */
	apply(changes: GraphChanges): ModelDelta {
		const delta = emptyDelta();
		for (const id of changes.edgesRemoved) this.removeEdge(id, delta);
		for (const id of changes.nodesRemoved) {
			const n = this.nodes.get(id);
			if (n && !n.overlay) this.removeNode(id, delta);
		}
		for (const n of changes.nodesAdded) this.upsertNode(n, delta);
		for (const n of changes.nodesChanged) this.upsertNode(n, delta);
		for (const e of changes.edgesAdded) if (!this.edges.has(e.id)) this.addEdge(e, delta);
		this.revision = changes.revision;
		return delta;
	}

	/**
	 * Replace the overlay: its edges and the nodes only it needs. A node the index also has stays the index's (and
	 * one that was overlay-only becomes the index's when the index adds it; see upsertNode).
	 */
	setOverlay(edges: readonly ModelEdge[], extraNodes: readonly GraphNode[]): ModelDelta {
		const delta = emptyDelta();
		const keep = new Set<string>();
		for (const e of edges) keep.add(e.id);
		for (const [id, e] of [...this.edges]) if (e.kind === "fits" && !keep.has(id)) this.removeEdge(id, delta);
		const extra = new Set<string>();
		for (const n of extraNodes) extra.add(n.id);
		for (const [id, n] of [...this.nodes]) if (n.overlay && !extra.has(id)) this.removeNode(id, delta);
		for (const n of extraNodes) {
			if (this.nodes.has(n.id)) continue;
			this.nodes.set(n.id, { id: n.id, kind: n.kind, label: n.label, path: n.path, degree: n.degree, x: NaN, y: NaN, overlay: true });
			delta.nodesAdded.push(n.id);
		}
		for (const e of edges) {
			const old = this.edges.get(e.id);
			if (old && old.grade === e.grade && old.title === e.title) continue;
			if (old) this.removeEdge(e.id, delta);
			this.addEdge(e, delta);
		}
		return delta;
	}

	/** Ids of the nodes one edge away (either direction), over edges of `kinds` if given. */
	neighbours(id: string, kinds?: ReadonlySet<ViewEdgeKind>): Set<string> {
		const out = new Set<string>();
		for (const eid of this.incident.get(id) ?? []) {
			const e = this.edges.get(eid);
			if (!e || (kinds && !kinds.has(e.kind))) continue;
			out.add(e.source === id ? e.target : e.source);
		}
		return out;
	}

	/** Edge ids touching a node. */
	edgesOf(id: string): ReadonlySet<string> {
		return this.incident.get(id) ?? EMPTY;
	}

	/** Series node ids a note belongs to (its in-series edges). */
	seriesOf(noteId: string): string[] {
		const out: string[] = [];
		for (const eid of this.incident.get(noteId) ?? []) {
			const e = this.edges.get(eid);
			if (e?.kind === "in-series" && e.source === noteId) out.push(e.target);
		}
		return out;
	}

	private upsertNode(n: GraphNode, delta: ModelDelta): void {
		const old = this.nodes.get(n.id);
		if (!old) {
			this.nodes.set(n.id, { id: n.id, kind: n.kind, label: n.label, path: n.path, degree: n.degree, x: NaN, y: NaN, overlay: false });
			delta.nodesAdded.push(n.id);
			return;
		}
		if (old.kind === n.kind && old.label === n.label && old.path === n.path && old.degree === n.degree && !old.overlay) return;
		old.kind = n.kind;
		old.label = n.label;
		old.path = n.path;
		old.degree = n.degree;
		old.overlay = false;
		delta.nodesChanged.push(n.id);
	}

	private removeNode(id: string, delta: ModelDelta): void {
		for (const eid of [...(this.incident.get(id) ?? [])]) this.removeEdge(eid, delta);
		this.incident.delete(id);
		if (this.nodes.delete(id)) delta.nodesRemoved.push(id);
	}

	private addEdge(e: GraphEdge | ModelEdge, delta: ModelDelta): void {
		// An edge whose end is unknown cannot be drawn; a consistent source never sends one.
		if (!this.nodes.has(e.source) || !this.nodes.has(e.target)) return;
		const edge: ModelEdge = { id: e.id, source: e.source, target: e.target, kind: e.kind };
		if ("grade" in e && e.grade !== undefined) edge.grade = e.grade;
		if ("title" in e && e.title !== undefined) edge.title = e.title;
		this.edges.set(e.id, edge);
		this.link(e.source, e.id);
		this.link(e.target, e.id);
		delta.edgesAdded.push(e.id);
	}

	private removeEdge(id: string, delta: ModelDelta): void {
		const e = this.edges.get(id);
		if (!e) return;
		this.edges.delete(id);
		this.incident.get(e.source)?.delete(id);
		this.incident.get(e.target)?.delete(id);
		delta.edgesRemoved.push(id);
	}

	private link(node: string, edge: string): void {
		let set = this.incident.get(node);
		if (!set) this.incident.set(node, (set = new Set()));
		set.add(edge);
	}
}

const EMPTY: ReadonlySet<string> = new Set();
