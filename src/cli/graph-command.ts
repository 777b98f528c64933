/**
 * `gpufit graph VAULT_DIR [--json]`: index a folder of Markdown notes and print a summary of the graph
 * (or the graph itself as JSON). Hidden folders (.obsidian/, .trash/, .git/) are skipped, as Obsidian does.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { loadCatalog } from "../estimator/catalog";
import { VaultIndex } from "../vault/index";
import type { Graph } from "../vault/types";

export interface CommandIo {
	stdout: (s: string) => void;
	stderr: (s: string) => void;
}

const USAGE = "usage: gpufit graph VAULT_DIR [--json]";

export async function runGraphCommand(args: string[], io: CommandIo): Promise<number> {
	let json = false;
	const positional: string[] = [];
	for (const a of args) {
		if (a === "--json") json = true;
		else if (a === "--help" || a === "-h") { io.stdout(`${USAGE}\n`); return 0; }
		else if (a.startsWith("-")) { io.stderr(`Unknown option ${a}.\n${USAGE}\n`); return 2; }
		else positional.push(a);
	}
	const dir = positional[0];
	if (dir === undefined || positional.length > 1) {
		io.stderr(`${positional.length > 1 ? "Give one vault folder." : "Missing VAULT_DIR."}\n${USAGE}\n`);
		return 2;
	}
	try {
		if (!(await stat(dir)).isDirectory()) { io.stderr(`${dir} is not a folder.\n${USAGE}\n`); return 2; }
	} catch {
		io.stderr(`Cannot open ${dir}: no such folder.\n${USAGE}\n`);
		return 2;
	}

	let index: VaultIndex;
	try {
		index = new VaultIndex({ catalog: loadCatalog() });
		// One batch: each note's edges are computed once, after every note (and so every name) is read.
		index.beginBatch();
		for (const file of await markdownFiles(dir)) {
			const path = relative(dir, file).split(sep).join("/");
			index.upsert(path, await readFile(file, "utf8"));
		}
		index.endBatch();
	} catch (e) {
		io.stderr(`gpufit graph: ${e instanceof Error ? e.message : String(e)}\n`);
		return 1;
	}

	const graph = index.graph();
	if (json) {
		io.stdout(`${JSON.stringify({
			nodes: graph.nodes.map((n) => (n.path !== undefined ? { id: n.id, kind: n.kind, label: n.label, path: n.path } : { id: n.id, kind: n.kind, label: n.label })),
			edges: graph.edges.map((e) => ({ source: e.source, target: e.target, kind: e.kind })),
			diagnostics: index.diagnostics(),
		}, null, 2)}\n`);
	} else {
		io.stdout(summary(graph, index));
	}
	return 0;
}

async function markdownFiles(dir: string): Promise<string[]> {
	const out: string[] = [];
	const walk = async (d: string): Promise<void> => {
		const entries = await readdir(d, { withFileTypes: true });
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const e of entries) {
			if (e.name.startsWith(".")) continue;
			const full = join(d, e.name);
			if (e.isDirectory()) await walk(full);
			else if (e.isFile() && e.name.toLowerCase().endsWith(".md")) out.push(full);
		}
	};
	await walk(dir);
	return out;
}

function summary(graph: Graph, index: VaultIndex): string {
	const countBy = <T>(items: readonly T[], key: (t: T) => string): [string, number][] => {
		const m = new Map<string, number>();
		for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
		return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	};
	const nodeKinds = new Map(countBy(graph.nodes, (n) => n.kind));
	const conceptKinds = countBy(graph.nodes.filter((n) => !["note", "tag", "series", "missing-note"].includes(n.kind)), (n) => n.kind);
	const missing = graph.nodes.filter((n) => n.kind === "missing-note").sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label));
	const diagnostics = index.diagnostics();
	const lines = [
		`Notes: ${nodeKinds.get("note") ?? 0}${index.notePaths().length !== (nodeKinds.get("note") ?? 0) ? ` (of ${index.notePaths().length} files)` : ""}`,
		`Series: ${nodeKinds.get("series") ?? 0}`,
		`Tags: ${nodeKinds.get("tag") ?? 0}`,
		`Concepts: ${conceptKinds.length === 0 ? "none" : conceptKinds.map(([k, n]) => `${k} ${n}`).join(", ")}`,
		`Edges: ${graph.edges.length}${graph.edges.length > 0 ? ` (${countBy(graph.edges, (e) => e.kind).map(([k, n]) => `${k} ${n}`).join(", ")})` : ""}`,
		`Missing notes: ${missing.length}`,
		...missing.slice(0, 20).map((n) => `  ${n.label} (named by ${n.degree})`),
		...(missing.length > 20 ? [`  ... and ${missing.length - 20} more`] : []),
		`Diagnostics: ${diagnostics.length}`,
		...diagnostics.map((d) => `  ${d.path}${d.line !== undefined ? `:${d.line}` : ""}: ${d.message}`),
	];
	return `${lines.join("\n")}\n`;
}
