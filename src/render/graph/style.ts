/**
 * How each kind of node and edge looks: shape, colour (a CSS custom property, so the theme and users' snippets decide
 * the actual colour) and size. Shared by the canvas renderer, the legend and the tests. Pure.
 */
import type { NodeKind } from "./source";
import type { ViewEdgeKind } from "./state";

export type NodeShape = "circle" | "ring" | "square" | "diamond" | "triangle" | "hexagon";
export const NODE_SHAPES: readonly NodeShape[] = ["circle", "ring", "square", "diamond", "triangle", "hexagon"];

export interface NodeStyle {
	shape: NodeShape;
	/** CSS custom property holding the colour (defined in styles.css from Obsidian's theme variables). */
	colorVar: string;
	/** Size in screen pixels for a node of degree 0 at zoom 1. */
	baseSize: number;
	/** Legend text, plural. */
	label: string;
}

export const NODE_STYLES: Readonly<Record<NodeKind, NodeStyle>> = {
	note: { shape: "circle", colorVar: "--gpufit-graph-note", baseSize: 4, label: "Notes" },
	series: { shape: "hexagon", colorVar: "--gpufit-graph-series", baseSize: 9, label: "Series" },
	tag: { shape: "circle", colorVar: "--gpufit-graph-tag", baseSize: 2.5, label: "Tags" },
	"missing-note": { shape: "ring", colorVar: "--gpufit-graph-missing", baseSize: 4, label: "Missing notes" },
	gpu: { shape: "diamond", colorVar: "--gpufit-graph-gpu", baseSize: 6, label: "GPUs" },
	architecture: { shape: "square", colorVar: "--gpufit-graph-architecture", baseSize: 6, label: "Architectures" },
	model: { shape: "triangle", colorVar: "--gpufit-graph-model", baseSize: 6, label: "Models" },
	format: { shape: "square", colorVar: "--gpufit-graph-format", baseSize: 4, label: "Formats" },
	family: { shape: "triangle", colorVar: "--gpufit-graph-family", baseSize: 5, label: "Model families" },
	memory: { shape: "diamond", colorVar: "--gpufit-graph-memory", baseSize: 4, label: "Memory" },
	interconnect: { shape: "diamond", colorVar: "--gpufit-graph-interconnect", baseSize: 4, label: "Interconnects" },
	tool: { shape: "hexagon", colorVar: "--gpufit-graph-tool", baseSize: 4, label: "Tools" },
};

export interface EdgeStyle {
	colorVar: string;
	/** Drawn with an arrow head (note → note links have a direction worth seeing). */
	arrow: boolean;
	/** Thickness in screen pixels. */
	size: number;
	label: string;
}

export const EDGE_STYLES: Readonly<Record<ViewEdgeKind, EdgeStyle>> = {
	feedback: { colorVar: "--gpufit-edge-feedback", arrow: true, size: 1.6, label: "Feedback loop" },
	amplifies: { colorVar: "--gpufit-edge-amplifies", arrow: true, size: 1.6, label: "Amplifies" },
	links: { colorVar: "--gpufit-edge-links", arrow: false, size: 1, label: "Links" },
	mentions: { colorVar: "--gpufit-edge-mentions", arrow: false, size: 0.6, label: "Mentions" },
	tagged: { colorVar: "--gpufit-edge-tagged", arrow: false, size: 0.6, label: "Tagged" },
	"in-series": { colorVar: "--gpufit-edge-in-series", arrow: false, size: 0.8, label: "In series" },
	architecture: { colorVar: "--gpufit-edge-architecture", arrow: false, size: 1.2, label: "Architecture" },
	memory: { colorVar: "--gpufit-edge-memory", arrow: false, size: 1, label: "Memory" },
	interconnect: { colorVar: "--gpufit-edge-interconnect", arrow: false, size: 1, label: "Interconnect" },
	"native-format": { colorVar: "--gpufit-edge-native-format", arrow: false, size: 1, label: "Native format" },
	family: { colorVar: "--gpufit-edge-family", arrow: false, size: 1.2, label: "Family" },
	fits: { colorVar: "--gpufit-edge-fits", arrow: true, size: 2, label: "Fits on" },
};

/** Size grows with the square root of the degree, so hubs stand out without swallowing the view. */
export function nodeSize(kind: NodeKind, degree: number): number {
	const base = NODE_STYLES[kind].baseSize;
	return Math.min(base + 1.1 * Math.sqrt(Math.max(0, degree)), base * 5, 28);
}

/**
 * Importance for labels: the renderer places the labels of the most important nodes first and skips any that would
 * overlap one already placed, so labels never pile up; `labelPriority` biases that towards series and concepts over plain notes.
 */
export function labelPriority(kind: NodeKind, degree: number): number {
	const boost = kind === "series" ? 3 : kind === "note" || kind === "tag" || kind === "missing-note" ? 1 : 1.5;
	return boost * (1 + Math.sqrt(Math.max(0, degree)));
}

/** The colour of a fits edge by the best precision that fits (see fits.ts). */
export const FIT_GRADE_VARS = {
	"16-bit": "--gpufit-fit-16",
	"8-bit": "--gpufit-fit-8",
	"4-bit": "--gpufit-fit-4",
	none: "--gpufit-fit-none",
} as const;
