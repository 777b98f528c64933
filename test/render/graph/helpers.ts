/** Shared helpers for the graph view-model tests: the example vault indexed in Node, models built from a source. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { loadCatalog } from "../../../src/estimator/catalog";
import { GraphModel } from "../../../src/render/graph/model";
import type { EdgeKind, GraphSource } from "../../../src/render/graph/source";
import { IndexGraphSource } from "../../../src/plugin/graph/index-source";
import { VaultIndex } from "../../../src/vault/index";

export const EXAMPLE_VAULT = join(__dirname, "../../../example-vault");

export function vaultNotes(dir = EXAMPLE_VAULT): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (d: string): void => {
		for (const name of readdirSync(d).sort()) {
			if (name.startsWith(".")) continue;
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith(".md")) out.set(relative(dir, full).split(sep).join("/"), readFileSync(full, "utf8"));
		}
	};
	walk(dir);
	return out;
}

/** The example vault indexed as the plugin does (notes carrying a series tag are graph notes). */
export function exampleIndex(): VaultIndex {
	const index = new VaultIndex({ catalog: loadCatalog(), seriesNotesOnly: true });
	index.batch(() => { for (const [path, text] of vaultNotes()) index.upsert(path, text); });
	return index;
}

export function modelFrom(source: GraphSource, kinds: ReadonlySet<EdgeKind>): GraphModel {
	const model = new GraphModel();
	const g = source.graphOf(kinds);
	model.reset(g.nodes, g.edges, source.revision());
	return model;
}

export function exampleSource(): { index: VaultIndex; source: IndexGraphSource } {
	const index = exampleIndex();
	return { index, source: new IndexGraphSource(() => index) };
}

/** A model's graph content in a canonical, comparable form (positions left out). */
export function content(model: GraphModel) {
	return {
		nodes: [...model.nodes.values()].map((n) => ({ id: n.id, kind: n.kind, label: n.label, path: n.path, degree: n.degree, overlay: n.overlay }))
			.sort((a, b) => (a.id < b.id ? -1 : 1)),
		edges: [...model.edges.values()].map((e) => ({ id: e.id, source: e.source, target: e.target, kind: e.kind })).sort((a, b) => (a.id < b.id ? -1 : 1)),
	};
}
