/**
 * Note names and link resolution. A name is a noteKey (case, punctuation and whitespace insensitive) that some note
 * carries (its title, file name or an alias) or some link names. A link resolves to the first graph note by path
 * among the notes carrying its name; with none, to a missing-note node named after it.
 *
 * Every value here is a function of the current notes only, so any edit sequence resolves links as indexing the
 * final vault from scratch would.
 */
import { noteBasename, noteKey } from "../note/note-key";
import type { ParsedNote } from "../types";

/** A node id and its last known store number (-1: none yet; numbers are recycled, so it is checked before use). */
export interface NodeRef {
	readonly id: string;
	n: number;
}

/** An indexed note; one object per path for as long as the path is indexed (upserts replace `note`). */
export interface NoteEntry extends NodeRef {
	note: ParsedNote;
	/** The name of each of note.links (same order), so a sync resolves links without looking names up. */
	linkNames: NameEntry[];
	/** The edges last given to the store for this note, and for which version of it. */
	lastSync: LastSync;
}

interface LastSync {
	/** The version synced (null: none yet). */
	note: ParsedNote | null;
	edges: readonly number[];
	/** How many of `edges` come from sources that do not resolve names (they stay valid while `note` does). */
	fixed: number;
}

/**
 * What a never-synced entry holds instead of `undefined`: entries keep one shape from the start (a field that goes
 * from undefined to an object changes the objects' hidden class, and code optimized for the old one is thrown away).
 */
export const NEVER_SYNCED: LastSync = { note: null, edges: [], fixed: 0 };

/**
 * A note name: the notes that carry it and the paths of the notes that link to it. Kept while either list is
 * non-empty; a note's links hold on to theirs (NoteEntry.linkNames).
 */
export interface NameEntry {
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

/** The names a note carries: title, file name, aliases (each once, empty keys left out). */
export function namesOf(note: ParsedNote): string[] {
	const keys = new Set([noteKey(note.title), noteKey(noteBasename(note.path)), ...(note.aliases ?? []).map(noteKey)]);
	keys.delete("");
	return [...keys];
}

export class NameTable {
	private readonly names = new Map<string, NameEntry>();

	get(key: string): NameEntry | undefined {
		return this.names.get(key);
	}

	/** The entry of a name, made if needed. */
	entry(key: string): NameEntry {
		let name = this.names.get(key);
		if (name === undefined) {
			name = { key, owners: undefined, linkers: undefined, missing: undefined };
			this.names.set(key, name);
		}
		return name;
	}

	/**
	 * A note's names and links changed from (oldNames, oldLinks) to its current ones: owners and linkers follow.
	 * Returns the note's new link names (in the order of note.links).
	 */
	move(owner: NoteEntry, path: string, oldNames: readonly string[], newNames: readonly string[], oldLinks: readonly NameEntry[], now: ParsedNote | undefined): NameEntry[] {
		for (const k of oldNames) { const name = this.names.get(k); if (name) name.owners = without(name.owners, owner); }
		for (const k of newNames) { const name = this.entry(k); name.owners = withAdded(name.owners, owner); }
		for (const name of oldLinks) name.linkers = without(name.linkers, path);
		// One map lookup per link, here; a sync then finds each link's name through NoteEntry.linkNames.
		const links = now ? now.links.map((l) => this.entry(l.key)) : [];
		for (const name of links) name.linkers = withAdded(name.linkers, path);
		for (const k of oldNames) { const name = this.names.get(k); if (name) this.dropIfUnused(name); }
		for (const name of oldLinks) this.dropIfUnused(name);
		return links;
	}

	/** Paths of the notes linking to a name. */
	linkersOf(key: string): readonly string[] {
		return severalOf(this.names.get(key)?.linkers);
	}

	/**
	 * The graph note a name resolves to: the first by path among notes carrying it. `undefined`: no note has the
	 * name (a missing note); `null`: only notes outside the graph have it, so it is not missing either.
	 */
	resolve(name: NameEntry, isGraphNote: (note: ParsedNote) => boolean): NoteEntry | undefined | null {
		const owners = name.owners;
		if (owners === undefined) return undefined;
		if (!Array.isArray(owners)) return isGraphNote(owners.note) ? owners : null;
		let best: NoteEntry | undefined;
		for (const e of owners) {
			if (isGraphNote(e.note) && (best === undefined || e.note.path < best.note.path)) best = e;
		}
		return best ?? null;
	}

	/** Forget a name no note carries or links to. */
	private dropIfUnused(name: NameEntry): void {
		if (name.owners === undefined && name.linkers === undefined && this.names.get(name.key) === name) this.names.delete(name.key);
	}
}
