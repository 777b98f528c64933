/**
 * Vitest as Stryker runs it: the unit suite (same files as `npm run unit`) with fast-check seeded once for the whole
 * run, so every mutant meets the same generated cases and a mutant's result does not depend on luck.
 * Left out, because they measure the machine rather than the answer and instrumented code is several times slower:
 * the vault's memory-growth tests (10,000 parses each; they outlast any timeout) and the hostile-notes fuzz (a
 * 3-second watchdog per parse; a mutant that makes parsing blow up is caught by Stryker's own timeout instead).
 */
import { resolve } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "../../vitest.config.mjs";

export default mergeConfig(base, defineConfig({
	root: resolve(__dirname, "../.."),
	test: {
		setupFiles: [resolve(__dirname, "fc-seed.ts")],
		exclude: ["test/vault/memory.test.ts", "test/vault/hostile-notes.fuzz.test.ts"],
	},
}));
