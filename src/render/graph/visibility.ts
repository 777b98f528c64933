/**
 * Which of the model's nodes and edges are drawn under the current filters and mode. Pure: the renderer draws what
 * this says, the test host reports it, the unit tests check it.
 */
import type { GraphModel, ModelEdge, ModelNode } from "./model";
import type { GraphFilters } from "./state";

export interface Visible {
	nodes: Set<string>;
	edges: Set<string>;
}

/**
 * A node is drawn when its kind is not hidden, missing notes are on (for missing notes), and (for notes and series,
 * when some series are selected) it belongs to one of them; `focus` is always drawn (a search hit stays visible).
 * An edge is drawn when its kind is on and both its ends are drawn. `within`: local mode's neighbourhood.
 */
export function visibleSet(model: GraphModel, filters: GraphFilters, within?: ReadonlySet<string>, focus?: string): Visible {
	const hidden = new Set(filters.hiddenKinds);
	const series = filters.series.length > 0 ? new Set(filters.series) : undefined;
	const edgeKinds = new Set(filters.edgeKinds);
	if (filters.fits !== "off") edgeKinds.add("fits");
	const nodes = new Set<string>();
	for (const n of model.nodes.values()) {
		if (n.id === focus || nodeShown(model, n, hidden, series, filters.missing, within)) nodes.add(n.id);
	}
	const edges = new Set<string>();
	for (const e of model.edges.values()) if (edgeShown(e, edgeKinds, nodes)) edges.add(e.id);
	return { nodes, edges };
}

function nodeShown(
	model: GraphModel, n: ModelNode, hidden: ReadonlySet<string>, series: ReadonlySet<string> | undefined,
	missing: boolean, within: ReadonlySet<string> | undefined,
): boolean {
	if (within && !within.has(n.id)) return false;
	if (hidden.has(n.kind)) return false;
	if (n.kind === "missing-note" && !missing) return false;
	if (series) {
		if (n.kind === "series") return series.has(n.id);
		if (n.kind === "note") return model.seriesOf(n.id).some((s) => series.has(s));
	}
	return true;
}

function edgeShown(e: ModelEdge, kinds: ReadonlySet<string>, nodes: ReadonlySet<string>): boolean {
	return kinds.has(e.kind) && nodes.has(e.source) && nodes.has(e.target);
}
