/**
 * Plugin state and user catalogs in the browser host, with the production main.js: an unreadable data.json,
 * stored settings out of range, settings typed like block values, and a catalog folder holding broken and
 * hostile files beside a good one. Each costs only itself; blocks keep rendering.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHost, startServer, type HostServer } from "../host/server";
import { launch, within, type Browser } from "./browser";

const ROOT = path.resolve(__dirname, "../..");
const VAULT = path.join(ROOT, "example-vault");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const NOTE = "Hardware/GPU Memory Budgeting.md";

let server: HostServer;
let b: Browser;

beforeAll(async () => {
	await buildHost();
	server = await startServer({ port: 0, vault: VAULT });
	b = await launch();
	fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
	await b?.close();
	await server?.close();
});

/** Open the note with the plugin off, give the host its data.json (or a parse error), then load the plugin. */
async function start(setup: { data: unknown; dataError?: string }): Promise<void> {
	await b.page.goto(`${server.url}?note=${encodeURIComponent(NOTE)}&plugin=off`);
	await within(b.page.evaluate(() => window.gpufitHost.ready), 20_000, "host ready");
	await b.page.evaluate(async (s) => {
		const h = window.gpufitHost;
		h.notices.length = 0;
		h.registry.dataWrites = 0;
		h.registry.data = s.data;
		h.registry.dataError = s.dataError;
		await h.loadPlugin();
	}, setup);
}

const caption = () => b.page.evaluate(() => document.querySelector(".block-language-gpufit caption")?.textContent ?? "");

/** Type into the settings text box of the setting named `name`. */
function typeSetting(name: string, value: string): Promise<string> {
	return b.page.evaluate(([n, v]) => {
		const tab = window.gpufitHost.openSettings();
		const row = Array.from(tab?.querySelectorAll(".setting-item") ?? []).find((s) => s.querySelector(".setting-item-name")?.textContent === n);
		const input = row?.querySelector("input");
		if (!input) throw new Error(`no setting ${n}`);
		input.value = v;
		input.dispatchEvent(new Event("input"));
		return row?.querySelector(".gpufit-setting-problem")?.textContent ?? "";
	}, [name, value] as const);
}

describe("data.json", () => {
	it("unreadable: blocks render on defaults, a Notice says so, the file is never written", async () => {
		await start({ data: null, dataError: "Unexpected token } in JSON at position 12" });
		await b.page.waitForFunction(() => document.querySelectorAll(".block-language-gpufit table.gpufit-table").length > 0, undefined, { timeout: 10_000 });
		expect(await caption()).toMatch(/^Qwen3-30B-A3B on RTX PRO 6000/);
		const notices = await b.page.evaluate(() => [...window.gpufitHost.notices]);
		expect(notices.join("\n")).toMatch(/could not read its settings file data\.json \(Unexpected token \} in JSON at position 12\)\. It runs on the default settings; the file is left as it is/);

		await typeSetting("GPU count", "2");
		await b.page.waitForFunction(() => /^Qwen3-30B-A3B on 2 × /.test(document.querySelector(".block-language-gpufit caption")?.textContent ?? ""), undefined, { timeout: 5000 });
		const after = await b.page.evaluate(() => ({ writes: window.gpufitHost.registry.dataWrites, notices: [...window.gpufitHost.notices] }));
		expect(after.writes).toBe(0);
		expect(after.notices.join("\n")).toMatch(/this change is not saved because data\.json cannot be read/);

		// Fixed on disk (Obsidian reports an external change): read again, saves resume.
		await b.page.evaluate(async () => {
			const h = window.gpufitHost;
			h.registry.dataError = undefined;
			h.registry.data = { version: 2, rig: { gpu: "H100", count: 3 } };
			await (h.plugin as unknown as { onExternalSettingsChange(): Promise<void> }).onExternalSettingsChange();
		});
		await b.page.waitForFunction(() => /^Qwen3-30B-A3B on 3 × H100/.test(document.querySelector(".block-language-gpufit caption")?.textContent ?? ""), undefined, { timeout: 5000 });
		await typeSetting("GPU count", "4");
		await b.page.waitForFunction(() => window.gpufitHost.registry.dataWrites > 0, undefined, { timeout: 5000 });
		expect(await b.page.evaluate(() => window.gpufitHost.registry.data)).toMatchObject({ version: 2, rig: { gpu: "H100", count: 4 } });
		expect(b.errors).toEqual([]);
	});

	it("out-of-range values: reported in a Notice and beside the setting, kept in the file until changed", async () => {
		await start({ data: { version: "2", rig: { gpu: "H100", count: 5000, context: 32768 }, precision: "allow-fp8", somethingNew: 1 } });
		await b.page.waitForFunction(() => document.querySelectorAll(".block-language-gpufit table.gpufit-table").length > 0, undefined, { timeout: 10_000 });
		expect(await caption()).toMatch(/^Qwen3-30B-A3B on H100 .*32K context/);
		expect((await b.page.evaluate(() => window.gpufitHost.notices)).join("\n")).toMatch(/GPU count is too large: at most 1,024 GPUs \(got 5000\)\. Using 1 until you change it\./);
		const problem = await b.page.evaluate(() => {
			const tab = window.gpufitHost.openSettings();
			const row = Array.from(tab?.querySelectorAll(".setting-item") ?? []).find((s) => s.querySelector(".setting-item-name")?.textContent === "GPU count");
			return row?.querySelector(".gpufit-setting-problem")?.textContent ?? "";
		});
		expect(problem).toMatch(/GPU count is too large/);
		await b.page.screenshot({ path: path.join(ARTIFACTS, "settings-problem-light.png"), fullPage: true });

		// An unrelated change keeps the stored count and the unknown key.
		await typeSetting("Default context", "64k");
		await b.page.waitForFunction(() => window.gpufitHost.registry.dataWrites > 0, undefined, { timeout: 5000 });
		expect(await b.page.evaluate(() => window.gpufitHost.registry.data)).toMatchObject({ version: 2, rig: { count: 5000, context: 65536 }, somethingNew: 1 });
		await typeSetting("GPU count", "2");
		await b.page.waitForFunction(() => (window.gpufitHost.registry.data as { rig: { count: number } }).rig.count === 2, undefined, { timeout: 5000 });
	});

	it("settings take block spellings (32k, 1m); a value that cannot be used says why and is not saved", async () => {
		await start({ data: null });
		await b.page.waitForFunction(() => document.querySelectorAll(".block-language-gpufit caption").length > 0, undefined, { timeout: 10_000 });
		expect(await typeSetting("Default context", "32k")).toBe("");
		await b.page.waitForFunction(() => /32K context/.test(document.querySelector(".block-language-gpufit caption")?.textContent ?? ""), undefined, { timeout: 5000 });
		const bad = await typeSetting("Default context", "lots");
		expect(bad).toBe('Default context must be a token count such as 8192, 32k or 1m, from 1 to 10,000,000 (got "lots"). Not saved.');
		expect(await typeSetting("GPU count", "99999999999999999999")).toBe('GPU count is too large: at most 1,024 GPUs (got "99999999999999999999"). Not saved.');
		await b.page.waitForTimeout(500);
		expect(await b.page.evaluate(() => (window.gpufitHost.registry.data as { rig: { context: number; count: number } }).rig)).toMatchObject({ context: 32768, count: 1 });
		await b.page.screenshot({ path: path.join(ARTIFACTS, "settings-typed-error-light.png"), fullPage: true });
	});
});

describe("user catalog folder", () => {
	it("an unknown GPU says where own cards go; broken and hostile files beside a good one cost only themselves", async () => {
		await start({ data: null });
		await b.page.evaluate(() => window.gpufitHost.openNote("Hardware/Serving Engines.md"));
		const lastError = () => b.page.evaluate(() => {
			const blocks = document.querySelectorAll(".block-language-gpufit");
			return blocks[blocks.length - 1]?.querySelector(".gpufit-error")?.textContent ?? "";
		});
		expect(await lastError()).toMatch(/Unknown GPU "Lab Card 96"\..*Settings → GPU Fit → User catalog folder/);

		const good = fs.readFileSync(path.join(VAULT, "catalog/my-gpus.yaml"), "utf8");
		const bomb = `x:\n${Array.from({ length: 9 }, (_, d) => `  a${d}: &a${d} [${Array.from({ length: 10 }, () => (d === 0 ? "1" : `*a${d - 1}`)).join(", ")}]`).join("\n")}\ngpus:\n  - *a8\n`;
		await b.page.evaluate(async ([g, bo]) => {
			const h = window.gpufitHost;
			await h.editNote("mixed/a-many.json", JSON.stringify({ gpus: Array.from({ length: 200_000 }, () => 1) }));
			await h.editNote("mixed/b-broken.yaml", "gpus: [\n  { id: x");
			await h.editNote("mixed/c-bomb.yaml", bo);
			await h.editNote("mixed/d-good.yaml", g);
			h.notices.length = 0;
			const tab = h.openSettings();
			const row = Array.from(tab?.querySelectorAll(".setting-item") ?? []).find((s) => s.querySelector(".setting-item-name")?.textContent === "User catalog folder");
			const input = row?.querySelector("input");
			if (!input) throw new Error("no folder setting");
			input.value = "mixed";
			input.dispatchEvent(new Event("input"));
		}, [good, bomb] as const);
		await b.page.waitForFunction(() => {
			const blocks = document.querySelectorAll(".block-language-gpufit");
			return blocks[blocks.length - 1]?.querySelector("caption")?.textContent?.startsWith("Qwen3-8B on Lab Card 96") === true;
		}, undefined, { timeout: 20_000 });
		const notices = (await b.page.evaluate(() => [...window.gpufitHost.notices])).join("\n");
		expect(notices).toMatch(/GPU Fit: 200,002 problems in the user catalog folder \(200,000 entries skipped; the rest is loaded\)/);
		expect(notices).toMatch(/mixed\/a-many\.json: gpus\[0\]: expected object \(got 1\) \(entry skipped\)/);
		expect(notices).toMatch(/… and 199,999 more problems\./);
		expect(notices.length).toBeLessThan(2_000);
		expect(b.errors).toEqual([]);
	}, 120_000);
});
