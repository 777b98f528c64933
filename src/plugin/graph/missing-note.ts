/**
 * A note for a name that feedback loops point to but no note carries: its file (in the folder of the note that
 * names it, a file name Obsidian accepts) and its first text (frontmatter with the title and the series tag of the
 * naming note). Pure; the caller refuses to overwrite.
 */

/** Characters Obsidian (and the file systems it runs on) refuse in file names, and control characters. */
const FORBIDDEN = /[\\/:*?"<>|#^[\]\p{Cc}]/gu;

export function fileNameFor(name: string): string {
	const cleaned = name.replace(FORBIDDEN, " ").replace(/\s+/g, " ").trim().replace(/^\.+/, "").slice(0, 180).trim();
	return cleaned || "Untitled";
}

export function missingNoteFile(name: string, nearPath: string | undefined, seriesTags: readonly string[], now: Date): { path: string; text: string } {
	const folder = nearPath !== undefined && nearPath.includes("/") ? nearPath.slice(0, nearPath.lastIndexOf("/")) : "";
	const path = `${folder ? `${folder}/` : ""}${fileNameFor(name)}.md`;
	const title = name.replace(/\s+/g, " ").trim();
	const lines = ["---", `title: ${JSON.stringify(title)}`];
	if (seriesTags.length > 0) lines.push("tags:", ...seriesTags.map((t) => `  - ${JSON.stringify(`#${t.replace(/^#+/, "")}`)}`));
	lines.push(`created: ${now.toISOString().slice(0, 10)}`, "---", "", `# ${title}`, "");
	return { path, text: lines.join("\n") };
}
