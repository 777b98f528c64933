/** The warm-start cache's sealed shards: intact shards are trusted, anything else goes through the zod check. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { cachedNoteFrom, openShard, parseNote, sealShard } from "../../src/vault/index";
import { fcParams } from "../fc-params";
import { fixtureNotes } from "./helpers";

const catalog = loadCatalog();
const VERSION = "0.1.0+test";
const notes = [...fixtureNotes()].map(([path, text]) => parseNote(path, text, { catalog }));
const entries = Object.fromEntries(notes.map((n, i) => [n.path, { mtime: 1000 + i, size: 10 + i, note: n }]));

describe("warm-start cache shards", () => {
	it("a shard as written opens sealed, and its notes come back equal to what was written", () => {
		const opened = openShard(sealShard(VERSION, entries), VERSION);
		expect(opened?.sealed).toBe(true);
		for (const [path, e] of opened?.entries ?? []) {
			const note = cachedNoteFrom((e as { note: unknown }).note, path, true);
			expect(note).toEqual(JSON.parse(JSON.stringify(entries[path]?.note)));
		}
		expect(opened?.entries.length).toBe(notes.length);
	});

	it("any one changed character of the entries breaks the seal (or the JSON): those entries get the full check", () => {
		const text = sealShard(VERSION, entries);
		const start = text.indexOf(',"entries":') + 11;
		fc.assert(fc.property(fc.integer({ min: start, max: text.length - 2 }), fc.integer({ min: 32, max: 0xffff }), (at, code) => {
			const ch = String.fromCharCode(code);
			fc.pre(text[at] !== ch);
			const opened = openShard(text.slice(0, at) + ch + text.slice(at + 1), VERSION);
			expect(opened === undefined || !opened.sealed).toBe(true);
		}), fcParams({ numRuns: 300 }));
	});

	it("another plugin version, a non-object, broken JSON: not a shard (rewritten); an unsealed old-format shard: checked entry by entry", () => {
		const text = sealShard(VERSION, entries);
		expect(openShard(text, "0.0.9")).toBeUndefined();
		expect(openShard("[1,2]", VERSION)).toBeUndefined();
		expect(openShard(text.slice(0, -5), VERSION)).toBeUndefined();
		const old = JSON.stringify({ pluginVersion: VERSION, entries });
		expect(openShard(old, VERSION)?.sealed).toBe(false);
		// Unsealed: the zod check refuses an entry of the wrong shape; sealed or not, another path's note is refused.
		const note = entries[notes[0]?.path ?? ""]?.note;
		expect(cachedNoteFrom({ ...note, tags: "oops" }, note?.path ?? "", false)).toBeUndefined();
		expect(cachedNoteFrom(note, "Elsewhere.md", true)).toBeUndefined();
		expect(cachedNoteFrom(note, "Elsewhere.md", false)).toBeUndefined();
		expect(cachedNoteFrom({ ...note, version: -1 }, note?.path ?? "", true)).toBeUndefined();
	});

	it("a sealed entry's properties land in a null-prototype object, a __proto__ key dropped", () => {
		const note = notes[0];
		if (!note) throw new Error("no fixture notes");
		const raw = JSON.parse(`{"x":1,"__proto__":{"polluted":true}}`) as Record<string, unknown>;
		const back = cachedNoteFrom({ ...JSON.parse(JSON.stringify(note)), properties: raw }, note.path, true);
		expect(Object.getPrototypeOf(back?.properties)).toBeNull();
		expect(back?.properties).toEqual(Object.assign(Object.create(null) as object, { x: 1 }));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
