/**
 * An edge source: one pure function from a ParsedNote to the note's outgoing edges of some kinds. Each lives in its
 * own file and is listed in registry.ts; the index runs them in registry order when it syncs a note, and knows
 * nothing about what any of them reads.
 */
import type { EdgeKind, ParsedNote } from "../types";

/** Node id prefixes of the nodes notes point at that are not notes. */
export type NodePrefix = "tag:" | "series:" | "";

/** What a source needs from the index to turn names into packed edges (see graph/store.ts packEdge). */
export interface EdgeContext {
	/** The packed edge of kind number `kind` to node `prefix + key` (a tag, a series, or a concept by its node id). */
	edgeTo(prefix: NodePrefix, key: string, kind: number): number;
	/** Whether a concept node id is in the current vocabulary (mentions of removed catalog entries make no edge). */
	hasConcept(id: string): boolean;
	/** The packed edge of kind number `kind` to where the note's link `i` resolves (a note or a missing note); -1: no edge. */
	linkEdge(i: number, kind: number): number;
}

export interface EdgeSource {
	/** The edge kinds it makes. */
	readonly kinds: readonly EdgeKind[];
	/**
	 * Its edges depend on other notes (link resolution): re-run when a name the note links to resolves differently.
	 * Sources that do not are run once per version of the note.
	 */
	readonly resolvesNames: boolean;
	/** Append the note's edges (packed) to `out`. */
	edges(note: ParsedNote, ctx: EdgeContext, out: number[]): void;
}
