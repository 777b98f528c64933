/**
 * `[[wikilinks]]` in note text: `[[target]]`, `[[target#heading]]`, `[[target|alias]]`, `![[embed]]`.
 *
 * Read by a scanner, not a regex: a line of repeated `[[` made the old pattern (`\[\[([^\]|#\n]*)...\]\]`) retry
 * the rest of the line from every `[[`, so 80 KB of them took seconds. The scanner gives what that pattern gave (a
 * link's text runs from `[[` to the first `]` or line break, which must be `]]`), but when a `[[` finds no `]]`, the
 * `[[`s before that same `]` or line break cannot either, so the scan goes on after it: linear in the text.
 */

/** Names linked with [[...]] in the text (path and `.md` stripped: Obsidian resolves by file name). */
export function wikilinkTargets(text: string): string[] {
	const out: string[] = [];
	const n = text.length;
	let open = text.indexOf("[[");
	while (open >= 0) {
		let end = open + 2;
		for (let c = text.charCodeAt(end); end < n && c !== 0x5d && c !== 0x0a; c = text.charCodeAt(++end));
		if (end >= n || text.charCodeAt(end) !== 0x5d || text.charCodeAt(end + 1) !== 0x5d) {
			open = end >= n ? -1 : text.indexOf("[[", end);
			continue;
		}
		const target = targetOf(text.slice(open + 2, end));
		if (target !== undefined) {
			const embed = open > 0 && text.charCodeAt(open - 1) === 0x21;
			const file = target.slice(target.lastIndexOf("/") + 1);
			const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
			// An embedded image or PDF is not a note.
			if (!(ext !== undefined && ext !== "md" && embed)) out.push(ext === "md" ? file.slice(0, -3) : file);
		}
		open = text.indexOf("[[", end + 2);
	}
	return out;
}

/** `target#heading|alias` → target (trimmed); undefined when empty. */
function targetOf(inner: string): string | undefined {
	let end = inner.length;
	const hash = inner.indexOf("#");
	if (hash >= 0) end = hash;
	const bar = inner.indexOf("|");
	if (bar >= 0 && bar < end) end = bar;
	const target = inner.slice(0, end).trim();
	return target === "" ? undefined : target;
}
