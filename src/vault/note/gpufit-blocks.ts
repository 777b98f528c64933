/**
 * A note's ```gpufit fenced blocks: where each is, its source, and what it asks for, parsed here once per note
 * version (with the estimator's parseBlockSpec) so the workload and diagnostics queries never parse again.
 */
import { parseBlockSpec } from "../../estimator/block-spec";
import { count, LIMITS } from "../limits";
import type { GpufitBlock } from "../types";

const OPEN = /^ {0,3}(`{3,}|~{3,})\s*gpufit\s*$/;

/** `body` uses "\n" line endings; `bodyLine()` is the file line of its first line (asked only when a block exists). */
export function gpufitBlocks(body: string, bodyLine: () => number): { blocks: GpufitBlock[]; overCap: number } {
	const blocks: GpufitBlock[] = [];
	let overCap = 0;
	if (!body.includes("gpufit")) return { blocks, overCap };
	let firstLine = 0;
	const lines = body.split("\n");
	for (let i = 0; i < lines.length; i++) {
		const open = OPEN.exec(lines[i] ?? "");
		const fence = open?.[1];
		if (fence === undefined) continue;
		const closeRe = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
		let j = i + 1;
		while (j < lines.length && !closeRe.test(lines[j] ?? "")) j++;
		if (blocks.length >= LIMITS.blocks) { overCap++; i = j; continue; }
		if (firstLine === 0) firstLine = bodyLine();
		const source = lines.slice(i + 1, j).join("\n");
		const line = firstLine + i;
		if (source.length > LIMITS.blockChars) {
			blocks.push({ line, source: "", issues: [{ message: `The block is ${count(source.length)} characters long (at most ${count(LIMITS.blockChars)}); it is not read.` }] });
		} else {
			const parsed = parseBlockSpec(source);
			blocks.push(parsed.spec ? { line, source, spec: parsed.spec, issues: parsed.issues } : { line, source, issues: parsed.issues });
		}
		i = j;
	}
	return { blocks, overCap };
}
