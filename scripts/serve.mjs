#!/usr/bin/env node
// Builds main.js and the browser test host, then serves a vault with the real plugin running in it.
//   npm start                      example-vault/ on http://127.0.0.1:$PORT (default 8377)
//   npm start -- --vault DIR       any folder of notes
//   npm start -- --no-build        serve what is already built
//   npm run build:host             build only (node scripts/serve.mjs --build-only)
// Open ?note=PATH to see a note as Obsidian's reading view would show it, blocks processed; &theme=dark for dark.
// The server itself is test/host/server.ts (also used by the e2e tests), bundled here for Node.
import esbuild from "esbuild";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverOut = path.join(root, "dist", "host", "server.cjs");
await esbuild.build({
	entryPoints: [path.join(root, "test/host/server.ts")],
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node20",
	outfile: serverOut,
	external: ["esbuild"],
	logLevel: "warning",
});
const { buildHost, startServer } = createRequire(import.meta.url)(serverOut);

const args = process.argv.slice(2);
const vaultArg = args.includes("--vault") ? args[args.indexOf("--vault") + 1] : undefined;
if (!args.includes("--no-build")) await buildHost();
if (args.includes("--build-only")) process.exit(0);
const vault = path.resolve(vaultArg ?? path.join(root, "example-vault"));
const { url } = await startServer({ port: Number(process.env.PORT ?? 8377), vault });
console.log(`GPU Fit test host: ${url}  (vault: ${vault})`);
console.log(`Open a note: ${url}?note=<path inside the vault>   Dark theme: &theme=dark`);
