/**
 * Incremental updates equal a rebuild: random edit sequences on the vault index, each followed by the view's
 * update (the index's changes since the revision it drew, or a redraw when it gets none), must leave the view's
 * model exactly as building it afresh from the final graph; nodes that stayed keep their positions (no relayout),
 * and every new node gets one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../src/estimator/catalog";
import { GraphModel } from "../../../src/render/graph/model";
import { placed, placeNodes } from "../../../src/render/graph/placement";
import type { EdgeKind } from "../../../src/render/graph/source";
import { IndexGraphSource } from "../../../src/plugin/graph/index-source";
import { VaultIndex } from "../../../src/vault/index";
import { content, modelFrom } from "./helpers";

const PATHS = ["Alpha.md", "Beta.md", "dir/Gamma.md", "dir/Alpha.md", "Заметка.md", "Delta Note.md"];
const NAMES = ["Alpha", "Beta", "Gamma", "Delta Note", "Заметка", "Epsilon"];
const TAGS = ["gpu", "GPU", "#S13_Hardware", "S14_Serving", "misc", "rtx-6000-pro-b-class"];
const BODY = ["An H100 here.", "Qwen3-30B on an RTX 4090.", "FP8 and BF16.", "Nothing.", "HBM3e memory."];

const noteText = fc.record({
	title: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
	tags: fc.subarray(TAGS),
	feedback: fc.subarray(NAMES, { maxLength: 3 }),
	links: fc.subarray(NAMES, { maxLength: 2 }),
	body: fc.subarray(BODY, { maxLength: 3 }),
}).map((n) => {
	const fm = [
		n.title !== undefined ? `title: "${n.title}"` : "",
		`tags: [${n.tags.map((t) => JSON.stringify(t)).join(", ")}]`,
		n.feedback.length > 0 ? `FeedbackLoop: "${n.feedback.map((f, i) => `${["First", "Second", "Third"][i] ?? "Then"}, ${f} which helps`).join("; ")}."` : "",
	].filter((l) => l !== "");
	return `---\n${fm.join("\n")}\n---\n${n.body.join(" ")} ${n.links.map((l) => `[[${l}]]`).join(" ")}\n`;
});

type Command = { op: "upsert"; path: string; text: string } | { op: "remove"; path: string } | { op: "rename"; from: string; to: string };
const command: fc.Arbitrary<Command> = fc.oneof(
	{ weight: 5, arbitrary: fc.record({ op: fc.constant("upsert" as const), path: fc.constantFrom(...PATHS), text: noteText }) },
	{ weight: 2, arbitrary: fc.record({ op: fc.constant("remove" as const), path: fc.constantFrom(...PATHS) }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant("rename" as const), from: fc.constantFrom(...PATHS), to: fc.constantFrom(...PATHS) }) },
);

const KIND_SETS: [string, EdgeKind[]][] = [
	["the default global kinds", ["feedback", "amplifies", "links", "in-series", "architecture", "memory", "interconnect", "native-format", "family"]],
	["every kind (bulk edges on)", ["feedback", "amplifies", "links", "in-series", "mentions", "tagged", "architecture", "memory", "interconnect", "native-format", "family"]],
];

describe("incremental view model = rebuild", () => {
	// A note that only respells a tag it already had ("gpu" → "GPU") changes the tag node's label but no edge.
	it("a respelled tag reaches the view through changesSince", () => {
		const kinds = new Set<EdgeKind>(["in-series", "tagged"]);
		const index = new VaultIndex({ catalog: loadCatalog(), seriesNotesOnly: true });
		index.upsert("Beta.md", '---\ntags: ["gpu", "S14_Serving"]\n---\n');
		const source = new IndexGraphSource(() => index);
		const model = modelFrom(source, kinds);
		index.upsert("Beta.md", '---\ntags: ["GPU", "S14_Serving"]\n---\n');
		const changes = source.changesSince(model.revision, kinds);
		if (changes) model.apply(changes);
		expect(model.nodes.get("tag:gpu")?.label).toBe("GPU");
	});

	for (const [what, list] of KIND_SETS) {
		it(`holds for random edit sequences, ${what}`, () => {
			const kinds = new Set(list);
			fc.assert(fc.property(fc.array(fc.array(command, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (groups) => {
				const index = new VaultIndex({ catalog: loadCatalog(), seriesNotesOnly: true });
				const source = new IndexGraphSource(() => index);
				const model = modelFrom(source, kinds);
				placeNodes(model, model.nodes.keys());
				let needlessRedraws = 0;
				for (const group of groups) {
					const before = new Map([...model.nodes].map(([id, n]) => [id, [n.x, n.y]]));
					// A batch on an empty index is a cold start: the index may ask the view to redraw after it.
					const coldStart = index.notePaths().length === 0;
					index.batch(() => {
						for (const c of group) {
							if (c.op === "upsert") index.upsert(c.path, c.text);
							else if (c.op === "remove") index.remove(c.path);
							else index.rename(c.from, c.to);
						}
					});
					const changes = source.changesSince(model.revision, kinds);
					let delta;
					if (changes) delta = model.apply(changes);
					else {
						if (!coldStart) needlessRedraws++;
						const g = source.graphOf(kinds);
						delta = model.reset(g.nodes, g.edges, source.revision());
					}
					placeNodes(model, delta.nodesAdded);
					expect(model.revision).toBe(source.revision());
					expect(content(model)).toEqual(content(modelFrom(source, kinds)));
					for (const n of model.nodes.values()) {
						expect(placed(n)).toBe(true);
						const old = before.get(n.id);
						if (old) expect([n.x, n.y]).toEqual(old);
					}
					// Every edge's ends are in the model, and each node's edge list matches the edges.
					for (const e of model.edges.values()) expect(model.edgesOf(e.source).has(e.id) && model.edgesOf(e.target).has(e.id)).toBe(true);
				}
				// The view draws incrementally: no redraw except after a cold start.
				expect(needlessRedraws).toBe(0);
			}), { numRuns: 150 });
		});
	}

	it("a model with the fits overlay keeps its overlay through index changes, and an overlay-only node becomes the index's", () => {
		const index = new VaultIndex({ catalog: loadCatalog(), seriesNotesOnly: true });
		const source = new IndexGraphSource(() => index);
		const kinds = new Set<EdgeKind>(["in-series", "feedback"]);
		index.upsert("A.md", "---\ntags: [S13_Hardware]\n---\nQwen3-30B talk.\n");
		const model = new GraphModel();
		const g = source.graphOf(kinds);
		model.reset(g.nodes, g.edges, source.revision());
		const rig = { id: "gpu:h100-sxm", kind: "gpu" as const, label: "H100 SXM", degree: 0 };
		let d = model.setOverlay([{ id: "fits:model:qwen3-30b-a3b->gpu:h100-sxm", source: "model:qwen3-30b-a3b", target: rig.id, kind: "fits", grade: "16-bit", title: "BF16 fits" }], [rig]);
		expect(d.nodesAdded).toEqual([rig.id]);
		expect(model.nodes.get(rig.id)?.overlay).toBe(true);
		index.upsert("B.md", "---\ntags: [S13_Hardware]\n---\nAn H100 SXM.\n");
		const changes = source.changesSince(model.revision, kinds);
		if (!changes) throw new Error("expected changes");
		d = model.apply(changes);
		expect(d.nodesChanged).toContain(rig.id);
		expect(model.nodes.get(rig.id)?.overlay).toBe(false);
		expect(model.edges.has("fits:model:qwen3-30b-a3b->gpu:h100-sxm")).toBe(true);
		d = model.setOverlay([], []);
		expect(d.edgesRemoved).toEqual(["fits:model:qwen3-30b-a3b->gpu:h100-sxm"]);
		expect(model.nodes.has(rig.id)).toBe(true);
	});
});
