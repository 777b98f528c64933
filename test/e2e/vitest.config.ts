// Browser end-to-end tests: the production main.js in the test host, in Debian's chromium.
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["test/e2e/**/*.e2e.test.ts"],
		environment: "node",
		testTimeout: 60_000,
		hookTimeout: 120_000,
		fileParallelism: false,
	},
});
