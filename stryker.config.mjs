// StrykerJS mutation testing (`npm run mutation`; not part of `npm test`: a full run takes hours on two cores).
// Incremental: results are kept in test/mutation/stryker-incremental.json (tracked), so a clean clone re-tests only
// the mutants in code or tests that changed since that file was written. `npm run mutation -- --force` re-tests all.
// One folder at a time while working: `npm run mutation -- --mutate 'src/vault/**/*.ts'`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	packageManager: "npm",
	testRunner: "vitest",
	// The mutation config adds a fixed fast-check seed, so property tests draw the same cases for every mutant.
	vitest: { configFile: "test/mutation/vitest.config.ts" },
	checkers: ["typescript"],
	// The checker compiles src/ only (test/mutation/tsconfig.json): a mutant is a compile error when the shipped code
	// does not type-check; checking the tests and benches with it too took half of the run's CPU.
	tsconfigFile: "test/mutation/tsconfig.json",
	typescriptChecker: { prioritizePerformanceOverAccuracy: true },
	mutate: [
		"src/estimator/**/*.ts",
		"!src/estimator/data/**",
		"src/vault/**/*.ts",
		"src/render/**/*.ts",
		// The graph view's drawing and controller need a browser (2D canvas, pointer events, workers): the browser e2e
		// covers them (test/e2e/graph-view.e2e.test.ts), as it covers the plugin's Obsidian-facing code.
		"!src/render/graph/{canvas,paint-job,shapes,gestures,graph-app,layout,panels}.ts",
		"!src/estimator/data-pack/**",
		"src/cli/**/*.ts",
		// The plugin's pure request/settings code: settings reading, block → requests, the unknown-name hint (the rest
		// needs Obsidian and is covered by the browser e2e).
		"src/plugin/settings.ts",
		"src/plugin/compute.ts",
		"src/plugin/catalog-hints.ts",
	],
	coverageAnalysis: "perTest",
	incremental: true,
	incrementalFile: "test/mutation/stryker-incremental.json",
	// Two cores shared with other work: one test process at a time by default (`--concurrency 2` when the machine is free).
	concurrency: 1,
	timeoutMS: 20000,
	timeoutFactor: 3,
	reporters: ["html", "json", "clear-text", "progress"],
	htmlReporter: { fileName: "reports/mutation/index.html" },
	jsonReporter: { fileName: "reports/mutation/mutation.json" },
	clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
	tempDirName: ".stryker-tmp",
	cleanTempDir: true,
	thresholds: { high: 90, low: 85, break: null },
};
