/**
 * User catalog files: every file and entry costs only itself, problems are counted and the first few kept,
 * alias bombs are refused by a per-file value budget, schema bounds refuse implausible numbers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCatalogFrom, ISSUES_KEPT, loadCatalog, resolveGpu } from "../../src/estimator/catalog";
import { formatCatalogIssue, parseCatalogText, valueBudget } from "../../src/estimator/user-catalog";

const base = loadCatalog();
const h100 = base.gpus.get("H100");
if (!h100) throw new Error("H100 missing from the built-in catalog");
const card = (i: number, extra: Record<string, unknown> = {}) => ({ ...h100, id: `card-${i}`, name: `Card ${i}`, aliases: [], ...extra });

describe("user catalog files", () => {
	it("200,000 entries in one JSON file: no stack overflow, counted problems, and the valid file beside it loads", () => {
		// Cheap entries (each fails at once) keep this quick; the CLI test loads 200,000 valid ones end to end.
		const text = JSON.stringify({ gpus: Array.from({ length: 200_000 }, () => 1) });
		const parsed = parseCatalogText(text);
		expect(parsed.issues).toEqual([]);
		const good = parseCatalogText(JSON.stringify({ gpus: [card(1)] }));
		const built = buildCatalogFrom([{ file: "big.json", additions: parsed.additions }, { file: "good.json", additions: good.additions }], base);
		expect(built.files).toEqual([
			{ file: "big.json", loaded: 0, skipped: 200_000, problems: 200_000 },
			{ file: "good.json", loaded: 1, skipped: 0, problems: 0 },
		]);
		expect(built.issues).toHaveLength(ISSUES_KEPT);
		expect(resolveGpu(built.catalog, "Card 1").ok).toBe(true);
	});

	it("10,000 valid entries in one file load and resolve", () => {
		const parsed = parseCatalogText(JSON.stringify({ gpus: Array.from({ length: 10_000 }, (_, i) => card(i)) }));
		const built = buildCatalogFrom([{ file: "many.json", additions: parsed.additions }], base);
		expect(built.files).toEqual([{ file: "many.json", loaded: 10_000, skipped: 0, problems: 0 }]);
		expect(resolveGpu(built.catalog, "Card 9999").ok).toBe(true);
	});

	it("a file of bad entries costs only itself: the valid file beside it loads, and only the first problems are kept", () => {
		const bad = parseCatalogText(JSON.stringify({ gpus: Array.from({ length: 5_000 }, (_, i) => ({ id: `x${i}` })) }));
		const good = parseCatalogText(JSON.stringify({ gpus: [card(1)] }));
		const broken = parseCatalogText("gpus: [\n  { id: a");
		const built = buildCatalogFrom([
			{ file: "bad.json", additions: bad.additions },
			{ file: "broken.yaml", additions: broken.additions },
			{ file: "good.json", additions: good.additions },
		], base);
		expect(resolveGpu(built.catalog, "Card 1").ok).toBe(true);
		expect(built.files.find((f) => f.file === "bad.json")).toEqual({ file: "bad.json", loaded: 0, skipped: 5_000, problems: 5_000 });
		expect(built.issues.filter((i) => i.file === "bad.json")).toHaveLength(ISSUES_KEPT);
		// One issue per entry: its first problem and a count of the rest, never one line per zod issue.
		expect(formatCatalogIssue(built.issues[0] ?? { path: "", message: "" })).toMatch(/^bad\.json: gpus\[0\] \(x0\)\.name: expected string \(got nothing\); and \d+ more problems in this entry \(entry skipped\)$/);
		expect(broken.issues).toHaveLength(1);
		expect(formatCatalogIssue({ ...broken.issues[0] ?? { path: "", message: "" }, file: "broken.yaml" })).toMatch(/^broken\.yaml:\d+: YAML\/JSON error: .*; file skipped$/);
	});

	it("no doubled file names in messages", () => {
		const parsed = parseCatalogText("gpus: 3\nextras: []\n");
		const lines = parsed.issues.map((i) => formatCatalogIssue({ ...i, file: "my.yaml" }));
		expect(lines).toEqual(["my.yaml: gpus: must be a list (got \"3\")".replace('"3"', "3"), "my.yaml: extras: unknown section; expected gpus, models, formats, architectures"]);
		for (const l of lines) expect(l).not.toMatch(/my\.yaml.*my\.yaml/);
	});

	it("implausible numbers are refused by the schema (usableGiB 1e308), with what was found", () => {
		const built = buildCatalogFrom([{ file: "f.json", additions: { gpus: [card(1, { memory: { ...h100.memory, usableGiB: 1e308, marketedGB: 1e308 } })] } }], base);
		expect(resolveGpu(built.catalog, "Card 1").ok).toBe(false);
		expect(formatCatalogIssue(built.issues[0] ?? { path: "", message: "" })).toMatch(/memory\.marketedGB: must be at most 16384 \(got 1e\+308\)/);
		const tflops = buildCatalogFrom([{ file: "f.json", additions: { gpus: [card(2, { tflops: { ...h100.tflops, bf16: 1e20 } })] } }], base);
		expect(tflops.issues[0]?.message).toMatch(/at most 1000000/);
	});

	it("usable memory beyond the marketed size skips the entry (it is not loaded with a warning)", () => {
		const built = buildCatalogFrom([{ file: "f.json", additions: { gpus: [card(1, { memory: { ...h100.memory, usableGiB: 200 } })] } }], base);
		expect(resolveGpu(built.catalog, "Card 1").ok).toBe(false);
		expect(built.issues[0]).toMatchObject({ file: "f.json", skipped: true, message: expect.stringMatching(/200 GiB usable is more than the marketed 80 GB holds/) as unknown });
		expect(built.files[0]).toMatchObject({ loaded: 0, skipped: 1 });
	});

	it("a name another entry holds costs only that name: the entry loads under its others", () => {
		const built = buildCatalogFrom([{ file: "f.json", additions: { gpus: [card(1, { aliases: ["H100", "my card"] })] } }], base);
		expect(resolveGpu(built.catalog, "H100").ok && resolveGpu(built.catalog, "H100").ok).toBe(true);
		const h = resolveGpu(built.catalog, "H100");
		expect(h.ok && h.value.id).toBe("h100-sxm");
		const mine = resolveGpu(built.catalog, "my card");
		expect(mine.ok && mine.value.id).toBe("card-1");
		expect(built.issues[0]).toMatchObject({ file: "f.json", message: expect.stringMatching(/the name "h100" already belongs to h100-sxm/) as unknown });
	});

	it("hostile ids and values are named in bounded text", () => {
		const built = buildCatalogFrom([{ file: "f.json", additions: { gpus: [{ id: "i".repeat(1_000_000), name: ["x"] }] } }], base);
		expect(formatCatalogIssue(built.issues[0] ?? { path: "", message: "" }).length).toBeLessThan(300);
	});

	it("fast-check: alias bombs in catalog files are refused by the value budget, whatever the shape", () => {
		fc.assert(fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 10 }), fc.constantFrom("gpus", "models", "formats"), (depth, width, section) => {
			const lines: string[] = [];
			for (let d = 0; d < depth; d++) lines.push(`a${d}: &a${d} [${Array.from({ length: width }, () => (d === 0 ? "1" : `*a${d - 1}`)).join(", ")}]`);
			const text = `x:\n${lines.map((l) => `  ${l}`).join("\n")}\n${section}:\n  - *a${depth - 1}\n`;
			const parsed = parseCatalogText(text);
			if (width ** depth > valueBudget(text)) {
				expect(parsed.additions).toEqual({});
				expect(parsed.issues).toHaveLength(1);
				expect(parsed.issues[0]?.message).toMatch(/YAML aliases expand to more than 100,000 values .*file skipped/);
			} else {
				// Small enough to walk: validated entry by entry, each problem bounded.
				const built = buildCatalogFrom([{ file: "f.yaml", additions: parsed.additions }], base);
				for (const i of built.issues) expect(formatCatalogIssue(i).length).toBeLessThan(400);
			}
		}), { numRuns: 60 });
	});
});
