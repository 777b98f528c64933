// Builds two bundles from the same core:
//  - main.js: the Obsidian plugin (CommonJS, browser-safe: no Node built-ins, runs on mobile)
//  - dist/cli.js: the `gpufit` Node CLI
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { dataPack } from "./scripts/data-pack.mjs";
import { grayMatterSafe } from "./scripts/gray-matter-safe.mjs";

const production = process.argv.includes("production");
const watch = process.argv.includes("watch");
const banner = "/* GPU Fit: generated bundle, see the repository for sources. */";

const plugin = {
	banner: { js: banner },
	entryPoints: ["src/main.ts"],
	bundle: true,
	external: ["obsidian", "electron", "@codemirror/*", "@lezer/*"],
	format: "cjs",
	target: "es2020",
	platform: "browser",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	treeShaking: true,
	minify: production,
	metafile: true,
	outfile: "main.js",
	plugins: [grayMatterSafe({ stubFs: true, yamlLoaderOnly: true }), dataPack()],
};

const cli = {
	banner: { js: "#!/usr/bin/env node\n" + banner },
	entryPoints: ["src/cli/main.ts"],
	bundle: true,
	format: "cjs",
	target: "node20",
	platform: "node",
	external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
	logLevel: "info",
	sourcemap: false,
	minify: false,
	outfile: "dist/cli.js",
	plugins: [grayMatterSafe({ stubFs: false })],
};

const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const configs = [only !== "cli" && plugin, only !== "plugin" && cli].filter(Boolean);

if (watch) {
	for (const c of configs) await (await esbuild.context(c)).watch();
} else {
	for (const c of configs) {
		const result = await esbuild.build(c);
		if (c === plugin && result.metafile) {
			const { writeFile, mkdir } = await import("node:fs/promises");
			await mkdir("dist", { recursive: true });
			await writeFile("dist/main.meta.json", JSON.stringify(result.metafile));
		}
	}
}
