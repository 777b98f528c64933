/**
 * `show: advice` in a gpufit block: live, for today, nothing written. With the note's facts (from the vault index)
 * it is the question "Recompute scaling advice" answers for the note: the `gpufit` property, every block, the
 * mentions; a GPU the block names is the rig. Without them (the index not built yet): the block's own models (with
 * its context and concurrency) on the block's GPU or the rig in the settings.
 */
import { computeAdvice, localToday, noteAdviceRequest, type AdviceRequest, type NoteFacts, type WorkloadInput } from "../../estimator/advice/index";
import type { BlockSpec } from "../../estimator/block-spec";
import type { Catalog } from "../../estimator/catalog";
import type { AdviceView } from "../../render/advice";
import type { GpuFitSettings } from "../settings";
import { advicePolicy } from "./policy";

export function blockAdvice(spec: BlockSpec, catalog: Catalog, settings: GpuFitSettings, facts?: NoteFacts, date: string = localToday()): AdviceView {
	const named = spec.gpus.find((g) => g.trim().toLowerCase() !== "mine");
	if (spec.gpus.length > 1) return { ok: false, message: "Advice is for one rig: name one GPU (or none for the rig in the settings)." };
	let request: AdviceRequest;
	if (facts) {
		const built = noteAdviceRequest(facts, {
			rig: { gpu: settings.rig.gpu, count: settings.rig.count },
			policy: advicePolicy(settings.precision), engine: spec.engine ?? settings.rig.engine, context: settings.rig.context, date,
		}, named ? { rig: { gpu: named, count: spec.count ?? 1 } } : {});
		if (!built.request) return { ok: false, message: built.issues.join(" ") };
		request = built.request;
	} else {
		const rig = named ? { gpu: named, count: spec.count ?? 1 } : { gpu: settings.rig.gpu, count: spec.count ?? settings.rig.count };
		const workload: WorkloadInput[] = spec.models.map((model) => ({
			model, source: "block",
			...(spec.context !== undefined ? { context: spec.context } : {}),
			...(spec.concurrency !== undefined ? { users: spec.concurrency } : {}),
		}));
		request = { rig, workload, date, policy: advicePolicy(settings.precision), engine: spec.engine ?? settings.rig.engine, defaultContext: settings.rig.context };
	}
	// A block re-renders whenever the index changes (any note edit): recompute only when its question changed.
	const key = `${catalog.revision}|${JSON.stringify(request)}`;
	const hit = recent.get(key);
	if (hit && hit.catalog === catalog) return hit.view;
	const result = computeAdvice(catalog, request);
	const view: AdviceView = result.ok ? { ok: true, advice: result.value } : { ok: false, message: result.error.message };
	recent.set(key, { catalog, view });
	if (recent.size > RECENT) recent.delete(recent.keys().next().value ?? "");
	return view;
}

/** Last answers by question (advice takes ~0.1–0.4 s; a note rarely has more than a few advice blocks). */
const RECENT = 16;
const recent = new Map<string, { catalog: Catalog; view: AdviceView }>();
