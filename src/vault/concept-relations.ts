/**
 * Keeps the catalog's concept → concept edges in the graph, following which concepts notes mention:
 * - a mentioned concept brings its relations (GPU → architecture / memory / interconnect, model → family);
 * - architecture → format edges appear when the format is mentioned and the architecture is in the graph
 *   (mentioned itself, or the architecture of a mentioned GPU).
 * So the graph shows "Blackwell runs FP8 natively" when a vault talks about both, without pulling in the whole catalog.
 */
import type { ConceptVocabulary } from "./concept-vocabulary";
import type { GraphStore, OutEdge } from "./graph-store";
import type { EdgeKind } from "./types";

export class ConceptRelations {
	/** Mention edges into each concept. */
	private readonly mentions = new Map<string, number>();
	/** GPU → architecture edges into each architecture. */
	private readonly archUses = new Map<string, number>();

	constructor(private readonly store: GraphStore, private readonly vocabulary: ConceptVocabulary) {}

	/** The edge kinds edgeChanged acts on. */
	static readonly kinds: readonly EdgeKind[] = ["mentions", "architecture"];

	/** GraphStore.onEdge hook. */
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
			for (const arch of this.vocabulary.architecturesRunning(conceptId)) this.syncArch(arch);
		} else if (concept.kind === "architecture") {
			this.syncArch(conceptId);
		} else {
			const relations = after > 0 ? this.vocabulary.relationsOf(conceptId) : [];
			this.store.setOutNamed(conceptId, relations.map((r) => ({ kind: r.kind, target: r.target })));
		}
	}

	private archUseChanged(archId: string, added: boolean): void {
		const n = (this.archUses.get(archId) ?? 0) + (added ? 1 : -1);
		if (n > 0) this.archUses.set(archId, n);
		else this.archUses.delete(archId);
		if (n <= 1) this.syncArch(archId); // only 0 ↔ 1 can change whether the architecture is in the graph
	}

	/** An architecture's native-format edges: to mentioned formats, while the architecture is in the graph. */
	private syncArch(archId: string): void {
		const active = (this.mentions.get(archId) ?? 0) > 0 || (this.archUses.get(archId) ?? 0) > 0;
		const edges: OutEdge[] = active
			? this.vocabulary.nativeFormatsOf(archId).filter((f) => (this.mentions.get(f) ?? 0) > 0).map((f) => ({ kind: "native-format", target: f }))
			: [];
		const current = this.store.outOf(archId);
		if (current.length === edges.length && current.every((e, i) => e.target === edges[i]?.target)) return;
		this.store.setOutNamed(archId, edges);
	}
}
