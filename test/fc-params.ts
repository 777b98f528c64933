/**
 * fast-check parameters shared by the property tests: a failure prints its seed and path (fast-check's report), and
 * `FC_SEED=<seed> FC_PATH=<path> npx vitest run <file>` replays exactly that case. FC_RUNS scales every test's runs
 * (e.g. FC_RUNS=10 for a long soak).
 */
import type { Parameters } from "fast-check";

export function fcParams<T>(base: Parameters<T> = {}): Parameters<T> {
	const seed = process.env.FC_SEED;
	const path = process.env.FC_PATH;
	const scale = Number(process.env.FC_RUNS ?? 1);
	const numRuns = Math.max(1, Math.round((base.numRuns ?? 100) * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
	return {
		...base,
		numRuns: seed !== undefined && path !== undefined ? 1 : numRuns,
		...(seed !== undefined ? { seed: Number(seed) } : {}),
		...(path !== undefined ? { path } : {}),
		// The failing case, its seed and its path in the report, so it can be replayed.
		verbose: 1,
	};
}
