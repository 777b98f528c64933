/**
 * Hostile `gpufit` blocks (fast-check): aliases nested into bombs, thousands of keys, huge scalars, repeated
 * brackets and spaces. The parse never throws, never expands an alias, and its output is bounded: few issues,
 * short messages. Work is asserted by counting (values visited, bytes of message), never by timing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCK_LIMITS, parseBlockSpec } from "../../src/estimator/block-spec";
import { countValues } from "../../src/estimator/value-budget";

/** A block whose aliases stand for width^depth values, in lists or mappings, used at `use`. */
function aliasBomb(depth: number, width: number, mapping: boolean, use: string): string {
	const lines: string[] = [];
	for (let d = 0; d < depth; d++) {
		const items = Array.from({ length: width }, (_, i) => (d === 0 ? "x" : `*a${d - 1}`));
		lines.push(mapping
			? `a${d}: &a${d} {${items.map((it, i) => `k${i}: ${it}`).join(", ")}}`
			: `a${d}: &a${d} [${items.join(", ")}]`);
	}
	return `${lines.join("\n")}\nmodel: Qwen3-8B\n${use}: *a${depth - 1}\n`;
}

/** Issues and their text stay small whatever the input. */
function expectBounded(r: ReturnType<typeof parseBlockSpec>, inputBytes: number): void {
	expect(r.issues.length).toBeLessThanOrEqual(BLOCK_LIMITS.issues);
	const text = r.issues.reduce((a, i) => a + i.message.length, 0);
	expect(text).toBeLessThanOrEqual(BLOCK_LIMITS.issues * 1_200);
	for (const i of r.issues) expect(i.message.length, i.message.slice(0, 80)).toBeLessThanOrEqual(Math.min(1_200, 400 + inputBytes));
}

describe("alias bombs in blocks", () => {
	it("a block whose aliases stand for 10^9 values is one diagnostic naming the cap", () => {
		for (const use of ["count", "model", "gpu", "show", "context", "unknown-key"]) {
			const src = aliasBomb(9, 10, false, use);
			const r = parseBlockSpec(src);
			expect(r.spec).toBeUndefined();
			expect(r.issues).toHaveLength(1);
			expect(r.issues[0]?.message).toMatch(/more than 10,000 YAML values .*at most 10,000/);
		}
	});

	it("fast-check: any nesting of lists or mappings, anywhere in the block", () => {
		fc.assert(fc.property(
			fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 10 }), fc.boolean(),
			fc.constantFrom("count", "model", "gpu", "quant", "show", "kv-dtype", "split", "ctx", "bogus"),
			(depth, width, mapping, use) => {
				const src = aliasBomb(depth, width, mapping, use);
				const r = parseBlockSpec(src);
				expectBounded(r, src.length);
				const expanded = width ** depth;
				if (expanded * (mapping ? 1 : 1) > BLOCK_LIMITS.values) expect(r.issues[0]?.message).toMatch(/YAML values/);
			},
		), { numRuns: 200 });
	});

	it("counting values stops at the budget: it visits at most the budget, however far aliases expand", () => {
		// A shared list used ten times per level, eight levels: 10^8 values if expanded.
		let visits = 0;
		const counted = <T extends object>(o: T): T => new Proxy(o, { get(t, k, r) { if (typeof k === "string" && /^\d+$/.test(k)) visits++; return Reflect.get(t, k, r) as unknown; } });
		let level: unknown[] = counted(Array.from({ length: 10 }, () => "x"));
		for (let d = 0; d < 8; d++) level = counted(Array.from({ length: 10 }, () => level));
		expect(countValues(level, 10_000)).toBe(10_001);
		expect(visits).toBeLessThanOrEqual(10_000);
	});
});

describe("other hostile blocks", () => {
	it("8,000 keys: one issue, one pass over the lines", () => {
		const src = `model: x\n${Array.from({ length: 8_000 }, (_, i) => `k${i}: 1`).join("\n")}`;
		const r = parseBlockSpec(src);
		expect(r.issues).toHaveLength(1);
		expect(r.issues[0]?.message).toMatch(/8,001 keys; a block takes at most 64/);
	});

	it("many unknown keys: the first problems and a count of the rest", () => {
		const src = `model: x\n${Array.from({ length: 60 }, (_, i) => `unknown${i}: 1`).join("\n")}`;
		const r = parseBlockSpec(src);
		expect(r.issues).toHaveLength(BLOCK_LIMITS.issues);
		expect(r.issues.at(-1)?.message).toMatch(/… and 49 more problems in this block/);
		expect(r.issues[3]?.line).toBe(5);
	});

	it("a 1 MB model name is named in 60 characters, not echoed", () => {
		const name = "x".repeat(1_000_000);
		const r = parseBlockSpec(`model: ${name}`);
		expect(r.issues[0]?.message).toMatch(/a model name of 1,000,000 characters/);
		expect(r.issues[0]?.message.length).toBeLessThan(300);
		const key = parseBlockSpec(`${"k".repeat(100_000)}: 1\nmodel: x`);
		expect(key.issues[0]?.message.length).toBeLessThan(300);
	});

	it("unclosed flow brackets are named, with their line", () => {
		expect(parseBlockSpec("model: [Qwen3-8B").issues[0]).toEqual({ message: 'YAML error: the list opened with "[" on line 1 is never closed; add "]" after its last entry.', line: 1 });
		expect(parseBlockSpec("model: x\ngpu: [H100, B200\ncount: 2").issues[0]).toMatchObject({ line: 2, message: expect.stringMatching(/list opened with "\[" on line 2 is never closed/) as unknown });
		expect(parseBlockSpec("model: x\nshow: {a: 1").issues[0]?.message).toMatch(/mapping opened with "\{" on line 2/);
		// Brackets inside quotes and comments do not count.
		expect(parseBlockSpec('model: "[x"  # [\ngpu: [H100').issues[0]?.line).toBe(2);
	});

	it("fast-check: repeated brackets, spaces, colons and quotes never throw and stay bounded", () => {
		const piece = fc.constantFrom("[", "]", "{", "}", " ", ":", ",", "'", '"', "\n", "model", "count", "*a", "&a", "#", "- ", "k", "1", "32k", ".nan", "\t", "\\");
		fc.assert(fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 1, max: 200 }), (parts, repeat) => {
			const src = parts.join("").repeat(Math.max(1, Math.floor(repeat / 20)));
			const r = parseBlockSpec(src);
			expect(r.spec !== undefined || r.issues.length > 0).toBe(true);
			expectBounded(r, src.length);
		}), { numRuns: 300 });
	});

	it("a context padded with 40k spaces is read in linear time (one message, no backtracking)", () => {
		const r = parseBlockSpec(`model: x\ncontext: "${" ".repeat(40_000)}32k${" ".repeat(40_000)}"`);
		expect(r.spec?.context).toBe(32768);
		const bad = parseBlockSpec(`model: x\ncontext: "${" ".repeat(40_000)}32q"`);
		expect(bad.issues[0]?.message.length).toBeLessThan(300);
	});
});
