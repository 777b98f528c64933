/** The side panel's facts (each with the source covering it), fit verdicts by precision policy, missing-note files. */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../src/estimator/catalog";
import { computeFitTable } from "../../../src/estimator/fit";
import { fileNameFor, missingNoteFile } from "../../../src/plugin/graph/missing-note";
import { catalogIdOf, conceptFacts, formatParams } from "../../../src/render/graph/facts";
import { bestFit, fitsOverlayEdges, gradeOf } from "../../../src/render/graph/fits";

describe("concept facts", () => {
	it("a GPU's usable memory, bandwidth, architecture, native formats, price and date, each with its source", () => {
		const sheet = conceptFacts(loadCatalog(), "gpu:rtx-pro-6000-blackwell");
		if (!sheet) throw new Error("no sheet");
		const row = (label: string) => sheet.rows.find((r) => r.label === label);
		expect(row("Usable memory")?.value).toBe("95.6 GiB (96 GB GDDR7)");
		// The driver-reported figure has its own (verified) source, not the spec-sheet page.
		expect(sheet.sources[row("Usable memory")?.source ?? -1]?.ref).toMatch(/nvidia-smi memory.total 97887 MiB/);
		expect(sheet.sources[row("Bandwidth")?.source ?? -1]?.ref).toMatch(/gpu\.name/);
		expect(row("Native formats")?.value).toContain("NVFP4");
		expect(row("Price")?.value).toBe("$8,500 (street, 2025-06)");
		expect(sheet.sources[row("Price")?.source ?? -1]?.confidence).toBe("memory");
		expect(row("Launched")?.value).toBe("2025-03-18");
	});
	it("a model's parameters, active parameters and architecture; formats and architectures; nothing for other kinds", () => {
		const c = loadCatalog();
		const m = conceptFacts(c, "model:qwen3-30b-a3b");
		expect(m?.rows.find((r) => r.label === "Parameters")?.value).toBe("30.5 B");
		expect(m?.rows.find((r) => r.label === "Active parameters")?.value).toBe("3.3 B");
		expect(m?.rows.find((r) => r.label === "Architecture")?.value).toMatch(/^48 layers \(48 full\), hidden 2,048, 32 heads, 4 KV heads × 128$/);
		expect(conceptFacts(c, "format:fp8")?.rows.find((r) => r.label === "Bits per weight")?.value).toMatch(/^8/);
		expect(conceptFacts(c, "arch:hopper")?.rows.find((r) => r.label === "Native tensor math")?.value).toContain("FP8");
		expect(conceptFacts(c, "memory:hbm3e")).toBeUndefined();
		expect(conceptFacts(c, "gpu:no-such-card")).toBeUndefined();
		expect(catalogIdOf("arch:hopper")).toEqual({ kind: "architecture", id: "hopper" });
		expect(formatParams(235e9)).toBe("235 B");
		expect(formatParams(560e6)).toBe("560 M");
	});
});

describe("fit verdicts", () => {
	const table = (model: string, gpu: string, count = 1) => {
		const r = computeFitTable(loadCatalog(), { model, gpu, count });
		if (!r.ok) throw new Error(r.error.message);
		return r.value;
	};
	it("picks the highest precision that fits among the formats the policy allows", () => {
		expect(bestFit(table("Qwen3-8B", "RTX PRO 6000 Blackwell"), 0).grade).toBe("16-bit");
		const llama = bestFit(table("Llama-3.3-70B", "RTX PRO 6000 Blackwell"), 0);
		expect(llama.grade).not.toBe("16-bit");
		expect(llama.best?.fits).toBe(true);
		// With 16-bit only allowed, a 70B model on one 96 GB card fits nowhere.
		const strict = bestFit(table("Llama-3.3-70B", "RTX PRO 6000 Blackwell"), 16);
		expect(strict.grade).toBe("none");
		expect(strict.summary).toMatch(/^Nothing fits: BF16 needs \d+\.\d GiB per GPU, \d+\.\d usable$/);
		expect([gradeOf(16), gradeOf(8.5), gradeOf(4.5)]).toEqual(["16-bit", "8-bit", "4-bit"]);
	});
	it("overlay edges go model → GPU for every pair with a verdict", () => {
		const edges = fitsOverlayEdges(["model:a", "model:b"], ["gpu:x"], (m) => (m === "model:a" ? { grade: "8-bit", best: undefined, summary: "s" } : undefined));
		expect(edges).toEqual([{ id: "fits:model:a->gpu:x", source: "model:a", target: "gpu:x", kind: "fits", grade: "8-bit", title: "s" }]);
	});
});

describe("missing-note files", () => {
	it("go in the naming note's folder with a file name Obsidian accepts, the title and series tag in frontmatter", () => {
		const f = missingNoteFile("KV: cache / offload? [draft]", "Hardware/Deep/Planning.md", ["S13_Hardware"], new Date("2025-09-03T10:00:00Z"));
		expect(f.path).toBe("Hardware/Deep/KV cache offload draft.md");
		expect(f.text).toBe('---\ntitle: "KV: cache / offload? [draft]"\ntags:\n  - "#S13_Hardware"\ncreated: 2025-09-03\n---\n\n# KV: cache / offload? [draft]\n');
		expect(missingNoteFile("Top", "Root.md", [], new Date("2025-01-01")).path).toBe("Top.md");
		expect(fileNameFor("...")).toBe("Untitled");
		expect(fileNameFor("a\u0000b\nc")).toBe("a b c");
	});
});
