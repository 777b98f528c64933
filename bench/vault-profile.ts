/**
 * Dev helper, not part of `npm run bench`: where the vault pipeline's time goes, per note, on one synthetic vault.
 * Run: node scripts/run-ts.mjs bench/vault-profile.ts [notes] (add --cpu-prof to the node call for a profile).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import matter from "gray-matter";
import { loadCatalog } from "../src/estimator/catalog";
import { VaultIndex, parseNote, type ParsedNote } from "../src/vault/index";
import { syntheticNote } from "./vault-gen";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const catalog = loadCatalog();
const N = Number(process.argv[2] ?? 2000);
const notes = Array.from({ length: N }, (_, i) => syntheticNote(i, N));
for (const n of notes) n.text.includes("\u0000"); // flatten the generator's concatenations before anything is timed

function timed(fn: () => void): number {
	gc();
	const t0 = performance.now();
	fn();
	return (performance.now() - t0) / N;
}

const rows: Record<string, number>[] = [];
for (let round = 0; round < 4; round++) {
	const base = timed(() => { for (const n of notes) matter(n.text, {}); });
	let parsed: ParsedNote[] = [];
	const parse = timed(() => { parsed = notes.map((n) => parseNote(n.path, n.text, { catalog })); });
	let index = new VaultIndex({ catalog });
	const insert = timed(() => index.batch(() => { for (const p of parsed) index.upsertParsed(p); }));
	parsed = [];
	index = new VaultIndex({ catalog });
	const pipeline = timed(() => index.batch(() => { for (const n of notes) index.upsert(n.path, n.text); }));
	const graph = timed(() => index.graph());
	rows.push({ "gray-matter": base, parseNote: parse, "insert parsed": insert, pipeline, graph, "ratio": (pipeline + graph) / base });
}
console.table(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, +v.toFixed(3)]))));
