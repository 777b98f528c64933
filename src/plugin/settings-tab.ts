/** The settings tab: my rig, precision policy, indexing. Sentence case, headings via setHeading(). */
import { type App, type Plugin, PluginSettingTab, Setting } from "obsidian";
import type { Catalog } from "../estimator/catalog";
import { ENGINE_IDS, KV_DTYPES, SPLIT_MODES, type EngineId, type KvDtype, type SplitMode } from "../estimator/types";
import { GpuSuggest } from "./gpu-suggest";
import { DEFAULT_SETTINGS, type GpuFitSettings, type PrecisionPolicy } from "./settings";

export interface SettingsHost {
	settings: GpuFitSettings;
	/** Persist and notify live blocks. */
	saveSettings(): Promise<void>;
	catalog(): Catalog;
}

const POLICY_LABELS: Record<PrecisionPolicy, string> = {
	unquantized: "Prefer unquantized (16-bit and up)",
	"allow-fp8": "Allow FP8 and INT8",
	"allow-4bit": "Allow 4-bit and below",
};

export class GpuFitSettingTab extends PluginSettingTab {
	constructor(app: App, plugin: Plugin, private readonly host: SettingsHost) {
		super(app, plugin);
	}

	override display(): void {
		const { containerEl } = this;
		containerEl.empty();
		const s = this.host.settings;
		const save = () => void this.host.saveSettings();

		new Setting(containerEl).setName("My rig").setHeading();
		new Setting(containerEl)
			.setName("GPU")
			.setDesc("Used by blocks that name no GPU, or say `gpu: mine`. Type to search the catalog.")
			.addSearch((search) => {
				search.setPlaceholder("Type to search").setValue(s.rig.gpu);
				new GpuSuggest(this.app, search.inputEl, () => this.host.catalog(), (gpu) => {
					s.rig.gpu = gpu.name;
					save();
				});
				search.onChange((value) => {
					if (this.host.catalog().gpus.get(value)) {
						s.rig.gpu = value.trim();
						save();
					}
				});
			});
		new Setting(containerEl)
			.setName("GPU count")
			.addText((text) => {
				text.inputEl.type = "number";
				text.inputEl.min = "1";
				text.inputEl.addClass("gpufit-rig-count");
				text.setValue(String(s.rig.count)).onChange((value) => {
					const n = Number(value);
					if (Number.isInteger(n) && n >= 1 && n <= 1024) {
						s.rig.count = n;
						save();
					}
				});
			});
		new Setting(containerEl)
			.setName("Split mode")
			.setDesc("Tensor parallel, layer (pipeline) split, or one replica per GPU.")
			.addDropdown((d) => {
				for (const m of SPLIT_MODES) d.addOption(m, m);
				d.setValue(s.rig.split).onChange((v) => { s.rig.split = v as SplitMode; save(); });
			});
		new Setting(containerEl)
			.setName("Engine")
			.addDropdown((d) => {
				for (const e of ENGINE_IDS) d.addOption(e, e);
				d.setValue(s.rig.engine).onChange((v) => { s.rig.engine = v as EngineId; save(); });
			});
		new Setting(containerEl)
			.setName("Default context")
			.setDesc("Tokens per sequence for blocks that give no `context`.")
			.addText((text) => {
				text.inputEl.type = "number";
				text.setValue(String(s.rig.context)).onChange((value) => {
					const n = Number(value);
					if (Number.isInteger(n) && n >= 1) {
						s.rig.context = n;
						save();
					}
				});
			});
		new Setting(containerEl)
			.setName("Cache data type")
			.setDesc("Data type of the key/value cache.")
			.addDropdown((d) => {
				for (const k of KV_DTYPES) d.addOption(k, k);
				d.setValue(s.rig.kvDtype).onChange((v) => { s.rig.kvDtype = v as KvDtype; save(); });
			});

		new Setting(containerEl).setName("Precision").setHeading();
		new Setting(containerEl)
			.setName("Precision policy")
			.setDesc("Which formats a block lists when it names no `quant`.")
			.addDropdown((d) => {
				for (const [k, label] of Object.entries(POLICY_LABELS)) d.addOption(k, label);
				d.setValue(s.precision).onChange((v) => { s.precision = v as PrecisionPolicy; save(); });
			});

		new Setting(containerEl).setName("Index").setHeading();
		new Setting(containerEl)
			.setName("Index tag")
			.setDesc("Only notes with this tag are indexed. Leave empty to index every note that has a series tag.")
			.addText((text) => text.setPlaceholder("Any series tag").setValue(s.indexTag).onChange((v) => {
				s.indexTag = v.trim().replace(/^#/, "");
				save();
			}));
		new Setting(containerEl)
			.setName("Feedback fields")
			.setDesc("Frontmatter fields that name related notes, separated by commas.")
			.addText((text) => text.setPlaceholder(DEFAULT_SETTINGS.feedbackFields.join(", ")).setValue(s.feedbackFields.join(", ")).onChange((v) => {
				const names = v.split(",").map((x) => x.trim()).filter(Boolean);
				s.feedbackFields = names.length > 0 ? names : [...DEFAULT_SETTINGS.feedbackFields];
				save();
			}));
		new Setting(containerEl)
			.setName("User catalog folder")
			.setDesc("A folder of JSON or YAML files, or notes with catalog frontmatter, adding cards and models.")
			.addText((text) => text.setPlaceholder("Hardware/catalog").setValue(s.userCatalogFolder).onChange((v) => {
				s.userCatalogFolder = v.trim().replace(/^\/+|\/+$/g, "");
				save();
			}));
		new Setting(containerEl)
			.setName("Warm-start cache")
			.setDesc("Remember parsed notes between restarts so only changed notes are read again.")
			.addToggle((t) => t.setValue(s.warmStartCache).onChange((v) => { s.warmStartCache = v; save(); }));
	}
}
