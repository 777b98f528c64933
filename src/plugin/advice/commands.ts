/**
 * Commands: "Recompute scaling advice" for the active note, and for every note of its series that asks for advice
 * (a `gpufit` property, or advice written before). No default hotkeys; ids without the plugin id.
 */
import { Notice, TFile, type Plugin } from "obsidian";
import { ADVICE_PROPERTY, PROPERTY } from "../../estimator/advice/index";
import type { Catalog } from "../../estimator/catalog";
import type { VaultIndex } from "../../vault/index";
import type { GpuFitSettings } from "../settings";
import { recomputeNote, summarizeBatch, type RecomputeOutcome } from "./recompute";

/** What the commands need from the plugin. */
export interface AdviceHost {
	getSettings(): GpuFitSettings;
	catalog(): Catalog;
	/** The vault index, once built (series membership). */
	vaultIndex(): VaultIndex | undefined;
}

const NOTICE_MS = 8000;

function activeNote(plugin: Plugin): TFile | null {
	const file = plugin.app.workspace.getActiveFile();
	return file instanceof TFile && file.extension === "md" ? file : null;
}

export function registerAdviceCommands(plugin: Plugin, host: AdviceHost): void {
	plugin.addCommand({
		id: "recompute-scaling-advice",
		name: "Recompute scaling advice",
		checkCallback: (checking) => {
			const file = activeNote(plugin);
			if (!file) return false;
			if (!checking) {
				void recomputeNote(plugin.app, file, host.catalog(), host.getSettings()).then((o) => new Notice(o.message, NOTICE_MS));
			}
			return true;
		},
	});
	plugin.addCommand({
		id: "recompute-scaling-advice-series",
		name: "Recompute scaling advice for every note in this series",
		checkCallback: (checking) => {
			const file = activeNote(plugin);
			if (!file) return false;
			if (!checking) void recomputeSeries(plugin, host, file);
			return true;
		},
	});
}

async function recomputeSeries(plugin: Plugin, host: AdviceHost, active: TFile): Promise<void> {
	const index = host.vaultIndex();
	if (!index) {
		new Notice("The hardware notes index is still being built; try again in a moment.", NOTICE_MS);
		return;
	}
	const series = index.parsed(active.path)?.series ?? [];
	if (series.length === 0) {
		new Notice(`${active.basename} belongs to no series (a tag like #S13_Hardware).`, NOTICE_MS);
		return;
	}
	const ids = new Set(series.map((s) => s.id));
	const paths = index.notePaths().filter((p) => {
		const n = index.parsed(p);
		if (!n || !n.series.some((s) => ids.has(s.id))) return false;
		return n.properties[PROPERTY] !== undefined || n.properties[ADVICE_PROPERTY] !== undefined;
	});
	const name = series.map((s) => s.display).join(", ");
	if (paths.length === 0) {
		new Notice(`No note in ${name} asks for scaling advice: add a gpufit property (gpu, count, workload) to one.`, NOTICE_MS);
		return;
	}
	const outcomes: RecomputeOutcome[] = [];
	for (const p of paths) {
		const file = plugin.app.vault.getFileByPath(p);
		if (file) outcomes.push(await recomputeNote(plugin.app, file, host.catalog(), host.getSettings()));
	}
	new Notice(summarizeBatch(name, outcomes), NOTICE_MS);
}
