/** The shared "why" text: the block's panel and `gpufit fit --why` print this, so it must carry every figure. */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";
import type { FitTable } from "../../src/estimator/types";
import { whyLine, whyLines, whyNumber, whyText } from "../../src/estimator/why-text";

const c = loadCatalog();

function table(): FitTable {
	const t = computeFitTable(c, { model: "Llama-3.3-70B", gpu: "RTX PRO 6000", count: 2, context: 32768, concurrency: 4, quant: ["bf16", "awq"] });
	if (!t.ok) throw new Error(t.error.message);
	return t.value;
}

describe("why text", () => {
	it("starts with the row and its setup, then the verdict and the support with its reason", () => {
		const t = table();
		const [bf16] = t.rows;
		if (!bf16) throw new Error("no row");
		const lines = whyLines(t, bf16);
		expect(lines[0]).toBe("BF16: Llama-3.3-70B on 2 × RTX PRO 6000 Blackwell Workstation Edition (tensor split), vLLM, 32,768 tokens × 4 sequences, KV bf16");
		expect(lines[1]).toBe(`verdict: ${bf16.verdictText}`);
		expect(lines[2]).toBe(`support: native — ${bf16.supportReason}`);
		expect(whyText(t, bf16)).toBe(lines.join("\n"));
	});

	it("has one line per computed figure, each ending in its value and unit", () => {
		const t = table();
		for (const r of t.rows) {
			const lines = whyLines(t, r);
			expect(lines.length).toBe(3 + r.why.length);
			r.why.forEach((w, i) => expect(lines[3 + i]).toBe(`${w.label}: ${w.formula} = ${whyNumber(w.value)} ${w.unit}`));
			const labels = r.why.map((w) => w.label);
			for (const figure of ["weights", "weights per GPU", "KV cache", "KV per GPU", "usable per GPU", "total per GPU", "free per GPU", "max sequences", "decode", "prefill"]) {
				expect(labels, figure).toContain(figure);
			}
		}
		expect(whyLines(t, t.rows[1] as never)[2]).toMatch(/^support: weight-only — /);
	});

	it("writes the bandwidth division unambiguously: ÷ (N GPUs × B GB/s × efficiency)", () => {
		const t = table();
		const memory = t.rows[0]?.why.find((w) => w.label === "memory time");
		expect(memory?.formula).toMatch(/÷ \(2 GPUs × 1792 GB\/s × 0\.95\)$/);
	});

	it("the free-memory line is negative when short", () => {
		const t = table();
		const free = t.rows[0]?.why.find((w) => w.label === "free per GPU");
		expect(free && whyLine(free)).toMatch(/= −\d+\.\d+ GiB$/);
	});

	it("numbers: separators for thousands, decimals by size, a real minus sign", () => {
		expect(whyNumber(32499.4)).toBe("32,499");
		expect(whyNumber(131.42)).toBe("131.4");
		expect(whyNumber(65.714)).toBe("65.71");
		expect(whyNumber(0.4)).toBe("0.400");
		expect(whyNumber(-1.85)).toBe("−1.85");
		expect(whyNumber(40)).toBe("40");
		expect(whyNumber(Number.NaN)).toBe("—");
	});
});
