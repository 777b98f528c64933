/**
 * Dates of market facts: a day (2026-11-29), a month (2026-11), a half (2026-H2), a quarter (2026-Q3) or a year
 * (2026). Each is a window [first day, last day]; comparisons against "today" use the window so a part expected in
 * "2026-H2" is still future on 2026-11-29 and overdue on 2027-01-01.
 */

export interface DateWindow {
	/** First day, YYYY-MM-DD. */
	start: string;
	/** Last day, YYYY-MM-DD. */
	end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A fact date as a window of days, or undefined when it is not one of the accepted shapes. */
export function dateWindow(text: string): DateWindow | undefined {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-H([12])|-Q([1-4]))?$/.exec(text.trim());
	if (!m) return undefined;
	const y = Number(m[1]);
	if (m[3] !== undefined) {
		const mo = Number(m[2]);
		const d = Number(m[3]);
		if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return undefined;
		return { start: text.trim(), end: text.trim() };
	}
	if (m[2] !== undefined) {
		const mo = Number(m[2]);
		if (mo < 1 || mo > 12) return undefined;
		return { start: `${y}-${pad(mo)}-01`, end: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` };
	}
	const span = (from: number, to: number) => ({ start: `${y}-${pad(from)}-01`, end: `${y}-${pad(to)}-${pad(lastDay(y, to))}` });
	if (m[4] !== undefined) return m[4] === "1" ? span(1, 6) : span(7, 12);
	if (m[5] !== undefined) {
		const q = Number(m[5]);
		return span(q * 3 - 2, q * 3);
	}
	return span(1, 12);
}

/** A strict calendar day (YYYY-MM-DD) or undefined. */
export function parseDay(text: string): string | undefined {
	const t = text.trim();
	if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return undefined;
	return dateWindow(t)?.start;
}

/** Today in the local calendar as YYYY-MM-DD (callers inject their own date in tests). */
export function localToday(now: Date = new Date()): string {
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Has the fact's window started by `day`? (A fact dated "2025-10" holds from 2025-10-01.) */
export function startedBy(fact: string, day: string): boolean {
	const w = dateWindow(fact);
	return w !== undefined && w.start <= day;
}

/** Is the whole window over before `day`? */
export function endedBefore(fact: string, day: string): boolean {
	const w = dateWindow(fact);
	return w !== undefined && w.end < day;
}

/** Whole months from `from` to `to` (negative when `to` is earlier), counting by calendar month. */
export function monthsBetween(from: string, to: string): number {
	const [fy, fm] = from.split("-").map(Number);
	const [ty, tm] = to.split("-").map(Number);
	return ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 1) - (fm ?? 1));
}

/** Readable form of a fact date: "H2 2026", "Q4 2026", "October 2025", "2025-10-15". */
export function describeDate(text: string): string {
	const t = text.trim();
	const half = /^(\d{4})-H([12])$/.exec(t);
	if (half) return `H${half[2]} ${half[1]}`;
	const quarter = /^(\d{4})-Q([1-4])$/.exec(t);
	if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
	const month = /^(\d{4})-(\d{2})$/.exec(t);
	if (month) {
		const names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
		return `${names[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
	}
	return t;
}
