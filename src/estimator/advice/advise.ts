/**
 * Scaling advice: rig + workload + precision policy + date → ranked options with reasons and what would change the
 * answer. Pure: the date is an input, every number comes from the estimator (computeFitTable) and the market facts.
 */
import { resolveGpu, type Catalog } from "../catalog";
import type { Model } from "../schema";
import type { LookupError, Result } from "../types";
import { ENGINE_IDS } from "../types";
import { parseDay } from "./dates";
import { evaluateOption, INTERACTIVE_TOKENS_PER_SECOND, type EvalContext } from "./evaluate";
import { FitCache } from "./fit-cache";
import { marketData } from "./market";
import { buildOptionSpecs } from "./options";
import type { DeviceSpec } from "./packing";
import { describePolicy, precisionLadder, type LadderStep } from "./precision";
import { interactive, othersUsable, rankOptions } from "./rank";
import { PRECISION_POLICIES, type AdviceOption, type AdviceRequest, type AdviceResult, type PrecisionPolicy, type WorkloadEntry } from "./types";
import { resolveWorkload } from "./workload";

const DEFAULT_CONTEXT = 8192;
const MAX_RIG_COUNT = 64;
const MAX_BUDGET = 1e9;

function invalid(message: string): Result<never> {
	return { ok: false, error: { kind: "invalid-request", message, suggestions: [] } };
}

const usd = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;
const tps = (n: number) => `${n >= 100 ? Math.round(n) : n.toFixed(1)} tok/s`;
const tokens = (n: number) => (n % 1024 === 0 ? `${n / 1024}k` : n.toLocaleString("en-US"));

const versions = new WeakMap<Catalog, string>();

/** A short fingerprint of the catalog and market facts the advice was computed from. */
export function catalogVersion(catalog: Catalog): string {
	const hit = versions.get(catalog);
	if (hit) return hit;
	let h = 2166136261;
	const text = JSON.stringify([catalog.gpus.all(), catalog.models.all(), catalog.formats.all(), [...marketData().values()]]);
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	const v = `${catalog.gpus.all().length} GPUs, ${catalog.models.all().length} models, #${(h >>> 0).toString(16).padStart(8, "0")}`;
	versions.set(catalog, v);
	return v;
}

function describeEntry(e: WorkloadEntry, format?: string): string {
	const copies = e.copies > 1 ? `${e.copies}× ` : "";
	const label = e.label !== e.model ? `${e.label} (${e.model})` : e.model;
	const users = `${e.users} user${e.users === 1 ? "" : "s"}${e.copies > 1 ? " each" : ""}`;
	return `${copies}${label}${format ? `, ${format}` : ""}, ${tokens(e.context)} tokens, ${users}`;
}

export function computeAdvice(catalog: Catalog, request: AdviceRequest): Result<AdviceResult> {
	const date = parseDay(request.date);
	if (!date) return invalid(`date must be a calendar day like 2026-11-29 (got "${request.date}").`);
	const rig = resolveGpu(catalog, request.rig.gpu);
	if (!rig.ok) return rig;
	const count = request.rig.count;
	if (!Number.isInteger(count) || count < 1 || count > MAX_RIG_COUNT) return invalid(`count must be a whole number from 1 to ${MAX_RIG_COUNT} (got ${String(count)}).`);
	const policy: PrecisionPolicy = request.policy ?? "released";
	if (!PRECISION_POLICIES.includes(policy)) return invalid(`policy must be one of ${PRECISION_POLICIES.join(", ")}.`);
	const engine = request.engine ?? "vllm";
	if (!ENGINE_IDS.includes(engine)) return invalid(`engine must be one of ${ENGINE_IDS.join(", ")}.`);
	const budget = request.budgetUsd ?? null;
	if (budget !== null && !(Number.isFinite(budget) && budget >= 0 && budget <= MAX_BUDGET)) return invalid(`budget must be a number of US dollars from 0 to ${MAX_BUDGET.toLocaleString("en-US")}.`);
	const defaultContext = request.defaultContext ?? DEFAULT_CONTEXT;

	const { entries, notes } = resolveWorkload(catalog, request.workload, defaultContext);
	if (entries.length === 0) return invalid(notes.length > 0 ? `No usable workload: ${notes.join(" ")}` : "The workload is empty: name at least one model.");
	const models = entries.map((e) => catalog.models.get(e.modelId)).filter((m): m is Model => m !== undefined);

	const cache = new FitCache(catalog);
	const ladders = new Map<string, LadderStep[]>();
	const ctx: EvalContext = {
		catalog, cache, entries, models,
		ladder: (i: number, d: DeviceSpec) => {
			const key = `${i}|${d.gpu.id}|${d.engine}`;
			let l = ladders.get(key);
			if (!l) {
				const m = models[i];
				l = m ? precisionLadder(catalog, m, d.gpu, d.engine, policy) : [];
				ladders.set(key, l);
			}
			return l;
		},
	};

	const market = marketData();
	const built = buildOptionSpecs({
		catalog, market, date, rigGpu: rig.value, rigCount: count, engine,
		maxAddedCards: request.maxAddedCards ?? 3, ctx,
	});
	notes.push(...built.notes);
	const keepSpec = built.specs[0];
	if (!keepSpec) throw new Error("no keep option");
	const keep = evaluateOption(ctx, keepSpec, undefined);
	const evaluated: AdviceOption[] = [keep, ...built.specs.slice(1).map((s) => evaluateOption(ctx, s, keep.aggregateDecodeTokensPerSecond))];
	const options = rankOptions(evaluated, budget);
	const best = options[0];
	if (!best) throw new Error("no options");

	const result: AdviceResult = {
		date,
		catalogVersion: catalogVersion(catalog),
		rig: { gpu: rig.value.name, gpuId: rig.value.id, count },
		policy,
		budgetUsd: budget,
		workload: entries,
		options,
		recommendation: { optionId: best.id, label: best.label, reasons: reasonsFor(best, options, keep, entries, budget) },
		whatWouldChange: [],
		notes,
	};
	if (!request.skipWhatIf) result.whatWouldChange = whatWouldChange(catalog, request, result, keep);
	return { ok: true, value: result };
}

/** Why the recommended option, in plain sentences. */
function reasonsFor(best: AdviceOption, options: AdviceOption[], keep: AdviceOption, entries: WorkloadEntry[], budget: number | null): string[] {
	const reasons: string[] = [];
	const resident = best.fits.filter((f) => f.resident);
	const entryOf = (label: string) => entries.find((e) => e.label === label && e.resident);
	if (resident.length > 0) {
		if (best.residentFits) {
			const plan = resident.map((f) => {
				const e = entryOf(f.label);
				return `${e ? describeEntry(e, f.formatName) : f.label} on ${f.placement.join(" and ")}`;
			});
			reasons.push(`It holds the whole workload at once: ${plan.join("; ")}.`);
		} else {
			const missing = resident.filter((f) => !f.fits).map((f) => `${f.label} (${f.why ?? "does not fit"})`);
			reasons.push(`No option available on this date holds the whole workload; this one places the most of it. Left out: ${missing.join("; ")}.`);
		}
	}
	if (best.kind === "keep") {
		reasons.push("Your current rig already does this: nothing to buy.");
	} else if (!keep.residentFits && resident.length > 0) {
		const failing = keep.fits.find((f) => f.resident && !f.fits);
		reasons.push(`Your current rig does not: ${failing ? `${failing.label} ${failing.why ?? "does not fit"}` : "not everything fits"}.`);
	} else if (keep.residentFits && !interactive(keep)) {
		reasons.push(`Your current rig holds it, but at ${tps(keep.perUserDecodeTokensPerSecond)} per user, below ${INTERACTIVE_TOKENS_PER_SECOND} tok/s.`);
	}
	if (resident.length > 0 && best.residentFits) {
		const change = best.kind !== "keep" && keep.residentFits && keep.perUserDecodeTokensPerSecond > 0
			? ` (now ${tps(keep.perUserDecodeTokensPerSecond)})` : "";
		reasons.push(`Per-user decode with every model busy: ${tps(best.perUserDecodeTokensPerSecond)}${change}; ${tps(best.aggregateDecodeTokensPerSecond)} in total; room for ${best.maxSessions} concurrent sessions of ${entries.find((e) => e.resident)?.label ?? "the first model"}.`);
	}
	if (best.kind !== "keep") {
		if (best.costUsd !== null) {
			// With models running at once, "holds it" is the resident workload; with only mentioned models, it is running
			// as many of them as the recommendation does (an empty workload is held by anything, even the rig as it is).
			const holds = (o: AdviceOption) => (resident.length > 0 ? o.residentFits : othersUsable(o) >= othersUsable(best));
			const what = resident.length > 0 ? "holds the workload" : `runs as many of the mentioned models (${othersUsable(best)})`;
			const fitting = options.filter((o) => holds(o) && o.kind !== "wait" && o.costUsd !== null && o.id !== best.id && o.costUsd < best.costUsd!);
			const perGiB = best.costPerUsableGiB !== null ? `, ${usd(best.costPerUsableGiB)} per usable GiB bought` : "";
			reasons.push(`It costs ${usd(best.costUsd)}${perGiB}.${fitting.length === 0 ? ` No cheaper option that can be bought now ${what}.` : ` The cheapest option that also ${what} falls short elsewhere: ${fitting.sort((a, b) => (a.costUsd ?? 0) - (b.costUsd ?? 0)).slice(0, 1).map((o) => `${o.label} (${usd(o.costUsd ?? 0)}: ${shortfall(o, budget)})`).join("; ")}.`}`);
		} else {
			reasons.push("Its price is unknown: it is ranked without one.");
		}
	}
	if (budget !== null) {
		reasons.push(best.withinBudget === true ? `It is within your ${usd(budget)} budget.` : best.withinBudget === null ? `Whether it fits your ${usd(budget)} budget is unknown (no price); nothing with a known price within it holds the workload.` : `It is over your ${usd(budget)} budget: nothing within it holds the workload.`);
	}
	if (best.kind === "wait") reasons.push(`Nothing you can buy on this date holds the workload; ${best.availability}.`);
	else if (best.kind !== "keep") reasons.push(`Availability: ${best.availability}.`);
	const others = best.fits.filter((f) => !f.resident);
	if (others.length > 0) {
		const ok = others.filter((f) => f.fits).map((f) => f.label);
		const no = others.filter((f) => !f.fits).map((f) => f.label);
		reasons.push(`Models the note mentions, each on its own: ${ok.length > 0 ? `${ok.join(", ")} run${ok.length === 1 ? "s" : ""}` : "none run"}${no.length > 0 ? `; ${no.join(", ")} do${no.length === 1 ? "es" : ""} not` : ""}.`);
	}
	return reasons;
}

function shortfall(o: AdviceOption, budget: number | null): string {
	if (budget !== null && o.withinBudget === false) return "over budget";
	if (!interactive(o)) return `${tps(o.perUserDecodeTokensPerSecond)} per user is below interactive speed`;
	if (o.drawbacks.length > 0) return o.drawbacks[0] ?? "";
	return "ranked lower";
}

/** Options that can be bought now, fit the workload and are interactive, cheapest first (unknown prices last). */
function cheapestFirst(options: AdviceOption[]): AdviceOption[] {
	return [...options].sort((a, b) => a.drawbacks.length - b.drawbacks.length || (a.costUsd ?? Infinity) - (b.costUsd ?? Infinity) || b.perUserDecodeTokensPerSecond - a.perUserDecodeTokensPerSecond);
}

/** What would change the answer: the requirement, the policy, the budget, the date. */
function whatWouldChange(catalog: Catalog, request: AdviceRequest, result: AdviceResult, keep: AdviceOption): string[] {
	const out: string[] = [];
	const best = result.options[0];
	if (!best) return out;
	const available = result.options.filter((o) => o.kind !== "wait");
	const policyWords = describePolicy(result.policy);

	// Models the recommendation does not run: what would (a workstation option if any, at the best speed per dollar).
	for (const f of best.fits.filter((x) => !x.fits)) {
		const speedOf = (o: AdviceOption) => o.fits.find((g) => g.label === f.label)?.perUserDecodeTokensPerSecond ?? 0;
		const runs = (o: AdviceOption) => o.fits.some((g) => g.label === f.label && g.fits);
		const candidates = available.filter((o) => runs(o) && (!f.resident || o.residentFits || o.fits.filter((g) => g.resident && g.fits).length > best.fits.filter((g) => g.resident && g.fits).length));
		const quick = candidates.filter((o) => speedOf(o) >= INTERACTIVE_TOKENS_PER_SECOND);
		const pickFrom = cheapestFirst(quick.length > 0 ? quick : candidates);
		const w = pickFrom.find((o) => !o.drawbacks.some((d) => d.startsWith("needs a datacenter server")));
		const any = pickFrom[0];
		const describe = (o: AdviceOption) => `${o.label} (${o.costUsd !== null ? usd(o.costUsd) : "price unknown"}, ${tps(speedOf(o))} for it${o.drawbacks.length > 0 ? `; ${o.drawbacks[0]}` : ""})`;
		if (!any) out.push(`If you need ${f.label} ${policyWords}, no option available on ${result.date} runs it (${f.why ?? "too large"}).`);
		else if (!w) out.push(`If you need ${f.label} ${policyWords}, no workstation option runs it: the cheapest that does is ${describe(any)}.`);
		else out.push(`If you need ${f.label} ${policyWords} too: ${describe(w)}.`);
	}

	// A faster or a cheaper alternative that also holds the workload.
	const fitting = available.filter((o) => o.residentFits && o.id !== best.id && o.costUsd !== null && interactive(o));
	// Speeds compare models running at once; with only mentioned models there is no such speed to compare.
	const hasResident = result.workload.some((e) => e.resident);
	if (best.costUsd !== null && best.residentFits && hasResident) {
		const faster = cheapestFirst(fitting.filter((o) => o.drawbacks.length <= best.drawbacks.length && o.perUserDecodeTokensPerSecond >= best.perUserDecodeTokensPerSecond * 1.5))[0];
		if (faster) out.push(`If per-user speed matters more than price: ${faster.label} gives ${tps(faster.perUserDecodeTokensPerSecond)} per user (vs ${tps(best.perUserDecodeTokensPerSecond)}) for ${usd(faster.costUsd ?? 0)}.`);
		const cheaper = [...fitting].filter((o) => (o.costUsd ?? 0) < (best.costUsd ?? 0)).sort((a, b) => (a.costUsd ?? 0) - (b.costUsd ?? 0))[0];
		if (cheaper) out.push(`If you accept that it ${cheaper.drawbacks[0] ?? "is ranked lower"}: ${cheaper.label} costs ${usd(cheaper.costUsd ?? 0)} (${tps(cheaper.perUserDecodeTokensPerSecond)} per user).`);
	}

	// The policy: one step looser (or back to "as released" from a loose one).
	const alt: PrecisionPolicy | undefined = result.policy === "released" || result.policy === "bf16" ? "fp8" : result.policy === "fp8" ? "int4" : "released";
	const rerun = computeAdvice(catalog, { ...request, policy: alt, skipWhatIf: true });
	if (rerun.ok) {
		const other = rerun.value.options[0];
		if (other && other.id !== best.id) {
			out.push(`${alt === "released" ? "Insisting on the released precision" : `Allowing ${alt === "fp8" ? "8-bit" : "4-bit"} quantization`} changes the answer to: ${other.label}${other.costUsd !== null ? ` (${usd(other.costUsd)})` : ""}.`);
		} else if (other) {
			out.push(`${alt === "released" ? "Insisting on the released precision" : `Allowing ${alt === "fp8" ? "8-bit" : "4-bit"} quantization`} does not change the answer.`);
		}
	}

	// Sessions: how far the recommendation stretches.
	const primary = result.workload.find((e) => e.resident);
	if (primary && best.residentFits) {
		out.push(`It holds up to ${best.maxSessions} concurrent ${tokens(primary.context)}-token sessions of ${primary.label}${keep.residentFits && best.kind !== "keep" ? ` (your rig today: ${keep.maxSessions})` : ""}; more users need another option.`);
	}

	// Waiting: the best announced part, with its date.
	const wait = result.options.filter((o) => o.kind === "wait")
		.sort((a, b) => Number(b.residentFits) - Number(a.residentFits) || a.drawbacks.length - b.drawbacks.length || (a.availableFrom < b.availableFrom ? -1 : 1))[0];
	if (wait) {
		const speed = wait.residentFits ? ` at ${tps(wait.perUserDecodeTokensPerSecond)} per user` : "";
		const mentioned = wait.fits.filter((f) => !f.resident).length;
		const holds = hasResident
			? `${wait.residentFits ? `would hold the workload${speed}` : "would not hold the whole workload either"}${othersUsable(wait) > othersUsable(best) ? " and run more of the mentioned models" : ""}`
			: `would run ${othersUsable(wait)} of the ${mentioned} mentioned models at interactive speed (the recommendation: ${othersUsable(best)})`;
		out.push(`If you can wait: ${wait.label.replace(/:.*$/, "").replace(/^Wait for /, "")} ${holds}; ${wait.costUsd === null ? "its price is not announced" : `announced at ${usd(wait.costUsd)}`}${wait.drawbacks.length > 0 ? `; it ${wait.drawbacks[0]}` : ""}.`);
	} else {
		out.push(`No announced part is expected after ${result.date} in the catalog: waiting buys nothing known.`);
	}
	if (result.budgetUsd !== null && best.withinBudget !== false) {
		const over = result.options.find((o) => o.residentFits && o.kind !== "wait" && o.withinBudget === false && interactive(o) && o.perUserDecodeTokensPerSecond > best.perUserDecodeTokensPerSecond * 1.2);
		if (over) out.push(`With ${usd((over.costUsd ?? 0) - result.budgetUsd)} more budget: ${over.label} (${tps(over.perUserDecodeTokensPerSecond)} per user).`);
	}
	return out;
}

export type { LookupError };
