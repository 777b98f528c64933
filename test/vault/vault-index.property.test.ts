/**
 * Incremental maintenance equals a rebuild: random sequences of upserts, removes and renames over a small pool of
 * paths and note parts (titles that collide with file names, tags differing in case, series, feedback names that
 * do or do not exist, wikilinks, concept names) must leave the index exactly as indexing the final vault afresh.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { VaultIndex } from "../../src/vault/index";
import type { EdgeKind, GraphEdge, GraphNode } from "../../src/vault/types";
import { fcParams } from "../fc-params";
import { canonical } from "./helpers";

const PATHS = ["Alpha.md", "Beta.md", "dir/Gamma.md", "dir/Alpha.md", "Заметка.md", "Delta Note.md"];
const NAMES = ["Alpha", "Beta", "Gamma", "Delta Note", "Заметка", "Epsilon", "alpha!"];
const TAGS = ["gpu", "GPU", "#S13_Hardware", "s13_other", "hbm3e-vram-capacity", "rtx-6000-pro-b-class", "misc", "qwen3-30b-model"];
const BODY_BITS = ["An H100 here.", "Qwen3-30B on an RTX 4090.", "vLLM serving.", "FP8 and BF16.", "Nothing.", "A Llama-3.1-8B run."];

const noteText = fc.record({
	title: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
	tags: fc.subarray(TAGS),
	feedback: fc.subarray(NAMES, { maxLength: 3 }),
	amplifies: fc.subarray(NAMES, { maxLength: 2 }),
	links: fc.subarray(NAMES, { maxLength: 2 }),
	body: fc.subarray(BODY_BITS, { maxLength: 3 }),
	broken: fc.boolean(),
}).map((n) => {
	const fm = [
		n.title !== undefined ? `title: "${n.title}"` : "",
		`tags: [${n.tags.map((t) => JSON.stringify(t)).join(", ")}]`,
		n.feedback.length > 0 ? `FeedbackLoop: "${n.feedback.map((f, i) => `${["First", "Second", "Third"][i] ?? "Then"}, ${f} which helps`).join("; ")}."` : "",
		n.amplifies.length > 0 ? `SignalAmplification: [${n.amplifies.map((a) => JSON.stringify(a)).join(", ")}]` : "",
		n.broken ? "oops: [unclosed" : "",
	].filter((l) => l !== "");
	return `---\n${fm.join("\n")}\n---\n${n.body.join(" ")} ${n.links.map((l) => `[[${l}]]`).join(" ")}\n`;
});

type Command =
	| { op: "upsert"; path: string; text: string }
	| { op: "remove"; path: string }
	| { op: "rename"; from: string; to: string };

const command: fc.Arbitrary<Command> = fc.oneof(
	{ weight: 5, arbitrary: fc.record({ op: fc.constant("upsert" as const), path: fc.constantFrom(...PATHS), text: noteText }) },
	{ weight: 2, arbitrary: fc.record({ op: fc.constant("remove" as const), path: fc.constantFrom(...PATHS) }) },
	{ weight: 2, arbitrary: fc.record({ op: fc.constant("rename" as const), from: fc.constantFrom(...PATHS), to: fc.constantFrom(...PATHS) }) },
);

function snapshot(index: VaultIndex) {
	const g = canonical(index.graph());
	return {
		graph: g,
		paths: index.notePaths(),
		concepts: index.notePaths().map((p) => index.conceptsOf(p)),
		mentioning: g.nodes.filter((n) => n.id.startsWith("gpu:") || n.id.startsWith("model:")).map((n) => index.notesMentioning(n.id)),
		diagnostics: index.diagnostics(),
	};
}

describe("incremental index = rebuild", () => {
	for (const indexTag of [undefined, "gpu"]) {
		it(`holds for random edit sequences${indexTag ? ` (indexTag ${indexTag})` : ""}`, () => {
			// Edits come in groups, some run as one batch (a cold start in chunks, a folder move): notes synced in one
			// batch are re-synced in a later one when their links resolve differently. A "sliced" group closes its
			// batch the way the plugin does on a cold start: endBatch yielding after every note, with more edits
			// arriving between the slices.
			const mode = fc.constantFrom("single", "batched", "sliced");
			const groups = fc.array(fc.record({ mode, commands: fc.array(command, { maxLength: 8 }), late: fc.array(command, { maxLength: 3 }) }), { maxLength: 5 });
			fc.assert(fc.property(groups, (edits) => {
				const catalog = loadCatalog();
				const index = new VaultIndex({ catalog, indexTag });
				const vault = new Map<string, string>();
				const apply = (c: Command): void => {
					if (c.op === "upsert") { index.upsert(c.path, c.text); vault.set(c.path, c.text); }
					else if (c.op === "remove") { index.remove(c.path); vault.delete(c.path); }
					else {
						index.rename(c.from, c.to);
						const text = vault.get(c.from);
						if (text !== undefined && c.from !== c.to) { vault.delete(c.from); vault.set(c.to, text); }
					}
				};
				for (const group of edits) {
					if (group.mode === "batched") index.batch(() => { for (const c of [...group.commands, ...group.late]) apply(c); });
					else if (group.mode === "sliced") {
						index.beginBatch();
						for (const c of group.commands) apply(c);
						const late = [...group.late];
						while (!index.endBatch(() => true)) { const c = late.shift(); if (c) apply(c); }
						for (const c of late) apply(c);
					} else for (const c of [...group.commands, ...group.late]) apply(c);
				}
				const rebuilt = new VaultIndex({ catalog, indexTag });
				rebuilt.batch(() => { for (const [path, text] of [...vault].reverse()) rebuilt.upsert(path, text); });
				expect(snapshot(index)).toEqual(snapshot(rebuilt));
			}), fcParams({ numRuns: 300 }));
		});
	}
});

/**
 * A view that draws graphOf(kinds) once and then only applies changesSince(revision, kinds) must always look like a
 * fresh graphOf(kinds): nodes (label, kind, path, degree) and edges. When changesSince answers `undefined` (a cold
 * start or a catalog change came between) the view redraws, as the graph view does.
 */
describe("changesSince keeps a view equal to graphOf", () => {
	const KIND_SETS: ReadonlySet<EdgeKind>[] = [
		new Set<EdgeKind>(["feedback", "amplifies", "links", "in-series", "architecture", "memory", "interconnect", "family", "native-format"]),
		new Set<EdgeKind>(["tagged", "in-series", "mentions", "feedback", "amplifies", "links", "architecture", "memory", "interconnect", "family", "native-format"]),
		new Set<EdgeKind>(["tagged", "links"]),
	];
	for (const [k, kinds] of KIND_SETS.entries()) {
		it(`for random edit sequences (edge kinds ${k + 1})`, () => {
			fc.assert(fc.property(fc.array(fc.array(command, { maxLength: 6 }), { maxLength: 6 }), fc.boolean(), (groups, batched) => {
				const index = new VaultIndex({ catalog: loadCatalog() });
				const nodes = new Map<string, GraphNode>();
				const edges = new Map<string, GraphEdge>();
				let revision = 0;
				const redraw = (): void => {
					nodes.clear();
					edges.clear();
					const g = index.graphOf(kinds);
					for (const n of g.nodes) nodes.set(n.id, n);
					for (const e of g.edges) edges.set(e.id, e);
					revision = index.revision;
				};
				const apply = (c: Command): void => {
					if (c.op === "upsert") index.upsert(c.path, c.text);
					else if (c.op === "remove") index.remove(c.path);
					else index.rename(c.from, c.to);
				};
				redraw();
				for (const group of groups) {
					if (batched) index.batch(() => { for (const c of group) apply(c); });
					else for (const c of group) apply(c);
					const changes = index.changesSince(revision, kinds);
					if (changes === undefined) { redraw(); continue; }
					for (const id of changes.nodesRemoved) nodes.delete(id);
					for (const n of [...changes.nodesAdded, ...changes.nodesChanged]) nodes.set(n.id, n);
					for (const id of changes.edgesRemoved) edges.delete(id);
					for (const e of changes.edgesAdded) edges.set(e.id, e);
					revision = changes.revision;
					const fresh = canonical(index.graphOf(kinds));
					const plain = (g: { nodes: GraphNode[]; edges: GraphEdge[] }) => ({ nodes: g.nodes.map((n) => ({ ...n })), edges: g.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, kind: e.kind })) });
					expect(plain(canonical({ nodes: [...nodes.values()], edges: [...edges.values()] }))).toEqual(plain(fresh));
				}
			}), fcParams({ numRuns: 200 }));
		});
	}
});
