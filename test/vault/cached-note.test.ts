/**
 * Warm-start cache entries are plugin state on disk: anything can be there. readCachedNote accepts exactly the notes
 * parseNote makes, for the path they are filed under, and refuses everything else (the plugin then parses the note).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNote, readCachedNote } from "../../src/vault/index";
import { fcParams } from "../fc-params";
import { fixtureNote } from "./helpers";

const CARD = "Hardware/Workstation Card Planning.md";

describe("readCachedNote", () => {
	it("gives back what parseNote made, through JSON", () => {
		const note = parseNote(CARD, fixtureNote(CARD));
		const back = readCachedNote(JSON.parse(JSON.stringify(note)), CARD);
		expect(back).toEqual(note);
		expect(Object.getPrototypeOf(back?.properties)).toBeNull();
	});

	it("refuses garbage, wrong types, another note's entry and other parser versions", () => {
		const note = JSON.parse(JSON.stringify(parseNote(CARD, fixtureNote(CARD)))) as Record<string, unknown>;
		for (const bad of [
			"garbage", {}, null, 42, [], { ...note, tags: "x" }, { ...note, title: 7 }, { ...note, mentions: ["gpu:h100", 1] },
			{ ...note, mentions: [1, 2, 3, 4, 5] }, { ...note, links: [{ kind: "feedback", name: "A", key: "" }] },
			{ ...note, version: 1 }, { ...note, blocks: [{ line: -1, source: "" }] }, { ...note, diagnostics: "none" },
		]) expect(readCachedNote(bad, CARD), JSON.stringify(bad).slice(0, 80)).toBeUndefined();
		expect(readCachedNote(note, "Other.md")).toBeUndefined();
	});

	it("a __proto__ property stays data and forges nothing", () => {
		const note = JSON.parse(JSON.stringify(parseNote("__proto__", "---\ntitle: P\n---\n"))) as Record<string, unknown>;
		const raw = JSON.parse(`{"__proto__": ${JSON.stringify({ ...note, properties: JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as unknown })}}`) as Record<string, unknown>;
		const back = readCachedNote(raw.__proto__, "__proto__");
		expect(back?.title).toBe("P");
		expect(back?.properties.ok).toBe(1);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it("never throws and never accepts a mangled entry of a real note (fuzz)", () => {
		const base = JSON.parse(JSON.stringify(parseNote(CARD, fixtureNote(CARD)))) as Record<string, unknown>;
		const keys = Object.keys(base);
		// Cache files are JSON: what a mangled entry can hold is a JSON value.
		fc.assert(fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
			const mangled = JSON.parse(JSON.stringify({ ...base, [key]: value })) as unknown;
			const back = readCachedNote(mangled, CARD);
			// What is accepted is a note in the shape parseNote makes: it survives the cache's JSON round trip as is.
			if (back !== undefined) expect(readCachedNote(JSON.parse(JSON.stringify(back)), CARD)).toEqual(back);
		}), fcParams({ numRuns: 300 }));
	});
});
