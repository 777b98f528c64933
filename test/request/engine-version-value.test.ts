/** An engine-version value that is not one echoes a bounded description, never a serialization of shared YAML values. */
import { describe, expect, it } from "vitest";
import { fieldOf } from "../../src/estimator/request";

describe("engine-version problems", () => {
	it("a value built from shared references (what a YAML alias gives) is described in bounded text", () => {
		// 30 levels, each holding the one below twice: 2^30 leaves if serialized, a few objects in memory.
		let v: unknown = ["x".repeat(100)];
		for (let i = 0; i < 30; i++) v = [v, v];
		const r = fieldOf("engineVersion").parse(v);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problem).toMatch(/^must be v0 or v1 \(vLLM\) or a llama\.cpp build such as b2834 \(got /);
		expect(r.problem.length).toBeLessThan(400);
	});

	it("a wrong text is quoted back", () => {
		const r = fieldOf("engineVersion").parse("v7");
		expect(r.ok ? "" : r.problem).toMatch(/got .*v7/);
	});
});
