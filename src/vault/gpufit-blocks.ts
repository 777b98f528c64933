/** The sources of a note's ```gpufit fenced blocks (parsed later with the estimator's parseBlockSpec). */
import type { GpufitBlockSource } from "./types";

const OPEN = /^ {0,3}(`{3,}|~{3,})\s*gpufit\s*$/;

/** `body` uses "\n" line endings; `bodyLine` is the file line of its first line (a function: asked only when a block exists). */
export function gpufitBlocks(body: string, bodyLine: number | (() => number)): GpufitBlockSource[] {
	if (!body.includes("gpufit")) return [];
	const lines = body.split("\n");
	const out: GpufitBlockSource[] = [];
	for (let i = 0; i < lines.length; i++) {
		const open = OPEN.exec(lines[i] ?? "");
		const fence = open?.[1];
		if (fence === undefined) continue;
		const closeRe = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
		let j = i + 1;
		while (j < lines.length && !closeRe.test(lines[j] ?? "")) j++;
		if (typeof bodyLine === "function") bodyLine = bodyLine();
		out.push({ line: bodyLine + i, source: lines.slice(i + 1, j).join("\n") });
		i = j;
	}
	return out;
}
