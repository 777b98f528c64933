/**
 * Whether a frontmatter block is nothing but `#` comment lines and whitespace: what gray-matter tests with
 * `block.replace(/^\s*#[^\n]+/gm, '').trim() === ''` (such a block is "empty" and not parsed), in one linear pass.
 * That regex is quadratic in runs of blank lines (from every line start, `\s*` runs to the end of the run and backs
 * off): 20,000 blank lines took ~0.9 s. The bundles replace it with this function (scripts/gray-matter-safe.mjs); a
 * differential property test checks the two agree.
 */
export function commentsOnly(block: string): boolean {
	const n = block.length;
	let i = 0;
	// At a line start (the block start, or after \n, \r, \u2028, \u2029: where `^` matches with the m flag).
	for (;;) {
		while (i < n && isSpace(block.charCodeAt(i))) i++;
		if (i >= n) return true;
		// `#` then at least one character before the next \n: the comment runs to that \n.
		if (block.charCodeAt(i) !== 0x23 || i + 1 >= n || block.charCodeAt(i + 1) === 0x0a) return false;
		const end = block.indexOf("\n", i + 1);
		if (end < 0) return true;
		i = end + 1;
	}
}

/** What JavaScript's `\s` matches (line breaks included). */
function isSpace(c: number): boolean {
	return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
		|| c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
