/**
 * Speed.
 *
 * Decode is memory-bound: every active weight and the sequence's KV cache are read once per token, at the share
 * of peak bandwidth the backend reaches on that architecture (data/backends.ts), plus a fixed per-layer latency
 * (kernel launches, synchronisation, small reductions) that does not shrink with bandwidth.
 *
 * Prefill is compute-bound, per part of the model:
 *  - dense GEMMs at the backend's GEMM efficiency on the peak of the math path the format takes (INT8 tensor cores
 *    for llama.cpp's MMQ kernels on CUDA/HIP, FP16 for cuBLAS and for Metal/Vulkan, FP8/FP4 where native);
 *  - the block family's unpacking cost (legacy < K-quant < i-quant) for quantized llama.cpp formats;
 *  - MoE experts: each expert sees only ubatch × k / E tokens of a batch, and a GEMM with M tokens reaches
 *    M / (M + M½) of its large-M efficiency, so many-expert models prefill far below their active FLOPs;
 *  - attention FLOPs at the dense efficiency;
 *  - plus memory traffic that compute does not hide: weights streamed once per ubatch (all experts of a MoE) and,
 *    in llama.cpp builds before int8 MMQ, the dequantize-to-FP16 pass.
 */
import { backendFacts, BLOCK_FAMILY_FACTOR, type BackendFacts } from "./data/backends";
import { layerLatencyUs, memoryKind, parseEngineVersion, type RowSetup, LAYER_SPLIT_HOP_MS, VLLM_STEP_OVERHEAD_MS, MOE_TOKENS_HALF_EFFICIENCY, prefillEfficiency, LLAMA_CPP_UBATCH, VLLM_PREFILL_CHUNK } from "./engines";
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
	/** All weight bytes held on the GPUs (streamed once per prefill ubatch). */
	totalWeightBytes: number;
	/** KV bytes read per token for one sequence (whole model). */
	kvBytesPerSequence: number;
	/** Active parameters per token (for FLOPs), and the routed-expert part of them. */
	activeParams: number;
	expertParamsPerToken: number;
	/** Linear-layer parameters of the whole model (the dequantize pass of old llama.cpp builds touches all). */
	linearParams: number;
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

/** 16-bit tensor peak as an engine sees it: llama.cpp's cuBLAS path accumulates in FP16, full rate on GeForce. */
function halfPeak(gpu: Gpu, engine: EngineId): number {
	const t = gpu.tflops;
	const half = t.bf16 ?? t.fp16 ?? t.fp32;
	return engine === "llama.cpp" && t.fp32AccumulateHalfRate ? half * 2 : half;
}

/** Dense tensor TFLOPS the math of this row runs at. Emulated formats compute in 16-bit. */
export function computePeakTflops(gpu: Gpu, format: Format, support: SupportLevel, engine: EngineId): { tflops: number; kind: string } {
	const t = gpu.tflops;
	const half16 = halfPeak(gpu, engine);
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

/**
 * Sustained share of the tensor peak under a full compute load, set by the power limit. Datasheet boost rates
 * assume the clock holds; at full tensor load a card draws about peak ÷ (its architecture's TOPS per watt), so a
 * part whose TDP is below that clocks down. The TOPS-per-watt reference of each architecture is its flagship
 * (the part sold at the power its full rate needs): INT8 dense TOPS ÷ TDP from this catalog's entries —
 * RTX 2080 Ti 0.86, RTX 3090 0.81 (GA10x), A100 SXM 1.56 (GA100, HBM), RTX 4090 1.47, H100 SXM 2.83,
 * RTX 5090 1.46, B200 4.5. So an RTX 6000 Ada (300 W for 728 TOPS) sustains ~0.6 of its rate, an L4 ~0.44,
 * an A100 PCIe (300 W) ~0.75, while an RTX 4000 Ada (130 W) keeps ~0.9. Prefill only: decode is bandwidth-bound.
 */
const TOPS_PER_WATT: Record<string, number> = { turing: 0.86, ampere: 0.81, "ampere-hbm": 1.56, ada: 1.47, hopper: 2.83, "blackwell-rtx": 1.46, "blackwell-dc": 4.5 };

export function sustainedTensorShare(gpu: Gpu): number {
	const key = gpu.architecture === "ampere" && gpu.memory.type.toUpperCase().startsWith("HBM") ? "ampere-hbm" : gpu.architecture;
	const ref = TOPS_PER_WATT[key];
	const int8 = gpu.tflops.int8;
	if (ref === undefined || int8 === undefined || gpu.tdpW === undefined) return 1;
	return Math.min(1, (gpu.tdpW * ref) / int8);
}

/** Bandwidth share for this GPU's memory under its backend. */
export function bandwidthShare(facts: BackendFacts, gpu: Gpu): number {
	return facts.bandwidth[memoryKind(gpu)];
}

/** Per-token time on one decode step for a batch of `batch` sequences, in seconds, and its parts. */
function stepTime(s: SpeedInput, facts: BackendFacts, batch: number): { seconds: number; parts: Explanation[] } {
	const eff = bandwidthShare(facts, s.gpu);
	const bw = s.gpu.bandwidthGBs * 1e9 * eff;
	const ways = s.split === "tensor" ? s.count : 1;
	// With a batch, more experts get touched: expected share of distinct experts = 1 − (1 − k/E)^batch.
	const share = s.expertBytes > 0 ? 1 - Math.pow(1 - s.expertShareAtBatch1, batch) : 0;
	const weights = s.activeWeightBytes - s.expertBytes * s.expertShareAtBatch1 + s.expertBytes * share;
	const kv = s.kvBytesPerSequence * batch;
	const memory = (weights + kv) / ways / bw;
	// Quantized matvec kernels also need ALU work per weight; on GPUs with little ALU per byte (Apple) it binds.
	const bytesPerWeight = s.activeWeightBytes / Math.max(1, s.activeParams);
	const quantizedWeights = s.format.bitsPerWeight < 16 && s.format.family !== "float" && bytesPerWeight > 0 ? weights / bytesPerWeight : 0;
	const alu = (quantizedWeights * facts.decodeAluPerWeight) / ways / (s.gpu.tflops.fp32 * 1e12);
	const lat = layerLatencyUs(s, facts);
	const fixed = lat.totalUsGHz / clockGHz(s.gpu) / 1e6;
	let comm = 0;
	if (s.split === "tensor" && s.count > 1) {
		// Two all-reduces per layer of hidden × batch × 2 B: latency-bound at decode. Each adds a round of
		// peer-to-peer hops as the group doubles (NVLink ~5 µs a round, PCIe ~15): 10 / 30 µs for 2 GPUs, 20 / 60 for 8.
		const link = s.gpu.interconnect.linkGBs;
		const latency = (link ? 5e-6 : 15e-6) * (1 + Math.log2(s.count));
		const bytes = s.model.hidden * batch * 2;
		comm = s.model.layers * 2 * (latency + bytes / ((link ?? 25) * 1e9));
	} else if (s.split === "layer" && s.count > 1) {
		comm = (s.count - 1) * LAYER_SPLIT_HOP_MS / 1e3;
	}
	const peak = computePeakTflops(s.gpu, s.format, s.support, s.engine).tflops * 1e12;
	const compute = (2 * s.activeParams * batch) / ways / (peak * 0.5);
	const host = s.engine === "vllm" ? VLLM_STEP_OVERHEAD_MS / 1e3 : 0;
	const seconds = Math.max(Math.max(memory, alu) + fixed, compute) + comm + host;
	const parts: Explanation[] = [
		// The efficiency is the backend's share for this memory kind (data/backends.ts); the backend is named in the
		// per-layer line below.
		{ label: "memory time", formula: `(${fmtGB(weights)} weights + ${fmtGB(kv)} KV) ÷ (${ways > 1 ? `${ways} GPUs × ` : ""}${s.gpu.bandwidthGBs} GB/s × ${eff})`, value: memory * 1e3, unit: "ms" },
		{ label: "per-layer latency", formula: `${lat.formula} ÷ ${clockGHz(s.gpu).toFixed(2)} GHz`, value: fixed * 1e3, unit: "ms" },
	];
	if (host > 0) parts.push({ label: "host step", formula: "vLLM per-step scheduler / input / sampler work not hidden by CUDA graphs", value: host * 1e3, unit: "ms" });
	if (alu > memory) parts.push({ label: "dequantize ALU-bound", formula: `${fmtB(quantizedWeights)} quantized weights × ${facts.decodeAluPerWeight} ops ÷ ${s.gpu.tflops.fp32} TFLOPS FP32 (no integer dot product on ${facts.backend}) exceeds the memory time`, value: alu * 1e3, unit: "ms" });
	if (comm > 0) parts.push({ label: s.split === "tensor" ? "all-reduce" : "pipeline hops", formula: s.split === "tensor" ? `${s.model.layers} layers × 2 all-reduces` : `${s.count - 1} hops × ${LAYER_SPLIT_HOP_MS} ms`, value: comm * 1e3, unit: "ms" });
	if (compute > memory + fixed) parts.push({ label: "compute-bound", formula: `2 × ${fmtB(s.activeParams)} params × ${batch} ÷ 50% of peak`, value: compute * 1e3, unit: "ms" });
	return { seconds, parts };
}

const fmtGB = (b: number) => `${(b / 1e9).toFixed(2)} GB`;
const fmtB = (n: number) => `${(n / 1e9).toFixed(2)} B`;

interface PrefillPath {
	/** TFLOPS × efficiency the linear layers run at. */
	tflops: number;
	formula: string;
	/** Extra bytes per token the path moves that compute does not hide (dequantize pass). */
	dequantBytesPerToken: number;
}

/** Share of the FP4 peak llama.cpp's native MXFP4 tiles keep relative to their INT8 MMQ twins (see prefillPath). */
const NATIVE_FP4_SHARE = 0.55;

/** Where llama.cpp's FP4 blocks run on FP4 tensor cores: sm_120 builds with the `a` target, since Dec 2025. */
function llamaCppNativeFp4(s: RowSetup, build: number | undefined): boolean {
	return s.gpu.computeCapability === "12.0" && s.gpu.tflops.fp4 !== undefined && (build === undefined || build >= 7400);
}

/** The math path and efficiency of the linear layers in prefill. */
function prefillPath(s: SpeedInput, facts: BackendFacts): PrefillPath {
	const v = parseEngineVersion(s.engine, s.engineVersion);
	const family = s.format.blockFamily;
	if (s.engine === "llama.cpp") {
		// mma.sync kernels reach about half of the dense peak on parts whose headline needs wgmma / tcgen05.
		const derate = facts.backend === "cuda" && (s.gpu.architecture === "hopper" || s.gpu.architecture === "blackwell-dc") ? 0.5 : 1;
		const half = halfPeak(s.gpu, s.engine);
		if (!family) {
			const tf = half * facts.denseGemm * derate;
			return { tflops: tf, formula: `${r0(half)} TFLOPS 16-bit × ${facts.denseGemm} GEMM efficiency${derate < 1 ? " × 0.5 (mma.sync on a wgmma part)" : ""}`, dequantBytesPerToken: 0 };
		}
		const ff = BLOCK_FAMILY_FACTOR[family];
		if (family === "fp4" && llamaCppNativeFp4(s, v.build)) {
			// The FP4 MMA doubles the math rate of the MMQ tile, not its loads and activation quantization: llama.cpp's
			// native MXFP4 path reported roughly +30 % prefill over INT8 MMQ on an RTX 5090, i.e. about 0.55 of the
			// doubled peak at MMQ's efficiency (memory: the Dec 2025 CUDA MXFP4 MMA pull request's tables).
			const fp4 = s.gpu.tflops.fp4 ?? half;
			const tf = fp4 * facts.quantizedGemm * NATIVE_FP4_SHARE;
			return { tflops: tf, formula: `${r0(fp4)} TFLOPS FP4 (native MXFP4 MMA on sm_120) × ${facts.quantizedGemm} × ${NATIVE_FP4_SHARE}`, dequantBytesPerToken: 0 };
		}
		// Builds before int8 MMQ for K-quants (b3150, June 2024) dequantized every quantized matrix to FP16 per ubatch.
		if (v.build !== undefined && v.build < 3150 && facts.backend === "cuda") {
			const tf = half * facts.denseGemm * derate;
			return {
				tflops: tf,
				formula: `${r0(half)} TFLOPS 16-bit × ${facts.denseGemm} (build b${v.build}: dequantize to FP16 + cuBLAS)${derate < 1 ? " × 0.5 (mma.sync)" : ""}`,
				dequantBytesPerToken: (s.linearParams * (s.format.bitsPerWeight / 8 + 4)) / (s.ubatch ?? LLAMA_CPP_UBATCH),
			};
		}
		const int8 = s.gpu.tflops.int8;
		if (facts.quantizedOnInt8 && int8 !== undefined) {
			const tf = int8 * facts.quantizedGemm * ff * derate;
			return { tflops: tf, formula: `${r0(int8)} TOPS INT8 (MMQ) × ${facts.quantizedGemm} × ${ff} ${family} unpacking${derate < 1 ? " × 0.5 (mma.sync)" : ""}`, dequantBytesPerToken: 0 };
		}
		const tf = half * facts.quantizedGemm * ff * derate;
		return { tflops: tf, formula: `${r0(half)} TFLOPS 16-bit × ${facts.quantizedGemm} × ${ff} ${family} unpacking (${facts.backend})`, dequantBytesPerToken: 0 };
	}
	const peak = computePeakTflops(s.gpu, s.format, s.support, s.engine);
	const eff = prefillEfficiency(s.engine, s.format.kernelClass);
	return { tflops: peak.tflops * eff, formula: `${r0(peak.tflops)} TFLOPS ${peak.kind} × ${eff} efficiency`, dequantBytesPerToken: 0 };
}

const r0 = (x: number) => Math.round(x);

function prefill(s: SpeedInput, facts: BackendFacts): { tokensPerSecond: number; parts: Explanation[] } {
	const path = prefillPath(s, facts);
	const moe = s.model.moe;
	const ubatch = s.engine === "llama.cpp" ? s.ubatch ?? LLAMA_CPP_UBATCH : Math.min(VLLM_PREFILL_CHUNK, Math.max(1, s.context));
	// Tokens each routed expert sees in one batch, and the GEMM efficiency that leaves relative to a dense one.
	let moeFactor = 1;
	let perExpert = 0;
	// Builds before the backend's expert-matmul rework ran the routed experts at a further share (data/backends.ts).
	const oldMoe = s.engine === "llama.cpp" ? facts.moeBeforeBuild : undefined;
	const build = parseEngineVersion(s.engine, s.engineVersion).build;
	const oldMoeFactor = oldMoe && build !== undefined && build < oldMoe.build ? oldMoe.expertFactor : 1;
	if (moe && s.expertParamsPerToken > 0) {
		perExpert = (ubatch * Math.min(moe.expertsPerToken, moe.experts)) / moe.experts;
		const half = MOE_TOKENS_HALF_EFFICIENCY;
		moeFactor = ((perExpert / (perExpert + half)) / (ubatch / (ubatch + half))) * oldMoeFactor;
	}
	const denseFlops = 2 * (s.activeParams - s.expertParamsPerToken);
	const expertFlops = 2 * s.expertParamsPerToken;
	// Attention: QKᵀ and PV over on average context / 2 earlier tokens, on 16-bit tensor math.
	const attentionFlops = 2 * 2 * s.model.layers * s.model.heads * s.model.headDim * (s.context / 2);
	const gpus = s.split === "tensor" && s.count > 1 ? s.count * 0.9 : 1;
	const power = sustainedTensorShare(s.gpu);
	const linearRate = path.tflops * 1e12 * gpus * power;
	const attnRate = halfPeak(s.gpu, s.engine) * (s.engine === "llama.cpp" ? facts.denseGemm : 0.5) * 1e12 * gpus * power;
	const bw = s.gpu.bandwidthGBs * 1e9 * bandwidthShare(facts, s.gpu) * (s.split === "tensor" ? s.count : 1);
	const tDense = denseFlops / linearRate;
	const tExperts = expertFlops / (linearRate * moeFactor);
	const tAttn = attentionFlops / attnRate;
	const streamBytes = s.totalWeightBytes / ubatch + path.dequantBytesPerToken;
	const tMemory = streamBytes / bw;
	// A layer split pipelines nothing for one prompt: each ubatch crosses to the next GPU (activations over PCIe).
	const tHops = s.split === "layer" && s.count > 1 ? ((s.count - 1) * (LAYER_SPLIT_HOP_MS / 1e3 + (ubatch * s.model.hidden * 4) / 25e9)) / ubatch : 0;
	const seconds = tDense + tExperts + tAttn + tMemory + tHops;
	const parts: Explanation[] = [
		{ label: "prefill linear layers", formula: `${fmtGF(denseFlops)} dense${expertFlops > 0 ? ` + ${fmtGF(expertFlops)} experts` : ""} GFLOP/token ÷ (${path.formula}${gpus > 1 ? ` × ${gpus.toFixed(1)} GPUs` : ""}${power < 1 ? ` × ${power.toFixed(2)} sustained at ${s.gpu.tdpW ?? 0} W` : ""})`, value: (tDense + (expertFlops > 0 ? expertFlops / linearRate : 0)) * 1e6, unit: "µs/token" },
	];
	if (moeFactor < 1) parts.push({ label: "MoE expert GEMMs", formula: `${ubatch} tokens × ${moe?.expertsPerToken ?? 0} of ${moe?.experts ?? 0} experts = ${perExpert.toFixed(1)} tokens per expert → ${(moeFactor * 100).toFixed(0)}% of dense GEMM efficiency (M / (M + ${MOE_TOKENS_HALF_EFFICIENCY})${oldMoeFactor < 1 ? ` × ${oldMoeFactor} for ${facts.backend} builds before b${oldMoe?.build ?? 0}` : ""})`, value: (tExperts - expertFlops / linearRate) * 1e6, unit: "µs/token extra" });
	parts.push({ label: "prefill attention", formula: `${fmtGF(attentionFlops)} GFLOP/token at context ${s.context}`, value: tAttn * 1e6, unit: "µs/token" });
	parts.push({ label: "prefill memory traffic", formula: `weights once per ${ubatch}-token batch${path.dequantBytesPerToken > 0 ? " + dequantize-to-FP16 pass" : ""} ÷ bandwidth`, value: tMemory * 1e6, unit: "µs/token" });
	if (tHops > 0) parts.push({ label: "prefill GPU hops", formula: `${s.count - 1} hops per ${ubatch}-token batch`, value: tHops * 1e6, unit: "µs/token" });
	return { tokensPerSecond: 1 / seconds, parts };
}

const fmtGF = (f: number) => (f / 1e9).toFixed(2);

export function estimateSpeed(s: SpeedInput): SpeedResult {
	const facts = backendFacts(s.backend, s.gpu.architecture);
	const one = stepTime(s, facts, 1);
	const decode = 1 / one.seconds;
	const batch = Math.max(1, s.concurrency);
	const many = batch > 1 ? stepTime(s, facts, batch) : one;
	const replicas = s.split === "replica" ? s.count : 1;
	const aggregate = (batch / many.seconds) * replicas;
	const pf = prefill(s, facts);

	const why: Explanation[] = [
		...one.parts,
		{ label: "decode", formula: "1 ÷ (max(memory time, dequantize ALU time) + per-layer latency" + (one.parts.some((p) => p.label === "all-reduce" || p.label === "pipeline hops") ? " + communication" : "") + (s.engine === "vllm" ? " + host step)" : ")"), value: decode, unit: "tok/s" },
	];
	if (batch > 1) why.push({ label: "aggregate decode", formula: `${batch} sequences per step${replicas > 1 ? ` × ${replicas} replicas` : ""}, weights read once per step, KV per sequence`, value: aggregate, unit: "tok/s" });
	why.push(...pf.parts);
	why.push({ label: "prefill", formula: "1 ÷ (linear + experts + attention + memory time per token)", value: pf.tokensPerSecond, unit: "tok/s" });
	return { decodeTokensPerSecond: decode, aggregateDecodeTokensPerSecond: aggregate, prefillTokensPerSecond: pf.tokensPerSecond, why };
}
