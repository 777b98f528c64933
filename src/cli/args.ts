/**
 * Strict command-line parsing: unknown flags and missing values are errors, not guesses. Request flags
 * (--model, --context, --kv-dtype ...) are the estimator's request fields, so every spelling a block accepts for a
 * key or a value is accepted here too; the command's own flags (--json, --catalog ...) are listed by the command.
 */
import { closest, findField, keyOf, type FieldKey, type RequestEntry } from "../estimator/request";

/** A usage mistake: reported on one line of stderr, exit status 2. */
export class UsageError extends Error {}

export interface CommandFlags {
	/** Flags without a value: --json, --why, --wide. */
	booleans: readonly string[];
	/** The command's own flags with a value; those in `repeatable` may be given more than once. */
	values: readonly string[];
	repeatable?: readonly string[];
	/** The request fields (--model, --gpu, ...) that are flags of this command. */
	request: readonly FieldKey[];
	/** Every flag name, for "did you mean" (request fields the command takes, by their canonical names). */
	known: readonly string[];
}

export interface ParsedArgs {
	positional: string[];
	/** The command's own flags: true for booleans, the values in order for the others. */
	flags: Map<string, true | string[]>;
	/** Request fields, as the user spelled them, in order (parsed by the estimator's request parser). */
	request: RequestEntry[];
	help: boolean;
}

export function parseArgs(argv: readonly string[], spec: CommandFlags): ParsedArgs {
	const out: ParsedArgs = { positional: [], flags: new Map(), request: [], help: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? "";
		if (arg === "--") {
			out.positional.push(...argv.slice(i + 1));
			break;
		}
		if (arg === "-h" || arg === "--help") {
			out.help = true;
			continue;
		}
		if (!arg.startsWith("--") || arg === "--") {
			if (arg.startsWith("-") && arg.length > 1 && !/^-\d/.test(arg)) throw new UsageError(`unknown option ${shown(arg)}; options start with --`);
			out.positional.push(arg);
			continue;
		}
		const eq = arg.indexOf("=");
		const name = arg.slice(2, eq >= 0 ? eq : undefined);
		const own = spec.booleans.find((b) => keyOf(b) === keyOf(name)) ?? spec.values.find((v) => keyOf(v) === keyOf(name));
		const found = own === undefined ? findField(name, "cli") : undefined;
		const field = found && spec.request.includes(found.key) ? found : undefined;
		if (own === undefined && field === undefined) {
			const guess = closest(name, spec.known);
			throw new UsageError(`unknown option --${shown(name)}${guess ? `; did you mean --${guess}?` : ""}`);
		}
		if (own !== undefined && spec.booleans.includes(own)) {
			if (eq >= 0) throw new UsageError(`--${own} takes no value`);
			out.flags.set(own, true);
			continue;
		}
		const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
		const label = own ?? field?.name ?? name;
		if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`--${label} needs a value`);
		if (own !== undefined) {
			const list = out.flags.get(own);
			if (Array.isArray(list)) {
				if (!spec.repeatable?.includes(own)) throw new UsageError(`--${own} is given twice`);
				list.push(value);
			} else out.flags.set(own, [value]);
		} else out.request.push({ key: name, value });
	}
	return out;
}

export function flagValues(a: ParsedArgs, name: string): string[] {
	const v = a.flags.get(name);
	return Array.isArray(v) ? v : [];
}

/** An argument echoed in a message: bounded, one line. */
function shown(s: string): string {
	const one = s.replace(/[\r\n\t]/g, " ");
	return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}
