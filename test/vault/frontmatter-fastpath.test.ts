/**
 * The frontmatter fast path (src/vault/note/yaml-engine.ts) against js-yaml 3's safeLoad: whenever the fast path gives a
 * value it must be exactly safeLoad's (same types, Dates, key order), and it must give up (undefined) on anything
 * safeLoad rejects. Differential fast-check property over a grammar of accepted shapes and near misses, plus every
 * real note we have (fixture vault, example vault, the seed) and 2,000 bench notes, which must take the fast path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { safeLoad } from "js-yaml";
import { describe, expect, it } from "vitest";
import { syntheticNote } from "../../bench/vault-gen";
import matter from "gray-matter";
import { plainFrontmatter } from "../../src/vault/note/plain-data";
import { readNote } from "../../src/vault/note/read-frontmatter";
import { fastLoadFrontmatter } from "../../src/vault/note/yaml-engine";
import { FIXTURE_VAULT, seedText } from "./helpers";

const EXAMPLE_VAULT = join(__dirname, "../../example-vault");

/** A canonical, type-tagged form: Dates, -0, NaN, prototypes and key order all show. */
function typed(v: unknown): unknown {
	if (v === null) return ["null"];
	if (v === undefined) return ["undefined"];
	if (v instanceof Date) return ["date", v.getTime()];
	if (Array.isArray(v)) return ["array", v.map(typed)];
	switch (typeof v) {
		case "number":
			return ["number", Object.is(v, -0) ? "-0" : String(v)];
		case "string":
		case "boolean":
			return [typeof v, v];
		case "object": {
			const proto: unknown = Object.getPrototypeOf(v);
			return ["object", proto === Object.prototype ? "plain" : String(proto), Object.keys(v).map((k) => [k, typed((v as Record<string, unknown>)[k])])];
		}
		default:
			return ["other", typeof v];
	}
}

type Outcome = { ok: true; value: unknown } | { ok: false };
function reference(block: string): Outcome {
	try {
		return { ok: true, value: safeLoad(block) };
	} catch {
		return { ok: false };
	}
}

/** The property: a fast result equals safeLoad's; no fast result where safeLoad throws. Returns whether fast was taken. */
function check(block: string): boolean {
	const fast = fastLoadFrontmatter(block);
	const ref = reference(block);
	if (fast === undefined) return false;
	if (!ref.ok) throw new Error(`fast path accepted what safeLoad rejects: ${JSON.stringify(block)}`);
	expect(typed(fast), JSON.stringify(block)).toEqual(typed(ref.value));
	return true;
}

/** What gray-matter hands its YAML engine for a note (undefined: no frontmatter, or none to parse). */
const blockOf = (text: string): string | undefined => {
	let block: string | undefined;
	matter(text.replace(/\r\n?/g, "\n"), { engines: { yaml: { parse: (s: string) => { block = s; return {}; } } } });
	return block;
};

// ---- The grammar -------------------------------------------------------------------------------------------------

const KEYS = ["title", "tags", "category", "description", "created", "updated", "Receptor", "FeedbackLoop", "a", "_x", "k-1", "key_2", "aliases"];
const NEAR_KEYS = ["true", "True", "FALSE", "null", "Null", "NULL", "__proto__", "constructor", "hasOwnProperty", "key with space", '"quoted"', "'single'", "1key", "123", "-k", "k:x", "ключ", "<<", "~", "a#b", "a b", "?k", "k ", ".5", "0x1F", "2025-01-01", "e1", "inf"];

/** Plain scalars the fast path takes: strings, numbers, bools, nulls, dates (all resolved by js-yaml's types). */
const PLAIN_GOOD = [
	"GPU Quantization and Scaling Strategy", "AI & Cognitive Science", "word", "two words", "S13_Hardware", "rtx-6000-pro-b-class",
	"1", "-1", "+1", "0", "-0", "007", "0o7", "0x1F", "0xZZ", "0b101", "0b", "1_000", "1_", "_1", "1:20", "1:20:30", "1:70", "-1:20", "190:20:30.15",
	"1.5", "-1.5", ".5", "1.", "1e3", "1E3", "1.0e+3", "1e", "6.8523015e+5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "NaN", "Infinity", "1_000.5_",
	"true", "True", "TRUE", "tRue", "false", "False", "FALSE", "yes", "no", "on", "off", "Yes", "y", "n",
	"null", "Null", "NULL", "nULL", "~", "~x",
	"2025-09-06", "2025-09-06 08:18:58", "2025-9-6 8:18:58", "2025-09-06T08:18:58Z", "2025-09-06t08:18:58", "2025-09-06 08:18:58.5 +02:00",
	"2025-09-06 08:18:58.123456-5", "2025-09-06  08:18:58 Z", "2025-13-45", "2025-09-06 25:61:61", "2025-09-06x", "20250906", "2025-09",
	"a:b", "http://x.y/z", "a#b", "-x", "--", "---", "...", "a [b] {c}", "a, b", "<<", "=", "x!", "a|b", "a'b", "a\"b", "a\\b",
	"Объясняются различия", "RTX 6000 PRO B с 98 ГБ", "Qwen3‑30B", "📁 файл", "é", "x\u00a0", "\u00a0nbsp",
];
/** Plain-looking text the fast path must refuse (or that js-yaml reads as something else). */
const PLAIN_NEAR = [
	"a: b", "a:", "a #b", "#tag", "a # b", "- x", "-", "?x", "? x", ":x", ": x", "&anchor x", "*alias", "!tag x", "!!str 1", "%x", "@x", "`x",
	"|", "|-", ">", "[a]", "[a, b]", "{a: 1}", "{a}", "a\u2028b", "a\u0085b", "a\x7fb", "a\tb", "\ufeffbom", "\ud83d", "a\rb", "a\x00b", "\udc00x", "x\ud83d\ud83d\udcc1", "\ufffe", "\u2029",
];
const DQ_GOOD = ["plain text", "#S13_Hardware", "a: b", "a #b", "'", "''", "", " lead", "trail ", "Объясняются", "📁", "[a]", "|"];
const DQ_NEAR = ["\\n", "\\t", "\\\"", "\\\\", "\\x41", "\\u00e9", "\\U0001F600", "\\q", "\\", "\\ ", "\\0", "\\/", "\t", "a\u2028b", "\ud83d", "\""];
const SQ_GOOD = ["plain text", "#S13_Hardware", "a: b", "''", "it''s", "", " lead", "trail ", "\\n", "\"", "Объясняются"];
const SQ_NEAR = ["'", "\t", "a'b"];

const atom = (list: readonly string[]) => fc.constantFrom(...list);

/**
 * The document grammar. A clean document uses only shapes the fast path should take (so the test shows it is
 * taken, and equal); a noisy one mixes in near misses everywhere (so the test shows it refuses them).
 */
function grammar(noisy: boolean) {
	/** Mostly `good`, in a noisy document sometimes one of `near`. */
	const mixed = (good: readonly string[], near: readonly string[], weight = 20) =>
		!noisy || near.length === 0 ? atom(good) : fc.oneof({ weight, arbitrary: atom(good) }, { weight: 1, arbitrary: atom(near) });
	const usually = (good: string, near: readonly string[], weight = 10) => mixed([good], near, weight);
	const phrase = (good: readonly string[], near: readonly string[] = []) =>
		fc.array(mixed(good, near), { minLength: 1, maxLength: 3 }).map((a) => a.join(" "));

	/** A scalar as it would be written after `key: ` or `- `, on one line. */
	const lineScalar: fc.Arbitrary<string> = fc.oneof(
		{ weight: 12, arbitrary: phrase(PLAIN_GOOD, PLAIN_NEAR) },
		{ weight: 6, arbitrary: fc.tuple(phrase(DQ_GOOD, DQ_NEAR), usually('"', ["", '" x', '"  ', '" # c'])).map(([s, end]) => `"${s}${end}`) },
		{ weight: 3, arbitrary: fc.tuple(phrase(SQ_GOOD, SQ_NEAR), usually("'", ["", "' x", "'  "])).map(([s, end]) => `'${s}${end}`) },
		{ weight: 3, arbitrary: fc.tuple(fc.array(mixed(PLAIN_GOOD.filter((a) => !/[,[\]{}#:'"]/.test(a)), PLAIN_GOOD.concat(PLAIN_NEAR), 5), { maxLength: 4 }), mixed([", ", ","], [" , ", ",, "]), usually("]", ["", "] x", "]  ", ",]"])).map(([items, sep, end]) => `[${items.join(sep)}${end}`) },
		{ weight: noisy ? 1 : 0, arbitrary: fc.string({ unit: fc.constantFrom("a", "b", " ", ":", "#", "-", '"', "'", "\\", "[", "]", ",", "{", "}", "|", ">", "!", "&", "*", "?", ".", "1", "Я", "\t"), maxLength: 8 }) },
	);

	/** Lines of a block scalar body at indentation `indent`: more indented lines, empty lines; noisy: less indented, blank lines. */
	const blockBody = (indent: number) => fc.array(
		fc.tuple(
			fc.oneof({ weight: 12, arbitrary: fc.constant(indent) }, { weight: 2, arbitrary: fc.constantFrom(indent + 1, indent + 2) }, { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom(Math.max(0, indent - 1), 0) }),
			phrase(PLAIN_GOOD.concat(["x  ", "# not a comment", "- dash", "k: v", "\"q\" 'q'"]), PLAIN_NEAR),
			fc.constantFrom("", "", "  ", " "),
			fc.oneof({ weight: 8, arbitrary: fc.constant<string[]>([]) }, { weight: 2, arbitrary: fc.constantFrom([""], ["", ""]) }, { weight: noisy ? 1 : 0, arbitrary: fc.constantFrom([" "], [" ".repeat(indent)], [" ".repeat(indent + 1)]) }),
		),
		{ minLength: noisy ? 0 : 1, maxLength: 5 },
	).map((rows) => rows.flatMap(([ind, text, trail, before], i) => [...(i === 0 && !noisy ? [] : before), " ".repeat(ind) + text + trail]));
	const blockHeader = mixed(["|", "|-", "|-"], ["|+", ">", ">-", "|2", "|-  ", "| # c", "|x", "|-2", "|+-"], 8);

	/** A value after `key:`, possibly spanning lines: the same-line part and the following lines. */
	const mappingValue: fc.Arbitrary<{ inline: string; lines: string[] }> = fc.oneof(
		{ weight: 12, arbitrary: lineScalar.map((s) => ({ inline: s, lines: [] })) },
		// a scalar followed by a continuation line (folded multi-line scalars)
		{ weight: noisy ? 1 : 0, arbitrary: fc.tuple(lineScalar, fc.constantFrom(" ", "  ", "    "), phrase(PLAIN_GOOD)).map(([s, ind, more]) => ({ inline: s, lines: [ind + more] })) },
		{ weight: 3, arbitrary: fc.tuple(blockHeader, fc.constantFrom(1, 2, 2, 4)).chain(([h, ind]) => blockBody(ind).map((body) => ({ inline: h, lines: body }))) },
		{ weight: 1, arbitrary: fc.constant({ inline: "", lines: [] as string[] }) },
		{ weight: 6, arbitrary: fc.tuple(fc.constantFrom(0, 2, 2, 2, 4), fc.array(fc.oneof(
			{ weight: 10, arbitrary: lineScalar.map((s) => ({ head: s, more: [] as string[], indentDelta: 0, dash: "- " })) },
			{ weight: 4, arbitrary: fc.tuple(blockHeader, fc.constantFrom(1, 2, 2, 3)).chain(([h, extra]) => blockBody(extra).map((body) => ({ head: h, more: body, indentDelta: 0, dash: "- " }))) },
			{ weight: noisy ? 1 : 0, arbitrary: fc.tuple(lineScalar, fc.constantFrom(-2, -1, 1, 2), fc.constantFrom("- ", "-  ", "-", "- - ", "-x")).map(([s, d, dash]) => ({ head: s, more: [] as string[], indentDelta: d, dash })) },
			{ weight: noisy ? 1 : 0, arbitrary: fc.tuple(lineScalar, fc.constantFrom(1, 2, 3)).map(([s, extra]) => ({ head: s, more: [`${" ".repeat(extra)}continued`], indentDelta: 0, dash: "- " })) },
			{ weight: noisy ? 1 : 0, arbitrary: fc.constant({ head: "", more: [] as string[], indentDelta: 0, dash: "-" }) },
			{ weight: 1, arbitrary: lineScalar.map((s) => ({ head: s, more: [""], indentDelta: 0, dash: "- " })) },
		), { minLength: 1, maxLength: 5 })).map(([indent, items]) => ({
			inline: "",
			lines: items.flatMap((it) => {
				const ind = Math.max(0, indent + it.indentDelta);
				return [`${" ".repeat(ind)}${it.dash}${it.head}`, ...it.more.map((l) => (l === "" ? l : " ".repeat(indent) + l))];
			}),
		})) },
	);

	const keyArb = mixed(KEYS, NEAR_KEYS, 30);
	const separator = mixed([": ", ":  "], [":", ":\t", " : ", ":x"], 20);
	const entry = fc.tuple(keyArb, separator, mappingValue, mixed(["", "", " ", "  "], ["\t", " #c"])).map(([key, sep, value, trail]) => ({
		key,
		lines: [`${key}${value.inline === "" ? ":" : sep}${value.inline}${value.inline === "" ? "" : trail}`, ...value.lines],
	}));
	const entries = noisy ? fc.array(entry, { minLength: 1, maxLength: 8 }) : fc.uniqueArray(entry, { minLength: 1, maxLength: 8, selector: (e) => e.key });
	const extraLine = fc.constantFrom("# comment", "  ", "---", "...", "- stray", "  indented: x", "%YAML 1.1", "\t", "a", "k: &x v", "k: *x", "<<: {a: 1}");
	return fc.tuple(
		mixed(["\n"], ["", "  \n", "\n\n", "\ufeff\n", "\r\n", "# c\n"], 5),
		entries,
		noisy ? fc.array(fc.tuple(fc.nat(8), extraLine), { maxLength: 2 }) : fc.constant([]),
		mixed(["", "", "\n", "\n\n"], ["\n  ", "\n# c", "\r\n"]),
		fc.array(fc.nat(8), { maxLength: noisy ? 1 : 0 }),
	).map(([lead, list, extras, tail, crlf]) => {
		const lines = list.flatMap((e) => e.lines);
		for (const [at, line] of extras) lines.splice(at % (lines.length + 1), 0, line);
		let text = lead + lines.join("\n") + tail;
		for (const at of crlf) text = text.replace(/\n/g, (m, i: number) => (i % 9 === at ? "\r\n" : m));
		return text;
	});
}

const documentArb = fc.oneof(grammar(false), grammar(true));

// ---- Tests -------------------------------------------------------------------------------------------------------

describe("frontmatter fast path vs js-yaml safeLoad", () => {
	it("gives safeLoad's exact value or falls back (differential property)", () => {
		let fast = 0;
		let total = 0;
		fc.assert(fc.property(documentArb, (doc) => {
			total++;
			if (check(doc)) fast++;
		}), { numRuns: Number(process.env.FASTPATH_RUNS ?? 4000) });
		// The grammar must exercise the fast path a lot, and the fallbacks too.
		expect(fast / total).toBeGreaterThan(0.3);
		expect(fast / total).toBeLessThan(0.8);
	});

	it("handles hand-picked shapes exactly", () => {
		const docs = [
			"\ntags:\n  - a\n  - |-\n    x  \n    y  \n  - \"#S13_Hardware\"\ntitle: T",
			"\ntags:\n- a\n- b\nnext: 1",
			"\nk: |\n  one\n\n  two\n\n\nz: 2",
			"\nk: |-\n  one\n    more\n  two\n",
			"\nk:\n  - |\n    a\n\n  - b",
			"\nk: [a, 1, true, null, 2025-01-01, .5]",
			"\nk: []\nj: [ ]",
			"\nk: 'it''s'\nj: \"a: b # c\"",
			"\nk:\nj:\n",
			"\nupdated: 2025-09-06 08:18:58\ncreated: 2025-08-11",
			"\nk: 0x1F\nj: 1:20\nl: -.inf\nm: ~\nn: 1_000",
			"\nk: v\nk: w",
			"\nk: v\n  more",
			"\nk: \"a\\nb\"",
			"\n__proto__: x",
			"\ntrue: x",
		];
		for (const d of docs) check(d);
		expect(fastLoadFrontmatter(docs[0] ?? "")).toEqual({ tags: ["a", "x  \ny  ", "#S13_Hardware"], title: "T" });
		expect(fastLoadFrontmatter("\nk: v\nk: w")).toBeUndefined();
		expect(() => safeLoad("\nk: v\nk: w")).toThrow();
	});

	it("every fixture, example-vault and seed note parses identically", () => {
		const texts: string[] = [];
		const walk = (dir: string): void => {
			for (const name of readdirSync(dir).sort()) {
				if (name.startsWith(".")) continue;
				const full = join(dir, name);
				if (statSync(full).isDirectory()) walk(full);
				else if (name.endsWith(".md")) texts.push(readFileSync(full, "utf8"));
			}
		};
		walk(FIXTURE_VAULT);
		if (existsSync(EXAMPLE_VAULT)) walk(EXAMPLE_VAULT);
		const seed = seedText();
		if (seed !== undefined) texts.push(seed);
		expect(texts.length).toBeGreaterThan(10);
		let withFrontmatter = 0;
		for (const text of texts) {
			const block = blockOf(text);
			if (block === undefined) continue;
			withFrontmatter++;
			check(block);
			// And the whole read agrees with gray-matter's own (default engine, a fast path or not).
			const ref = reference(block);
			if (!ref.ok || ref.value === null || typeof ref.value !== "object" || Array.isArray(ref.value)) continue;
			const expected = plainFrontmatter(matter(text.replace(/\r\n?/g, "\n"), {}).data, () => undefined, []);
			expect(JSON.stringify(readNote(text).data)).toBe(JSON.stringify(expected));
		}
		expect(withFrontmatter).toBeGreaterThan(10);
		if (seed !== undefined) expect(fastLoadFrontmatter(blockOf(seed) ?? "")).toBeDefined();
	});

	it("takes the fast path on 2,000 bench notes, with safeLoad's result", () => {
		let fallbacks = 0;
		for (let i = 0; i < 2000; i++) {
			const block = blockOf(syntheticNote(i, 2000).text);
			if (block === undefined || !check(block)) fallbacks++;
		}
		expect(fallbacks).toBe(0);
	});
});
