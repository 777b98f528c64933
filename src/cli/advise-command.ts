/**
 * `gpufit advise`: scaling advice for a rig and a workload, or for a note (its `gpufit` property, blocks and
 * mentions). `--note PATH --write` updates the note exactly as the plugin's "Recompute scaling advice" command does:
 * the same pure write-back, so the same bytes.
 */
import { readFile, writeFile } from "node:fs/promises";
import { loadCatalog, type Catalog } from "../estimator/catalog";
import {
	adviceMarkdown, applyAdvice, computeAdvice, describeWrite, localToday, noteAdviceRequest, parseBudget, parseDay,
	parsePolicy, PRECISION_POLICIES, withoutAdviceSection, type AdviceRequest, type NoteFacts, type PrecisionPolicy, type WorkloadInput,
} from "../estimator/advice/index";
import { parseField } from "../estimator/request";
import { VaultIndex } from "../vault/index";
import { UsageError } from "./args";
import type { Io } from "./io";

export const ADVISE_USAGE = `usage: gpufit advise --gpu NAME --count N [--model A --model B ...] [--context T] [--concurrency U]
                     [--policy released|bf16|fp8|int4] [--budget USD] [--date YYYY-MM-DD] [--json]
       gpufit advise --note PATH [--write] [same options: they override the note's gpufit property]`;

const VALUE_FLAGS = ["gpu", "count", "model", "context", "concurrency", "policy", "budget", "date", "note"];
const BOOL_FLAGS = ["json", "write", "help"];

interface AdviseArgs {
	values: Map<string, string>;
	models: string[];
	bools: Set<string>;
}

/** Strict parsing; `--model` may repeat (two copies of one model = two --model flags). */
function parse(argv: string[]): AdviseArgs {
	const values = new Map<string, string>();
	const models: string[] = [];
	const bools = new Set<string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] ?? "";
		if (arg === "-h") { bools.add("help"); continue; }
		if (!arg.startsWith("--")) throw new UsageError(`unexpected argument "${arg}"`);
		const eq = arg.indexOf("=");
		const name = arg.slice(2, eq >= 0 ? eq : undefined);
		if (BOOL_FLAGS.includes(name)) {
			if (eq >= 0) throw new UsageError(`--${name} takes no value`);
			bools.add(name);
			continue;
		}
		if (!VALUE_FLAGS.includes(name)) throw new UsageError(`unknown option --${name}`);
		const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
		if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
		if (name === "model") { models.push(value); continue; }
		if (values.has(name)) throw new UsageError(`--${name} given twice`);
		values.set(name, value);
	}
	return { values, models, bools };
}

/** A whole-number request flag, read by the request fields the block and `gpufit fit` use (32k, 1m, 32_768). */
function positive(text: string | undefined, flag: "count" | "context" | "concurrency"): number | undefined {
	if (text === undefined) return undefined;
	const r = parseField(flag, text, "cli");
	if (!r.ok) throw new UsageError(r.message);
	return r.value;
}

/** What the vault parser sees in one note (the plugin reads the same through its index). */
export function noteFactsOf(catalog: Catalog, path: string, text: string): NoteFacts {
	const index = new VaultIndex({ catalog });
	// The managed section is the advice's own output: never read it back as part of the question.
	index.upsert(path, withoutAdviceSection(text));
	const workload = index.workloadOf(path);
	const blocks = workload.blocks.flatMap((b) => (b.spec ? [b.spec] : []));
	const inBlocks = new Set(blocks.flatMap((b) => b.models).map((m) => catalog.models.get(m)?.id));
	return {
		properties: index.parsed(path)?.properties ?? {},
		blocks,
		mentionedModels: workload.models.filter((id) => !inBlocks.has(id)),
	};
}

export async function runAdviseCommand(argv: string[], io: Io): Promise<number> {
	const args = parse(argv);
	if (args.bools.has("help")) { io.stdout(`${ADVISE_USAGE}\n`); return 0; }
	const v = args.values;
	const date = v.has("date") ? parseDay(v.get("date") ?? "") : localToday();
	if (!date) throw new UsageError(`--date must be a calendar day like 2026-11-29, got "${v.get("date") ?? ""}"`);
	let policy: PrecisionPolicy | undefined;
	if (v.has("policy")) {
		policy = parsePolicy(v.get("policy") ?? "");
		if (!policy) throw new UsageError(`--policy must be one of ${PRECISION_POLICIES.join(", ")}, got "${v.get("policy") ?? ""}"`);
	}
	let budget: number | undefined;
	if (v.has("budget")) {
		budget = parseBudget(v.get("budget"));
		if (budget === undefined) throw new UsageError(`--budget must be an amount in US dollars, got "${v.get("budget") ?? ""}"`);
	}
	const count = positive(v.get("count"), "count");
	if (count !== undefined && count > 64) throw new UsageError(`--count must be at most 64, got "${v.get("count") ?? ""}"`);
	const context = positive(v.get("context"), "context");
	const concurrency = positive(v.get("concurrency"), "concurrency");
	const gpu = v.get("gpu");
	const note = v.get("note");
	if (args.bools.has("write") && !note) throw new UsageError("--write needs --note PATH");
	// The same model named twice is two copies resident at once (two fine-tuned variants of one base).
	const copies = new Map<string, number>();
	for (const m of args.models) copies.set(m, (copies.get(m) ?? 0) + 1);
	const extra: WorkloadInput[] = [...copies].map(([model, n]) => ({
		model, source: "request", copies: n, ...(context !== undefined ? { context } : {}), ...(concurrency !== undefined ? { users: concurrency } : {}),
	}));

	const catalog = loadCatalog();
	let request: AdviceRequest;
	let text: string | undefined;
	if (note) {
		try {
			text = await readFile(note, "utf8");
		} catch {
			io.stderr(`gpufit: cannot read ${note}\n`);
			return 2;
		}
		const built = noteAdviceRequest(noteFactsOf(catalog, note, text), { date }, {
			...(gpu !== undefined || count !== undefined ? { rig: { ...(gpu !== undefined ? { gpu } : {}), ...(count !== undefined ? { count } : {}) } } : {}),
			...(policy ? { policy } : {}), ...(budget !== undefined ? { budgetUsd: budget } : {}), ...(context !== undefined ? { context } : {}), extra,
		});
		for (const issue of built.issues) io.stderr(`gpufit: ${note}: ${issue}\n`);
		if (!built.request) {
			io.stderr("gpufit: pass --gpu NAME (and --count N) or add a gpufit property to the note\n");
			return 2;
		}
		request = built.request;
	} else {
		if (!gpu) throw new UsageError("--gpu is required (or --note PATH)");
		if (count === undefined) throw new UsageError("--count is required");
		if (args.models.length === 0) throw new UsageError("name at least one --model");
		request = { rig: { gpu, count }, workload: extra, date, ...(policy ? { policy } : {}), ...(budget !== undefined ? { budgetUsd: budget } : {}), ...(context !== undefined ? { defaultContext: context } : {}) };
	}

	const advice = computeAdvice(catalog, request);
	if (!advice.ok) {
		io.stderr(`gpufit: ${advice.error.message}\n`);
		return 2;
	}
	const section = adviceMarkdown(advice.value);
	if (args.bools.has("write") && note && text !== undefined) {
		const result = applyAdvice(text, section, { advice: advice.value.recommendation.label, updated: advice.value.date });
		if (result.status === "written") await writeFile(note, result.text, "utf8");
		const line = describeWrite(note, result, advice.value.recommendation.label);
		if (result.status === "damaged" || result.status === "invalid-frontmatter") {
			io.stderr(`gpufit: ${line}\n`);
			return 1;
		}
		io.stdout(`${line}\n`);
		return 0;
	}
	io.stdout(args.bools.has("json") ? `${JSON.stringify(advice.value, null, 2)}\n` : `${section}\n`);
	return 0;
}
