/**
 * The options worth comparing: keep the rig; add 1..N identical cards; replace it with, or add, a different part
 * (every catalog GPU one can buy on the advice date); wait for an announced part whose expected date is still ahead.
 * Each option gets the smallest device count that holds the resident workload (or the most the part allows, when
 * none does), its cost from the market facts at the date, and its practical constraints in plain words.
 */
import type { Catalog } from "../catalog";
import type { Gpu } from "../schema";
import type { EngineId } from "../types";
import { describeDate } from "./dates";
import { residentsFit, type EvalContext, type OptionSpec } from "./evaluate";
import { availabilityAt, priceAt, type AvailabilityAt } from "./market";
import type { MarketEntry, Price, Purchase } from "./market-schema";
import { deviceCapacity, type DeviceSpec } from "./packing";
import type { OptionGpu } from "./types";

/** Racks are evaluated on this many of their GPUs (one model never needs more in the advice's workloads). */
const RACK_SLICE = 8;

export interface OptionsInput {
	catalog: Catalog;
	market: Map<string, MarketEntry>;
	date: string;
	rigGpu: Gpu;
	rigCount: number;
	engine: EngineId;
	maxAddedCards: number;
	ctx: EvalContext;
}

/** What to assume for a GPU the market facts do not cover (a user catalog entry). */
function defaultPurchase(g: Gpu): Purchase {
	const source = { ref: "assumed from the GPU's segment (no market facts for this GPU)", asOf: "2026-09", confidence: "derived" as const };
	switch (g.segment) {
		case "consumer": case "workstation": return { formFactor: "pcie-card", gpusPerUnit: 1, maxGpus: 4, workstation: true, cooling: "active", source };
		case "datacenter": return { formFactor: "pcie-card", gpusPerUnit: 1, maxGpus: 8, workstation: false, cooling: "passive", source };
		case "desktop-soc": return { formFactor: "system", gpusPerUnit: 1, maxGpus: 1, workstation: true, cooling: "system", source };
		case "laptop-soc": return { formFactor: "laptop", gpusPerUnit: 1, maxGpus: 1, workstation: false, cooling: "system", source };
	}
}

export function purchaseOf(market: Map<string, MarketEntry>, g: Gpu): Purchase {
	return market.get(g.id)?.purchase ?? defaultPurchase(g);
}

function engineFor(g: Gpu, engine: EngineId): EngineId {
	return g.vendor === "apple" ? "llama.cpp" : engine;
}

const usd = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;

/** "newgearhub.com" for a URL, the reference itself (shortened) otherwise. */
export function sourceName(ref: string): string {
	const m = /^https?:\/\/(?:www\.)?([^/\s]+)/.exec(ref);
	if (m?.[1]) return m[1];
	return ref.length > 60 ? `${ref.slice(0, 57)}…` : ref;
}

function priceNote(g: Gpu, p: Price | undefined, entry: MarketEntry | undefined, date: string): string {
	if (!p) {
		const later = entry?.prices.find((x) => x.asOf > date);
		if (later) return `${g.name}: no price known on ${date} (first price ${usd(later.usd)} from ${describeDate(later.asOf)})`;
		return `${g.name}: price unknown${entry?.noPrice ? ` (${entry.noPrice})` : ""}`;
	}
	const range = p.low !== undefined && p.high !== undefined ? ` (${usd(p.low)}–${usd(p.high)})` : "";
	const kind = p.kind === "launch-msrp" ? "launch price" : p.kind === "announced" ? "announced price" : p.kind === "street" ? "street price" : "estimate";
	return `${g.name}: ${usd(p.usd)} per ${p.unit}${range}, ${kind} as of ${describeDate(p.asOf)} (${sourceName(p.source.ref)})`;
}

function devicePower(market: Map<string, MarketEntry>, g: Gpu): number | null {
	return purchaseOf(market, g).systemPowerW ?? g.tdpW ?? null;
}

function sumPower(market: Map<string, MarketEntry>, devices: DeviceSpec[]): number | null {
	let total = 0;
	for (const d of devices) {
		const w = devicePower(market, d.gpu);
		if (w === null) return null;
		total += w;
	}
	return total;
}

/** Practical constraints of buying `count` of `g`, plain words. */
function practicalNotes(input: OptionsInput, g: Gpu, count: number, a: AvailabilityAt, sameBoxCards: number): string[] {
	const p = purchaseOf(input.market, g);
	const notes: string[] = [];
	if (p.note) notes.push(`${g.name}: ${p.note}`);
	if (a.status === "datacenter-only") notes.push(`${g.name} is datacenter-only: it needs a server${p.cooling === "liquid" ? " with liquid cooling" : p.cooling === "passive" ? " with forced airflow" : ""}, not a workstation tower`);
	if (a.status === "discontinued") notes.push(`${g.name} is discontinued: new stock is rare, used cards only`);
	if (p.formFactor === "rack") notes.push(`sold only as ${p.gpusPerUnit}-GPU racks; evaluated here on ${Math.min(RACK_SLICE, count)} of its GPUs`);
	if (p.formFactor === "module") notes.push(`sold only as ${p.gpusPerUnit}-GPU baseboards`);
	if (g.vendor === "apple") notes.push(`${g.name} runs llama.cpp or MLX only (no vLLM); ${g.bandwidthGBs} GB/s unified memory`);
	if (g.memory.type.toUpperCase().startsWith("LPDDR") && g.vendor !== "apple") notes.push(`${g.name}: ${g.bandwidthGBs} GB/s ${g.memory.type} holds large models but decodes them slowly`);
	if (g.vendor === "amd") notes.push(`${g.name}: ROCm; vLLM runs, but AWQ/GPTQ kernels are CUDA-only`);
	if (p.workstation && p.formFactor === "pcie-card" && sameBoxCards > 1 && g.tdpW) {
		const watts = g.tdpW * sameBoxCards;
		if (watts > 1000) notes.push(`${sameBoxCards} × ${g.tdpW} W = ${watts.toLocaleString("en-US")} W of GPUs in one box: a ${(Math.ceil((watts + 400) / 100) * 100).toLocaleString("en-US")} W+ supply (or two)`);
	}
	return notes;
}

/** GPU power above which one workstation needs more than one ordinary supply (1,600 W units are the largest common). */
const WORKSTATION_GPU_WATTS = 1800;

/** Drawbacks of a set of devices next to the rig (see AdviceOption.drawbacks). */
function drawbacksOf(input: OptionsInput, devices: DeviceSpec[], rigPurchase: Purchase): string[] {
	const out: string[] = [];
	const box = devices.filter((d) => d.node === 0);
	const vendors = [...new Set(box.map((d) => d.gpu.vendor))];
	if (vendors.length > 1) out.push(`mixes ${vendors.map((v) => v.toUpperCase()).join(" and ")} cards in one box (two driver stacks, engines built per card)`);
	else {
		const archs = [...new Set(box.map((d) => d.gpu.architecture))];
		if (archs.length > 1) out.push(`mixes card generations in one box (${archs.map((a) => input.catalog.architectures.get(a)?.name ?? a).join(" and ")}): kernels and formats differ per card`);
	}
	if (rigPurchase.workstation && devices.some((d) => !purchaseOf(input.market, d.gpu).workstation && purchaseOf(input.market, d.gpu).formFactor !== "system")) {
		out.push("needs a datacenter server (your rig is a workstation)");
	}
	const boxWatts = box.reduce((a, d) => a + (d.gpu.tdpW ?? 0), 0);
	if (rigPurchase.workstation && box.every((d) => purchaseOf(input.market, d.gpu).workstation) && boxWatts > WORKSTATION_GPU_WATTS) {
		out.push(`puts ${boxWatts.toLocaleString("en-US")} W of GPUs in one workstation: more than one ordinary power supply`);
	}
	return out;
}

function options(lo: number, hi: number): number[] {
	const out: number[] = [];
	for (let k = lo; k <= hi; k++) out.push(k);
	return out;
}

/** Counts a part can be bought in, smallest first. */
function countsFor(p: Purchase): number[] {
	if (p.formFactor === "module") return [p.gpusPerUnit];
	if (p.formFactor === "rack") return [RACK_SLICE];
	return options(1, p.maxGpus);
}

function unitsCost(price: Price | undefined, p: Purchase, count: number): number | null {
	if (!price) return null;
	if (p.formFactor === "rack") return null;
	return price.usd * count;
}

export function buildOptionSpecs(input: OptionsInput): { specs: OptionSpec[]; notes: string[] } {
	const { market, date, rigGpu, rigCount, catalog } = input;
	const specs: OptionSpec[] = [];
	const notes: string[] = [];
	const rigPurchase = purchaseOf(market, rigGpu);
	const rigEntry = market.get(rigGpu.id);
	const rigAvail = availabilityAt(rigEntry, rigGpu, date);
	const rigEngine = engineFor(rigGpu, input.engine);
	const rigDevices: DeviceSpec[] = Array.from({ length: rigCount }, () => ({ gpu: rigGpu, engine: rigEngine, node: 0 }));
	const rigGpus: OptionGpu[] = [{ gpuId: rigGpu.id, name: rigGpu.name, count: rigCount, added: false }];
	const rigPower = sumPower(market, rigDevices);
	const cap = (ds: DeviceSpec[]) => ds.reduce((a, d) => a + deviceCapacity(d), 0);

	specs.push({
		id: "keep", kind: "keep", label: `Keep ${rigCount}× ${rigGpu.name}`, gpus: rigGpus, devices: rigDevices,
		costUsd: 0, boughtUsableGiB: 0, powerW: rigPower, availableFrom: date, availability: "owned",
		drawbacks: drawbacksOf(input, rigDevices, rigPurchase), notes: [],
	});

	// ---- identical cards
	const rigPrice = priceAt(rigEntry, date);
	const addable = rigPurchase.formFactor === "module" || rigPurchase.formFactor === "rack" || rigPurchase.formFactor === "laptop"
		? 0 : Math.min(input.maxAddedCards, rigPurchase.maxGpus - rigCount);
	if (addable <= 0 && rigPurchase.formFactor !== "laptop") notes.push(`No identical cards considered: ${rigCount}× ${rigGpu.name} is already the most one box takes (${rigPurchase.maxGpus}).`);
	for (let k = 1; k <= addable; k++) {
		const added: DeviceSpec[] = Array.from({ length: k }, () => ({ gpu: rigGpu, engine: rigEngine, node: 0 }));
		const devices = [...rigDevices, ...added];
		const cost = rigPrice ? rigPrice.usd * k : null;
		const n: string[] = [priceNote(rigGpu, rigPrice, rigEntry, date), ...practicalNotes(input, rigGpu, k, rigAvail, rigCount + k)];
		if (rigGpu.interconnect.linkGBs === null && rigPurchase.formFactor === "pcie-card") n.push(`${rigGpu.name} has no NVLink: models split across cards talk over ${rigGpu.interconnect.pcie ?? "PCIe"}`);
		specs.push({
			id: `add-identical-${k}`, kind: "add-identical",
			label: `Add ${k}× ${rigGpu.name} (${rigCount + k} in total)`,
			gpus: [{ ...rigGpus[0]!, count: rigCount }, { gpuId: rigGpu.id, name: rigGpu.name, count: k, added: true }],
			devices, costUsd: cost, boughtUsableGiB: cap(added), powerW: sumPower(market, devices),
			availableFrom: date, availability: rigAvail.status === "unannounced" ? "unknown" : rigAvail.text,
			drawbacks: drawbacksOf(input, devices, rigPurchase), notes: n,
		});
	}

	// ---- other parts
	for (const g of catalog.gpus.all()) {
		if (g.id === rigGpu.id) continue;
		const entry = market.get(g.id);
		const p = purchaseOf(market, g);
		if (p.formFactor === "laptop") continue;
		const a = availabilityAt(entry, g, date);
		if (a.status === "unannounced" || a.status === "discontinued") continue;
		if (a.status === "announced" && a.overdue) {
			notes.push(`${g.name} was expected ${describeDate(a.expected ?? "")} and has no shipping record in the catalog: not offered as a wait option.`);
			continue;
		}
		const engine = engineFor(g, input.engine);
		const waiting = a.status === "announced";
		const price = priceAt(entry, date);
		const sameBox = p.formFactor === "pcie-card" && (p.workstation === rigPurchase.workstation) && rigPurchase.formFactor === "pcie-card";
		const separate = p.formFactor === "system";
		const canAdd = sameBox || separate;
		const availableFrom = waiting ? (a.expected ?? "unknown") : date;

		const build = (mode: "replace" | "add", count: number): DeviceSpec[] => {
			const node = mode === "add" && separate ? 1 : 0;
			const fresh = Array.from({ length: count }, () => ({ gpu: g, engine, node }));
			return mode === "replace" ? fresh : [...rigDevices, ...fresh];
		};
		const smallest = (mode: "replace" | "add"): number => {
			let counts = countsFor(p);
			if (mode === "add" && sameBox) counts = counts.filter((k) => rigCount + k <= rigPurchase.maxGpus);
			if (counts.length === 0) return 0;
			for (const k of counts) if (residentsFit(input.ctx, build(mode, k))) return k;
			return counts[counts.length - 1] ?? 0;
		};
		const modes: ("replace" | "add")[] = waiting ? [canAdd ? "add" : "replace"] : canAdd ? ["replace", "add"] : ["replace"];
		for (const mode of modes) {
			const count = smallest(mode);
			if (count === 0) continue;
			const devices = build(mode, count);
			const fresh = devices.slice(mode === "add" ? rigCount : 0);
			const units = p.formFactor === "rack" ? p.gpusPerUnit : count;
			const n = [priceNote(g, price, entry, date), ...practicalNotes(input, g, count, a, mode === "add" && sameBox ? rigCount + count : count)];
			if (waiting) n.unshift(`${g.name} is ${a.text} (${sourceName(a.event?.source.ref ?? "catalog")}): vendor dates slip, and its price is ${price ? "as announced" : "not announced"}`);
			if (mode === "add" && separate) n.push(`a separate machine: models run on it or on your rig, not split across both`);
			const kind = waiting ? "wait" : mode === "replace" ? "replace" : "add-different";
			const label = waiting
				? `Wait for ${g.name} (expected ${describeDate(a.expected ?? "")}): ${mode === "add" ? "add" : "replace with"} ${count}×`
				: mode === "replace" ? `Replace with ${count}× ${g.name}` : `Add ${count}× ${g.name}${separate ? " (separate machine)" : ""}`;
			specs.push({
				id: `${kind}-${g.id}-x${count}`, kind, label,
				gpus: mode === "replace"
					? [{ gpuId: g.id, name: g.name, count: p.formFactor === "rack" ? units : count, added: true }]
					: [{ ...rigGpus[0]! }, { gpuId: g.id, name: g.name, count, added: true }],
				devices,
				costUsd: unitsCost(price, p, units),
				boughtUsableGiB: cap(fresh),
				powerW: sumPower(market, devices),
				availableFrom,
				availability: a.text,
				drawbacks: drawbacksOf(input, devices, rigPurchase),
				notes: n,
			});
		}
	}
	return { specs, notes };
}
