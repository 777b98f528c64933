/** `gpufit fit --why` prints the estimator's shared why text, the same the block's panel shows and copies. */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import { whyText } from "../../src/estimator/why-text";

describe("gpufit fit --why", () => {
	it("prints whyText for every row", async () => {
		let out = "";
		const code = await main(["fit", "--model", "Qwen3-8B", "--gpu", "RTX 4090", "--quant", "bf16,awq", "--why"], { stdout: (s) => (out += s), stderr: () => undefined });
		expect(code).toBe(0);
		const t = computeFitTable(loadCatalog(), { model: "Qwen3-8B", gpu: "RTX 4090", quant: ["bf16", "awq"] });
		if (!t.ok) throw new Error(t.error.message);
		for (const r of t.value.rows) expect(out).toContain(`\n\n${whyText(t.value, r)}\n`);
	});
});
