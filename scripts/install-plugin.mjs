#!/usr/bin/env node
// Copy the built plugin into a vault:  npm run install-plugin -- /path/to/vault
// Builds main.js first unless --no-build. Writes VAULT/<configDir>/plugins/gpu-fit/{main.js,manifest.json,styles.css}.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const vault = args.find((a) => !a.startsWith("--"));
if (!vault) {
	console.error("usage: npm run install-plugin -- /path/to/vault [--config-dir .obsidian] [--no-build]");
	process.exit(2);
}
if (!existsSync(vault) || !statSync(vault).isDirectory()) {
	console.error(`Not a folder: ${vault}`);
	process.exit(2);
}
const configDir = args.includes("--config-dir") ? args[args.indexOf("--config-dir") + 1] : ".obsidian";
if (!args.includes("--no-build")) {
	const r = spawnSync(process.execPath, ["esbuild.config.mjs", "production", "--only=plugin"], { cwd: root, stdio: "inherit" });
	if (r.status !== 0) process.exit(r.status ?? 1);
}
const { id } = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8"));
const dest = path.join(path.resolve(vault), configDir, "plugins", id);
mkdirSync(dest, { recursive: true });
for (const f of ["main.js", "manifest.json", "styles.css"]) copyFileSync(path.join(root, f), path.join(dest, f));
console.log(`Installed ${id} into ${dest}. In Obsidian: Settings → Community plugins → enable "GPU Fit".`);
