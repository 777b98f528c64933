/**
 * One rendered `gpufit` block. A child of the post-processor context, so Obsidian unloads it with its element.
 * Renders through the plugin's render queue (time slices, so a note with hundreds of blocks never holds the page),
 * re-renders on the plugin's refresh event only when visible and when the inputs it uses changed, and swaps the new
 * content in one step.
 */
import { MarkdownRenderChild, Notice } from "obsidian";
import type { NoteFacts } from "../estimator/advice/index";
import { parseBlockSpec } from "../estimator/block-spec";
import type { Catalog } from "../estimator/catalog";
import { renderBlock, type RenderedBlock } from "../render/block";
import { blockInputsKey, blockModelOf, type ComputeFit, type ParsedBlock } from "./compute";
import type { GpuFitEvents } from "./events";
import type { RenderQueue } from "./render-queue";
import type { GpuFitSettings } from "./settings";

/** What a block needs from the plugin. */
export interface BlockHost {
	readonly events: GpuFitEvents;
	readonly compute: ComputeFit;
	/** Shared by every block, so their renders share the time slices. */
	readonly renders: RenderQueue;
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
	private rendered: RenderedBlock | undefined;
	private parsedSource: ParsedBlock | undefined;
	private alive = false;
	/** Render count, for tests and the bench. */
	renders = 0;

	constructor(containerEl: HTMLElement, private readonly source: string, private readonly host: BlockHost, private readonly sourcePath?: string) {
		super(containerEl);
	}

	override onload(): void {
		this.alive = true;
		this.containerEl.addClass("gpufit-host");
		if (!this.host.renders.request(this, () => this.renderIfStale())) {
			// Queued behind other blocks: hold the place so the note does not jump when the block fills in.
			this.containerEl.createDiv({ cls: "gpufit-pending", text: "GPU Fit: computing…" });
		}
		this.registerEvent(this.host.events.on("refresh", () => this.maybeRender()));
		// A block that was hidden during a refresh catches up when it is shown again.
		this.register(this.containerEl.onNodeInserted(() => this.maybeRender()));
		this.registerDomEvent(this.containerEl, "click", (evt) => this.onClick(evt));
		this.host.renders.watch(this, this.containerEl);
		this.register(() => {
			this.alive = false;
			this.host.renders.cancel(this);
			this.host.renders.unwatch(this.containerEl);
		});
	}

	private parsed(): ParsedBlock {
		return (this.parsedSource ??= parseBlockSpec(this.source));
	}

	private key(): string {
		const base = blockInputsKey(this.parsed(), this.host.catalogGeneration(), this.host.getSettings());
		// Advice depends on the note's other parts (read through the index) and on the date.
		return this.wantsAdvice ? `${base}|${this.host.adviceKey?.() ?? ""}` : base;
	}

	private get wantsAdvice(): boolean {
		return this.sourcePath !== undefined && this.parsed().spec?.show?.includes("advice") === true;
	}

	maybeRender(): void {
		// Already queued: the queued render re-reads the inputs when it runs (and no layout is forced here).
		if (this.host.renders.has(this)) return;
		// Inputs first, visibility second: isShown() forces a layout, which a block that is up to date never needs.
		if (this.key() === this.renderedKey) return;
		if (!this.containerEl.isShown()) return;
		this.host.renders.request(this, () => this.renderIfStale());
	}

	/** Runs from the queue: the inputs may have changed back, or the block gone, while it waited. */
	private renderIfStale(): void {
		if (!this.alive || this.key() === this.renderedKey) return;
		this.render();
	}

	private render(): void {
		const key = this.key();
		let rendered: RenderedBlock;
		try {
			const path = this.sourcePath;
			const model = blockModelOf(this.parsed(), this.host.catalog(), this.host.getSettings(), this.host.compute, path ? () => this.host.noteFacts?.(path) : undefined);
			rendered = renderBlock(this.containerEl.ownerDocument, model);
		} catch (e) {
			// A bug must not take the note down: show it in the block.
			console.error("GPU Fit: block failed", e);
			const message = e instanceof Error ? e.message : String(e);
			rendered = renderBlock(this.containerEl.ownerDocument, { tables: [], requestErrors: [], specIssues: [{ message: `Internal error: ${message}` }] });
		}
		this.rendered = rendered;
		this.containerEl.replaceChildren(rendered.root);
		this.renderedKey = key;
		this.renders++;
	}

	private onClick(evt: MouseEvent): void {
		const target = evt.target;
		if (!(target instanceof Element)) return;
		const copy = this.rendered?.click(target);
		if (!copy) return;
		evt.preventDefault();
		void navigator.clipboard.writeText(copy.text).then(
			() => new Notice(copy.notice),
			() => new Notice("Could not copy to the clipboard."),
		);
	}
}
