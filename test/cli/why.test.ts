/** `gpufit fit --why` prints the estimator's shared why text, the same the block's panel shows and copies. */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import { whyText } from "../../src/estimator/why-text";

describe("gpufit fit --why", () => {
	it("prints whyText for every row: verbatim with --wide, wrapped to 100 columns without", async () => {
		const run = async (...extra: string[]) => {
			let out = "";
			const code = await main(["fit", "--model", "Qwen3-8B", "--gpu", "RTX 4090", "--quant", "bf16,awq", "--why", ...extra], { stdout: (s) => (out += s), stderr: () => undefined });
			expect(code).toBe(0);
			return out;
		};
		const wide = await run("--wide");
		const narrow = await run();
		const t = computeFitTable(loadCatalog(), { model: "Qwen3-8B", gpu: "RTX 4090", quant: ["bf16", "awq"] });
		if (!t.ok) throw new Error(t.error.message);
		const words = (s: string) => s.replace(/\s+/g, " ");
		for (const r of t.value.rows) {
			expect(wide).toContain(`\n\n${whyText(t.value, r)}\n`);
			expect(words(narrow)).toContain(words(whyText(t.value, r)));
		}
		for (const line of narrow.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
	});
});
