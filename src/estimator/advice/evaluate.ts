/**
 * One option (a set of devices) → what it does for the workload: the co-residency plan, sessions, decode speed with
 * shared devices, memory, power. Cost and availability come from the option's spec (options.ts).
 */
import type { Catalog } from "../catalog";
import { driverContextGiB } from "../engines";
import type { Model } from "../schema";
import type { FitCache } from "./fit-cache";
import { deviceCapacity, pack, type DeviceSpec, type PackResult, type PlacedCopy } from "./packing";
import type { LadderStep } from "./precision";
import type { AdviceOption, EntryFit, OptionGpu, OptionKind, WorkloadEntry } from "./types";

/** Per-user decode below this is slower than people read: an option that only reaches it is marked slow. */
export const INTERACTIVE_TOKENS_PER_SECOND = 10;

export interface OptionSpec {
	id: string;
	kind: OptionKind;
	label: string;
	gpus: OptionGpu[];
	devices: DeviceSpec[];
	costUsd: number | null;
	/** Usable GiB the money buys (the added devices; all of them for a replacement). */
	boughtUsableGiB: number;
	powerW: number | null;
	availableFrom: string;
	availability: string;
	drawbacks: string[];
	notes: string[];
}

export interface EvalContext {
	catalog: Catalog;
	cache: FitCache;
	entries: WorkloadEntry[];
	models: Model[];
	ladder: (entry: number, device: DeviceSpec) => LadderStep[];
}

/** Device labels: "GPU 2" when all devices are alike, else "<name> 1". */
function deviceNames(devices: DeviceSpec[]): string[] {
	const alike = devices.every((d) => d.gpu.id === devices[0]?.gpu.id);
	const seen = new Map<string, number>();
	return devices.map((d, i) => {
		if (alike) return `GPU ${i + 1}`;
		const n = (seen.get(d.gpu.id) ?? 0) + 1;
		seen.set(d.gpu.id, n);
		return `${d.gpu.name} #${n}`;
	});
}

function describePlacement(p: PlacedCopy, names: string[]): string {
	const where = p.devices.map((i) => names[i] ?? `#${i + 1}`);
	if (where.length === 1) return where[0] ?? "";
	return `${where.join(" + ")} (${p.split === "tensor" ? "tensor parallel" : "layer split"})`;
}

/** Residents only: does the plan place every copy? (Cheap check used to find the smallest device count.) */
export function residentsFit(ctx: EvalContext, devices: DeviceSpec[]): boolean {
	if (!ctx.entries.some((e) => e.resident)) return true;
	return pack({ devices, entries: ctx.entries, models: ctx.models, ladder: ctx.ladder, cache: ctx.cache }).unplaced.length === 0;
}

export function evaluateOption(ctx: EvalContext, spec: OptionSpec, keepAggregate: number | undefined): AdviceOption {
	const input = { devices: spec.devices, entries: ctx.entries, models: ctx.models, ladder: ctx.ladder, cache: ctx.cache };
	const plan: PackResult = pack(input);
	const names = deviceNames(spec.devices);

	// Decode with shared devices: copies on one device take turns, so a device's step period is the sum of its
	// copies' own step times; a copy spanning devices waits for the slowest of them.
	const stepTime = (p: PlacedCopy) => {
		const users = ctx.entries[p.entry]?.users ?? 1;
		return p.row.aggregateDecodeTokensPerSecond > 0 ? users / p.row.aggregateDecodeTokensPerSecond : Infinity;
	};
	const period = spec.devices.map((_, d) => plan.placed.filter((p) => p.devices.includes(d)).reduce((a, p) => a + stepTime(p), 0));
	const shared = (p: PlacedCopy) => Math.max(...p.devices.map((d) => period[d] ?? Infinity));

	const fits: EntryFit[] = [];
	let aggregate = 0;
	let slowest = Infinity;
	ctx.entries.forEach((e, i) => {
		if (!e.resident) return;
		const copies = plan.placed.filter((p) => p.entry === i);
		const missing = plan.unplaced.filter((u) => u.entry === i);
		let agg = 0;
		let perUser = Infinity;
		for (const p of copies) {
			const t = shared(p);
			if (!Number.isFinite(t) || t <= 0) { perUser = 0; continue; }
			agg += e.users / t;
			perUser = Math.min(perUser, 1 / t);
		}
		if (copies.length === 0) perUser = 0;
		const formats = [...new Set(copies.map((p) => p.format.id))];
		const formatNames = [...new Set(copies.map((p) => p.format.name))];
		const fit: EntryFit = {
			model: e.model, label: e.label, copies: e.copies, resident: true,
			fits: missing.length === 0,
			format: formats.join("+"),
			formatName: formatNames.join(" + "),
			placement: copies.sort((a, b) => a.copy - b.copy).map((p) => describePlacement(p, names)),
			perUserDecodeTokensPerSecond: missing.length === 0 ? round1(perUser) : 0,
			aggregateDecodeTokensPerSecond: round1(agg),
		};
		if (missing.length > 0) fit.why = `${missing.length === e.copies ? (e.copies > 1 ? "no copy fits" : "does not fit") : `${missing.length} of ${e.copies} copies do not fit`}: ${missing[0]?.why ?? ""}`;
		fits.push(fit);
		aggregate += agg;
		slowest = Math.min(slowest, fit.perUserDecodeTokensPerSecond);
	});

	// Models a note only mentions: each on its own, one user at its context.
	let othersFit = 0;
	let othersTotal = 0;
	ctx.entries.forEach((e, i) => {
		if (e.resident) return;
		othersTotal++;
		const alone = pack(input, i);
		const copy = alone.placed[0];
		const ok = alone.unplaced.length === 0 && copy !== undefined;
		const decode = copy ? round1(copy.row.decodeTokensPerSecond) : 0;
		if (ok) othersFit++;
		const fit: EntryFit = {
			model: e.model, label: e.label, copies: 1, resident: false, fits: ok,
			format: copy?.format.id ?? "", formatName: copy?.format.name ?? "",
			placement: copy ? [describePlacement(copy, names)] : [],
			perUserDecodeTokensPerSecond: decode, aggregateDecodeTokensPerSecond: decode,
		};
		if (!ok) fit.why = `does not fit on its own: ${alone.unplaced[0]?.why ?? ""}`;
		fits.push(fit);
	});

	// Sessions of the primary model at its context with everything else loaded: its users, what spare memory next to
	// its copies holds, and replicas on devices that hold no copy of it but have room for one (replicas add sessions).
	let sessions = 0;
	const primary = ctx.entries.findIndex((e) => e.resident);
	const pe = ctx.entries[primary];
	if (pe) {
		const copies = plan.placed.filter((p) => p.entry === primary);
		const perDevice = spec.devices.map((_, d) => copies.filter((p) => p.devices.includes(d)).length);
		for (const p of copies) {
			const kvPerSeq = p.row.kvCachePerGpuGiB / Math.max(1, pe.users);
			const spare = Math.min(...p.devices.map((d) => Math.max(0, plan.free[d] ?? 0) / Math.max(1, perDevice[d] ?? 1)));
			const extra = kvPerSeq > 0 ? Math.floor(spare / kvPerSeq) : 0;
			sessions += pe.users + Math.min(extra, 1_000_000);
		}
		if (copies.length > 0) {
			spec.devices.forEach((d, i) => {
				if ((perDevice[i] ?? 0) > 0) return;
				const step = ctx.ladder(primary, d)[plan.levels[primary] ?? 0] ?? ctx.ladder(primary, d)[0];
				const row = step ? ctx.cache.row({ modelId: pe.modelId, gpuId: d.gpu.id, count: 1, split: "tensor", context: pe.context, users: 1, engine: d.engine, formatId: step.format.id }) : undefined;
				if (!row || row.support === "unsupported" || row.kvCachePerGpuGiB <= 0) return;
				const base = row.perGpuGiB - row.kvCachePerGpuGiB + (plan.placed.some((p) => p.devices.includes(i)) ? driverContextGiB(d.gpu) : 0);
				const spare = (plan.free[i] ?? 0) - base;
				if (spare >= row.kvCachePerGpuGiB) sessions += Math.min(Math.floor(spare / row.kvCachePerGpuGiB), 1_000_000);
			});
		}
	}

	const usable = spec.devices.reduce((a, d) => a + deviceCapacity(d), 0);
	const residentFits = fits.every((f) => !f.resident || f.fits);
	const cost = spec.costUsd;
	const gained = keepAggregate !== undefined && spec.kind !== "replace" && spec.kind !== "wait" ? aggregate - keepAggregate : aggregate;
	const notes = [...spec.notes];
	for (const p of plan.placed) if (p.note && !notes.includes(p.note)) notes.push(p.note);
	return {
		id: spec.id,
		kind: spec.kind,
		label: spec.label,
		gpus: spec.gpus,
		usableGiB: round1(usable),
		fits,
		residentFits,
		othersFit,
		othersTotal,
		maxSessions: residentFits ? sessions : 0,
		aggregateDecodeTokensPerSecond: round1(aggregate),
		perUserDecodeTokensPerSecond: Number.isFinite(slowest) ? slowest : 0,
		costUsd: cost,
		costPerUsableGiB: cost !== null && cost > 0 && spec.boughtUsableGiB > 0 ? Math.round(cost / spec.boughtUsableGiB) : null,
		costPerTokenPerSecond: cost !== null && cost > 0 && gained > 0.5 ? Math.round(cost / gained) : null,
		powerW: spec.powerW,
		availableFrom: spec.availableFrom,
		availability: spec.availability,
		withinBudget: null,
		drawbacks: spec.drawbacks,
		notes,
		rank: 0,
	};
}

const round1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : 0);
