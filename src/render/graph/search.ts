/**
 * The search box: node labels (any script, case and punctuation insensitive) plus the catalog's names and aliases,
 * so "RTX 6000 PRO B" finds the RTX PRO 6000 Blackwell node. Concepts the catalog knows but no note mentions are
 * found too (the side panel still has their facts). Pure.
 */
import type { GraphModel } from "./model";
import type { NodeKind } from "./source";

export interface SearchHit {
	id: string;
	label: string;
	kind: NodeKind;
	/** Drawn in the graph (else: a catalog concept no note mentions). */
	inGraph: boolean;
	/** Lower is better. */
	score: number;
}

/** A concept the catalog resolves a query to (by id, name or alias), or suggests for it. */
export interface CatalogMatch {
	id: string;
	label: string;
	kind: NodeKind;
	/** True: the query is one of its names; false: a suggestion. */
	exact: boolean;
}

export type CatalogResolver = (query: string) => CatalogMatch[];

/** Lower-case letters and digits of any script: "RTX-6000 (Pro)" → "rtx6000pro", "Квантование" stays readable. */
export function searchKey(s: string): string {
	return s.normalize("NFKD").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

export class NodeSearch {
	private readonly keys = new Map<string, { label: string; key: string }>();

	constructor(private readonly model: GraphModel, private readonly catalog?: CatalogResolver) {}

	private keyOf(id: string, label: string): string {
		const hit = this.keys.get(id);
		if (hit && hit.label === label) return hit.key;
		const key = searchKey(label);
		this.keys.set(id, { label, key });
		return key;
	}

	search(query: string, limit = 12): SearchHit[] {
		const q = searchKey(query);
		if (!q) return [];
		const hits = new Map<string, SearchHit>();
		const offer = (h: SearchHit) => {
			const old = hits.get(h.id);
			if (!old || h.score < old.score) hits.set(h.id, h);
		};
		for (const m of this.catalog?.(query) ?? []) {
			const n = this.model.nodes.get(m.id);
			offer({ id: m.id, label: n?.label ?? m.label, kind: n?.kind ?? m.kind, inGraph: n !== undefined, score: m.exact ? 0.5 : 4 });
		}
		// The graph's own nodes: whole label, start, start of a word, anywhere.
		const words = query.toLowerCase().split(/[\s\-_/]+/).map(searchKey).filter(Boolean);
		for (const n of this.model.nodes.values()) {
			const key = this.keyOf(n.id, n.label);
			let score: number;
			if (key === q) score = 0;
			else if (key.startsWith(q)) score = 1 + (key.length - q.length) / 1000;
			else if (key.includes(q)) score = 2 + (key.length - q.length) / 1000;
			else if (words.length > 1 && words.every((w) => key.includes(w))) score = 3 + (key.length - q.length) / 1000;
			else continue;
			// Prefer hubs among equals.
			offer({ id: n.id, label: n.label, kind: n.kind, inGraph: true, score: score - Math.min(n.degree, 999) / 1e6 });
		}
		return [...hits.values()].sort((a, b) => a.score - b.score || a.label.localeCompare(b.label)).slice(0, limit);
	}

	/** Drop cached keys of nodes that left the model (call now and then; the cache is small either way). */
	prune(): void {
		for (const id of this.keys.keys()) if (!this.model.nodes.has(id)) this.keys.delete(id);
	}
}
