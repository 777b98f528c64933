/**
 * One rendered `gpufit` block. A child of the post-processor context, so Obsidian unloads it with its
 * element. Re-renders on the plugin's refresh event only when visible and when its inputs changed,
 * swapping the new content in one step.
 */
import { MarkdownRenderChild, Notice } from "obsidian";
import type { NoteFacts } from "../estimator/advice/index";
import type { Catalog } from "../estimator/catalog";
import { renderBlock, type RenderedBlock } from "../render/block";
import { buildBlockModel, inputsKey, type ComputeFit } from "./compute";
import type { GpuFitEvents } from "./events";
import type { GpuFitSettings } from "./settings";

/** What a block needs from the plugin. */
export interface BlockHost {
	readonly events: GpuFitEvents;
	readonly compute: ComputeFit;
	getSettings(): GpuFitSettings;
	catalog(): Catalog;
	/** Bumped whenever the effective catalog (built-in + user additions) is replaced. */
	catalogGeneration(): number;
	/** A note as the vault index sees it, for `show: advice` blocks (undefined before the index has it). */
	noteFacts?(path: string): NoteFacts | undefined;
	/** Changes when what advice blocks read changes (the index's revision, the date). */
	adviceKey?(): string;
}

export class GpuFitBlockChild extends MarkdownRenderChild {
	private renderedKey: string | undefined;
	private copyTexts = new WeakMap<Element, string>();
	/** Render count, for tests and the bench. */
	renders = 0;

	constructor(containerEl: HTMLElement, private readonly source: string, private readonly host: BlockHost, private readonly sourcePath?: string) {
		super(containerEl);
	}

	override onload(): void {
		this.containerEl.addClass("gpufit-host");
		this.render();
		this.registerEvent(this.host.events.on("refresh", () => this.maybeRender()));
		// A block that was hidden during a refresh catches up when it is shown again.
		this.register(this.containerEl.onNodeInserted(() => this.maybeRender()));
		this.registerDomEvent(this.containerEl, "click", (evt) => this.onClick(evt));
	}

	private key(): string {
		const base = inputsKey(this.host.catalogGeneration(), this.host.getSettings());
		// Advice depends on the note's other parts (read through the index) and on the date.
		return this.wantsAdvice ? `${base}|${this.host.adviceKey?.() ?? ""}` : base;
	}

	private get wantsAdvice(): boolean {
		return /\badvice\b/.test(this.source) && this.sourcePath !== undefined;
	}

	maybeRender(): void {
		if (!this.containerEl.isShown()) return;
		if (this.key() === this.renderedKey) return;
		this.render();
	}

	private render(): void {
		const key = this.key();
		let rendered: RenderedBlock;
		try {
			const path = this.sourcePath;
			const model = buildBlockModel(this.source, this.host.catalog(), this.host.getSettings(), this.host.compute, path ? () => this.host.noteFacts?.(path) : undefined);
			rendered = renderBlock(this.containerEl.ownerDocument, model);
		} catch (e) {
			// A bug must not take the note down: show it in the block.
			console.error("GPU Fit: block failed", e);
			const message = e instanceof Error ? e.message : String(e);
			rendered = renderBlock(this.containerEl.ownerDocument, { tables: [], requestErrors: [], specIssues: [{ message: `Internal error: ${message}` }] });
		}
		const { root, copyButtons } = rendered;
		const texts = new WeakMap<Element, string>();
		for (const c of copyButtons) texts.set(c.button, c.markdown);
		this.copyTexts = texts;
		this.containerEl.replaceChildren(root);
		this.renderedKey = key;
		this.renders++;
	}

	private onClick(evt: MouseEvent): void {
		const target = evt.target;
		if (!(target instanceof Element)) return;
		const button = target.closest(".gpufit-copy");
		const text = button ? this.copyTexts.get(button) : undefined;
		if (text === undefined) return;
		evt.preventDefault();
		void navigator.clipboard.writeText(text).then(
			() => new Notice("Copied the table as Markdown."),
			() => new Notice("Could not copy to the clipboard."),
		);
	}
}
