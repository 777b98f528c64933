// Lint: Obsidian's recommended rules (typed), plus typescript-eslint for the whole tree.
import tseslint from "typescript-eslint";
import obsidianmd from "eslint-plugin-obsidianmd";
import { defineConfig, globalIgnores } from "eslint/config";

/** A folder's import ban: our folders it must not reach, and (with noObsidian) the obsidian package. */
function layer(files, why, folders, noObsidian) {
	return [{
		files: [files],
		rules: {
			"no-restricted-imports": ["error", {
				patterns: [{ group: folders, message: `Layering: ${why}.` }],
				...(noObsidian ? { paths: [{ name: "obsidian", message: `Layering: ${why}; only src/plugin and src/main.ts import obsidian.` }] } : {}),
			}],
		},
	}];
}

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "dist/", "coverage/", "test-artifacts/", "bench/out/", "example-vault/", "**/*.mjs", ".stryker-tmp/", "reports/"]),
	...obsidianmd.configs.recommended,
	{
		files: ["**/*.ts", "**/*.mts"],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		// TypeScript itself checks undefined names (and knows Node's globals where @types/node applies).
		rules: { "no-undef": "off" },
	},
	{
		// js-yaml already ships in main.js as gray-matter's parser; a second YAML library would only add size.
		files: ["package.json"],
		rules: { "depend/ban-dependencies": ["error", { presets: ["native", "microutilities", "preferred"], allowed: ["js-yaml"] }] },
	},
	// The layers (README "Layout"), kept true by lint: each folder imports only the layers below it.
	...layer("src/estimator/**/*.ts", "the estimator (layer 1) is pure: it imports nothing of ours", ["**/vault/**", "**/render/**", "**/plugin/**", "**/cli/**", "**/main"], true),
	...layer("src/vault/**/*.ts", "the vault index (layer 2) imports only the estimator", ["**/render/**", "**/plugin/**", "**/cli/**", "**/main"], true),
	...layer("src/render/**/*.ts", "rendering (layer 3) imports only the estimator and the vault index", ["**/plugin/**", "**/cli/**", "**/main"], true),
	...layer("src/cli/**/*.ts", "the CLI (layer 5) shares layers 1–3, never the plugin", ["**/plugin/**", "**/main"], true),
	{
		// The CLI, tests, benches and the browser test host run on Node / in a test page, not in Obsidian.
		files: ["src/cli/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts", "vitest.config.mts"],
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
			"no-console": "off",
			"obsidianmd/rule-custom-message": "off",
			"obsidianmd/prefer-active-doc": "off",
			"obsidianmd/hardcoded-config-path": "off",
			"obsidianmd/no-global-this": "off",
			"no-restricted-globals": "off",
			"import/no-extraneous-dependencies": "off",
		},
	},
]);
