/**
 * The store as GraphNode / GraphEdge objects: the whole graph, or the part a view shows (some edge kinds), or single
 * nodes. Labels of tags, series and missing notes are spelled as the first note by path that points at them writes
 * them; each such note's spellings are read once per call into a map (a note with 100k tags must not be searched
 * once per tag).
 */
import type { ConceptVocabulary } from "../concepts/vocabulary";
import type { EdgeKind, Graph, GraphEdge, GraphNode, NodeKind, ParsedNote } from "../types";
import type { NoteEntry } from "./names";
import { edgeId, edgeKind, edgeTarget, type GraphStore } from "./store";

/** A graph edge as the queries give it; the id string is only built when read. */
export class Edge implements GraphEdge {
	constructor(readonly source: string, readonly target: string, readonly kind: EdgeKind) {}

	get id(): string {
		return edgeId(this.kind, this.source, this.target);
	}
}

/** Kind of a node that is neither a note nor a concept, from its id prefix. */
export function kindOfPrefixed(id: string): NodeKind {
	return id.startsWith("tag:") ? "tag" : id.startsWith("series:") ? "series" : "missing-note";
}

const LINK_KINDS: readonly EdgeKind[] = ["feedback", "amplifies", "links"];

/**
 * Whether a node of `kind` is shown when only edges of `kinds` are: notes, series and concepts always; tags only
 * with `tagged` edges, missing notes only with some link kind (they exist only as the ends of such edges).
 */
export function shownWith(kind: NodeKind, kinds: ReadonlySet<EdgeKind> | undefined): boolean {
	if (kinds === undefined) return true;
	if (kind === "tag") return kinds.has("tagged");
	if (kind === "missing-note") return LINK_KINDS.some((k) => kinds.has(k));
	return true;
}

/** Notes with more tags / links than this are read into a map once per call (a linear search each time otherwise). */
const SEARCH_LIMIT = 16;

/** The spelling of a tag, series or missing-note key in one note (rest: the id without its prefix). */
function spellingIn(note: ParsedNote, kind: NodeKind, rest: string): string | undefined {
	if (kind === "tag") return note.tags.find((t) => t.id === rest)?.display;
	if (kind === "series") return note.series.find((s) => s.id === rest)?.display;
	return note.links.find((l) => l.key === rest)?.name;
}

/** Every spelling of one note by node id, for notes too big to search each time. */
function spellingsOf(note: ParsedNote): Map<string, string> {
	const m = new Map<string, string>();
	for (const t of note.tags) m.set(`tag:${t.id}`, t.display);
	for (const s of note.series) m.set(`series:${s.id}`, s.display);
	for (const l of note.links) { const id = `missing:${l.key}`; if (!m.has(id)) m.set(id, l.name); }
	return m;
}

export class Materializer {
	private readonly spellings = new Map<ParsedNote, Map<string, string>>();

	constructor(
		private readonly store: GraphStore,
		private readonly graphNotes: ReadonlyMap<string, NoteEntry>,
		private readonly vocabulary: ConceptVocabulary,
	) {}

	/** The graph, or with `kinds` only edges of those kinds and the nodes shownWith them. */
	graph(kinds?: ReadonlySet<EdgeKind>): Graph {
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
		// Per target number: its first note source by id, for targets labelled from notes (tags, series, missing
		// notes: known per target once, so the bulk of edges, to concepts, cost no string comparison).
		const firstSource = new Int32Array(count).fill(-1);
		const labelled = new Int8Array(count).fill(-1);
		for (let s = 0; s < count; s++) {
			const out = store.outAt(s);
			if (out === undefined) continue;
			const source = store.idAt(s) as string;
			const fromNote = isNote[s] === 1;
			for (const packed of out) {
				const t = edgeTarget(packed);
				const kind = edgeKind(packed);
				if (kinds === undefined || kinds.has(kind)) edges.push(new Edge(source, store.idAt(t) as string, kind));
				if (!fromNote) continue;
				let wants = labelled[t] as number;
				if (wants < 0) { wants = this.vocabulary.get(store.idAt(t) as string) === undefined && !this.graphNotes.has(store.idAt(t) as string) ? 1 : 0; labelled[t] = wants; }
				if (wants === 0) continue;
				const first = firstSource[t] as number;
				if (first < 0 || source < (store.idAt(first) as string)) firstSource[t] = s;
			}
		}
		for (let n = 0; n < count; n++) {
			const id = store.idAt(n);
			if (id === undefined || isNote[n] === 1 || this.graphNotes.has(id)) continue;
			const degree = store.degreeAt(n);
			const concept = this.vocabulary.get(id);
			if (concept) { nodes.push({ id, kind: concept.kind, label: concept.label, degree }); continue; }
			const kind = kindOfPrefixed(id);
			if (!shownWith(kind, kinds)) continue;
			const first = firstSource[n] as number;
			nodes.push({ id, kind, label: this.labelFrom(id, first < 0 ? undefined : store.idAt(first)), degree });
		}
		return { nodes, edges };
	}

	/** One node as it is now (undefined: not in the graph). */
	node(id: string): GraphNode | undefined {
		const store = this.store;
		const entry = this.graphNotes.get(id);
		const n = store.numberOf(id);
		const degree = n === undefined ? 0 : store.degreeAt(n);
		if (entry !== undefined) return { id, kind: "note", label: entry.note.title, path: entry.note.path, degree };
		if (n === undefined) return undefined;
		const concept = this.vocabulary.get(id);
		if (concept) return { id, kind: concept.kind, label: concept.label, degree };
		let first: string | undefined;
		store.forEachSourceAt(n, (s) => {
			const source = store.idAt(s) as string;
			if (this.graphNotes.has(source) && (first === undefined || source < first)) first = source;
		});
		return { id, kind: kindOfPrefixed(id), label: this.labelFrom(id, first), degree };
	}

	/**
	 * A tag, series or missing note's label: its spelling in note `noteId`, else its key. A note with many tags or
	 * links is read into a map once per call (100k tags searched once per tag was quadratic).
	 */
	private labelFrom(id: string, noteId: string | undefined): string {
		const rest = id.slice(id.indexOf(":") + 1);
		const note = noteId === undefined ? undefined : this.graphNotes.get(noteId)?.note;
		if (note === undefined) return rest;
		if (note.tags.length + note.links.length <= SEARCH_LIMIT) return spellingIn(note, kindOfPrefixed(id), rest) ?? rest;
		let spellings = this.spellings.get(note);
		if (spellings === undefined) {
			spellings = spellingsOf(note);
			this.spellings.set(note, spellings);
		}
		return spellings.get(id) ?? rest;
	}
}
