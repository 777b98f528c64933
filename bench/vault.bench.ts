/**
 * Vault index benchmark (issue 3). Run: node scripts/run-ts.mjs bench/vault.bench.ts [--quick]
 *
 * - Cold index of synthetic vaults (1k, 10k, 50k notes, seed-sized): notes/s and MB/s of the whole pipeline
 *   (parse + concepts + links + graph: the whole vault as one batch, fed in chunks, then graph()), against a bare gray-matter parse of
 *   the same texts in the same run. Notes are generated in chunks so a 50k vault never sits in memory as text.
 *   Fairness: both sides see the same, already flattened strings (the generator's concatenations are flattened
 *   before either is timed); the baseline is `matter(text, {})` of the published gray-matter, which like the
 *   pipeline bypasses gray-matter's cache; both are warmed up (JIT) on a separate vault first; and which side runs first alternates per chunk, so
 *   neither always inherits the other's garbage. Small vaults are indexed several times (fresh index each time) and
 *   the times summed, so every size times at least ~5k notes per side: one 1k pass is too short to give a stable ratio.
 * - Incremental update of one note (upsert of an edited version) in 1k / 10k / 50k vaults: median and p95.
 * - Peak heapUsed while indexing (garbage included) and heap retained by the index after a GC, per vault size.
 * Writes bench/out/vault.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createRequire } from "node:module";
import { loadCatalog } from "../src/estimator/catalog";
import { VaultIndex } from "../src/vault/index";
import { loadYaml } from "../src/vault/note/yaml-engine";
import { safeLoad } from "js-yaml";
import { editedNote, syntheticNote } from "./vault-gen";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const quick = process.argv.includes("--quick");
const SIZES = quick ? [1_000, 5_000] : [1_000, 10_000, 50_000];
const CHUNK = 500;
/** Edits timed per vault size (fewer at 50k, where each costs the same but generating the edited notes adds up). */
const editsFor = (total: number): number => (total >= 50_000 ? 100 : 200);
const WARM_UP = 300;
/** Cold passes per vault size: enough that each side times at least MIN_TIMED notes. */
const MIN_TIMED = 5_000;
const passesFor = (total: number): number => Math.max(1, Math.ceil(MIN_TIMED / total));
const catalog = loadCatalog();
/**
 * The baseline is gray-matter as published, loaded from node_modules at run time (not the bundled copy the pipeline
 * uses, which ships without the eval engine and the Buffer copy: see scripts/gray-matter-safe.mjs).
 */
const matter = createRequire(`${process.cwd()}/package.json`)("gray-matter") as (text: string, options: object) => unknown;

interface ColdResult {
	notes: number;
	megabytes: number;
	baselineSeconds: number;
	pipelineSeconds: number;
	ratio: number;
	index: VaultIndex;
	peakHeapMB: number;
	heapBefore: number;
	/** Closing the cold batch (every note's edges, included in pipelineSeconds). */
	endBatchMs: number;
	/** The cold graph() call (included in pipelineSeconds) and its size. */
	graphMs: number;
	nodes: number;
	edges: number;
}

/** Flatten a string built by concatenation (V8 keeps it as a rope until first read), so neither side pays for that. */
function flat(text: string): string {
	text.includes("\u0000");
	return text;
}

function chunkOf(from: number, count: number, total: number, seed: number): { path: string; text: string }[] {
	return Array.from({ length: count }, (_, k) => {
		const n = syntheticNote(from + k, total, seed);
		return { path: n.path, text: flat(n.text) };
	});
}

/** JIT warm-up of both sides on a vault that is not measured (other seed). */
function warmUp(): void {
	const notes = chunkOf(0, WARM_UP, WARM_UP, 99);
	for (let round = 0; round < 2; round++) {
		for (const n of notes) matter(n.text, {});
		const index = new VaultIndex({ catalog });
		index.batch(() => { for (const n of notes) index.upsert(n.path, n.text); });
		index.graph();
	}
}

function cold(total: number): ColdResult {
	warmUp();
	gc();
	const heapBefore = process.memoryUsage().heapUsed;
	let peak = heapBefore;
	let bytes = 0;
	let baseline = 0;
	let pipeline = 0;
	const index = new VaultIndex({ catalog });
	// A cold start is one batch, as in the plugin: notes are parsed chunk by chunk, edges computed once at the end.
	index.beginBatch();
	for (let from = 0, chunkNo = 0; from < total; from += CHUNK, chunkNo++) {
		const chunk = chunkOf(from, Math.min(CHUNK, total - from), total, 1);
		for (const n of chunk) bytes += Buffer.byteLength(n.text);
		const runBaseline = (): void => {
			const t0 = performance.now();
			for (const n of chunk) matter(n.text, {});
			baseline += performance.now() - t0;
		};
		const runPipeline = (): void => {
			const t0 = performance.now();
			for (const n of chunk) index.upsert(n.path, n.text);
			pipeline += performance.now() - t0;
		};
		if (chunkNo % 2 === 0) { runBaseline(); runPipeline(); } else { runPipeline(); runBaseline(); }
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}
	const tEnd = performance.now();
	index.endBatch();
	const endBatchMs = performance.now() - tEnd;
	pipeline += endBatchMs;
	// Materializing the graph is part of a cold start for the view.
	const t0 = performance.now();
	const graph = index.graph();
	const graphMs = performance.now() - t0;
	pipeline += graphMs;
	return {
		notes: total, megabytes: bytes / 1e6, baselineSeconds: baseline / 1000, pipelineSeconds: pipeline / 1000,
		ratio: pipeline / baseline, index, peakHeapMB: (peak - heapBefore) / 1e6, heapBefore,
		endBatchMs, graphMs, nodes: graph.nodes.length, edges: graph.edges.length,
	};
}

function incremental(index: VaultIndex, total: number): { medianMs: number; p95Ms: number } {
	const times: number[] = [];
	const edits = editsFor(total);
	for (let e = 0; e < edits; e++) {
		const i = Math.floor((e * 7919) % total);
		const note = editedNote(i, total, e);
		flat(note.text);
		const t0 = performance.now();
		index.upsert(note.path, note.text);
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return { medianMs: times[Math.floor(times.length / 2)] ?? NaN, p95Ms: times[Math.floor(times.length * 0.95)] ?? NaN };
}

/** cold() `passes` times, each on a fresh index: times summed over the passes, the rest (index, heap, graph) from the last. */
function coldPasses(total: number, passes: number): ColdResult {
	let baselineSeconds = 0;
	let pipelineSeconds = 0;
	let last: ColdResult | undefined;
	for (let p = 0; p < passes; p++) {
		last = undefined; // let the previous pass's index go before the next is built
		last = cold(total);
		baselineSeconds += last.baselineSeconds;
		pipelineSeconds += last.pipelineSeconds;
	}
	const c = last as ColdResult;
	return { ...c, notes: total * passes, megabytes: c.megabytes * passes, baselineSeconds, pipelineSeconds, ratio: pipelineSeconds / baselineSeconds };
}

const rows: Record<string, unknown>[] = [];
console.log(`vault index bench (${quick ? "quick" : "full"}), Node ${process.version}`);
for (const total of SIZES) {
	const passes = passesFor(total);
	const c = coldPasses(total, passes);
	const inc = incremental(c.index, total);
	gc();
	// Heap held by the index (parsed notes, name maps, edges, the cached cold graph) once garbage is collected.
	const retainedMB = (process.memoryUsage().heapUsed - c.heapBefore) / 1e6;
	rows.push({
		notes: total,
		passes,
		MB: +(c.megabytes / passes).toFixed(1),
		"gray-matter notes/s": Math.round(c.notes / c.baselineSeconds),
		"gray-matter MB/s": +(c.megabytes / c.baselineSeconds).toFixed(1),
		"pipeline notes/s": Math.round(c.notes / c.pipelineSeconds),
		"pipeline MB/s": +(c.megabytes / c.pipelineSeconds).toFixed(1),
		"pipeline / gray-matter": +c.ratio.toFixed(2),
		"edit median ms": +inc.medianMs.toFixed(2),
		"edit p95 ms": +inc.p95Ms.toFixed(2),
		"edges at batch end ms": +c.endBatchMs.toFixed(0),
		"graph() ms": +c.graphMs.toFixed(1),
		nodes: c.nodes,
		edges: c.edges,
		"peak heap MB": +c.peakHeapMB.toFixed(0),
		"retained heap MB": +retainedMB.toFixed(0),
	});
	console.log(`  ${total} notes done`);
}
console.table(rows);

/**
 * Does the YAML fast path earn its keep? The YAML engine (fast path, falling back to safeLoad) against safeLoad
 * alone, on the blocks gray-matter hands the engine for 2,000 notes, both as a share of the whole pipeline's time
 * per note (from the first cold run above).
 */
function fastPathShare(pipelineMsPerNote: number): Record<string, number> {
	const N = 2000;
	const blocks: string[] = [];
	for (let i = 0; i < N; i++) {
		const text = flat(syntheticNote(i, N, 3).text);
		matter(text, { engines: { yaml: { parse: (b: string) => { blocks.push(b); return {}; } } } });
	}
	const time = (fn: (b: string) => unknown): number => {
		for (const b of blocks) fn(b); // warm-up
		gc();
		const t0 = performance.now();
		for (let r = 0; r < 3; r++) for (const b of blocks) fn(b);
		return (performance.now() - t0) / (3 * blocks.length);
	};
	const engine = time(loadYaml);
	const plain = time((b) => safeLoad(b));
	return {
		"engine ms/note (fast path)": +engine.toFixed(3),
		"safeLoad ms/note": +plain.toFixed(3),
		"engine share of pipeline %": +(100 * engine / pipelineMsPerNote).toFixed(1),
		"saved by the fast path, % of pipeline": +(100 * (plain - engine) / pipelineMsPerNote).toFixed(1),
	};
}
const first = rows[0] as { "pipeline notes/s": number };
const share = fastPathShare(1000 / first["pipeline notes/s"]);
console.table([share]);
mkdirSync("bench/out", { recursive: true });
writeFileSync("bench/out/vault.json", `${JSON.stringify({ date: new Date().toISOString(), node: process.version, quick, rows, fastPath: share }, null, 2)}\n`);
console.log("wrote bench/out/vault.json");
