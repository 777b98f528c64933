import fc from "fast-check";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { fcParams } from "../fc-params";
import { ADVICE_PROPERTY, applyAdvice, describeWrite, END_MARKER, lineEnding, START_MARKER, UPDATED_PROPERTY } from "../../src/estimator/advice/write-back";

const SECTION = "## Scaling advice\n\n**Recommendation: Add 1× RTX PRO 6000**\n\n| # | Option |\n| ---: | --- |\n| 1 | Add 1× RTX PRO 6000 |\n\n_Computed for 2026-11-29 with the GPU Fit catalog (x)._";
const PROPS = { advice: "Add 1× RTX PRO 6000", updated: "2026-11-29" };

/** The text with the managed section (markers included) and the two property lines taken out. */
function strip(text: string): string {
	const start = text.indexOf(START_MARKER);
	const endAt = text.indexOf(END_MARKER);
	let out = text;
	if (start >= 0 && endAt >= 0) {
		let end = endAt + END_MARKER.length;
		if (out.slice(end, end + 2) === "\r\n") end += 2;
		else if (out[end] === "\n") end += 1;
		out = out.slice(0, start) + out.slice(end);
	}
	const lines = out.split("\n").map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l));
	return lines.filter((l) => !l.startsWith(`${ADVICE_PROPERTY}:`) && !l.startsWith(`${UPDATED_PROPERTY}:`)).join("");
}

const frontmatterOf = (text: string) => {
	const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	return m ? (yaml.safeLoad(m[1] ?? "") as Record<string, unknown>) : undefined;
};

describe("write-back: basics", () => {
	it("appends a section and adds the properties to a note without frontmatter", () => {
		const r = applyAdvice("# Title\n\nSome text.\n", SECTION, PROPS);
		expect(r.status).toBe("written");
		expect(r.appended).toBe(true);
		expect(r.text).toBe(`---\n${ADVICE_PROPERTY}: "Add 1× RTX PRO 6000"\n${UPDATED_PROPERTY}: 2026-11-29\n---\n# Title\n\nSome text.\n\n${START_MARKER}\n${SECTION}\n${END_MARKER}\n`);
	});

	it("replaces the section in place and keeps everything around it", () => {
		const before = `---\ntitle: X\n${ADVICE_PROPERTY}: "Keep"\n${UPDATED_PROPERTY}: 2026-01-01\ntags: [a]\n---\nintro  \n${START_MARKER}\nold advice\n${END_MARKER}\ntail text\n`;
		const r = applyAdvice(before, SECTION, PROPS);
		expect(r.status).toBe("written");
		expect(r.previousAdvice).toBe("Keep");
		expect(r.text).toBe(`---\ntitle: X\n${ADVICE_PROPERTY}: "Add 1× RTX PRO 6000"\n${UPDATED_PROPERTY}: 2026-11-29\ntags: [a]\n---\nintro  \n${START_MARKER}\n${SECTION}\n${END_MARKER}\ntail text\n`);
		expect(describeWrite("Notes/X.md", r, PROPS.advice)).toBe('X: recommendation changed from "Keep" to "Add 1× RTX PRO 6000".');
	});

	it("is idempotent, and the same advice on a later day changes nothing (not even the date)", () => {
		const first = applyAdvice("note\n", SECTION, PROPS);
		const second = applyAdvice(first.text, SECTION, PROPS);
		expect(second.status).toBe("unchanged");
		expect(second.text).toBe(first.text);
		const later = applyAdvice(first.text, SECTION.replace("2026-11-29", "2026-12-24"), { ...PROPS, updated: "2026-12-24" });
		expect(later.status).toBe("unchanged");
		expect(later.previousDate).toBe("2026-11-29");
		expect(describeWrite("n.md", later, PROPS.advice)).toBe("n: scaling advice unchanged (Add 1× RTX PRO 6000, computed 2026-11-29).");
	});

	it("writes with the note's own line endings and keeps its BOM", () => {
		const note = "\uFEFF---\r\ntitle: Квантование\r\n---\r\nТекст  \r\n";
		const r = applyAdvice(note, SECTION, PROPS);
		expect(r.status).toBe("written");
		expect(r.text.startsWith("\uFEFF---\r\ntitle: Квантование\r\n")).toBe(true);
		expect(r.text.replace(/\r\n/g, "")).not.toMatch(/\n/);
		expect(lineEnding(r.text)).toBe("\r\n");
		expect(strip(r.text)).toBe(`${note}\r\n`);
	});

	it("keeps other properties' formatting, comments and order", () => {
		const note = "---\n# my comment\ntags:\n  - a\n  - |-\n    b  \n    c\ncreated: 2025-08-11\nupdated: 2025-09-06 08:18:58\n---\nbody\n";
		const r = applyAdvice(note, SECTION, PROPS);
		expect(r.text.startsWith("---\n# my comment\ntags:\n  - a\n  - |-\n    b  \n    c\ncreated: 2025-08-11\nupdated: 2025-09-06 08:18:58\n")).toBe(true);
		const fm = frontmatterOf(r.text);
		expect(Object.keys(fm ?? {})).toEqual(["tags", "created", "updated", ADVICE_PROPERTY, UPDATED_PROPERTY]);
	});

	it("replaces a property written as a block (and a frontmatter closed at the end of the file)", () => {
		const note = `---\n${ADVICE_PROPERTY}: >-\n  Keep\n  it\nother: 1\n---`;
		const r = applyAdvice(note, SECTION, PROPS);
		expect(r.status).toBe("written");
		expect(r.text.startsWith(`---\n${ADVICE_PROPERTY}: "Add 1× RTX PRO 6000"\nother: 1\n${UPDATED_PROPERTY}: 2026-11-29\n---\n${START_MARKER}\n`)).toBe(true);
	});
});

describe("write-back: damaged sections and frontmatter are reported, never overwritten", () => {
	const cases: [string, string, RegExp][] = [
		["start without end", `a\n${START_MARKER}\nold\n`, /start marker \(line 2\) has no end marker/],
		["end without start", `a\nold\n${END_MARKER}\n`, /end marker \(line 3\) has no start marker/],
		["end before start", `${END_MARKER}\nx\n${START_MARKER}\n`, /comes before the start marker/],
		["repeated start", `${START_MARKER}\n${START_MARKER}\n${END_MARKER}\n`, /start marker appears 2 times/],
		["markers inside a code block", "```markdown\n" + `${START_MARKER}\nold\n${END_MARKER}\n` + "```\n", /line 2 is inside a code block/],
		["a marker in a tilde fence", `---\nt: 1\n---\n~~~\n${END_MARKER}\n~~~\n`, /end marker on line 5 is inside a code block/],
	];
	it.each(cases)("%s", (_name, note, problem) => {
		const r = applyAdvice(note, SECTION, PROPS);
		expect(r.status).toBe("damaged");
		expect(r.text).toBe(note);
		expect(r.problem).toMatch(problem);
		expect(describeWrite("n.md", r, PROPS.advice)).toMatch(/^n: not written\. The advice section is damaged/);
	});

	it("a note that ends inside an unclosed code block gets no section (it would land inside the block)", () => {
		const n = "text\n~~~\ncode\n```\n";
		const r = applyAdvice(n, SECTION, PROPS);
		expect(r.status).toBe("damaged");
		expect(r.problem).toMatch(/the one opened on line 2 is never closed/);
		expect(r.text).toBe(n);
	});

	it("markers quoted in a fenced example do not count when a real section exists too", () => {
		const note = "```\nnot a marker: " + START_MARKER + "\n```\n" + `${START_MARKER}\nold\n${END_MARKER}\n`;
		const r = applyAdvice(note, SECTION, PROPS);
		expect(r.status).toBe("written");
	});

	it.each([
		["broken YAML", "---\ntitle: [unclosed\n---\nbody\n", /frontmatter YAML is invalid/],
		["an unclosed frontmatter", "---\ntitle: x\nbody\n", /never closed/],
		["a duplicated advice property", `---\n${ADVICE_PROPERTY}: a\n${ADVICE_PROPERTY}: b\n---\n`, /invalid|appears 2 times/],
	])("%s", (_name, note, problem) => {
		const r = applyAdvice(note, SECTION, PROPS);
		expect(r.status).toBe("invalid-frontmatter");
		expect(r.text).toBe(note);
		expect(r.problem).toMatch(problem);
	});
});

// ---- property tests

const lineText = fc.stringMatching(/^[A-Za-z0-9 #*_>\-[\]()|:.,'"Ωж`~\t]{0,30}$/).filter((s) => !s.includes("gpufit-advice") && !/^\s*(`{3,}|~{3,})/.test(s) && s.trim() !== "---");
const bodyLines = fc.array(fc.oneof({ weight: 6, arbitrary: lineText }, { weight: 1, arbitrary: fc.constantFrom("```js", "```", "~~~", "", "   ") }), { maxLength: 12 });
const frontmatter = fc.option(fc.uniqueArray(fc.constantFrom("title: A note", "tags: [a, b]", "tags:\n  - x\n  - y  ", "n: 3", "# a comment", "desc: >-\n  folded\n  text", "created: 2025-08-11"), { maxLength: 4 }), { nil: undefined });
const note = fc.record({
	bom: fc.boolean(),
	eol: fc.constantFrom("\n", "\r\n"),
	fm: frontmatter,
	body: bodyLines,
	trailing: fc.constantFrom("", "\n", "\n\n"),
}).map(({ bom, eol, fm, body, trailing }) => {
	// Balance fences so a random body never leaves an open code block swallowing the section.
	let open = 0;
	for (const l of body) if (/^(```|~~~)/.test(l)) open++;
	const lines = open % 2 === 1 ? [...body, "```"] : body;
	const head = fm === undefined ? "" : `---${eol}${fm.join("\n").split("\n").join(eol)}${fm.length > 0 ? eol : ""}---${eol}`;
	return (bom ? "\uFEFF" : "") + head + lines.join(eol) + trailing.split("\n").join(eol);
});

describe("write-back: properties (random notes)", () => {
	it("everything outside the section and the two properties is preserved; running twice changes nothing", () => {
		fc.assert(fc.property(note, (text) => {
			const r = applyAdvice(text, SECTION, PROPS);
			if (r.status !== "written") return r.text === text; // only damaged inputs (unbalanced fences) are refused
			const stripped = strip(r.text);
			// The original is the stripped result, up to the line breaks added before the section and the new frontmatter.
			const original = text.startsWith("\uFEFF") ? text.slice(1) : text;
			const s = stripped.startsWith("\uFEFF") ? stripped.slice(1) : stripped;
			const withoutNewFm = /^---\r?\n---\r?\n/.test(s) && !/^---\r?\n---\r?\n/.test(original) ? s.replace(/^---\r?\n---\r?\n/, "") : s;
			expect(withoutNewFm.startsWith(original.replace(/\s+$/, ""))).toBe(true);
			expect(withoutNewFm.slice(original.replace(/\s+$/, "").length)).toMatch(/^\s*$/);
			expect(r.text.startsWith("\uFEFF")).toBe(text.startsWith("\uFEFF"));
			const fm = frontmatterOf(r.text);
			expect(fm?.[ADVICE_PROPERTY]).toBe(PROPS.advice);
			const again = applyAdvice(r.text, SECTION, PROPS);
			expect(again.status).toBe("unchanged");
			expect(again.text).toBe(r.text);
			return true;
		}), fcParams({ numRuns: 300 }));
	});

	it("an existing section is replaced: the bytes before its start line and after its end line are unchanged", () => {
		fc.assert(fc.property(note, note, fc.string({ maxLength: 40 }), (a, b, old) => {
			const eol = lineEnding(a);
			const text = `${a}${a.endsWith("\n") || a === "" ? "" : eol}${START_MARKER}${eol}${old.replace(/[\r\n]/g, " ").replace(/gpufit/g, "")}${eol}${END_MARKER}${eol}${b.replace(/^\uFEFF/, "")}`;
			const r = applyAdvice(text, SECTION, PROPS);
			if (r.status !== "written") return true;
			const startLine = text.indexOf(START_MARKER);
			const endLine = text.indexOf(END_MARKER);
			const rStart = r.text.indexOf(START_MARKER);
			const rEnd = r.text.indexOf(END_MARKER);
			// After the end marker: identical.
			expect(r.text.slice(rEnd)).toBe(text.slice(endLine));
			// Before the start marker: identical except the two property lines.
			const createdFm = !/^\uFEFF?---\r?\n/.test(text);
			const head = strip(r.text.slice(0, rStart));
			expect(createdFm ? head.replace(/^(\uFEFF?)---\r?\n---\r?\n/, "$1") : head).toBe(strip(text.slice(0, startLine)));
			const again = applyAdvice(r.text, SECTION, PROPS);
			expect(again.text).toBe(r.text);
			return true;
		}), fcParams({ numRuns: 200 }));
	});

	it("other frontmatter properties parse to the same values, in the same order", () => {
		fc.assert(fc.property(note, (text) => {
			const r = applyAdvice(text, SECTION, PROPS);
			if (r.status !== "written") return true;
			const before = frontmatterOf(text);
			const after = frontmatterOf(r.text) ?? {};
			const { [ADVICE_PROPERTY]: _a, [UPDATED_PROPERTY]: _u, ...rest } = after;
			expect(JSON.stringify(rest)).toBe(JSON.stringify(before ?? {}));
			return true;
		}), fcParams({ numRuns: 200 }));
	});
});
