// esbuild plugin: gray-matter as the bundles ship it (main.js and dist/cli.js).
// - lib/engines.js is replaced by YAML (js-yaml's safeLoad, gray-matter's default) and JSON only: gray-matter's
//   `javascript` engine `eval`s a `---js` frontmatter, and that code should not even be in the bundle (the parser
//   passes refusing engines on every call as well: src/vault/note/read-frontmatter.ts).
// - lib/utils.js copies every note into a Buffer (`orig`, which nothing here reads): Obsidian mobile has no Buffer,
//   so the copy is dropped (the text itself is kept). The build fails if the line changed in a gray-matter update.
// - index.js tests for a comments-only block with `/^\s*#[^\n]+/gm`, quadratic in runs of blank lines (20,000 blank
//   lines: ~0.9 s, on every edit of such a note): replaced by src/vault/note/comments-only.ts, one linear pass that
//   gives the same answer (a differential property test checks it).
// - `fs` (only `matter.read` uses it) is an empty module in main.js, which must require nothing but `obsidian`.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ENGINES = `"use strict";
const yaml = require("js-yaml");
exports.yaml = { parse: yaml.safeLoad.bind(yaml), stringify: yaml.safeDump.bind(yaml) };
exports.json = { parse: JSON.parse.bind(JSON), stringify: (obj) => JSON.stringify(obj, null, 2) };
`;
const TO_BUFFER = "return typeof input === 'string' ? Buffer.from(input) : input;";
const COMMENTS_ONLY = "const block = file.matter.replace(/^\\s*#[^\\n]+/gm, '').trim();\n  if (block === '') {";
const commentsOnlyModule = resolve(dirname(fileURLToPath(import.meta.url)), "../src/vault/note/comments-only.ts");

/** `text` with `from` replaced, or a build error when a gray-matter update changed the line. */
function patch(path, text, from, to) {
	if (!text.includes(from)) throw new Error(`gray-matter-safe: ${path} no longer has the line it patches; check the new version`);
	return text.replace(from, to);
}

export function grayMatterSafe({ stubFs }) {
	return {
		name: "gray-matter-safe",
		setup(build) {
			const inGrayMatter = (importer) => /[\\/]gray-matter[\\/]/.test(importer);
			build.onResolve({ filter: /^\.\/(lib\/)?engines$/ }, (args) => (inGrayMatter(args.importer) ? { path: "engines", namespace: "gray-matter-safe" } : undefined));
			build.onLoad({ filter: /^engines$/, namespace: "gray-matter-safe" }, () => ({ contents: ENGINES, loader: "js", resolveDir: process.cwd() }));
			build.onLoad({ filter: /[\\/]gray-matter[\\/]lib[\\/]utils\.js$/ }, async (args) => ({
				contents: patch(args.path, await readFile(args.path, "utf8"), TO_BUFFER, "return input;"), loader: "js",
			}));
			build.onLoad({ filter: /[\\/]gray-matter[\\/]index\.js$/ }, async (args) => ({
				contents: patch(args.path, await readFile(args.path, "utf8"), COMMENTS_ONLY, `if (require(${JSON.stringify(commentsOnlyModule)}).commentsOnly(file.matter)) {`),
				loader: "js", resolveDir: dirname(args.path),
			}));
			if (stubFs) {
				build.onResolve({ filter: /^fs$/ }, (args) => (inGrayMatter(args.importer) ? { path: "fs", namespace: "gray-matter-safe" } : undefined));
				build.onLoad({ filter: /^fs$/, namespace: "gray-matter-safe" }, () => ({ contents: "module.exports = {};", loader: "js" }));
			}
		},
	};
}
