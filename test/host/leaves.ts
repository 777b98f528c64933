/**
 * Workspace leaves and views for the test host: a tab strip over the main area where each leaf holds a View
 * (the note tab is the host's reading view). Obsidian's order is kept: a view is created, loaded, `onOpen`ed, then
 * handed its state. Links opened from views are logged (with the new-tab flag and ephemeral state) for tests.
 */
import type * as O from "obsidian";
import { Component, debounce, TFile } from "./core";
import { registry } from "./plugin";
import type { Surface } from "./surface";
import type { HostApp } from "./vault";

type ViewSurface = Surface<O.View,
	"app" | "icon" | "navigation" | "leaf" | "containerEl" | "getState" | "setState" | "getEphemeralState" | "setEphemeralState" | "getIcon" | "onResize">;

export abstract class View extends Component implements ViewSurface {
	app: O.App;
	icon = "";
	navigation = false;
	leaf: O.WorkspaceLeaf;
	containerEl: HTMLElement;
	scope = null;

	constructor(leaf: O.WorkspaceLeaf) {
		super();
		this.leaf = leaf;
		this.app = (leaf as unknown as HostLeaf).app;
		this.containerEl = createDiv({ cls: "workspace-leaf-content" });
	}

	protected onOpen(): Promise<void> {
		return Promise.resolve();
	}

	protected onClose(): Promise<void> {
		return Promise.resolve();
	}

	abstract getViewType(): string;
	abstract getDisplayText(): string;

	getState(): Record<string, unknown> {
		return {};
	}

	setState(_state: unknown, _result: O.ViewStateResult): Promise<void> {
		return Promise.resolve();
	}

	getEphemeralState(): Record<string, unknown> {
		return {};
	}

	setEphemeralState(_state: unknown): void {}

	getIcon(): string {
		return this.icon;
	}

	onResize(): void {}

	/** Host-only: what WorkspaceLeaf.open does. */
	async hostOpen(parent: HTMLElement): Promise<void> {
		parent.appendChild(this.containerEl);
		this.load();
		await this.onOpen();
	}

	async hostClose(): Promise<void> {
		await this.onClose();
		this.unload();
		this.containerEl.detach();
	}
}

export abstract class ItemView extends View implements Surface<O.ItemView, "contentEl" | "addAction"> {
	contentEl: HTMLElement;

	constructor(leaf: O.WorkspaceLeaf) {
		super(leaf);
		this.containerEl.createDiv({ cls: "view-header" });
		this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
	}

	addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const b = this.containerEl.createEl("button", { cls: "view-action", attr: { "aria-label": title, "data-icon": icon } });
		b.addEventListener("click", callback);
		return b;
	}
}

/** Obsidian's modifier rules for opening links: Ctrl/Cmd → a new tab, +Alt → a split, +Alt+Shift → a window; middle click → a tab. */
export class Keymap {
	static isModEvent(evt?: O.UserEvent | null): O.PaneType | boolean {
		if (!evt) return false;
		const mod = evt.ctrlKey || evt.metaKey;
		if (mod && evt.altKey && evt.shiftKey) return "window";
		if (mod && evt.altKey) return "split";
		if (mod) return "tab";
		if ("button" in evt && evt.button === 1) return "tab";
		return false;
	}
}
Keymap satisfies Pick<typeof O.Keymap, "isModEvent">;

export class HostLeaf implements Surface<O.WorkspaceLeaf, "view" | "setViewState" | "getViewState" | "detach" | "getDisplayText" | "getIcon" | "onResize"> {
	view: O.View;
	readonly containerEl: HTMLElement;
	readonly tabEl: HTMLElement;

	constructor(readonly app: O.App, private readonly tabs: LeafTabs) {
		this.containerEl = tabs.leavesEl.createDiv({ cls: "host-leaf host-hidden" });
		this.tabEl = tabs.stripEl.createEl("button", { cls: "host-tab", text: "Empty" });
		this.tabEl.addEventListener("click", () => tabs.activate(this));
		this.view = new EmptyView(this as unknown as O.WorkspaceLeaf) as unknown as O.View;
	}

	async setViewState(viewState: O.ViewState, eState?: unknown): Promise<void> {
		const creator = registry.views.get(viewState.type);
		if (!creator) throw new Error(`No view registered for "${viewState.type}"`);
		const same = this.view.getViewType() === viewState.type;
		if (!same) {
			await (this.view as unknown as View).hostClose();
			this.view = creator(this as unknown as O.WorkspaceLeaf);
			await (this.view as unknown as View).hostOpen(this.containerEl);
		}
		if (viewState.state) await this.view.setState(viewState.state, { history: false });
		if (eState !== undefined) this.view.setEphemeralState(eState);
		this.tabEl.setText(this.view.getDisplayText());
		if (viewState.active) this.tabs.activate(this);
	}

	getViewState(): O.ViewState {
		return { type: this.view.getViewType(), state: this.view.getState() };
	}

	detach(): void {
		void (this.view as unknown as View).hostClose();
		this.containerEl.detach();
		this.tabEl.detach();
		this.tabs.remove(this);
	}

	getDisplayText(): string {
		return this.view.getDisplayText();
	}

	getIcon(): string {
		return this.view.getIcon();
	}

	onResize(): void {
		this.view.onResize();
	}
}

class EmptyView extends View {
	getViewType(): string {
		return "empty";
	}
	getDisplayText(): string {
		return "New tab";
	}
}

export interface LinkOpen {
	linktext: string;
	path: string | undefined;
	newLeaf: O.PaneType | boolean | undefined;
	eState: Record<string, unknown> | undefined;
}

/** The host's tab strip: the reading view ("note" tab) and one tab per leaf. */
export class LeafTabs {
	readonly stripEl: HTMLElement;
	readonly leavesEl: HTMLElement;
	readonly leaves: HostLeaf[] = [];
	private readonly noteTab: HTMLElement;
	active: HostLeaf | undefined;
	readonly linkOpens: LinkOpen[] = [];
	layoutSaves = 0;

	constructor(mainEl: HTMLElement, before: HTMLElement, private readonly noteView: HTMLElement, private readonly openNote: (path: string) => void) {
		this.stripEl = createDiv({ cls: "host-tabs" });
		this.leavesEl = createDiv({ cls: "host-leaves" });
		mainEl.insertBefore(this.stripEl, before);
		mainEl.insertBefore(this.leavesEl, before);
		this.noteTab = this.stripEl.createEl("button", { cls: "host-tab is-active", text: "Note" });
		this.noteTab.addEventListener("click", () => this.activate(undefined));
		this.stripEl.addClass("host-hidden");
	}

	activate(leaf: HostLeaf | undefined): void {
		this.active = leaf;
		for (const l of this.leaves) {
			l.containerEl.toggleClass("host-hidden", l !== leaf);
			l.tabEl.toggleClass("is-active", l === leaf);
		}
		this.noteTab.toggleClass("is-active", leaf === undefined);
		this.noteView.toggleClass("host-hidden", leaf !== undefined);
		this.leavesEl.toggleClass("host-hidden", leaf === undefined);
		if (leaf) window.requestAnimationFrame(() => leaf.onResize());
	}

	remove(leaf: HostLeaf): void {
		const i = this.leaves.indexOf(leaf);
		if (i >= 0) this.leaves.splice(i, 1);
		if (this.active === leaf) this.activate(undefined);
		if (this.leaves.length === 0) this.stripEl.addClass("host-hidden");
	}

	/** Install Workspace's leaf methods on the host's workspace. */
	install(app: HostApp): void {
		const tabs: LeafTabs = this.self();
		const ws = app.workspace as unknown as Record<string, unknown>;
		const members = {
			getLeaf(_newLeaf?: O.PaneType | boolean): O.WorkspaceLeaf {
				const leaf = new HostLeaf(app.asApp(), tabs);
				tabs.leaves.push(leaf);
				tabs.stripEl.removeClass("host-hidden");
				return leaf as unknown as O.WorkspaceLeaf;
			},
			getLeavesOfType(type: string): O.WorkspaceLeaf[] {
				return tabs.leaves.filter((l) => l.view.getViewType() === type) as unknown as O.WorkspaceLeaf[];
			},
			setActiveLeaf(leaf: O.WorkspaceLeaf): void {
				tabs.activate(leaf as unknown as HostLeaf);
			},
			openLinkText(linktext: string, _sourcePath: string, newLeaf?: O.PaneType | boolean, openViewState?: O.OpenViewState): Promise<void> {
				const vault = app.vault;
				const file = vault.getFileByPath(linktext) ?? vault.getFileByPath(`${linktext}.md`)
					?? vault.getMarkdownFiles().find((f) => f.basename === linktext) ?? null;
				tabs.linkOpens.push({ linktext, path: file?.path, newLeaf, eState: openViewState?.eState });
				if (file) {
					tabs.activate(undefined);
					tabs.openNote(file.path);
				}
				return Promise.resolve();
			},
			getActiveFile(): O.TFile | null {
				return tabs.activeFile;
			},
			requestSaveLayout: debounce(() => { tabs.layoutSaves++; return Promise.resolve(); }, 50),
		} satisfies Pick<O.Workspace, "getLeavesOfType" | "openLinkText" | "getActiveFile"> & Record<string, unknown>;
		Object.assign(ws, members);
	}

	private self(): LeafTabs {
		return this;
	}

	/** The note the reading view shows (Obsidian's active file follows the last opened note). */
	activeFile: TFile | null = null;
}
