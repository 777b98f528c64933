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
});
