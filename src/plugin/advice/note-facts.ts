/**
 * What the vault parser sees in one note, read from the note's current text (not the index, which may lag an edit
 * by a metadata-cache round): the same pieces `gpufit advise --note` reads, so the command and the CLI ask the same
 * question and write the same bytes (the browser e2e test compares them).
 */
import type { NoteFacts } from "../../estimator/advice/index";
import type { Catalog } from "../../estimator/catalog";
import { VaultIndex } from "../../vault/index";

export function noteFacts(catalog: Catalog, path: string, text: string): NoteFacts {
	const index = new VaultIndex({ catalog });
	index.upsert(path, text);
	const workload = index.workloadOf(path);
	const blocks = workload.blocks.flatMap((b) => (b.spec ? [b.spec] : []));
	const inBlocks = new Set(blocks.flatMap((b) => b.models).map((m) => catalog.models.get(m)?.id));
	return {
		properties: index.parsed(path)?.properties ?? {},
		blocks,
		mentionedModels: workload.models.filter((id) => !inBlocks.has(id)),
	};
}
