/**
 * Ranking: the cheapest option that meets the requirements, where the requirements come first, in this order:
 *  1. it holds the whole resident workload at once (the note's explicit workload and its blocks);
 *  2. it can be bought on the advice date (a wait option ranks below every available one);
 *  3. it stays within the budget (when there is one; an unknown price cannot be shown to);
 *  4. every resident model decodes at an interactive speed per user (INTERACTIVE_TOKENS_PER_SECOND);
 *  5. (a workload of mentions only) more of them run on their own at that speed;
 *  6. fewer practical drawbacks (mixed vendors or generations in one box, a datacenter server for a workstation
 *     rig, more GPU power than a workstation supply gives);
 *  7. a known price before an unknown one, then the lower price;
 *  8. models the note only mentions: more of them run on their own at that speed;
 *  9. faster per-user decode, then the option id (stable order).
 * Mentions rank after price on purpose: prose names many models in passing, the explicit workload is what the user
 * needs; "what would change the answer" says what running a mentioned model would cost. A workload made only of
 * mentions (a note without blocks or a `gpufit` property) has nothing else to go by: there they rank before price.
 */
import { INTERACTIVE_TOKENS_PER_SECOND } from "./evaluate";
import type { AdviceOption } from "./types";

export function othersUsable(o: AdviceOption): number {
	return o.fits.filter((f) => !f.resident && f.fits && f.perUserDecodeTokensPerSecond >= INTERACTIVE_TOKENS_PER_SECOND).length;
}

export function interactive(o: AdviceOption): boolean {
	return o.fits.every((f) => !f.resident || f.perUserDecodeTokensPerSecond >= INTERACTIVE_TOKENS_PER_SECOND);
}

function key(o: AdviceOption, mentionsOnly: boolean, budgetSet: boolean): (number | string)[] {
	return [
		o.residentFits ? 0 : 1,
		// When nothing fits, the option fitting the most resident copies is the better partial answer.
		o.residentFits ? 0 : -o.fits.filter((f) => f.resident && f.fits).length,
		o.kind === "wait" ? 1 : 0,
		// With a budget, an unknown price cannot be shown to meet it.
		o.withinBudget === true || (o.withinBudget === null && !budgetSet) ? 0 : 1,
		interactive(o) ? 0 : 1,
		mentionsOnly ? -othersUsable(o) : 0,
		o.drawbacks.length,
		o.costUsd === null ? 1 : 0,
		o.costUsd ?? 0,
		mentionsOnly ? 0 : -othersUsable(o),
		-o.perUserDecodeTokensPerSecond,
		o.id,
	];
}

function compare(a: AdviceOption, b: AdviceOption, mentionsOnly: boolean, budgetSet: boolean): number {
	const ka = key(a, mentionsOnly, budgetSet);
	const kb = key(b, mentionsOnly, budgetSet);
	for (let i = 0; i < ka.length; i++) {
		const x = ka[i] ?? 0;
		const y = kb[i] ?? 0;
		if (x === y) continue;
		if (typeof x === "number" && typeof y === "number") return x - y;
		return String(x) < String(y) ? -1 : 1;
	}
	return 0;
}

/** Sort options best first, set `rank` and `withinBudget`. */
export function rankOptions(options: AdviceOption[], budgetUsd: number | null): AdviceOption[] {
	for (const o of options) {
		o.withinBudget = budgetUsd === null ? null : o.costUsd === null ? null : o.costUsd <= budgetUsd;
	}
	const mentionsOnly = options.every((o) => o.fits.every((f) => !f.resident));
	const sorted = [...options].sort((a, b) => compare(a, b, mentionsOnly, budgetUsd !== null));
	sorted.forEach((o, i) => { o.rank = i + 1; });
	return sorted;
}
