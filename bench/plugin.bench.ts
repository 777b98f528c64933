/**
 * Plugin budgets (issue 4), measured on the production main.js in the browser test host (Debian chromium):
 *  - main.js minified size (≤ 500 KB since the graph view, issue 8; was 300 KB) and what is in it; no Node built-ins (it must run on mobile);
 *  - onload() median (≤ 10 ms);
 *  - rendering a note with 20 gpufit blocks, median (≤ 100 ms);
 *  - indexing a 10k-note vault: cold start (longest uninterrupted slice must stay ≤ 50 ms) and warm start from the cache.
 * Writes bench/out/plugin.json; exits non-zero when a budget is missed.
 */
import fs from "node:fs";
import path from "node:path";
import { launch, within } from "../test/e2e/browser";
import { buildHost, root, startServer } from "../test/host/server";


const KB = 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Bytes in main.js per source area, from esbuild's metafile. */
function composition(): [string, number][] {
	const meta = JSON.parse(fs.readFileSync(path.join(root, "dist/main.meta.json"), "utf8")) as {
		outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
	};
	const out = meta.outputs["main.js"];
	const areas = new Map<string, number>();
	for (const [file, { bytesInOutput }] of Object.entries(out?.inputs ?? {})) {
		const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
		const area = pkg ?? (/^src\/estimator\/data\//.test(file) ? "src/estimator/data" : file.split("/").slice(0, 2).join("/"));
		areas.set(area, (areas.get(area) ?? 0) + bytesInOutput);
	}
	return [...areas].sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<number> {
	await buildHost();
	const mainJs = fs.readFileSync(path.join(root, "main.js"), "utf8");
	const requires = [...new Set([...mainJs.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]))];
	const server = await startServer({ port: 0, vault: path.join(root, "example-vault") });
	const b = await launch();
	try {
		const open = async (note: string) => {
			await b.page.goto(`${server.url}?note=${encodeURIComponent(note)}`);
			await within(b.page.evaluate(() => window.gpufitHost.ready), 20_000, "host ready");
		};
		await open("Hardware/GPU Memory Budgeting.md");
		const blocks = Array.from({ length: 20 }, (_, i) => `\`\`\`gpufit\nmodel: ${["Qwen3-30B", "Qwen3-8B", "Llama-3.3-70B", "Mistral-7B"][i % 4]}\ncontext: ${4096 * (1 + (i % 5))}\n\`\`\``).join("\n\n");
		const render = await b.page.evaluate(async (text) => {
			await window.gpufitHost.editNote("Bench/Twenty blocks.md", `# Twenty blocks\n\n${text}\n`);
			window.gpufitHost.openNote("Bench/Twenty blocks.md"); // warm-up: the first render builds the catalog
			const times: number[] = [];
			for (let i = 0; i < 9; i++) {
				window.gpufitHost.view.clear();
				window.gpufitHost.openNote("Bench/Twenty blocks.md");
				times.push(window.gpufitHost.view.lastRenderMs);
			}
			return { times, tables: document.querySelectorAll(".block-language-gpufit .gpufit-table").length };
		}, blocks);
		const onloadTimes = await b.page.evaluate(async () => {
			const times: number[] = [];
			for (let i = 0; i < 9; i++) {
				window.gpufitHost.unloadPlugin();
				await window.gpufitHost.loadPlugin();
				times.push(window.gpufitHost.onloadMs);
			}
			return times;
		});

		await b.page.goto(`${server.url}?plugin=off`);
		await b.page.evaluate(() => window.gpufitHost.ready);
		const seed = fs.readFileSync(path.join(root, "example-vault/Hardware/GPU Memory Budgeting.md"), "utf8");
		const index = await within(b.page.evaluate((text) => window.gpufitHost.indexSyntheticVault(text, 10_000), seed), 300_000, "10k vault");

		const result = {
			mainJsBytes: mainJs.length,
			requires,
			composition: composition().map(([area, bytes]) => ({ area, kb: +(bytes / KB).toFixed(1) })),
			onloadMsMedian: median(onloadTimes),
			render20BlocksMsMedian: median(render.times),
			tablesRendered: render.tables,
			index10k: index,
		};
		fs.mkdirSync(path.join(root, "bench/out"), { recursive: true });
		fs.writeFileSync(path.join(root, "bench/out/plugin.json"), JSON.stringify(result, null, 2));

		const checks: [string, string, boolean][] = [
			["main.js size", `${(result.mainJsBytes / KB).toFixed(1)} KB (≤ 500 KB)`, result.mainJsBytes <= 500 * KB],
			["Node built-ins in main.js", `requires: ${requires.join(", ")}`, requires.every((r) => r === "obsidian")],
			["onload() median of 9", `${result.onloadMsMedian.toFixed(2)} ms (≤ 10 ms)`, result.onloadMsMedian <= 10],
			["note with 20 blocks, median of 9", `${result.render20BlocksMsMedian.toFixed(1)} ms (≤ 100 ms), ${render.tables} tables`, result.render20BlocksMsMedian <= 100 && render.tables === 20],
			["10k cold index", `${index.cold.ms.toFixed(0)} ms, ${index.cold.parsed} parsed, longest slice ${index.cold.maxSliceMs.toFixed(1)} ms (≤ 50)`, index.cold.maxSliceMs <= 50 && index.cold.parsed >= 10_000],
			["10k warm start", `${index.warm.ms.toFixed(0)} ms, ${index.warm.parsed} parsed, ${index.warm.fromCache} from cache, longest slice ${index.warm.maxSliceMs.toFixed(1)} ms, longest cache read ${index.warm.cacheLoadMaxMs.toFixed(1)} ms`, index.warm.maxSliceMs <= 50 && index.warm.cacheLoadMaxMs <= 50 && index.warm.parsed === 0],
		];
		console.log("| budget | measured | ok |\n|---|---|---|");
		for (const [name, value, ok] of checks) console.log(`| ${name} | ${value} | ${ok ? "yes" : "MISSED"} |`);
		console.log("\nmain.js composition (KB):", result.composition.slice(0, 10).map((c) => `${c.area} ${c.kb}`).join(", "));
		return checks.every((c) => c[2]) ? 0 : 1;
	} finally {
		await b.close();
		await server.close();
	}
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
