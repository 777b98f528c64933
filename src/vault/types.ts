import type { BlockIssue, BlockSpec } from "../estimator/block-spec";

/**
 * The vault index's data shapes. Everything here is plain JSON data: a ParsedNote is persisted by the plugin's
 * warm-start cache, and graph nodes/edges go straight to the graph view and the CLI's `--json`.
 */

/** Bump when ParsedNote's shape or the parsing rules change, so persisted caches are discarded. */
export const PARSED_NOTE_VERSION = 3;

/** Concept kinds: catalog entries (gpu, architecture, model, format), model families, and the vault's own dictionaries. */
export type ConceptKind = "gpu" | "architecture" | "model" | "format" | "family" | "memory" | "interconnect" | "tool";

export type NodeKind = "note" | "series" | "tag" | "missing-note" | ConceptKind;

export type EdgeKind =
	/** note → tag */
	| "tagged"
	/** note → series */
	| "in-series"
	/** note → concept */
	| "mentions"
	/** note → note (or missing note), from the FeedbackLoop field (and other configured fields) */
	| "feedback"
	/** note → note (or missing note), from the SignalAmplification field */
	| "amplifies"
	/** note → note (or missing note), from a body [[wikilink]] */
	| "links"
	/** gpu → architecture */
	| "architecture"
	/** gpu → memory technology */
	| "memory"
	/** gpu → interconnect */
	| "interconnect"
	/** model → family */
	| "family"
	/** architecture → format it runs natively */
	| "native-format";

export interface GraphNode {
	/** Stable, readable: `note:<path>`, `tag:<lowercased>`, `series:s13`, `gpu:<catalog id>`, `missing:<name key>`, ... */
	id: string;
	kind: NodeKind;
	label: string;
	/** Vault path, for note nodes. */
	path?: string;
	degree: number;
}

export interface GraphEdge {
	/** `<kind>:<source>-><target>`: one edge per kind and pair. */
	id: string;
	source: string;
	target: string;
	kind: EdgeKind;
}

export interface Graph {
	nodes: GraphNode[];
	edges: GraphEdge[];
}

/** Where a concept was seen in a note, and how often. */
export interface MentionPlaces {
	title?: number;
	tags?: number;
	/** Per frontmatter field name. */
	fields?: Record<string, number>;
	body?: number;
}

/**
 * A note's concept mentions as stored in ParsedNote: one flat list, per concept (sorted by concept id)
 * `conceptId, title count, tags count, body count, number of fields F`, then F pairs `field name, count` (fields in
 * the order the note gives them). One array per note instead of objects per concept and place keeps 50k parsed notes
 * small. The queries give them back as ConceptMention objects (VaultIndex.conceptsOf).
 */
export type MentionList = (string | number)[];

/** A concept a note mentions, where and how often (what VaultIndex.conceptsOf gives). */
export interface ConceptMention {
	/** Node id of the concept, e.g. `gpu:rtx-pro-6000-blackwell`. */
	conceptId: string;
	kind: ConceptKind;
	label: string;
	where: MentionPlaces;
	/** Total over all places. */
	count: number;
}

export type NoteLinkKind = "feedback" | "amplifies" | "links";

/** A reference to another note by name, not yet resolved (resolution depends on the rest of the vault). */
export interface NoteLink {
	kind: NoteLinkKind;
	/** The name as written (display for a missing-note node). */
	name: string;
	/** noteKey(name): what resolution compares. */
	key: string;
	/** Frontmatter field it came from; absent for body wikilinks. */
	field?: string;
}

export interface TagRef {
	/** Lowercased tag without '#': the identity. */
	id: string;
	/** As first written in the note. */
	display: string;
}

export interface SeriesRef {
	/** `s13` */
	id: string;
	/** `S13_Hardware` as written */
	display: string;
	number: number;
	name: string;
}

export interface NoteDiagnostic {
	/** 1-based line in the note file. */
	line?: number;
	message: string;
}

/** A ```gpufit block of a note, parsed (BlockSpec and its issues are plain data too). */
export interface GpufitBlock {
	/** 1-based line of the opening fence in the note file. */
	line: number;
	source: string;
	/** What the block asks for; absent when it has issues (a block with issues renders them, not a table). */
	spec?: BlockSpec;
	issues: BlockIssue[];
}

/** A frontmatter field whose value names other notes, and the kind of edge those names make. */
export interface LinkField {
	/** As written in frontmatter; matched case-insensitively. */
	field: string;
	kind: "feedback" | "amplifies";
}

export interface ParsedNote {
	version: number;
	path: string;
	title: string;
	/** False when the title is the file name (it then changes on rename). */
	titleFromFrontmatter: boolean;
	/** Frontmatter `aliases`: other names links may use for this note. */
	aliases?: string[];
	description?: string;
	category?: string;
	/** ISO strings: `2025-08-11` for dates, full ISO for timestamps; strings that are not dates are kept as written. */
	created?: string;
	updated?: string;
	tags: TagRef[];
	series: SeriesRef[];
	links: NoteLink[];
	/** Concept mentions, stored compactly (see MentionList). */
	mentions: MentionList;
	blocks: GpufitBlock[];
	/**
	 * Frontmatter keys this parser does not interpret, as bounded plain JSON (dates as ISO strings, long strings
	 * cut to LIMITS.storedStringChars), in a null-prototype object.
	 */
	properties: Record<string, unknown>;
	diagnostics: NoteDiagnostic[];
	/** Fingerprint of the concept vocabulary the mentions were found with (see ConceptMatcher.fingerprint). */
	vocabulary: string;
}

/** A gpufit block of a note as the workload query gives it. */
export interface WorkloadBlock {
	/** 1-based line of the block's opening fence in the note. */
	line: number;
	spec?: BlockSpec;
	issues: BlockIssue[];
}

export interface Workload {
	/** Catalog model ids: those in the note's gpufit blocks first, then those its text mentions (most mentioned first). */
	models: string[];
	/** Catalog GPU ids, same order ("mine" in a block stands for the user's rig and is not listed). */
	gpus: string[];
	blocks: WorkloadBlock[];
}

/** A problem with a note, for the user: where it is and what to fix. */
export interface VaultDiagnostic {
	path: string;
	line?: number;
	message: string;
}

/**
 * What changed in a view of the graph (graphOf with some edge kinds) since a revision: see VaultIndex.changesSince.
 * Nodes added or changed are given as they are now; removed nodes and edges by id.
 */
export interface GraphChanges {
	/** The revision these changes bring a view to. */
	revision: number;
	nodesAdded: GraphNode[];
	nodesRemoved: string[];
	/** Nodes still shown whose label or degree may have changed. */
	nodesChanged: GraphNode[];
	edgesAdded: GraphEdge[];
	/** Edge ids (`<kind>:<source>-><target>`). */
	edgesRemoved: string[];
}
