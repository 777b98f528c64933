/**
 * The side panel's facts about a concept, from the catalog, each with the source that covers it (a catalog source
 * names the fields it covers; one without `fields` covers the rest). Pure: plain rows the panel draws.
 */
import type { Catalog } from "../../estimator/catalog";
import type { Architecture, Format, Gpu, Model, Source } from "../../estimator/schema";
import type { NodeKind } from "./source";

export interface FactRow {
	label: string;
	value: string;
	/** Index into FactSheet.sources of the source covering this fact. */
	source?: number;
}

export interface FactSheet {
	id: string;
	kind: NodeKind;
	title: string;
	rows: FactRow[];
	sources: Source[];
	/** Catalog id for the estimator (models and GPUs). */
	catalogId?: string;
}

const num = (v: number, digits = 0) => v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** "30.5 B" / "3.3 B" / "560 M". */
export function formatParams(count: number): string {
	if (count >= 1e9) return `${num(count / 1e9, count >= 1e11 ? 0 : 1)} B`;
	return `${num(count / 1e6, 0)} M`;
}

/** The source index covering `field` (a dotted path): the first naming it or a parent, else the first without fields. */
function sourceFor(sources: readonly Source[], field: string): number | undefined {
	const i = sources.findIndex((s) => s.fields?.some((f) => field === f || field.startsWith(`${f}.`) || f.startsWith(`${field}.`)));
	if (i >= 0) return i;
	const rest = sources.findIndex((s) => s.fields === undefined);
	return rest >= 0 ? rest : undefined;
}

class Rows {
	readonly rows: FactRow[] = [];
	constructor(private readonly sources: readonly Source[]) {}
	add(label: string, value: string | undefined, field?: string): void {
		if (value === undefined || value === "") return;
		const source = field === undefined ? undefined : sourceFor(this.sources, field);
		this.rows.push(source === undefined ? { label, value } : { label, value, source });
	}
}

/** The concept's catalog id from its node id (`gpu:h100` → `h100`), for the kinds the catalog holds. */
export function catalogIdOf(nodeId: string): { kind: "gpu" | "model" | "format" | "architecture"; id: string } | undefined {
	const at = nodeId.indexOf(":");
	const prefix = nodeId.slice(0, at);
	const id = nodeId.slice(at + 1);
	if (prefix === "gpu") return { kind: "gpu", id };
	if (prefix === "model") return { kind: "model", id };
	if (prefix === "format") return { kind: "format", id };
	if (prefix === "arch") return { kind: "architecture", id };
	return undefined;
}

export function conceptFacts(catalog: Catalog, nodeId: string): FactSheet | undefined {
	const ref = catalogIdOf(nodeId);
	if (!ref) return undefined;
	switch (ref.kind) {
		case "gpu": { const g = catalog.gpus.get(ref.id); return g && gpuFacts(catalog, nodeId, g); }
		case "model": { const m = catalog.models.get(ref.id); return m && modelFacts(nodeId, m); }
		case "format": { const f = catalog.formats.get(ref.id); return f && formatFacts(nodeId, f); }
		case "architecture": { const a = catalog.architectures.get(ref.id); return a && architectureFacts(nodeId, a); }
	}
}

function gpuFacts(catalog: Catalog, id: string, g: Gpu): FactSheet {
	const r = new Rows(g.sources);
	const arch = catalog.architectures.get(g.architecture);
	r.add("Usable memory", `${num(g.memory.usableGiB, 1)} GiB (${num(g.memory.marketedGB)} GB ${g.memory.type}${g.memory.unified ? ", unified" : ""})`, "memory.usableGiB");
	r.add("Bandwidth", `${num(g.bandwidthGBs)} GB/s`, "bandwidthGBs");
	r.add("Architecture", `${arch?.name ?? g.architecture}${g.computeCapability ? ` (sm ${g.computeCapability})` : g.gfxTarget ? ` (${g.gfxTarget})` : ""}`, "architecture");
	if (arch) r.add("Native formats", arch.nativeMath.map((m) => m.toUpperCase()).join(", "), "architecture");
	const t = g.tflops;
	const rates = [["BF16", t.bf16], ["FP8", t.fp8], ["FP4", t.fp4], ["INT8", t.int8]]
		.filter((x): x is [string, number] => typeof x[1] === "number").map(([k, v]) => `${k} ${num(v)}`);
	r.add("Dense tensor TFLOPS", rates.join(" · "), "tflops");
	r.add("Interconnect", [g.interconnect.pcie, g.interconnect.linkName ? `${g.interconnect.linkName}${g.interconnect.linkGBs ? ` ${num(g.interconnect.linkGBs)} GB/s` : ""}` : undefined].filter(Boolean).join(", "), "interconnect");
	r.add("Power", g.tdpW === undefined ? undefined : `${num(g.tdpW)} W`, "tdpW");
	r.add("Launched", g.launched, "launched");
	r.add("Availability", g.availability.status + (g.availability.expected ? ` (expected ${g.availability.expected})` : ""), "availability");
	if (g.price) r.add("Price", `$${num(g.price.usd)} (${g.price.kind.replace("-", " ")}, ${g.price.asOf})`, "price");
	return { id, kind: "gpu", title: g.name, rows: r.rows, sources: g.sources, catalogId: g.id };
}

function modelFacts(id: string, m: Model): FactSheet {
	const r = new Rows(m.sources);
	r.add("Parameters", formatParams(m.published.totalParams), "published.totalParams");
	if (m.published.activeParams !== undefined) r.add("Active parameters", formatParams(m.published.activeParams), "published.activeParams");
	r.add("Family", m.family, "family");
	const kinds = { full: 0, sliding: 0, linear: 0 };
	for (let i = 0; i < m.layers; i++) kinds[(m.layerPattern[i % m.layerPattern.length] as { kind: keyof typeof kinds }).kind]++;
	const attention = m.mla ? `MLA (latent ${m.mla.kvLoraRank} + rope ${m.mla.qkRopeHeadDim})` : `${m.heads} heads, ${m.kvHeads} KV heads × ${m.headDim}`;
	const pattern = [kinds.full && `${kinds.full} full`, kinds.sliding && `${kinds.sliding} sliding-window`, kinds.linear && `${kinds.linear} linear`].filter(Boolean).join(", ");
	r.add("Architecture", `${m.layers} layers (${pattern}), hidden ${num(m.hidden)}, ${attention}`, "layers");
	if (m.moe) r.add("Mixture of experts", `${m.moe.experts} experts, ${m.moe.expertsPerToken} per token${m.moe.sharedExperts ? `, ${m.moe.sharedExperts} shared` : ""}`, "moe");
	r.add("Weights as shipped", m.shippedQuantization ? `${m.shippedQuantization.format.toUpperCase()} (${m.shippedQuantization.scope})` : m.nativeDtype.toUpperCase(), "nativeDtype");
	r.add("Max context", `${num(m.maxContext)} tokens`, "maxContext");
	r.add("Released", m.released, "released");
	return { id, kind: "model", title: m.name, rows: r.rows, sources: m.sources, catalogId: m.id };
}

function formatFacts(id: string, f: Format): FactSheet {
	const r = new Rows(f.sources);
	r.add("Bits per weight", num(f.bitsPerWeight, 2), "bitsPerWeight");
	r.add("Kind", f.family, "family");
	r.add("Tensor math", f.math === "dequant" ? "dequantized to 16-bit (weight-only)" : f.math.toUpperCase(), "math");
	r.add("Engines", f.engines.join(", "), "engines");
	return { id, kind: "format", title: f.name, rows: r.rows, sources: f.sources, catalogId: f.id };
}

function architectureFacts(id: string, a: Architecture): FactSheet {
	const r = new Rows(a.sources);
	r.add("Vendor", a.vendor, "vendor");
	r.add("Native tensor math", a.nativeMath.map((m) => m.toUpperCase()).join(", "), "nativeMath");
	r.add("Targets", a.targets.join(", "), "targets");
	r.add("Released", a.released, "released");
	for (const note of a.notes ?? []) r.add("Note", note, "notes");
	return { id, kind: "architecture", title: a.name, rows: r.rows, sources: a.sources, catalogId: a.id };
}
