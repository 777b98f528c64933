/**
 * The effective catalog: built-in data plus the user's catalog folder (JSON / YAML files, or notes whose
 * frontmatter has `gpus` / `models` / `formats` / `architectures` lists). Reloads when files there change.
 *
 * Every file and entry costs only itself: a file that cannot be read or parsed, a bad entry, a name already
 * taken are each reported (one Notice per reload that found problems, the first few named) and skipped; the
 * rest loads. Unknown-name messages in blocks say where user entries come from (this folder setting).
 */
import { Component, Notice, TFile, debounce, type App, type TAbstractFile } from "obsidian";
import {
	buildCatalogFrom, loadCatalog, withHints, type Catalog, type CatalogFileSummary, type CatalogIssue, type CatalogSourceFile,
} from "../estimator/catalog";
import { plural } from "../estimator/request";
import { additionsFrom, formatCatalogIssue, parseCatalogText } from "../estimator/user-catalog";
import { catalogHints } from "./catalog-hints";

/** Values one note's frontmatter may hold (its text is not at hand to size the budget by). */
const NOTE_VALUE_BUDGET = 1_000_000;
/** Problems named in the Notice; all are logged to the console. */
const NOTICE_LINES = 3;

export class CatalogSource extends Component {
	/** Built on first use: validating the built-in catalog is not onload work. */
	private current: Catalog | undefined;
	private gen = 0;
	issues: CatalogIssue[] = [];
	files: CatalogFileSummary[] = [];
	private lastReport = "";
	private readonly scheduleReload = debounce(() => void this.reload(), 400, true);

	constructor(private readonly app: App, private readonly folder: () => string, private readonly onChange: () => void) {
		super();
	}

	get catalog(): Catalog {
		return (this.current ??= withHints(loadCatalog(), this.hints(0)));
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

	private hints(files: number): Catalog["hints"] {
		return catalogHints(this.folder(), files, this.problemCount());
	}

	private problemCount(): number {
		return this.files.reduce((a, f) => a + f.problems, 0);
	}

	async reload(): Promise<void> {
		const folder = this.folder();
		const sources: CatalogSourceFile[] = [];
		const early: CatalogIssue[] = [];
		if (folder) {
			const files = this.app.vault.getFiles().filter((f) => this.inFolder(f.path)).sort((a, b) => a.path.localeCompare(b.path));
			for (const file of files) {
				// One file's failure (unreadable, unparseable, hostile) must not stop the others from loading.
				try {
					const parsed = await this.readFile(file);
					if (!parsed) continue;
					for (const i of parsed.issues) early.push({ ...i, file: file.path });
					sources.push({ file: file.path, additions: parsed.additions });
				} catch (e) {
					early.push({ file: file.path, path: "", message: `could not be read (${e instanceof Error ? e.message : String(e)}); file skipped` });
				}
			}
		}
		const empty = sources.every((s) => Object.values(s.additions).every((l) => !Array.isArray(l) || l.length === 0));
		if (empty && this.gen === 0 && early.length === 0) return; // still the built-in catalog
		const built = empty ? { catalog: loadCatalog(), issues: [], files: [] } : buildCatalogFrom(sources, loadCatalog());
		this.issues = [...early, ...built.issues];
		this.files = built.files;
		for (const i of early) {
			const s = this.files.find((f) => f.file === i.file);
			if (s) s.problems++;
			else this.files.push({ file: i.file ?? "", loaded: 0, skipped: 0, problems: 1 });
		}
		this.current = withHints(built.catalog, this.hints(sources.length));
		this.report();
		this.gen++;
		this.onChange();
	}

	private async readFile(file: TFile): Promise<ReturnType<typeof parseCatalogText> | undefined> {
		if (file.extension === "md") {
			const fm: unknown = this.app.metadataCache.getFileCache(file)?.frontmatter;
			if (!fm || typeof fm !== "object") return undefined;
			const lists = Object.fromEntries(["gpus", "models", "formats", "architectures"].filter((k) => k in fm).map((k) => [k, (fm as Record<string, unknown>)[k]]));
			return Object.keys(lists).length > 0 ? additionsFrom(lists, NOTE_VALUE_BUDGET) : undefined;
		}
		if (["json", "yaml", "yml"].includes(file.extension)) return parseCatalogText(await this.app.vault.cachedRead(file));
		return undefined;
	}

	/** One Notice per distinct set of problems (not on every reload), the first few named; all in the console. */
	private report(): void {
		const total = this.problemCount();
		const key = `${total}|${this.issues.slice(0, NOTICE_LINES).map(formatCatalogIssue).join("|")}`;
		if (total === 0 || key === this.lastReport) {
			this.lastReport = total === 0 ? "" : key;
			return;
		}
		this.lastReport = key;
		const skipped = this.files.reduce((a, f) => a + f.skipped, 0);
		const lines = this.issues.slice(0, NOTICE_LINES).map(formatCatalogIssue);
		const more = total > lines.length ? [`… and ${plural(total - lines.length, "more problem")}.`] : [];
		new Notice(`GPU Fit: ${plural(total, "problem")} in the user catalog folder (${plural(skipped, "entry", "entries")} skipped; the rest is loaded):\n${[...lines, ...more].join("\n")}`, 15_000);
		console.warn("GPU Fit: user catalog problems", this.issues, this.files);
	}
}

export function isFile(f: TAbstractFile): f is TFile {
	return f instanceof TFile;
}
