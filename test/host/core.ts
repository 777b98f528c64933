/** The host's core classes and helpers: Events, Component, MarkdownRenderChild, Notice, files, debounce, YAML. */
import type * as O from "obsidian";
import yaml from "js-yaml";

/* ---------- Events ---------- */

interface Handler { name: string; fn: (...data: never[]) => unknown; ctx: unknown; owner: Events }

/** Every Events instance the page created, so tests can count live handlers. */
export const allEvents = new Set<Events>();

export class Events implements O.Events {
	private handlers: Handler[] = [];

	constructor() {
		allEvents.add(this);
	}

	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): O.EventRef {
		const h: Handler = { name, fn: callback, ctx, owner: this };
		this.handlers.push(h);
		return h;
	}

	off(name: string, callback: (...data: never[]) => unknown): void {
		this.handlers = this.handlers.filter((h) => !(h.name === name && h.fn === callback));
	}

	offref(ref: O.EventRef): void {
		const h = ref as unknown as Handler;
		h.owner.handlers = h.owner.handlers.filter((x) => x !== h);
	}

	trigger(name: string, ...data: unknown[]): void {
		for (const h of [...this.handlers]) if (h.name === name) this.tryTrigger(h, data);
	}

	tryTrigger(evt: O.EventRef, args: unknown[]): void {
		const h = evt as unknown as Handler;
		try {
			(h.fn as (...a: unknown[]) => unknown).apply(h.ctx, args);
		} catch (e) {
			console.error(e);
		}
	}

	/** Host-only: live handlers (optionally of one event name). */
	handlerCount(name?: string): number {
		return this.handlers.filter((h) => name === undefined || h.name === name).length;
	}
}

/* ---------- Component ---------- */

/** Live intervals registered through components (tests check they are cleared). */
export const liveIntervals = new Set<number>();

export class Component implements O.Component {
	private _loaded = false;
	private _children: Component[] = [];
	private _cleanups: (() => unknown)[] = [];
	/** Host-only: resolves when an async onload finished. */
	_loading: Promise<unknown> = Promise.resolve();

	load(): void {
		if (this._loaded) return;
		this._loaded = true;
		const r: unknown = this.onload();
		this._loading = r instanceof Promise ? r : Promise.resolve();
		for (const c of [...this._children]) c.load();
	}

	onload(): void {}

	unload(): void {
		if (!this._loaded) return;
		this._loaded = false;
		for (const c of this._children.splice(0)) c.unload();
		for (const fn of this._cleanups.splice(0).reverse()) {
			try {
				fn();
			} catch (e) {
				console.error(e);
			}
		}
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends O.Component>(component: T): T {
		const c = component as unknown as Component;
		this._children.push(c);
		if (this._loaded) c.load();
		return component;
	}

	removeChild<T extends O.Component>(component: T): T {
		const c = component as unknown as Component;
		const i = this._children.indexOf(c);
		if (i >= 0) {
			this._children.splice(i, 1);
			c.unload();
		}
		return component;
	}

	register(cb: () => unknown): void {
		this._cleanups.push(cb);
	}

	registerEvent(eventRef: O.EventRef): void {
		const h = eventRef as unknown as Handler;
		this.register(() => h.owner.offref(eventRef));
	}

	registerDomEvent(el: Window | Document | HTMLElement, type: string, callback: (this: HTMLElement, ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
		const listener = callback;
		el.addEventListener(type, listener, options);
		this.register(() => el.removeEventListener(type, listener, options));
	}

	registerScopeEvent(): void {
		throw new Error("registerScopeEvent is not implemented in the test host");
	}

	registerInterval(id: number): number {
		liveIntervals.add(id);
		this.register(() => {
			window.clearInterval(id);
			liveIntervals.delete(id);
		});
		return id;
	}

	/** Host-only. */
	get loaded(): boolean {
		return this._loaded;
	}

	/** Host-only: loaded descendants, for leak checks. */
	descendantCount(): number {
		return this._children.reduce((n, c) => n + 1 + c.descendantCount(), 0);
	}
}

export class MarkdownRenderChild extends Component implements O.MarkdownRenderChild {
	constructor(public containerEl: HTMLElement) {
		super();
	}
}

/* ---------- helpers ---------- */

export const debounce = (<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): O.Debouncer<T, V> => {
	let timer: number | undefined;
	let pending: T | undefined;
	const run = (): V | void => {
		timer = undefined;
		if (!pending) return;
		const args = pending;
		pending = undefined;
		return cb(...args);
	};
	const d = ((...args: [...T]) => {
		pending = args;
		if (timer !== undefined) {
			if (!resetTimer) return d;
			window.clearTimeout(timer);
		}
		timer = window.setTimeout(run, timeout);
		return d;
	}) as O.Debouncer<T, V>;
	d.cancel = () => {
		if (timer !== undefined) window.clearTimeout(timer);
		timer = undefined;
		pending = undefined;
		return d;
	};
	d.run = () => {
		if (timer !== undefined) window.clearTimeout(timer);
		return run();
	};
	return d;
}) satisfies typeof O.debounce;

export const parseYaml = ((text: string): unknown => yaml.safeLoad(text)) satisfies typeof O.parseYaml;
export const stringifyYaml = ((obj: unknown): string => yaml.safeDump(obj)) satisfies typeof O.stringifyYaml;
export const normalizePath = ((path: string): string =>
	path.replace(/\\/g, "/").replace(/\/+/g, "/").replace(/^\/|\/$/g, "").normalize("NFC") || "/") satisfies typeof O.normalizePath;

export const Platform = {
	isDesktop: true, isMobile: false, isDesktopApp: false, isMobileApp: false, isIosApp: false, isAndroidApp: false,
	isPhone: false, isTablet: false, isMacOS: false, isWin: false, isLinux: true, isSafari: false, resourcePathPrefix: "",
} satisfies typeof O.Platform;

/* ---------- Notice ---------- */

export const notices: string[] = [];

export class Notice implements O.Notice {
	private readonly el: HTMLElement;
	containerEl: HTMLElement;
	messageEl: HTMLElement;

	constructor(message: string | DocumentFragment, duration = 4000) {
		let host = document.body.querySelector<HTMLElement>(".notice-container");
		if (!host) host = document.body.createDiv({ cls: "notice-container" });
		this.containerEl = host;
		this.el = host.createDiv({ cls: "notice" });
		this.messageEl = this.el.createDiv({ cls: "notice-message" });
		this.setMessage(message);
		notices.push(this.messageEl.textContent ?? "");
		if (duration > 0) window.setTimeout(() => this.hide(), duration);
	}

	setMessage(message: string | DocumentFragment): this {
		this.messageEl.setText(message);
		return this;
	}

	/** Obsidian keeps this name for compatibility. */
	get noticeEl(): HTMLElement {
		return this.el;
	}

	hide(): void {
		this.el.detach();
	}
}

/* ---------- files ---------- */

export abstract class TAbstractFile implements O.TAbstractFile {
	vault!: O.Vault;
	path = "";
	name = "";
	parent: O.TFolder | null = null;
}

export class TFile extends TAbstractFile implements O.TFile {
	stat: O.FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";
}

export class TFolder extends TAbstractFile implements O.TFolder {
	children: O.TAbstractFile[] = [];
	isRoot(): boolean {
		return this.path === "/";
	}
}


/**
 * Obsidian's requestUrl. The host has no network: huggingface.co URLs are answered from the recorded configs in
 * test/fixtures/hf (served by the host server under /hf/), everything else fails like an offline device.
 */
export const requestUrl = ((request: O.RequestUrlParam | string): O.RequestUrlResponsePromise => {
	const url = typeof request === "string" ? request : request.url;
	const local = url.startsWith("https://huggingface.co/") ? `/hf/${url.slice("https://huggingface.co/".length)}` : undefined;
	const throwOnError = typeof request === "string" ? true : request.throw !== false;
	const response = (async (): Promise<O.RequestUrlResponse> => {
		if (!local) throw new Error(`net::ERR_INTERNET_DISCONNECTED (${url})`);
		const r = await fetch(local);
		const text = await r.text();
		if (throwOnError && r.status >= 400) throw new Error(`Request failed, status ${r.status}`);
		const buffer = new TextEncoder().encode(text).buffer;
		return { status: r.status, headers: {}, text, arrayBuffer: buffer, json: r.status === 200 ? (JSON.parse(text) as unknown) : null };
	})();
	const extras: Pick<O.RequestUrlResponsePromise, "arrayBuffer" | "json" | "text"> = {
		arrayBuffer: response.then((r) => r.arrayBuffer),
		json: response.then((r): unknown => r.json),
		text: response.then((r) => r.text),
	};
	return Object.assign(response, extras);
}) satisfies typeof O.requestUrl;
