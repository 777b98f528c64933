import { describe, expect, it } from "vitest";
import { buildCatalog, loadCatalog, resolveGpu, resolveModel } from "../../src/estimator/catalog";

describe("catalog", () => {
	it("loads and validates the built-in data", () => {
		const c = loadCatalog();
		expect(c.gpus.all().length).toBeGreaterThan(0);
		expect(c.models.all().length).toBeGreaterThan(0);
	});

	it("resolves names case- and punctuation-insensitively", () => {
		const c = loadCatalog();
		for (const n of ["RTX 6000 PRO B", "rtx-pro-6000", "RTX PRO 6000 Blackwell"]) {
			const r = resolveGpu(c, n);
			expect(r.ok && r.value.id).toBe("rtx-pro-6000-blackwell");
		}
		for (const n of ["Qwen3-30B", "qwen3-30b-a3b", "QWEN3 30B A3B"]) {
			const r = resolveModel(c, n);
			expect(r.ok && r.value.id).toBe("qwen3-30b-a3b");
		}
	});

	it("explains unknown names with suggestions", () => {
		const r = resolveModel(loadCatalog(), "qwen3-30b-a3");
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.message).toContain('Unknown model "qwen3-30b-a3"');
			expect(r.error.suggestions).toContain("Qwen3-30B-A3B");
		}
	});

	it("rejects invalid user entries with a path and keeps the valid ones", () => {
		const base = loadCatalog();
		const good = { ...base.gpus.all()[0], id: "my-card", name: "My Card", aliases: ["mycard"] };
		const bad = { ...good, id: "broken-card", name: "Broken", aliases: [], bandwidthGBs: -5 };
		const { catalog, issues } = buildCatalog({ gpus: [good, bad] }, base);
		expect(resolveGpu(catalog, "mycard").ok).toBe(true);
		expect(resolveGpu(catalog, "Broken").ok).toBe(false);
		expect(issues.map((i) => i.path).join(" ")).toContain("gpus[1] (broken-card).bandwidthGBs");
		expect(catalog.revision).toBe(base.revision + 1);
	});
});

describe("the issue's name examples", () => {
	it.each([
		["Qwen3-30B", "model", "qwen3-30b-a3b"],
		["qwen3-30b-a3b", "model", "qwen3-30b-a3b"],
		["Llama-3-8B", "model", "llama-3.1-8b"],
		["RTX 6000 PRO B", "gpu", "rtx-pro-6000-blackwell"],
		["rtx-pro-6000", "gpu", "rtx-pro-6000-blackwell"],
		["H100 SXM", "gpu", "h100-sxm"],
	])("%s resolves", (name, kind, id) => {
		const c = loadCatalog();
		const r = kind === "model" ? resolveModel(c, name) : resolveGpu(c, name);
		expect(r.ok && r.value.id).toBe(id);
	});
});
