/** Launches Debian's chromium through playwright-core: headless, fresh profile, no network beyond localhost. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Browser {
	context: BrowserContext;
	page: Page;
	dialogs: string[];
	errors: string[];
	close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gpufit-e2e-"));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1280, height: 900 },
		timeout: 60_000,
		args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
			"--disable-sync", "--no-first-run", "--disable-quic"],
	});
	// No network: anything that is not the local test server is refused.
	await context.route((url) => !/^http:\/\/127\.0\.0\.1:\d+\//.test(url.href), (route) => route.abort());
	const page = context.pages()[0] ?? (await context.newPage());
	const dialogs: string[] = [];
	const errors: string[] = [];
	page.on("dialog", (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	page.on("pageerror", (e) => errors.push(e.message));
	return {
		context, page, dialogs, errors,
		async close() {
			await context.close();
			fs.rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

/** Resolve or reject within `ms` (Playwright keeps running after SIGTERM; never wait forever). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
	const timeout = delay(ms, undefined, { ref: false }).then((): T => {
		throw new Error(`${what}: timed out after ${ms} ms`);
	});
	return Promise.race([p, timeout]);
}
