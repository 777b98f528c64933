/**
 * The built-in catalog, extended by the user's files (`--catalog FILE`, repeatable; later files win by id).
 * A file that cannot be read is a usage error (exit 2: the user named it). What is inside costs only itself:
 * bad entries and broken files are reported and skipped, the rest loads. Reports are bounded: the first
 * problems of each file, then one line counting the rest.
 */
import { readFileSync } from "node:fs";
import { buildCatalogFrom, loadCatalog, withHints, type Catalog, type CatalogSourceFile } from "../estimator/catalog";
import { plural } from "../estimator/request";
import { formatCatalogIssue, parseCatalogText } from "../estimator/user-catalog";
import type { Io } from "./io";

/** Problem lines printed per file before the summary line. */
const ISSUE_LINES = 8;

const HINT_NONE = "Your own card or model? Describe it in a YAML or JSON file and pass --catalog FILE (see the README).";

export function loadCatalogs(files: readonly string[], io: Io): Catalog | undefined {
	const base = loadCatalog();
	if (files.length === 0) return withHints(base, { gpu: HINT_NONE, model: HINT_NONE });
	const sources: CatalogSourceFile[] = [];
	const early: { file: string; lines: string[]; count: number }[] = [];
	for (const file of files) {
		let text: string;
		try {
			text = readFileSync(file, "utf8");
		} catch (e) {
			const code = (e as { code?: string }).code;
			io.stderr(`gpufit: cannot read catalog file ${file}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "it is a folder" : e instanceof Error ? e.message : String(e)}\n`);
			return undefined;
		}
		const parsed = parseCatalogText(text);
		early.push({ file, lines: parsed.issues.map((i) => formatCatalogIssue({ ...i, file })), count: parsed.issues.length });
		sources.push({ file, additions: parsed.additions });
	}
	const built = buildCatalogFrom(sources, base);
	for (const { file, lines, count } of early) {
		const later = built.issues.filter((i) => i.file === file).map(formatCatalogIssue);
		const summary = built.files.find((s) => s.file === file);
		const all = [...lines, ...later];
		const problems = count + (summary?.problems ?? 0);
		for (const line of all.slice(0, ISSUE_LINES)) io.stderr(`gpufit: ${line}\n`);
		if (problems > ISSUE_LINES) {
			io.stderr(`gpufit: ${file}: … and ${plural(problems - ISSUE_LINES, "more problem")} (${plural(summary?.skipped ?? 0, "entry", "entries")} skipped, ${plural(summary?.loaded ?? 0, "entry", "entries")} loaded)\n`);
		}
	}
	const names = files.join(", ");
	const hint = `Not in the built-in catalog or in ${names}.`;
	return withHints(built.catalog, { gpu: hint, model: hint });
}
