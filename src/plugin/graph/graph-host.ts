/**
 * What the graph view's controller needs from Obsidian and the plugin, in one object: the index (through the
 * adapter), fit tables on my rig, opening and creating notes, the positions cache in the plugin's folder.
 */
import { Keymap, Notice, TFile, debounce, normalizePath, type App, type Plugin } from "obsidian";
import { resolveGpu } from "../../estimator/catalog";
import { computeFitTable } from "../../estimator/fit";
import type { FitTable, Result } from "../../estimator/types";
import type { GraphAppHost } from "../../render/graph/graph-app";
import type { GraphNode } from "../../render/graph/source";
import { applyPolicy } from "../compute";
import type { GpuFitCore } from "../core";
import { IndexGraphSource } from "./index-source";
import { missingNoteFile } from "./missing-note";

const POSITIONS_VERSION = 1;
/** Positions kept per vault: beyond this many, the oldest entries go (a vault that churned through many names). */
const MAX_POSITIONS = 200_000;

export function createGraphHost(app: App, plugin: Plugin, core: GpuFitCore, stateChanged: () => void): GraphAppHost {
	const source = new IndexGraphSource(() => core.index.index);
	const dir = plugin.manifest.dir ?? `${app.vault.configDir}/plugins/${plugin.manifest.id}`;
	const positionsPath = normalizePath(`${dir}/graph-positions.json`);
	let pending: Map<string, [number, number]> | undefined;
	const writePositions = debounce(() => {
		const positions = pending;
		pending = undefined;
		if (!positions) return;
		const entries = [...positions];
		const kept = entries.length > MAX_POSITIONS ? entries.slice(entries.length - MAX_POSITIONS) : entries;
		const out: Record<string, [number, number]> = {};
		for (const [id, p] of kept) out[id] = p;
		app.vault.adapter.write(positionsPath, JSON.stringify({ version: POSITIONS_VERSION, positions: out })).catch((e: unknown) => {
			console.warn("GPU Fit: could not save graph positions", e);
		});
	}, 1500, true);

	return {
		source,
		catalog: () => core.catalog(),
		rigGpu(): GraphNode | undefined {
			const r = resolveGpu(core.catalog(), core.settings.rig.gpu);
			return r.ok ? { id: `gpu:${r.value.id}`, kind: "gpu", label: r.value.name, degree: 0 } : undefined;
		},
		fitTable(modelId: string, gpuId?: string): Result<FitTable> {
			const s = core.settings;
			const rig = s.rig;
			const request = gpuId === undefined
				? { model: modelId, gpu: rig.gpu, count: rig.count, split: rig.split, engine: rig.engine, context: rig.context, kvDtype: rig.kvDtype }
				: { model: modelId, gpu: gpuId, count: 1, context: rig.context, kvDtype: rig.kvDtype };
			try {
				const r = computeFitTable(core.catalog(), request);
				return r.ok ? { ok: true, value: applyPolicy(r.value, s) } : r;
			} catch (e) {
				return { ok: false, error: { kind: "invalid-request", message: e instanceof Error ? e.message : String(e), suggestions: [] } };
			}
		},
		openNote(path, evt, line) {
			const newLeaf = evt ? Keymap.isModEvent(evt) : false;
			// MarkdownView's ephemeral state takes a 0-based line.
			const state = line !== undefined ? { eState: { line: Math.max(0, line - 1) } } : undefined;
			void app.workspace.openLinkText(path, "", newLeaf, state);
		},
		async createNote(name, namedBy) {
			const near = namedBy[0];
			const file = missingNoteFile(name, near, near === undefined ? [] : source.seriesTagsOf(near), new Date());
			const existing = app.vault.getAbstractFileByPath(file.path);
			if (existing instanceof TFile) {
				new Notice(`${file.path} already exists: opened it, nothing was overwritten.`);
				await app.workspace.openLinkText(existing.path, "", false);
				return existing.path;
			}
			if (existing) {
				new Notice(`Cannot create ${file.path}: a folder has that name.`);
				return undefined;
			}
			try {
				const folder = file.path.includes("/") ? file.path.slice(0, file.path.lastIndexOf("/")) : "";
				if (folder && !app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder);
				const created = await app.vault.create(file.path, file.text);
				await app.workspace.openLinkText(created.path, "", false);
				return created.path;
			} catch (e) {
				new Notice(`Could not create ${file.path}: ${e instanceof Error ? e.message : String(e)}`);
				return undefined;
			}
		},
		activeNotePath: () => app.workspace.getActiveFile()?.path,
		async loadPositions() {
			const out = new Map<string, [number, number]>();
			if (!(await app.vault.adapter.exists(positionsPath))) return out;
			try {
				const raw = JSON.parse(await app.vault.adapter.read(positionsPath)) as { version?: unknown; positions?: unknown };
				if (raw.version !== POSITIONS_VERSION || typeof raw.positions !== "object" || raw.positions === null) return out;
				for (const [id, p] of Object.entries(raw.positions as Record<string, unknown>)) {
					if (Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])) out.set(id, [p[0] as number, p[1] as number]);
				}
			} catch (e) {
				console.warn("GPU Fit: ignoring unreadable graph positions", e);
			}
			return out;
		},
		savePositions(positions) {
			pending = positions;
			writePositions();
		},
		stateChanged,
	};
}
