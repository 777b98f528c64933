/**
 * Co-residency packing: put every copy of every resident model on the option's devices at once, each with its own
 * context and users, using the estimator's per-GPU memory (weights + KV + runtime overhead) for every placement.
 *
 * A copy goes on one device if it fits (the device with the most free memory, so copies spread out and do not
 * share bandwidth needlessly); otherwise tensor parallel over 2, 4 or 8 identical GPUs in the same box (engines need
 * the attention heads to divide); otherwise a layer (pipeline) split. When something does not fit and the precision
 * policy allows it, the model that does not fit steps down one precision (16 → 8 → 4 bit), then the largest others,
 * and packing starts over: quantization as a way to fit more at once, used only where needed.
 */
import { driverContextGiB } from "../engines";
import type { Format, Gpu, Model } from "../schema";
import type { EngineId, FitRow, SplitMode } from "../types";
import type { FitCache } from "./fit-cache";
import type { LadderStep } from "./precision";
import type { WorkloadEntry } from "./types";

export interface DeviceSpec {
	gpu: Gpu;
	engine: EngineId;
	/** Devices in the same node (box) can split a model between them. */
	node: number;
}

/** What one device offers to its engine, GiB (driver total × vLLM's default utilization). */
export function deviceCapacity(d: DeviceSpec): number {
	return d.gpu.memory.usableGiB * (d.engine === "vllm" ? 0.9 : 1);
}

export interface PlacedCopy {
	entry: number;
	copy: number;
	devices: number[];
	split: SplitMode;
	format: Format;
	note?: string;
	row: FitRow;
	/** Memory this copy takes on each of its devices, GiB (including an extra driver context when it shares one). */
	needPerGpu: number;
}

export interface PackResult {
	placed: PlacedCopy[];
	/** Copies that fit nowhere, with the best reason found. */
	unplaced: { entry: number; copy: number; why: string }[];
	/** Precision step used per entry (index into its ladder). */
	levels: number[];
	/** Free GiB per device after packing. */
	free: number[];
}

export interface PackInput {
	devices: DeviceSpec[];
	entries: WorkloadEntry[];
	models: Model[];
	/** Ladder of formats for entry i on device type (gpu id + engine). */
	ladder: (entry: number, device: DeviceSpec) => LadderStep[];
	cache: FitCache;
}

const TP_SIZES = [2, 4, 8];
const MAX_ROUNDS = 24;

interface State {
	free: number[];
	instances: number[];
	/** Per device: the sum of its copies' own decode step times (copies on one device take turns). */
	period: number[];
}

/** Seconds one decode step of this copy takes on its own (users tokens per step). */
function stepSeconds(row: FitRow, users: number): number {
	return row.aggregateDecodeTokensPerSecond > 0 ? users / row.aggregateDecodeTokensPerSecond : 1e9;
}

function stepAt(input: PackInput, entry: number, level: number, d: DeviceSpec): LadderStep | undefined {
	const ladder = input.ladder(entry, d);
	return ladder[Math.min(level, ladder.length - 1)];
}

function rowFor(input: PackInput, entry: number, d: DeviceSpec, step: LadderStep, count: number, split: SplitMode): FitRow | undefined {
	const e = input.entries[entry];
	if (!e) return undefined;
	const row = input.cache.row({ modelId: e.modelId, gpuId: d.gpu.id, count, split, context: e.context, users: e.users, engine: d.engine, formatId: step.format.id });
	return row && row.support !== "unsupported" ? row : undefined;
}

/** Try to place one copy; returns the placement or why it failed. */
function placeCopy(input: PackInput, state: State, entry: number, copy: number, level: number): PlacedCopy | string {
	const { devices } = input;
	const model = input.models[entry];
	if (!model) return "unknown model";
	const users = input.entries[entry]?.users ?? 1;
	const order = devices.map((_, i) => i).sort((a, b) => (state.free[b] ?? 0) - (state.free[a] ?? 0) || a - b);
	const extra = (i: number) => ((state.instances[i] ?? 0) > 0 ? driverContextGiB(devices[i]?.gpu ?? devices[0]!.gpu) : 0);
	let smallestNeed = Infinity;
	let unsupported = "";

	// One device: of those with room, the one where the copy would finish its decode steps soonest (its own step time
	// plus the turns of the copies already there), so copies spread over devices and prefer the fast ones.
	let single: { placed: PlacedCopy; finish: number } | undefined;
	for (const i of order) {
		const d = devices[i];
		if (!d) continue;
		const step = stepAt(input, entry, level, d);
		if (!step) { unsupported = `no format the policy allows runs on ${d.gpu.name}`; continue; }
		const row = rowFor(input, entry, d, step, 1, "tensor");
		if (!row) { unsupported = `${step.format.name} does not run on ${d.gpu.name}`; continue; }
		const need = row.perGpuGiB + extra(i);
		smallestNeed = Math.min(smallestNeed, row.perGpuGiB);
		if ((state.free[i] ?? 0) < need) continue;
		const finish = (state.period[i] ?? 0) + stepSeconds(row, users);
		if (!single || finish < single.finish) {
			single = { finish, placed: { entry, copy, devices: [i], split: "tensor", format: step.format, ...(step.note ? { note: step.note } : {}), row, needPerGpu: need } };
		}
	}
	if (single) return single.placed;

	// Groups of identical GPUs in one node can split a model.
	const groups = new Map<string, number[]>();
	devices.forEach((d, i) => {
		const key = `${d.node}|${d.gpu.id}|${d.engine}`;
		groups.set(key, [...(groups.get(key) ?? []), i]);
	});
	for (const split of ["tensor", "layer"] as const) {
		for (const members of groups.values()) {
			const first = devices[members[0] ?? -1];
			if (!first || members.length < 2) continue;
			const step = stepAt(input, entry, level, first);
			if (!step) continue;
			const sizes = split === "tensor"
				? TP_SIZES.filter((g) => g <= members.length && model.heads % g === 0 && (model.kvHeads % g === 0 || g % model.kvHeads === 0))
				: Array.from({ length: members.length - 1 }, (_, k) => k + 2);
			for (const g of sizes) {
				const row = rowFor(input, entry, first, step, g, split);
				if (!row) continue;
				smallestNeed = Math.min(smallestNeed, row.perGpuGiB * g);
				const chosen = [...members].sort((a, b) => (state.free[b] ?? 0) - (state.free[a] ?? 0) || a - b).slice(0, g);
				const needs = chosen.map((i) => row.perGpuGiB + extra(i));
				if (chosen.every((i, k) => (state.free[i] ?? 0) >= (needs[k] ?? Infinity))) {
					return {
						entry, copy, devices: chosen.sort((a, b) => a - b), split, format: step.format,
						...(step.note ? { note: step.note } : {}), row, needPerGpu: Math.max(...needs),
					};
				}
			}
		}
	}
	if (smallestNeed === Infinity) return unsupported || "no device can run it";
	return `needs ${smallestNeed.toFixed(1)} GiB`;
}

function packOnce(input: PackInput, levels: number[], only?: number): PackResult {
	const state: State = { free: input.devices.map(deviceCapacity), instances: input.devices.map(() => 0), period: input.devices.map(() => 0) };
	const copies: { entry: number; copy: number; size: number }[] = [];
	input.entries.forEach((e, entry) => {
		if (only !== undefined ? entry !== only : !e.resident) return;
		const d = input.devices[0];
		const step = d ? stepAt(input, entry, levels[entry] ?? 0, d) : undefined;
		const row = d && step ? rowFor(input, entry, d, step, 1, "tensor") : undefined;
		const size = row ? row.perGpuGiB : Number.MAX_SAFE_INTEGER;
		for (let c = 0; c < e.copies; c++) copies.push({ entry, copy: c, size });
	});
	// Largest first; ties keep the workload's order.
	copies.sort((a, b) => b.size - a.size || a.entry - b.entry || a.copy - b.copy);
	const placed: PlacedCopy[] = [];
	const unplaced: PackResult["unplaced"] = [];
	for (const c of copies) {
		const p = placeCopy(input, state, c.entry, c.copy, levels[c.entry] ?? 0);
		if (typeof p === "string") { unplaced.push({ entry: c.entry, copy: c.copy, why: p }); continue; }
		const t = stepSeconds(p.row, input.entries[c.entry]?.users ?? 1);
		for (const i of p.devices) {
			state.free[i] = (state.free[i] ?? 0) - p.needPerGpu;
			state.instances[i] = (state.instances[i] ?? 0) + 1;
			state.period[i] = (state.period[i] ?? 0) + t;
		}
		placed.push(p);
	}
	return { placed, unplaced, levels: [...levels], free: state.free };
}

/**
 * Pack the resident entries (or, with `only`, one entry by itself), stepping precision down where the policy allows
 * until everything fits or nothing more can step down.
 */
export function pack(input: PackInput, only?: number): PackResult {
	const levels = input.entries.map(() => 0);
	const maxLevel = (entry: number) => Math.max(0, ...input.devices.map((d) => input.ladder(entry, d).length - 1));
	let result = packOnce(input, levels, only);
	// Stepping down only pays when it places more: keep the first result with the fewest copies left out, so a model
	// that fits nowhere does not drag the others down to 4-bit for nothing.
	let best = result;
	for (let round = 0; round < MAX_ROUNDS && result.unplaced.length > 0; round++) {
		const canStep = (entry: number) => (levels[entry] ?? 0) < maxLevel(entry);
		let target = result.unplaced.map((u) => u.entry).find(canStep);
		if (target === undefined) {
			// Make room: the largest placed model that can still step down.
			const bySize = [...result.placed].sort((a, b) => b.row.weightsGiB - a.row.weightsGiB);
			target = bySize.map((p) => p.entry).find(canStep);
		}
		if (target === undefined) break;
		levels[target] = (levels[target] ?? 0) + 1;
		result = packOnce(input, levels, only);
		if (result.unplaced.length < best.unplaced.length) best = result;
	}
	return best;
}
