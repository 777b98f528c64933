/**
 * The interactive parts of a rendered block without event listeners of their own: the plugin forwards clicks (a
 * button's Enter and Space arrive as clicks too) from one delegated listener, and gets back what only it can do
 * (write the clipboard, show a notice). Buttons are looked up in WeakMaps, so a discarded render frees them.
 */
import { type NodeFactory, el } from "./dom";

export interface CopyRequest {
	text: string;
	/** What the notice after copying says. */
	notice: string;
}

export class BlockActions {
	/** Copy buttons: the text is made when clicked (a why text is only built for the rows someone asks about). */
	private readonly copies = new WeakMap<Element, () => CopyRequest>();
	private readonly toggles = new WeakMap<Element, () => void>();

	copyButton(doc: NodeFactory, parent: Element, label: string, request: () => CopyRequest, ariaLabel?: string): HTMLButtonElement {
		const button = el(doc, "button", { cls: "gpufit-copy", text: label, attr: { type: "button", ...(ariaLabel ? { "aria-label": ariaLabel } : {}) } }, parent);
		this.copies.set(button, request);
		return button;
	}

	onToggle(button: Element, toggle: () => void): void {
		this.toggles.set(button, toggle);
	}

	/** Handle a click inside the block; returns what to copy when a copy button was hit. */
	click(target: Element): CopyRequest | undefined {
		const button = target.closest("button");
		if (!button) return undefined;
		const copy = this.copies.get(button);
		if (copy) return copy();
		this.toggles.get(button)?.();
		return undefined;
	}
}
