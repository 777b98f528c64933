/**
 * The search box's catalog side: a query resolved with the catalog's own name rules (ids, names, aliases; case and
 * punctuation insensitive), then its suggestions. Node ids follow the vault index's concept ids. Pure.
 */
import type { Catalog } from "../../estimator/catalog";
import type { NameIndex, Named } from "../../estimator/names";
import type { CatalogMatch, CatalogResolver } from "./search";
import type { NodeKind } from "./source";

export function catalogResolver(catalog: () => Catalog): CatalogResolver {
	return (query: string): CatalogMatch[] => {
		const c = catalog();
		const out: CatalogMatch[] = [];
		const look = <T extends Named>(index: NameIndex<T>, kind: NodeKind, prefix: string) => {
			const hit = index.get(query);
			if (hit) { out.push({ id: `${prefix}:${hit.id}`, label: hit.name, kind, exact: true }); return; }
			for (const name of index.suggest(query, 2)) {
				const s = index.get(name);
				if (s) out.push({ id: `${prefix}:${s.id}`, label: s.name, kind, exact: false });
			}
		};
		look(c.gpus, "gpu", "gpu");
		look(c.models, "model", "model");
		look(c.formats, "format", "format");
		look(c.architectures, "architecture", "arch");
		return out;
	};
}
