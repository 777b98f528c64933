/**
 * The vault index: note text → ParsedNote (note/parse-note.ts) → edges (one pure function per edge source, see
 * edges/registry.ts) → the compact store (graph/store.ts), maintained incrementally, and the queries over it. Pure
 * TypeScript (no Obsidian, no DOM, no Node APIs): the plugin, the CLI and the bench all enter through `upsert`.
 *
 * Incremental means each edit touches only the edited note's edges, plus the notes whose links named one of the
 * edited note's names (title, file name, aliases) when those names or its graph membership changed. Every derived
 * value (which note a name resolves to, label spellings) is a function of the current notes only, so any edit
 * sequence gives the same graph as indexing the final vault from scratch (a property test checks this).
 */
import type { Catalog } from "../estimator/catalog";
import type { ConceptMatcher } from "./concepts/matcher";
import { decodeMentions, withTitleMentions } from "./concepts/mentions";
import { ConceptRelations } from "./concepts/relations";
import type { EdgeContext, NodePrefix } from "./edges/edge-source";
import { LINK_EDGE_SOURCES, NOTE_EDGE_SOURCES } from "./edges/registry";
import { ChangeLog } from "./graph/change-log";
import { Edge, Materializer, kindOfPrefixed, shownWith } from "./graph/materialize";
import { NameTable, NEVER_SYNCED, namesOf, type NameEntry, type NodeRef, type NoteEntry } from "./graph/names";
import { GraphStore, changeKind, edgeKind, edgeTarget, kindBits, kindNo, packEdge } from "./graph/store";
import { DEFAULT_LINK_FIELDS } from "./note/link-fields";
import { noteBasename, noteNodeId } from "./note/note-key";
import { matcherFor, newSharePool, parseNoteShared, titleConcepts, type SharePool } from "./note/parse-note";
import { sameNote } from "./note/same-note";
import {
	PARSED_NOTE_VERSION, type ConceptMention, type EdgeKind, type Graph, type GraphEdge, type GraphNode, type LinkField, type ParsedNote,
	type Workload, type WorkloadBlock, type VaultDiagnostic, type GraphChanges,
} from "./types";

export interface VaultIndexOptions {
	catalog: Catalog;
	/** Frontmatter fields naming related notes, with their edge kinds (see note/link-fields.ts). Default: FeedbackLoop, SignalAmplification. */
	linkFields?: readonly LinkField[];
	/** Only notes with this tag (case-insensitive, '#' optional; a series tag works too) become graph notes. Default: all notes. */
	indexTag?: string;
	/** Without an index tag: only notes carrying some series tag (S<n>_<Name>) become graph notes. Default false: all notes. */
	seriesNotesOnly?: boolean;
}

export class VaultIndex {
	/** Path → its entry: the note, its node id (one string per note) and store number, its links' names. */
	private readonly notes = new Map<string, NoteEntry>();
	private readonly names = new NameTable();
	private store: GraphStore;
	/** Node id → entry of the notes that are graph nodes (all notes, or those with the index tag or a series). */
	private readonly graphNotes = new Map<string, NoteEntry>();
	private catalog: Catalog;
	private matcher: ConceptMatcher;
	private relations: ConceptRelations;
	private readonly linkFields: readonly LinkField[];
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
	/** Notes to sync when the outermost batch ends: in full, or only links with some names. */
	private readonly pending = new Map<string, Set<string> | typeof FULL>();
	private graphCache: { revision: number; graph: Graph } | undefined;
	/** Tag, series and concept nodes by id prefix and key (see nodeRef). */
	private readonly nodeRefs = new Map<NodePrefix, Map<string, NodeRef>>();
	private readonly log = new ChangeLog();
	/** The entry being synced, for the edge context's link resolution. */
	private syncing: NoteEntry | undefined;
	private readonly context: EdgeContext = {
		edgeTo: (prefix: NodePrefix, key: string, kind: number) => packEdge(this.numberOf(this.nodeRef(prefix, key)), kind),
		hasConcept: (id: string) => this.matcher.vocabulary.get(id) !== undefined,
		linkEdge: (i: number, kind: number) => this.linkEdge(i, kind),
	};

	constructor(options: VaultIndexOptions) {
		this.catalog = options.catalog;
		this.matcher = matcherFor(options.catalog);
		this.relations = new ConceptRelations(this.matcher.vocabulary);
		this.linkFields = options.linkFields ?? DEFAULT_LINK_FIELDS;
		this.indexTag = options.indexTag?.replace(/^#+/, "").toLowerCase() || undefined;
		this.seriesNotesOnly = options.seriesNotesOnly ?? false;
		this.store = this.newStore();
	}

	/** Bumps on every change to the graph or to what the queries return. */
	get revision(): number {
		return this.rev;
	}

	/** Parse a note's text and index it: the one way in for note text (plugin, CLI, bench). Returns what was indexed. */
	upsert(path: string, text: string): ParsedNote {
		const note = parseNoteShared(path, text, { catalog: this.catalog, linkFields: this.linkFields }, this.sharePool);
		this.upsertParsed(note);
		return note;
	}

	/** Warm start: a ParsedNote from the plugin's cache. One parsed with another vocabulary is listed by staleNotes(). */
	upsertParsed(note: ParsedNote): void {
		let entry = this.notes.get(note.path);
		const old = entry?.note;
		if (old && sameNote(old, note)) return;
		if (entry) entry.note = note;
		else {
			entry = { note, id: noteNodeId(note.path), n: -1, linkNames: [], lastSync: NEVER_SYNCED };
			this.notes.set(note.path, entry);
		}
		this.afterChange(old, entry, entry);
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
			// A cold start is all new: the view redraws rather than replaying millions of edges.
			if (this.bulkLoad) this.log.paused = true;
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
			this.finishBatch();
			throw e;
		}
		this.batchDepth = 0;
		this.finishBatch();
		return true;
	}

	private finishBatch(): void {
		const bulk = this.log.paused;
		this.log.paused = false;
		this.changed();
		if (bulk) this.log.startOver(this.rev);
	}

	/** A catalog edit: concepts are re-derived (labels, relations; mentions of removed entries dropped). */
	setCatalog(catalog: Catalog): void {
		this.catalog = catalog;
		this.matcher = matcherFor(catalog);
		this.relations = new ConceptRelations(this.matcher.vocabulary);
		this.store = this.newStore();
		this.nodeRefs.clear();
		this.graphNotes.clear();
		for (const entry of this.notes.values()) { entry.n = -1; entry.lastSync = NEVER_SYNCED; }
		this.log.paused = true;
		for (const path of this.notes.keys()) this.syncNote(path);
		this.log.paused = false;
		this.changed();
		this.log.startOver(this.rev);
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

	// ---- queries ----

	/**
	 * The whole graph. Materialized on demand (O(nodes + edges)) and cached until the next change: a view should
	 * draw graphOf() once and follow changesSince() after that.
	 */
	graph(): Graph {
		if (this.graphCache?.revision !== this.rev) this.graphCache = { revision: this.rev, graph: this.materializer().graph() };
		return this.graphCache.graph;
	}

	/**
	 * What a view shows: only edges of `kinds`, with every note, series and concept node, and tags / missing notes
	 * when their edge kinds are shown (see shownWith). Not cached.
	 */
	graphOf(kinds: ReadonlySet<EdgeKind>): Graph {
		// A view drew it: from now on, keep what changes for changesSince.
		this.log.watch(this.rev);
		this.store.recordKinds = kindBits(ALL_EDGE_KINDS);
		return this.materializer().graph(kinds);
	}

	/**
	 * What changed in graphOf(kinds) since revision `since`; undefined when the index no longer knows (a cold start
	 * or catalog change came between, or too many changes): draw graphOf(kinds) again. Apply as upserts: nodes in
	 * nodesAdded or nodesChanged are the nodes as they are now (a view that already has one replaces it).
	 */
	changesSince(since: number, kinds: ReadonlySet<EdgeKind>): GraphChanges | undefined {
		if (since >= this.rev && this.pending.size === 0) return { revision: this.rev, nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [] };
		const edgeNet = new Map<string, { source: string; target: string; kind: EdgeKind; net: number }>();
		/** Per node: net edges gained (any kind), and for notes whether it was a graph node before `since`. */
		const nodeNet = new Map<string, number>();
		const noteBefore = new Map<string, boolean>();
		const relabelled = new Set<string>();
		const known = this.log.forEachSince(since, (source, target, code, wasNode) => {
			if (code === 0) {
				if (target === "label") relabelled.add(source);
				else if (!noteBefore.has(source)) noteBefore.set(source, wasNode);
				return;
			}
			const [kind, added] = changeKind(code);
			const d = added ? 1 : -1;
			nodeNet.set(source, (nodeNet.get(source) ?? 0) + d);
			nodeNet.set(target, (nodeNet.get(target) ?? 0) + d);
			if (!kinds.has(kind)) return;
			const key = `${code > 0 ? code : -code}\n${source}\n${target}`;
			const e = edgeNet.get(key);
			if (e) e.net += d;
			else edgeNet.set(key, { source, target, kind, net: d });
		});
		if (!known) return undefined;
		const out: GraphChanges = { revision: this.rev, nodesAdded: [], nodesRemoved: [], nodesChanged: [], edgesAdded: [], edgesRemoved: [] };
		for (const e of edgeNet.values()) {
			if (e.net > 0) out.edgesAdded.push(new Edge(e.source, e.target, e.kind));
			else if (e.net < 0) out.edgesRemoved.push(new Edge(e.source, e.target, e.kind).id);
		}
		const materializer = this.materializer();
		const touched = new Set<string>([...nodeNet.keys(), ...noteBefore.keys(), ...relabelled]);
		for (const id of touched) {
			const now = materializer.node(id);
			const visibleNow = now !== undefined && shownWith(now.kind, kinds);
			let existedBefore: boolean;
			const wasNote = noteBefore.get(id);
			if (wasNote !== undefined) existedBefore = wasNote;
			else if (id.startsWith("note:")) existedBefore = this.graphNotes.has(id);
			else existedBefore = (now?.degree ?? 0) - (nodeNet.get(id) ?? 0) > 0;
			const kind = now?.kind ?? (id.startsWith("note:") ? "note" : this.matcher.vocabulary.get(id)?.kind ?? kindOfPrefixed(id));
			const visibleBefore = existedBefore && shownWith(kind, kinds);
			if (visibleNow && !visibleBefore) out.nodesAdded.push(now);
			else if (!visibleNow && visibleBefore) out.nodesRemoved.push(id);
			else if (visibleNow) out.nodesChanged.push(now);
		}
		return out;
	}

	/** Nodes within `depth` steps of `nodeId` (either direction) and the edges between them; degrees are whole-graph degrees. */
	localGraph(nodeId: string, depth: number): Graph {
		const store = this.store;
		const start = store.numberOf(nodeId);
		if (start === undefined) {
			const lone = this.graphNotes.has(nodeId) ? this.materializer().node(nodeId) : undefined;
			return { nodes: lone ? [lone] : [], edges: [] };
		}
		const seen = new Set([start]);
		let frontier = [start];
		for (let d = 0; d < depth && frontier.length > 0; d++) {
			const next: number[] = [];
			const visit = (other: number): void => {
				if (!seen.has(other)) { seen.add(other); next.push(other); }
			};
			for (const n of frontier) {
				for (const e of store.outAt(n) ?? []) visit(edgeTarget(e));
				store.forEachSourceAt(n, visit);
			}
			frontier = next;
		}
		const edges: GraphEdge[] = [];
		for (const s of seen) {
			const source = store.idAt(s) as string;
			for (const e of store.outAt(s) ?? []) {
				const t = edgeTarget(e);
				if (seen.has(t)) edges.push(new Edge(source, store.idAt(t) as string, edgeKind(e)));
			}
		}
		const materializer = this.materializer();
		const nodes: GraphNode[] = [];
		for (const n of seen) { const node = materializer.node(store.idAt(n) as string); if (node) nodes.push(node); }
		return { nodes, edges };
	}

	/** Paths of graph notes mentioning a concept (by node id, e.g. `gpu:h100`), sorted. */
	notesMentioning(conceptId: string): string[] {
		const store = this.store;
		const t = store.numberOf(conceptId);
		if (t === undefined) return [];
		const mention = packEdge(t, kindNo("mentions"));
		const out: string[] = [];
		store.forEachSourceAt(t, (s) => {
			const path = this.graphNotes.get(store.idAt(s) as string)?.note.path;
			if (path !== undefined && (store.outAt(s) ?? []).includes(mention)) out.push(path);
		});
		return out.sort();
	}

	/** The concepts a note mentions, with current catalog labels. */
	conceptsOf(path: string): ConceptMention[] {
		const note = this.notes.get(path)?.note;
		if (!note) return [];
		return decodeMentions(note.mentions, this.matcher.vocabulary);
	}

	/** What a note asks about: the models and GPUs of its gpufit blocks, then those its text mentions (most first). */
	workloadOf(path: string): Workload {
		const note = this.notes.get(path)?.note;
		if (!note) return { models: [], gpus: [], blocks: [] };
		const blocks: WorkloadBlock[] = note.blocks.map((b) => (b.spec ? { line: b.line, spec: b.spec, issues: b.issues } : { line: b.line, issues: b.issues }));
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

	/** Problems of every note (YAML errors, wrong field types, caps, gpufit block errors), by path and line. */
	diagnostics(): VaultDiagnostic[] {
		const out: VaultDiagnostic[] = [];
		for (const path of this.notePaths()) {
			const note = this.notes.get(path)?.note;
			if (!note) continue;
			for (const d of note.diagnostics) out.push(d.line === undefined ? { path, message: d.message } : { path, line: d.line, message: d.message });
			for (const b of note.blocks) {
				for (const issue of b.issues) out.push({ path, line: b.line + (issue.line ?? 0), message: `gpufit block: ${issue.message}` });
			}
		}
		return out;
	}

	/** How many notes are indexed (graph notes and, with indexTag, the others). */
	get noteCount(): number {
		return this.notes.size;
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

	/** A store recording the edge changes the index reads: concept relations', and every kind once a view watches. */
	private newStore(): GraphStore {
		const store = new GraphStore();
		store.recordKinds = kindBits(this.log.watched ? ALL_EDGE_KINDS : RELATION_INPUTS);
		return store;
	}

	private materializer(): Materializer {
		return new Materializer(this.store, this.graphNotes, this.matcher.vocabulary);
	}

	/** `entry`: the note's entry (its new state, or for a removal the entry it had); `old`: the note before. */
	private afterChange(old: ParsedNote | undefined, now: NoteEntry | undefined, owner: NoteEntry): void {
		const note = now?.note;
		const path = owner.note.path;
		const oldNames = old ? namesOf(old) : [];
		const newNames = note ? namesOf(note) : [];
		owner.linkNames = this.names.move(owner, path, oldNames, newNames, owner.linkNames, note);

		this.sync(path);

		// Links elsewhere that named this note resolve differently if its names, path or graph membership changed.
		const membershipChanged = !old || !note || this.isGraphNote(old) !== this.isGraphNote(note);
		let affected: Iterable<string>;
		if (old === undefined) affected = newNames;
		else {
			const changed = new Set<string>();
			for (const k of oldNames) if (membershipChanged || !newNames.includes(k)) changed.add(k);
			for (const k of newNames) if (membershipChanged || !oldNames.includes(k)) changed.add(k);
			affected = changed;
		}
		// A batch that began on an empty index: every note is one of its edits, so every linker is pending in full.
		if (this.bulkLoad) return;
		for (const k of affected) {
			for (const linker of this.names.linkersOf(k)) if (linker !== path) this.sync(linker, k);
		}
	}

	/** Sync a note now, or at the end of the current batch; `key`: only links with this name may resolve differently. */
	private sync(path: string, key?: string): void {
		if (this.batchDepth === 0) { this.syncNote(path, key === undefined ? undefined : new Set([key])); return; }
		const pending = this.pending.get(path);
		if (pending === FULL) return;
		if (key === undefined) this.pending.set(path, FULL);
		else if (pending === undefined) this.pending.set(path, new Set([key]));
		else pending.add(key);
	}

	/**
	 * Bring one note's node and outgoing edges in line with its ParsedNote (or remove them). With `dirty`, only links
	 * with those names can resolve differently than at the note's last sync.
	 */
	private syncNote(path: string, dirty?: ReadonlySet<string>): void {
		const entry = this.notes.get(path);
		const id = entry?.id ?? noteNodeId(path);
		const note = entry?.note;
		const store = this.store;
		const wasNode = this.graphNotes.has(id);
		if (!note || !this.isGraphNote(note)) {
			if (wasNode) {
				this.graphNotes.delete(id);
				this.log.note(this.rev + 1, id, true);
			}
			const n = store.numberOf(id);
			if (n !== undefined) this.setOut(n, []);
			return;
		}
		if (!wasNode || this.graphNotes.get(id)?.note.title !== note.title) this.log.note(this.rev + 1, id, wasNode);
		this.graphNotes.set(id, entry);
		// Edges that depend on the note alone first, then links. A note re-synced because a link resolves
		// differently reuses the first part from the store, as long as the store still holds the edges it was last
		// given for this note.
		const source = this.numberOf(entry);
		const last = entry.lastSync;
		const fresh = last.note !== note || last.edges !== store.packedOut(source);
		if (!fresh && dirty !== undefined && !note.links.some((l) => dirty.has(l.key))) return;
		// Tags, series and missing notes are labelled as the first note by path spells them: a new version of a note
		// may respell them without changing an edge.
		if (fresh && this.log.watched) this.relabel(last.note, note);
		const edges = fresh ? [] : last.edges.slice(0, last.fixed);
		if (fresh) for (const s of NOTE_EDGE_SOURCES) s.edges(note, this.context, edges);
		const fixed = edges.length;
		this.syncing = entry;
		try {
			for (const s of LINK_EDGE_SOURCES) s.edges(note, this.context, edges);
		} finally {
			this.syncing = undefined;
		}
		// Two names of one note (its title and an alias) make one edge of a kind, not two.
		if (edges.length - fixed > 1) dedupeFrom(edges, fixed);
		// Re-synced for a name that still resolves as before: nothing to do.
		if (!fresh && sameEdges(edges, last.edges)) return;
		this.setOut(source, edges);
		entry.lastSync = { note, edges, fixed };
	}

	/** Record the nodes labelled from a note's spellings (old and new version) as possibly relabelled, for views. */
	private relabel(old: ParsedNote | null, now: ParsedNote): void {
		const rev = this.rev + 1;
		for (const n of old === null ? [now] : [old, now]) {
			for (const t of n.tags) this.log.label(rev, `tag:${t.id}`);
			for (const s of n.series) this.log.label(rev, `series:${s.id}`);
			for (const l of n.links) this.log.label(rev, `missing:${l.key}`);
		}
	}

	/** The packed edge for link `i` of the note being synced, or -1 when it makes none (see EdgeContext.linkEdge). */
	private linkEdge(i: number, kind: number): number {
		const entry = this.syncing as NoteEntry;
		const name = entry.linkNames[i] as NameEntry;
		const target = this.names.resolve(name, this.isGraphNoteFn);
		if (target === null || target === entry) return -1;
		return packEdge(this.numberOf(target ?? (name.missing ??= { id: `missing:${name.key}`, n: -1 })), kind);
	}

	/**
	 * Give a node its outgoing edges, then follow what changed: the change log for views, and concept relations
	 * (which set edges of concept nodes in turn, until nothing more changes).
	 */
	private setOut(source: number, edges: readonly number[]): void {
		const store = this.store;
		store.setOut(source, edges);
		const changes = store.changes;
		for (let round = 0; changes.length > 0; round++) {
			const rev = this.rev + 1;
			for (let i = 0; i < changes.length; i += 3) {
				const code = changes[i + 2] as number;
				const target = changes[i + 1] as string;
				this.log.edge(rev, changes[i] as string, target, code);
				const k = code > 0 ? code - 1 : -code - 1;
				if (k === MENTIONS || k === ARCHITECTURE) this.relations.edgeChanged(k === MENTIONS ? "mentions" : "architecture", target, code > 0);
			}
			changes.length = 0;
			// Concept relations change a bounded number of concept nodes; more rounds would mean a cycle.
			if (round > 8) throw new Error("concept relations did not settle");
			for (const u of this.relations.takeUpdates()) {
				store.setOut(store.node(u.source), u.edges.map((e) => packEdge(store.node(e.target), kindNo(e.kind))));
			}
		}
	}

	/**
	 * The node `prefix + key` with its last known number: one id string per distinct node (its hash computed once),
	 * and on most edges no lookup in the store's id → number map at all (see numberOf). Bounded by the vault's
	 * distinct tags, series and concepts; started over past NODE_REF_LIMIT (tag churn in a long session).
	 */
	private nodeRef(prefix: NodePrefix, key: string): NodeRef {
		// By prefix, then key: the id string is built once per node, not once per edge.
		let byKey = this.nodeRefs.get(prefix);
		if (byKey === undefined) { byKey = new Map(); this.nodeRefs.set(prefix, byKey); }
		let ref = byKey.get(key);
		if (ref === undefined) {
			if (byKey.size >= NODE_REF_LIMIT) byKey.clear();
			ref = { id: prefix === "" ? key : prefix + key, n: -1 };
			byKey.set(key, ref);
		}
		return ref;
	}

	/** The store number of a node, allocated if needed; the number kept in `ref` is checked (numbers are recycled). */
	private numberOf(ref: NodeRef): number {
		if (ref.n < 0 || !this.store.isNumberOf(ref.n, ref.id)) ref.n = this.store.node(ref.id);
		return ref.n;
	}

	private readonly isGraphNoteFn = (note: ParsedNote): boolean => this.isGraphNote(note);

	private isGraphNote(note: ParsedNote): boolean {
		const tag = this.indexTag;
		if (tag === undefined) return !this.seriesNotesOnly || note.series.length > 0;
		return note.tags.some((t) => t.id === tag) || note.series.some((s) => s.display.toLowerCase() === tag);
	}
}

/** Drop repeats among edges[from..], keeping the first of each (order kept). */
function dedupeFrom(edges: number[], from: number): void {
	const seen = new Set<number>();
	let w = from;
	for (let r = from; r < edges.length; r++) {
		const e = edges[r] as number;
		if (seen.has(e)) continue;
		seen.add(e);
		edges[w++] = e;
	}
	edges.length = w;
}

function sameEdges(a: readonly number[], b: readonly number[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

const NODE_REF_LIMIT = 50_000;
/** A pending sync of the whole note (not just some of its links). */
const FULL = true;
const MENTIONS = kindNo("mentions");
/** The edge kinds concept relations follow (see ConceptRelations.edgeChanged). */
const RELATION_INPUTS: readonly EdgeKind[] = ["mentions", "architecture"];
const ALL_EDGE_KINDS: readonly EdgeKind[] = [
	"tagged", "in-series", "mentions", "feedback", "amplifies", "links", "architecture", "memory", "interconnect", "family", "native-format",
];
const ARCHITECTURE = kindNo("architecture");
