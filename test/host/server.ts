/**
 * The test host's build and HTTP server (Node side), shared by `npm start` (scripts/serve.mjs) and the e2e tests.
 * Serves the host page, the production main.js (wrapped so the page supplies `require("obsidian")`),
 * styles.css, manifest.json and a vault folder as JSON.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";

/** The repository root: the nearest folder above this file with a manifest.json (works bundled or not). */
function findRoot(): string {
	for (let dir = __dirname; ; dir = path.dirname(dir)) {
		if (fs.existsSync(path.join(dir, "manifest.json")) && fs.existsSync(path.join(dir, "package.json"))) return dir;
		if (path.dirname(dir) === dir) return process.cwd();
	}
}

export const root = findRoot();
const HOST_OUT = path.join(root, "dist", "host");

const INDEX_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GPU Fit test host</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/host.css"><link rel="stylesheet" href="/styles.css">
</head><body><script src="/host.js"></script></body></html>`;

export async function buildHost({ plugin = true }: { plugin?: boolean } = {}): Promise<void> {
	if (plugin) {
		const r = spawnSync(process.execPath, ["esbuild.config.mjs", "production", "--only=plugin"], { cwd: root, stdio: "inherit" });
		if (r.status !== 0) throw new Error("building main.js failed");
	}
	const esbuild = await import("esbuild");
	await esbuild.build({
		entryPoints: [path.join(root, "test/host/app.ts")],
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "es2020",
		outfile: path.join(HOST_OUT, "host.js"),
		sourcemap: "inline",
		logLevel: "warning",
	});
}

const SKIP = new Set([".obsidian", ".trash", ".git", "node_modules"]);
const TEXT_EXT = new Set([".md", ".json", ".yaml", ".yml", ".canvas", ".txt"]);

interface FileOut { path: string; content: string; mtime: number }

async function walk(dir: string, base: string, out: FileOut[]): Promise<FileOut[]> {
	for (const e of await readdir(dir, { withFileTypes: true })) {
		if (SKIP.has(e.name)) continue;
		const full = path.join(dir, e.name);
		if (e.isDirectory()) await walk(full, base, out);
		else if (e.isFile() && TEXT_EXT.has(path.extname(e.name).toLowerCase())) {
			const s = await stat(full);
			out.push({ path: path.relative(base, full).split(path.sep).join("/"), content: await readFile(full, "utf8"), mtime: Math.round(s.mtimeMs) });
		}
	}
	return out;
}

async function vaultPayload(vault: string): Promise<{ name: string; files: FileOut[]; pluginData: unknown; pluginDataError?: string }> {
	const files = await walk(vault, vault, []);
	let text: string;
	try {
		text = await readFile(path.join(vault, ".obsidian/plugins/gpu-fit/data.json"), "utf8");
	} catch {
		return { name: path.basename(vault), files, pluginData: null };
	}
	try {
		return { name: path.basename(vault), files, pluginData: JSON.parse(text) as unknown };
	} catch (e) {
		// As in Obsidian, an unparseable data.json makes loadData reject.
		return { name: path.basename(vault), files, pluginData: null, pluginDataError: e instanceof Error ? e.message : String(e) };
	}
}

const TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8" };

/** Start serving; resolves to { url, close }. port 0 picks a free port. */
export interface HostServer {
	url: string;
	close(): Promise<void>;
}

export async function startServer({ port = 8377, vault = path.join(root, "example-vault"), host = "127.0.0.1" }: { port?: number; vault?: string; host?: string } = {}): Promise<HostServer> {
	const vaultDir = path.resolve(vault);
	const server = createServer((req, res) => void handle(req.url ?? "/", res));
	const handle = async (reqUrl: string, res: import("node:http").ServerResponse): Promise<void> => {
		try {
			const url = new URL(reqUrl, "http://x");
			const send = (status: number, type: string, body: string | Buffer): void => {
				res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
				res.end(body);
			};
			switch (url.pathname) {
				case "/":
				case "/index.html":
					return send(200, "text/html; charset=utf-8", INDEX_HTML);
				case "/host.js":
					return send(200, TYPES[".js"] ?? "", await readFile(path.join(HOST_OUT, "host.js")));
				case "/host.css":
					return send(200, TYPES[".css"] ?? "", await readFile(path.join(root, "test/host/host.css")));
				case "/styles.css":
					return send(200, TYPES[".css"] ?? "", await readFile(path.join(root, "styles.css")));
				case "/manifest.json":
					return send(200, TYPES[".json"] ?? "", await readFile(path.join(root, "manifest.json")));
				case "/main.js":
					return send(200, TYPES[".js"] ?? "", await readFile(path.join(root, "main.js")));
				case "/plugin.js": {
					// The production bundle, unchanged, inside a CommonJS wrapper so the host supplies `require`.
					const code = await readFile(path.join(root, "main.js"), "utf8");
					return send(200, TYPES[".js"] ?? "", `window.__gpufitDefine(function (require, module, exports) {\n${code}\n});\n`);
				}
				case "/api/vault":
					return send(200, TYPES[".json"] ?? "", JSON.stringify(await vaultPayload(vaultDir)));
				default: {
					// Recorded Hugging Face files for the host's requestUrl: /hf/Org/Name/resolve/main/<file>.
					const hf = /^\/hf\/([\w.-]+\/[\w.-]+)\/resolve\/main\/([\w.-]+)$/.exec(url.pathname);
					if (hf) {
						const file = path.join(root, "test/fixtures/hf", hf[1] ?? "", hf[2] ?? "");
						return fs.existsSync(file) ? send(200, TYPES[".json"] ?? "", await readFile(file)) : send(404, "text/plain", "not found");
					}
					return send(404, "text/plain", "not found");
				}
			}
		} catch (e) {
			res.writeHead(500, { "content-type": "text/plain" });
			res.end(String(e));
		}
	};
	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(port, host, () => resolve());
	});
	const addr = server.address();
	const url = `http://${host}:${typeof addr === "object" && addr ? addr.port : port}/`;
	return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

