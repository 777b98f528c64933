/**
 * The test host page: an in-memory vault, Obsidian's API surface, the production main.js, a reading view.
 * `?note=PATH` opens a note; `?theme=dark` starts dark. `window.gpufitHost` drives it from tests.
 */
import type { IndexStats } from "../../src/plugin/index-component";
import "./install";
import type * as O from "obsidian";
import { fireNodeInserted, listenerCount, nodeInsertedListenerCount } from "./dom";
import * as obsidian from "./obsidian";
import { Plugin, registry } from "./plugin";
import { ReadingView } from "./reading-view";
import { HostApp, type VaultFileData } from "./vault";

interface VaultPayload {
	name: string;
	files: VaultFileData[];
	pluginData: unknown;
	pluginDataError?: string;
}

type PluginModule = { exports: unknown };
type Define = (factory: (require: (id: string) => unknown, module: PluginModule, exports: unknown) => void) => void;

declare global {
	interface Window {
		__gpufitDefine: Define;
		gpufitHost: HostApi;
	}
}

let pluginFactory: ((require: (id: string) => unknown, module: PluginModule, exports: unknown) => void) | undefined;
window.__gpufitDefine = (factory) => {
	pluginFactory = factory;
};

function loadScript(src: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const s = createEl("script");
		s.src = src;
		s.onload = () => resolve();
		s.onerror = () => reject(new Error(`Could not load ${src}`));
		document.head.appendChild(s);
	});
}

const requireShim = (id: string): unknown => {
	if (id === "obsidian") return obsidian;
	throw new Error(`main.js required "${id}", which Obsidian does not provide`);
};

export interface HostApi {
	ready: Promise<void>;
	app: HostApp;
	view: ReadingView;
	plugin: obsidian.Component | undefined;
	onloadMs: number;
	openNote(path: string): void;
	currentPath(): string;
	editNote(path: string, text: string): Promise<void>;
	noteText(path: string): string | undefined;
	/** Paths the plugin wrote through the vault adapter (its data and caches). */
	adapterFiles(): string[];
	setTheme(theme: "light" | "dark"): void;
	/** Hide or show the reading view (a background tab); showing fires Obsidian's node-inserted hook. */
	setViewVisible(visible: boolean): void;
	loadPlugin(): Promise<void>;
	unloadPlugin(): void;
	openSettings(): HTMLElement | undefined;
	leakReport(): LeakReport;
	notices: string[];
	registry: typeof registry;
	settle(ms?: number): Promise<void>;
	/**
	 * Add `count` copies of a note (titles numbered), then load the plugin cold, save its warm-start cache, and load it
	 * again warm: the index statistics of both starts. Shared by the e2e test and the plugin bench.
	 */
	indexSyntheticVault(noteText: string, count: number): Promise<{ cold: IndexStats; warm: IndexStats }>;
}


export interface LeakReport {
	eventHandlers: number;
	domListeners: number;
	nodeInsertedListeners: number;
	intervals: number;
	statusBarItems: number;
	codeBlockProcessors: number;
	commands: number;
	settingTabs: number;
	blockChildren: number;
}

async function main(): Promise<void> {
	const params = new URLSearchParams(location.search);
	document.body.addClass(params.get("theme") === "dark" ? "theme-dark" : "theme-light");
	const shell = document.body.createDiv({ cls: "host-shell" });
	const side = shell.createDiv({ cls: "host-sidebar" });
	const mainEl = shell.createDiv({ cls: "host-main workspace" });
	const toolbar = mainEl.createDiv({ cls: "host-toolbar" });
	const titleEl = toolbar.createDiv({ cls: "host-title" });
	const viewHost = mainEl.createDiv({ cls: "host-view" });
	const settingsHost = mainEl.createDiv({ cls: "host-settings host-hidden" });
	const statusBar = document.body.createDiv({ cls: "status-bar" });
	statusBar.appendChild(registry.statusBarEl);

	const payload = (await (await fetch("/api/vault")).json()) as VaultPayload;
	const manifest = (await (await fetch("/manifest.json")).json()) as O.PluginManifest;
	registry.data = payload.pluginData ?? null;
	registry.dataError = payload.pluginDataError;
	const app = new HostApp(payload.files, mainEl);
	const view = new ReadingView(viewHost);
	view.load();
	let current = "";

	// Host chrome listeners are not the plugin's; leak counts exclude them.
	const hostTargets = new Set<EventTarget>();
	const hostButton = (label: string, onClick: () => void) => {
		const b = toolbar.createEl("button", { text: label, cls: "host-button" });
		b.addEventListener("click", onClick);
		hostTargets.add(b);
		return b;
	};

	const api: HostApi = {
		ready: Promise.resolve(), // replaced below by the page's own promise
		app,
		view,
		plugin: undefined,
		onloadMs: 0,
		notices: obsidian.notices,
		registry,
		openNote(path: string) {
			const text = app.vault.text(path);
			if (text === undefined) {
				titleEl.setText(`No note at ${path}`);
				return;
			}
			current = path;
			app.workspace.activeFile = app.vault.getFileByPath(path);
			titleEl.setText(path.replace(/\.md$/, ""));
			for (const a of Array.from(side.querySelectorAll("a"))) a.toggleClass("is-active", a.getAttribute("data-path") === path);
			view.render(path, text);
			const url = new URL(location.href);
			url.searchParams.set("note", path);
			history.replaceState(null, "", url);
		},
		currentPath: () => current,
		async editNote(path: string, text: string) {
			const f = app.vault.getFileByPath(path);
			if (!f) await app.vault.create(path, text);
			else await app.vault.modify(f, text);
		},
		noteText: (path) => app.vault.text(path),
		adapterFiles: () => [...app.vault.adapter.files.keys()],
		setTheme(theme) {
			document.body.toggleClass("theme-dark", theme === "dark");
			document.body.toggleClass("theme-light", theme === "light");
		},
		setViewVisible(visible: boolean) {
			viewHost.toggleClass("host-hidden", !visible);
			if (visible) fireNodeInserted();
		},
		async loadPlugin() {
			if (!pluginFactory) await loadScript("/plugin.js");
			if (!pluginFactory) throw new Error("plugin.js did not define the plugin");
			const module: PluginModule = { exports: {} };
			pluginFactory(requireShim, module, module.exports);
			const exported = module.exports as { default?: unknown };
			const Ctor = (exported.default ?? exported) as new (app: O.App, manifest: O.PluginManifest) => Plugin;
			const plugin = new Ctor(app.asApp(), manifest);
			const t0 = performance.now();
			plugin.load();
			await plugin._loading;
			api.onloadMs = performance.now() - t0;
			api.plugin = plugin;
			if (!app.workspace.layoutReady) app.workspace.setLayoutReady();
			if (current) {
				view.clear();
				api.openNote(current);
			}
		},
		unloadPlugin() {
			api.plugin?.unload();
			api.plugin = undefined;
			// Obsidian re-renders open notes when a processor goes away; the blocks' children unload.
			if (current) {
				view.clear();
				api.openNote(current);
			}
		},
		openSettings() {
			const tab = registry.settingTabs[0];
			if (!tab) return undefined;
			settingsHost.replaceChildren(tab.containerEl);
			tab.display();
			settingsHost.toggleClass("host-hidden", false);
			return tab.containerEl;
		},
		leakReport() {
			let handlers = 0;
			for (const e of obsidian.allEvents) handlers += e.handlerCount();
			return {
				eventHandlers: handlers - hostBaseline,
				domListeners: listenerCount((t) => hostTargets.has(t) || (t instanceof Node && settingsHost.contains(t))) - domBaseline,
				nodeInsertedListeners: nodeInsertedListenerCount(),
				intervals: obsidian.liveIntervals.size,
				statusBarItems: registry.statusBarEl.childElementCount,
				codeBlockProcessors: registry.codeBlocks.size,
				commands: registry.commands.size,
				settingTabs: registry.settingTabs.length,
				blockChildren: view.childCount(),
			};
		},
		async settle(ms = 50) {
			await new Promise((r) => window.setTimeout(r, ms));
		},
		async indexSyntheticVault(noteText, count) {
			type WithIndex = { core: { index: { stats?: IndexStats; saveCache(): Promise<void> } } };
			const component = () => (api.plugin as unknown as WithIndex | undefined)?.core.index;
			for (let i = 0; i < count; i++) {
				await app.vault.create(`Synthetic/Note ${i}.md`, noteText.replace(/^title: .*$/m, `title: Synthetic note ${i}`));
			}
			const waitStats = async (): Promise<IndexStats> => {
				for (let k = 0; k < 2400; k++) {
					const s = component()?.stats;
					if (s) return s;
					await api.settle(50);
				}
				throw new Error("the index did not finish");
			};
			await api.settle(100); // the host's metadata cache finishes its change events first
			await api.loadPlugin();
			const cold = await waitStats();
			await component()?.saveCache();
			api.unloadPlugin();
			await api.loadPlugin();
			return { cold, warm: await waitStats() };
		},
	};
	api.ready = window.gpufitHost.ready;
	window.gpufitHost = api;

	let hostBaseline = 0;
	let domBaseline = 0;

	// Sidebar: notes, then the chrome.
	side.createDiv({ cls: "host-vault-name", text: payload.name });
	const list = side.createEl("ul", { cls: "host-notes" });
	for (const f of app.vault.getMarkdownFiles().sort((a, b) => a.path.localeCompare(b.path))) {
		const a = list.createEl("li").createEl("a", { text: f.basename, href: `?note=${encodeURIComponent(f.path)}`, attr: { "data-path": f.path } });
		a.addEventListener("click", (evt) => {
			evt.preventDefault();
			settingsHost.addClass("host-hidden");
			shell.removeClass("host-files-open");
			api.openNote(f.path);
		});
		hostTargets.add(a);
	}
	// Below ~600 px the file list collapses into a drawer, as in Obsidian mobile; this button opens it.
	const filesButton = hostButton("Files", () => shell.toggleClass("host-files-open", !shell.hasClass("host-files-open")));
	filesButton.addClass("host-files-toggle");
	toolbar.prepend(filesButton);
	hostButton("Toggle theme", () => api.setTheme(document.body.hasClass("theme-dark") ? "light" : "dark"));
	hostButton("Settings", () => {
		if (settingsHost.hasClass("host-hidden")) api.openSettings();
		else settingsHost.addClass("host-hidden");
	});
	hostButton("Disable plugin", () => api.unloadPlugin());
	hostButton("Enable plugin", () => void api.loadPlugin());

	// Follow edits of the open note like Obsidian's reading view does.
	app.metadataCache.on("changed", (file: obsidian.TFile) => {
		if (file.path === current) api.openNote(current);
	});

	// Baselines before the plugin exists: the host's own event handlers and DOM listeners.
	hostBaseline = 0;
	for (const e of obsidian.allEvents) hostBaseline += e.handlerCount();
	domBaseline = listenerCount((t) => hostTargets.has(t) || (t instanceof Node && settingsHost.contains(t)));

	const first = params.get("note") ?? app.vault.getMarkdownFiles().map((f) => f.path).sort()[0] ?? "";
	if (first) api.openNote(first);
	if (params.get("plugin") !== "off") await api.loadPlugin();
}

const ready = main();
ready.catch((e: unknown) => {
	document.body.createEl("pre", { cls: "host-fatal", text: e instanceof Error ? e.stack ?? e.message : String(e) });
});
window.gpufitHost = { ready } as unknown as HostApi;
