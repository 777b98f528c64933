/** The host's Plugin base class: registrations are recorded so the page (and tests) can drive them. */
import type * as O from "obsidian";
import { Component } from "./core";
import type { SettingTab } from "./settings-ui";
import type { Surface } from "./surface";

export type CodeBlockHandler = (source: string, el: HTMLElement, ctx: O.MarkdownPostProcessorContext) => Promise<unknown> | void;

export interface HostRegistry {
	codeBlocks: Map<string, CodeBlockHandler>;
	commands: Map<string, O.Command>;
	settingTabs: SettingTab[];
	views: Map<string, O.ViewCreator>;
	statusBarEl: HTMLElement;
	ribbonEl: HTMLElement;
	data: unknown;
	dataWrites: number;
	/** Set when data.json cannot be parsed: loadData rejects with it, as Obsidian's does. */
	dataError: string | undefined;
}

export const registry: HostRegistry = {
	codeBlocks: new Map(),
	commands: new Map(),
	settingTabs: [],
	views: new Map(),
	statusBarEl: createDiv(),
	ribbonEl: createDiv(),
	data: null,
	dataWrites: 0,
	dataError: undefined,
};

type PluginSurface = Surface<O.Plugin,
	"app" | "manifest" | "addCommand" | "removeCommand" | "addSettingTab" | "addStatusBarItem" | "addRibbonIcon"
	| "registerMarkdownCodeBlockProcessor" | "registerView" | "loadData" | "saveData">;

export abstract class Plugin extends Component implements PluginSurface {
	constructor(public app: O.App, public manifest: O.PluginManifest) {
		super();
	}

	addCommand(command: O.Command): O.Command {
		const full = { ...command, id: `${this.manifest.id}:${command.id}` };
		registry.commands.set(full.id, full);
		this.register(() => registry.commands.delete(full.id));
		return full;
	}

	removeCommand(commandId: string): void {
		registry.commands.delete(`${this.manifest.id}:${commandId}`);
	}

	addSettingTab(settingTab: O.PluginSettingTab): void {
		const tab = settingTab as unknown as SettingTab;
		registry.settingTabs.push(tab);
		this.register(() => {
			registry.settingTabs = registry.settingTabs.filter((t) => t !== tab);
			tab.containerEl.detach();
		});
	}

	addStatusBarItem(): HTMLElement {
		const el = registry.statusBarEl.createDiv({ cls: "status-bar-item" });
		this.register(() => el.detach());
		return el;
	}

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = registry.ribbonEl.createDiv({ cls: "side-dock-ribbon-action", attr: { "aria-label": title, "data-icon": icon } });
		el.addEventListener("click", callback);
		this.register(() => el.detach());
		return el;
	}

	registerMarkdownCodeBlockProcessor(language: string, handler: CodeBlockHandler, sortOrder?: number): O.MarkdownPostProcessor {
		registry.codeBlocks.set(language, handler);
		this.register(() => registry.codeBlocks.delete(language));
		const pp: O.MarkdownPostProcessor = () => undefined;
		if (sortOrder !== undefined) pp.sortOrder = sortOrder;
		return pp;
	}

	registerView(type: string, viewCreator: O.ViewCreator): void {
		registry.views.set(type, viewCreator);
		this.register(() => registry.views.delete(type));
	}

	loadData(): Promise<unknown> {
		if (registry.dataError !== undefined) return Promise.reject(new SyntaxError(registry.dataError));
		return Promise.resolve(structuredClone(registry.data));
	}

	saveData(data: unknown): Promise<void> {
		registry.data = structuredClone(data);
		registry.dataWrites++;
		return Promise.resolve();
	}
}
