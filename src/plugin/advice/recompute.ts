/**
 * Recompute scaling advice for notes: compute from the note's current text inside Vault.process (atomic against a
 * concurrent edit), write the managed section and the two properties with the pure write-back, and say what changed.
 */
import type { App, TFile } from "obsidian";
import {
	adviceMarkdown, applyAdvice, computeAdvice, describeWrite, localToday, noteAdviceRequest, type WriteBackResult,
} from "../../estimator/advice/index";
import type { Catalog } from "../../estimator/catalog";
import type { GpuFitSettings } from "../settings";
import { noteFacts } from "./note-facts";
import { advicePolicy } from "./policy";

export interface RecomputeOutcome {
	path: string;
	/** "written" / "unchanged" / "damaged" / "invalid-frontmatter" from the write-back, or "failed" (no advice). */
	status: WriteBackResult["status"] | "failed";
	/** One line for a Notice. */
	message: string;
	recommendation?: string;
}

/** The advice text a note gets: shared by the command and (through the same pure functions) the CLI. */
export function adviseNoteText(catalog: Catalog, settings: GpuFitSettings, path: string, text: string, date: string): { result?: WriteBackResult; recommendation?: string; error?: string } {
	const built = noteAdviceRequest(noteFacts(catalog, path, text), {
		rig: { gpu: settings.rig.gpu, count: settings.rig.count },
		policy: advicePolicy(settings.precision),
		engine: settings.rig.engine,
		context: settings.rig.context,
		date,
	});
	if (!built.request) return { error: built.issues.join(" ") };
	const advice = computeAdvice(catalog, built.request);
	if (!advice.ok) return { error: advice.error.message };
	const recommendation = advice.value.recommendation.label;
	return { result: applyAdvice(text, adviceMarkdown(advice.value), { advice: recommendation, updated: advice.value.date }), recommendation };
}

export async function recomputeNote(app: App, file: TFile, catalog: Catalog, settings: GpuFitSettings, date: string = localToday()): Promise<RecomputeOutcome> {
	let outcome: RecomputeOutcome = { path: file.path, status: "failed", message: `${file.basename}: the note could not be read.` };
	try {
		await app.vault.process(file, (text) => {
			const r = adviseNoteText(catalog, settings, file.path, text, date);
			if (!r.result || !r.recommendation) {
				outcome = { path: file.path, status: "failed", message: `${file.basename}: no scaling advice. ${r.error ?? ""}`.trim() };
				return text;
			}
			outcome = { path: file.path, status: r.result.status, message: describeWrite(file.path, r.result, r.recommendation), recommendation: r.recommendation };
			return r.result.status === "written" ? r.result.text : text;
		});
	} catch (e) {
		outcome = { path: file.path, status: "failed", message: `${file.basename}: ${e instanceof Error ? e.message : String(e)}` };
	}
	return outcome;
}

/** One Notice line for a batch (a series): counts, then the notes that were not written and why. */
export function summarizeBatch(series: string, outcomes: RecomputeOutcome[]): string {
	const count = (s: RecomputeOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
	const written = count("written");
	const unchanged = count("unchanged");
	const problems = outcomes.filter((o) => o.status !== "written" && o.status !== "unchanged");
	const head = `Scaling advice for ${series}: ${written} note${written === 1 ? "" : "s"} updated, ${unchanged} unchanged${problems.length > 0 ? `, ${problems.length} not written` : ""}.`;
	return [head, ...problems.slice(0, 5).map((p) => p.message), ...(problems.length > 5 ? [`… and ${problems.length - 5} more.`] : [])].join("\n");
}
