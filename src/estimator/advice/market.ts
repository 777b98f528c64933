/**
 * Market facts at a date: what a part's availability and price were on a given day. Validated once at load.
 */
import { MARKET } from "../data/market";
import type { Gpu } from "../schema";
import { describeDate, endedBefore, startedBy } from "./dates";
import { MarketEntrySchema, type AvailabilityEvent, type AvailabilityStatus, type MarketEntry, type Price } from "./market-schema";

export interface MarketIssue {
	path: string;
	message: string;
}

/** Validate market entries; invalid ones are reported and skipped. */
export function validateMarket(entries: readonly unknown[]): { entries: MarketEntry[]; issues: MarketIssue[] } {
	const out: MarketEntry[] = [];
	const issues: MarketIssue[] = [];
	entries.forEach((raw, i) => {
		const parsed = MarketEntrySchema.safeParse(raw);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) issues.push({ path: [`market[${i}]`, ...issue.path.map(String)].join("."), message: issue.message });
			return;
		}
		const e = parsed.data;
		if (e.prices.length === 0 && !e.noPrice) issues.push({ path: `market.${e.gpu}`, message: "no price and no `noPrice` reason" });
		const sorted = e.availability.every((ev, k) => k === 0 || (e.availability[k - 1]?.from ?? "") <= ev.from);
		if (!sorted) issues.push({ path: `market.${e.gpu}.availability`, message: "events must be in date order" });
		out.push(e);
	});
	return { entries: out, issues };
}

let builtIn: Map<string, MarketEntry> | undefined;

/** The built-in market facts by GPU id. Throws when the shipped data is invalid (a test keeps it valid). */
export function marketData(): Map<string, MarketEntry> {
	if (builtIn) return builtIn;
	const { entries, issues } = validateMarket(MARKET);
	if (issues.length > 0) throw new Error(`Invalid market data:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
	builtIn = new Map(entries.map((e) => [e.gpu, e]));
	return builtIn;
}

export interface AvailabilityAt {
	/** "unannounced": nothing known yet on that day (the part is not offered). */
	status: AvailabilityStatus | "unannounced";
	/** Expected ship date of an announced part, as the vendor said on the latest event before the day. */
	expected?: string;
	/** Announced, and its expected window ended before the day with no shipping event: judged as not available. */
	overdue: boolean;
	/** The event the status comes from. */
	event?: AvailabilityEvent;
	/** Plain words, e.g. "announced, expected H2 2026" / "shipping since 2025-10-15". */
	text: string;
}

/** Availability on `day` (YYYY-MM-DD). A GPU without a market entry falls back to the catalog's own status. */
export function availabilityAt(entry: MarketEntry | undefined, gpu: Gpu, day: string): AvailabilityAt {
	if (!entry) {
		if (!startedBy(gpu.launched, day)) return { status: "unannounced", overdue: false, text: "not announced yet" };
		const expected = gpu.availability.expected;
		const overdue = gpu.availability.status === "announced" && expected !== undefined && endedBefore(expected, day);
		return { status: gpu.availability.status, ...(expected ? { expected } : {}), overdue, text: describe(gpu.availability.status, expected, overdue, gpu.launched) };
	}
	let current: AvailabilityEvent | undefined;
	for (const ev of entry.availability) if (startedBy(ev.from, day)) current = ev;
	if (!current) return { status: "unannounced", overdue: false, text: "not announced yet" };
	const overdue = current.status === "announced" && current.expected !== undefined && endedBefore(current.expected, day);
	return {
		status: current.status,
		...(current.expected ? { expected: current.expected } : {}),
		overdue,
		event: current,
		text: describe(current.status, current.expected, overdue, current.from),
	};
}

function describe(status: AvailabilityStatus, expected: string | undefined, overdue: boolean, since: string): string {
	switch (status) {
		case "announced":
			if (!expected) return "announced, no ship date";
			return overdue ? `announced, expected ${describeDate(expected)}, not shipping by then (overdue)` : `announced, expected ${describeDate(expected)}`;
		case "shipping": return `shipping since ${describeDate(since)}`;
		case "datacenter-only": return `datacenter-only (since ${describeDate(since)})`;
		case "discontinued": return `discontinued (since ${describeDate(since)})`;
	}
}

/** The newest price dated on or before `day`; undefined when none was known then. */
export function priceAt(entry: MarketEntry | undefined, day: string): Price | undefined {
	let best: Price | undefined;
	for (const p of entry?.prices ?? []) {
		if (!startedBy(p.asOf, day)) continue;
		if (!best || best.asOf <= p.asOf) best = p;
	}
	return best;
}

/** Can one buy it new on `day`? (Shipping or datacenter-only, not overdue, not discontinued.) */
export function purchasable(a: AvailabilityAt): boolean {
	return a.status === "shipping" || a.status === "datacenter-only";
}
