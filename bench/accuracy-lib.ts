/**
 * Predicted vs measured for every public measurement in test/data/measured-public.json.
 * Shared by the accuracy report (npm run accuracy) and its test (test/estimator/accuracy.test.ts).
 */
import heldout from "../test/data/measured-heldout.json";
import vllmRows from "../test/data/measured-vllm.json";
import measured from "../test/data/measured-public.json";
import round2 from "../test/data/measured-round2.json";
import round2Heldout from "../test/data/measured-round2-heldout.json";
import { loadCatalog, resolveFormat, resolveGpu, resolveModel } from "../src/estimator/catalog";
import { computeFitTable } from "../src/estimator/fit";
import { kvLayout, vllmExpertPadding, weightBytes, GiB } from "../src/estimator/memory";
import type { FitRequest } from "../src/estimator/types";

export interface MeasuredRow {
	id: string;
	model: string;
	metric: string;
	value: number;
	format?: string;
	gpu?: string;
	engine?: string;
	count?: number;
	split?: string;
	context?: number;
	memoryGiB?: number;
	kvDtype?: string;
	concurrency?: number;
	gpuMemoryUtilization?: number;
	/** Engine version the row was measured with (llama.cpp build "b2834", vLLM "v0"/"v1"). */
	engineVersion?: string;
	/** Compute backend when not the vendor's default (vulkan on NVIDIA/AMD). */
	backend?: string;
	/** llama.cpp ubatch (-ub) when not 512. */
	ubatch?: number;
	/** Why this row is reported but not predicted (a configuration the estimator does not model). */
	excluded?: string;
	source: string;
}

export interface Comparison {
	row: MeasuredRow;
	predicted: number | undefined;
	/** (predicted − measured) / measured; undefined when the row cannot be predicted (format not in the catalog). */
	error: number | undefined;
	skipped?: string;
}

/** The rows the speed constants were chosen with in view. */
export const ROWS = (measured as { rows: MeasuredRow[] }).rows;
/** Collected afterwards and never used to choose a constant: the honest check. */
export const HELDOUT_ROWS = (heldout as { rows: MeasuredRow[] }).rows;
/** vLLM measurements; its MoE rows set the vLLM MoE layer latency (engines.ts), its dense rows were not used. */
export const VLLM_ROWS = (vllmRows as { rows: MeasuredRow[] }).rows;
/** Round 2 (issue #12): rows the backend, prefill and MoE physics were designed with in view. */
export const ROUND2_ROWS = (round2 as { rows: MeasuredRow[] }).rows;
/** Round 2 held-out rows: collected first, compared only after the round-2 model was done. */
export const ROUND2_HELDOUT_ROWS = (round2Heldout as { rows: MeasuredRow[] }).rows;

/**
 * Metric groups with their targets (issue #12): weights within 3 %, KV arithmetic within 1 %, vLLM KV pool median
 * within 10 %, decode median ≤ 12 % and max ≤ 35 %, prefill median ≤ 25 % and max ≤ 60 %.
 */
export const GROUPS: { name: string; metrics: string[]; medianTarget?: number; maxTarget: number | undefined }[] = [
	{ name: "weights & bits/weight", metrics: ["weightsGiB", "bitsPerWeight"], maxTarget: 0.03 },
	{ name: "KV cache size (exact arithmetic)", metrics: ["kvCacheMiB"], maxTarget: 0.01 },
	// A vLLM log's pool (printed rounded to 0.01 GiB) turned into tokens: checks the per-token bytes and block rounding.
	{ name: "vLLM pool → KV tokens (rounded log input)", metrics: ["kvCacheTokensFor"], maxTarget: 0.03 },
	{ name: "decode tok/s", metrics: ["decodeTokensPerSecond"], medianTarget: 0.12, maxTarget: 0.35 },
	{ name: "prefill tok/s", metrics: ["prefillTokensPerSecond"], medianTarget: 0.25, maxTarget: 0.6 },
	{ name: "vLLM KV pool GiB (available after weights and runtime overhead)", metrics: ["kvCacheGiB"], medianTarget: 0.1, maxTarget: undefined },
	{ name: "aggregate decode tok/s (measured output throughput includes prefill time)", metrics: ["aggregateDecodeTokensPerSecond"], maxTarget: undefined },
];

function predict(row: MeasuredRow): number | string {
	if (row.excluded) return `excluded: ${row.excluded}`;
	const catalog = loadCatalog();
	const model = resolveModel(catalog, row.model);
	if (!model.ok) return model.error.message;
	if (row.metric === "weightsGiB" || row.metric === "bitsPerWeight") {
		const f = resolveFormat(catalog, row.format ?? "");
		if (!f.ok) return `format ${row.format ?? "?"} is not in the catalog`;
		// vLLM pads MXFP4 experts per kernel, which depends on the GPU the log came from.
		const gpu = row.gpu ? resolveGpu(catalog, row.gpu) : undefined;
		const engine = row.engine as NonNullable<FitRequest["engine"]> | undefined;
		const pad = gpu?.ok && engine ? vllmExpertPadding(model.value, f.value, gpu.value.architecture, gpu.value.vendor, engine, row.split === "tensor" ? row.count ?? 1 : 1) : 1;
		const w = weightBytes(model.value, f.value, undefined, engine, pad);
		return row.metric === "weightsGiB" ? w.total / GiB : w.bitsPerWeight;
	}
	if (row.metric === "kvCacheTokensFor") {
		// vLLM: pool ÷ bytes per token on one GPU, whole 16-token blocks per layer.
		const tp = row.count ?? 1;
		const heads = Math.max(1, Math.ceil(model.value.kvHeads / tp));
		const perToken = kvLayout(model.value, "bf16", heads).growingBytesPerToken;
		const blocks = Math.floor(((row.memoryGiB ?? 0) * GiB) / (perToken * 16));
		return blocks * 16;
	}
	const request: FitRequest = {
		model: row.model, gpu: row.gpu ?? "", count: row.count, split: row.split as FitRequest["split"],
		engine: (row.engine ?? "llama.cpp") as FitRequest["engine"], context: row.context ?? 1024, concurrency: row.concurrency,
		gpuMemoryUtilization: row.gpuMemoryUtilization, engineVersion: row.engineVersion, backend: row.backend, ubatch: row.ubatch,
		quant: row.format ? [row.format] : ["fp16"], kvDtype: (row.kvDtype ?? "fp16") as FitRequest["kvDtype"],
	};
	const t = computeFitTable(catalog, request);
	if (!t.ok) return t.error.message;
	const r = t.value.rows[0];
	if (!r) return "no row";
	// A speed row the benchmark ran but the estimator calls "does not fit" is a fit-verdict disagreement, reported
	// on its own (README), not a speed error of −100 %.
	const speedMetric = row.metric === "decodeTokensPerSecond" || row.metric === "prefillTokensPerSecond" || row.metric === "aggregateDecodeTokensPerSecond";
	if (speedMetric && r.verdict === "out-of-memory") return `fit disagreement: the benchmark ran, the estimator says it needs ${r.perGpuGiB} GiB of ${r.usableGiBPerGpu} (${r.verdictText})`;
	switch (row.metric) {
		case "kvCacheMiB": return r.kvCacheGiB * 1024;
		case "decodeTokensPerSecond": return r.decodeTokensPerSecond;
		case "prefillTokensPerSecond": return r.prefillTokensPerSecond;
		case "aggregateDecodeTokensPerSecond": return r.aggregateDecodeTokensPerSecond;
		// vLLM's "Available KV cache memory": what is left of the budget after weights and runtime overhead.
		case "kvCacheGiB": return r.usableGiBPerGpu - r.weightsPerGpuGiB - r.overheadGiB;
		default: return `not predicted: metric ${row.metric}`;
	}
}

export function compareAll(rows: MeasuredRow[] = ROWS): Comparison[] {
	return rows.map((row) => {
		const p = predict(row);
		if (typeof p === "string") return { row, predicted: undefined, error: undefined, skipped: p };
		// A negative vLLM pool (the engine refused to start) is compared on its magnitude.
		return { row, predicted: p, error: (p - row.value) / Math.abs(row.value) };
	});
}

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length === 0 ? NaN : s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Engine and GPU vendor of a row, for the per-engine-and-vendor breakdown the targets apply to. */
export function engineVendor(row: MeasuredRow): string {
	const gpu = row.gpu ? resolveGpu(loadCatalog(), row.gpu) : undefined;
	const vendor = gpu?.ok ? gpu.value.vendor : "?";
	const backend = row.backend ?? (vendor === "amd" ? "rocm" : vendor === "apple" ? "metal" : vendor === "intel" ? "vulkan" : "cuda");
	return `${row.engine ?? "llama.cpp"} / ${vendor} (${backend})`;
}

export function groupStats(comparisons: Comparison[], metrics: string[]): { n: number; median: number; max: number } {
	const errs = comparisons.filter((c) => metrics.includes(c.row.metric) && c.error !== undefined).map((c) => Math.abs(c.error ?? 0));
	return { n: errs.length, median: median(errs), max: errs.length ? Math.max(...errs) : NaN };
}
