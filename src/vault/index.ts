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
import { edgeId, edgeKind, edgeTarget, GraphStore, kindNo, packEdge } from "./graph-store";
import { decodeMentions, forEachMentionedId, withTitleMentions } from "./mentions";
import { noteBasename, noteKey, noteNodeId } from "./note-key";
import { matcherFor, newSharePool, parseNoteShared, titleConcepts, type SharePool } from "./parse-note";
import { PARSED_NOTE_VERSION, type ConceptMention, type EdgeKind, type Graph, type GraphEdge, type GraphNode, type NodeKind, type NoteLink, type ParsedNote } from "./types";

export type { ConceptMention, Graph, GraphEdge, GraphNode, ParsedNote } from "./types";
export type { ConceptKind, EdgeKind, NodeKind, MentionList, MentionPlaces, NoteDiagnostic, NoteLink, TagRef, SeriesRef } from "./types";
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
	/** Without an index tag: only notes carrying some series tag (S<n>_<Name>) become graph notes. Default false: all notes. */
	seriesNotesOnly?: boolean;
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
	/** Path → its entry: the note, its node id (one string per note) and store number, its links' names. */
	private readonly notes = new Map<string, NoteEntry>();
	/** noteKey → the notes carrying it as title, file name or alias, and the notes linking to it (see NameEntry). */
	private readonly names = new Map<string, NameEntry>();
	private store: GraphStore;
	/** Node id → entry of the notes that are graph nodes (all notes, or those with the index tag or a series). */
	private readonly graphNotes = new Map<string, NoteEntry>();
	private catalog: Catalog;
	private matcher: ConceptMatcher;
	private readonly feedbackFields: string[];
	private readonly indexTag: string | undefined;
	private readonly seriesNotesOnly: boolean;
	private rev = 0;
	private batchDepth = 0;
	/**
	 * The current batch began on an empty index (a cold start): every indexed note is then pending a full sync, so
	 * the linkers of a new note's names need no pending entries of their own. Off once the batch starts closing.
	 */
	private bulkLoad = false;
	/** Strings shared by the notes parsed in the current batch (see parseNoteShared). */
	private sharePool: SharePool | undefined;
	/** Notes to sync when the outermost batch ends. */
	private readonly pending = new Map<string, string | Set<string> | typeof FULL>();
	private graphCache: { revision: number; graph: Graph } | undefined;
	/** Tag, series and concept nodes by prefix and key (see nodeRef). */
	private readonly nodeRefs = new Map<string, Map<string, NodeRef>>();

	constructor(options: VaultIndexOptions) {
		this.catalog = options.catalog;
		this.matcher = matcherFor(options.catalog);
		this.feedbackFields = options.feedbackFields ?? DEFAULT_FEEDBACK_FIELDS;
		this.indexTag = options.indexTag?.replace(/^#+/, "").toLowerCase() || undefined;
		this.seriesNotesOnly = options.seriesNotesOnly ?? false;
		this.store = this.freshStore();
	}

	/** Bumps on every change to the graph or to what the queries return. */
	get revision(): number {
		return this.rev;
	}

	upsert(path: string, text: string): void {
		this.upsertParsed(parseNoteShared(path, text, { catalog: this.catalog, feedbackFields: this.feedbackFields }, this.sharePool));
	}

	/** Warm start: a ParsedNote from the plugin's cache. One parsed with another vocabulary is listed by staleNotes(). */
	upsertParsed(note: ParsedNote): void {
		let entry = this.notes.get(note.path);
		const old = entry?.note;
		if (old && JSON.stringify(old) === JSON.stringify(note)) return;
		if (entry) entry.note = note;
		else {
			entry = { note, id: noteNodeId(note.path), n: -1, linkNames: [], lastSync: NEVER_SYNCED };
			this.notes.set(note.path, entry);
		}
		this.afterChange(old, entry);
		this.changed();
	}

	remove(path: string): void {
		const entry = this.notes.get(path);
		if (!entry) return;
		this.notes.delete(path);
		this.afterChange(entry.note, undefined, entry);
		this.changed();
	}

	/** A file moved: same content, new path. A title taken from the file name changes with it. */
	rename(oldPath: string, newPath: string): void {
		const old = this.notes.get(oldPath)?.note;
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
		this.beginBatch();
		try {
			edits();
		} finally {
			this.endBatch();
		}
	}

	/**
	 * Open a batch that may span awaits: a cold start reading files in slices is one batch, so each note's edges
	 * are computed once, after every name in the vault is known (chunked batches re-sync a note each time one of
	 * the notes it links to arrives in a later chunk). Close it with endBatch; batches nest.
	 */
	beginBatch(): void {
		if (this.batchDepth++ === 0) {
			this.sharePool = newSharePool();
			this.bulkLoad = this.notes.size === 0 && this.pending.size === 0;
		}
	}

	/**
	 * Close a batch. Closing the outermost one computes the edges of every note the batch touched. With
	 * `shouldYield`, that work stops when shouldYield() says so and endBatch returns false: the batch is still
	 * open (queries see the edges computed so far), call endBatch again to go on. Returns true once closed.
	 */
	endBatch(shouldYield?: () => boolean): boolean {
		if (this.batchDepth === 0) return true;
		if (this.batchDepth > 1) {
			this.batchDepth--;
			return true;
		}
		this.sharePool = undefined;
		// Edits between the slices of a closing batch may name notes already synced: they take the usual path.
		this.bulkLoad = false;
		try {
			// syncNote never adds to `pending` while flushing, so it can be walked and emptied in place.
			for (const [path, keys] of this.pending) {
				this.pending.delete(path);
				this.syncNote(path, keys === FULL ? undefined : keys);
				if (shouldYield?.() === true && this.pending.size > 0) return false;
			}
		} catch (e) {
			// A failed sync must not leave the index stuck in a batch.
			this.pending.clear();
			this.batchDepth = 0;
			this.changed();
			throw e;
		}
		this.batchDepth = 0;
		this.changed();
		return true;
	}

	/** A catalog edit: concepts are re-derived (labels, relations; mentions of removed entries dropped). */
	setCatalog(catalog: Catalog): void {
		this.catalog = catalog;
		this.matcher = matcherFor(catalog);
		this.store = this.freshStore();
		this.graphNotes.clear();
		for (const path of this.notes.keys()) this.syncNote(path);
		this.changed();
	}

	/**
	 * Notes whose concept mentions were found with a different vocabulary (the catalog or the dictionaries changed
	 * since they were parsed, or they came from an older cache). Re-read and upsert them to find new names in them.
	 */
	staleNotes(): string[] {
		const out: string[] = [];
		for (const { note: n } of this.notes.values()) if (n.vocabulary !== this.matcher.fingerprint || n.version !== PARSED_NOTE_VERSION) out.push(n.path);
		return out.sort();
	}

	/**
	 * The whole graph. Materialized on demand (O(nodes + edges)) and cached until the next change (the cache is
	 * dropped on a change, so a stale graph is not kept alive by the index). Edge ids are computed when read.
	 */
	graph(): Graph {
		if (this.graphCache?.revision !== this.rev) this.graphCache = { revision: this.rev, graph: this.materialize() };
		return this.graphCache.graph;
	}

	/**
	 * graph()'s work, walking the store by node number (no id lookups): notes, then every other node, then the edges.
	 * Labels of tags, series and missing notes come from the first note by path that has an edge to them, found in
	 * the same walk over the edges.
	 */
	private materialize(): Graph {
		const store = this.store;
		const nodes: GraphNode[] = [];
		const edges: GraphEdge[] = [];
		const count = store.numberCount();
		const isNote = new Uint8Array(count);
		for (const [id, entry] of this.graphNotes) {
			const n = store.isNumberOf(entry.n, id) ? entry.n : -1;
			if (n >= 0) isNote[n] = 1;
			nodes.push({ id, kind: "note", label: entry.note.title, path: entry.note.path, degree: n >= 0 ? store.degreeAt(n) : 0 });
		}
		// Per target number: its first source by id, for targets labelled from notes.
		const firstSource = new Int32Array(count).fill(-1);
		const labelled = (target: number): boolean => {
			const id = store.idAt(target) as string;
			return id.startsWith("tag:") || id.startsWith("series:") || id.startsWith("missing:");
		};
		const wantsLabel = new Int8Array(count).fill(-1); // -1 unknown, 0 no, 1 yes
		for (let s = 0; s < count; s++) {
			const out = store.outAt(s);
			if (out === undefined) continue;
			const source = store.idAt(s) as string;
			for (const packed of out) {
				const t = edgeTarget(packed);
				const target = store.idAt(t) as string;
				edges.push(new Edge(source, target, edgeKind(packed)));
				if (isNote[s] !== 1) continue;
				let wants = wantsLabel[t] as number;
				if (wants < 0) { wants = labelled(t) ? 1 : 0; wantsLabel[t] = wants; }
				const first = firstSource[t] as number;
				if (wants === 1 && (first < 0 || source < (store.idAt(first) as string))) firstSource[t] = s;
			}
		}
		const vocabulary = this.matcher.vocabulary;
		for (let n = 0; n < count; n++) {
			const id = store.idAt(n);
			if (id === undefined || isNote[n] === 1 || this.graphNotes.has(id)) continue;
			const degree = store.degreeAt(n);
			const concept = vocabulary.get(id);
			if (concept) { nodes.push({ id, kind: concept.kind, label: concept.label, degree }); continue; }
			const first = firstSource[n] as number;
			const note = first < 0 ? undefined : this.graphNotes.get(store.idAt(first) as string)?.note;
			nodes.push({ id, kind: kindOfPrefixed(id), label: labelFromNote(id, note), degree });
		}
		return { nodes, edges };
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
				if (seen.has(e.target)) edges.push(new Edge(source, e.target, e.kind));
			}
		}
		return { nodes: [...seen].map((id) => this.nodeFor(id)), edges };
	}

	/** Paths of graph notes mentioning a concept (by node id, e.g. `gpu:h100`), sorted. */
	notesMentioning(conceptId: string): string[] {
		const out: string[] = [];
		for (const source of this.store.sourcesOf(conceptId)) {
			const path = this.graphNotes.get(source)?.note.path;
			if (path !== undefined && this.store.hasEdge(source, "mentions", conceptId)) out.push(path);
		}
		return out.sort();
	}

	/** The concepts a note mentions, with current catalog labels. */
	conceptsOf(path: string): ConceptMention[] {
		const note = this.notes.get(path)?.note;
		if (!note) return [];
		return decodeMentions(note.mentions, this.matcher.vocabulary);
	}

	workloadOf(path: string): Workload {
		const note = this.notes.get(path)?.note;
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
			const note = this.notes.get(path)?.note;
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
		return this.notes.get(path)?.note;
	}

	// ---- maintenance ----

	private changed(): void {
		this.rev++;
		this.graphCache = undefined;
	}

	/** An empty graph whose concept relations follow the current vocabulary. */
	private freshStore(): GraphStore {
		const store = new GraphStore();
		const relations = new ConceptRelations(store, this.matcher.vocabulary);
		store.onEdge = (kind, target, added) => relations.edgeChanged(kind, target, added);
		for (const kind of ConceptRelations.kinds) store.onEdgeKinds |= 1 << kindNo(kind);
		return store;
	}

	/** `entry`: the note's entry (its new state; for a removal, the entry it had). */
	private afterChange(old: ParsedNote | undefined, entry: NoteEntry | undefined, removed?: NoteEntry): void {
		const now = entry?.note;
		const owner = entry ?? removed;
		const path = (now ?? old)?.path;
		if (path === undefined || owner === undefined) return;
		const oldNames = old ? this.namesOf(old) : [];
		const newNames = now ? this.namesOf(now) : [];
		const oldLinkNames = owner.linkNames;
		for (const k of oldNames) { const name = this.names.get(k); if (name) name.owners = without(name.owners, owner); }
		for (const k of newNames) { const name = this.nameEntry(k); name.owners = withAdded(name.owners, owner); }
		for (const name of oldLinkNames) name.linkers = without(name.linkers, path);
		// One map lookup per link, here; syncNote then finds each link's name through `linkNames`.
		const linkNames = now ? now.links.map((l) => this.nameEntry(l.key)) : [];
		for (const name of linkNames) name.linkers = withAdded(name.linkers, path);
		owner.linkNames = linkNames;
		for (const k of oldNames) { const name = this.names.get(k); if (name) this.dropIfUnused(name); }
		for (const name of oldLinkNames) this.dropIfUnused(name);

		this.sync(path);

		// Links elsewhere that named this note resolve differently if its names, path or graph membership changed.
		const membershipChanged = !old || !now || this.isGraphNote(old) !== this.isGraphNote(now);
		let affected: Iterable<string>;
		if (old === undefined) affected = newNames; // a new note: all its names (namesOf gives each once)
		else {
			const changed = new Set<string>();
			for (const k of oldNames) if (membershipChanged || !newNames.includes(k)) changed.add(k);
			for (const k of newNames) if (membershipChanged || !oldNames.includes(k)) changed.add(k);
			affected = changed;
		}
		if (this.batchDepth > 0) {
			// A batch that began on an empty index: every note is one of its edits, so every linker is already
			// pending in full (see bulkLoad).
			if (this.bulkLoad) return;
			// Straight into `pending` (no per-edit regrouping): the syncs run when the batch ends.
			for (const k of affected) {
				const linkers = this.names.get(k)?.linkers;
				if (linkers === undefined) continue;
				if (!Array.isArray(linkers)) { if (linkers !== path) this.pendKey(linkers, k); }
				else for (const linker of linkers) if (linker !== path) this.pendKey(linker, k);
			}
			return;
		}
		const relink = new Map<string, Set<string>>();
		for (const k of affected) {
			for (const linker of severalOf(this.names.get(k)?.linkers)) {
				if (linker === path) continue;
				const keys = relink.get(linker);
				if (keys) keys.add(k);
				else relink.set(linker, new Set([k]));
			}
		}
		for (const [linker, keys] of relink) this.sync(linker, keys);
	}

	/** In a batch: a pending sync of `path` for links named `key`. */
	private pendKey(path: string, key: string): void {
		const pending = this.pending.get(path);
		if (pending === FULL || pending === key) return;
		if (pending === undefined) this.pending.set(path, key);
		else if (typeof pending === "string") this.pending.set(path, new Set([pending, key]));
		else pending.add(key);
	}

	/** Sync a note now, or at the end of the current batch; `keys`: only links with these names may resolve differently. */
	private sync(path: string, keys?: Set<string>): void {
		if (this.batchDepth === 0) { this.syncNote(path, keys); return; }
		const pending = this.pending.get(path);
		if (pending === FULL) return;
		if (keys === undefined) this.pending.set(path, FULL);
		else if (pending === undefined) this.pending.set(path, keys);
		else if (typeof pending === "string") this.pending.set(path, new Set([pending, ...keys]));
		else for (const k of keys) pending.add(k);
	}

	/**
	 * Bring one note's node and outgoing edges in line with its ParsedNote (or remove them). With `dirty`, only links
	 * with those names can resolve differently than at the note's last sync: the others keep their edges.
	 */
	private syncNote(path: string, dirty?: DirtyKeys): void {
		const id = this.nodeIdOf(path);
		const entry = this.notes.get(path);
		const note = entry?.note;
		const store = this.store;
		if (!note || !this.isGraphNote(note)) {
			if (store.touched(id)) store.setOut(store.node(id), []);
			this.graphNotes.delete(id);
			return;
		}
		this.graphNotes.set(id, entry);
		// Tags, series and concepts first (they do not depend on other notes), then links. A note re-synced because
		// a link resolves differently (often, on a cold start: the target arrived in a later batch) reuses the first
		// part from the store, as long as the store still holds the edges it was last given for this note.
		const source = this.numberOf(entry);
		const linkNames = entry.linkNames;
		let last: LastSync | undefined = entry.lastSync;
		if (last.note !== note || last.edges !== store.packedOut(source)) last = undefined;
		let edges: number[];
		if (last !== undefined) {
			edges = last.edges.slice(0, last.fixed);
		} else {
			edges = [];
			for (const t of note.tags) edges.push(packEdge(this.numberOf(this.nodeRef("tag:", t.id)), TAGGED));
			for (const s of note.series) edges.push(packEdge(this.numberOf(this.nodeRef("series:", s.id)), IN_SERIES));
			const vocabulary = this.matcher.vocabulary;
			forEachMentionedId(note.mentions, (conceptId) => { if (vocabulary.get(conceptId)) edges.push(packEdge(this.numberOf(this.nodeRef("", conceptId)), MENTIONS)); });
		}
		const fixed = edges.length;
		// Bit i: link i made no edge (a self link, or a name only notes outside the graph carry). Tracked for 31 links.
		const reuse = last !== undefined && dirty !== undefined && note.links.length <= 31 ? last : undefined;
		let cursor = fixed;
		let skipped = 0;
		for (let i = 0; i < note.links.length; i++) {
			const link = note.links[i] as NoteLink;
			if (reuse !== undefined) {
				const hadEdge = ((reuse.skipped >>> i) & 1) === 0;
				if (typeof dirty === "string" ? dirty !== link.key : !dirty?.has(link.key)) {
					if (hadEdge) edges.push(reuse.edges[cursor++] as number);
					else skipped |= 1 << i;
					continue;
				}
				if (hadEdge) cursor++;
			}
			const name = linkNames[i] as NameEntry;
			const target = this.resolve(name);
			if (target === null || target === entry) { skipped |= i < 31 ? 1 << i : 0; continue; }
			edges.push(packEdge(this.numberOf(target ?? (name.missing ??= { id: `missing:${name.key}`, n: -1 })), kindNo(link.kind)));
		}
		// Re-synced for a name that still resolves as before (its new owner is not the first by path): nothing to do.
		if (reuse !== undefined && skipped === reuse.skipped && sameEdges(edges, reuse.edges)) return;
		store.setOut(source, edges);
		entry.lastSync = { note, edges, fixed, skipped };
	}

	/**
	 * The node id of an indexed note's path, one string per note: the store's maps then find it by identity instead
	 * of comparing freshly built ids character by character.
	 */
	private nodeIdOf(path: string): string {
		return this.notes.get(path)?.id ?? noteNodeId(path);
	}

	/**
	 * The node `prefix + key` with its last known number: one id string per distinct key (its hash computed once),
	 * and on most edges no lookup in the store's big id → number map at all (see numberOf). Bounded by the vault's
	 * distinct tags, series and concepts; started over past NODE_REF_LIMIT (tag churn in a long session).
	 */
	private nodeRef(prefix: string, key: string): NodeRef {
		let byKey = this.nodeRefs.get(prefix);
		if (byKey === undefined) { byKey = new Map(); this.nodeRefs.set(prefix, byKey); }
		let ref = byKey.get(key);
		if (ref === undefined) {
			if (byKey.size >= NODE_REF_LIMIT) byKey.clear();
			ref = { id: prefix + key, n: -1 };
			byKey.set(key, ref);
		}
		return ref;
	}

	/** The store number of a node, allocated if needed; the number kept in `ref` is checked (numbers are recycled). */
	private numberOf(ref: NodeRef): number {
		if (ref.n < 0 || !this.store.isNumberOf(ref.n, ref.id)) ref.n = this.store.node(ref.id);
		return ref.n;
	}

	private hasNode(id: string): boolean {
		return this.graphNotes.has(id) || this.store.touched(id);
	}

	/** A node as the view gets it. Labels from notes (tags, series, missing names) use the spelling of the first note by path. */
	private nodeFor(id: string): GraphNode {
		const degree = this.store.degree(id);
		const entry = this.graphNotes.get(id);
		if (entry !== undefined) return { id, kind: "note", label: entry.note.title, path: entry.note.path, degree };
		const concept = this.matcher.vocabulary.get(id);
		if (concept) return { id, kind: concept.kind, label: concept.label, degree };
		const first = this.store.firstSource(id);
		const note = first === undefined ? undefined : this.graphNotes.get(first)?.note;
		return { id, kind: kindOfPrefixed(id), label: labelFromNote(id, note), degree };
	}

	/**
	 * The graph note a name resolves to: the first by path among notes carrying it. `undefined`: no note has the
	 * name (a missing note); `null`: only notes outside the graph (indexTag) have it, so it is not missing either.
	 */
	private resolve(name: NameEntry): NoteEntry | undefined | null {
		const owners = name.owners;
		if (owners === undefined) return undefined;
		if (!Array.isArray(owners)) return this.isGraphNote(owners.note) ? owners : null;
		let best: NoteEntry | undefined;
		for (const e of owners) {
			if (this.isGraphNote(e.note) && (best === undefined || e.note.path < best.note.path)) best = e;
		}
		return best ?? null;
	}

	/** The entry of a name, made if needed. */
	private nameEntry(key: string): NameEntry {
		let name = this.names.get(key);
		if (name === undefined) {
			name = { key, owners: undefined, linkers: undefined, missing: undefined };
			this.names.set(key, name);
		}
		return name;
	}

	/** Forget a name no note carries or links to. */
	private dropIfUnused(name: NameEntry): void {
		if (name.owners === undefined && name.linkers === undefined && this.names.get(name.key) === name) this.names.delete(name.key);
	}

	private namesOf(note: ParsedNote): string[] {
		const keys = new Set([noteKey(note.title), noteKey(noteBasename(note.path)), ...(note.aliases ?? []).map(noteKey)]);
		keys.delete("");
		return [...keys];
	}

	private isGraphNote(note: ParsedNote): boolean {
		const tag = this.indexTag;
		if (tag === undefined) return !this.seriesNotesOnly || note.series.length > 0;
		return note.tags.some((t) => t.id === tag) || note.series.some((s) => s.display.toLowerCase() === tag);
	}
}

/** Kind of a node that is neither a note nor a concept, from its id prefix. */
function kindOfPrefixed(id: string): NodeKind {
	return id.startsWith("tag:") ? "tag" : id.startsWith("series:") ? "series" : "missing-note";
}

/** A tag, series or missing note's label: its spelling in `note` (the first linking note by path), else its key. */
function labelFromNote(id: string, note: ParsedNote | undefined): string {
	const rest = id.slice(id.indexOf(":") + 1);
	const kind = kindOfPrefixed(id);
	const label = kind === "tag" ? note?.tags.find((t) => t.id === rest)?.display
		: kind === "series" ? note?.series.find((s) => s.id === rest)?.display
		: note?.links.find((l) => l.key === rest)?.name;
	return label ?? rest;
}

/** Names whose links may resolve differently: one name (the usual case, no Set) or several. */
type DirtyKeys = string | ReadonlySet<string>;

function sameEdges(a: readonly number[], b: readonly number[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

const NODE_REF_LIMIT = 50_000;
/** A pending sync of the whole note (not just some of its links). */
const FULL = true;
const TAGGED = kindNo("tagged");
const IN_SERIES = kindNo("in-series");
const MENTIONS = kindNo("mentions");

/** A graph edge as graph() and localGraph() give it; the id string is only built when read. */
class Edge implements GraphEdge {
	constructor(readonly source: string, readonly target: string, readonly kind: EdgeKind) {}

	get id(): string {
		return edgeId(this.kind, this.source, this.target);
	}
}

/** A node id and its last known store number (-1: none yet). */
interface NodeRef {
	readonly id: string;
	n: number;
}

/** An indexed note; one object per path for as long as the path is indexed (upserts replace `note`). */
interface NoteEntry extends NodeRef {
	note: ParsedNote;
	/** The name of each of note.links (same order), so a sync resolves links without looking names up. */
	linkNames: NameEntry[];
	/** The edges last given to the store for this note, and for which version of it (see syncNote). */
	lastSync: LastSync;
}

interface LastSync {
	/** The version synced (null: none yet). */
	note: ParsedNote | null;
	edges: readonly number[];
	fixed: number;
	skipped: number;
}

/**
 * What a never-synced entry holds instead of `undefined`: entries keep one shape from the start (a field that goes
 * from undefined to an object changes the objects' hidden class, and code optimized for the old one is thrown away).
 */
const NEVER_SYNCED: LastSync = { note: null, edges: [], fixed: 0, skipped: 0 };

/**
 * A note name (noteKey): the notes that carry it (title, file name, alias) and the paths of the notes that link to
 * it. Kept while either list is non-empty; a note's links hold on to theirs (NoteEntry.linkNames).
 */
interface NameEntry {
	readonly key: string;
	owners: Several<NoteEntry> | undefined;
	linkers: Several<string> | undefined;
	/** Its missing-note node, once some link needed it. */
	missing: NodeRef | undefined;
}

/**
 * Values of a name, as a multiset (a note linking a name twice, by two link kinds, is listed twice): most names
 * belong to (and are linked by) one note, kept as the value itself; several are an array. Arrays, not Sets: on a
 * cold start the linker lists gain an entry per link, and small arrays are several times cheaper to grow than Sets.
 */
type Several<T> = T | T[];

function severalOf<T>(values: Several<T> | undefined): readonly T[] {
	return values === undefined ? [] : Array.isArray(values) ? values : [values];
}

function withAdded<T>(values: Several<T> | undefined, value: T): Several<T> {
	if (values === undefined) return value;
	if (Array.isArray(values)) { values.push(value); return values; }
	return [values, value];
}

function without<T>(values: Several<T> | undefined, value: T): Several<T> | undefined {
	if (values === undefined) return undefined;
	if (!Array.isArray(values)) return values === value ? undefined : values;
	const at = values.indexOf(value);
	if (at >= 0) values.splice(at, 1);
	return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}
