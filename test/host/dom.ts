/**
 * Obsidian's DOM extensions (createEl, empty, setText, isShown, onNodeInserted...), installed on the
 * browser's prototypes for the test host. Each group `satisfies` the global declarations from
 * obsidian.d.ts, so a changed signature there breaks the type check here.
 */
import { listenerCount, trackListeners } from "./listeners";

type Info = DomElementInfo | string | undefined;

function applyInfo(el: Element, o: Info): void {
	if (o === undefined) return;
	const info: DomElementInfo = typeof o === "string" ? { text: o } : o;
	if (info.cls !== undefined) el.classList.add(...(Array.isArray(info.cls) ? info.cls : info.cls.split(" ")).filter(Boolean));
	if (info.text !== undefined) {
		if (typeof info.text === "string") el.textContent = info.text;
		else el.appendChild(info.text);
	}
	if (info.attr) for (const [k, v] of Object.entries(info.attr)) if (v !== null) el.setAttribute(k, String(v));
	if (info.title !== undefined) el.setAttribute("title", info.title);
	if (info.value !== undefined && "value" in el) (el as HTMLInputElement).value = info.value;
	if (info.type !== undefined) el.setAttribute("type", info.type);
	if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
	if (info.href !== undefined) el.setAttribute("href", info.href);
	if (info.parent) {
		if (info.prepend) info.parent.insertBefore(el, info.parent.firstChild);
		else info.parent.appendChild(el);
	}
}

/** Only the factory methods: the host builds the helpers Obsidian's lint rule would point us to. */
type Factory = Pick<Document, "createElement" | "createElementNS">;

function make<K extends keyof HTMLElementTagNameMap>(doc: Factory, parent: Node | null, tag: K, o?: Info, cb?: (el: HTMLElementTagNameMap[K]) => void): HTMLElementTagNameMap[K] {
	const el = doc.createElement(tag);
	if (parent && !(typeof o === "object" && o.parent)) {
		if (typeof o === "object" && o.prepend) parent.insertBefore(el, parent.firstChild);
		else parent.appendChild(el);
	}
	applyInfo(el, o);
	cb?.(el);
	return el;
}

function makeSvg<K extends keyof SVGElementTagNameMap>(doc: Factory, parent: Node | null, tag: K, o?: SvgElementInfo | string, cb?: (el: SVGElementTagNameMap[K]) => void): SVGElementTagNameMap[K] {
	const el = doc.createElementNS("http://www.w3.org/2000/svg", tag);
	const info: SvgElementInfo = typeof o === "string" ? { cls: o } : o ?? {};
	if (info.cls) el.classList.add(...(Array.isArray(info.cls) ? info.cls : info.cls.split(" ")).filter(Boolean));
	if (info.attr) for (const [k, v] of Object.entries(info.attr)) if (v !== null) el.setAttribute(k, String(v));
	const p = info.parent ?? parent;
	if (p) {
		if (info.prepend) p.insertBefore(el, p.firstChild);
		else p.appendChild(el);
	}
	cb?.(el);
	return el;
}

function docOf(n: Node): Document {
	return n.ownerDocument ?? (n as Document);
}

const nodeExt = {
	createEl<K extends keyof HTMLElementTagNameMap>(this: Node, tag: K, o?: Info, cb?: (el: HTMLElementTagNameMap[K]) => void) {
		return make(docOf(this), this, tag, o, cb);
	},
	createDiv(this: Node, o?: Info, cb?: (el: HTMLDivElement) => void) {
		return make(docOf(this), this, "div", o, cb);
	},
	createSpan(this: Node, o?: Info, cb?: (el: HTMLSpanElement) => void) {
		return make(docOf(this), this, "span", o, cb);
	},
	createSvg<K extends keyof SVGElementTagNameMap>(this: Node, tag: K, o?: SvgElementInfo | string, cb?: (el: SVGElementTagNameMap[K]) => void) {
		return makeSvg(docOf(this), this, tag, o, cb);
	},
	detach(this: Node) {
		this.parentNode?.removeChild(this);
	},
	empty(this: Node) {
		while (this.firstChild) this.removeChild(this.firstChild);
	},
	insertAfter<T extends Node>(this: Node, node: T, child: Node | null): T {
		this.insertBefore(node, child ? child.nextSibling : this.firstChild);
		return node;
	},
	indexOf(this: Node, other: Node) {
		return Array.prototype.indexOf.call(this.childNodes, other);
	},
	setChildrenInPlace(this: Node, children: Node[]) {
		const keep = new Set(children);
		for (const c of Array.from(this.childNodes)) if (!keep.has(c)) this.removeChild(c);
		for (const c of children) this.appendChild(c);
	},
	appendText(this: Node, val: string) {
		this.appendChild(docOf(this).createTextNode(val));
	},
	instanceOf<T>(this: Node, type: new () => T): this is T {
		return this.instanceOf(type);
	},
} satisfies Pick<Node,
	"createEl" | "createDiv" | "createSpan" | "createSvg" | "detach" | "empty" | "insertAfter" | "indexOf" | "setChildrenInPlace" | "appendText" | "instanceOf"
>;

function matchFrom(start: Element, selector: string, lastParent?: Element): Element | null {
	for (let cur: Element | null = start; cur && cur !== lastParent; cur = cur.parentElement) if (cur.matches(selector)) return cur;
	return null;
}

const elementExt = {
	getText(this: Element) {
		return this.textContent ?? "";
	},
	setText(this: Element, val: string | DocumentFragment) {
		if (typeof val === "string") this.textContent = val;
		else this.replaceChildren(val);
	},
	addClass(this: Element, ...classes: string[]) {
		this.classList.add(...classes.filter(Boolean));
	},
	addClasses(this: Element, classes: string[]) {
		this.classList.add(...classes.filter(Boolean));
	},
	removeClass(this: Element, ...classes: string[]) {
		this.classList.remove(...classes);
	},
	removeClasses(this: Element, classes: string[]) {
		this.classList.remove(...classes);
	},
	toggleClass(this: Element, classes: string | string[], value: boolean) {
		for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
	},
	hasClass(this: Element, cls: string) {
		return this.classList.contains(cls);
	},
	setAttr(this: Element, name: string, value: string | number | boolean | null) {
		if (value === null) this.removeAttribute(name);
		else this.setAttribute(name, String(value));
	},
	setAttrs(this: Element, obj: Record<string, string | number | boolean | null>) {
		for (const [k, v] of Object.entries(obj)) elementExt.setAttr.call(this, k, v);
	},
	getAttr(this: Element, name: string) {
		return this.getAttribute(name);
	},
	matchParent(this: Element, selector: string, lastParent?: Element) {
		return matchFrom(this, selector, lastParent);
	},
	find(this: Element, selector: string) {
		return this.querySelector(selector);
	},
	findAll(this: Element, selector: string) {
		return Array.from(this.querySelectorAll<HTMLElement>(selector));
	},
} satisfies Pick<Element,
	"getText" | "setText" | "addClass" | "addClasses" | "removeClass" | "removeClasses" | "toggleClass" | "hasClass"
	| "setAttr" | "setAttrs" | "getAttr" | "matchParent" | "find" | "findAll"
>;

const insertedListeners = new Map<HTMLElement, Set<() => unknown>>();

const htmlElementExt = {
	show(this: HTMLElement) {
		this.classList.remove("host-hidden");
	},
	hide(this: HTMLElement) {
		this.classList.add("host-hidden");
	},
	toggle(this: HTMLElement, show: boolean) {
		this.classList.toggle("host-hidden", !show);
	},
	toggleVisibility(this: HTMLElement, visible: boolean) {
		this.classList.toggle("host-invisible", !visible);
	},
	/** Like Obsidian: attached, and laid out (an ancestor with display: none hides it). */
	isShown(this: HTMLElement) {
		return this.isConnected && this.offsetParent !== null;
	},
	onNodeInserted(this: HTMLElement, listener: () => unknown, once?: boolean) {
		let set = insertedListeners.get(this);
		if (!set) insertedListeners.set(this, (set = new Set()));
		const wrapped = () => {
			if (once) off();
			listener();
		};
		const off = () => {
			set.delete(wrapped);
			if (set.size === 0) insertedListeners.delete(this);
		};
		set.add(wrapped);
		return off;
	},
	setCssStyles(this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
		Object.assign(this.style, styles);
	},
	setCssProps(this: HTMLElement, props: Record<string, string>) {
		for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
	},
	trigger(this: HTMLElement, eventType: string) {
		this.dispatchEvent(new Event(eventType, { bubbles: true, cancelable: true }));
	},
} satisfies Pick<HTMLElement, "show" | "hide" | "toggle" | "toggleVisibility" | "isShown" | "onNodeInserted" | "trigger" | "setCssStyles" | "setCssProps">;

/** Call after the host inserts or reveals DOM, like Obsidian's node-inserted animation hook. */
export function fireNodeInserted(): void {
	for (const [el, set] of [...insertedListeners]) if (el.isConnected) for (const l of [...set]) l();
}

export function nodeInsertedListenerCount(): number {
	let n = 0;
	for (const set of insertedListeners.values()) n += set.size;
	return n;
}

const globals = {
	createEl<K extends keyof HTMLElementTagNameMap>(tag: K, o?: Info, cb?: (el: HTMLElementTagNameMap[K]) => void) {
		return make(document, null, tag, o, cb);
	},
	createDiv(o?: Info, cb?: (el: HTMLDivElement) => void) {
		return make(document, null, "div", o, cb);
	},
	createSpan(o?: Info, cb?: (el: HTMLSpanElement) => void) {
		return make(document, null, "span", o, cb);
	},
	createSvg<K extends keyof SVGElementTagNameMap>(tag: K, o?: SvgElementInfo | string, cb?: (el: SVGElementTagNameMap[K]) => void) {
		return makeSvg(document, null, tag, o, cb);
	},
	createFragment(cb?: (el: DocumentFragment) => void) {
		const f = new DocumentFragment();
		cb?.(f);
		return f;
	},
	sleep(ms: number) {
		return new Promise<void>((resolve) => window.setTimeout(resolve, ms));
	},
	nextFrame() {
		return new Promise<void>((resolve) => window.requestAnimationFrame(() => resolve()));
	},
} satisfies {
	createEl: typeof createEl; createDiv: typeof createDiv; createSpan: typeof createSpan; createSvg: typeof createSvg;
	createFragment: typeof createFragment; sleep: typeof sleep; nextFrame: typeof nextFrame;
};

export function installDom(): void {
	trackListeners();
	Object.assign(Node.prototype, nodeExt);
	Object.defineProperty(Node.prototype, "doc", { configurable: true, get(this: Node) { return docOf(this); } });
	Object.defineProperty(Node.prototype, "win", { configurable: true, get(this: Node) { return docOf(this).defaultView ?? window; } });
	Object.assign(Element.prototype, elementExt);
	Object.assign(HTMLElement.prototype, htmlElementExt);
	Object.assign(window, globals, { activeWindow: window, activeDocument: document });
}

export { listenerCount };
