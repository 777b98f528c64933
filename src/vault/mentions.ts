/** Accumulates concept mentions of one note by place (title, tags, a frontmatter field, body). */
import type { Concept } from "./concept-vocabulary";
import type { ConceptMention, MentionPlaces } from "./types";

export type MentionPlace = { in: "title" } | { in: "tags" } | { in: "body" } | { in: "field"; field: string };

interface Tally {
	concept: Concept;
	title: number;
	tags: number;
	/** Per field name, in first-seen order. */
	fields: Map<string, number> | undefined;
	body: number;
	count: number;
}

/**
 * Counts per concept and place in flat counters (no per-hit objects); `result()` builds the JSON shape once.
 * `where` keys come out in the order title, tags, fields, body: the order parseNote scans them in.
 */
export class MentionCollector {
	private readonly byConcept = new Map<Concept, Tally>();

	private tally(concept: Concept): Tally {
		let t = this.byConcept.get(concept);
		if (!t) {
			t = { concept, title: 0, tags: 0, fields: undefined, body: 0, count: 0 };
			this.byConcept.set(concept, t);
		}
		t.count++;
		return t;
	}

	title(concept: Concept): void {
		this.tally(concept).title++;
	}

	tag(concept: Concept): void {
		this.tally(concept).tags++;
	}

	body(concept: Concept): void {
		this.tally(concept).body++;
	}

	field(concept: Concept, field: string): void {
		const t = this.tally(concept);
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
	result(): ConceptMention[] {
		const out: ConceptMention[] = [];
		for (const t of this.byConcept.values()) {
			const where: MentionPlaces = {};
			if (t.title > 0) where.title = t.title;
			if (t.tags > 0) where.tags = t.tags;
			if (t.fields) {
				const fields: Record<string, number> = {};
				for (const [name, n] of t.fields) fields[name] = n;
				where.fields = fields;
			}
			if (t.body > 0) where.body = t.body;
			const c = t.concept;
			out.push({ conceptId: c.id, kind: c.kind, label: c.label, where, count: t.count });
		}
		return out.sort((a, b) => (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0));
	}
}

/** A mention list with the title counts replaced (after a rename changed a file-name title). */
export function withTitleMentions(mentions: readonly ConceptMention[], titleHits: readonly Concept[]): ConceptMention[] {
	const collector = new MentionCollector();
	const out = new Map<string, ConceptMention>();
	for (const m of mentions) {
		const where: MentionPlaces = { ...m.where };
		const count = m.count - (where.title ?? 0);
		delete where.title;
		if (count > 0) out.set(m.conceptId, { ...m, where, count });
	}
	for (const c of titleHits) collector.add(c, { in: "title" });
	for (const t of collector.result()) {
		const existing = out.get(t.conceptId);
		if (existing) out.set(t.conceptId, { ...existing, where: { ...existing.where, title: t.count }, count: existing.count + t.count });
		else out.set(t.conceptId, t);
	}
	return [...out.values()].sort((a, b) => (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0));
}
