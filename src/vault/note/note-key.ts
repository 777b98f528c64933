/**
 * How note names are compared when resolving links ("GPU Memory Management Strategies" ↔ gpu-memory-management-strategies.md).
 *
 * Unlike the catalog's normalizeName (ASCII letters and digits only), this keeps letters and digits of every script:
 * Cyrillic or CJK titles would otherwise all collapse to the same empty or digits-only key.
 */

/** Case, punctuation and whitespace insensitive key of a note name. */
export function noteKey(name: string): string {
	// ASCII (most names): NFKC changes nothing, and the letters and digits are [a-z0-9] once lower-cased.
	if (!NON_ASCII.test(name)) return name.toLowerCase().replace(/[^a-z0-9]/g, "");
	return name.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

const NON_ASCII = /[\u0080-\uffff]/;

/** "folder/Sub/My Note.md" → "My Note". */
export function noteBasename(path: string): string {
	const slash = path.lastIndexOf("/");
	const file = slash >= 0 ? path.slice(slash + 1) : path;
	return file.toLowerCase().endsWith(".md") ? file.slice(0, -3) : file;
}

/** Graph node id of a note. */
export function noteNodeId(path: string): string {
	return `note:${path}`;
}
