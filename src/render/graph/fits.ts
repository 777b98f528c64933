/**
 * The fits overlay and the side panel's fit summary: which precision of a model fits a GPU setup, from the
 * estimator's fit table. Pure.
 */
import type { FitRow, FitTable } from "../../estimator/types";
import type { FitGrade, ModelEdge } from "./model";

export interface FitVerdict {
	grade: FitGrade;
	/** The best row that fits (highest precision the policy allows), if any. */
	best: FitRow | undefined;
	/** One line: "FP8 fits, 41.2 GiB to spare" / "Nothing fits: BF16 needs 120 GiB, 2 × 80 available". */
	summary: string;
}

export function gradeOf(bits: number): FitGrade {
	return bits >= 15.5 ? "16-bit" : bits >= 7.5 ? "8-bit" : "4-bit";
}

/**
 * The best precision that fits, among the formats the precision policy allows (`minBits`; when it allows none of
 * the table's formats, all of them, as the blocks do).
 */
export function bestFit(table: FitTable, minBits: number): FitVerdict {
	const allowed = table.rows.filter((r) => r.bitsPerWeight >= minBits);
	const rows = allowed.length > 0 ? allowed : table.rows;
	let best: FitRow | undefined;
	for (const r of rows) if (r.fits && (best === undefined || r.bitsPerWeight > best.bitsPerWeight)) best = r;
	if (best) {
		const spare = best.headroomGiB.toFixed(1);
		return { grade: gradeOf(best.bitsPerWeight), best, summary: `${best.formatName} fits, ${spare} GiB to spare per GPU` };
	}
	const smallest = rows.reduce<FitRow | undefined>((a, r) => (a === undefined || r.perGpuGiB < a.perGpuGiB ? r : a), undefined);
	const summary = smallest
		? `Nothing fits: ${smallest.formatName} needs ${smallest.perGpuGiB.toFixed(1)} GiB per GPU, ${smallest.usableGiBPerGpu.toFixed(1)} usable`
		: "Nothing fits";
	return { grade: "none", best: undefined, summary };
}

export function fitsEdgeId(modelId: string, gpuId: string): string {
	return `fits:${modelId}->${gpuId}`;
}

/** Overlay edges model → GPU for every pair with a verdict. */
export function fitsOverlayEdges(modelIds: readonly string[], gpuIds: readonly string[], verdict: (model: string, gpu: string) => FitVerdict | undefined): ModelEdge[] {
	const out: ModelEdge[] = [];
	for (const m of modelIds) {
		for (const g of gpuIds) {
			const v = verdict(m, g);
			if (v) out.push({ id: fitsEdgeId(m, g), source: m, target: g, kind: "fits", grade: v.grade, title: v.summary });
		}
	}
	return out;
}
