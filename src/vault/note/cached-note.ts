/**
 * A ParsedNote read back from a warm-start cache file: checked with a zod schema before the index sees it. A cache
 * file is plugin state on disk — a crash, a sync conflict or a hand edit can leave anything there — so an entry that
 * does not have exactly the shape parseNote makes (or belongs to another path, or another parser version) is
 * refused, and the caller parses that note again.
 *
 * gpufit blocks are kept as sources and parsed again here rather than trusting a stored BlockSpec.
 */
import * as z from "zod/mini";
import { parseBlockSpec } from "../../estimator/block-spec";
import { LIMITS } from "../limits";
import { PARSED_NOTE_VERSION, type ParsedNote } from "../types";
import { plainObject } from "./plain-data";

const count = z.number().check(z.int(), z.nonnegative());
const shortText = z.string().check(z.maxLength(LIMITS.storedStringChars + 1));

const cachedNoteSchema = z.object({
	version: z.literal(PARSED_NOTE_VERSION),
	path: z.string(),
	title: shortText,
	titleFromFrontmatter: z.boolean(),
	aliases: z.optional(z.array(shortText).check(z.maxLength(LIMITS.links))),
	description: z.optional(shortText),
	category: z.optional(shortText),
	created: z.optional(shortText),
	updated: z.optional(shortText),
	tags: z.array(z.object({ id: z.string(), display: z.string() })).check(z.maxLength(LIMITS.tags)),
	series: z.array(z.object({ id: z.string(), display: z.string(), number: count, name: z.string() })).check(z.maxLength(LIMITS.tags)),
	links: z.array(z.object({
		kind: z.enum(["feedback", "amplifies", "links"]),
		name: z.string(),
		key: z.string().check(z.minLength(1)),
		field: z.optional(z.string()),
	})).check(z.maxLength(LIMITS.links)),
	mentions: z.array(z.union([z.string(), count])),
	blocks: z.array(z.object({ line: count, source: z.string().check(z.maxLength(LIMITS.blockChars)) })).check(z.maxLength(LIMITS.blocks)),
	properties: z.record(z.string(), z.unknown()),
	diagnostics: z.array(z.object({ line: z.optional(count), message: z.string() })).check(z.maxLength(LIMITS.diagnostics + 1)),
	vocabulary: z.string(),
});

/** The cached note for `path`, or undefined when the entry is not a valid ParsedNote of that path. */
export function readCachedNote(value: unknown, path: string): ParsedNote | undefined {
	const parsed = cachedNoteSchema.safeParse(value);
	if (!parsed.success) return undefined;
	const n = parsed.data;
	if (n.path !== path || !validMentions(n.mentions)) return undefined;
	const properties = plainObject();
	for (const [k, v] of Object.entries(n.properties)) if (k !== "__proto__") properties[k] = v as never;
	return {
		...n,
		blocks: n.blocks.map((b) => {
			const spec = parseBlockSpec(b.source);
			return spec.spec ? { line: b.line, source: b.source, spec: spec.spec, issues: spec.issues } : { line: b.line, source: b.source, issues: spec.issues };
		}),
		properties,
	};
}

/** A MentionList's layout: per concept `id, title, tags, body, F` then F pairs `field, count` (see types.ts). */
function validMentions(list: readonly (string | number)[]): boolean {
	let i = 0;
	while (i < list.length) {
		if (typeof list[i] !== "string") return false;
		for (let k = 1; k <= 4; k++) if (typeof list[i + k] !== "number") return false;
		const fields = list[i + 4] as number;
		i += 5;
		for (let f = 0; f < fields; f++, i += 2) {
			if (typeof list[i] !== "string" || typeof list[i + 1] !== "number") return false;
		}
	}
	return i === list.length;
}
