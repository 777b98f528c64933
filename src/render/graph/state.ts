/**
 * The graph view's state: mode, depth, focus, filters and camera. It is what Obsidian saves with the workspace and
 * hands back on restart (View.getState / setState), so reading it back must survive anything: an older shape, a
 * hand-edited workspace.json, garbage. Pure.
 */
import type { EdgeKind, NodeKind } from "./source";

/** Edges the view draws that the index does not hold: model → GPU fit verdicts. */
export type ViewEdgeKind = EdgeKind | "fits";

export const NODE_KINDS: readonly NodeKind[] = [
	"note", "series", "tag", "missing-note", "gpu", "architecture", "model", "format", "family", "memory", "interconnect", "tool",
];

export const EDGE_KINDS: readonly ViewEdgeKind[] = [
	"feedback", "amplifies", "links", "mentions", "tagged", "in-series", "architecture", "memory", "interconnect",
	"native-format", "family", "fits",
];

/**
 * Edge kinds with one or more edges per note and per concept mention: ~50 per note in a real vault. Off by default
 * in the global view (a 10k-note vault would draw half a million of them); on in local mode, where they are few.
 */
export const BULK_EDGE_KINDS: ReadonlySet<ViewEdgeKind> = new Set<ViewEdgeKind>(["mentions", "tagged"]);

export type FitsOverlay = "off" | "rig" | "mentioned";

export interface GraphFilters {
	/** Node kinds not drawn. */
	hiddenKinds: NodeKind[];
	/** Edge kinds drawn in the global view. */
	edgeKinds: ViewEdgeKind[];
	/** Edge kinds drawn (and walked) in local mode. */
	localEdgeKinds: ViewEdgeKind[];
	/** Series node ids (`series:s13`) whose notes are drawn; empty: every series. */
	series: string[];
	/** Draw the names that links point to but no note carries. */
	missing: boolean;
	/** Model → GPU edges coloured by the best precision that fits: to my rig's GPU, or to every GPU the vault names. */
	fits: FitsOverlay;
}

export interface CameraState {
	x: number;
	y: number;
	ratio: number;
}

export type GraphMode = "global" | "local";

export interface GraphViewState {
	mode: GraphMode;
	/** Local mode: steps from the focus (1–3). */
	depth: number;
	/** Local mode: the node the neighbourhood is around (follows the active note unless pinned). Global: the selected node. */
	focus: string | undefined;
	/** Local mode: stay on `focus` instead of following the active note. */
	pinned: boolean;
	filters: GraphFilters;
	camera: CameraState | undefined;
}

export function defaultFilters(): GraphFilters {
	return {
		hiddenKinds: [],
		edgeKinds: EDGE_KINDS.filter((k) => !BULK_EDGE_KINDS.has(k) && k !== "fits"),
		localEdgeKinds: localEdgeKinds(),
		series: [],
		missing: false,
		fits: "off",
	};
}

export function defaultViewState(): GraphViewState {
	return { mode: "global", depth: 1, focus: undefined, pinned: false, filters: defaultFilters(), camera: undefined };
}

/** Local mode's edge kinds by default: everything the index holds (the neighbourhood is small). */
export function localEdgeKinds(): ViewEdgeKind[] {
	return EDGE_KINDS.filter((k) => k !== "fits");
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function subset<T extends string>(v: unknown, allowed: readonly T[], fallback: T[]): T[] {
	if (!Array.isArray(v)) return fallback;
	const ok = new Set<string>(allowed);
	return [...new Set(v.filter((x): x is T => typeof x === "string" && ok.has(x)))];
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Any saved value → a complete, valid state. Never throws. */
export function readViewState(saved: unknown): GraphViewState {
	const d = defaultViewState();
	if (!isObj(saved)) return d;
	const f = isObj(saved.filters) ? saved.filters : {};
	const cam = isObj(saved.camera) ? saved.camera : undefined;
	const depth = typeof saved.depth === "number" && Number.isInteger(saved.depth) ? Math.min(3, Math.max(1, saved.depth)) : d.depth;
	return {
		mode: saved.mode === "local" ? "local" : "global",
		depth,
		focus: typeof saved.focus === "string" && saved.focus.length > 0 && saved.focus.length < 4096 ? saved.focus : undefined,
		pinned: saved.pinned === true,
		filters: {
			hiddenKinds: subset(f.hiddenKinds, NODE_KINDS, d.filters.hiddenKinds),
			edgeKinds: subset(f.edgeKinds, EDGE_KINDS, d.filters.edgeKinds),
			localEdgeKinds: subset(f.localEdgeKinds, EDGE_KINDS, d.filters.localEdgeKinds),
			series: Array.isArray(f.series) ? f.series.filter((s): s is string => typeof s === "string" && s.startsWith("series:")).slice(0, 200) : [],
			missing: f.missing === true,
			fits: f.fits === "rig" || f.fits === "mentioned" ? f.fits : "off",
		},
		camera: cam && finite(cam.x) && finite(cam.y) && finite(cam.ratio) && cam.ratio > 0 ? { x: cam.x, y: cam.y, ratio: cam.ratio } : undefined,
	};
}

/** The index edge kinds the view must fetch for these filters (`in-series` always: series filters need it). */
export function fetchedKinds(filters: GraphFilters): Set<EdgeKind> {
	const out = new Set<EdgeKind>(["in-series"]);
	for (const k of filters.edgeKinds) if (k !== "fits") out.add(k);
	return out;
}
