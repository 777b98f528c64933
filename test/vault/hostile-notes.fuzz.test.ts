/**
 * Notes made to hurt: YAML alias bombs, deep nesting, huge scalars, thousands of keys / tags / links, long runs of
 * one character, odd encodings. Each must cost only itself: parseNote returns a bounded ParsedNote (its JSON no
 * bigger than a constant plus a multiple of the input), with a diagnostic naming the cap it hit, and an index holding
 * it still answers for the ordinary notes beside it.
 *
 * Speed is a benchmark's business (bench/hostile.bench.ts reports per-class times). The only clock here is a
 * watchdog far above any linear cost, which catches the classes of failure this file is about: work that grows
 * with the square (or exponentially) of a note, which at these sizes takes many seconds to minutes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { VaultIndex, parseNote, type ParsedNote } from "../../src/vault/index";
import { LIMITS } from "../../src/vault/limits";
import { whitespaceRunCost } from "../../src/vault/note/read-frontmatter";
import { fcParams } from "../fc-params";

const catalog = loadCatalog();
const WATCHDOG_MS = 3000;

function parseBounded(text: string, path = "hostile.md"): ParsedNote {
	const t0 = performance.now();
	const note = parseNote(path, text, { catalog });
	const ms = performance.now() - t0;
	expect(ms, `parse took ${ms.toFixed(0)} ms (watchdog ${WATCHDOG_MS} ms)`).toBeLessThan(WATCHDOG_MS);
	// Bounded output: a constant plus what the input itself holds (strings are cut, aliases are not expanded).
	expect(JSON.stringify(note).length).toBeLessThan(300_000 + 2 * text.length);
	expect(note.diagnostics.length).toBeLessThanOrEqual(LIMITS.diagnostics + 1);
	for (const d of note.diagnostics) expect(d.message.length).toBeLessThanOrEqual(LIMITS.diagnosticChars);
	return note;
}

/** `levels` levels of anchors, each a list (or map) of `width` aliases to the level below: width^levels values. */
function aliasBomb(levels: number, width: number, asMap: boolean): string {
	const lines = [`l0: &l0 ${asMap ? "{a: x, b: y}" : "[x, y]"}`];
	for (let i = 1; i <= levels; i++) {
		const items = Array.from({ length: width }, (_, k) => (asMap ? `k${k}: *l${i - 1}` : `*l${i - 1}`)).join(", ");
		lines.push(`l${i}: &l${i} ${asMap ? `{${items}}` : `[${items}]`}`);
	}
	return lines.join("\n");
}

const hostileFrontmatter: fc.Arbitrary<{ name: string; yaml: string }> = fc.oneof(
	fc.record({ levels: fc.integer({ min: 1, max: 9 }), width: fc.integer({ min: 2, max: 10 }), asMap: fc.boolean() })
		.map(({ levels, width, asMap }) => ({ name: `alias bomb ${width}^${levels}`, yaml: `${aliasBomb(levels, width, asMap)}\ntags: [x, *l1]\ntitle: Bomb` })),
	fc.integer({ min: 1, max: 5000 }).map((d) => ({ name: `flow nesting ${d}`, yaml: `deep: ${"[".repeat(d)}${"]".repeat(d)}\ntitle: Deep` })),
	fc.integer({ min: 1, max: 300 }).map((d) => ({ name: `block nesting ${d}`, yaml: `${Array.from({ length: d }, (_, i) => `${" ".repeat(i * 2)}k${i}:`).join("\n")} x\ntitle: Nest` })),
	fc.integer({ min: 1, max: 2_000_000 }).map((n) => ({ name: `huge scalar ${n}`, yaml: `description: ${"a".repeat(n)}\ntitle: Big` })),
	fc.integer({ min: 1, max: 20_000 }).map((n) => ({ name: `${n} keys`, yaml: Array.from({ length: n }, (_, i) => `key${i}: v`).join("\n") })),
	fc.integer({ min: 1, max: 50_000 }).map((n) => ({ name: `${n} tags`, yaml: `tags: [${Array.from({ length: n }, (_, i) => `t${i}`).join(", ")}]` })),
	fc.integer({ min: 1, max: 20_000 }).map((n) => ({ name: `${n} feedback names`, yaml: `FeedbackLoop: "${Array.from({ length: n }, (_, i) => `[[N${i}]]`).join(" ")}"` })),
	fc.integer({ min: 1, max: 60_000 }).map((n) => ({ name: `${n} blank lines then broken YAML`, yaml: `${"\n".repeat(n)}a: [` })),
	fc.integer({ min: 1, max: 30_000 }).map((n) => ({ name: `${n} space-only lines`, yaml: `title: x\n${" \n".repeat(n)}b: 1` })),
	fc.integer({ min: 1, max: 200_000 }).map((n) => ({ name: `${n} colons`, yaml: `k: ${":".repeat(n)}` })),
	fc.integer({ min: 1, max: 100_000 }).map((n) => ({ name: `${n} ordinals`, yaml: `FeedbackLoop: "${"First, A which; ".repeat(n)}"` })),
	fc.constantFrom(
		{ name: "NUL and lone surrogates", yaml: "title: \"a\\u0000b\"\nx: \"\\ud800\"\ntags: [\uD800, \u0000]" },
		{ name: "__proto__ keys", yaml: "__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\ntags: [a]" },
		{ name: "merge keys", yaml: "a: &a {x: 1}\nb: {<<: [*a, *a, *a]}\ntitle: M" },
		{ name: "binary", yaml: "b: !!binary aGVsbG8=\ntitle: Bin" },
		{ name: "non-finite", yaml: "x: .nan\ny: -.inf\ntitle: N" },
	),
);

const hostileBody: fc.Arbitrary<{ name: string; body: string }> = fc.oneof(
	fc.integer({ min: 1, max: 200_000 }).map((n) => ({ name: `${n} × [[`, body: "[[".repeat(n) })),
	fc.integer({ min: 1, max: 50_000 }).map((n) => ({ name: `${n} × [[a|`, body: "[[a|".repeat(n) })),
	fc.integer({ min: 1, max: 100_000 }).map((n) => ({ name: `${n} wikilinks`, body: Array.from({ length: n }, (_, i) => `[[L${i}]]`).join(" ") })),
	fc.integer({ min: 1, max: 1_000_000 }).map((n) => ({ name: `${n} capitals`, body: "A".repeat(n) })),
	fc.integer({ min: 1, max: 500_000 }).map((n) => ({ name: `${n} × 'RTX '`, body: "RTX ".repeat(n) })),
	fc.integer({ min: 1, max: 2000 }).map((n) => ({ name: `${n} gpufit blocks`, body: "```gpufit\nmodel: Qwen3-8B\n```\n".repeat(n) })),
	fc.integer({ min: 1, max: 100_000 }).map((n) => ({ name: `unclosed gpufit block of ${n} lines`, body: `\`\`\`gpufit\n${"model: x\n".repeat(n)}` })),
	fc.integer({ min: 1, max: 1_000_000 }).map((n) => ({ name: `${n} backticks`, body: "`".repeat(n) })),
);

describe("hostile notes cost only themselves", () => {
	it("frontmatter made to hurt is read within its caps", () => {
		fc.assert(fc.property(hostileFrontmatter, ({ yaml }) => {
			const note = parseBounded(`---\n${yaml}\n---\nThe H100 body.\n`);
			// The body is always read: a bad frontmatter never loses the note.
			expect(note.mentions).toContain("gpu:h100-sxm");
		}), fcParams({ numRuns: 60 }));
	});

	it("bodies made to hurt are read within their caps", () => {
		fc.assert(fc.property(hostileBody, ({ body }) => {
			parseBounded(`---\ntitle: Body\n---\n${body}\n`);
		}), fcParams({ numRuns: 40 }));
	});

	it("the worst alias bomb (10^9 values) is a diagnostic naming the cap, and other keys survive", () => {
		const note = parseBounded(`---\n${aliasBomb(9, 10, false)}\ntitle: Survivor\ntags: [kept]\n---\nbody`);
		expect(note.title).toBe("Survivor");
		expect(note.tags.map((t) => t.id)).toEqual(["kept"]);
		expect(note.diagnostics.map((d) => d.message).join("\n")).toMatch(/holds more than [\d,]+ values \(a YAML alias counts each time it is used\)/);
		expect(note.diagnostics.some((d) => d.line !== undefined)).toBe(true);
	});

	it("caps name themselves: tags, links, keys, blocks, nesting, size, blank lines", () => {
		const messages = (text: string): string => parseBounded(text).diagnostics.map((d) => d.message).join("\n");
		expect(messages(`---\ntags: [${Array.from({ length: 3000 }, (_, i) => `t${i}`).join(", ")}]\n---\n`)).toMatch(/more than 2,000 tags; 1,000 are ignored/);
		expect(messages(`---\ntitle: L\n---\n${Array.from({ length: 6000 }, (_, i) => `[[L${i}]]`).join(" ")}`)).toMatch(/links to more than 5,000 notes; 1,000 links are ignored/);
		expect(messages(`---\n${Array.from({ length: 1200 }, (_, i) => `k${i}: v`).join("\n")}\n---\n`)).toMatch(/1,200 keys; only the first 1,000 are read/);
		expect(messages(`---\ntitle: B\n---\n${"```gpufit\nmodel: Qwen3-8B\n```\n".repeat(501)}`)).toMatch(/more than 200 gpufit blocks; 301 are not read/);
		expect(messages(`---\ndeep: ${"[".repeat(100)}${"]".repeat(100)}\n---\n`)).toMatch(/"deep" is nested deeper than 64 levels/);
		expect(messages(`---\nd: ${"x".repeat(1_000_001)}\n---\n`)).toMatch(/Frontmatter is 1,000,00\d characters long \(more than 1,000,000\); it is ignored/);
		expect(messages(`---\n${"\n".repeat(30_000)}a: 1\n---\n`)).toMatch(/run of thousands of blank lines; it is ignored/);
	});

	it("whitespaceRunCost follows gray-matter's regex: linear in ordinary frontmatter, k × L in runs of blank lines", () => {
		expect(whitespaceRunCost("a: 1\nb: 2\n")).toBeLessThan(30);
		expect(whitespaceRunCost("\n".repeat(1000))).toBeGreaterThan(400_000);
		expect(whitespaceRunCost(`${"title: x\n  - y\n".repeat(5000)}`)).toBeLessThan(200_000);
	});

	it("an index with hostile notes still indexes the ordinary ones beside them", () => {
		const index = new VaultIndex({ catalog });
		index.batch(() => {
			index.upsert("Bomb.md", `---\n${aliasBomb(9, 10, true)}\ntags: [S13_Hardware]\n---\n`);
			index.upsert("Brackets.md", `---\ntags: [S13_Hardware]\n---\n${"[[".repeat(100_000)}`);
			index.upsert("Tags.md", `---\ntags: [S13_Hardware, ${Array.from({ length: 10_000 }, (_, i) => `t${i}`).join(", ")}]\n---\n`);
			index.upsert("Plain.md", "---\ntitle: Plain\ntags: [S13_Hardware]\nFeedbackLoop: First, Tags which helps.\n---\nAn RTX 4090.\n");
		});
		const g = index.graph();
		expect(g.edges.filter((e) => e.source === "note:Plain.md").map((e) => e.kind).sort()).toEqual(["feedback", "in-series", "mentions"]);
		expect(g.nodes.filter((n) => n.kind === "tag").length).toBe(2000 - 1);
		expect(index.diagnostics().filter((d) => d.path === "Bomb.md").length).toBeGreaterThan(0);
	});
});

describe("hostile notes and the other readers of frontmatter", () => {
	it("writing scaling advice into a note with an alias bomb is bounded (written or refused, never expanded)", async () => {
		const { applyAdvice } = await import("../../src/estimator/advice/write-back");
		const text = `---\n${aliasBomb(9, 10, true)}\ntitle: Bomb\n---\nBody.\n`;
		const t0 = performance.now();
		const result = applyAdvice(text, "| option |\n|---|\n| keep |", { advice: "keep", updated: "2026-11-29" });
		expect(performance.now() - t0).toBeLessThan(WATCHDOG_MS);
		expect(["written", "invalid-frontmatter"]).toContain(result.status);
		if (result.status === "written") expect(result.text).toContain("gpufit-advice: keep");
	});
});
