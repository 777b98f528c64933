/**
 * Compact stacked bar chart, one bar per format: weights / KV cache / overhead per GPU against
 * the GPU's usable-memory line. SVG; colours come from CSS classes (theme variables in styles.css).
 */
import type { FitTable } from "../estimator/types";
import { type NodeFactory, el, svg } from "./dom";
import { formatGiB } from "./format";

const WIDTH = 640;
const LABEL_W = 130;
const RIGHT_PAD = 70;
const BAR_H = 14;
const ROW_H = 22;
const TOP = 22;

export const CHART_SEGMENTS = [
	{ key: "weights", label: "Weights" },
	{ key: "kv", label: "KV cache" },
	{ key: "overhead", label: "Overhead" },
] as const;

function n(x: number): string {
	return (Math.round(x * 10) / 10).toString();
}

export function renderChart(doc: NodeFactory, table: FitTable): HTMLElement {
	const wrap = el(doc, "div", { cls: "gpufit-chart" });
	const rows = table.rows;
	const usable = rows[0]?.usableGiBPerGpu ?? 0;
	const maxNeed = Math.max(usable, ...rows.map((r) => r.perGpuGiB));
	const scale = maxNeed > 0 ? (WIDTH - LABEL_W - RIGHT_PAD) / (maxNeed * 1.04) : 0;
	const height = TOP + rows.length * ROW_H + 6;
	const root = svg(doc, "svg", {
		cls: "gpufit-chart-svg",
		attr: {
			viewBox: `0 0 ${WIDTH} ${height}`,
			role: "img",
			"aria-label": `Memory per GPU by format against ${formatGiB(usable)} GiB usable`,
			preserveAspectRatio: "xMinYMin meet",
		},
	}, wrap);

	rows.forEach((r, i) => {
		const y = TOP + i * ROW_H;
		const g = svg(doc, "g", { cls: ["gpufit-chart-row", r.fits ? "is-fit" : "is-nofit"] }, root);
		svg(doc, "text", { cls: "gpufit-chart-label", text: r.formatName, attr: { x: "0", y: n(y + BAR_H - 3) } }, g);
		let x = LABEL_W;
		const parts: [string, number, string][] = [
			["weights", r.weightsPerGpuGiB, "Weights"],
			["kv", r.kvCachePerGpuGiB, "KV cache"],
			["overhead", r.overheadGiB, "Overhead"],
		];
		for (const [key, value, label] of parts) {
			const w = Math.max(0, value * scale);
			svg(doc, "rect", {
				cls: ["gpufit-seg", `gpufit-seg-${key}`],
				attr: { x: n(x), y: n(y), width: n(w), height: String(BAR_H) },
				title: `${r.formatName}: ${label} ${formatGiB(value)} GiB`,
			}, g);
			x += w;
		}
		svg(doc, "text", {
			cls: "gpufit-chart-value",
			text: `${formatGiB(r.perGpuGiB)} GiB`,
			attr: { x: n(x + 4), y: n(y + BAR_H - 3) },
		}, g);
	});

	const lx = LABEL_W + usable * scale;
	svg(doc, "line", {
		cls: "gpufit-chart-limit",
		attr: { x1: n(lx), x2: n(lx), y1: "12", y2: n(height - 2) },
		title: `Usable memory per GPU: ${formatGiB(usable)} GiB`,
	}, root);
	svg(doc, "text", {
		cls: "gpufit-chart-limit-label",
		text: `usable ${formatGiB(usable)} GiB`,
		attr: { x: n(lx), y: "10", "text-anchor": "middle" },
	}, root);

	const legend = el(doc, "div", { cls: "gpufit-legend" }, wrap);
	for (const s of CHART_SEGMENTS) {
		const item = el(doc, "span", { cls: "gpufit-legend-item" }, legend);
		el(doc, "span", { cls: ["gpufit-swatch", `gpufit-swatch-${s.key}`] }, item);
		el(doc, "span", { text: s.label }, item);
	}
	const item = el(doc, "span", { cls: "gpufit-legend-item" }, legend);
	el(doc, "span", { cls: ["gpufit-swatch", "gpufit-swatch-limit"] }, item);
	el(doc, "span", { text: "Usable memory" }, item);
	return wrap;
}
