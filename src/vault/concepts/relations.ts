/**
 * Which catalog concept → concept edges the graph holds, following which concepts notes mention:
 * - a mentioned concept brings its relations (GPU → architecture / memory / interconnect, model → family);
 * - architecture → format edges appear when the format is mentioned and the architecture is in the graph
 *   (mentioned itself, or the architecture of a mentioned GPU).
 * So the graph shows "Blackwell runs FP8 natively" when a vault talks about both, without pulling in the whole catalog.
 *
 * This only counts and decides: the index tells it about mention and architecture edges that came or went (read
 * from the store's change record after each update) and asks which concepts' edges to set; it never touches the store.
 */
import type { EdgeKind } from "../types";
import type { ConceptVocabulary } from "./vocabulary";

export interface RelationUpdate {
	/** Concept node id whose outgoing relation edges are replaced. */
	source: string;
	edges: { kind: EdgeKind; target: string }[];
}

export class ConceptRelations {
	/** Mention edges into each concept. */
	private readonly mentions = new Map<string, number>();
	/** GPU → architecture edges into each architecture. */
	private readonly archUses = new Map<string, number>();
	/** Concepts whose relation edges may have to change: concept id → "relations" or "native-formats". */
	private readonly dirty = new Map<string, "relations" | "native-formats">();
	/** Relation edges currently set per concept (what the last update gave), to skip updates that change nothing. */
	private readonly current = new Map<string, string>();

	constructor(private readonly vocabulary: ConceptVocabulary) {}

	/** A `mentions` or `architecture` edge into `target` was added or removed; other kinds are ignored. */
	edgeChanged(kind: EdgeKind, target: string, added: boolean): void {
		if (kind === "mentions") this.mentionChanged(target, added);
		else if (kind === "architecture") this.archUseChanged(target, added);
	}

	private mentionChanged(conceptId: string, added: boolean): void {
		const before = this.mentions.get(conceptId) ?? 0;
		const after = before + (added ? 1 : -1);
		if (after > 0) this.mentions.set(conceptId, after);
		else this.mentions.delete(conceptId);
		if ((before > 0) === (after > 0)) return;
		const concept = this.vocabulary.get(conceptId);
		if (!concept) return;
		if (concept.kind === "format") {
			for (const arch of this.vocabulary.architecturesRunning(conceptId)) this.dirty.set(arch, "native-formats");
		} else if (concept.kind === "architecture") {
			this.dirty.set(conceptId, "native-formats");
		} else {
			this.dirty.set(conceptId, "relations");
		}
	}

	private archUseChanged(archId: string, added: boolean): void {
		const n = (this.archUses.get(archId) ?? 0) + (added ? 1 : -1);
		if (n > 0) this.archUses.set(archId, n);
		else this.archUses.delete(archId);
		if (n <= 1) this.dirty.set(archId, "native-formats"); // only 0 ↔ 1 can change whether the architecture is in the graph
	}

	/** The relation edges to set now, for every concept a change may have touched since the last call. */
	takeUpdates(): RelationUpdate[] {
		const out: RelationUpdate[] = [];
		for (const [id, what] of this.dirty) {
			const edges = what === "relations" ? this.relationEdges(id) : this.nativeFormatEdges(id);
			const key = edges.map((e) => `${e.kind}>${e.target}`).join("\n");
			if ((this.current.get(id) ?? "") === key) continue;
			if (key === "") this.current.delete(id);
			else this.current.set(id, key);
			out.push({ source: id, edges });
		}
		this.dirty.clear();
		return out;
	}

	private relationEdges(conceptId: string): { kind: EdgeKind; target: string }[] {
		return (this.mentions.get(conceptId) ?? 0) > 0 ? this.vocabulary.relationsOf(conceptId).map((r) => ({ kind: r.kind, target: r.target })) : [];
	}

	/** An architecture's native-format edges: to mentioned formats, while the architecture is in the graph. */
	private nativeFormatEdges(archId: string): { kind: EdgeKind; target: string }[] {
		const active = (this.mentions.get(archId) ?? 0) > 0 || (this.archUses.get(archId) ?? 0) > 0;
		return active
			? this.vocabulary.nativeFormatsOf(archId).filter((f) => (this.mentions.get(f) ?? 0) > 0).map((f) => ({ kind: "native-format" as const, target: f }))
			: [];
	}
}
