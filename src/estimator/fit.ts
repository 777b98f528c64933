/**
 * The fit table: for one model on one GPU setup, one row per format with memory, fit verdict, concurrency,
 * format support and speed — and a "why" for every number.
 */
import { architectureOf, combineLookupErrors, resolveFormat, resolveGpu, resolveModel, type Catalog } from "./catalog";
import { BACKEND_IDS, BACKEND_NAMES, BACKEND_VENDORS, defaultBackend, type BackendId } from "./data/backends";
import { ENGINES, overheadPerGpu } from "./engines";
import {
	GiB, kvBytesPerSequence, kvHeadsPerGpu, kvLayout, layersOnFullestGpu, reservedTokens, vllmExpertPadding, weightBytes, withCheckpointBytes,
} from "./memory";
import { countParams } from "./params";
import type { Format, Gpu, Model } from "./schema";
import { formatSupport } from "./support";
import { LIMITS } from "./request/limits";
import { estimateSpeed } from "./throughput";
import { rowVerdict } from "./verdict";
import type { EngineId, Explanation, FitRequest, FitRow, FitTable, KvDtype, Result, SplitMode } from "./types";
import { ENGINE_IDS, KV_DTYPES, SPLIT_MODES } from "./types";

/** Formats shown when a request names none, per engine: unquantized first, then the common quantizations. */
export const DEFAULT_LADDER: Record<EngineId, string[]> = {
	vllm: ["bf16", "fp8", "int8", "awq", "nvfp4"],
	"llama.cpp": ["bf16", "q8_0", "q6_k", "q5_k_m", "q4_k_m", "iq4_xs", "q3_k_m", "q2_k"],
	transformers: ["bf16", "fp8", "int8", "nf4"],
};


/** The engine a request gets when it names none: vLLM where it runs, llama.cpp on Apple. */
export function defaultEngine(gpu: Gpu): EngineId {
	return gpu.vendor === "apple" ? "llama.cpp" : "vllm";
}

/** KV cache types each engine offers; an unsupported choice is mapped to the closest one with a note. */
function kvDtypeFor(engine: EngineId, requested: KvDtype | "auto" | undefined, model: Model): { dtype: KvDtype; note?: string } {
	const native: KvDtype = model.nativeDtype === "fp16" ? "fp16" : "bf16";
	if (!requested || requested === "auto") return { dtype: engine === "llama.cpp" ? "fp16" : native };
	const allowed: Record<EngineId, KvDtype[]> = {
		vllm: ["bf16", "fp16", "fp8", "fp32"],
		"llama.cpp": ["fp16", "bf16", "q8_0", "q4_0", "fp32"],
		transformers: ["bf16", "fp16", "fp32"],
	};
	if (allowed[engine].includes(requested)) return { dtype: requested };
	const substitute: KvDtype = engine === "vllm" ? "fp8" : engine === "llama.cpp" ? "q8_0" : native;
	return { dtype: substitute, note: `${ENGINES[engine].name} has no ${requested} KV cache; computed with ${substitute}.` };
}

function invalid(message: string): Result<never> {
	return { ok: false, error: { kind: "invalid-request", message, suggestions: [] } };
}

function checkInt(name: string, v: number | undefined, max: number): string | undefined {
	if (v === undefined) return undefined;
	if (!Number.isFinite(v) || !Number.isInteger(v) || v < 1 || v > max) return `${name} must be a whole number from 1 to ${max} (got ${String(v)}).`;
	return undefined;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r1 = (x: number) => Math.round(x * 10) / 10;
const nonNeg = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);

/** Compute the fit table. Never throws for user input: bad names and values come back as errors. */
export function computeFitTable(catalog: Catalog, request: FitRequest): Result<FitTable> {
	const model = resolveModel(catalog, request.model);
	const gpu = resolveGpu(catalog, request.gpu);
	if (!model.ok || !gpu.ok) {
		// Report every unknown name at once, so a block with two typos needs one fix round, not two.
		return { ok: false, error: combineLookupErrors(catalog, [model, gpu].flatMap((r) => (r.ok ? [] : [r.error]))) };
	}

	const problem = checkInt("count", request.count, LIMITS.gpus)
		?? checkInt("context", request.context, LIMITS.tokens)
		?? checkInt("concurrency", request.concurrency, LIMITS.sequences);
	if (problem) return invalid(problem);
	if (request.split !== undefined && !SPLIT_MODES.includes(request.split)) return invalid(`split must be one of ${SPLIT_MODES.join(", ")}.`);
	if (request.engine !== undefined && !ENGINE_IDS.includes(request.engine)) return invalid(`engine must be one of ${ENGINE_IDS.join(", ")}.`);
	if (request.kvDtype !== undefined && request.kvDtype !== "auto" && !KV_DTYPES.includes(request.kvDtype)) return invalid(`kv-dtype must be one of ${KV_DTYPES.join(", ")}.`);
	const util = request.gpuMemoryUtilization;
	if (util !== undefined && !(util > 0 && util <= 1)) return invalid("gpu_memory_utilization must be in (0, 1].");

	const m = model.value;
	const g = gpu.value;
	const engine = request.engine ?? defaultEngine(g);
	const backendProblem = checkBackend(request.backend, g, engine);
	if (backendProblem) return invalid(backendProblem);
	const backend = (request.backend?.toLowerCase() as BackendId | undefined) ?? defaultBackend(g.vendor);
	const count = request.count ?? 1;
	const split: SplitMode = count === 1 ? "tensor" : request.split ?? (engine === "llama.cpp" ? "layer" : "tensor");
	const context = request.context ?? Math.min(8192, m.maxContext);
	const concurrency = request.concurrency ?? 1;
	const notes: string[] = [];
	if (context > m.maxContext) notes.push(`Context ${context} exceeds ${m.name}'s maximum of ${m.maxContext} tokens; computed as asked.`);
	const kv = kvDtypeFor(engine, request.kvDtype, m);
	if (kv.note) notes.push(kv.note);

	const formats: Format[] = [];
	const names = request.quant && request.quant.length > 0 ? request.quant : ladderFor(m, engine);
	for (const name of names) {
		const f = resolveFormat(catalog, name);
		if (!f.ok) return f;
		if (!formats.includes(f.value)) formats.push(f.value);
	}
	if (split === "tensor" && count > 1 && m.heads % count !== 0) {
		notes.push(`${m.heads} attention heads do not divide by ${count}: engines refuse this tensor-parallel size.`);
	}

	const rows = formats.map((f) => computeRow(catalog, m, g, f, { engine, backend, engineVersion: request.engineVersion, ubatch: request.ubatch, count, split, context, concurrency, kvDtype: kv.dtype, util }));
	return {
		ok: true,
		value: { model: m.name, modelId: m.id, gpu: g.name, gpuId: g.id, count, split, engine, backend, context, concurrency, kvDtype: kv.dtype, rows, notes },
	};
}

function ladderFor(m: Model, engine: EngineId): string[] {
	const ladder = [...DEFAULT_LADDER[engine]];
	const shipped = m.shippedQuantization?.format;
	if (shipped && !ladder.includes(shipped)) ladder.splice(1, 0, shipped);
	return ladder;
}

/** Why a backend cannot drive this GPU with this engine, if it cannot. */
function checkBackend(requested: string | undefined, g: Gpu, engine: EngineId): string | undefined {
	if (requested === undefined) return undefined;
	const b = requested.toLowerCase();
	if (!(BACKEND_IDS as readonly string[]).includes(b)) return `backend must be one of ${BACKEND_IDS.join(", ")} (got "${requested}").`;
	const id = b as BackendId;
	if (!BACKEND_VENDORS[id].includes(g.vendor)) return `${BACKEND_NAMES[id]} does not drive ${g.name} (${g.vendor}); use ${defaultBackend(g.vendor)}.`;
	const engines: Record<EngineId, readonly BackendId[]> = { vllm: ["cuda", "rocm"], "llama.cpp": BACKEND_IDS, transformers: ["cuda", "rocm", "metal"] };
	if (!engines[engine].includes(id)) return `${ENGINES[engine].name} has no ${BACKEND_NAMES[id]} backend (it runs on ${engines[engine].map((x) => BACKEND_NAMES[x]).join(", ")}).`;
	return undefined;
}

interface Setup {
	engine: EngineId;
	backend: BackendId;
	engineVersion: string | undefined;
	ubatch: number | undefined;
	count: number;
	split: SplitMode;
	context: number;
	concurrency: number;
	kvDtype: KvDtype;
	util: number | undefined;
}

function computeRow(catalog: Catalog, m: Model, g: Gpu, f: Format, s: Setup): FitRow {
	const arch = architectureOf(catalog, g);
	const support = formatSupport(f, g, arch, s.engine, s.engineVersion);
	const params = countParams(m);
	const tp = s.split === "tensor" ? s.count : 1;
	const wb = withCheckpointBytes(weightBytes(m, f, params, s.engine, vllmExpertPadding(m, f, g.architecture, g.vendor, s.engine, tp)), m, f);
	const why: Explanation[] = [];
	const warnings: string[] = [];
	const N = s.count;

	// --- weights
	why.push({
		label: "weights",
		formula: `${(params.total / 1e9).toFixed(2)} B params: linear ${wb.expertsOnly ? `experts at ${r2(wb.linearBits)} bit, attention/dense at ${wb.otherBits} bit` : `at ${r2(wb.linearBits)} bit${f.upgrades?.length ? " (some tensors upgraded)" : ""}`}, embedding ${wb.expertsOnly ? wb.otherBits : f.embeddingBits} bit, head ${m.tiedEmbeddings ? "tied" : `${wb.expertsOnly ? wb.otherBits : f.headBits} bit`} → ${r2(wb.bitsPerWeight)} bit/weight`,
		value: wb.total / GiB, unit: "GiB",
	});
	// llama.cpp keeps the token embedding table in host RAM (a lookup needs no GPU); a tied head is copied to the GPU.
	const hostEmbedding = s.engine === "llama.cpp" && !m.tiedEmbeddings ? wb.embedding : 0;
	const vramWeights = wb.total - hostEmbedding;
	let weightsPerGpu: number;
	if (N === 1 || s.split === "replica") weightsPerGpu = vramWeights;
	else if (s.split === "tensor") weightsPerGpu = vramWeights / N;
	else {
		const layerPart = vramWeights - wb.head - (hostEmbedding > 0 ? 0 : wb.embedding);
		weightsPerGpu = layerPart / N + Math.max(wb.head, hostEmbedding > 0 ? 0 : wb.embedding);
	}
	if (hostEmbedding > 0) why.push({ label: "embedding in host RAM", formula: "llama.cpp keeps token_embd on the CPU", value: -hostEmbedding / GiB, unit: "GiB" });
	why.push({ label: "weights per GPU", formula: N === 1 ? "one GPU" : s.split === "replica" ? `full copy on each of ${N} GPUs` : s.split === "tensor" ? `÷ ${N} (tensor parallel)` : `${N}-way layer split; the fullest GPU also holds the head`, value: weightsPerGpu / GiB, unit: "GiB" });

	// --- KV cache
	const heads = kvHeadsPerGpu(m, s.split, N);
	const layers = layersOnFullestGpu(m, s.split, N);
	const layout = kvLayout(m, s.kvDtype, heads, layers);
	const fullLayout = kvLayout(m, s.kvDtype, m.kvHeads);
	const seqsPerGpu = s.split === "replica" ? Math.ceil(s.concurrency / N) : s.concurrency;
	const reserved = reservedTokens(s.engine, s.context, seqsPerGpu);
	const kvPerSeqGpu = kvBytesPerSequence(layout, reserved.perSequence);
	const kvPerGpu = kvPerSeqGpu * seqsPerGpu;
	const kvTotal = kvBytesPerSequence(fullLayout, s.context) * s.concurrency;
	why.push({ label: "KV per token", formula: `${describeLayers(m)}; per layer ${layout.perLayerNote}`, value: fullLayout.growingBytesPerToken / 1024, unit: "KiB (full-context layers)" });
	why.push({ label: "KV cache", formula: `${s.context} tokens × ${s.concurrency} sequence${s.concurrency > 1 ? "s" : ""} (${s.kvDtype})`, value: kvTotal / GiB, unit: "GiB" });
	if (N > 1 && s.split === "tensor") {
		why.push({ label: "KV per GPU", formula: m.mla ? "MLA latent cache is replicated on every GPU" : heads * N > m.kvHeads ? `${m.kvHeads} KV heads < ${N} GPUs: replicated (1 head per GPU)` : `${heads} of ${m.kvHeads} KV heads per GPU`, value: kvPerGpu / GiB, unit: "GiB" });
	} else if (N > 1) {
		why.push({ label: "KV per GPU", formula: s.split === "layer" ? `${layers} of ${m.layers} layers on the fullest GPU` : `${seqsPerGpu} sequence(s) per replica`, value: kvPerGpu / GiB, unit: "GiB" });
	}
	if (reserved.note) why.push({ label: "KV allocation", formula: reserved.note, value: reserved.perSequence, unit: "tokens/sequence" });

	// --- overhead and budget
	const overheadItems = overheadPerGpu({ model: m, format: f, gpu: g, engine: s.engine, backend: s.backend, engineVersion: s.engineVersion, split: s.split, count: N, context: s.context, sequences: seqsPerGpu });
	why.push(...overheadItems);
	const overhead = overheadItems.reduce((a, x) => a + x.value, 0);
	const util = s.engine === "vllm" ? s.util ?? ENGINES.vllm.defaultUtilization : 1;
	const usable = g.memory.usableGiB * util;
	why.push({ label: "usable per GPU", formula: `${r2(g.memory.usableGiB)} GiB reported by the driver${util < 1 ? ` × gpu_memory_utilization ${util}` : ""}`, value: usable, unit: "GiB" });

	const perGpu = weightsPerGpu / GiB + kvPerGpu / GiB + overhead;
	const headroom = usable - perGpu;
	const memoryFits = headroom >= 0;
	const pool = usable - weightsPerGpu / GiB - overhead;
	const perSeq = kvBytesPerSequence(layout, s.engine === "vllm" ? Math.ceil(s.context / 16) * 16 : s.context) / GiB;
	let maxSeqs = pool > 0 && perSeq > 0 ? Math.floor(pool / perSeq) : 0;
	if (s.split === "replica") maxSeqs *= N;
	maxSeqs = Math.min(maxSeqs, 1_000_000);
	// Allocation padding (llama.cpp's 256-cell rounding) can put the two answers a few tokens apart: the memory answer
	// at the requested workload wins, so "fits" always means at least the requested sequences and "short" fewer.
	maxSeqs = memoryFits ? Math.max(maxSeqs, s.concurrency) : Math.min(maxSeqs, s.concurrency - 1);
	why.push({ label: "total per GPU", formula: "weights + KV + overhead", value: perGpu, unit: "GiB" });
	why.push({ label: "free per GPU", formula: `${r2(usable)} usable − ${r2(perGpu)} needed (negative = short)`, value: headroom, unit: "GiB" });
	why.push({ label: "max sequences", formula: `(${r2(usable)} − ${r2(weightsPerGpu / GiB)} weights − ${r2(overhead)} overhead) GiB ÷ ${r2(perSeq * 1024)} MiB per ${s.context}-token sequence${s.split === "replica" ? ` × ${N} replicas` : ""}`, value: maxSeqs, unit: "sequences" });

	if (support.level === "unsupported") warnings.push(`Not runnable: ${support.reason}`);
	if (!memoryFits) {
		warnings.push(pool <= 0
			? `Weights and runtime need ${r1(weightsPerGpu / GiB + overhead)} GiB per GPU, more than the ${r1(usable)} GiB available.`
			: `Only ${maxSeqs} sequence${maxSeqs === 1 ? "" : "s"} of ${s.context} tokens fit, ${s.concurrency} asked.`);
	}
	if (m.maxContext < s.context) warnings.push(`Beyond the model's ${m.maxContext}-token context.`);
	if (f.family === "gguf" && s.engine !== "llama.cpp") warnings.push("GGUF is llama.cpp's format.");

	// --- speed
	const moeShare = m.moe ? m.moe.expertsPerToken / m.moe.experts : 0;
	const speed = estimateSpeed({
		model: m, format: f, gpu: g, engine: s.engine, backend: s.backend, engineVersion: s.engineVersion, ubatch: s.ubatch, split: s.split, count: N, support: support.level,
		activeWeightBytes: wb.activePerToken, expertBytes: wb.experts, expertShareAtBatch1: moeShare, totalWeightBytes: vramWeights,
		kvBytesPerSequence: kvBytesPerSequence(fullLayout, s.context), activeParams: params.activeLinear,
		expertParamsPerToken: params.expertParamsPerToken,
		linearParams: params.total - params.embedding - params.head - params.norms - params.extra,
		context: s.context, concurrency: Math.min(s.concurrency, Math.max(1, maxSeqs)),
	});
	if (s.concurrency > maxSeqs && maxSeqs > 0) warnings.push(`Aggregate speed computed at ${maxSeqs} concurrent sequences, the most that fit.`);
	why.push(...speed.why);

	const runnable = support.level !== "unsupported";
	const canRun = runnable && pool > 0;
	const maxConcurrentSequences = runnable ? maxSeqs : 0;
	const verdict = rowVerdict({ support: support.level, supportReason: support.reason, headroomGiB: headroom, maxSequences: maxConcurrentSequences, concurrency: s.concurrency });
	return {
		format: f.id,
		formatName: f.name,
		bitsPerWeight: r2(wb.bitsPerWeight),
		weightsGiB: r2(wb.total / GiB),
		weightsPerGpuGiB: r2(weightsPerGpu / GiB),
		kvCacheGiB: r2(kvTotal / GiB),
		kvCachePerGpuGiB: r2(kvPerGpu / GiB),
		overheadGiB: r2(overhead),
		perGpuGiB: r2(perGpu),
		usableGiBPerGpu: r2(usable),
		fits: memoryFits,
		headroomGiB: r2(headroom),
		maxConcurrentSequences,
		verdict: verdict.verdict,
		verdictText: verdict.text,
		support: support.level,
		supportReason: support.reason,
		decodeTokensPerSecond: canRun ? r1(nonNeg(speed.decodeTokensPerSecond)) : 0,
		aggregateDecodeTokensPerSecond: canRun ? r1(nonNeg(speed.aggregateDecodeTokensPerSecond)) : 0,
		prefillTokensPerSecond: canRun ? Math.round(nonNeg(speed.prefillTokensPerSecond)) : 0,
		why: why.map((w) => ({ ...w, value: Number.isFinite(w.value) ? Math.round(w.value * 1000) / 1000 : 0 })),
		warnings,
	};
}

function describeLayers(m: Model): string {
	const kinds = new Map<string, number>();
	for (let i = 0; i < m.layers; i++) {
		const k = m.layerPattern[i % m.layerPattern.length];
		const key = !k || k.kind === "full" ? (m.mla ? "MLA" : "full") : k.kind === "sliding" ? `sliding ${k.window}` : "linear (no KV)";
		kinds.set(key, (kinds.get(key) ?? 0) + 1);
	}
	return [...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(" + ") + " layers";
}

