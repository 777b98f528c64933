/**
 * `show: advice` in a gpufit block: the block's models (with its context and concurrency) as the resident workload,
 * on the block's GPU or the rig in the settings, computed live for today. Nothing is written.
 */
import { computeAdvice, localToday, type WorkloadInput } from "../../estimator/advice/index";
import type { BlockSpec } from "../../estimator/block-spec";
import type { Catalog } from "../../estimator/catalog";
import type { AdviceView } from "../../render/advice";
import type { GpuFitSettings } from "../settings";
import { advicePolicy } from "./policy";

export function blockAdvice(spec: BlockSpec, catalog: Catalog, settings: GpuFitSettings, date: string = localToday()): AdviceView {
	const named = spec.gpus.find((g) => g.trim().toLowerCase() !== "mine");
	if (spec.gpus.length > 1) return { ok: false, message: "Advice is for one rig: name one GPU (or none for the rig in the settings)." };
	const rig = named ? { gpu: named, count: spec.count ?? 1 } : { gpu: settings.rig.gpu, count: spec.count ?? settings.rig.count };
	const workload: WorkloadInput[] = spec.models.map((model) => ({
		model, source: "block",
		...(spec.context !== undefined ? { context: spec.context } : {}),
		...(spec.concurrency !== undefined ? { users: spec.concurrency } : {}),
	}));
	const result = computeAdvice(catalog, {
		rig, workload, date,
		policy: advicePolicy(settings.precision),
		engine: spec.engine ?? settings.rig.engine,
		defaultContext: settings.rig.context,
	});
	return result.ok ? { ok: true, advice: result.value } : { ok: false, message: result.error.message };
}
