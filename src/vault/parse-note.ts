/**
 * One note's text → ParsedNote: title, tags and series, dates, concept mentions, links to other notes by name,
 * gpufit block sources, diagnostics. Pure and never throws; the result is plain JSON that holds none of the
 * note's text (beyond short fields), so a cache of 50k of them stays small and old note versions can be collected.
 */
import { loadCatalog, type Catalog } from "../estimator/catalog";
import { ConceptMatcher } from "./concept-matcher";
import { ConceptVocabulary, type Concept } from "./concept-vocabulary";
import { parseFrontmatter, splitNote } from "./frontmatter";
import { DEFAULT_FEEDBACK_FIELDS, PROSE_FIELDS, readKnownFields, toJson } from "./frontmatter-fields";
import { gpufitBlocks } from "./gpufit-blocks";
import { MentionCollector } from "./mentions";
import { noteBasename, noteKey } from "./note-key";
import { namedNotes, wikilinkTargets } from "./note-links";
import { detach, detachAll } from "./detach";
import { collectTags } from "./tags";
import { PARSED_NOTE_VERSION, type NoteLink, type NoteLinkKind, type ParsedNote } from "./types";

export interface ParseOptions {
	/** Default: the built-in catalog. */
	catalog?: Catalog;
	/** Fields naming related notes. Default FeedbackLoop (edge kind "feedback") and SignalAmplification ("amplifies"). */
	feedbackFields?: readonly string[];
}

/** Keys consumed into ParsedNote's own fields (not kept in `properties`). */
const CONSUMED = new Set(["title", "tags", "tag", "created", "updated", "aliases", "category", ...PROSE_FIELDS]);
/** Keys not scanned for concepts (dates, tag lists and names are handled on their own). */
const NOT_SCANNED = new Set(["title", "tags", "tag", "created", "updated", "aliases"]);

const matchers = new WeakMap<Catalog, ConceptMatcher>();

/** The matcher for a catalog, built once per catalog object (a catalog edit makes a new object). */
export function matcherFor(catalog: Catalog): ConceptMatcher {
	let m = matchers.get(catalog);
	if (!m) {
		m = new ConceptMatcher(new ConceptVocabulary(catalog));
		matchers.set(catalog, m);
	}
	return m;
}

export function linkKindOfField(field: string): NoteLinkKind {
	return field.toLowerCase() === "signalamplification" ? "amplifies" : "feedback";
}

export function parseNote(path: string, text: string, options: ParseOptions = {}): ParsedNote {
	return parseNoteShared(path, text, options, undefined);
}

/** What notes parsed together share (see parseNoteShared): equal short strings (field names, link names and keys). */
export interface SharePool {
	strings: Map<string, string>;
}

const SHARE_POOL_LIMIT = 4096;

export function newSharePool(): SharePool {
	return { strings: new Map() };
}

/**
 * parseNote, with short strings that recur across notes (field names, link names and keys) taken from `pool` when
 * an equal one is there, so a batch of notes keeps one copy of each. The pool only lives as long as the caller keeps
 * it (the index: one batch). Tag and series refs are shared by every note anyway (see tags.ts).
 */
export function parseNoteShared(path: string, text: string, options: ParseOptions, pool: SharePool | undefined): ParsedNote {
	const strings = pool?.strings;
	const share = strings ? (s: string): string => {
		let v = strings.get(s);
		if (v === undefined) {
			// Bounded: a cold start is one batch over the whole vault, and a map of every link name in it costs more
			// (cache misses, rehashing) than the copies it saves; what recurs (field names, popular link names) comes right back.
			if (strings.size >= SHARE_POOL_LIMIT) strings.clear();
			v = detach(s);
			strings.set(v, v);
		}
		return v;
	} : detach;
	const matcher = matcherFor(options.catalog ?? loadCatalog());
	const split = splitNote(text);
	const { data, diagnostics } = parseFrontmatter(split);
	const yaml = split.yaml ?? "";
	const known = readKnownFields(data, yaml, diagnostics);

	const tagged = collectTags(data.tags, data.tag);
	if (tagged.rejected > 0) diagnostics.push({ message: `${tagged.rejected} tag entr${tagged.rejected === 1 ? "y is" : "ies are"} not text and ignored.` });

	const title = known.title ?? noteBasename(path);
	const mentions = new MentionCollector(matcher.vocabulary.concepts.length);
	for (const c of titleConcepts(matcher, title)) mentions.title(c);
	for (const tag of tagged.tags) for (const c of matcher.tagConcepts(tag.display)) mentions.tag(c);
	const properties: Record<string, unknown> = {};
	for (const key of Object.keys(data)) {
		const value = data[key];
		if (!CONSUMED.has(key)) properties[key] = toJson(value);
		if (NOT_SCANNED.has(key)) continue;
		if (typeof value !== "string" && !Array.isArray(value)) continue;
		const field = share(key);
		forEachString(value, (s) => matcher.scan(s, "prose", (c) => mentions.field(c, field)));
	}
	matcher.scan(split.body, "prose", (c) => mentions.body(c));

	const links: NoteLink[] = [];
	const seenLinks = new Set<string>();
	const addLink = (kind: NoteLinkKind, name: string, field?: string): void => {
		const key = noteKey(name);
		if (key === "" || seenLinks.has(`${kind}\n${key}`)) return;
		seenLinks.add(`${kind}\n${key}`);
		links.push(field === undefined ? { kind, name, key } : { kind, name, key, field });
	};
	const feedbackFields = new Set((options.feedbackFields ?? DEFAULT_FEEDBACK_FIELDS).map((f) => f.toLowerCase()));
	for (const key of Object.keys(data)) {
		if (!feedbackFields.has(key.toLowerCase())) continue;
		for (const name of namedNotes(data[key])) addLink(linkKindOfField(key), name, key);
	}
	for (const name of wikilinkTargets(split.body)) addLink("links", name);

	const note: ParsedNote = {
		version: PARSED_NOTE_VERSION,
		path,
		title: detach(title),
		titleFromFrontmatter: known.title !== undefined,
		...(known.aliases.length > 0 ? { aliases: known.aliases.map(detach) } : {}),
		...(known.description !== undefined ? { description: detach(known.description) } : {}),
		...(known.category !== undefined ? { category: detach(known.category) } : {}),
		...(known.created !== undefined ? { created: detach(known.created) } : {}),
		...(known.updated !== undefined ? { updated: detach(known.updated) } : {}),
		// Shared, never mutated refs (see tags.ts): every note with a tag holds the same object.
		tags: tagged.tags,
		series: tagged.series,
		links: links.map((l) => ({ ...l, name: share(l.name), key: share(l.key) })),
		mentions: mentions.result(),
		blocks: gpufitBlocks(split.body, () => split.bodyLine).map((b) => ({ line: b.line, source: detach(b.source) })),
		properties: detachAll(properties) as Record<string, unknown>,
		diagnostics: diagnostics.map((d) => ({ ...d, message: detach(d.message) })),
		vocabulary: matcher.fingerprint,
	};
	return note;
}

/** Concepts a title names (once per occurrence). A title that is exactly a name counts even when prose rules would not ("4090"). */
export function titleConcepts(matcher: ConceptMatcher, title: string): Concept[] {
	const exact = matcher.exact(title);
	if (exact) return [exact];
	const out: Concept[] = [];
	matcher.scan(title, "prose", (c) => out.push(c));
	return out;
}

function forEachString(value: unknown, fn: (s: string) => void): void {
	if (typeof value === "string") fn(value);
	else if (Array.isArray(value)) for (const v of value) forEachString(v, fn);
}
