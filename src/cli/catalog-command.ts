/** `gpufit list` (what the catalog knows) and `gpufit support` (format × engine verdicts for one GPU, with reasons). */
import { architectureOf, resolveGpu } from "../estimator/catalog";
import { parseRequest } from "../estimator/request";
import { formatSupport } from "../estimator/support";
import { ENGINE_IDS } from "../estimator/types";
import { flagValues, parseArgs, UsageError, type CommandFlags } from "./args";
import { loadCatalogs } from "./catalogs";
import type { Io } from "./io";
import { TEXT_WIDTH, textTable, wrap, type TextColumn } from "./text";

export const LIST_USAGE = "usage: gpufit list gpus|models|formats|architectures [--catalog FILE]... [--wide] [--json]";
export const SUPPORT_USAGE = "usage: gpufit support --gpu NAME [--engine vllm|llama.cpp|transformers] [--catalog FILE]... [--wide] [--json]";

const LIST_FLAGS: CommandFlags = { booleans: ["json", "wide"], values: ["catalog"], repeatable: ["catalog"], request: [], known: ["json", "wide", "catalog"] };
const SUPPORT_FLAGS: CommandFlags = {
	booleans: ["json", "wide"], values: ["catalog"], repeatable: ["catalog"], request: ["gpus", "engine"], known: ["gpu", "engine", "json", "wide", "catalog"],
};

type Row = Record<string, string | number>;

interface ListColumn extends TextColumn {
	key: string;
	/** Shown only with --wide (the default keeps to 100 characters). */
	wideOnly?: boolean;
}

const col = (key: string, align: "left" | "right" = "left", shrink = false, wideOnly = false): ListColumn => ({ key, header: key, align, shrink, wideOnly });

export function runListCommand(argv: string[], io: Io): number {
	const args = parseArgs(argv, LIST_FLAGS);
	if (args.help) {
		io.stdout(`${wrap(LIST_USAGE, TEXT_WIDTH, 6)}\n`);
		return 0;
	}
	const what = args.positional[0];
	if (args.positional.length > 1) throw new UsageError(`list one thing at a time (got ${args.positional.length} arguments)`);
	if (what === undefined || !["gpus", "models", "formats", "architectures"].includes(what)) {
		throw new UsageError(what === undefined ? "list what? gpus, models, formats or architectures" : `cannot list "${what.slice(0, 40)}"; gpus, models, formats or architectures`);
	}
	const catalog = loadCatalogs(flagValues(args, "catalog"), io);
	if (!catalog) return 2;
	let rows: Row[];
	let cols: ListColumn[];
	switch (what) {
		case "gpus":
			rows = catalog.gpus.all().map((g) => ({
				id: g.id, name: g.name, memoryGiB: +g.memory.usableGiB.toFixed(2), memoryType: g.memory.type, bandwidthGBs: g.bandwidthGBs,
				architecture: g.architecture, availability: g.availability.status + (g.availability.expected ? ` (${g.availability.expected})` : ""),
			}));
			cols = [col("id"), col("name", "left", true), col("memoryGiB", "right"), col("memoryType", "left", false, true), col("bandwidthGBs", "right"), col("architecture", "left", true, true), col("availability", "left", true)];
			break;
		case "models":
			rows = catalog.models.all().map((m) => ({ id: m.id, name: m.name, family: m.family, layers: m.layers, maxContext: m.maxContext, aliases: m.aliases.join(", ") }));
			cols = [col("id"), col("name", "left", true), col("family", "left", true), col("layers", "right"), col("maxContext", "right"), col("aliases", "left", true)];
			break;
		case "formats":
			rows = catalog.formats.all().map((f) => ({ id: f.id, name: f.name, bitsPerWeight: +f.bitsPerWeight.toFixed(3), engines: f.engines.join(", ") }));
			cols = [col("id"), col("name", "left", true), col("bitsPerWeight", "right"), col("engines", "left", true)];
			break;
		default:
			rows = catalog.architectures.all().map((a) => ({ id: a.id, name: a.name, targets: a.targets.join(", "), nativeMath: a.nativeMath.join(", ") }));
			cols = [col("id"), col("name", "left", true), col("targets", "left", true), col("nativeMath", "left", true)];
	}
	const wide = args.flags.has("wide");
	if (!wide) cols = cols.filter((c) => !c.wideOnly);
	if (args.flags.has("json")) io.stdout(JSON.stringify(rows, null, 2) + "\n");
	else io.stdout(textTable(cols, rows.map((r) => cols.map((c) => String(r[c.key] ?? ""))), wide ? Infinity : TEXT_WIDTH));
	return 0;
}

export function runSupportCommand(argv: string[], io: Io): number {
	const args = parseArgs(argv, SUPPORT_FLAGS);
	if (args.help) {
		io.stdout(`${wrap(SUPPORT_USAGE, TEXT_WIDTH, 6)}\n`);
		return 0;
	}
	if (args.positional.length > 0) throw new UsageError(`unexpected argument "${(args.positional[0] ?? "").slice(0, 40)}" (name the GPU with --gpu)`);
	const { spec, issues } = parseRequest(args.request, "cli");
	if (issues.length > 0) throw new UsageError(issues.map((i) => i.message).join(" "));
	const name = spec.gpus?.[0];
	if (name === undefined) throw new UsageError("--gpu is required");
	if ((spec.gpus?.length ?? 0) > 1) throw new UsageError("--gpu takes one GPU here");
	const catalog = loadCatalogs(flagValues(args, "catalog"), io);
	if (!catalog) return 2;
	const gpu = resolveGpu(catalog, name);
	if (!gpu.ok) {
		io.stderr(`gpufit: ${gpu.error.message}\n`);
		return 2;
	}
	const arch = architectureOf(catalog, gpu.value);
	const engines = spec.engine ? [spec.engine] : ENGINE_IDS;
	const verdicts = catalog.formats.all().map((f) => ({ format: f.id, byEngine: engines.map((e) => formatSupport(f, gpu.value, arch, e)) }));
	if (args.flags.has("json")) {
		const rows = verdicts.map((v) => Object.fromEntries([["format", v.format], ...engines.map((e, i) => [e, v.byEngine[i]])]) as Record<string, unknown>);
		io.stdout(JSON.stringify({ gpu: gpu.value.name, architecture: arch.name, rows }, null, 2) + "\n");
		return 0;
	}
	// Each distinct reason once, numbered in order of appearance; cells point at it.
	const reasons = new Map<string, number>();
	const ref = (reason: string) => {
		let n = reasons.get(reason);
		if (n === undefined) reasons.set(reason, (n = reasons.size + 1));
		return n;
	};
	const rows = verdicts.map((v) => [v.format, ...v.byEngine.map((s) => `${s.level} [${ref(s.reason)}]`)]);
	const width = args.flags.has("wide") ? Infinity : TEXT_WIDTH;
	const cols: TextColumn[] = [{ header: "format", align: "left", shrink: true }, ...engines.map((e): TextColumn => ({ header: e, align: "left" }))];
	const out = [wrap(`${gpu.value.name} (${arch.name}, ${arch.targets.join("/")})`, width), textTable(cols, rows, width).trimEnd(), "Reasons:"];
	for (const [reason, n] of reasons) out.push(wrap(`[${n}] ${reason}`, width, 4));
	io.stdout(`${out.join("\n")}\n`);
	return 0;
}
