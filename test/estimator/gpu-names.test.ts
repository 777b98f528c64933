/** GPU names as people write them: with the marketed memory size, and what an unknown name says. */
import { describe, expect, it } from "vitest";
import { buildCatalog, loadCatalog, resolveGpu, resolveModel, withHints } from "../../src/estimator/catalog";
import { computeFitTable } from "../../src/estimator/fit";

const c = loadCatalog();
const id = (name: string) => {
	const r = resolveGpu(c, name);
	return r.ok ? r.value.id : r.error.message;
};

describe("marketed sizes in GPU names", () => {
	it.each([
		["RTX PRO 6000 98GB", "rtx-pro-6000-blackwell"],
		["RTX PRO 6000 96GB", "rtx-pro-6000-blackwell"],
		["RTX PRO 6000 96 GB", "rtx-pro-6000-blackwell"],
		["RTX PRO 6000 (96 GB)", "rtx-pro-6000-blackwell"],
		["RTX PRO 6000 Max-Q 96GB", "rtx-pro-6000-blackwell-max-q"],
		["H100 80GB", "h100-sxm"],
		["H100 80 GB", "h100-sxm"],
		["H100 SXM 80GB", "h100-sxm"],
		["H100 PCIe 80GB", "h100-pcie"],
		["A100 40GB", "a100-sxm-40gb"],
		["A100 80 GB", "a100-sxm-80gb"],
		["RTX 4090 24GB", "rtx-4090"],
		["RTX 5090 32 GB", "rtx-5090"],
		["H200 141GB", "h200-sxm"],
		["L40S 48 GiB", "l40s"],
	])("%s → %s", (name, expected) => {
		expect(id(name)).toBe(expected);
	});

	it("a size the card does not have is an error that says so, not a silent guess", () => {
		expect(id("RTX 4090 48GB")).toBe('Unknown GPU "RTX 4090 48GB". GeForce RTX 4090 has 24 GB, not 48 GB. Did you mean "GeForce RTX 4090"?');
		expect(id("H100 40GB")).toMatch(/Cards of that name have 80 GB \(H100 SXM5 80GB\), 94 GB \(H100 NVL 94GB\), not 40 GB\./);
	});

	it("sizes never turn a model name into something else, nor an unrelated GPU into a match", () => {
		expect(resolveModel(c, "Qwen3-30B").ok).toBe(true);
		expect(id("Frobnicator 80GB")).toMatch(/^Unknown GPU "Frobnicator 80GB"\./);
	});
});

describe("unknown names say where own entries come from", () => {
	it("the hint of the surface follows the suggestions", () => {
		const hinted = withHints(c, { gpu: "Add your own in a catalog file." });
		const r = resolveGpu(hinted, "Lab Card 96");
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/^Unknown GPU "Lab Card 96"\..* Add your own in a catalog file\.$/);
	});

	it("two unknown names in one request say the hint once, at the end", () => {
		const hinted = withHints(c, { gpu: "Add your own.", model: "Add your own." });
		const r = computeFitTable(hinted, { model: "Qwen3-31B", gpu: "RTX 4090 Ti Super" });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.message.match(/Add your own\./g)).toHaveLength(1);
			expect(r.error.message).toMatch(/^Unknown model "Qwen3-31B"\. Did you mean .*\? Unknown GPU "RTX 4090 Ti Super"\. Did you mean "GeForce RTX 4090"[^?]*\? Add your own\.$/);
		}
	});

	it("did you mean covers user entries once they are loaded", () => {
		const h100 = c.gpus.get("H100");
		if (!h100) throw new Error("H100 missing");
		const { catalog } = buildCatalog({ gpus: [{ ...h100, id: "lab-card-96", name: "Lab Card 96", aliases: ["labcard96"] }] }, c);
		const r = resolveGpu(catalog, "Lab Crad 96");
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.suggestions).toContain("Lab Card 96");
	});

	it("a 1 MB name is echoed in 60 characters", () => {
		const r = resolveGpu(c, "x".repeat(1_000_000));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message.length).toBeLessThan(200);
	});
});
