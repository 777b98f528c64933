/**
 * Bounded walks over parsed YAML/JSON. js-yaml keeps an alias as a reference to its anchor's value, so a
 * dozen lines can stand for 10^8 values; any walk that follows references (validation, serialization, error
 * text) would expand them. Counting against a budget first turns such input into one diagnostic.
 */

/**
 * Values in a parsed tree, counting every use of a shared (aliased) node again, up to `limit` + 1.
 * Iterative, and everything pushed is counted before it is pushed: the work is bounded by the limit, not by
 * what the aliases expand to.
 */
export function countValues(root: unknown, limit: number): number {
	let count = 0;
	const stack: unknown[] = [root];
	while (stack.length > 0) {
		const v = stack.pop();
		if (++count > limit) return count;
		if (typeof v !== "object" || v === null || v instanceof Date) continue;
		if (Array.isArray(v)) {
			if (count + stack.length + v.length > limit) return limit + 1;
			for (const x of v) stack.push(x);
		} else {
			const keys = Object.keys(v);
			if (count + stack.length + keys.length > limit) return limit + 1;
			for (const k of keys) stack.push((v as Record<string, unknown>)[k]);
		}
	}
	return count;
}
