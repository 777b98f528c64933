/**
 * Advice → Markdown: the managed section's content (readable in any Markdown viewer, no HTML) and the table the
 * block and the CLI share. Cells are escaped so a name with `|` cannot break the table.
 */
import { describeDate } from "./dates";
import { describePolicy } from "./precision";
import type { AdviceOption, AdviceResult, WorkloadEntry } from "./types";

/** Rows shown: the best ones, plus "keep" and the best wait option when they rank lower. */
export const SHOWN_OPTIONS = 8;

/** The line that carries the date; ignored when deciding whether advice changed (see write-back). */
export const COMPUTED_PREFIX = "_Computed for ";

const usd = (n: number | null) => (n === null ? "unknown" : `$${Math.round(n).toLocaleString("en-US")}`);
const num = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(1));
const tokens = (n: number) => (n % 1024 === 0 ? `${n / 1024}k` : n.toLocaleString("en-US"));

/** Escape text for a Markdown table cell or a line: pipes, backslashes, and line breaks. */
export function cell(text: string): string {
	return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ").replace(/([*_`[\]<>])/g, "\\$1");
}

export function shownOptions(result: AdviceResult): AdviceOption[] {
	const shown = result.options.slice(0, SHOWN_OPTIONS);
	const keep = result.options.find((o) => o.kind === "keep");
	if (keep && !shown.includes(keep)) shown.push(keep);
	const wait = result.options.find((o) => o.kind === "wait");
	if (wait && !shown.includes(wait)) shown.push(wait);
	return shown;
}

/** Columns in reading order: what matters most first, so a narrow note shows it before the table scrolls. */
export interface TableRow {
	rank: string;
	option: string;
	holds: string;
	perUser: string;
	cost: string;
	available: string;
	total: string;
	sessions: string;
	mentioned: string;
	perGiB: string;
	power: string;
}

export const TABLE_HEADERS: Record<keyof TableRow, string> = {
	rank: "#", option: "Option", holds: "Fits workload", perUser: "Per-user tok/s", cost: "Cost", available: "Available",
	total: "Total tok/s", sessions: "Sessions", mentioned: "Mentioned models", perGiB: "$ per GiB", power: "Power",
};

/** One table row of plain text (the DOM renderer and the Markdown writer both use it). */
export function tableRow(o: AdviceOption, date: string): TableRow {
	const resident = o.fits.filter((f) => f.resident);
	const copies = resident.reduce((a, f) => a + f.copies, 0);
	const placed = resident.reduce((a, f) => a + f.placement.length, 0);
	return {
		rank: String(o.rank),
		option: o.label,
		holds: resident.length === 0 ? "—" : o.residentFits ? "yes" : `no (${placed} of ${copies} model${copies === 1 ? "" : "s"} fit)`,
		perUser: o.residentFits && resident.length > 0 ? num(o.perUserDecodeTokensPerSecond) : "—",
		cost: o.kind === "keep" ? "—" : usd(o.costUsd),
		available: o.kind === "keep" ? "owned" : o.availableFrom === date ? "now" : describeDate(o.availableFrom),
		total: o.residentFits && resident.length > 0 ? num(o.aggregateDecodeTokensPerSecond) : "—",
		sessions: o.residentFits && resident.length > 0 ? String(o.maxSessions) : "—",
		mentioned: o.othersTotal === 0 ? "—" : `${o.othersFit} of ${o.othersTotal}`,
		perGiB: o.costPerUsableGiB === null ? "—" : usd(o.costPerUsableGiB),
		power: o.powerW === null ? "unknown" : `${o.powerW.toLocaleString("en-US")} W`,
	};
}

function describeWorkload(entries: WorkloadEntry[]): string[] {
	const lines: string[] = [];
	const resident = entries.filter((e) => e.resident);
	const others = entries.filter((e) => !e.resident);
	for (const e of resident) {
		const name = e.label !== e.model ? `${e.label} (${e.model})` : e.model;
		lines.push(`- ${e.copies > 1 ? `${e.copies}× ` : ""}${cell(name)}: ${tokens(e.context)} tokens, ${e.users} user${e.users === 1 ? "" : "s"}${e.copies > 1 ? " each" : ""}, released as ${e.releaseFormat.toUpperCase()}`);
	}
	if (others.length > 0) lines.push(`- Mentioned in the note (checked one at a time): ${others.map((e) => cell(e.model)).join(", ")}`);
	return lines;
}

/** The body of the managed section (without the markers), lines joined by "\n". */
export function adviceMarkdown(result: AdviceResult): string {
	const best = result.options[0];
	const out: string[] = [];
	out.push("## Scaling advice", "");
	out.push(`**Recommendation: ${cell(result.recommendation.label)}**`, "");
	for (const r of result.recommendation.reasons) out.push(`- ${cell(r)}`);
	out.push("");
	const rows = shownOptions(result).map((o) => tableRow(o, result.date));
	const keys = Object.keys(TABLE_HEADERS) as (keyof TableRow)[];
	out.push(`| ${keys.map((k) => TABLE_HEADERS[k]).join(" | ")} |`);
	out.push(`|${keys.map((k) => (k === "option" || k === "holds" || k === "available" ? " --- " : " ---: ")).join("|")}|`);
	for (const r of rows) out.push(`| ${keys.map((k) => cell(r[k])).join(" | ")} |`);
	out.push("");
	if (result.whatWouldChange.length > 0) {
		out.push("**What would change the answer**", "");
		for (const w of result.whatWouldChange) out.push(`- ${cell(w)}`);
		out.push("");
	}
	out.push(`**Workload** (${cell(describePolicy(result.policy))}; rig: ${result.rig.count}× ${cell(result.rig.gpu)}${result.budgetUsd !== null ? `; budget ${usd(result.budgetUsd)}` : ""})`, "");
	out.push(...describeWorkload(result.workload), "");
	const facts = new Set<string>();
	for (const o of shownOptions(result).slice(0, 3)) for (const n of o.notes) facts.add(n);
	if (best && best.drawbacks.length > 0) for (const d of best.drawbacks) facts.add(`Drawback: ${d}`);
	if (facts.size > 0) {
		out.push("**Prices and constraints**", "");
		for (const f of facts) out.push(`- ${cell(f)}`);
		out.push("");
	}
	if (result.notes.length > 0) {
		out.push("**Notes**", "");
		for (const n of result.notes) out.push(`- ${cell(n)}`);
		out.push("");
	}
	out.push(`${COMPUTED_PREFIX}${result.date} with the GPU Fit catalog (${result.catalogVersion}). Speeds and memory are estimates; prices are the latest dated facts in the catalog, not quotes._`);
	return out.join("\n");
}
