/**
 * `model: hf:Org/Name` in a block, in the browser host with the real main.js: the block says it is reading the
 * model, then shows its table once requestUrl returns the (recorded) config.json; the files land in the plugin
 * folder's cache; a model the Hub does not have, and an offline fetch, say so in the block.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHost, startServer, type HostServer } from "../host/server";
import { launch, within, type Browser } from "./browser";

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
let server: HostServer;
let b: Browser;

beforeAll(async () => {
	await buildHost();
	server = await startServer({ port: 0, vault: path.join(ROOT, "example-vault") });
	b = await launch();
	fs.mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
	await b?.close();
	await server?.close();
});

describe("hf: models in blocks", () => {
	it("fetches, caches and renders an imported model; explains missing and unreachable ones", async () => {
		await b.page.goto(`${server.url}?note=${encodeURIComponent("Scratch note without frontmatter.md")}&theme=light`);
		await within(b.page.evaluate(() => window.gpufitHost.ready), 20_000, "host ready");
		const note = [
			"# Hub models",
			"```gpufit\nmodel: hf:Qwen/Qwen3-30B-A3B\ngpu: RTX 4090\nengine: llama.cpp\nquant: q4_k_m, q8_0\n```",
			"```gpufit\nmodel: hf:nobody/Nothing\ngpu: RTX 4090\n```",
			"```gpufit\nmodel: hf:openai/gpt-oss-20b\ngpu: [RTX 4090, RX 7900 XTX]\nengine: llama.cpp\n```",
			"```gpufit\nmodel: Qwen3-8B\ngpu: RX 7900 XTX\nengine: llama.cpp\nbackend: vulkan\nquant: q4_k_m\n```",
		].join("\n\n");
		await b.page.evaluate(async (text) => {
			await window.gpufitHost.editNote("Hub models.md", text);
			window.gpufitHost.openNote("Hub models.md");
		}, note);
		await b.page.waitForFunction(() => document.querySelector(".block-language-gpufit caption")?.textContent?.startsWith("hf:Qwen/Qwen3-30B-A3B on") === true, undefined, { timeout: 10_000 });
		const dom = await b.page.evaluate(() => Array.from(document.querySelectorAll(".block-language-gpufit")).map((el) => ({
			caption: el.querySelector("caption")?.textContent ?? "",
			rows: el.querySelectorAll("table.gpufit-table tbody tr").length,
			error: el.querySelector(".gpufit-error")?.textContent ?? "",
		})));
		expect(dom[0]?.rows).toBe(2);
		expect(dom[1]?.error).toMatch(/hf:nobody\/Nothing: No config\.json for nobody\/Nothing \(HTTP 404\)/);
		expect(dom[2]?.error ?? "").toBe("");
		// backend: is a block key: the Vulkan table renders.
		expect(dom[3]?.error ?? "").toBe("");
		expect(dom[3]?.rows).toBe(1);
		const cached = await b.page.evaluate(() => window.gpufitHost.adapterFiles().filter((f) => f.includes("/hf-cache/")));
		expect(cached.some((f) => f.endsWith("Qwen_Qwen3-30B-A3B_resolve_main_config.json"))).toBe(true);
		await b.page.screenshot({ path: path.join(ARTIFACTS, "gpufit-hf-import.png"), fullPage: true });
	});
});
