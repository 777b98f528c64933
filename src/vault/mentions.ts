/** Accumulates concept mentions of one note by place (title, tags, a frontmatter field, body). */
import type { Concept } from "./concept-vocabulary";
import type { ConceptMention, MentionPlaces } from "./types";

export type MentionPlace = { in: "title" } | { in: "tags" } | { in: "body" } | { in: "field"; field: string };

export class MentionCollector {
	private readonly byId = new Map<string, ConceptMention>();

	add(concept: Concept, place: MentionPlace): void {
		let m = this.byId.get(concept.id);
		if (!m) {
			m = { conceptId: concept.id, kind: concept.kind, label: concept.label, where: {}, count: 0 };
			this.byId.set(concept.id, m);
		}
		addPlace(m.where, place, 1);
		m.count++;
	}

	/** Sorted by concept id, so equal notes give equal (and JSON-identical) results. */
	result(): ConceptMention[] {
		return [...this.byId.values()].sort((a, b) => (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0));
	}
}

function addPlace(where: MentionPlaces, place: MentionPlace, n: number): void {
	switch (place.in) {
		case "title": where.title = (where.title ?? 0) + n; break;
		case "tags": where.tags = (where.tags ?? 0) + n; break;
		case "body": where.body = (where.body ?? 0) + n; break;
		case "field": {
			const fields = where.fields ?? (where.fields = {});
			fields[place.field] = (fields[place.field] ?? 0) + n;
			break;
		}
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
