/**
 * A block's source + settings + catalog → the plain data the render layer draws. No DOM, no `obsidian`.
 */
import type { NoteFacts } from "../estimator/advice/index";
import { parseBlockSpec, type BlockSpec } from "../estimator/block-spec";
import { resolveGpu, type Catalog } from "../estimator/catalog";
import type { FitRequest, FitTable, Result } from "../estimator/types";
import type { BlockModel, RequestErrorView } from "../render/block";
import { blockAdvice } from "./advice/block-advice";
import { minBitsFor, type GpuFitSettings } from "./settings";

export type ComputeFit = (catalog: Catalog, request: FitRequest) => Result<FitTable>;

const MAX_PAIRS = 24;

function isRig(gpu: string): boolean {
	return gpu.trim().toLowerCase() === "mine";
}

/** The requests a valid spec stands for: every model × every GPU, rig defaults filled in. */
export function requestsFor(spec: BlockSpec, settings: GpuFitSettings): FitRequest[] {
	const rig = settings.rig;
	const gpus = spec.gpus.length > 0 ? spec.gpus : ["mine"];
	const out: FitRequest[] = [];
	for (const model of spec.models) {
		for (const g of gpus) {
			const mine = isRig(g);
			out.push({
				model,
				gpu: mine ? rig.gpu : g,
				// The rig's count applies to the rig; a named GPU is one card unless the block says otherwise.
				count: spec.count ?? (mine ? rig.count : 1),
				split: spec.split ?? rig.split,
				engine: spec.engine ?? rig.engine,
				...(spec.backend ? { backend: spec.backend } : {}),
				context: spec.context ?? rig.context,
				concurrency: spec.concurrency ?? 1,
				kvDtype: spec.kvDtype ?? rig.kvDtype,
				...(spec.quant ? { quant: spec.quant } : {}),
			});
		}
	}
	return out;
}

/**
 * Hide formats the precision policy rules out (only when the block names no `quant:`). The model's release format
 * always stays: "unquantized" means as released, so gpt-oss keeps its MXFP4 row and DeepSeek-V3 its FP8 row.
 */
export function applyPolicy(table: FitTable, settings: GpuFitSettings, releaseFormat?: string): FitTable {
	const min = minBitsFor(settings.precision);
	if (min <= 0) return table;
	const rows = table.rows.filter((r) => r.bitsPerWeight >= min || r.format === releaseFormat);
	if (rows.length === table.rows.length) return table;
	if (rows.length === 0) {
		return { ...table, notes: [...table.notes, "No format meets the precision policy; showing all formats."] };
	}
	const hidden = table.rows.length - rows.length;
	return {
		...table,
		rows,
		notes: [...table.notes, `${hidden} lower-precision format${hidden === 1 ? "" : "s"} hidden by the precision policy (settings).`],
	};
}

/** A block's parsed source: parsed once per block (its source never changes; an edit makes a new block). */
export type ParsedBlock = ReturnType<typeof parseBlockSpec>;

/** `noteFacts`: the block's note as the index sees it, for `show: advice` (asked only when a block wants advice). */
export function buildBlockModel(source: string, catalog: Catalog, settings: GpuFitSettings, compute: ComputeFit, noteFacts?: () => NoteFacts | undefined): BlockModel {
	return blockModelOf(parseBlockSpec(source), catalog, settings, compute, noteFacts);
}

export function blockModelOf(parsed: ParsedBlock, catalog: Catalog, settings: GpuFitSettings, compute: ComputeFit, noteFacts?: () => NoteFacts | undefined): BlockModel {
	const { spec, issues } = parsed;
	if (!spec) return { tables: [], requestErrors: [], specIssues: issues };
	// `show: advice` alone: the advice instead of the fit tables; with columns too: both.
	const advice = spec.show?.includes("advice") ? blockAdvice(spec, catalog, settings, noteFacts?.()) : undefined;
	if (advice && spec.show?.length === 1) return { tables: [], requestErrors: [], specIssues: [], advice };
	const requests = requestsFor(spec, settings);
	const tables: FitTable[] = [];
	const requestErrors: RequestErrorView[] = [];
	if (requests.length > MAX_PAIRS) {
		return { tables: [], requestErrors: [], specIssues: [{ message: `This block asks for ${requests.length} model × GPU pairs; at most ${MAX_PAIRS}. Split it into several blocks.` }] };
	}
	for (const request of requests) {
		let result: Result<FitTable>;
		try {
			result = compute(catalog, request);
		} catch (e) {
			result = { ok: false, error: { kind: "invalid-request", message: e instanceof Error ? e.message : String(e), suggestions: [] } };
		}
		if (result.ok) tables.push(spec.quant ? result.value : applyPolicy(result.value, settings, catalog.models.get(result.value.modelId)?.releaseFormat?.format));
		else {
			const what = requests.length > 1 || spec.gpus.length > 0 ? `${request.model} on ${request.gpu}` : request.model;
			requestErrors.push({ what, message: result.error.message, suggestions: result.error.suggestions });
		}
	}
	const rig = resolveGpu(catalog, settings.rig.gpu);
	return { tables, requestErrors, specIssues: [], ...(spec.show ? { show: spec.show } : {}), ...(rig.ok ? { rigGpuId: rig.value.id } : {}), ...(advice ? { advice } : {}) };
}

/**
 * What a block's output depends on besides its source; equal keys mean "no re-render needed". Only the settings the
 * block actually uses count: a block that names its GPU, count, context... ignores a rig change, a block with `quant:`
 * ignores the precision policy, and a block with a YAML error depends on nothing but itself.
 */
export function blockInputsKey(parsed: ParsedBlock, catalogGeneration: number, settings: GpuFitSettings): string {
	const spec = parsed.spec;
	if (!spec) return "invalid";
	const requests = requestsFor(spec, settings);
	// The comparison matrix puts the rig's GPU first, so a comparison also depends on which GPU the rig is.
	const rig = requests.length > 1 ? settings.rig.gpu : "";
	return JSON.stringify([catalogGeneration, requests, spec.quant ? "" : settings.precision, rig]);
}
