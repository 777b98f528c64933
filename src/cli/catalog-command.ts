/** `gpufit list` (what the catalog knows) and `gpufit support` (format × engine verdicts for one GPU). */
import { architectureOf, resolveGpu } from "../estimator/catalog";
import { formatSupport } from "../estimator/support";
import { ENGINE_IDS } from "../estimator/types";
import { parseArgs, stringFlag, UsageError } from "./args";
import { withUserCatalog } from "./fit-command";
import type { Io } from "./io";

export const LIST_USAGE = "usage: gpufit list gpus|models|formats|architectures [--catalog FILE] [--json]";
export const SUPPORT_USAGE = "usage: gpufit support --gpu NAME [--catalog FILE] [--json]";

export function runListCommand(argv: string[], io: Io): number {
	const args = parseArgs(argv, ["catalog"], ["json"]);
	const what = args.positional[0];
	const catalog = withUserCatalog(stringFlag(args, "catalog"), io);
	if (!catalog) return 2;
	let rows: Record<string, unknown>[];
	switch (what) {
		case "gpus":
			rows = catalog.gpus.all().map((g) => ({
				id: g.id, name: g.name, memoryGiB: +g.memory.usableGiB.toFixed(2), memoryType: g.memory.type, bandwidthGBs: g.bandwidthGBs,
				architecture: g.architecture, availability: g.availability.status + (g.availability.expected ? ` (${g.availability.expected})` : ""),
			}));
			break;
		case "models":
			rows = catalog.models.all().map((m) => ({ id: m.id, name: m.name, family: m.family, layers: m.layers, maxContext: m.maxContext, aliases: m.aliases.join(", ") }));
			break;
		case "formats":
			rows = catalog.formats.all().map((f) => ({ id: f.id, name: f.name, bitsPerWeight: +f.bitsPerWeight.toFixed(3), engines: f.engines.join(", ") }));
			break;
		case "architectures":
			rows = catalog.architectures.all().map((a) => ({ id: a.id, name: a.name, targets: a.targets.join(", "), nativeMath: a.nativeMath.join(", ") }));
			break;
		default:
			throw new UsageError(`list what? ${LIST_USAGE}`);
	}
	io.stdout(args.flags.has("json") ? JSON.stringify(rows, null, 2) + "\n" : textTable(rows));
	return 0;
}

export function runSupportCommand(argv: string[], io: Io): number {
	const args = parseArgs(argv, ["gpu", "catalog"], ["json"]);
	const name = stringFlag(args, "gpu");
	if (!name) throw new UsageError("--gpu is required");
	const catalog = withUserCatalog(stringFlag(args, "catalog"), io);
	if (!catalog) return 2;
	const gpu = resolveGpu(catalog, name);
	if (!gpu.ok) {
		io.stderr(`gpufit: ${gpu.error.message}\n`);
		return 2;
	}
	const arch = architectureOf(catalog, gpu.value);
	const rows = catalog.formats.all().map((f) => {
		const row: Record<string, unknown> = { format: f.id };
		for (const e of ENGINE_IDS) {
			const s = formatSupport(f, gpu.value, arch, e);
			row[e] = args.flags.has("json") ? s : s.level;
		}
		return row;
	});
	if (args.flags.has("json")) io.stdout(JSON.stringify({ gpu: gpu.value.name, architecture: arch.name, rows }, null, 2) + "\n");
	else io.stdout(`${gpu.value.name} (${arch.name}, ${arch.targets.join("/")})\n` + textTable(rows));
	return 0;
}

function textTable(rows: Record<string, unknown>[]): string {
	const first = rows[0];
	if (!first) return "(none)\n";
	const cols = Object.keys(first);
	const show = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : v === undefined || v === null ? "" : JSON.stringify(v));
	const cells = rows.map((r) => cols.map((c) => show(r[c])));
	const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)));
	const line = (xs: string[]) => xs.map((x, i) => x.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
	return [line(cols), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n") + "\n";
}
