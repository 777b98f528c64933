// Lint: Obsidian's recommended rules (typed), plus typescript-eslint for the whole tree.
import tseslint from "typescript-eslint";
import obsidianmd from "eslint-plugin-obsidianmd";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "dist/", "coverage/", "test-artifacts/", "bench/out/", "example-vault/", "**/*.mjs"]),
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
