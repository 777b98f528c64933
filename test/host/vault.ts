/** An in-memory vault with Obsidian's events: Vault, DataAdapter, MetadataCache, FileManager, Workspace, App. */
import type * as O from "obsidian";
import yaml from "js-yaml";
import { Events, TFile, TFolder, normalizePath } from "./core";
import type { Surface } from "./surface";

export interface VaultFileData {
	path: string;
	content: string;
	mtime: number;
}

function basenameOf(path: string): { name: string; basename: string; extension: string } {
	const name = path.split("/").pop() ?? path;
	const dot = name.lastIndexOf(".");
	return { name, basename: dot > 0 ? name.slice(0, dot) : name, extension: dot > 0 ? name.slice(dot + 1) : "" };
}

const encoder = new TextEncoder();

/** Storage outside the vault tree (plugin data, caches), like the vault's config folder on disk. */
export class HostAdapter implements Surface<O.DataAdapter, "getName" | "exists" | "read" | "write" | "remove" | "mkdir"> {
	readonly files = new Map<string, string>();
	writes = 0;
	constructor(private readonly vault: HostVault) {}
	getName(): string {
		return "test-host";
	}
	exists(path: string): Promise<boolean> {
		return Promise.resolve(this.files.has(normalizePath(path)) || this.vault.getAbstractFileByPath(path) !== null);
	}
	async read(path: string): Promise<string> {
		const p = normalizePath(path);
		const own = this.files.get(p);
		if (own !== undefined) return own;
		const f = this.vault.getFileByPath(p);
		if (f) return this.vault.read(f);
		throw new Error(`ENOENT: ${p}`);
	}
	write(path: string, data: string): Promise<void> {
		this.files.set(normalizePath(path), data);
		this.writes++;
		return Promise.resolve();
	}
	remove(path: string): Promise<void> {
		this.files.delete(normalizePath(path));
		return Promise.resolve();
	}
	mkdir(): Promise<void> {
		return Promise.resolve();
	}
}

type VaultSurface = Surface<O.Vault,
	"configDir" | "getName" | "getFileByPath" | "getFolderByPath" | "getAbstractFileByPath" | "getRoot" | "getFiles" | "getMarkdownFiles"
	| "getAllLoadedFiles" | "read" | "cachedRead" | "modify" | "process" | "create" | "delete" | "rename">;

export class HostVault extends Events implements VaultSurface {
	configDir = ".obsidian";
	readonly adapter: HostAdapter;
	private readonly root: TFolder;
	private readonly byPath = new Map<string, TFile | TFolder>();
	private readonly contents = new Map<string, string>();
	/** Host-only: reads that went to "disk" (cachedRead included), for warm-start checks. */
	reads = 0;

	constructor(files: readonly VaultFileData[]) {
		super();
		this.adapter = new HostAdapter(this);
		this.root = new TFolder();
		this.root.path = "/";
		this.root.vault = this as unknown as O.Vault;
		for (const f of files) this.add(f.path, f.content, f.mtime);
	}

	private folder(path: string): TFolder {
		if (path === "" || path === "/") return this.root;
		const existing = this.byPath.get(path);
		if (existing instanceof TFolder) return existing;
		const parentPath = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
		const parent = this.folder(parentPath);
		const f = new TFolder();
		f.path = path;
		f.name = basenameOf(path).name;
		f.parent = parent;
		f.vault = this as unknown as O.Vault;
		parent.children.push(f);
		this.byPath.set(path, f);
		return f;
	}

	private add(rawPath: string, content: string, mtime: number): TFile {
		const path = normalizePath(rawPath);
		const file = new TFile();
		this.place(file, path);
		file.vault = this as unknown as O.Vault;
		file.stat = { ctime: mtime, mtime, size: encoder.encode(content).length };
		this.contents.set(path, content);
		return file;
	}

	private place(file: TFile, path: string): void {
		const { name, basename, extension } = basenameOf(path);
		file.path = path;
		file.name = name;
		file.basename = basename;
		file.extension = extension;
		const parent = this.folder(path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
		file.parent = parent;
		parent.children.push(file);
		this.byPath.set(path, file);
	}

	getName(): string {
		return "example-vault";
	}
	getFileByPath(path: string): TFile | null {
		const f = this.byPath.get(normalizePath(path));
		return f instanceof TFile ? f : null;
	}
	getFolderByPath(path: string): TFolder | null {
		const f = this.byPath.get(normalizePath(path));
		return f instanceof TFolder ? f : null;
	}
	getAbstractFileByPath(path: string): TFile | TFolder | null {
		return this.byPath.get(normalizePath(path)) ?? null;
	}
	getRoot(): TFolder {
		return this.root;
	}
	getFiles(): TFile[] {
		return [...this.byPath.values()].filter((f): f is TFile => f instanceof TFile);
	}
	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === "md");
	}
	getAllLoadedFiles(): (TFile | TFolder)[] {
		return [this.root, ...this.byPath.values()];
	}
	read(file: O.TFile): Promise<string> {
		this.reads++;
		const c = this.contents.get(file.path);
		return c === undefined ? Promise.reject(new Error(`ENOENT: ${file.path}`)) : Promise.resolve(c);
	}
	cachedRead(file: O.TFile): Promise<string> {
		return this.read(file);
	}
	/** Host-only: synchronous peek for the reading view. */
	text(path: string): string | undefined {
		return this.contents.get(normalizePath(path));
	}
	modify(file: O.TFile, data: string): Promise<void> {
		const f = this.getFileByPath(file.path);
		if (!f) return Promise.reject(new Error(`ENOENT: ${file.path}`));
		this.contents.set(f.path, data);
		f.stat = { ...f.stat, mtime: Math.max(Date.now(), f.stat.mtime + 1), size: encoder.encode(data).length };
		this.trigger("modify", f);
		return Promise.resolve();
	}
	async process(file: O.TFile, fn: (data: string) => string): Promise<string> {
		const before = this.contents.get(file.path);
		if (before === undefined) throw new Error(`ENOENT: ${file.path}`);
		const after = fn(before);
		if (after !== before) await this.modify(file, after);
		return after;
	}
	create(path: string, data: string): Promise<TFile> {
		if (this.byPath.has(normalizePath(path))) return Promise.reject(new Error("File already exists."));
		const f = this.add(path, data, Date.now());
		this.trigger("create", f);
		return Promise.resolve(f);
	}
	delete(file: O.TAbstractFile): Promise<void> {
		const f = this.byPath.get(file.path);
		if (!f) return Promise.resolve();
		this.byPath.delete(f.path);
		this.contents.delete(f.path);
		if (f.parent) (f.parent).children = f.parent.children.filter((c) => c !== f);
		this.trigger("delete", f);
		return Promise.resolve();
	}
	rename(file: O.TAbstractFile, newPath: string): Promise<void> {
		const f = this.byPath.get(file.path);
		if (!(f instanceof TFile)) return Promise.reject(new Error("Only files can be renamed in the host."));
		const old = f.path;
		const content = this.contents.get(old) ?? "";
		this.byPath.delete(old);
		this.contents.delete(old);
		if (f.parent) (f.parent).children = f.parent.children.filter((c) => c !== f);
		this.place(f, normalizePath(newPath));
		this.contents.set(f.path, content);
		this.trigger("rename", f, old);
		return Promise.resolve();
	}
}

/** Split a note into its frontmatter YAML (if any) and body. */
export function splitFrontmatter(text: string): { yaml: string | undefined; body: string; bodyLine: number } {
	const t = text.replace(/^\uFEFF/, "");
	const m = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(t);
	if (!m) return { yaml: undefined, body: t, bodyLine: 0 };
	return { yaml: m[1] ?? "", body: t.slice(m[0].length), bodyLine: m[0].split("\n").length - 1 };
}

export class HostMetadataCache extends Events implements Surface<O.MetadataCache, "getFileCache" | "getCache" | "resolvedLinks" | "unresolvedLinks"> {
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};
	private readonly caches = new Map<string, O.CachedMetadata>();

	constructor(private readonly vault: HostVault) {
		super();
		for (const f of vault.getMarkdownFiles()) this.compute(f);
		vault.on("modify", (file: TFile) => this.reindex(file));
		vault.on("create", (file: TFile) => this.reindex(file));
		vault.on("delete", (file: TFile) => {
			const prev = this.caches.get(file.path) ?? null;
			this.caches.delete(file.path);
			this.trigger("deleted", file, prev);
		});
		vault.on("rename", (file: TFile, oldPath: string) => {
			const c = this.caches.get(oldPath);
			this.caches.delete(oldPath);
			if (c) this.caches.set(file.path, c);
		});
	}

	private compute(file: TFile): O.CachedMetadata | undefined {
		if (file.extension !== "md") return undefined;
		const text = this.vault.text(file.path) ?? "";
		const cache: O.CachedMetadata = {};
		const { yaml: fm } = splitFrontmatter(text);
		if (fm !== undefined) {
			try {
				const data: unknown = yaml.safeLoad(fm);
				if (data && typeof data === "object" && !Array.isArray(data)) cache.frontmatter = data;
			} catch {
				// Obsidian also leaves frontmatter out when its YAML is invalid.
			}
		}
		this.caches.set(file.path, cache);
		return cache;
	}

	private reindex(file: TFile): void {
		if (file.extension !== "md") return;
		// Obsidian parses off the main path; the change event arrives a little later.
		window.setTimeout(() => {
			if (!this.vault.getFileByPath(file.path)) return;
			const cache = this.compute(file);
			if (!cache) return;
			this.trigger("changed", file, this.vault.text(file.path) ?? "", cache);
			this.trigger("resolve", file);
			this.trigger("resolved");
		}, 0);
	}

	getFileCache(file: O.TFile): O.CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}
	getCache(path: string): O.CachedMetadata | null {
		return this.caches.get(path) ?? null;
	}
}

export class HostFileManager implements Surface<O.FileManager, "processFrontMatter" | "renameFile" | "trashFile"> {
	constructor(private readonly vault: HostVault) {}
	async processFrontMatter(file: O.TFile, fn: (frontmatter: Record<string, unknown>) => void): Promise<void> {
		await this.vault.process(file, (text) => {
			const { yaml: fm, body } = splitFrontmatter(text);
			const data = (fm ? yaml.safeLoad(fm) : {}) as Record<string, unknown> | null;
			const obj = data ?? {};
			fn(obj);
			return `---\n${yaml.safeDump(obj, { lineWidth: -1 })}---\n${body}`;
		});
	}
	renameFile(file: O.TAbstractFile, newPath: string): Promise<void> {
		return this.vault.rename(file, newPath);
	}
	trashFile(file: O.TAbstractFile): Promise<void> {
		return this.vault.delete(file);
	}
}

export class HostWorkspace extends Events implements Surface<O.Workspace, "layoutReady" | "onLayoutReady" | "containerEl" | "getActiveFile"> {
	layoutReady = false;
	containerEl: HTMLElement;
	/** Host-only: the note open in the reading view (set by the page). */
	activeFile: TFile | null = null;
	getActiveFile(): TFile | null {
		return this.activeFile;
	}
	private readyCallbacks: (() => unknown)[] = [];
	constructor(containerEl: HTMLElement) {
		super();
		this.containerEl = containerEl;
	}
	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) callback();
		else this.readyCallbacks.push(callback);
	}
	/** Host-only: what Obsidian does once the workspace is restored. */
	setLayoutReady(): void {
		this.layoutReady = true;
		for (const cb of this.readyCallbacks.splice(0)) cb();
		this.trigger("layout-ready");
	}
}

export class HostApp {
	readonly vault: HostVault;
	readonly metadataCache: HostMetadataCache;
	readonly fileManager: HostFileManager;
	readonly workspace: HostWorkspace;
	constructor(files: readonly VaultFileData[], workspaceEl: HTMLElement) {
		this.vault = new HostVault(files);
		this.metadataCache = new HostMetadataCache(this.vault);
		this.fileManager = new HostFileManager(this.vault);
		this.workspace = new HostWorkspace(workspaceEl);
	}
	/** The one place the host's partial App stands in for Obsidian's. */
	asApp(): O.App {
		return this as unknown as O.App;
	}
}
