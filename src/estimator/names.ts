/**
 * Name normalization and fuzzy suggestions shared by every catalog lookup
 * (and by the vault's concept recognizer, which must agree on what "the same name" means).
 */

/** Lowercase, strip everything but letters and digits: "RTX PRO 6000 (Blackwell)" → "rtxpro6000blackwell". */
export function normalizeName(name: string): string {
	return name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Levenshtein distance, bounded: returns `limit + 1` as soon as the distance must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
			cur.push(v);
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > limit) return limit + 1;
		prev = cur;
	}
	return prev[b.length] ?? limit + 1;
}

export interface Named {
	id: string;
	name: string;
	aliases: readonly string[];
}

/** Called when a later entry claims a name an earlier one holds; the later entry does not get that name. */
export type NameClash<T> = (name: string, holder: T, claimant: T) => void;

/**
 * An index from normalized names (id, name, aliases) to entries.
 * Ambiguous keys (two entries claiming one alias) are never resolved by chance: a lookup must never silently pick
 * one of two GPUs. Without `onClash` a clash throws (the built-in data must be unambiguous); with it, the earlier
 * entry keeps the name and the clash is reported (a user's entry costs only its clashing name).
 */
export class NameIndex<T extends Named> {
	private readonly byKey = new Map<string, T>();
	private readonly keys: { key: string; entry: T }[] = [];
	private readonly entries: T[] = [];

	constructor(readonly what: string, entries: readonly T[], onClash?: NameClash<T>) {
		for (const entry of entries) {
			const names = new Set([entry.id, entry.name, ...entry.aliases].map(normalizeName));
			let named = false;
			for (const key of names) {
				if (!key) continue;
				const other = this.byKey.get(key);
				if (other && other !== entry) {
					if (!onClash) throw new Error(`${what} name "${key}" is claimed by both ${other.id} and ${entry.id}`);
					onClash(key, other, entry);
					continue;
				}
				this.byKey.set(key, entry);
				this.keys.push({ key, entry });
				named = true;
			}
			if (named) this.entries.push(entry);
		}
	}

	get(name: string): T | undefined {
		return this.byKey.get(normalizeName(name));
	}

	/** Up to `max` entry names closest to `name`: prefix/containment matches first, then by edit distance. */
	suggest(name: string, max = 3): string[] {
		const q = normalizeName(name);
		if (!q) return [];
		const scored = new Map<T, number>();
		for (const { key, entry } of this.keys) {
			let score: number;
			if (key.startsWith(q) || q.startsWith(key)) score = Math.abs(key.length - q.length) * 0.01;
			else if (key.includes(q) || q.includes(key)) score = 0.5 + Math.abs(key.length - q.length) * 0.01;
			else {
				const limit = Math.max(2, Math.floor(q.length / 3));
				const d = editDistance(q, key, limit);
				if (d > limit) continue;
				score = 1 + d;
			}
			const best = scored.get(entry);
			if (best === undefined || score < best) scored.set(entry, score);
		}
		return [...scored.entries()]
			.sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name))
			.slice(0, max)
			.map(([e]) => e.name);
	}

	/** Every entry reachable by at least one name, in the order given. */
	all(): T[] {
		return [...this.entries];
	}
}
