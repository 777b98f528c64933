/**
 * The render layer's only way to make nodes: a narrow factory that any `Document` satisfies.
 * Passing `parent.ownerDocument` keeps nodes in the right window (Obsidian pop-outs) without
 * depending on Obsidian's DOM extensions, so this layer runs in any DOM (browser, test host).
 */
export const SVG_NS = "http://www.w3.org/2000/svg";

export interface NodeFactory {
	createElement<K extends keyof HTMLElementTagNameMap>(tagName: K): HTMLElementTagNameMap[K];
	createElementNS(namespaceURI: typeof SVG_NS, qualifiedName: string): SVGElement;
}

export interface ElOptions {
	cls?: string | readonly string[];
	text?: string;
	attr?: Record<string, string>;
	title?: string;
}

function apply(node: Element, o: ElOptions | undefined): void {
	if (!o) return;
	if (o.cls) node.classList.add(...(typeof o.cls === "string" ? [o.cls] : o.cls));
	if (o.attr) for (const [k, v] of Object.entries(o.attr)) node.setAttribute(k, v);
	if (o.text !== undefined) node.textContent = o.text;
	if (o.title !== undefined) {
		if (node.namespaceURI === SVG_NS) {
			const t = node.ownerDocument.createElementNS(SVG_NS, "title");
			t.textContent = o.title;
			node.appendChild(t);
		} else node.setAttribute("title", o.title);
	}
}

export function el<K extends keyof HTMLElementTagNameMap>(
	doc: NodeFactory, tag: K, o?: ElOptions, parent?: Element,
): HTMLElementTagNameMap[K] {
	const node = doc.createElement(tag);
	apply(node, o);
	parent?.appendChild(node);
	return node;
}

export function svg(doc: NodeFactory, tag: string, o?: ElOptions, parent?: Element): SVGElement {
	const node = doc.createElementNS(SVG_NS, tag);
	apply(node, o);
	parent?.appendChild(node);
	return node;
}
