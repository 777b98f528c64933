/**
 * The warm-start cache's file format: one shard of entries by path, sealed with a checksum of its entries' JSON text.
 *
 * Why a seal: checking every cached note with the zod schema (and re-parsing its gpufit blocks) made a warm start of
 * a 10k-note vault ~3× slower than before the check (1.8 s against 0.54 s, measured with the plugin bench). A shard
 * whose checksum matches is exactly what this plugin wrote from notes it had parsed, so its entries are used as they
 * are (after the version and path checks); a shard that was damaged — a crash mid-write, a sync conflict, a hand edit
 * — fails the seal, and every entry in it goes through the full zod check (`readCachedNote`), so a bad entry still
 * costs only its note. The checksum guards against accidents, not an attacker: whoever can write the plugin's folder
 * can replace main.js too.
 */
import { PARSED_NOTE_VERSION, type ParsedNote } from "../types";
import { readCachedNote } from "./cached-note";
import { plainObject } from "./plain-data";

const ENTRIES = ',"entries":';

/** FNV-1a over UTF-16 code units: fast in JS, and any one-character change alters it. */
export function checksum(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}

/** A shard's file text: version, checksum of the entries' JSON, then the entries (last, so they can be sliced out). */
export function sealShard(pluginVersion: string, entries: Record<string, unknown>): string {
	const body = JSON.stringify(entries);
	return `{"pluginVersion":${JSON.stringify(pluginVersion)},"checksum":${checksum(body)}${ENTRIES}${body}}`;
}

export interface OpenedShard {
	entries: [string, unknown][];
	/** The seal matched: entries are this plugin's own writes. */
	sealed: boolean;
}

/** A shard's entries, or undefined when the text is not a shard of this plugin version (the caller rewrites it). */
export function openShard(text: string, pluginVersion: string): OpenedShard | undefined {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
	const shard = raw as { pluginVersion?: unknown; checksum?: unknown; entries?: unknown };
	if (shard.pluginVersion !== pluginVersion || typeof shard.entries !== "object" || shard.entries === null || Array.isArray(shard.entries)) return undefined;
	const at = text.indexOf(ENTRIES);
	const sealed = typeof shard.checksum === "number" && at >= 0 && text.endsWith("}") && checksum(text.slice(at + ENTRIES.length, -1)) === shard.checksum;
	return { entries: Object.entries(shard.entries), sealed };
}

/**
 * A cached note from a sealed shard: its version and path are checked and its properties copied into a
 * null-prototype object; everything else is used as written. From an unsealed shard, the full check.
 */
export function cachedNoteFrom(value: unknown, path: string, sealed: boolean): ParsedNote | undefined {
	if (!sealed) return readCachedNote(value, path);
	if (typeof value !== "object" || value === null) return undefined;
	const n = value as ParsedNote;
	if (n.version !== PARSED_NOTE_VERSION || n.path !== path || typeof n.properties !== "object" || n.properties === null || !Array.isArray(n.blocks)) return undefined;
	const properties = plainObject();
	for (const [k, v] of Object.entries(n.properties)) if (k !== "__proto__") properties[k] = v as never;
	return { ...n, properties };
}
