/** Re-parsing one path many times must not keep old contents alive (gray-matter's cache, sliced strings). */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { VaultIndex } from "../../src/vault/index";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterGc(): number {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}

describe("memory", () => {
	it("does not grow when the same path is parsed 10,000 times with different contents", () => {
		const index = new VaultIndex({ catalog: loadCatalog() });
		const filler = "Prose about memory bandwidth and an H100 next to an RTX PRO 6000. ".repeat(60);
		const note = (i: number) => `---\ntitle: Edited ${i % 7}\ntags: [gpu, v${i % 5}]\ndescription: "${filler}${i}"\nFeedbackLoop: "First, Some Other Note which helps."\n---\n${filler}${i}\n`;
		for (let i = 0; i < 200; i++) index.upsert("same.md", note(i));
		const before = heapAfterGc();
		for (let i = 200; i < 10_200; i++) index.upsert("same.md", note(i));
		const grown = heapAfterGc() - before;
		// 10,000 versions of ~8 KB would be ~80 MB (more as UTF-16); allow noise from the runtime.
		expect(grown).toBeLessThan(4 * 1024 * 1024);
		expect(index.notePaths()).toEqual(["same.md"]);
	});

	it("does not keep the names, missing notes and link lists of earlier versions", () => {
		const index = new VaultIndex({ catalog: loadCatalog() });
		index.upsert("other.md", "---\ntags: [S13_Hardware]\n---\nSee [[Kept Note]].\n");
		// Every version has a new title, new link targets (missing notes) and a new body link.
		const note = (i: number) => `---\ntitle: Title ${i}\ntags: [S13_Hardware]\nFeedbackLoop: "First, Missing Topic ${i} which helps; Second, Other Topic ${i} that also helps."\n---\nSee [[Linked ${i}]].\n`;
		for (let i = 0; i < 200; i++) index.upsert("same.md", note(i));
		index.graph();
		const before = heapAfterGc();
		for (let i = 200; i < 10_200; i++) index.upsert("same.md", note(i));
		const graph = index.graph();
		const grown = heapAfterGc() - before;
		expect(grown).toBeLessThan(2 * 1024 * 1024);
		// Only the current version's missing notes remain.
		expect(graph.nodes.filter((n) => n.kind === "missing-note").map((n) => n.label).sort())
			.toEqual(["Kept Note", "Linked 10199", "Missing Topic 10199", "Other Topic 10199"]);
	});
});
