/**
 * Vault index benchmark (issue 3). Run: node scripts/run-ts.mjs bench/vault.bench.ts [--quick]
 *
 * - Cold index of synthetic vaults (1k, 10k, 50k notes, seed-sized): notes/s and MB/s of the whole pipeline
 *   (parse + concepts + links + graph, in one batch), against a bare gray-matter parse of the same texts in the
 *   same run. Notes are generated in chunks so a 50k vault never sits in memory as text; each chunk is parsed by
 *   gray-matter, then indexed, so both see the same strings in the same state.
 * - Incremental update of one note (upsert of an edited version) in 1k / 10k / 50k vaults: median and p95.
 * - Peak heapUsed while indexing (garbage included) and heap retained by the index after a GC, per vault size.
 * Writes bench/out/vault.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import matter from "gray-matter";
import { loadCatalog } from "../src/estimator/catalog";
import { VaultIndex } from "../src/vault/index";
import { editedNote, syntheticNote } from "./vault-gen";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const quick = process.argv.includes("--quick");
const SIZES = quick ? [1_000, 5_000] : [1_000, 10_000, 50_000];
const CHUNK = 500;
const EDITS = 200;
const catalog = loadCatalog();

interface ColdResult {
	notes: number;
	megabytes: number;
	baselineSeconds: number;
	pipelineSeconds: number;
	ratio: number;
	index: VaultIndex;
	peakHeapMB: number;
	heapBefore: number;
}

function cold(total: number): ColdResult {
	gc();
	const heapBefore = process.memoryUsage().heapUsed;
	let peak = heapBefore;
	let bytes = 0;
	let baseline = 0;
	let pipeline = 0;
	const index = new VaultIndex({ catalog });
	for (let from = 0; from < total; from += CHUNK) {
		const chunk = Array.from({ length: Math.min(CHUNK, total - from) }, (_, k) => syntheticNote(from + k, total));
		for (const n of chunk) bytes += Buffer.byteLength(n.text);
		let t0 = performance.now();
		for (const n of chunk) matter(n.text);
		baseline += performance.now() - t0;
		// The bare call caches every text it parsed; empty that so the baseline does not carry 50k notes of memory.
		(matter as unknown as { cache: Record<string, unknown> }).cache = {};
		t0 = performance.now();
		index.batch(() => { for (const n of chunk) index.upsert(n.path, n.text); });
		pipeline += performance.now() - t0;
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}
	// Materializing the graph is part of a cold start for the view.
	const t0 = performance.now();
	index.graph();
	pipeline += performance.now() - t0;
	return {
		notes: total, megabytes: bytes / 1e6, baselineSeconds: baseline / 1000, pipelineSeconds: pipeline / 1000,
		ratio: pipeline / baseline, index, peakHeapMB: (peak - heapBefore) / 1e6, heapBefore,
	};
}

function incremental(index: VaultIndex, total: number): { medianMs: number; p95Ms: number; graphMs: number } {
	const times: number[] = [];
	for (let e = 0; e < EDITS; e++) {
		const i = Math.floor((e * 7919) % total);
		const note = editedNote(i, total, e);
		const t0 = performance.now();
		index.upsert(note.path, note.text);
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	const t0 = performance.now();
	index.graph();
	return { medianMs: times[Math.floor(times.length / 2)] ?? NaN, p95Ms: times[Math.floor(times.length * 0.95)] ?? NaN, graphMs: performance.now() - t0 };
}

const rows: Record<string, unknown>[] = [];
console.log(`vault index bench (${quick ? "quick" : "full"}), Node ${process.version}`);
for (const total of SIZES) {
	const c = cold(total);
	const inc = incremental(c.index, total);
	const graph = c.index.graph();
	gc();
	// Heap held by the index (parsed notes, name maps, edges, the cached graph) once garbage is collected.
	const retainedMB = (process.memoryUsage().heapUsed - c.heapBefore) / 1e6;
	rows.push({
		notes: total,
		MB: +c.megabytes.toFixed(1),
		"gray-matter notes/s": Math.round(total / c.baselineSeconds),
		"gray-matter MB/s": +(c.megabytes / c.baselineSeconds).toFixed(1),
		"pipeline notes/s": Math.round(total / c.pipelineSeconds),
		"pipeline MB/s": +(c.megabytes / c.pipelineSeconds).toFixed(1),
		"pipeline / gray-matter": +c.ratio.toFixed(2),
		"edit median ms": +inc.medianMs.toFixed(2),
		"edit p95 ms": +inc.p95Ms.toFixed(2),
		"graph() ms": +inc.graphMs.toFixed(1),
		nodes: graph.nodes.length,
		edges: graph.edges.length,
		"peak heap MB": +c.peakHeapMB.toFixed(0),
		"retained heap MB": +retainedMB.toFixed(0),
	});
	console.log(`  ${total} notes done`);
}
console.table(rows);
mkdirSync("bench/out", { recursive: true });
writeFileSync("bench/out/vault.json", `${JSON.stringify({ date: new Date().toISOString(), node: process.version, quick, rows }, null, 2)}\n`);
console.log("wrote bench/out/vault.json");
