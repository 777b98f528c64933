/**
 * Scaling advice: what callers pass in and get back. Plain data (JSON-serializable) so the CLI prints it, the note
 * writer turns it into Markdown and the block renders it without the estimator.
 */
import type { EngineId } from "../types";

/**
 * How far a model may be quantized:
 * released = exactly as its makers released it (gpt-oss MXFP4, DeepSeek-V3 FP8, most BF16);
 * bf16 = unquantized 16-bit, never wider than the release (a FP8/MXFP4 release stays as released);
 * fp8 = down to 8-bit; int4 = down to 4-bit. Each step down is used only where the higher precision does not fit.
 */
export type PrecisionPolicy = "released" | "bf16" | "fp8" | "int4";
export const PRECISION_POLICIES: readonly PrecisionPolicy[] = ["released", "bf16", "fp8", "int4"];

export type OptionKind = "keep" | "add-identical" | "replace" | "add-different" | "wait";

/** Where a workload entry came from (shown so a user can see why a model is in the plan). */
export type WorkloadSource = "property" | "block" | "mention" | "request";

export interface WorkloadInput {
	/** Model name or alias. */
	model: string;
	/** Tokens per session. */
	context?: number;
	/** Concurrent sessions (users) of this model. */
	users?: number;
	/** Copies resident at once (two fine-tuned variants of one base model = 2). */
	copies?: number;
	label?: string;
	/**
	 * Resident entries must all be loaded at the same time (the co-residency plan). Non-resident ones (models a note
	 * only mentions) are checked one at a time: does the option run it on its own?
	 */
	resident?: boolean;
	source?: WorkloadSource;
}

export interface AdviceRequest {
	rig: { gpu: string; count: number };
	workload: WorkloadInput[];
	policy?: PrecisionPolicy;
	budgetUsd?: number;
	/** The day the advice is for (YYYY-MM-DD): prices and availability as of then. */
	date: string;
	/** Engine for NVIDIA/AMD/Intel devices (Apple always runs llama.cpp). Default vLLM. */
	engine?: EngineId;
	/** Context for entries without one. Default 8192. */
	defaultContext?: number;
	/** Most identical cards to consider adding. Default: up to the part's per-box limit, at most 3. */
	maxAddedCards?: number;
	/** Skip the "what would change the answer" re-runs (used by those re-runs themselves). */
	skipWhatIf?: boolean;
}

export interface WorkloadEntry {
	modelId: string;
	model: string;
	label: string;
	copies: number;
	context: number;
	users: number;
	resident: boolean;
	source: WorkloadSource;
	/** The release format id and its display name. */
	releaseFormat: string;
}

/** One device in an option. */
export interface OptionGpu {
	gpuId: string;
	name: string;
	count: number;
	/** Bought in this option (not already owned). */
	added: boolean;
}

/** How one workload entry fares on an option. */
export interface EntryFit {
	model: string;
	label: string;
	copies: number;
	resident: boolean;
	/** Every copy placed with its context and users. */
	fits: boolean;
	/** Format the plan uses (the policy's highest precision that fits); empty when it fits nowhere. */
	format: string;
	formatName: string;
	/** Where each copy runs, e.g. "GPU 1", "GPUs 1–2 (tensor parallel)". */
	placement: string[];
	/** Decode tokens/s per user while every resident model is busy (shared devices take turns). */
	perUserDecodeTokensPerSecond: number;
	/** Sum over copies and users. */
	aggregateDecodeTokensPerSecond: number;
	/** Plain-words reason when it does not fit. */
	why?: string;
}

export interface AdviceOption {
	id: string;
	kind: OptionKind;
	label: string;
	gpus: OptionGpu[];
	/** Usable memory of all devices (what engines can use: driver total × vLLM's utilization), GiB. */
	usableGiB: number;
	fits: EntryFit[];
	/** Every resident entry placed at once. */
	residentFits: boolean;
	/** Non-resident models that run on their own / how many there are. */
	othersFit: number;
	othersTotal: number;
	/** Most concurrent sessions of the primary (first resident) entry at its context, with everything else loaded. */
	maxSessions: number;
	aggregateDecodeTokensPerSecond: number;
	/** The slowest resident entry's per-user decode. */
	perUserDecodeTokensPerSecond: number;
	/** Money spent on this option (null: a price is unknown). */
	costUsd: number | null;
	costPerUsableGiB: number | null;
	costPerTokenPerSecond: number | null;
	powerW: number | null;
	/** The day it can be bought: the advice date when available now, the expected window for a wait option. */
	availableFrom: string;
	availability: string;
	withinBudget: boolean | null;
	/**
	 * Practical drawbacks that count against the option in the ranking: mixing vendors or card generations in one
	 * box, needing a datacenter server for a workstation rig, more GPU power than a workstation supply delivers.
	 */
	drawbacks: string[];
	/** Practical constraints and price/availability facts, plain words. */
	notes: string[];
	/** Ranking position, 1 = recommended. */
	rank: number;
}

export interface AdviceResult {
	date: string;
	catalogVersion: string;
	rig: { gpu: string; gpuId: string; count: number };
	policy: PrecisionPolicy;
	budgetUsd: number | null;
	workload: WorkloadEntry[];
	options: AdviceOption[];
	recommendation: { optionId: string; label: string; reasons: string[] };
	whatWouldChange: string[];
	/** Problems with the input that did not stop the advice (unknown model names, clamped values). */
	notes: string[];
}
