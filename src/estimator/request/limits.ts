/**
 * The limits on what a request may ask for, written once: the block, the CLI, the settings and the estimator
 * itself (which re-checks requests that come from code) all read them from here.
 */
export const LIMITS = {
	/** GPUs in one setup. */
	gpus: 1024,
	/** Tokens per sequence. */
	tokens: 10_000_000,
	/** Concurrent sequences. */
	sequences: 100_000,
	/** Model × GPU pairs one request may ask for (a block's comparison, a CLI run). */
	pairs: 24,
	/** Names in one list (models, GPUs, formats). */
	listEntries: 16,
	/** Characters in one name: longer is never a catalog name, and is never echoed in full. */
	nameLength: 200,
	/** vLLM's gpu_memory_utilization. */
	minUtilization: 0.05,
	maxUtilization: 1,
} as const;
