/**
 * The estimator's fit rows for the placements the advice tries, computed once each. Advice never computes memory
 * or speed itself: every number comes from computeFitTable (weights, KV, overhead, decode) for one model on one
 * group of identical GPUs.
 */
import type { Catalog } from "../catalog";
import { computeFitTable } from "../fit";
import type { EngineId, FitRow, SplitMode } from "../types";

export interface RowQuery {
	modelId: string;
	gpuId: string;
	count: number;
	split: SplitMode;
	context: number;
	users: number;
	engine: EngineId;
	formatId: string;
}

export class FitCache {
	private readonly rows = new Map<string, FitRow | null>();
	/** Estimator calls made (for tests and the bench). */
	calls = 0;

	constructor(readonly catalog: Catalog) {}

	row(q: RowQuery): FitRow | undefined {
		const key = `${q.modelId}|${q.gpuId}|${q.count}|${q.split}|${q.context}|${q.users}|${q.engine}|${q.formatId}`;
		const hit = this.rows.get(key);
		if (hit !== undefined) return hit ?? undefined;
		this.calls++;
		const table = computeFitTable(this.catalog, {
			model: q.modelId, gpu: q.gpuId, count: q.count, split: q.split, context: q.context,
			concurrency: q.users, engine: q.engine, quant: [q.formatId],
		});
		const row = table.ok ? table.value.rows[0] : undefined;
		this.rows.set(key, row ?? null);
		return row;
	}
}
