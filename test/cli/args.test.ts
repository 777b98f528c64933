/**
 * The CLI's argument parser on its own (found by mutation testing: the command tests reached it only through a few
 * paths): `--`, help, short options, negative numbers, `--flag=value`, booleans with values, missing values,
 * repeated flags, request fields, and how a bad argument is echoed.
 */
import { describe, expect, it } from "vitest";
import { parseArgs, flagValues, UsageError, type CommandFlags } from "../../src/cli/args";

const SPEC: CommandFlags = { booleans: ["json", "why"], values: ["catalog", "date"], repeatable: ["catalog"], request: ["models", "context", "gpus"], known: ["json", "why", "catalog", "date", "model", "context", "gpu"] };
const parse = (...argv: string[]) => parseArgs(argv, SPEC);
const error = (...argv: string[]): string => {
	try {
		parse(...argv);
	} catch (e) {
		expect(e).toBeInstanceOf(UsageError);
		return (e as Error).message;
	}
	return "no error";
};

describe("gpufit's argument parser", () => {
	it("everything after -- is positional, options included", () => {
		expect(parse("a", "--", "--json", "-x").positional).toEqual(["a", "--json", "-x"]);
		expect(parse("--", "--json").flags.size).toBe(0);
	});

	it("-h and --help ask for help wherever they are, and parsing goes on", () => {
		expect(parse("-h").help).toBe(true);
		expect(parse("x", "--help", "--json").help).toBe(true);
		expect(parse("x", "--help", "--json").flags.get("json")).toBe(true);
		expect(parse("x").help).toBe(false);
	});

	it("a single dash and negative numbers are positional; other short options are refused", () => {
		expect(parse("-", "-5", "-0.5").positional).toEqual(["-", "-5", "-0.5"]);
		expect(error("-j")).toBe("unknown option -j; options start with --");
		expect(error("-json")).toBe("unknown option -json; options start with --");
		expect(error("-x-5")).toBe("unknown option -x-5; options start with --");
	});

	it("--flag=value and --flag value; booleans take none", () => {
		expect(flagValues(parse("--date=2026-11-29"), "date")).toEqual(["2026-11-29"]);
		expect(flagValues(parse("--date", "2026-11-29"), "date")).toEqual(["2026-11-29"]);
		expect(flagValues(parse("--date=a=b"), "date")).toEqual(["a=b"]);
		expect(flagValues(parse("--date="), "date")).toEqual([""]);
		expect(error("--json=yes")).toBe("--json takes no value");
		expect(parse("--json").flags.get("json")).toBe(true);
	});

	it("a missing value is an error, and so is a value that is the next option (unless given with =)", () => {
		expect(error("--date")).toBe("--date needs a value");
		expect(error("--date", "--json")).toBe("--date needs a value");
		expect(error("--context")).toBe("--context needs a value");
		// Named by the field's own name, whatever spelling was typed.
		expect(error("--ctx")).toBe("--context needs a value");
		expect(flagValues(parse("--date=--json"), "date")).toEqual(["--json"]);
		expect(flagValues(parse("--date", "-5"), "date")).toEqual(["-5"]);
	});

	it("own flags given twice: an error unless repeatable", () => {
		expect(flagValues(parse("--catalog", "a.json", "--catalog=b.yaml"), "catalog")).toEqual(["a.json", "b.yaml"]);
		expect(error("--date", "x", "--date", "y")).toBe("--date is given twice");
	});

	it("request fields in any spelling the estimator takes, in order, as the user spelled the key", () => {
		const a = parse("--model", "Qwen3-8B", "--ctx=32k", "--model", "Llama-3.1-8B");
		expect(a.request).toEqual([{ key: "model", value: "Qwen3-8B" }, { key: "ctx", value: "32k" }, { key: "model", value: "Llama-3.1-8B" }]);
		expect(flagValues(a, "model")).toEqual([]);
	});

	it("a request field this command does not take is an unknown option, with a guess", () => {
		expect(error("--kv-dtype", "fp8")).toMatch(/^unknown option --kv-dtype/);
		expect(error("--jsn")).toBe("unknown option --jsn; did you mean --json?");
		expect(error("--zzzzzzzz")).toBe("unknown option --zzzzzzzz");
	});

	it("a bad argument is echoed on one line, at most 60 characters", () => {
		expect(error(`--${"a".repeat(100)}`)).toBe(`unknown option --${"a".repeat(59)}…`);
		expect(error(`--${"a".repeat(60)}`)).toBe(`unknown option --${"a".repeat(60)}`);
		expect(error("-x\ny\tz")).toBe("unknown option -x y z; options start with --");
	});
});
