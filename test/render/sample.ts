/** A hand-made fit table for render tests (numbers need not be physically exact). */
import type { FitRow, FitTable } from "../../src/estimator/types";
import { rowVerdict } from "../../src/estimator/verdict";

function row(format: string, formatName: string, bits: number, weights: number, fits: boolean, support: FitRow["support"]): FitRow {
	const kv = 2.5;
	const overhead = 1.25;
	const total = weights + kv + overhead;
	const supportReason = `${formatName} | reason <b>here</b>`;
	const runs = support !== "unsupported";
	const v = rowVerdict({ support, supportReason, headroomGiB: 21.5 - total, maxSequences: fits && runs ? 3 : 0, concurrency: 2 });
	return {
		format, formatName, bitsPerWeight: bits, weightsGiB: weights, weightsPerGpuGiB: weights, kvCacheGiB: kv, kvCachePerGpuGiB: kv,
		overheadGiB: overhead, perGpuGiB: total, usableGiBPerGpu: 21.5, fits, headroomGiB: 21.5 - total,
		maxConcurrentSequences: fits && runs ? 3 : 0, verdict: v.verdict, verdictText: v.text, support, supportReason,
		decodeTokensPerSecond: fits && runs ? 42.4 : 0, aggregateDecodeTokensPerSecond: fits && runs ? 84.8 : 0, prefillTokensPerSecond: 1234.5,
		why: [{ label: "weights", formula: "8 B × bits", value: weights, unit: "GiB" }], warnings: fits ? [] : ["Does not fit"],
	};
}

export function sampleTable(over: Partial<FitTable> = {}): FitTable {
	return {
		model: "Test|Model <8B>", modelId: "test-8b", gpu: "RTX 4090", gpuId: "rtx-4090", count: 1, split: "tensor", engine: "vllm",
		context: 8192, concurrency: 2, kvDtype: "fp16",
		rows: [row("bf16", "BF16", 16, 30.1, false, "native"), row("fp8", "FP8 (W8A8)", 8.25, 8.05, true, "emulated"), row("q4_k_m", "Q4_K_M", 4.85, 4.7, true, "unsupported")],
		notes: ["Context clamped"],
		...over,
	};
}
