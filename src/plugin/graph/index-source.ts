/**
 * The graph view's only contact with the vault index: GraphSource over VaultIndex's public queries. No `obsidian`
 * import (unit-tested in Node).
 *
 * Queries used: revision, graphOf / changesSince (when the index has them), graph() (only in the fallback below),
 * localGraph, notesMentioning, diagnostics, noteIdFor, parsed.
 */
import type { EdgeKind, Graph, GraphEdge, GraphNode, NodeKind, VaultIndex } from "../../vault/index";
import type { GraphChanges, GraphSource, Problem } from "../../render/graph/source";

/** The incremental queries the index is getting (issue 8); optional until they land. */
interface IncrementalIndex {
	changesSince?(revision: number, edgeKinds: ReadonlySet<EdgeKind>): GraphChanges | undefined;
	graphOf?(edgeKinds: ReadonlySet<EdgeKind>): Graph;
}

/** Node kinds graphOf always includes; tags and missing notes only come with an edge of a fetched kind. */
const ALWAYS: ReadonlySet<NodeKind> = new Set<NodeKind>(["note", "series", "gpu", "architecture", "model", "format", "family", "memory", "interconnect", "tool"]);

/** Index revisions restart at 0 when the plugin rebuilds its index: each index gets its own range of view revisions. */
const EPOCH = 2 ** 32;

export class IndexGraphSource implements GraphSource {
	private current: VaultIndex | undefined;
	private epoch = 0;
	private snapshot: Snapshot | undefined;

	constructor(private readonly indexOf: () => VaultIndex | undefined) {}

	/** The index now, noting when the plugin replaced it (a rebuild), which voids every revision handed out. */
	private index(): VaultIndex | undefined {
		const index = this.indexOf();
		if (index !== this.current) {
			this.current = index;
			this.epoch++;
			this.snapshot = undefined;
		}
		return index;
	}

	revision(): number {
		const index = this.index();
		return this.epoch * EPOCH + (index?.revision ?? 0);
	}

	graphOf(kinds: ReadonlySet<EdgeKind>): Graph {
		const index = this.index();
		if (!index) return { nodes: [], edges: [] };
		const incremental = index as unknown as IncrementalIndex;
		if (incremental.graphOf) return incremental.graphOf(kinds);
		const graph = filterGraph(index.graph(), kinds);
		this.snapshot = Snapshot.of(graph, kinds, this.revision());
		return graph;
	}

	changesSince(revision: number, kinds: ReadonlySet<EdgeKind>): GraphChanges | undefined {
		const index = this.index();
		if (!index || Math.floor(revision / EPOCH) !== this.epoch) return undefined;
		const incremental = index as unknown as IncrementalIndex;
		if (incremental.changesSince) {
			const changes = incremental.changesSince(revision % EPOCH, kinds);
			return changes && { ...changes, revision: this.epoch * EPOCH + changes.revision };
		}
		// TEMPORARY FALLBACK until VaultIndex.changesSince lands: diff graph() against the last graph handed out.
		// It materializes the whole graph on every change, exactly what changesSince exists to avoid.
		const snap = this.snapshot;
		if (!snap || snap.revision !== revision || !sameKinds(snap.kinds, kinds)) return undefined;
		const now = this.revision();
		if (now === revision) return { revision, nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [] };
		const next = Snapshot.of(filterGraph(index.graph(), kinds), kinds, now);
		this.snapshot = next;
		return snap.diff(next);
	}

	localGraph(nodeId: string, depth: number): Graph {
		return this.index()?.localGraph(nodeId, depth) ?? { nodes: [], edges: [] };
	}

	notesMentioning(conceptId: string): string[] {
		return this.index()?.notesMentioning(conceptId) ?? [];
	}

	problems(): Problem[] {
		return this.index()?.diagnostics() ?? [];
	}

	noteIdFor(path: string): string {
		return this.index()?.noteIdFor(path) ?? `note:${path}`;
	}

	seriesTagsOf(path: string): string[] {
		return this.index()?.parsed(path)?.series.map((s) => s.display) ?? [];
	}
}

function sameKinds(a: ReadonlySet<EdgeKind>, b: ReadonlySet<EdgeKind>): boolean {
	if (a.size !== b.size) return false;
	for (const k of a) if (!b.has(k)) return false;
	return true;
}

/** graphOf's contract from the whole graph: the edges of `kinds`, the nodes they touch, and every note, series and concept. */
export function filterGraph(graph: Graph, kinds: ReadonlySet<EdgeKind>): Graph {
	const edges: GraphEdge[] = [];
	const touched = new Set<string>();
	for (const e of graph.edges) {
		if (!kinds.has(e.kind)) continue;
		edges.push({ id: e.id, source: e.source, target: e.target, kind: e.kind });
		touched.add(e.source);
		touched.add(e.target);
	}
	const nodes = graph.nodes.filter((n) => ALWAYS.has(n.kind) || touched.has(n.id));
	return { nodes, edges };
}

/** The fallback's memory of the last graph handed out (only while VaultIndex lacks changesSince). */
class Snapshot {
	private constructor(
		readonly revision: number,
		readonly kinds: ReadonlySet<EdgeKind>,
		private readonly nodes: Map<string, GraphNode>,
		private readonly edges: Map<string, GraphEdge>,
	) {}

	static of(graph: Graph, kinds: ReadonlySet<EdgeKind>, revision: number): Snapshot {
		return new Snapshot(revision, new Set(kinds), new Map(graph.nodes.map((n) => [n.id, n])), new Map(graph.edges.map((e) => [e.id, e])));
	}

	diff(next: Snapshot): GraphChanges {
		const changes: GraphChanges = { revision: next.revision, nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [] };
		for (const [id, n] of next.nodes) {
			const old = this.nodes.get(id);
			if (!old) changes.nodesAdded.push(n);
			else if (old.label !== n.label || old.degree !== n.degree || old.path !== n.path || old.kind !== n.kind) changes.nodesChanged.push(n);
		}
		for (const id of this.nodes.keys()) if (!next.nodes.has(id)) changes.nodesRemoved.push(id);
		for (const [id, e] of next.edges) if (!this.edges.has(id)) changes.edgesAdded.push(e);
		for (const id of this.edges.keys()) if (!next.edges.has(id)) changes.edgesRemoved.push(id);
		return changes;
	}
}
