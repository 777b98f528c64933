/**
 * A fit-table row's verdict: one answer per row, in a word for tools and in words for people. Kept apart from the
 * memory figures so that "cannot run here", "out of memory" and "fewer sequences than asked" never share one mark.
 */
import type { SupportLevel, Verdict } from "./types";

export interface VerdictInput {
	support: SupportLevel;
	supportReason: string;
	/** Free memory per GPU at the requested workload (negative = short). */
	headroomGiB: number;
	/** Sequences of the requested context that fit at once. */
	maxSequences: number;
	/** Sequences asked for. */
	concurrency: number;
}

/** "12.3"; two decimals below 0.1 so a small shortfall never reads as zero. */
export function gibText(value: number): string {
	const abs = Math.abs(value);
	return abs > 0 && abs < 0.1 ? abs.toFixed(2) : abs.toFixed(1);
}

/** "32,768": thousands separated the en-US way (toLocaleString builds a formatter per call: slow in tables). */
export function groupThousands(n: number): string {
	const [int = "", frac] = String(Math.abs(n)).split(".");
	const grouped = int.replace(/\B(?=(\d{3})+$)/g, ",");
	return (n < 0 ? "-" : "") + (frac === undefined ? grouped : `${grouped}.${frac}`);
}

export function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function rowVerdict(v: VerdictInput): { verdict: Verdict; text: string } {
	if (v.support === "unsupported") return { verdict: "unsupported", text: `unsupported: ${v.supportReason}` };
	if (v.headroomGiB >= 0) return { verdict: "fits", text: `fits, ${gibText(v.headroomGiB)} GiB free per GPU` };
	if (v.maxSequences >= 1 && v.maxSequences < v.concurrency) {
		return {
			verdict: "fits-fewer-sequences",
			text: `fits ${v.maxSequences} of ${plural(v.concurrency, "sequence")} (${gibText(v.headroomGiB)} GiB per GPU short of all ${v.concurrency})`,
		};
	}
	return { verdict: "out-of-memory", text: `out of memory by ${gibText(v.headroomGiB)} GiB per GPU` };
}

/** The support level as the table says it: emulated formats run a weight-only path (dequantized in the kernel). */
export function supportLabel(level: SupportLevel): string {
	return level === "emulated" ? "weight-only" : level;
}
