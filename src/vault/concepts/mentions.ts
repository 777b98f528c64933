/**
 * Concept mentions of one note by place (title, tags, a frontmatter field, body), and their stored form.
 *
 * A ParsedNote keeps its mentions as one flat list (MentionList, see types.ts) rather than an object per concept and
 * place: a note mentions a few dozen concepts, and on a 50k-note vault the per-mention objects were about half of
 * the heap the index retains (and a good part of the garbage a cold start makes). decodeMentions() gives the
 * ConceptMention objects back for the queries that return them.
 */
import type { Concept } from "./vocabulary";
import type { ConceptMention, MentionList, MentionPlaces } from "../types";

/** Field slots counted in the flat per-concept table; a note with more scanned fields counts the rest in a Map. */
const FIELD_SLOTS = 24;

/**
 * Counters for one vocabulary size, reused by every note (parsing is synchronous, so one note uses them at a time):
 * indexed by concept number, so a hit is an array increment instead of a Map lookup by concept id.
 */
class Scratch {
	/** [no * 3 + 0 | 1 | 2]: title, tags, body. */
	readonly places: Int32Array;
	/** [no * FIELD_SLOTS + slot]. */
	readonly fields: Int32Array;
	/** Concept number → touched by the current note. */
	readonly seen: Uint8Array;
	/** The collector counting into it now. */
	active: MentionCollector | undefined;

	constructor(size: number) {
		this.places = new Int32Array(size * 3);
		this.fields = new Int32Array(size * FIELD_SLOTS);
		this.seen = new Uint8Array(size);
	}
}

const scratches = new Map<number, Scratch>();

/**
 * Counts per concept and place in flat counters (no per-hit objects or lookups); `result()` builds the stored list
 * once and resets the counters. Fields come out in the order parseNote scans them in: fields are scanned one after
 * the other, so the order field names are first met in is each concept's first-seen order too.
 */
export class MentionCollector {
	private readonly scratch: Scratch;
	/** Concepts touched, in first-touch order. */
	private readonly touched: Concept[] = [];
	/** Field slot → field name. */
	private readonly fieldNames: string[] = [];
	private lastField: string | undefined;
	private lastSlot = -1;
	/** Counts beyond FIELD_SLOTS fields: key no * 65536 + slot. */
	private overflow: Map<number, number> | undefined;
	/** result() was called (the counters are reset). */
	done = false;

	/** `vocabularySize`: concept numbers are below it. */
	constructor(vocabularySize: number) {
		let scratch = scratches.get(vocabularySize);
		if (scratch === undefined) {
			scratch = new Scratch(vocabularySize);
			scratches.set(vocabularySize, scratch);
		}
		// A collector abandoned before result() (a parse that threw) must not leave its counts to this one.
		if (scratch.active !== undefined && !scratch.active.done) scratch.active.result();
		scratch.active = this;
		this.scratch = scratch;
	}

	private bump(at: number): void {
		const places = this.scratch.places;
		places[at] = (places[at] as number) + 1;
	}

	private touch(concept: Concept): number {
		const no = concept.no;
		if (this.scratch.seen[no] === 0) {
			this.scratch.seen[no] = 1;
			this.touched.push(concept);
		}
		return no;
	}

	title(concept: Concept): void {
		this.bump(this.touch(concept) * 3);
	}

	tag(concept: Concept): void {
		this.bump(this.touch(concept) * 3 + 1);
	}

	body(concept: Concept): void {
		this.bump(this.touch(concept) * 3 + 2);
	}

	field(concept: Concept, field: string): void {
		const no = this.touch(concept);
		if (field !== this.lastField) {
			let slot = this.fieldNames.indexOf(field);
			if (slot < 0) { slot = this.fieldNames.length; this.fieldNames.push(field); }
			this.lastField = field;
			this.lastSlot = slot;
		}
		const slot = this.lastSlot;
		const fields = this.scratch.fields;
		if (slot < FIELD_SLOTS) fields[no * FIELD_SLOTS + slot] = (fields[no * FIELD_SLOTS + slot] as number) + 1;
		else {
			const overflow = this.overflow ?? (this.overflow = new Map());
			const key = no * 65536 + slot;
			overflow.set(key, (overflow.get(key) ?? 0) + 1);
		}
	}

	/** Sorted by concept id, so equal notes give equal (and JSON-identical) results. Call once: it resets the counters. */
	result(): MentionList {
		if (this.done) throw new Error("MentionCollector.result() called twice");
		this.done = true;
		const { places, fields, seen } = this.scratch;
		const concepts = this.touched.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		const slots = this.fieldNames.length;
		const fieldCount = (no: number, slot: number): number =>
			slot < FIELD_SLOTS ? fields[no * FIELD_SLOTS + slot] as number : this.overflow?.get(no * 65536 + slot) ?? 0;
		// The exact length first: the list is kept for the note's lifetime, and a list grown by push() carries up to
		// half again its length in spare capacity (and leaves the smaller copies behind as garbage).
		let length = 0;
		for (const c of concepts) {
			length += 5;
			for (let slot = 0; slot < slots; slot++) if (fieldCount(c.no, slot) > 0) length += 2;
		}
		const out: MentionList = new Array<string | number>(length);
		let at = 0;
		for (const c of concepts) {
			const no = c.no;
			const head = at;
			out[at++] = c.id;
			out[at++] = places[no * 3] as number;
			out[at++] = places[no * 3 + 1] as number;
			out[at++] = places[no * 3 + 2] as number;
			at++;
			let n = 0;
			for (let slot = 0; slot < slots; slot++) {
				const count = fieldCount(no, slot);
				if (count > 0) { out[at++] = this.fieldNames[slot] as string; out[at++] = count; n++; }
				if (slot < FIELD_SLOTS) fields[no * FIELD_SLOTS + slot] = 0;
			}
			out[head + 4] = n;
			places[no * 3] = 0; places[no * 3 + 1] = 0; places[no * 3 + 2] = 0;
			seen[no] = 0;
		}
		return out;
	}
}

/** Each concept id of a stored mention list, in order (sorted). */
export function forEachMentionedId(list: MentionList, fn: (conceptId: string) => void): void {
	for (let i = 0; i < list.length; i += 5 + 2 * (list[i + 4] as number)) fn(list[i] as string);
}

/** A mention without its concept's kind and label (they come from the current vocabulary). */
interface StoredMention {
	conceptId: string;
	where: MentionPlaces;
	count: number;
	/** Field names and counts as stored. */
	fields: [string, number][];
	title: number;
	tags: number;
	body: number;
}

function decodeStored(list: MentionList): StoredMention[] {
	const out: StoredMention[] = [];
	for (let i = 0; i < list.length;) {
		const conceptId = list[i] as string;
		const title = list[i + 1] as number;
		const tags = list[i + 2] as number;
		const body = list[i + 3] as number;
		const nFields = list[i + 4] as number;
		i += 5;
		const fields: [string, number][] = [];
		for (let f = 0; f < nFields; f++, i += 2) fields.push([list[i] as string, list[i + 1] as number]);
		const where: MentionPlaces = {};
		let count = title + tags + body;
		if (title > 0) where.title = title;
		if (tags > 0) where.tags = tags;
		if (fields.length > 0) {
			const byName: Record<string, number> = {};
			for (const [name, n] of fields) { byName[name] = n; count += n; }
			where.fields = byName;
		}
		if (body > 0) where.body = body;
		out.push({ conceptId, where, count, fields, title, tags, body });
	}
	return out;
}

/**
 * The mentions of a stored list as ConceptMention objects (sorted by concept id), with kind and label from
 * `vocabulary`; mentions of concepts it no longer has are left out.
 */
export function decodeMentions(list: MentionList, vocabulary: { get(id: string): Concept | undefined }): ConceptMention[] {
	const out: ConceptMention[] = [];
	for (const m of decodeStored(list)) {
		const c = vocabulary.get(m.conceptId);
		if (c) out.push({ conceptId: m.conceptId, kind: c.kind, label: c.label, where: m.where, count: m.count });
	}
	return out;
}

/** A mention list with the title counts replaced (after a rename changed a file-name title). */
export function withTitleMentions(list: MentionList, titleHits: readonly Concept[]): MentionList {
	const titles = new Map<string, number>();
	for (const c of titleHits) titles.set(c.id, (titles.get(c.id) ?? 0) + 1);
	const rows = decodeStored(list).map((m) => ({ ...m, title: 0 }));
	const byId = new Map(rows.map((m) => [m.conceptId, m]));
	for (const [conceptId, n] of titles) {
		const row = byId.get(conceptId);
		if (row) row.title = n;
		else rows.push({ conceptId, where: {}, count: 0, fields: [], title: n, tags: 0, body: 0 });
	}
	rows.sort((a, b) => (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0));
	const out: MentionList = [];
	for (const m of rows) {
		if (m.title + m.tags + m.body + m.fields.length === 0) continue;
		out.push(m.conceptId, m.title, m.tags, m.body, m.fields.length);
		for (const [name, n] of m.fields) out.push(name, n);
	}
	return out;
}
