/**
 * The settings tab: my rig, precision policy, indexing. Sentence case, headings via setHeading().
 * Text boxes parse through the same request fields as blocks and the CLI ("32k" is a context here too); a value
 * that cannot be used says why beside the box and is not saved. A stored value that could not be used when
 * data.json was read is shown beside its setting until the user changes it.
 */
import { type App, type Plugin, PluginSettingTab, Setting } from "obsidian";
import { resolveGpu, type Catalog } from "../estimator/catalog";
import { KV_DTYPE_CHOICES, fieldOf, parseField, sentence } from "../estimator/request";
import { ENGINE_IDS, SPLIT_MODES, type EngineId, type SplitMode } from "../estimator/types";
import { GpuSuggest } from "./gpu-suggest";
import { DEFAULT_SETTINGS, SETTING_LABELS, type GpuFitSettings, type PrecisionPolicy } from "./settings";
import type { SettingsStore } from "./settings-store";

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
	constructor(app: App, plugin: Plugin, private readonly host: SettingsHost, private readonly store: SettingsStore) {
		super(app, plugin);
	}

	override display(): void {
		const { containerEl } = this;
		containerEl.empty();
		const s = this.host.settings;
		/** Save a change to the setting at `path` (its stored problem, if any, is then replaced). */
		const save = (path: string) => {
			this.store.touch(path);
			void this.host.saveSettings();
		};
		/** A line under the setting's description for problems; empty when there is none. */
		const problemLine = (setting: Setting, path: string) => {
			const el = setting.descEl.createDiv({ cls: "mod-warning gpufit-setting-problem" });
			const show = (text: string) => {
				el.setText(text);
				el.toggle(text !== "");
			};
			show(this.store.problem(path)?.message ?? "");
			return show;
		};

		new Setting(containerEl).setName("My rig").setHeading();
		const gpu = new Setting(containerEl)
			.setName("GPU")
			.setDesc("Used by blocks that name no GPU, or say `gpu: mine`. Type to search the catalog.");
		const gpuProblem = problemLine(gpu, "rig.gpu");
		gpu.addSearch((search) => {
			search.setPlaceholder("Type to search").setValue(s.rig.gpu);
			new GpuSuggest(this.app, search.inputEl, () => this.host.catalog(), (g) => {
				s.rig.gpu = g.name;
				gpuProblem("");
				save("rig.gpu");
			});
			// Saved as soon as the text names a GPU; while typing a partial name nothing is said, on leaving the box
			// a name that is not in the catalog says so (with "did you mean").
			search.onChange((value) => {
				const found = value.trim() === "" ? undefined : resolveGpu(this.host.catalog(), value);
				if (found?.ok) {
					s.rig.gpu = value.trim();
					gpuProblem("");
					save("rig.gpu");
				}
			});
			search.inputEl.addEventListener("blur", () => {
				const value = search.getValue();
				const found = value.trim() === "" ? undefined : resolveGpu(this.host.catalog(), value);
				if (found && !found.ok) gpuProblem(`${found.error.message} Not saved.`);
			});
		});

		this.numberSetting(containerEl, "count", "rig.count", SETTING_LABELS["rig.count"], "", s.rig.count, (n) => { s.rig.count = n; }, save, problemLine);
		new Setting(containerEl)
			.setName("Split mode")
			.setDesc("Tensor parallel, layer (pipeline) split, or one replica per GPU.")
			.addDropdown((d) => {
				for (const m of SPLIT_MODES) d.addOption(m, m);
				d.setValue(s.rig.split).onChange((v) => { s.rig.split = v as SplitMode; save("rig.split"); });
			});
		new Setting(containerEl)
			.setName("Engine")
			.addDropdown((d) => {
				for (const e of ENGINE_IDS) d.addOption(e, e);
				d.setValue(s.rig.engine).onChange((v) => { s.rig.engine = v as EngineId; save("rig.engine"); });
			});
		this.numberSetting(containerEl, "context", "rig.context", SETTING_LABELS["rig.context"], "Tokens per sequence for blocks that give no `context`, e.g. 8192 or 32k.", s.rig.context, (n) => { s.rig.context = n; }, save, problemLine);
		const kv = new Setting(containerEl)
			.setName(SETTING_LABELS["rig.kvDtype"])
			.setDesc("Data type of the key/value cache. Auto: the engine's default (the model's data type; f16 in llama.cpp).");
		problemLine(kv, "rig.kvDtype");
		kv.addDropdown((d) => {
			for (const k of KV_DTYPE_CHOICES) d.addOption(k, k === "auto" ? "auto (engine default)" : k);
			d.setValue(s.rig.kvDtype).onChange((v) => {
				const r = parseField("kvDtype", v, "settings");
				if (r.ok) { s.rig.kvDtype = r.value; save("rig.kvDtype"); }
			});
		});

		new Setting(containerEl).setName("Precision").setHeading();
		new Setting(containerEl)
			.setName("Precision policy")
			.setDesc("Which formats a block lists when it names no `quant`.")
			.addDropdown((d) => {
				for (const [k, label] of Object.entries(POLICY_LABELS)) d.addOption(k, label);
				d.setValue(s.precision).onChange((v) => { s.precision = v as PrecisionPolicy; save("precision"); });
			});

		new Setting(containerEl).setName("Index").setHeading();
		new Setting(containerEl)
			.setName("Index tag")
			.setDesc("Only notes with this tag are indexed. Leave empty to index every note that has a series tag.")
			.addText((text) => text.setPlaceholder("Any series tag").setValue(s.indexTag).onChange((v) => {
				s.indexTag = v.trim().replace(/^#/, "");
				save("indexTag");
			}));
		new Setting(containerEl)
			.setName("Feedback fields")
			.setDesc("Frontmatter fields that name related notes, separated by commas.")
			.addText((text) => text.setPlaceholder(DEFAULT_SETTINGS.feedbackFields.join(", ")).setValue(s.feedbackFields.join(", ")).onChange((v) => {
				const names = v.split(",").map((x) => x.trim()).filter(Boolean);
				s.feedbackFields = names.length > 0 ? names : [...DEFAULT_SETTINGS.feedbackFields];
				save("feedbackFields");
			}));
		new Setting(containerEl)
			.setName("User catalog folder")
			.setDesc("A folder of JSON or YAML files, or notes with catalog frontmatter, adding cards and models.")
			.addText((text) => text.setPlaceholder("Hardware/catalog").setValue(s.userCatalogFolder).onChange((v) => {
				s.userCatalogFolder = v.trim().replace(/^\/+|\/+$/g, "");
				save("userCatalogFolder");
			}));
		new Setting(containerEl)
			.setName("Warm-start cache")
			.setDesc("Remember parsed notes between restarts so only changed notes are read again.")
			.addToggle((t) => t.setValue(s.warmStartCache).onChange((v) => { s.warmStartCache = v; save("warmStartCache"); }));
	}

	/** A text box for a whole-number request field: parsed like a block value, saved only when valid. */
	private numberSetting(
		containerEl: HTMLElement, key: "count" | "context", path: string, name: string, desc: string, value: number,
		set: (n: number) => void, save: (path: string) => void, problemLine: (s: Setting, path: string) => (text: string) => void,
	): void {
		const setting = new Setting(containerEl).setName(name);
		if (desc) setting.setDesc(desc);
		const show = problemLine(setting, path);
		setting.addText((text) => {
			text.inputEl.addClass(`gpufit-rig-${key}`);
			text.setPlaceholder(fieldOf(key).metavar).setValue(String(value)).onChange((raw) => {
				const r = fieldOf(key).parse(raw);
				if (!r.ok) {
					show(`${sentence(`${name} ${r.problem}`)} Not saved.`);
					return;
				}
				show("");
				set(r.value);
				save(path);
			});
		});
	}
}
