/**
 * Note links against an oracle that shares no code with the index: random vaults whose notes name each other through
 * the user's own link fields (custom names, any case), the default ones, aliases and body wikilinks. The expected
 * feedback / amplifies / links edges are worked out from what the generator wrote (not from the parser): a link
 * resolves to the first note by path whose title, file name or alias has the same letters and digits; with none, to
 * a missing note; never to the note itself. The index, built incrementally and then rebuilt, must draw exactly those.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { VaultIndex, linkFieldsFrom } from "../../src/vault/index";
import { fcParams } from "../fc-params";

const PATHS = ["Alpha.md", "Beta.md", "dir/Gamma.md", "dir/Alpha.md", "Delta Note.md", "x/Omega.md"];
const NAMES = ["Alpha", "Beta", "Gamma", "Delta Note", "Omega", "Epsilon", "alpha!", "Zeta Prime"];
/** Link field names a user may configure, and how they are spelled in notes. */
const FIELD_SETS: { configured: string[]; written: { field: string; kind: "feedback" | "amplifies" }[] }[] = [
	{ configured: ["FeedbackLoop", "SignalAmplification"], written: [{ field: "FeedbackLoop", kind: "feedback" }, { field: "SignalAmplification", kind: "amplifies" }] },
	{ configured: ["Related", "signalamplification"], written: [{ field: "related", kind: "feedback" }, { field: "SIGNALAMPLIFICATION", kind: "amplifies" }] },
	{ configured: ["See Also", "Upstream"], written: [{ field: "See Also", kind: "feedback" }, { field: "upstream", kind: "feedback" }] },
];

const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const basename = (p: string): string => (p.split("/").pop() ?? p).replace(/\.md$/, "");

interface GenNote {
	title: string | undefined;
	aliases: string[];
	/** Per written field index: names listed. */
	fields: string[][];
	/** Fields written that are not configured (must make no edges). */
	stray: string[];
	links: string[];
}

const genNote = fc.record({
	title: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
	aliases: fc.subarray(NAMES, { maxLength: 2 }),
	fields: fc.tuple(fc.subarray(NAMES, { maxLength: 3 }), fc.subarray(NAMES, { maxLength: 3 })),
	stray: fc.subarray(NAMES, { maxLength: 2 }),
	links: fc.subarray(NAMES, { maxLength: 3 }),
});

function text(n: GenNote, fields: { field: string }[]): string {
	const fm = [
		n.title !== undefined ? `title: "${n.title}"` : "",
		n.aliases.length > 0 ? `aliases: [${n.aliases.map((a) => JSON.stringify(a)).join(", ")}]` : "",
		...fields.map((f, i) => ((n.fields[i] ?? []).length > 0 ? `${f.field}: [${(n.fields[i] ?? []).map((x) => JSON.stringify(x)).join(", ")}]` : "")),
		n.stray.length > 0 ? `NotALinkField: [${n.stray.map((x) => JSON.stringify(x)).join(", ")}]` : "",
	].filter((l) => l !== "");
	return `---\n${fm.join("\n")}\n---\nBody ${n.links.map((l) => `[[${l}]]`).join(" ")}\n`;
}

function expectedEdges(vault: Map<string, GenNote>, fields: { kind: string }[]): string[] {
	const owners = new Map<string, string[]>();
	for (const [path, n] of vault) {
		for (const k of new Set([key(n.title ?? basename(path)), key(basename(path)), ...n.aliases.map(key)])) {
			if (k === "") continue;
			owners.set(k, [...(owners.get(k) ?? []), path]);
		}
	}
	const out = new Set<string>();
	for (const [path, n] of vault) {
		const add = (kind: string, name: string): void => {
			const k = key(name);
			const target = (owners.get(k) ?? []).sort()[0];
			if (target === path) return;
			out.add(`${kind}:note:${path}->${target === undefined ? `missing:${k}` : `note:${target}`}`);
		};
		fields.forEach((f, i) => { for (const name of n.fields[i] ?? []) add(f.kind, name); });
		for (const name of n.links) add("links", name);
	}
	return [...out].sort();
}

describe("note links follow the user's link fields and aliases (independent oracle)", () => {
	for (const set of FIELD_SETS) {
		it(`fields ${set.configured.join(", ")}`, () => {
			fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...PATHS), genNote), { maxLength: 12 }), (edits) => {
				const catalog = loadCatalog();
				const linkFields = linkFieldsFrom(set.configured);
				const index = new VaultIndex({ catalog, linkFields });
				const vault = new Map<string, GenNote>();
				for (const [path, n] of edits) {
					vault.set(path, n);
					index.upsert(path, text(n, set.written));
				}
				const linkEdges = (i: VaultIndex): string[] => i.graph().edges
					.filter((e) => e.kind === "feedback" || e.kind === "amplifies" || e.kind === "links")
					.map((e) => `${e.kind}:${e.source}->${e.target}`).sort();
				const expected = expectedEdges(vault, set.written);
				expect(linkEdges(index)).toEqual(expected);
				const rebuilt = new VaultIndex({ catalog, linkFields });
				rebuilt.batch(() => { for (const [path, n] of vault) rebuilt.upsert(path, text(n, set.written)); });
				expect(linkEdges(rebuilt)).toEqual(expected);
			}), fcParams({ numRuns: 150 }));
		});
	}
});
