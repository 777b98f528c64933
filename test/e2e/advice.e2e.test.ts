/**
 * Scaling advice in the browser host with the production main.js: the "Recompute scaling advice" command on the
 * example note writes the section and the two properties (the same bytes `gpufit advise --note --write` writes),
 * says what changed in a Notice, changes nothing the second time, refuses a damaged section; a `show: advice` block
 * renders the advice live at note and phone widths.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { buildHost, startServer, type HostServer } from "../host/server";
import { launch, within, type Browser } from "./browser";

const ROOT = path.resolve(__dirname, "../..");
const VAULT = path.join(ROOT, "example-vault");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const NOTE = "Hardware/Second Card or Wait.md";
const COMMAND = "gpu-fit:recompute-scaling-advice";

let server: HostServer;
let b: Browser;

async function open(note: string): Promise<void> {
	await b.page.goto(`${server.url}?note=${encodeURIComponent(note)}`);
	await within(b.page.evaluate(() => window.gpufitHost.ready), 20_000, "host ready");
}

/** Run a command the way Obsidian's palette does (checkCallback(false)) and wait for its Notice. */
async function runCommand(id: string): Promise<string> {
	return within(b.page.evaluate(async (commandId) => {
		const host = window.gpufitHost;
		const before = host.notices.length;
		const command = host.registry.commands.get(commandId);
		if (!command?.checkCallback) throw new Error(`no command ${commandId}`);
		if (!command.checkCallback(true)) throw new Error("command not available");
		command.checkCallback(false);
		for (let i = 0; i < 200 && host.notices.length === before; i++) await host.settle(50);
		return host.notices[host.notices.length - 1] ?? "";
	}, id), 20_000, `command ${id}`);
}

const noteText = () => b.page.evaluate((p) => window.gpufitHost.noteText(p) ?? "", NOTE);

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

describe("scaling advice in the browser host", () => {
	it("a show: advice block renders the note's advice live, readable at 700 px and 420 px", async () => {
		await b.page.setViewportSize({ width: 1000, height: 1000 });
		await open(NOTE);
		// The block asks the vault index for the note's gpufit property; wait until it answers with the two variants.
		// The block first answers for its own model; once the index has the note it re-renders with the note's property.
		await b.page.waitForFunction(() => /2× Qwen3-30B-A3B fine-tunes/.test(document.querySelector(".gpufit-advice")?.textContent ?? ""), undefined, { timeout: 20_000 });
		const dom = await b.page.evaluate(() => {
			const adv = document.querySelector(".gpufit-advice");
			return {
				recommendation: adv?.querySelector(".gpufit-advice-recommendation")?.textContent ?? "",
				reasons: Array.from(adv?.querySelectorAll(".gpufit-advice-reasons li") ?? []).map((li) => li.textContent ?? ""),
				rows: Array.from(adv?.querySelectorAll("tbody tr") ?? []).map((tr) => ({ option: tr.getAttribute("data-option"), cells: Array.from(tr.children).map((c) => c.textContent ?? "") })),
				recommended: adv?.querySelector("tr.is-recommended")?.getAttribute("data-option") ?? "",
				changes: Array.from(adv?.querySelectorAll(".gpufit-advice-changes li") ?? []).map((li) => li.textContent ?? ""),
				error: document.querySelector(".block-language-gpufit .gpufit-error")?.textContent ?? "",
			};
		});
		expect(dom.error).toBe("");
		expect(dom.recommendation).toBe("Recommendation: Add 1× RTX PRO 6000 Blackwell Workstation Edition (2 in total)");
		expect(dom.reasons.join(" ")).toMatch(/2× Qwen3-30B-A3B fine-tunes \(Qwen3-30B-A3B\), BF16, 32k tokens, 4 users each on GPU 1 and GPU 2/);
		expect(dom.recommended).toBe("add-identical-1");
		expect(dom.rows.length).toBeGreaterThanOrEqual(8);
		expect(dom.rows.find((r) => r.option === "keep")?.cells[2]).toBe("no (1 of 2 models fit)");
		// What 8-bit changes the answer to depends on the vLLM runtime model (round 2: each instance profiles its own sampler pass).
		expect(dom.changes.join(" ")).toMatch(/Allowing 8-bit quantization changes the answer to: /);
		const block = b.page.locator(".block-language-gpufit").first();
		await block.screenshot({ path: path.join(ARTIFACTS, "advice-block-1000.png") });
		// A note pane of ~700 px and a 420 px phone: the host's file list goes away, as Obsidian's sidebar does on a phone.
		await b.page.addStyleTag({ content: ".host-sidebar { display: none; }" });
		for (const width of [700, 420]) {
			await b.page.setViewportSize({ width, height: 1000 });
			await block.screenshot({ path: path.join(ARTIFACTS, `advice-block-${width}.png`) });
			// The block stays inside the page; its wide table scrolls inside its own box. (The host's toolbar and
			// properties table are host chrome and may be wider.)
			const box = await b.page.evaluate(() => {
				const blockEl = document.querySelector(".block-language-gpufit");
				const scroll = document.querySelector(".gpufit-advice .gpufit-scroll");
				return {
					right: blockEl?.getBoundingClientRect().right ?? Infinity,
					page: document.documentElement.clientWidth,
					scrolls: scroll ? scroll.scrollWidth > scroll.clientWidth : false,
				};
			});
			expect(box.right, `${width} px`).toBeLessThanOrEqual(box.page);
			expect(box.scrolls, `${width} px`).toBe(true);
			const reasonsWidth = await b.page.evaluate(() => document.querySelector(".gpufit-advice-reasons")?.getBoundingClientRect().width ?? 0);
			expect(reasonsWidth, `${width} px`).toBeGreaterThan(width * 0.6);
		}
		await b.page.setViewportSize({ width: 1280, height: 900 });
		expect(b.errors).toEqual([]);
	});

	it("the command writes the section and properties (the CLI's bytes), a Notice says so, a second run changes nothing", async () => {
		await open(NOTE);
		const original = await noteText();
		expect(original).not.toContain("gpufit:advice:start");
		const date = await b.page.evaluate(() => {
			const d = new Date();
			return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
		});

		const notice = await runCommand(COMMAND);
		expect(notice).toBe("Second Card or Wait: scaling advice added: Add 1× RTX PRO 6000 Blackwell Workstation Edition (2 in total).");
		const written = await noteText();

		// Everything the note had is still there, in order; the section is appended; the properties are added.
		const body = original.slice(original.indexOf("\n---\n") + 5);
		expect(written).toContain(body);
		expect(written).toMatch(/\ngpufit-advice: "Add 1× RTX PRO 6000 Blackwell Workstation Edition \(2 in total\)"\ngpufit-advice-updated: \d{4}-\d{2}-\d{2}\n---\n/);
		expect(written).toContain(`_Computed for ${date} with the GPU Fit catalog`);
		expect(written.trimEnd().endsWith("<!-- gpufit:advice:end -->")).toBe(true);

		// `gpufit advise --note PATH --write` on a copy of the same note writes the same bytes.
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gpufit-e2e-advice-"));
		try {
			const copy = path.join(dir, "Second Card or Wait.md");
			fs.writeFileSync(copy, original, "utf8");
			let out = "";
			let err = "";
			const code = await main(["advise", "--note", copy, "--write", "--date", date], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
			expect(err).toBe("");
			expect(code).toBe(0);
			expect(out).toMatch(/scaling advice added/);
			expect(fs.readFileSync(copy, "utf8")).toBe(written);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}

		// The reading view follows the edit; the metadata cache sees the properties.
		await b.page.evaluate(() => window.gpufitHost.settle(200));
		const props = await b.page.evaluate((p) => {
			const f = window.gpufitHost.app.vault.getFileByPath(p);
			return f ? window.gpufitHost.app.metadataCache.getFileCache(f)?.frontmatter : undefined;
		}, NOTE);
		expect(props?.["gpufit-advice"]).toBe("Add 1× RTX PRO 6000 Blackwell Workstation Edition (2 in total)");
		await b.page.screenshot({ path: path.join(ARTIFACTS, "advice-note-written.png"), fullPage: true });

		const again = await runCommand(COMMAND);
		expect(again).toBe(`Second Card or Wait: scaling advice unchanged (Add 1× RTX PRO 6000 Blackwell Workstation Edition (2 in total), computed ${date}).`);
		expect(await noteText()).toBe(written);
		expect(b.errors).toEqual([]);
	});

	it("a damaged section is reported in the Notice and the note is left alone", async () => {
		await open(NOTE);
		expect(await runCommand(COMMAND)).toMatch(/scaling advice added/);
		const text = await noteText();
		const damaged = text.replace("<!-- gpufit:advice:end -->", "");
		await b.page.evaluate(([p, t]) => window.gpufitHost.editNote(p, t), [NOTE, damaged] as const);
		const notice = await runCommand(COMMAND);
		expect(notice).toMatch(/^Second Card or Wait: not written\. The advice section is damaged: the start marker \(line \d+\) has no end marker\./);
		expect(await noteText()).toBe(damaged);
		// Restore the original note for any later test in this browser.
		await b.page.evaluate(([p, t]) => window.gpufitHost.editNote(p, t), [NOTE, text] as const);
	});

	it("the series command updates every note of the series that asks for advice", async () => {
		await open(NOTE);
		// Let the index finish (it was built in the first test's page load; this is a fresh page).
		await b.page.waitForFunction(() => (document.querySelector(".status-bar")?.textContent ?? "").match(/\d+ notes?/) !== null, undefined, { timeout: 20_000 });
		const notice = await runCommand("gpu-fit:recompute-scaling-advice-series");
		expect(notice).toMatch(/^Scaling advice for S13_Hardware: 1 note updated, 0 unchanged\./);
		const again = await runCommand("gpu-fit:recompute-scaling-advice-series");
		expect(again).toMatch(/^Scaling advice for S13_Hardware: 0 notes updated, 1 unchanged\./);
		expect(b.errors).toEqual([]);
	});
});
