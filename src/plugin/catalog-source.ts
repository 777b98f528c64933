/**
 * The effective catalog: built-in data plus the user's catalog folder (JSON / YAML files, or notes whose
 * frontmatter has `gpus` / `models` / `formats` / `architectures` lists). Reloads when files there change.
 */
import { Component, TFile, debounce, type App, type TAbstractFile } from "obsidian";
import { buildCatalog, loadCatalog, type Catalog, type CatalogAdditions, type CatalogIssue } from "../estimator/catalog";
import { parseCatalogText } from "../estimator/user-catalog";

const SECTIONS = ["gpus", "models", "formats", "architectures"] as const;

export class CatalogSource extends Component {
	/** Built on first use: validating the built-in catalog is not onload work. */
	private current: Catalog | undefined;
	private gen = 0;
	issues: CatalogIssue[] = [];
	private readonly scheduleReload = debounce(() => void this.reload(), 400, true);

	constructor(private readonly app: App, private readonly folder: () => string, private readonly onChange: () => void) {
		super();
	}

	get catalog(): Catalog {
		return (this.current ??= loadCatalog());
	}

	get generation(): number {
		return this.gen;
	}

	/** Start following the folder (call once the layout is ready). */
	start(): void {
		const touch = (file: TAbstractFile, oldPath?: string) => {
			if (this.inFolder(file.path) || (oldPath !== undefined && this.inFolder(oldPath))) this.scheduleReload();
		};
		this.registerEvent(this.app.vault.on("modify", (f) => touch(f)));
		this.registerEvent(this.app.vault.on("create", (f) => touch(f)));
		this.registerEvent(this.app.vault.on("delete", (f) => touch(f)));
		this.registerEvent(this.app.vault.on("rename", (f, old) => touch(f, old)));
		this.registerEvent(this.app.metadataCache.on("changed", (f) => touch(f)));
		this.register(() => this.scheduleReload.cancel());
		void this.reload();
	}

	private inFolder(path: string): boolean {
		const folder = this.folder();
		return folder !== "" && (path === folder || path.startsWith(folder + "/"));
	}

	async reload(): Promise<void> {
		const folder = this.folder();
		const additions: Required<CatalogAdditions> = { gpus: [], models: [], formats: [], architectures: [] };
		const issues: CatalogIssue[] = [];
		if (folder) {
			const files = this.app.vault.getFiles().filter((f) => this.inFolder(f.path)).sort((a, b) => a.path.localeCompare(b.path));
			for (const file of files) {
				if (file.extension === "md") {
					const fm: unknown = this.app.metadataCache.getFileCache(file)?.frontmatter;
					if (!fm || typeof fm !== "object") continue;
					for (const key of SECTIONS) {
						const list = (fm as Record<string, unknown>)[key];
						if (Array.isArray(list)) additions[key].push(...(list as unknown[]));
					}
				} else if (["json", "yaml", "yml"].includes(file.extension)) {
					const parsed = parseCatalogText(await this.app.vault.cachedRead(file), file.path);
					issues.push(...parsed.issues);
					for (const key of SECTIONS) additions[key].push(...(parsed.additions[key] ?? []));
				}
			}
		}
		const empty = SECTIONS.every((k) => additions[k].length === 0);
		if (empty && this.gen === 0 && issues.length === 0) return; // still the built-in catalog
		const built = empty ? { catalog: loadCatalog(), issues: [] } : buildCatalog(additions, loadCatalog());
		this.current = built.catalog;
		this.issues = [...issues, ...built.issues];
		if (this.issues.length > 0) console.warn("GPU Fit: user catalog issues", this.issues);
		this.gen++;
		this.onChange();
	}
}

export function isFile(f: TAbstractFile): f is TFile {
	return f instanceof TFile;
}
