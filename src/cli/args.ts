/** Minimal, strict flag parsing for the CLI: unknown flags and missing values are errors, not guesses. */

export class UsageError extends Error {}

export interface ParsedArgs {
	positional: string[];
	flags: Map<string, string | true>;
}

/** Parse `--name value`, `--name=value` and boolean `--flag` (only those listed in `booleans`). */
export function parseArgs(argv: string[], known: readonly string[], booleans: readonly string[]): ParsedArgs {
	const positional: string[] = [];
	const flags = new Map<string, string | true>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? "";
		if (!arg.startsWith("--")) {
			positional.push(arg);
			continue;
		}
		const eq = arg.indexOf("=");
		const name = arg.slice(2, eq >= 0 ? eq : undefined);
		if (!known.includes(name) && !booleans.includes(name)) {
			throw new UsageError(`unknown option --${name}`);
		}
		if (booleans.includes(name)) {
			if (eq >= 0) throw new UsageError(`--${name} takes no value`);
			flags.set(name, true);
			continue;
		}
		const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
		if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
		if (flags.has(name)) throw new UsageError(`--${name} given twice`);
		flags.set(name, value);
	}
	return { positional, flags };
}

export function stringFlag(a: ParsedArgs, name: string): string | undefined {
	const v = a.flags.get(name);
	return typeof v === "string" ? v : undefined;
}

/** A positive integer flag; accepts 32k / 128K style token counts when `tokens` is set. */
export function intFlag(a: ParsedArgs, name: string, tokens = false): number | undefined {
	const v = stringFlag(a, name);
	if (v === undefined) return undefined;
	const m = /^(\d+)([kK])?$/.exec(v.trim());
	if (!m || (m[2] && !tokens)) throw new UsageError(`--${name} must be a positive whole number${tokens ? " (32k allowed)" : ""}, got "${v}"`);
	const n = Number(m[1]) * (m[2] ? 1024 : 1);
	if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${name} must be at least 1, got "${v}"`);
	return n;
}
