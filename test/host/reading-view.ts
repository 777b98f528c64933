/**
 * The reading view: renders a note's sections, hands fenced blocks to registered code-block processors
 * (with a MarkdownPostProcessorContext whose children unload with their section), shows everything
 * else as plain text (textContent only: note text never becomes markup).
 */
import type * as O from "obsidian";
import { fireNodeInserted } from "./dom";
import { parseMarkdown, type Section } from "./markdown";
import { Component, type MarkdownRenderChild } from "./core";
import { registry } from "./plugin";
import yaml from "js-yaml";

interface Rendered {
	section: Section;
	el: HTMLElement;
	children: MarkdownRenderChild[];
}

export class ReadingView extends Component {
	private rendered: Rendered[] = [];
	private frontmatterText: string | undefined;
	private path = "";
	readonly el: HTMLElement;
	private readonly sizer: HTMLElement;
	private readonly propsEl: HTMLElement;
	/** Host-only: ms spent in the last render, and sections (re)built. */
	lastRenderMs = 0;
	lastBuilt = 0;

	constructor(parent: HTMLElement) {
		super();
		this.el = parent.createDiv({ cls: "markdown-reading-view" });
		const preview = this.el.createDiv({ cls: "markdown-preview-view markdown-rendered" });
		this.sizer = preview.createDiv({ cls: "markdown-preview-sizer markdown-preview-section" });
		this.propsEl = this.sizer.createDiv({ cls: "metadata-container" });
	}

	/** Render (or re-render after an edit) a note. Unchanged sections keep their DOM and children. */
	render(path: string, text: string): void {
		const t0 = performance.now();
		const fresh = path !== this.path;
		if (fresh) this.clear();
		this.path = path;
		const parsed = parseMarkdown(text);
		let frontmatter: unknown = null;
		try {
			frontmatter = parsed.frontmatter === undefined ? null : yaml.safeLoad(parsed.frontmatter);
		} catch {
			frontmatter = null;
		}
		if (parsed.frontmatter !== this.frontmatterText) this.renderProperties(frontmatter);
		this.frontmatterText = parsed.frontmatter;

		const old = new Map<string, Rendered[]>();
		for (const r of this.rendered) {
			const list = old.get(r.section.text) ?? [];
			list.push(r);
			old.set(r.section.text, list);
		}
		const next: Rendered[] = [];
		let built = 0;
		for (const section of parsed.sections) {
			const reuse = old.get(section.text)?.shift();
			if (reuse) {
				reuse.section = section;
				next.push(reuse);
				continue;
			}
			next.push(this.build(section, frontmatter));
			built++;
		}
		for (const list of old.values()) for (const r of list) this.drop(r);
		for (const r of next) this.sizer.appendChild(r.el);
		this.rendered = next;
		this.lastBuilt = built;
		this.lastRenderMs = performance.now() - t0;
		// Obsidian reports insertions asynchronously (an animation event); here right after the timed part.
		fireNodeInserted();
	}

	private renderProperties(frontmatter: unknown): void {
		this.propsEl.empty();
		if (!frontmatter || typeof frontmatter !== "object") return;
		const table = this.propsEl.createEl("table", { cls: "metadata-properties" });
		for (const [k, v] of Object.entries(frontmatter as Record<string, unknown>)) {
			const tr = table.createEl("tr");
			tr.createEl("th", { text: k });
			const shown = preview(v, { left: 240 });
			tr.createEl("td", { text: shown.length > 240 ? `${shown.slice(0, 240)}…` : shown });
		}
	}

	private build(section: Section, frontmatter: unknown): Rendered {
		const el = createDiv({ cls: "host-section" });
		const r: Rendered = { section, el, children: [] };
		switch (section.kind) {
			case "heading":
				el.createEl(`h${section.info}` as "h1", { text: section.content });
				break;
			case "hr":
				el.createEl("hr");
				break;
			case "list": {
				const ul = el.createEl("ul");
				for (const line of section.content.split("\n")) ul.createEl("li", { text: line.replace(/^\s*([-*+]|\d+[.)])\s+/, "") });
				break;
			}
			case "paragraph":
				el.createEl("p", { text: section.content });
				break;
			case "code": {
				const handler = registry.codeBlocks.get(section.info);
				if (handler) {
					const blockEl = el.createDiv({ cls: `block-language-${section.info}` });
					const ctx: O.MarkdownPostProcessorContext = {
						docId: `doc-${this.path}`,
						sourcePath: this.path,
						frontmatter,
						addChild: (child: O.MarkdownRenderChild) => {
							const c = child as unknown as MarkdownRenderChild;
							r.children.push(c);
							this.addChild(c);
						},
						getSectionInfo: () => ({ text: r.section.text, lineStart: r.section.lineStart, lineEnd: r.section.lineEnd }),
					};
					try {
						void handler(section.content, blockEl, ctx);
					} catch (e) {
						blockEl.createEl("pre", { cls: "host-processor-error", text: String(e) });
					}
				} else {
					el.createEl("pre").createEl("code", { text: section.content, cls: section.info ? `language-${section.info}` : [] });
				}
				break;
			}
		}
		return r;
	}

	private drop(r: Rendered): void {
		r.el.detach();
		// Obsidian unloads a render child once its element leaves the document.
		for (const c of r.children) this.removeChild(c);
	}

	clear(): void {
		for (const r of this.rendered) this.drop(r);
		this.rendered = [];
		this.frontmatterText = undefined;
		this.propsEl.empty();
	}

	/** Host-only: block children currently alive. */
	childCount(): number {
		return this.rendered.reduce((n, r) => n + r.children.length, 0);
	}

	override onunload(): void {
		this.clear();
	}
}

/**
 * A property value as short text, walking at most `budget.left` characters' worth: a note's YAML may nest aliases
 * that stand for 10^9 values (the host must not expand them either).
 */
function preview(v: unknown, budget: { left: number }): string {
	if (budget.left <= 0) return "";
	let out: string;
	if (Array.isArray(v)) {
		const parts: string[] = [];
		for (const item of v) { if (budget.left <= 0) break; parts.push(preview(item, budget)); }
		out = parts.join(", ");
	} else if (v instanceof Date) out = v.toISOString();
	else if (typeof v === "object" && v !== null) {
		const parts: string[] = [];
		for (const [k, item] of Object.entries(v)) { if (budget.left <= 0) break; parts.push(`${k}: ${preview(item, budget)}`); }
		out = `{${parts.join(", ")}}`;
	} else out = String(v).slice(0, 240);
	budget.left -= out.length + 1;
	return out;
}
