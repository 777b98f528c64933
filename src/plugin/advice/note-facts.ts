/**
 * What the vault parser sees in one note, read from the note's current text (not the index, which may lag an edit
 * by a metadata-cache round): the same pieces `gpufit advise --note` reads, so the command and the CLI ask the same
 * question and write the same bytes (the browser e2e test compares them).
 */
import { withoutAdviceSection, type NoteFacts } from "../../estimator/advice/index";
import type { Catalog } from "../../estimator/catalog";
import { VaultIndex } from "../../vault/index";

export function noteFacts(catalog: Catalog, path: string, text: string): NoteFacts {
	const index = new VaultIndex({ catalog });
	// The managed section is the advice's own output: never read it back as part of the question.
	index.upsert(path, withoutAdviceSection(text));
	return indexedNoteFacts(index, catalog, path) ?? { properties: {}, blocks: [], mentionedModels: [] };
}

/** The same pieces from the plugin's vault index (for `show: advice` blocks, which render synchronously). */
export function indexedNoteFacts(index: VaultIndex, catalog: Catalog, path: string): NoteFacts | undefined {
	const parsed = index.parsed(path);
	if (!parsed) return undefined;
	const workload = index.workloadOf(path);
	const blocks = workload.blocks.flatMap((b) => (b.spec ? [b.spec] : []));
	const inBlocks = new Set(blocks.flatMap((b) => b.models).map((m) => catalog.models.get(m)?.id));
	return {
		properties: parsed.properties,
		blocks,
		mentionedModels: workload.models.filter((id) => !inBlocks.has(id)),
	};
}
