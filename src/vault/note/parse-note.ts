/**
 * One note's text → ParsedNote: the first stage of the index's one-way pipeline (text → ParsedNote → edges → store).
 * Title, tags and series, dates, concept mentions, names of linked notes, parsed gpufit blocks, diagnostics. Pure and
 * never throws; the result is plain JSON that holds none of the note's text (beyond short fields), so a cache of 50k
 * of them stays small and old note versions can be collected. Every part of it is bounded (see limits.ts).
 */
import { loadCatalog, type Catalog } from "../../estimator/catalog";
import { ConceptMatcher } from "../concepts/matcher";
import { MentionCollector } from "../concepts/mentions";
import { ConceptVocabulary, type Concept } from "../concepts/vocabulary";
import { count, LIMITS, truncate } from "../limits";
import { PARSED_NOTE_VERSION, type LinkField, type NoteDiagnostic, type NoteLink, type NoteLinkKind, type ParsedNote } from "../types";
import { detach } from "./detach";
import { gpufitBlocks } from "./gpufit-blocks";
import { PROSE_FIELDS, readKnownFields } from "./known-fields";
import { DEFAULT_LINK_FIELDS } from "./link-fields";
import { namedNotes } from "./named-notes";
import { noteBasename, noteKey } from "./note-key";
import { forEachString, plainObject, type PlainObject, type PlainValue } from "./plain-data";
import { readNote } from "./read-frontmatter";
import { collectTags, MAX_TAG_CHARS } from "./tags";
import { wikilinkTargets } from "./wikilinks";

export interface ParseOptions {
	/** Default: the built-in catalog. */
	catalog?: Catalog;
	/** Fields naming related notes and their edge kinds. Default: FeedbackLoop → feedback, SignalAmplification → amplifies. */
	linkFields?: readonly LinkField[];
}

/** Keys consumed into ParsedNote's own fields (not kept in `properties`). */
const CONSUMED = new Set(["title", "tags", "tag", "created", "updated", "aliases", "category", ...PROSE_FIELDS]);
/** Keys not scanned for concepts (dates, tag lists and names are handled on their own). */
const NOT_SCANNED = new Set(["title", "tags", "tag", "created", "updated", "aliases"]);
/** Longer "names" of linked notes are prose, not names. */
const MAX_LINK_NAME_CHARS = 300;

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
	const note = readNote(text);
	const { data, diagnostics } = note;
	const known = readKnownFields(data, note.lineOf, diagnostics);

	const tagged = collectTags(data.tags, data.tag);
	if (tagged.rejected > 0) diagnostics.push({ message: `${count(tagged.rejected)} tag entr${tagged.rejected === 1 ? "y is" : "ies are"} not tags (not text, or longer than ${MAX_TAG_CHARS} characters) and ignored.` });
	if (tagged.overCap > 0) diagnostics.push({ message: `The note has more than ${count(LIMITS.tags)} tags; ${count(tagged.overCap)} are ignored.` });

	const title = known.title ?? noteBasename(path);
	const mentions = new MentionCollector(matcher.vocabulary.concepts.length);
	for (const c of titleConcepts(matcher, title)) mentions.title(c);
	for (const tag of tagged.tags) for (const c of matcher.tagConcepts(tag.display)) mentions.tag(c);
	const properties = plainObject();
	for (const key of Object.keys(data)) {
		const value = data[key] as PlainValue;
		if (!CONSUMED.has(key)) properties[detach(key)] = stored(value);
		if (NOT_SCANNED.has(key)) continue;
		if (typeof value !== "string" && !Array.isArray(value)) continue;
		const field = share(key);
		forEachString(value, (s) => matcher.scan(s, "prose", (c) => mentions.field(c, field)));
	}
	matcher.scan(note.body, "prose", (c) => mentions.body(c));

	const links = noteLinks(data, note.body, options.linkFields ?? DEFAULT_LINK_FIELDS, share, diagnostics);
	const blocks = gpufitBlocks(note.body, () => note.bodyLine);
	if (blocks.overCap > 0) diagnostics.push({ message: `The note has more than ${count(LIMITS.blocks)} gpufit blocks; ${count(blocks.overCap)} are not read.` });

	return {
		version: PARSED_NOTE_VERSION,
		path,
		title: detach(truncate(title, LIMITS.storedStringChars)),
		titleFromFrontmatter: known.title !== undefined,
		...(known.aliases.length > 0 ? { aliases: known.aliases.slice(0, LIMITS.links).map((a) => detach(truncate(a, MAX_LINK_NAME_CHARS))) } : {}),
		...(known.description !== undefined ? { description: detach(truncate(known.description, LIMITS.storedStringChars)) } : {}),
		...(known.category !== undefined ? { category: detach(truncate(known.category, LIMITS.storedStringChars)) } : {}),
		...(known.created !== undefined ? { created: detach(truncate(known.created, 100)) } : {}),
		...(known.updated !== undefined ? { updated: detach(truncate(known.updated, 100)) } : {}),
		// Shared, never mutated refs (see tags.ts): every note with a tag holds the same object.
		tags: tagged.tags,
		series: tagged.series,
		links,
		mentions: mentions.result(),
		blocks: blocks.blocks.map((b) => ({ ...b, source: detach(b.source), issues: b.issues.map((i) => ({ ...i, message: detach(truncate(i.message, LIMITS.diagnosticChars)) })) })),
		properties,
		diagnostics: boundedDiagnostics(diagnostics),
		vocabulary: matcher.fingerprint,
	};
}

/**
 * Names of other notes: from the link fields (their kind per field), then body wikilinks ("links"); each name once
 * per kind, at most LIMITS.links.
 */
function noteLinks(data: PlainObject, body: string, linkFields: readonly LinkField[], share: (s: string) => string, diagnostics: NoteDiagnostic[]): NoteLink[] {
	const links: NoteLink[] = [];
	const seen = new Set<string>();
	let overCap = 0;
	const add = (kind: NoteLinkKind, name: string, field?: string): void => {
		// Past the cap nothing is read (repeats of kept links are counted as ignored too).
		if (links.length >= LIMITS.links) { overCap++; return; }
		if (name.length > MAX_LINK_NAME_CHARS) return;
		const key = noteKey(name);
		if (key === "" || seen.has(`${kind}\n${key}`)) return;
		seen.add(`${kind}\n${key}`);
		const link: NoteLink = { kind, name: share(name), key: share(key) };
		if (field !== undefined) link.field = share(field);
		links.push(link);
	};
	const kindOf = new Map(linkFields.map((f) => [f.field.toLowerCase(), f.kind]));
	for (const key of Object.keys(data)) {
		const kind = kindOf.get(key.toLowerCase());
		if (kind === undefined) continue;
		for (const name of namedNotes(data[key])) add(kind, name, key);
	}
	for (const name of wikilinkTargets(body)) add("links", name);
	if (overCap > 0) diagnostics.push({ message: `The note links to more than ${count(LIMITS.links)} notes; ${count(overCap)} links are ignored.` });
	return links;
}

/** A frontmatter value as kept in `properties`: strings detached from the note text and cut to LIMITS.storedStringChars. */
function stored(value: PlainValue): PlainValue {
	if (typeof value === "string") return detach(truncate(value, LIMITS.storedStringChars));
	if (Array.isArray(value)) return value.map(stored);
	if (value !== null && typeof value === "object") {
		const out = plainObject();
		for (const k of Object.keys(value)) out[detach(k)] = stored(value[k] as PlainValue);
		return out;
	}
	return value;
}

/** At most LIMITS.diagnostics, each message at most LIMITS.diagnosticChars. */
function boundedDiagnostics(diagnostics: NoteDiagnostic[]): NoteDiagnostic[] {
	const kept = diagnostics.slice(0, LIMITS.diagnostics).map((d) => ({ ...d, message: detach(truncate(d.message, LIMITS.diagnosticChars)) }));
	if (diagnostics.length > LIMITS.diagnostics) kept.push({ message: `… and ${count(diagnostics.length - LIMITS.diagnostics)} more problems.` });
	return kept;
}

/** Concepts a title names (once per occurrence). A title that is exactly a name counts even when prose rules would not ("4090"). */
export function titleConcepts(matcher: ConceptMatcher, title: string): Concept[] {
	const exact = matcher.exact(title);
	if (exact) return [exact];
	const out: Concept[] = [];
	matcher.scan(title, "prose", (c) => out.push(c));
	return out;
}
