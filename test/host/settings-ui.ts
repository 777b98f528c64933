/** Setting, PluginSettingTab and the input components, enough to render and drive the settings tab. */
import type * as O from "obsidian";
import type { Surface } from "./surface";

abstract class Base {
	disabled = false;
	then(cb: (component: this) => unknown): this {
		cb(this);
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
	registerOptionListener(): this {
		return this;
	}
}

class AbstractText<T extends HTMLInputElement | HTMLTextAreaElement> extends Base {
	private changeCb: ((value: string) => unknown) | undefined;
	constructor(public inputEl: T) {
		super();
		inputEl.addEventListener("input", () => this.onChanged());
	}
	getValue(): string {
		return this.inputEl.value;
	}
	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
	setPlaceholder(placeholder: string): this {
		this.inputEl.placeholder = placeholder;
		return this;
	}
	onChanged(): void {
		this.changeCb?.(this.getValue());
	}
	onChange(callback: (value: string) => unknown): this {
		this.changeCb = callback;
		return this;
	}
}

export class TextComponent extends AbstractText<HTMLInputElement> implements O.TextComponent {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("input", { type: "text" }));
	}
}

export class SearchComponent extends AbstractText<HTMLInputElement> implements O.SearchComponent {
	clearButtonEl: HTMLElement;
	constructor(containerEl: HTMLElement) {
		const wrap = containerEl.createDiv({ cls: "search-input-container" });
		super(wrap.createEl("input", { type: "search" }));
		this.clearButtonEl = wrap.createDiv({ cls: "search-input-clear-button" });
	}
}

export class DropdownComponent extends Base implements O.DropdownComponent {
	selectEl: HTMLSelectElement;
	private changeCb: ((value: string) => unknown) | undefined;
	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl("select", { cls: "dropdown" });
		this.selectEl.addEventListener("change", () => this.changeCb?.(this.getValue()));
	}
	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}
	addOptions(options: Record<string, string>): this {
		for (const [k, v] of Object.entries(options)) this.addOption(k, v);
		return this;
	}
	getValue(): string {
		return this.selectEl.value;
	}
	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}
	onChange(callback: (value: string) => unknown): this {
		this.changeCb = callback;
		return this;
	}
}

export class ToggleComponent extends Base implements O.ToggleComponent {
	toggleEl: HTMLElement;
	private value = false;
	private changeCb: ((value: boolean) => unknown) | undefined;
	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = containerEl.createDiv({ cls: "checkbox-container", attr: { role: "switch", tabindex: 0 } });
		this.toggleEl.addEventListener("click", () => this.onClick());
	}
	getValue(): boolean {
		return this.value;
	}
	setValue(on: boolean): this {
		this.value = on;
		this.toggleEl.toggleClass("is-enabled", on);
		this.toggleEl.setAttr("aria-checked", on);
		return this;
	}
	setTooltip(tooltip: string): this {
		this.toggleEl.setAttr("aria-label", tooltip);
		return this;
	}
	onClick(): void {
		this.setValue(!this.value);
		this.changeCb?.(this.value);
	}
	onChange(callback: (value: boolean) => unknown): this {
		this.changeCb = callback;
		return this;
	}
}

export class ButtonComponent extends Base implements Surface<O.ButtonComponent, "buttonEl" | "setButtonText" | "onClick" | "setCta"> {
	buttonEl: HTMLButtonElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = containerEl.createEl("button");
	}
	setButtonText(name: string): this {
		this.buttonEl.setText(name);
		return this;
	}
	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}
	onClick(callback: (evt: MouseEvent) => unknown): this {
		this.buttonEl.addEventListener("click", callback);
		return this;
	}
}

export class Setting implements Surface<O.Setting,
	"settingEl" | "infoEl" | "nameEl" | "descEl" | "controlEl" | "setName" | "setDesc" | "setClass" | "setHeading" | "setDisabled"
	| "addText" | "addSearch" | "addDropdown" | "addToggle" | "addButton" | "clear"> {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: unknown[] = [];

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}
	setName(name: string | DocumentFragment): this {
		this.nameEl.setText(name);
		return this;
	}
	setDesc(desc: string | DocumentFragment): this {
		this.descEl.setText(desc);
		return this;
	}
	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}
	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.settingEl.toggleClass("is-disabled", disabled);
		return this;
	}
	private add<C>(c: C, cb: (c: C) => unknown): this {
		this.components.push(c);
		cb(c);
		return this;
	}
	addText(cb: (component: O.TextComponent) => unknown): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}
	addSearch(cb: (component: O.SearchComponent) => unknown): this {
		return this.add(new SearchComponent(this.controlEl), cb);
	}
	addDropdown(cb: (component: O.DropdownComponent) => unknown): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}
	addToggle(cb: (component: O.ToggleComponent) => unknown): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}
	addButton(cb: (component: O.ButtonComponent) => unknown): this {
		return this.add(new ButtonComponent(this.controlEl) as unknown as O.ButtonComponent, cb);
	}
	then(cb: (setting: this) => unknown): this {
		cb(this);
		return this;
	}
	clear(): this {
		this.controlEl.empty();
		this.components = [];
		return this;
	}
}

/** `display` is left out of the checked surface only because Obsidian 1.13 marks it deprecated (plugins still implement it). */
export abstract class SettingTab implements Pick<O.SettingTab, "app" | "containerEl" | "hide"> {
	containerEl: HTMLElement;
	constructor(public app: O.App) {
		this.containerEl = createDiv({ cls: "vertical-tab-content" });
	}
	abstract display(): void;
	hide(): void {
		this.containerEl.empty();
	}
}

export abstract class PluginSettingTab extends SettingTab implements Pick<O.PluginSettingTab, "app" | "containerEl" | "hide"> {
	constructor(app: O.App, public plugin: O.Plugin) {
		super(app);
	}
}

/** A suggestion list under an input. Mouse and keyboard are enough for the host. */
export abstract class PopoverSuggest<T> implements Pick<O.PopoverSuggest<T>, "open" | "close" | "renderSuggestion" | "selectSuggestion"> {
	protected suggestEl: HTMLElement | undefined;
	constructor(public app: O.App) {}
	open(): void {}
	close(): void {
		this.suggestEl?.detach();
		this.suggestEl = undefined;
	}
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class AbstractInputSuggest<T> extends PopoverSuggest<T> implements Surface<O.AbstractInputSuggest<T>, "limit" | "setValue" | "getValue" | "onSelect" | "close" | "open"> {
	limit = 100;
	private selectCb: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | undefined;
	constructor(app: O.App, private readonly textInputEl: HTMLInputElement | HTMLDivElement) {
		super(app);
		textInputEl.addEventListener("input", () => void this.refresh());
		textInputEl.addEventListener("focus", () => void this.refresh());
	}
	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
	setValue(value: string): void {
		if (this.textInputEl instanceof HTMLInputElement) this.textInputEl.value = value;
		else this.textInputEl.setText(value);
	}
	getValue(): string {
		return this.textInputEl instanceof HTMLInputElement ? this.textInputEl.value : this.textInputEl.getText();
	}
	onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.selectCb = callback;
		return this;
	}
	private async refresh(): Promise<void> {
		const items = (await this.getSuggestions(this.getValue())).slice(0, this.limit || undefined);
		this.close();
		const box = this.textInputEl.ownerDocument.body.createDiv({ cls: "suggestion-container" });
		const rect = this.textInputEl.getBoundingClientRect();
		box.setCssProps({ left: `${rect.left}px`, top: `${rect.bottom}px` });
		this.suggestEl = box;
		for (const item of items) {
			const row = box.createDiv({ cls: "suggestion-item" });
			this.renderSuggestion(item, row);
			row.addEventListener("mousedown", (evt) => {
				evt.preventDefault();
				this.selectSuggestion(item, evt);
				this.selectCb?.(item, evt);
				this.close();
			});
		}
	}
}
