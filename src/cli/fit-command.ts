/** `gpufit fit`: the fit table for one model on one GPU setup, as a readable table or JSON. */
import { buildCatalog, loadCatalog, type Catalog } from "../estimator/catalog";
import { readFileSync } from "node:fs";
import { parseCatalogText } from "../estimator/user-catalog";
import { computeFitTable } from "../estimator/fit";
import type { FitTable } from "../estimator/types";
import { whyText } from "../estimator/why-text";
import { ENGINE_IDS, KV_DTYPES, SPLIT_MODES, type EngineId, type KvDtype, type SplitMode } from "../estimator/types";
import { intFlag, parseArgs, stringFlag, UsageError } from "./args";
import type { Io } from "./io";

export const FIT_USAGE = "usage: gpufit fit --model NAME --gpu NAME [--count N] [--split tensor|layer|replica] [--context TOKENS] [--concurrency N] [--engine vllm|llama.cpp|transformers] [--quant a,b,...] [--kv-dtype D] [--catalog FILE.json|yaml] [--why] [--json]";

function oneOf<T extends string>(value: string | undefined, options: readonly T[], flag: string): T | undefined {
	if (value === undefined) return undefined;
	const hit = options.find((o) => o === value.toLowerCase());
	if (!hit) throw new UsageError(`--${flag} must be one of ${options.join(", ")}, got "${value}"`);
	return hit;
}

export function runFitCommand(argv: string[], io: Io): number {
	const args = parseArgs(argv, ["model", "gpu", "count", "split", "context", "concurrency", "engine", "quant", "kv-dtype", "gpu-memory-utilization", "catalog"], ["json", "why"]);
	if (args.positional.length > 0) throw new UsageError(`unexpected argument "${args.positional[0] ?? ""}"`);
	const model = stringFlag(args, "model");
	const gpu = stringFlag(args, "gpu");
	if (!model) throw new UsageError("--model is required");
	if (!gpu) throw new UsageError("--gpu is required");
	const utilText = stringFlag(args, "gpu-memory-utilization");
	const util = utilText === undefined ? undefined : Number(utilText);
	if (util !== undefined && !(util > 0 && util <= 1)) throw new UsageError("--gpu-memory-utilization must be in (0, 1]");
	const quant = stringFlag(args, "quant")?.split(",").map((s) => s.trim()).filter(Boolean);

	const catalog = withUserCatalog(stringFlag(args, "catalog"), io);
	if (!catalog) return 2;
	const result = computeFitTable(catalog, {
		model, gpu,
		count: intFlag(args, "count"),
		split: oneOf<SplitMode>(stringFlag(args, "split"), SPLIT_MODES, "split"),
		context: intFlag(args, "context", true),
		concurrency: intFlag(args, "concurrency"),
		engine: oneOf<EngineId>(stringFlag(args, "engine"), ENGINE_IDS, "engine"),
		quant,
		kvDtype: oneOf<KvDtype>(stringFlag(args, "kv-dtype"), KV_DTYPES, "kv-dtype"),
		gpuMemoryUtilization: util,
	});
	if (!result.ok) {
		io.stderr(`gpufit: ${result.error.message}\n`);
		return 2;
	}
	if (args.flags.has("json")) {
		io.stdout(JSON.stringify(result.value, null, 2) + "\n");
	} else {
		io.stdout(formatFitTable(result.value, args.flags.has("why")));
	}
	return 0;
}

/** The built-in catalog, extended by a user file when given. Invalid entries are reported and skipped. */
export function withUserCatalog(file: string | undefined, io: Io): Catalog | undefined {
	const base = loadCatalog();
	if (!file) return base;
	let text: string;
	try {
		text = readFileSync(file, "utf8");
	} catch (e) {
		io.stderr(`gpufit: cannot read catalog file ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
		return undefined;
	}
	const parsed = parseCatalogText(text, file);
	const { catalog, issues } = buildCatalog(parsed.additions, base);
	for (const i of [...parsed.issues, ...issues]) io.stderr(`gpufit: ${file}: ${i.path}: ${i.message} (entry skipped)\n`);
	return catalog;
}

/** Right-aligned plain-text table with a header, then notes and per-row warnings. */
export function formatFitTable(t: FitTable, why: boolean): string {
	const header = ["format", "bits", "weights", "KV", "overhead", "per GPU", "usable", "fits", "headroom", "max seqs", "support", "decode t/s", "aggregate", "prefill t/s"];
	const rows = t.rows.map((r) => [
		r.formatName, r.bitsPerWeight.toFixed(2), `${r.weightsPerGpuGiB.toFixed(1)}`, r.kvCachePerGpuGiB.toFixed(1), r.overheadGiB.toFixed(1),
		r.perGpuGiB.toFixed(1), r.usableGiBPerGpu.toFixed(1), r.verdict === "fits" ? "yes" : "no", r.headroomGiB.toFixed(1),
		String(r.maxConcurrentSequences), r.support, r.decodeTokensPerSecond.toFixed(1), r.aggregateDecodeTokensPerSecond.toFixed(1), String(r.prefillTokensPerSecond),
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
	const out: string[] = [];
	out.push(`${t.model} on ${t.count} × ${t.gpu} (${t.engine}${t.count > 1 ? `, ${t.split} split` : ""}), ${t.context} tokens × ${t.concurrency} sequence${t.concurrency > 1 ? "s" : ""}, KV ${t.kvDtype}. Memory in GiB per GPU.`);
	out.push(line(header));
	out.push(widths.map((w) => "-".repeat(w)).join("  "));
	for (const r of rows) out.push(line(r));
	for (const n of t.notes) out.push(`note: ${n}`);
	for (const r of t.rows) for (const w of r.warnings) out.push(`${r.formatName}: ${w}`);
	// One line per distinct reason: a GGUF ladder shares one.
	const reasons = new Map<string, string[]>();
	for (const r of t.rows) if (r.support === "emulated") reasons.set(r.supportReason, [...(reasons.get(r.supportReason) ?? []), r.formatName]);
	for (const [reason, names] of reasons) out.push(`${names.join(", ")} (emulated): ${reason}`);
	// The same text as the block's "why" panel.
	if (why) for (const r of t.rows) out.push("", whyText(t, r));
	return out.join("\n") + "\n";
}
