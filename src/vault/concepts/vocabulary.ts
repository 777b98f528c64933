/**
 * The concepts a vault can mention, built from the estimator catalog plus the vault's own dictionaries, and the
 * concept → concept relations the graph draws (GPU → architecture / memory / interconnect, model → family,
 * architecture → the formats its matrix units run natively).
 */
import type { Catalog } from "../../estimator/catalog";
import { normalizeName } from "../../estimator/names";
import { INTERCONNECTS, MEMORY_TECHNOLOGIES, TOOLS, type DictionaryEntry } from "./dictionaries";
import type { ConceptKind, EdgeKind } from "../types";

export interface Concept {
	/** Node id: `gpu:<catalog id>`, `arch:<id>`, `memory:hbm3e`, ... */
	id: string;
	kind: ConceptKind;
	label: string;
	/** Spellings that name it (id, name, aliases); empty for concepts that are only reached through relations (families). */
	names: readonly string[];
	/** Its position in its vocabulary's `concepts` (per-note counters are arrays indexed by it). */
	no: number;
}

export interface ConceptRelation {
	kind: EdgeKind;
	target: string;
}

const ID_PREFIX: Record<ConceptKind, string> = {
	gpu: "gpu", architecture: "arch", model: "model", format: "format", family: "family",
	memory: "memory", interconnect: "interconnect", tool: "tool",
};

export function conceptNodeId(kind: ConceptKind, id: string): string {
	return `${ID_PREFIX[kind]}:${id}`;
}

export class ConceptVocabulary {
	/** In recognition priority order: when two concepts claim one spelling, the earlier kind wins. */
	readonly concepts: Concept[] = [];
	private readonly byId = new Map<string, Concept>();
	private readonly relations = new Map<string, ConceptRelation[]>();
	/** Format node ids by the tensor math they need, for architecture → format edges. */
	private readonly formatsByMath = new Map<string, string[]>();
	private readonly nativeMathOf = new Map<string, readonly string[]>();

	constructor(catalog: Catalog) {
		const add = (kind: ConceptKind, e: { id: string; name: string; aliases: readonly string[] }): Concept => {
			const concept: Concept = { id: conceptNodeId(kind, e.id), kind, label: e.name, names: [e.id, e.name, ...e.aliases], no: this.concepts.length };
			this.concepts.push(concept);
			this.byId.set(concept.id, concept);
			return concept;
		};
		const memoryByKey = keyIndex(MEMORY_TECHNOLOGIES);
		for (const gpu of catalog.gpus.all()) {
			const c = add("gpu", gpu);
			const rel: ConceptRelation[] = [];
			const arch = catalog.architectures.get(gpu.architecture);
			if (arch) rel.push({ kind: "architecture", target: conceptNodeId("architecture", arch.id) });
			const memory = memoryByKey.get(normalizeName(gpu.memory.type));
			if (memory) rel.push({ kind: "memory", target: conceptNodeId("memory", memory.id) });
			for (const link of [gpu.interconnect.pcie, gpu.interconnect.linkName]) {
				const ic = link === undefined ? undefined : longestPrefixEntry(INTERCONNECTS, normalizeName(link));
				if (ic) rel.push({ kind: "interconnect", target: conceptNodeId("interconnect", ic.id) });
			}
			this.relations.set(c.id, rel);
		}
		for (const model of catalog.models.all()) {
			const c = add("model", model);
			const family = normalizeName(model.family);
			if (family) {
				const familyId = conceptNodeId("family", family);
				if (!this.byId.has(familyId)) {
					const f: Concept = { id: familyId, kind: "family", label: model.family, names: [], no: this.concepts.length };
					this.concepts.push(f);
					this.byId.set(familyId, f);
				}
				this.relations.set(c.id, [{ kind: "family", target: familyId }]);
			}
		}
		for (const format of catalog.formats.all()) {
			const c = add("format", format);
			if (format.math !== "dequant") {
				const list = this.formatsByMath.get(format.math) ?? [];
				list.push(c.id);
				this.formatsByMath.set(format.math, list);
			}
		}
		for (const arch of catalog.architectures.all()) {
			const c = add("architecture", arch);
			this.nativeMathOf.set(c.id, arch.nativeMath);
		}
		for (const e of MEMORY_TECHNOLOGIES) add("memory", e);
		for (const e of INTERCONNECTS) add("interconnect", e);
		for (const e of TOOLS) add("tool", e);
	}

	get(id: string): Concept | undefined {
		return this.byId.get(id);
	}

	/** Structural edges from a concept (not including architecture → format, which depends on both being present). */
	relationsOf(id: string): readonly ConceptRelation[] {
		return this.relations.get(id) ?? [];
	}

	/** Format node ids an architecture runs natively. */
	nativeFormatsOf(archId: string): string[] {
		const math = this.nativeMathOf.get(archId);
		if (!math) return [];
		return math.flatMap((m) => this.formatsByMath.get(m) ?? []);
	}

	/** Architecture node ids that run a format natively. */
	architecturesRunning(formatId: string): string[] {
		const out: string[] = [];
		for (const [arch] of this.nativeMathOf) if (this.nativeFormatsOf(arch).includes(formatId)) out.push(arch);
		return out;
	}
}

function keyIndex(entries: readonly DictionaryEntry[]): Map<string, DictionaryEntry> {
	const m = new Map<string, DictionaryEntry>();
	for (const e of entries) for (const n of [e.id, e.name, ...e.aliases]) m.set(normalizeName(n), e);
	return m;
}

/** "PCIe 5.0 x16" → PCIe; "NVLink-C2C" → NVLink-C2C rather than NVLink (longest spelling that prefixes the text). */
function longestPrefixEntry(entries: readonly DictionaryEntry[], text: string): DictionaryEntry | undefined {
	let best: DictionaryEntry | undefined;
	let bestLen = 0;
	for (const e of entries) {
		for (const n of [e.id, e.name, ...e.aliases]) {
			const k = normalizeName(n);
			if (k.length > bestLen && text.startsWith(k)) { best = e; bestLen = k.length; }
		}
	}
	return best;
}
