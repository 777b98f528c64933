/**
 * Vitest as Stryker runs it: the unit suite (same files as `npm run unit`) with fast-check seeded once for the whole
 * run, so every mutant meets the same generated cases and a mutant's result does not depend on luck.
 * Left out: the vault's memory-growth tests (10,000 parses each: in instrumented code they outlast any timeout, and
 * what they guard is heap size, which no mutant of a formula or a branch changes without a functional test noticing).
 */
import { resolve } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "../../vitest.config.mjs";

export default mergeConfig(base, defineConfig({
	root: resolve(__dirname, "../.."),
	test: {
		setupFiles: [resolve(__dirname, "fc-seed.ts")],
		exclude: ["test/vault/memory.test.ts"],
	},
}));
