/**
 * Concept mentions of one note by place (title, tags, a frontmatter field, body), and their stored form.
 *
 * A ParsedNote keeps its mentions as one flat list (MentionList, see types.ts) rather than an object per concept and
 * place: a note mentions a few dozen concepts, and on a 50k-note vault the per-mention objects were about half of
 * the heap the index retains (and a good part of the garbage a cold start makes). decodeMentions() gives the
 * ConceptMention objects back for the queries that return them.
 */
import type { Concept } from "./concept-vocabulary";
import type { ConceptMention, MentionList, MentionPlaces } from "./types";

export type MentionPlace = { in: "title" } | { in: "tags" } | { in: "body" } | { in: "field"; field: string };

interface Tally {
	conceptId: string;
	title: number;
	tags: number;
	/** Per field name, in first-seen order. */
	fields: Map<string, number> | undefined;
	body: number;
}

/**
 * Counts per concept and place in flat counters (no per-hit objects); `result()` builds the stored list once.
 * Fields come out in the order parseNote scans them in.
 */
export class MentionCollector {
	private readonly byConcept = new Map<string, Tally>();

	private tally(conceptId: string): Tally {
		let t = this.byConcept.get(conceptId);
		if (!t) {
			t = { conceptId, title: 0, tags: 0, fields: undefined, body: 0 };
			this.byConcept.set(conceptId, t);
		}
		return t;
	}

	title(concept: Concept): void {
		this.tally(concept.id).title++;
	}

	tag(concept: Concept): void {
		this.tally(concept.id).tags++;
	}

	body(concept: Concept): void {
		this.tally(concept.id).body++;
	}

	field(concept: Concept, field: string): void {
		const t = this.tally(concept.id);
		const fields = t.fields ?? (t.fields = new Map());
		fields.set(field, (fields.get(field) ?? 0) + 1);
	}

	add(concept: Concept, place: MentionPlace): void {
		switch (place.in) {
			case "title": this.title(concept); break;
			case "tags": this.tag(concept); break;
			case "body": this.body(concept); break;
			case "field": this.field(concept, place.field); break;
		}
	}

	/** Sorted by concept id, so equal notes give equal (and JSON-identical) results. */
	result(): MentionList {
		const tallies = [...this.byConcept.values()].sort((a, b) => (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0));
		const out: MentionList = [];
		for (const t of tallies) {
			out.push(t.conceptId, t.title, t.tags, t.body, t.fields?.size ?? 0);
			if (t.fields) for (const [name, n] of t.fields) out.push(name, n);
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
