/** `gpufit fit`: the fit table for a model on a GPU setup, as a readable table (≤ 100 columns) or JSON. */
import { computeFitTable } from "../estimator/fit";
import {
	FIELDS, LIMITS, TABLE_COLUMNS, fieldNames, formatCount, parseRequest, plural, type ColumnId, type RequestSpec, type ShowKeyword,
} from "../estimator/request";
import type { FitRequest, FitRow, FitTable } from "../estimator/types";
import { supportLabel } from "../estimator/verdict";
import { whyLines } from "../estimator/why-text";
import { flagValues, parseArgs, UsageError, type CommandFlags } from "./args";
import { loadCatalogs } from "./catalogs";
import { withImportedModel } from "./hf-model";
import type { Io } from "./io";
import { TEXT_WIDTH, textTable, wrap, type TextColumn } from "./text";

const OWN = { booleans: ["json", "why", "wide"], values: ["catalog"] } as const;

export const FIT_FLAGS: CommandFlags = {
	...OWN, repeatable: ["catalog"], request: FIELDS.filter((f) => f.surfaces.includes("cli")).map((f) => f.key),
	known: [...fieldNames("cli"), ...OWN.booleans, ...OWN.values],
};


/** The one-line synopsis, from the request fields: a new field shows up here by itself. */
export function fitUsage(): string {
	const fields = FIELDS.filter((f) => f.surfaces.includes("cli"));
	const flag = (f: (typeof fields)[number]) => `--${f.name} ${f.metavar}`;
	const required = fields.filter((f) => f.key === "models" || f.key === "gpus").map(flag);
	const optional = fields.filter((f) => f.key !== "models" && f.key !== "gpus").map((f) => `[${flag(f)}]`);
	return `usage: gpufit fit ${[...required, ...optional, "[--catalog FILE]...", "[--why]", "[--wide]", "[--json]"].join(" ")}`;
}

function fitHelp(): string {
	const lines = [wrap(fitUsage(), TEXT_WIDTH, 6), "", "Request (the same keys and values as a gpufit block; other spellings in parentheses):"];
	for (const f of FIELDS.filter((x) => x.surfaces.includes("cli"))) {
		const also = f.aliases.length > 0 ? ` (${f.aliases.map((a) => `--${a}`).join(", ")})` : "";
		const values = f.options ? `: ${f.options.join(", ")}` : "";
		lines.push(wrap(`  --${f.name} ${f.metavar}${also}  ${f.label}${values}`, TEXT_WIDTH, 6));
	}
	lines.push(
		"Output:",
		"  --catalog FILE  add GPUs / models / formats from a JSON or YAML file (repeatable)",
		"  --why           how every figure was computed",
		"  --wide          every column, no width limit (default: the key columns in 100 characters)",
		"  --json          the fit table as JSON",
	);
	return `${lines.join("\n")}\n`;
}

export async function runFitCommand(argv: string[], io: Io): Promise<number> {
	const args = parseArgs(argv, FIT_FLAGS);
	if (args.help) {
		io.stdout(fitHelp());
		return 0;
	}
	if (args.positional.length > 0) throw new UsageError(`unexpected argument "${args.positional[0] ?? ""}" (flags start with --)`);
	const { spec, issues } = parseRequest(args.request, "cli");
	if (issues.length > 0) throw new UsageError(issues.map((i) => i.message).join(" "));
	if (!spec.models) throw new UsageError("--model is required");
	if (!spec.gpus) throw new UsageError("--gpu is required");
	const pairs = spec.models.length * spec.gpus.length;
	if (pairs > LIMITS.pairs) throw new UsageError(`${formatCount(pairs)} model × GPU pairs asked; at most ${LIMITS.pairs}`);

	const catalog = loadCatalogs(flagValues(args, "catalog"), io);
	if (!catalog) return 2;
	const tables: FitTable[] = [];
	let failed = false;
	for (const model of spec.models) {
		// hf:Org/Name, ./config.json and ./model.gguf are imported into the catalog first (src/cli/hf-model.ts).
		const imported = await withImportedModel(model, catalog, io);
		if (!imported) {
			failed = true;
			continue;
		}
		// A GGUF file is llama.cpp's: its engine and its own format unless the flags say otherwise.
		const fromFile: Partial<RequestSpec> = imported.ggufFormat !== undefined
			? { engine: spec.engine ?? "llama.cpp", ...(spec.quant ? {} : imported.ggufFormat ? { quant: [imported.ggufFormat] } : {}) }
			: {};
		for (const gpu of spec.gpus) {
			const result = computeFitTable(imported.catalog, requestFor({ ...spec, ...fromFile }, imported.name, gpu));
			if (result.ok) tables.push(result.value);
			else {
				failed = true;
				io.stderr(`gpufit: ${result.error.message}\n`);
			}
		}
	}
	if (args.flags.has("json")) {
		if (tables.length > 0) io.stdout(JSON.stringify(pairs === 1 ? tables[0] : tables, null, 2) + "\n");
	} else {
		const opts = { why: args.flags.has("why"), wide: args.flags.has("wide"), ...(spec.show ? { show: spec.show } : {}) };
		io.stdout(tables.map((t) => formatFitTable(t, opts)).join("\n"));
	}
	return failed ? 2 : 0;
}

function requestFor(spec: Partial<RequestSpec>, model: string, gpu: string): FitRequest {
	const { count, split, engine, context, concurrency, quant, kvDtype, gpuMemoryUtilization, backend, engineVersion } = spec;
	return {
		model, gpu,
		...(backend !== undefined ? { backend } : {}),
		...(engineVersion !== undefined ? { engineVersion } : {}),
		...(count !== undefined ? { count } : {}),
		...(split !== undefined ? { split } : {}),
		...(engine !== undefined ? { engine } : {}),
		...(context !== undefined ? { context } : {}),
		...(concurrency !== undefined ? { concurrency } : {}),
		...(quant !== undefined ? { quant } : {}),
		...(kvDtype !== undefined ? { kvDtype } : {}),
		...(gpuMemoryUtilization !== undefined ? { gpuMemoryUtilization } : {}),
	};
}


interface CliColumn extends TextColumn {
	/** `concurrency`: the sequences the table asked for. */
	cell: (r: FitRow, concurrency: number) => string;
}

/** A row that cannot run even one sequence at this context: its speeds and sequence count are not numbers. */
const runs = (r: FitRow) => r.maxConcurrentSequences > 0;
const NONE = "—";
const gib = (x: number) => x.toFixed(1);
const signed = (x: number) => (x >= 0 ? `+${x.toFixed(1)}` : `−${(-x).toFixed(1)}`);

/** The verdict in a few plain words (the block marks it with a symbol; a terminal table keeps to text). */
function verdictWords(r: FitRow, concurrency: number): string {
	switch (r.verdict) {
		case "fits": return "fits";
		case "fits-fewer-sequences": return `${formatCount(r.maxConcurrentSequences)} of ${formatCount(concurrency)} fit`;
		case "out-of-memory": return "out of memory";
		case "unsupported": return "unsupported";
	}
}

/** Every table column as the CLI prints it; `Record` makes the type checker insist on each column id. */
const CLI_COLUMNS: Record<ColumnId, CliColumn> = {
	format: { header: "format", align: "left", shrink: true, cell: (r) => r.formatName },
	bits: { header: "bits", align: "right", cell: (r) => r.bitsPerWeight.toFixed(2) },
	weights: { header: "weights", align: "right", cell: (r) => gib(r.weightsPerGpuGiB) },
	kv: { header: "KV", align: "right", cell: (r) => gib(r.kvCachePerGpuGiB) },
	overhead: { header: "overhead", align: "right", cell: (r) => gib(r.overheadGiB) },
	total: { header: "per GPU", align: "right", cell: (r) => gib(r.perGpuGiB) },
	verdict: { header: "verdict", align: "left", cell: verdictWords },
	headroom: { header: "free GiB", align: "right", cell: (r) => signed(r.headroomGiB) },
	sessions: { header: "sessions", align: "right", cell: (r) => (runs(r) ? formatCount(r.maxConcurrentSequences) : NONE) },
	support: { header: "support", align: "left", cell: (r) => supportLabel(r.support) },
	decode: { header: "decode t/s", align: "right", cell: (r) => (runs(r) ? r.decodeTokensPerSecond.toFixed(1) : NONE) },
	aggregate: { header: "aggregate", align: "right", cell: (r) => (runs(r) ? r.aggregateDecodeTokensPerSecond.toFixed(1) : NONE) },
	prefill: { header: "prefill t/s", align: "right", cell: (r) => (runs(r) ? formatCount(r.prefillTokensPerSecond) : NONE) },
};

/** What fits in 100 characters: the answer (memory, verdict, free memory, sessions, speed); the rest with --wide or --show. */
const CLI_DEFAULT_COLUMNS: readonly ColumnId[] = ["format", "total", "verdict", "headroom", "sessions", "support", "decode", "prefill"];

interface FitTextOptions {
	why: boolean;
	wide: boolean;
	show?: readonly ShowKeyword[];
}

function columnsFor(o: FitTextOptions): ColumnId[] {
	if (o.wide) return [...TABLE_COLUMNS];
	// In table order, format first, as the block does; "chart" has nothing to show here.
	const named = TABLE_COLUMNS.filter((id) => id !== "format" && (o.show ?? []).includes(id));
	return named.length > 0 ? ["format", ...named] : [...CLI_DEFAULT_COLUMNS];
}

/** The table, then notes, warnings (each once, naming the formats it concerns), support reasons and --why. */
function formatFitTable(t: FitTable, o: FitTextOptions): string {
	const width = o.wide ? Infinity : TEXT_WIDTH;
	const ids = columnsFor(o);
	const cols = ids.map((id) => CLI_COLUMNS[id]);
	const out: string[] = [];
	const usable = t.rows[0]?.usableGiBPerGpu;
	const setup = `${t.count} × ${t.gpu} (${t.engine}${t.count > 1 ? `, ${t.split} split` : ""})`;
	out.push(wrap(`${t.model} on ${setup}, ${formatCount(t.context)} tokens × ${plural(t.concurrency, "sequence")}, KV ${t.kvDtype}. Memory in GiB per GPU${usable !== undefined ? ` (${usable.toFixed(1)} usable)` : ""}.`, width));
	out.push(textTable(cols, t.rows.map((r) => cols.map((c) => c.cell(r, t.concurrency))), width).trimEnd());
	for (const n of t.notes) out.push(wrap(`note: ${n}`, width));
	for (const [text, names] of grouped(t.rows, (r) => r.warnings)) {
		out.push(wrap(names.length === t.rows.length && t.rows.length > 1 ? `warning (all formats): ${text}` : `${names.join(", ")}: ${text}`, width));
	}
	for (const [reason, names] of grouped(t.rows, (r) => (r.support === "emulated" ? [r.supportReason] : []))) {
		out.push(wrap(`${names.join(", ")} (${supportLabel("emulated")}): ${reason}`, width));
	}
	// The estimator's shared why text (the block's why panel shows and copies the same), each line wrapped to the page.
	if (o.why) for (const r of t.rows) out.push("", ...whyLines(t, r).map((line) => wrap(line, width, 6)));
	return out.join("\n") + "\n";
}

/** Each distinct text once, with the names of the rows that carry it, in first-seen order. */
function grouped(rows: readonly FitRow[], texts: (r: FitRow) => readonly string[]): Map<string, string[]> {
	const m = new Map<string, string[]>();
	for (const r of rows) {
		for (const text of new Set(texts(r))) {
			const names = m.get(text);
			if (names) names.push(r.formatName);
			else m.set(text, [r.formatName]);
		}
	}
	return m;
}
