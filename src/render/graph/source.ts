/**
 * What the graph view needs from the vault index, and nothing more: one narrow interface, so the adapter in
 * src/plugin/graph/index-source.ts is the only code that touches VaultIndex (and tests can hand the view model a
 * fake). Pure types.
 */
import type { EdgeKind, Graph, GraphChanges } from "../../vault/types";

export type { EdgeKind, Graph, GraphChanges, GraphEdge, GraphNode, NodeKind } from "../../vault/types";

export interface Problem {
	path: string;
	/** 1-based line in the note file. */
	line?: number;
	message: string;
}

export interface GraphSource {
	/** Bumps on every change to what the queries return. */
	revision(): number;
	/** Every note, series and concept node, plus the edges of `kinds` and the nodes they touch. */
	graphOf(kinds: ReadonlySet<EdgeKind>): Graph;
	/** The changes since `revision`, or undefined when the view must redraw from graphOf (too old, or another index). */
	changesSince(revision: number, kinds: ReadonlySet<EdgeKind>): GraphChanges | undefined;
	/** Nodes within `depth` steps of `nodeId` over every edge kind, and the edges between them. */
	localGraph(nodeId: string, depth: number): Graph;
	/** Paths of the notes mentioning a concept node. */
	notesMentioning(conceptId: string): string[];
	/** Every parse problem: broken YAML, wrong field types, bad gpufit blocks. */
	problems(): Problem[];
	/** The node id of a note path. */
	noteIdFor(path: string): string;
	/** A note's series tags as written (`S13_Hardware`), for a new note created from a missing name it links to. */
	seriesTagsOf(path: string): string[];
}
