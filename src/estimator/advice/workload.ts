/**
 * Workload inputs → resolved entries: names resolved against the catalog, defaults filled in, duplicates merged
 * (a model the note both runs in a block and mentions in prose is one resident entry). Unknown names are reported,
 * not fatal: the rest of the workload still gets advice.
 */
import { resolveModel, type Catalog } from "../catalog";
import { releaseFormatOf } from "./precision";
import type { WorkloadEntry, WorkloadInput } from "./types";

export const WORKLOAD_LIMITS = { entries: 24, copies: 8, users: 4096, context: 10_000_000 } as const;

const clampInt = (v: number | undefined, fallback: number, max: number): number =>
	v !== undefined && Number.isFinite(v) && v >= 1 ? Math.min(Math.floor(v), max) : fallback;

export function resolveWorkload(catalog: Catalog, inputs: readonly WorkloadInput[], defaultContext: number): { entries: WorkloadEntry[]; notes: string[] } {
	const notes: string[] = [];
	const entries: WorkloadEntry[] = [];
	for (const input of inputs) {
		const hit = resolveModel(catalog, input.model);
		if (!hit.ok) {
			// Prose mentions that are not catalog models are not worth a note; names the user typed are.
			if (input.source !== "mention") notes.push(`${hit.error.message} Left out of the workload.`);
			continue;
		}
		const m = hit.value;
		const resident = input.resident ?? input.source !== "mention";
		// A model only mentioned in prose gets the default context, within what the model supports.
		const fallback = input.source === "mention" ? Math.min(defaultContext, m.maxContext) : defaultContext;
		const context = clampInt(input.context, fallback, WORKLOAD_LIMITS.context);
		const entry: WorkloadEntry = {
			modelId: m.id,
			model: m.name,
			label: input.label?.trim() || m.name,
			copies: clampInt(input.copies, 1, WORKLOAD_LIMITS.copies),
			context,
			users: clampInt(input.users, 1, WORKLOAD_LIMITS.users),
			resident,
			source: input.source ?? "request",
			releaseFormat: releaseFormatOf(catalog, m).id,
		};
		if (context > m.maxContext) notes.push(`${entry.label}: ${context} tokens is beyond ${m.name}'s ${m.maxContext}-token context; computed as asked.`);
		// A mention of a model that is already resident (or already listed) adds nothing.
		if (!resident && entries.some((e) => e.modelId === m.id)) continue;
		if (resident) {
			const mentioned = entries.findIndex((e) => !e.resident && e.modelId === m.id);
			if (mentioned >= 0) entries.splice(mentioned, 1);
		}
		entries.push(entry);
	}
	if (entries.length > WORKLOAD_LIMITS.entries) {
		notes.push(`The workload has ${entries.length} models; the first ${WORKLOAD_LIMITS.entries} are used.`);
		entries.length = WORKLOAD_LIMITS.entries;
	}
	// Resident entries first, in the order given: the first one is the "primary" model sessions are counted for.
	entries.sort((a, b) => Number(b.resident) - Number(a.resident));
	return { entries, notes };
}
