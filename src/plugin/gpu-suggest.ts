/** Search-as-you-type GPU picker for the settings tab. */
import { AbstractInputSuggest, type App } from "obsidian";
import type { Catalog } from "../estimator/catalog";
import { normalizeName } from "../estimator/names";
import type { Gpu } from "../estimator/schema";

export class GpuSuggest extends AbstractInputSuggest<Gpu> {
	constructor(app: App, private readonly input: HTMLInputElement, private readonly catalog: () => Catalog, private readonly onPick: (gpu: Gpu) => void) {
		super(app, input);
	}

	protected getSuggestions(query: string): Gpu[] {
		const q = normalizeName(query);
		const all = this.catalog().gpus.all();
		if (!q) return all.slice(0, 50);
		const hits = all.filter((g) => [g.id, g.name, ...g.aliases].some((n) => normalizeName(n).includes(q)));
		if (hits.length > 0) return hits.slice(0, 50);
		const names = new Set(this.catalog().gpus.suggest(query, 5));
		return all.filter((g) => names.has(g.name));
	}

	renderSuggestion(gpu: Gpu, el: HTMLElement): void {
		el.createDiv({ text: gpu.name });
		el.createEl("small", { text: `${gpu.memory.usableGiB} GiB usable, ${gpu.memory.type}`, cls: "gpufit-suggest-note" });
	}

	override selectSuggestion(gpu: Gpu): void {
		this.input.value = gpu.name;
		this.onPick(gpu);
		this.close();
	}
}
