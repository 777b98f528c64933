/** Dev helper: where the time goes (node scripts/run-ts.mjs bench/vault-profile.ts). Not part of npm run bench. */
import matter from "gray-matter";
import { loadCatalog } from "../src/estimator/catalog";
import { VaultIndex, parseNote, type ParsedNote } from "../src/vault/index";
import { syntheticNote } from "./vault-gen";
const catalog = loadCatalog();
const N = Number(process.argv[2] ?? 2000);
const notes = Array.from({ length: N }, (_, i) => syntheticNote(i, N));
const fresh = (s: string) => ` ${s}`.slice(1);
function run(label: string) {
	const texts = notes.map((n) => ({ path: n.path, text: fresh(n.text) }));
	let t0 = performance.now();
	for (const n of texts) matter(n.text, {});
	const base = performance.now() - t0;
	t0 = performance.now();
	const parsed: ParsedNote[] = [];
	for (const n of texts) parsed.push(parseNote(n.path, n.text, { catalog }));
	const parse = performance.now() - t0;
	const index = new VaultIndex({ catalog });
	t0 = performance.now();
	index.batch(() => { for (const p of parsed) index.upsertParsed(p); });
	const ins = performance.now() - t0;
	const index2 = new VaultIndex({ catalog });
	t0 = performance.now();
	index2.batch(() => { for (const n of texts) index2.upsert(n.path, n.text); });
	const pipe = performance.now() - t0;
	t0 = performance.now(); index2.graph(); const g = performance.now() - t0;
	const f = (x: number) => +(x / N).toFixed(3);
	console.log(label, { baseMsPerNote: f(base), parseExtra: f(parse - base), insertParsed: f(ins), pipeExtra: f(pipe - base), graph: f(g), ratio: +((pipe + g) / base).toFixed(2) });
}
run("warm-up");
run("run 1");
run("run 2");
