/**
 * The graph's colours, read from CSS custom properties on the view (styles.css maps them to Obsidian's theme
 * variables), so light, dark and community themes all apply. The canvas and the legend share them: every colour is normalized
 * through a 2D canvas (which understands any CSS colour syntax) into rgba.
 */
import { el } from "../dom";
import { NODE_KINDS, EDGE_KINDS } from "./state";
import { EDGE_STYLES, FIT_GRADE_VARS, NODE_STYLES } from "./style";
import type { FitGrade } from "./model";
import type { NodeKind } from "./source";
import type { ViewEdgeKind } from "./state";

export interface Rgba {
	r: number;
	g: number;
	b: number;
	a: number;
}

export interface GraphTheme {
	node: Record<NodeKind, string>;
	edge: Record<ViewEdgeKind, string>;
	fit: Record<FitGrade, string>;
	background: string;
	text: string;
	textMuted: string;
	font: string;
}

export function rgbaString(c: Rgba): string {
	return `rgba(${Math.round(c.r)},${Math.round(c.g)},${Math.round(c.b)},${+c.a.toFixed(3)})`;
}

/** Parse what a canvas gives back: "#rrggbb" or "rgba(r, g, b, a)". */
export function parseCanvasColor(s: string): Rgba | undefined {
	const hex = /^#([0-9a-f]{6})$/i.exec(s);
	if (hex) {
		const v = parseInt(hex[1] as string, 16);
		return { r: (v >> 16) & 255, g: (v >> 8) & 255, b: v & 255, a: 1 };
	}
	const m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(s);
	if (!m) return undefined;
	return { r: +(m[1] as string), g: +(m[2] as string), b: +(m[3] as string), a: m[4] === undefined ? 1 : +m[4] };
}

/** Read the theme from `el` (the view's root, which carries the graph's custom properties). */
export function readTheme(root: HTMLElement): GraphTheme {
	const style = root.ownerDocument.defaultView?.getComputedStyle(root);
	const ctx = el(root.ownerDocument, "canvas").getContext("2d");
	const resolve = (name: string, fallback: string): Rgba => {
		const raw = style?.getPropertyValue(name).trim() || fallback;
		if (!ctx) return parseCanvasColor(raw) ?? { r: 128, g: 128, b: 128, a: 1 };
		ctx.fillStyle = "#808080";
		ctx.fillStyle = raw;
		return parseCanvasColor(String(ctx.fillStyle)) ?? { r: 128, g: 128, b: 128, a: 1 };
	};
	const background = resolve("--gpufit-graph-background", "#ffffff");
	const node = {} as Record<NodeKind, string>;
	for (const k of NODE_KINDS) node[k] = rgbaString(resolve(NODE_STYLES[k].colorVar, "#808080"));
	const edge = {} as Record<ViewEdgeKind, string>;
	for (const k of EDGE_KINDS) edge[k] = rgbaString(resolve(EDGE_STYLES[k].colorVar, "#a0a0a0"));
	const fit = {} as Record<FitGrade, string>;
	for (const [grade, v] of Object.entries(FIT_GRADE_VARS)) fit[grade as FitGrade] = rgbaString(resolve(v, "#808080"));
	return {
		node, edge, fit,
		background: rgbaString(background),
		text: rgbaString(resolve("--gpufit-graph-label", "#222222")),
		textMuted: rgbaString(resolve("--gpufit-graph-label-muted", "#666666")),
		font: style?.getPropertyValue("--gpufit-graph-font").trim() || "sans-serif",
	};
}
