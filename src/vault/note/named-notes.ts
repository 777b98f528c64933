/**
 * The names of other notes a link field (FeedbackLoop, SignalAmplification, ...) gives.
 *
 * Those fields come in three shapes, tried in this order:
 * 1. `[[wikilinks]]` anywhere in the value (a string or a list): exactly the linked notes.
 * 2. A YAML list of names: each entry is a name.
 * 3. Prose enumerating notes: "Three related notes ...: First, GPU Memory Management Strategies which ...;
 *    Second, Model Quantization Efficiency Analysis that ...". After each ordinal ("First," "Second:" "(3)" ...)
 *    the name is the run of capitalised words (small connectors like "of", "and", "for" allowed inside) that
 *    ends at the first lower-case word ("which", "that", "provides").
 *    A short value without ordinals and without sentences ("Note A, Note B") is read as a comma/semicolon list.
 */
import { noteKey } from "./note-key";
import type { PlainValue } from "./plain-data";
import { wikilinkTargets } from "./wikilinks";

/**
 * An ordinal that introduces a name: a word ordinal followed by a comma or colon ("Second," — so the "Second" inside
 * "Scaling to a Second Workstation GPU" is part of a name), or a number marker ("(2)", "2)", "2.").
 */
const ORDINAL = /(?:^|[\s;:.(])(?:(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|sixth|seventh|eighth|ninth|tenth|finally|lastly)\s*[,:]|\(?\d{1,2}[.)])\s+/gi;
/** Values that say "no note" rather than name one. */
const NOT_A_NAME = new Set(["none", "na", "nothing", "tbd", "todo", "null", "nil", "empty"]);
const CONNECTORS = new Set(["of", "and", "for", "the", "in", "on", "to", "with", "a", "an", "&", "vs", "vs.", "via", "or", "as", "-", "–", "+", "/"]);

/** Names of notes a feedback-style field value refers to. */
export function namedNotes(value: PlainValue | undefined): string[] {
	const linked = wikilinksIn(value);
	if (linked.length > 0) return linked;
	if (Array.isArray(value)) {
		return value.filter((v): v is string | number => typeof v === "string" || typeof v === "number").map((v) => String(v).trim()).filter((s) => s !== "");
	}
	if (typeof value !== "string") return [];
	return namesInProse(value);
}

function wikilinksIn(value: PlainValue | undefined): string[] {
	if (typeof value === "string") return wikilinkTargets(value);
	if (Array.isArray(value)) return value.flatMap((v) => wikilinksIn(v));
	return [];
}

/** Names after ordinals, or a short comma list. */
export function namesInProse(text: string): string[] {
	const starts: number[] = [];
	ORDINAL.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = ORDINAL.exec(text)) !== null) {
		// "Secondly, (2) Name": two ordinals in a row introduce one name.
		if (starts.length > 0 && m.index <= (starts[starts.length - 1] ?? -1)) starts.pop();
		starts.push(m.index + m[0].length);
	}
	if (starts.length > 0) {
		const out: string[] = [];
		for (const s of starts) {
			const name = leadingName(text, s, Math.min(text.length, s + 200));
			if (name) out.push(name);
		}
		return out;
	}
	if (text.length <= 200 && !/[.!?]\s/.test(text)) {
		return text.split(/[,;\n]/).map((s) => s.trim().replace(/[.!?]+$/, "")).filter((s) => noteKey(s) !== "" && !NOT_A_NAME.has(noteKey(s)));
	}
	return [];
}

/** Words that end a name: the relative clause that describes the note ("X which supplies ..."). */
const CLAUSE_WORDS = new Set(["which", "that", "who", "whose", "where", "when", "while"]);
const MAX_NAME_WORDS = 8;
/** The characters JavaScript's `\s` matches (what separates the words of a prose value). */
function isSpace(c: number): boolean {
	return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
		|| c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The note name at the start of text[from, to). Two readings: the words up to the describing clause ("which", "that", a
 * comma...), and the run of capitalised words. The first wins when it is short and ends on a name word, which keeps
 * lower-case words inside non-English titles ("Квантование на Hopper"); otherwise the capitalised run, which also
 * works when no clause word follows ("First, GPU Memory Strategies shapes this note's ...").
 */
function leadingName(text: string, from: number, to: number): string | undefined {
	const clause: string[] = [];
	// The words of text[from, to) split at whitespace, taken one by one: only the first few are ever needed.
	for (let i = from; i < to;) {
		while (i < to && isSpace(text.charCodeAt(i))) i++;
		if (i >= to) break;
		const start = i;
		while (i < to && !isSpace(text.charCodeAt(i))) i++;
		const raw = text.slice(start, i);
		const word = raw.replace(/^["'“‘(]+/, "");
		const bare = word.replace(/[,;:.!?"'”’)]+$/, "");
		// A clause word ends the name only as written in lower case: "A Note That Does Not Exist" is one title.
		if (bare === "" || CLAUSE_WORDS.has(bare) || bare === "—" || bare === "–") break;
		clause.push(bare);
		if (bare !== word || clause.length > MAX_NAME_WORDS) break;
	}
	const last = clause[clause.length - 1];
	if (clause.length <= MAX_NAME_WORDS && last !== undefined && isNameWord(last) && clause[0] !== undefined && isNameWord(clause[0])) {
		return clause.join(" ");
	}
	return capitalisedRun(clause);
}

/** "GPU Memory Strategies shapes this" → "GPU Memory Strategies" (connectors like "of", "and" allowed inside). */
function capitalisedRun(words: readonly string[]): string | undefined {
	const taken: string[] = [];
	let pendingConnectors: string[] = [];
	for (const word of words) {
		if (isNameWord(word)) {
			taken.push(...pendingConnectors, word);
			pendingConnectors = [];
		} else if (taken.length > 0 && CONNECTORS.has(word.toLowerCase())) {
			pendingConnectors.push(word);
		} else {
			break;
		}
	}
	return taken.length > 0 ? taken.join(" ") : undefined;
}

/** Capitalised, or with a capital or digit inside (vLLM, H100, Qwen3-30B), in any script. */
function isNameWord(word: string): boolean {
	return /^[\p{Lu}\p{N}]/u.test(word) || /^\p{Ll}+[\p{Lu}\p{N}]/u.test(word);
}
