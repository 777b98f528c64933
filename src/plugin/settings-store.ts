/**
 * Where settings come from and go to: data.json through the plugin's loadData/saveData, read by settings.ts.
 *
 * A data.json that cannot be read (unparseable, unreadable) is never overwritten: the plugin runs on defaults
 * with a Notice, and changes made meanwhile last for the session (a Notice says so on the first save) until the
 * file is fixed or removed (Obsidian then reports an external change and the store reads it again). Values that
 * could not be used are reported once, in a Notice and beside their setting, and written back unchanged until
 * the user changes that setting.
 */
import { Notice } from "obsidian";
import { clip } from "../estimator/request";
import { readSettings, settingsData, type GpuFitSettings, type SettingsProblem, type SettingsRead } from "./settings";

export class SettingsStore {
	private read: SettingsRead | undefined;
	/** Why data.json could not be read, while it cannot. */
	unreadable: string | undefined;
	/** Settings the user changed since the file was read: their stored problem values are not kept. */
	private readonly touched = new Set<string>();
	private heldNoticeShown = false;

	/**
	 * Read data.json. Never throws. `settings` is undefined only when the file cannot be read and `keepOnError`
	 * is set (an external change to an unreadable file keeps the settings in use).
	 */
	async load(loadData: () => Promise<unknown>, keepOnError = false): Promise<GpuFitSettings | undefined> {
		let raw: unknown;
		try {
			raw = await loadData();
		} catch (e) {
			this.unreadable = clip(e instanceof Error ? e.message : String(e), 160);
			new Notice(`GPU Fit could not read its settings file data.json (${this.unreadable}). ${keepOnError ? "The settings in use are kept" : "It runs on the default settings"}; the file is left as it is. Fix or delete it to save settings again.`, 20_000);
			if (keepOnError) return undefined;
			this.read = undefined;
			return readSettings(undefined).settings;
		}
		this.unreadable = undefined;
		this.heldNoticeShown = false;
		this.touched.clear();
		this.read = readSettings(raw);
		if (this.read.problems.length > 0) {
			const lines = this.read.problems.slice(0, 4).map((p) => p.message);
			const more = this.read.problems.length > lines.length ? [`… and ${this.read.problems.length - lines.length} more (see the settings tab).`] : [];
			new Notice(`GPU Fit: some settings in data.json could not be used; they stay in the file until you change them.\n${[...lines, ...more].join("\n")}`, 20_000);
		}
		return this.read.settings;
	}

	/** The stored problem of one setting ("rig.count"), while the user has not changed it. */
	problem(path: string): SettingsProblem | undefined {
		return this.touched.has(path) ? undefined : this.read?.problems.find((p) => p.path === path);
	}

	/** The user changed this setting: its stored value is replaced on the next save. */
	touch(path: string): void {
		this.touched.add(path);
	}

	/** What saveData writes, or undefined while data.json cannot be read (it is never overwritten then). */
	toData(settings: GpuFitSettings): Record<string, unknown> | undefined {
		if (this.unreadable !== undefined) {
			if (!this.heldNoticeShown) {
				this.heldNoticeShown = true;
				new Notice("GPU Fit: this change is not saved because data.json cannot be read; it lasts until Obsidian restarts. Fix or delete data.json to save settings.", 15_000);
			}
			return undefined;
		}
		return settingsData(settings, this.read, this.touched);
	}
}
