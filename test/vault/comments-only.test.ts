/**
 * The linear comments-only test the bundles give gray-matter (src/vault/note/comments-only.ts) against gray-matter's
 * own regex, on blocks built from the characters that matter to it: `#`, spaces, tabs, every line break `^` knows,
 * Unicode spaces and ordinary text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commentsOnly } from "../../src/vault/note/comments-only";
import { fcParams } from "../fc-params";

const reference = (block: string): boolean => block.replace(/^\s*#[^\n]+/gm, "").trim() === "";
const piece = fc.constantFrom("#", "# c", "#x", " ", "\t", "\n", "\r", "\r\n", "\u2028", "\u2029", "\u00a0", "\ufeff", "a", "k: v", "a # b", "##", "\v", "\f");

describe("commentsOnly", () => {
	it("agrees with gray-matter's regex (differential property)", () => {
		fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join("")), (block) => {
			expect(commentsOnly(block), JSON.stringify(block)).toBe(reference(block));
		}), fcParams({ numRuns: 20_000 }));
	});

	it("hand-picked blocks", () => {
		for (const block of ["", "\n", "# a", "  # a\n\t# b\n", "#", "#\n", "# a\nb", "a # b", "# a\u2028b", "\u2028#x", "#\r", "\n\n\n# x\n\n"]) {
			expect(commentsOnly(block), JSON.stringify(block)).toBe(reference(block));
		}
	});

	it("is linear in runs of blank lines (the regex is quadratic)", () => {
		expect(commentsOnly(`${"\n".repeat(200_000)}a: [`)).toBe(false);
		expect(commentsOnly(`${" \n".repeat(200_000)}# only`)).toBe(true);
	});
});
