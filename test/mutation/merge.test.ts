/** The incremental file keeps every folder's results across runs over one folder (scripts/mutation-merge.mjs). */
import { describe, expect, it } from "vitest";
import { mergeReports, type Report } from "../../scripts/mutation-merge.mjs";

const base: Report = {
	files: {
		"src/a.ts": { source: "a-old", mutants: [{ id: "0", status: "Killed", killedBy: ["1"], coveredBy: ["0", "1"] }] },
		"src/b.ts": { source: "b", mutants: [{ id: "1", status: "Survived", coveredBy: ["1"] }] },
		"src/gone.ts": { source: "g", mutants: [{ id: "2", status: "Killed", killedBy: ["0"] }] },
	},
	testFiles: {
		"test/a.test.ts": { source: "ta-old", tests: [{ id: "0", name: "a one" }, { id: "1", name: "a two" }] },
		"test/b.test.ts": { source: "tb", tests: [{ id: "2", name: "b one" }] },
	},
};
const next: Report = {
	files: { "src/a.ts": { source: "a-new", mutants: [{ id: "0", status: "Survived", coveredBy: ["0"] }] } },
	testFiles: { "test/a.test.ts": { source: "ta-new", tests: [{ id: "0", name: "a two" }, { id: "1", name: "a three" }] } },
};

describe("mergeReports", () => {
	const merged = mergeReports(base, next, (p) => p !== "src/gone.ts");
	const testName = (id: string): string | undefined => Object.values(merged.testFiles ?? {}).flatMap((f) => f.tests).find((t) => t.id === id)?.name;

	it("takes the run's files, keeps the others that still exist", () => {
		expect(Object.keys(merged.files)).toEqual(["src/a.ts", "src/b.ts"]);
		expect(merged.files["src/a.ts"]?.source).toBe("a-new");
		expect(merged.files["src/a.ts"]?.mutants.map((m) => m.status)).toEqual(["Survived"]);
	});

	it("keeps each mutant's tests by name under the merged ids, and ids unique", () => {
		expect(merged.files["src/a.ts"]?.mutants[0]?.coveredBy?.map(testName)).toEqual(["a two"]);
		expect(merged.files["src/b.ts"]?.mutants[0]?.coveredBy?.map(testName)).toEqual(["a two"]);
		expect(merged.testFiles?.["test/a.test.ts"]?.source).toBe("ta-new");
		expect(merged.testFiles?.["test/b.test.ts"]?.tests.map((t) => t.name)).toEqual(["b one"]);
		const testIds = Object.values(merged.testFiles ?? {}).flatMap((f) => f.tests.map((t) => t.id));
		expect(new Set(testIds).size).toBe(testIds.length);
		const mutantIds = Object.values(merged.files).flatMap((f) => f.mutants.map((m) => m.id));
		expect(new Set(mutantIds).size).toBe(mutantIds.length);
	});
});
