/**
 * Vitest as Stryker runs it: the unit suite (same files as `npm run unit`) with fast-check seeded once for the whole
 * run, so every mutant meets the same generated cases and a mutant's result does not depend on luck.
 */
import { resolve } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "../../vitest.config.mjs";

export default mergeConfig(base, defineConfig({
	root: resolve(__dirname, "../.."),
	test: { setupFiles: [resolve(__dirname, "fc-seed.ts")] },
}));
