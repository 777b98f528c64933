/**
 * Compact stacked bar chart, one bar per format: weights / KV cache / overhead per GPU against the GPU's usable
 * memory (a dashed line). HTML, not a scaled SVG: bars are percentages of the block's width while the text keeps its
 * size (≥ 11 px) at any width. Colours come from CSS classes (theme variables in styles.css).
 */
import type { FitTable } from "../estimator/types";
import { type NodeFactory, el } from "./dom";
import { formatGiB } from "./format";

export const CHART_SEGMENTS = [
	{ key: "weights", label: "Weights" },
	{ key: "kv", label: "KV cache" },
	{ key: "overhead", label: "Overhead" },
] as const;

const pct = (x: number) => `${(Math.round(x * 100) / 100).toString()}%`;

export function renderChart(doc: NodeFactory, table: FitTable): HTMLElement {
	const rows = table.rows;
	const usable = rows[0]?.usableGiBPerGpu ?? 0;
	const full = Math.max(usable, ...rows.map((r) => r.perGpuGiB)) * 1.04;
	const share = (x: number) => (full > 0 ? (Math.max(0, x) / full) * 100 : 0);
	const limitAt = share(usable);

	const wrap = el(doc, "div", { cls: "gpufit-chart" });
	const summary = rows.map((r) => `${r.formatName} ${formatGiB(r.perGpuGiB)} GiB`).join(", ");
	const grid = el(doc, "div", {
		cls: "gpufit-chart-grid",
		attr: { role: "img", "aria-label": `Memory per GPU against ${formatGiB(usable)} GiB usable: ${summary}` },
	}, wrap);

	// Scale row: the usable-memory label above the line, kept inside the track near either end.
	el(doc, "span", { cls: "gpufit-chart-label" }, grid);
	const scale = el(doc, "div", { cls: ["gpufit-chart-track", "gpufit-chart-scale"] }, grid);
	const limitLabel = el(doc, "span", {
		cls: ["gpufit-chart-limit-label", limitAt > 70 ? "is-end" : limitAt < 30 ? "is-start" : "is-mid"],
		text: `usable ${formatGiB(usable)} GiB`,
	}, scale);
	limitLabel.style.left = pct(limitAt);
	el(doc, "span", { cls: "gpufit-chart-value" }, grid);

	for (const r of rows) {
		el(doc, "span", { cls: "gpufit-chart-label", text: r.formatName, attr: { "data-verdict": r.verdict } }, grid);
		const track = el(doc, "div", { cls: ["gpufit-chart-track", `is-${r.verdict}`] }, grid);
		const parts: [string, number, string][] = [
			["weights", r.weightsPerGpuGiB, "Weights"],
			["kv", r.kvCachePerGpuGiB, "KV cache"],
			["overhead", r.overheadGiB, "Overhead"],
		];
		for (const [key, value, label] of parts) {
			const seg = el(doc, "span", { cls: ["gpufit-seg", `gpufit-seg-${key}`], title: `${r.formatName}: ${label} ${formatGiB(value)} GiB` }, track);
			seg.style.width = pct(share(value));
		}
		const line = el(doc, "span", { cls: "gpufit-chart-limit", title: `Usable memory per GPU: ${formatGiB(usable)} GiB` }, track);
		line.style.left = pct(limitAt);
		el(doc, "span", { cls: "gpufit-chart-value", text: `${formatGiB(r.perGpuGiB)} GiB` }, grid);
	}

	const legend = el(doc, "div", { cls: "gpufit-legend", attr: { "aria-hidden": "true" } }, wrap);
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
