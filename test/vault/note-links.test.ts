import { describe, expect, it } from "vitest";
import { namedNotes, namesInProse } from "../../src/vault/note/named-notes";
import { wikilinkTargets } from "../../src/vault/note/wikilinks";

describe("namedNotes", () => {
	it("reads ordinal prose", () => {
		const text = "Three notes relate: First, Power Delivery Basics which frames the budget; Second, Rack Layout for Dense Nodes that places the cards; Third, vLLM Flag Reference, a list.";
		expect(namedNotes(text)).toEqual(["Power Delivery Basics", "Rack Layout for Dense Nodes", "vLLM Flag Reference"]);
	});
	it("keeps lower-case words inside a short name, falls back to the capitalised run", () => {
		expect(namedNotes("First, Заметки о Blackwell that compares")).toEqual(["Заметки о Blackwell"]);
		expect(namedNotes("First, Cooling Budget shapes how long the card keeps its boost clock under load; Second, Noise that annoys.")).toEqual(["Cooling Budget", "Noise"]);
		expect(namedNotes("Firstly: Bus Width Notes. Secondly, (2) Clock Notes which")).toEqual(["Bus Width Notes", "Clock Notes"]);
	});
	it("prefers wikilinks, reads YAML lists and short comma lists, ignores plain prose", () => {
		expect(namedNotes("See [[A Note]] and [[folder/B Note.md|bee]] which explains First, Not This")).toEqual(["A Note", "B Note"]);
		expect(namedNotes(["One", "[[Two]]"])).toEqual(["Two"]);
		expect(namedNotes(["One", "Two", 3])).toEqual(["One", "Two", "3"]);
		expect(namedNotes("Alpha Note, Beta Note; Gamma")).toEqual(["Alpha Note", "Beta Note", "Gamma"]);
		expect(namedNotes("This note loops back into the others. It names none of them.")).toEqual([]);
		expect(namedNotes({ a: 1 })).toEqual([]);
	});
});

describe("wikilinkTargets", () => {
	it("strips headings, aliases, folders, .md; skips embedded attachments", () => {
		expect(wikilinkTargets("[[Note#Part|shown]] [[dir/Other.md]] ![[pic.png]] ![[Embedded Note]] [[]]")).toEqual(["Note", "Other", "Embedded Note"]);
	});
});

describe("ordinals and names that contain ordinal words", () => {
	it("an ordinal word inside a title is part of the title, not a new item", () => {
		expect(namesInProse("First, Scaling to a Second Workstation GPU which doubles memory; Second, Quantization Formats which shrink it.")).toEqual([
			"Scaling to a Second Workstation GPU", "Quantization Formats",
		]);
	});

	it("capitalised clause words inside a title stay in it", () => {
		expect(namesInProse("First, Serving Engine Choice; Second, A Note That Does Not Exist Yet.")).toEqual(["Serving Engine Choice", "A Note That Does Not Exist Yet"]);
	});

	it("'None.' names no note", () => {
		expect(namesInProse("None.")).toEqual([]);
		expect(namesInProse("n/a")).toEqual([]);
	});
});
