/**
 * Speed: decode is memory-bound (every active weight and the sequence's KV cache are read once per token),
 * plus a fixed per-layer latency that does not shrink with bandwidth — which is why a flat efficiency factor
 * overestimates fast GPUs on small models. Prefill is compute-bound and format-aware: only native formats get
 * low-precision tensor throughput; emulated ones compute in 16-bit.
 */
import { bandwidthEfficiency, type RowSetup, LAYER_LATENCY_US_GHZ, LAYER_SPLIT_HOP_MS, MOE_LAYER_LATENCY_US_GHZ, prefillEfficiency } from "./engines";
import type { Format, Gpu } from "./schema";
import type { EngineId, Explanation, SupportLevel } from "./types";

/** Boost clock used when a catalog entry lacks one (typical of 2022-2025 parts). */
const DEFAULT_CLOCK_GHZ = 1.8;

export interface SpeedInput extends RowSetup {
	support: SupportLevel;
	/** Weight bytes read per token (whole model, all GPUs). */
	activeWeightBytes: number;
	/** Bytes of the routed experts (all of them) and the share read per token at batch 1. */
	expertBytes: number;
	expertShareAtBatch1: number;
	/** KV bytes read per token for one sequence (whole model). */
	kvBytesPerSequence: number;
	/** Active parameters per token (for FLOPs). */
	activeParams: number;
	context: number;
	concurrency: number;
}

export interface SpeedResult {
	decodeTokensPerSecond: number;
	aggregateDecodeTokensPerSecond: number;
	prefillTokensPerSecond: number;
	why: Explanation[];
}

function clockGHz(gpu: Gpu): number {
	return (gpu.boostClockMHz ?? DEFAULT_CLOCK_GHZ * 1000) / 1000;
}

/** Dense tensor TFLOPS the math of this row runs at. Emulated formats compute in 16-bit. */
export function computePeakTflops(gpu: Gpu, format: Format, support: SupportLevel, engine: EngineId): { tflops: number; kind: string } {
	const t = gpu.tflops;
	const half = t.bf16 ?? t.fp16 ?? t.fp32;
	// llama.cpp's cuBLAS path accumulates in FP16, which GeForce cards run at full rate.
	const half16 = engine === "llama.cpp" && t.fp32AccumulateHalfRate ? half * 2 : half;
	if (support === "native") {
		switch (format.math) {
			case "fp8": case "fp8-fnuz": case "mxfp8": return { tflops: t.fp8 ?? half16, kind: "FP8" };
			case "int8": return { tflops: t.int8 ?? half16, kind: "INT8" };
			case "nvfp4": case "mxfp4": return { tflops: t.fp4 ?? t.fp8 ?? half16, kind: "FP4" };
			case "fp32": return { tflops: t.fp32, kind: "FP32" };
			case "tf32": return { tflops: t.tf32 ?? t.fp32, kind: "TF32" };
			default: return { tflops: half16, kind: "16-bit" };
		}
	}
	return { tflops: half16, kind: "16-bit (dequantized)" };
}

/** Per-token time on one decode step for a batch of `batch` sequences, in seconds, and its parts. */
function stepTime(s: SpeedInput, batch: number): { seconds: number; parts: Explanation[] } {
	const bw = s.gpu.bandwidthGBs * 1e9 * bandwidthEfficiency(s.gpu);
	const ways = s.split === "tensor" ? s.count : 1;
	// With a batch, more experts get touched: expected share of distinct experts = 1 − (1 − k/E)^batch.
	const share = s.expertBytes > 0 ? 1 - Math.pow(1 - s.expertShareAtBatch1, batch) : 0;
	const weights = s.activeWeightBytes - s.expertBytes * s.expertShareAtBatch1 + s.expertBytes * share;
	const kv = s.kvBytesPerSequence * batch;
	const memory = (weights + kv) / ways / bw;
	const layers = s.model.layers;
	const moeLayers = s.model.moe ? layers - (s.model.moe.firstDenseLayers ?? 0) : 0;
	const fixed = (layers * LAYER_LATENCY_US_GHZ[s.engine] + moeLayers * MOE_LAYER_LATENCY_US_GHZ[s.engine]) / clockGHz(s.gpu) / 1e6;
	let comm = 0;
	if (s.split === "tensor" && s.count > 1) {
		// Two all-reduces per layer of hidden × batch × 2 B: latency-bound at decode (NVLink ~10 µs, PCIe ~30 µs).
		const link = s.gpu.interconnect.linkGBs;
		const latency = link ? 10e-6 : 30e-6;
		const bytes = s.model.hidden * batch * 2;
		comm = layers * 2 * (latency + bytes / ((link ?? 25) * 1e9));
	} else if (s.split === "layer" && s.count > 1) {
		comm = (s.count - 1) * LAYER_SPLIT_HOP_MS / 1e3;
	}
	const peak = computePeakTflops(s.gpu, s.format, s.support, s.engine).tflops * 1e12;
	const compute = (2 * s.activeParams * batch) / ways / (peak * 0.5);
	const seconds = Math.max(memory + fixed, compute) + comm;
	const parts: Explanation[] = [
		{ label: "memory time", formula: `(${fmtGB(weights)} weights + ${fmtGB(kv)} KV) ÷ (${ways > 1 ? `${ways} GPUs × ` : ""}${s.gpu.bandwidthGBs} GB/s × ${bandwidthEfficiency(s.gpu)})`, value: memory * 1e3, unit: "ms" },
		{ label: "per-layer latency", formula: `(${layers} layers × ${LAYER_LATENCY_US_GHZ[s.engine]}${moeLayers > 0 && MOE_LAYER_LATENCY_US_GHZ[s.engine] > 0 ? ` + ${moeLayers} MoE layers × ${MOE_LAYER_LATENCY_US_GHZ[s.engine]}` : ""}) µs·GHz ÷ ${clockGHz(s.gpu).toFixed(2)} GHz (${s.engine} kernels)`, value: fixed * 1e3, unit: "ms" },
	];
	if (comm > 0) parts.push({ label: s.split === "tensor" ? "all-reduce" : "pipeline hops", formula: s.split === "tensor" ? `${layers} layers × 2 all-reduces` : `${s.count - 1} hops × ${LAYER_SPLIT_HOP_MS} ms`, value: comm * 1e3, unit: "ms" });
	if (compute > memory + fixed) parts.push({ label: "compute-bound", formula: `2 × ${fmtB(s.activeParams)} params × ${batch} ÷ 50% of peak`, value: compute * 1e3, unit: "ms" });
	return { seconds, parts };
}

const fmtGB = (b: number) => `${(b / 1e9).toFixed(2)} GB`;
const fmtB = (n: number) => `${(n / 1e9).toFixed(2)} B`;

export function estimateSpeed(s: SpeedInput): SpeedResult {
	const one = stepTime(s, 1);
	const decode = 1 / one.seconds;
	const batch = Math.max(1, s.concurrency);
	const many = batch > 1 ? stepTime(s, batch) : one;
	const replicas = s.split === "replica" ? s.count : 1;
	const aggregate = (batch / many.seconds) * replicas;

	const peak = computePeakTflops(s.gpu, s.format, s.support, s.engine);
	const eff = prefillEfficiency(s.engine, s.format.kernelClass);
	// Attention adds 2 · layers · heads · headDim · (context / 2) FLOPs per prompt token on average (QKᵀ and PV).
	const attentionFlops = 2 * 2 * s.model.layers * s.model.heads * s.model.headDim * (s.context / 2);
	const flopsPerToken = 2 * s.activeParams + attentionFlops;
	// Tensor parallel divides the work; a layer split runs one GPU at a time for a single prompt; replicas each take one.
	const gpusWorking = s.split === "tensor" ? s.count * 0.9 : 1;
	const prefill = (peak.tflops * 1e12 * eff * (s.count > 1 ? gpusWorking : 1)) / flopsPerToken;

	const why: Explanation[] = [
		...one.parts,
		{ label: "decode", formula: "1 ÷ (memory time + per-layer latency" + (one.parts.some((p) => p.label === "all-reduce" || p.label === "pipeline hops") ? " + communication)" : ")"), value: decode, unit: "tok/s" },
	];
	if (batch > 1) why.push({ label: "aggregate decode", formula: `${batch} sequences per step${replicas > 1 ? ` × ${replicas} replicas` : ""}, weights read once per step, KV per sequence`, value: aggregate, unit: "tok/s" });
	why.push({ label: "prefill", formula: `${peak.tflops} TFLOPS ${peak.kind} × ${eff} efficiency ÷ ${(flopsPerToken / 1e9).toFixed(1)} GFLOP/token`, value: prefill, unit: "tok/s" });
	return { decodeTokensPerSecond: decode, aggregateDecodeTokensPerSecond: aggregate, prefillTokensPerSecond: prefill, why };
}
