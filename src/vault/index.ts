/**
 * The vault index: parsed notes → a typed graph of notes, tags, series, hardware concepts and note links,
 * maintained incrementally. Pure TypeScript (no Obsidian, no DOM, no Node APIs): the plugin feeds it from the
 * vault's events, the CLI from a folder.
 *
 * Incremental means each edit touches only the edited note's edges, plus the notes whose links named one of the
 * edited note's names (title, file name, aliases) when those names or its path changed. Every derived value
 * (which note a name resolves to, label spellings) is a function of the current notes only, so any edit sequence
 * gives the same graph as indexing the final vault from scratch (a property test checks this).
 */
import type { Catalog } from "../estimator/catalog";
import { parseBlockSpec, type BlockIssue, type BlockSpec } from "../estimator/block-spec";
import { ConceptRelations } from "./concept-relations";
import type { ConceptMatcher } from "./concept-matcher";
import { DEFAULT_FEEDBACK_FIELDS } from "./frontmatter-fields";
import { edgeId, GraphStore, type OutEdge } from "./graph-store";
import { withTitleMentions } from "./mentions";
import { noteBasename, noteKey, noteNodeId } from "./note-key";
import { matcherFor, parseNote, titleConcepts } from "./parse-note";
import { PARSED_NOTE_VERSION, type ConceptMention, type Graph, type GraphEdge, type GraphNode, type NodeKind, type ParsedNote } from "./types";

export type { ConceptMention, Graph, GraphEdge, GraphNode, ParsedNote } from "./types";
export type { ConceptKind, EdgeKind, NodeKind, MentionPlaces, NoteDiagnostic, NoteLink, TagRef, SeriesRef } from "./types";
export { parseNote, type ParseOptions } from "./parse-note";
export { noteKey, noteNodeId } from "./note-key";
export { PARSED_NOTE_VERSION } from "./types";

export interface VaultIndexOptions {
	catalog: Catalog;
	/**
	 * Frontmatter fields naming related notes. Default ["FeedbackLoop", "SignalAmplification"]: FeedbackLoop →
	 * edge kind "feedback", SignalAmplification → "amplifies", any other listed field → "feedback".
	 */
	feedbackFields?: string[];
	/** Only notes with this tag (case-insensitive, '#' optional; a series tag works too) become graph notes. Default: all notes. */
	indexTag?: string;
}

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

export interface VaultDiagnostic {
	path: string;
	line?: number;
	message: string;
}

export class VaultIndex {
	private readonly notes = new Map<string, ParsedNote>();
	/** noteKey of every title, file name and alias → paths of the notes that carry it. */
	private readonly nameOwners = new Map<string, Set<string>>();
	/** noteKey → paths of notes linking to that name. */
	private readonly linkers = new Map<string, Set<string>>();
	private store: GraphStore;
	/** Node id → path of the notes that are graph nodes (all notes, or those with the index tag). */
	private readonly graphNotes = new Map<string, string>();
	private catalog: Catalog;
	private matcher: ConceptMatcher;
	private readonly feedbackFields: string[];
	private readonly indexTag: string | undefined;
	private rev = 0;
	private batchDepth = 0;
	/** Notes to sync when the outermost batch ends. */
	private readonly pending = new Set<string>();
	private graphCache: { revision: number; graph: Graph } | undefined;
	/** Path → node id of indexed notes (see nodeIdOf). */
	private readonly nodeIds = new Map<string, string>();
	/** See fixedEdges(); replaced when the vocabulary changes. */
	private fixedEdgeCache = new WeakMap<ParsedNote, readonly OutEdge[]>();

	constructor(options: VaultIndexOptions) {
		this.catalog = options.catalog;
		this.matcher = matcherFor(options.catalog);
		this.feedbackFields = options.feedbackFields ?? DEFAULT_FEEDBACK_FIELDS;
		this.indexTag = options.indexTag?.replace(/^#+/, "").toLowerCase() || undefined;
		this.store = this.freshStore();
	}

	/** Bumps on every change to the graph or to what the queries return. */
	get revision(): number {
		return this.rev;
	}

	upsert(path: string, text: string): void {
		this.upsertParsed(parseNote(path, text, { catalog: this.catalog, feedbackFields: this.feedbackFields }));
	}

	/** Warm start: a ParsedNote from the plugin's cache. One parsed with another vocabulary is listed by staleNotes(). */
	upsertParsed(note: ParsedNote): void {
		const old = this.notes.get(note.path);
		if (old && JSON.stringify(old) === JSON.stringify(note)) return;
		this.notes.set(note.path, note);
		this.afterChange(old, note);
		this.rev++;
	}

	remove(path: string): void {
		const old = this.notes.get(path);
		if (!old) return;
		this.notes.delete(path);
		this.nodeIds.delete(path);
		this.afterChange(old, undefined);
		this.rev++;
	}

	/** A file moved: same content, new path. A title taken from the file name changes with it. */
	rename(oldPath: string, newPath: string): void {
		const old = this.notes.get(oldPath);
		if (!old || oldPath === newPath) return;
		let moved: ParsedNote = { ...old, path: newPath };
		if (!old.titleFromFrontmatter) {
			const title = noteBasename(newPath);
			moved = { ...moved, title, mentions: withTitleMentions(old.mentions, titleConcepts(this.matcher, title)) };
		}
		this.remove(oldPath);
		if (this.notes.has(newPath)) this.remove(newPath);
		this.upsertParsed(moved);
	}

	/**
	 * Run many edits (a cold start, a folder move) with each affected note's edges computed once at the end, instead
	 * of re-resolving links after every single note. Queries inside the batch see the graph as it was before it.
	 */
	batch(edits: () => void): void {
		this.batchDepth++;
		try {
			edits();
		} finally {
			if (--this.batchDepth === 0) {
				const paths = [...this.pending];
				this.pending.clear();
				for (const path of paths) this.syncNote(path);
				this.rev++;
			}
		}
	}

	/** A catalog edit: concepts are re-derived (labels, relations; mentions of removed entries dropped). */
	setCatalog(catalog: Catalog): void {
		this.catalog = catalog;
		this.matcher = matcherFor(catalog);
		this.store = this.freshStore();
		this.fixedEdgeCache = new WeakMap();
		this.graphNotes.clear();
		for (const note of this.notes.values()) this.syncNote(note.path);
		this.rev++;
	}

	/**
	 * Notes whose concept mentions were found with a different vocabulary (the catalog or the dictionaries changed
	 * since they were parsed, or they came from an older cache). Re-read and upsert them to find new names in them.
	 */
	staleNotes(): string[] {
		const out: string[] = [];
		for (const n of this.notes.values()) if (n.vocabulary !== this.matcher.fingerprint || n.version !== PARSED_NOTE_VERSION) out.push(n.path);
		return out.sort();
	}

	/** The whole graph. Materialized on demand (O(nodes + edges)) and cached until the next change. */
	graph(): Graph {
		if (this.graphCache?.revision !== this.rev) {
			const nodes: GraphNode[] = [];
			for (const id of this.graphNotes.keys()) nodes.push(this.nodeFor(id));
			for (const id of this.store.nodeIds()) if (!this.graphNotes.has(id)) nodes.push(this.nodeFor(id));
			const edges: GraphEdge[] = [];
			for (const [source, out] of this.store.sources()) {
				for (const e of out) edges.push({ id: edgeId(e.kind, source, e.target), source, target: e.target, kind: e.kind });
			}
			this.graphCache = { revision: this.rev, graph: { nodes, edges } };
		}
		return this.graphCache.graph;
	}

	/** Nodes within `depth` steps of `nodeId` (either direction) and the edges between them; degrees are whole-graph degrees. */
	localGraph(nodeId: string, depth: number): Graph {
		if (!this.hasNode(nodeId)) return { nodes: [], edges: [] };
		const seen = new Set([nodeId]);
		let frontier = [nodeId];
		for (let d = 0; d < depth && frontier.length > 0; d++) {
			const next: string[] = [];
			const visit = (other: string): void => {
				if (!seen.has(other)) { seen.add(other); next.push(other); }
			};
			for (const id of frontier) {
				for (const e of this.store.outOf(id)) visit(e.target);
				for (const source of this.store.sourcesOf(id)) visit(source);
			}
			frontier = next;
		}
		const edges: GraphEdge[] = [];
		for (const source of seen) {
			for (const e of this.store.outOf(source)) {
				if (seen.has(e.target)) edges.push({ id: edgeId(e.kind, source, e.target), source, target: e.target, kind: e.kind });
			}
		}
		return { nodes: [...seen].map((id) => this.nodeFor(id)), edges };
	}

	/** Paths of graph notes mentioning a concept (by node id, e.g. `gpu:h100`), sorted. */
	notesMentioning(conceptId: string): string[] {
		const out: string[] = [];
		for (const source of this.store.sourcesOf(conceptId)) {
			const path = this.graphNotes.get(source);
			if (path !== undefined && this.store.outOf(source).some((e) => e.kind === "mentions" && e.target === conceptId)) out.push(path);
		}
		return out.sort();
	}

	/** The concepts a note mentions, with current catalog labels. */
	conceptsOf(path: string): ConceptMention[] {
		const note = this.notes.get(path);
		if (!note) return [];
		return note.mentions.flatMap((m) => {
			const c = this.matcher.vocabulary.get(m.conceptId);
			return c ? [{ ...m, kind: c.kind, label: c.label }] : [];
		});
	}

	workloadOf(path: string): Workload {
		const note = this.notes.get(path);
		if (!note) return { models: [], gpus: [], blocks: [] };
		const blocks: WorkloadBlock[] = note.blocks.map((b) => {
			const parsed = parseBlockSpec(b.source);
			return parsed.spec ? { line: b.line, spec: parsed.spec, issues: parsed.issues } : { line: b.line, issues: parsed.issues };
		});
		const models = new Set<string>();
		const gpus = new Set<string>();
		for (const b of blocks) {
			for (const m of b.spec?.models ?? []) { const hit = this.catalog.models.get(m); if (hit) models.add(hit.id); }
			for (const g of b.spec?.gpus ?? []) { const hit = this.catalog.gpus.get(g); if (hit) gpus.add(hit.id); }
		}
		const byCount = this.conceptsOf(path).sort((a, b) => b.count - a.count || (a.conceptId < b.conceptId ? -1 : 1));
		for (const m of byCount) {
			const id = m.conceptId.slice(m.conceptId.indexOf(":") + 1);
			if (m.kind === "model") models.add(id);
			else if (m.kind === "gpu") gpus.add(id);
		}
		return { models: [...models], gpus: [...gpus], blocks };
	}

	/** Parse problems of every note (YAML errors, wrong field types, gpufit block errors), by path. */
	diagnostics(): VaultDiagnostic[] {
		const out: VaultDiagnostic[] = [];
		for (const path of this.notePaths()) {
			const note = this.notes.get(path);
			if (!note) continue;
			for (const d of note.diagnostics) out.push(d.line === undefined ? { path, message: d.message } : { path, line: d.line, message: d.message });
			for (const b of note.blocks) {
				for (const issue of parseBlockSpec(b.source).issues) {
					out.push({ path, line: b.line + (issue.line ?? 0), message: `gpufit block: ${issue.message}` });
				}
			}
		}
		return out;
	}

	/** Every indexed note (graph notes and, with indexTag, the others), sorted. */
	notePaths(): string[] {
		return [...this.notes.keys()].sort();
	}

	noteIdFor(path: string): string {
		return noteNodeId(path);
	}

	/** The parsed form of a note (what the plugin persists for warm starts). */
	parsed(path: string): ParsedNote | undefined {
		return this.notes.get(path);
	}

	// ---- maintenance ----

	/** An empty graph whose concept relations follow the current vocabulary. */
	private freshStore(): GraphStore {
		const store = new GraphStore();
		const relations = new ConceptRelations(store, this.matcher.vocabulary);
		store.onEdge = (kind, target, added) => relations.edgeChanged(kind, target, added);
		return store;
	}

	private afterChange(old: ParsedNote | undefined, now: ParsedNote | undefined): void {
		const path = (now ?? old)?.path;
		if (path === undefined) return;
		const oldNames = old ? this.namesOf(old) : [];
		const newNames = now ? this.namesOf(now) : [];
		for (const k of oldNames) removeFrom(this.nameOwners, k, path);
		for (const k of newNames) addTo(this.nameOwners, k, path);
		for (const l of old?.links ?? []) removeFrom(this.linkers, l.key, path);
		for (const l of now?.links ?? []) addTo(this.linkers, l.key, path);

		this.sync(path);

		// Links elsewhere that named this note resolve differently if its names, path or graph membership changed.
		const membershipChanged = !old || !now || this.isGraphNote(old) !== this.isGraphNote(now);
		const affected = new Set<string>();
		for (const k of oldNames) if (membershipChanged || !newNames.includes(k)) affected.add(k);
		for (const k of newNames) if (membershipChanged || !oldNames.includes(k)) affected.add(k);
		const relink = new Set<string>();
		for (const k of affected) for (const linker of this.linkers.get(k) ?? []) if (linker !== path) relink.add(linker);
		for (const linker of relink) this.sync(linker);
	}

	/** Sync a note now, or at the end of the current batch. */
	private sync(path: string): void {
		if (this.batchDepth > 0) this.pending.add(path);
		else this.syncNote(path);
	}

	/** Bring one note's node and outgoing edges in line with its ParsedNote (or remove them). */
	private syncNote(path: string): void {
		const id = this.nodeIdOf(path);
		const note = this.notes.get(path);
		if (!note || !this.isGraphNote(note)) {
			this.store.setOut(id, []);
			this.graphNotes.delete(id);
			return;
		}
		this.graphNotes.set(id, path);
		const fixed = this.fixedEdges(note);
		if (note.links.length === 0) {
			this.store.setOut(id, fixed);
			return;
		}
		const edges = fixed.slice();
		for (const link of note.links) {
			const target = this.resolve(link.key);
			if (target === null || target === path) continue;
			edges.push({ kind: link.kind, target: target === undefined ? `missing:${link.key}` : this.nodeIdOf(target) });
		}
		this.store.setOut(id, edges);
	}

	/**
	 * The node id of an indexed note's path, one string per note: the store's maps then find it by identity instead
	 * of comparing freshly built ids character by character.
	 */
	private nodeIdOf(path: string): string {
		let id = this.nodeIds.get(path);
		if (id === undefined) {
			id = noteNodeId(path);
			if (this.notes.has(path)) this.nodeIds.set(path, id);
		}
		return id;
	}

	/**
	 * A note's edges that do not depend on other notes (tags, series, concepts), first in its edge list. Built once
	 * per parsed note and vocabulary: re-syncing a note whose links resolve differently reuses them, and the store
	 * skips them as unchanged.
	 */
	private fixedEdges(note: ParsedNote): readonly OutEdge[] {
		let edges = this.fixedEdgeCache.get(note);
		if (!edges) {
			const list: OutEdge[] = [];
			for (const t of note.tags) list.push({ kind: "tagged", target: `tag:${t.id}` });
			for (const s of note.series) list.push({ kind: "in-series", target: `series:${s.id}` });
			for (const m of note.mentions) if (this.matcher.vocabulary.get(m.conceptId)) list.push({ kind: "mentions", target: m.conceptId });
			edges = list;
			this.fixedEdgeCache.set(note, edges);
		}
		return edges;
	}

	private hasNode(id: string): boolean {
		return this.graphNotes.has(id) || this.store.touched(id);
	}

	/** A node as the view gets it. Labels from notes (tags, series, missing names) use the spelling of the first note by path. */
	private nodeFor(id: string): GraphNode {
		const degree = this.store.degree(id);
		const path = this.graphNotes.get(id);
		if (path !== undefined) return { id, kind: "note", label: this.notes.get(path)?.title ?? path, path, degree };
		const concept = this.matcher.vocabulary.get(id);
		if (concept) return { id, kind: concept.kind, label: concept.label, degree };
		const colon = id.indexOf(":");
		const prefix = id.slice(0, colon);
		const kind: NodeKind = prefix === "tag" ? "tag" : prefix === "series" ? "series" : "missing-note";
		let first: string | undefined;
		for (const source of this.store.sourcesOf(id)) if (first === undefined || source < first) first = source;
		const note = first === undefined ? undefined : this.notes.get(this.graphNotes.get(first) ?? "");
		const rest = id.slice(colon + 1);
		const label = kind === "tag" ? note?.tags.find((t) => t.id === rest)?.display
			: kind === "series" ? note?.series.find((s) => s.id === rest)?.display
			: note?.links.find((l) => l.key === rest)?.name;
		return { id, kind, label: label ?? rest, degree };
	}

	/**
	 * The graph note a name resolves to: the first by path among notes carrying it. `undefined`: no note has the
	 * name (a missing note); `null`: only notes outside the graph (indexTag) have it, so it is not missing either.
	 */
	private resolve(key: string): string | undefined | null {
		const owners = this.nameOwners.get(key);
		if (!owners || owners.size === 0) return undefined;
		let best: string | undefined;
		for (const p of owners) {
			const n = this.notes.get(p);
			if (n && this.isGraphNote(n) && (best === undefined || p < best)) best = p;
		}
		return best ?? null;
	}

	private namesOf(note: ParsedNote): string[] {
		const keys = new Set([noteKey(note.title), noteKey(noteBasename(note.path)), ...(note.aliases ?? []).map(noteKey)]);
		keys.delete("");
		return [...keys];
	}

	private isGraphNote(note: ParsedNote): boolean {
		const tag = this.indexTag;
		if (tag === undefined) return true;
		return note.tags.some((t) => t.id === tag) || note.series.some((s) => s.display.toLowerCase() === tag);
	}
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
	let set = map.get(key);
	if (!set) { set = new Set(); map.set(key, set); }
	set.add(value);
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
	const set = map.get(key);
	if (!set) return;
	set.delete(value);
	if (set.size === 0) map.delete(key);
}
