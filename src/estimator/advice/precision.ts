/**
 * Precision policy → the formats a model may run in on one device, highest precision first.
 *
 * "Unquantized" means the model as its makers released it: gpt-oss ships MXFP4 experts and DeepSeek-V3 ships FP8,
 * so neither is ever inflated to BF16. Lower steps (8-bit, 4-bit) exist only below the release's own precision and
 * only when the policy allows them; each step is mapped to a format the engine can load on that hardware.
 */
import { architectureOf, resolveFormat, type Catalog } from "../catalog";
import type { Format, Gpu, Model } from "../schema";
import { formatSupport } from "../support";
import type { EngineId } from "../types";
import type { PrecisionPolicy } from "./types";

type Tier = 16 | 8 | 4;

/** The release format of a model: its `releaseFormat`, else its native dtype. */
export function releaseFormatOf(catalog: Catalog, model: Model): Format {
	const byRelease = model.releaseFormat ? catalog.formats.get(model.releaseFormat.format) : undefined;
	if (byRelease) return byRelease;
	const native = catalog.formats.get(model.nativeDtype);
	if (native) return native;
	const bf16 = resolveFormat(catalog, "bf16");
	if (!bf16.ok) throw new Error("the catalog has no bf16 format");
	return bf16.value;
}

function tierOf(f: Format): Tier {
	return f.bitsPerWeight >= 12 ? 16 : f.bitsPerWeight >= 6 ? 8 : 4;
}

/** Formats that stand for one precision step on an engine, in order of preference. */
function candidatesFor(tier: Tier, engine: EngineId): string[] {
	if (engine === "llama.cpp") return tier === 16 ? ["bf16", "fp16"] : tier === 8 ? ["q8_0"] : ["q4_k_m"];
	if (engine === "transformers") return tier === 16 ? ["bf16", "fp16"] : tier === 8 ? ["fp8", "int8"] : ["nf4", "awq"];
	return tier === 16 ? ["bf16", "fp16"] : tier === 8 ? ["fp8", "int8"] : ["nvfp4", "awq", "gptq"];
}

export interface LadderStep {
	format: Format;
	/** Set when the release format itself could not be used and an equivalent was (FP8 release → Q8_0 on llama.cpp). */
	note?: string;
}

/** Steps a policy allows for `model` on `gpu` with `engine`, highest precision first; empty when none can run. */
export function precisionLadder(catalog: Catalog, model: Model, gpu: Gpu, engine: EngineId, policy: PrecisionPolicy): LadderStep[] {
	const arch = architectureOf(catalog, gpu);
	const runs = (f: Format): boolean => formatSupport(f, gpu, arch, engine).level !== "unsupported";
	// A 4-bit FP step is worth it only where it is native (Blackwell); elsewhere W4A16 kernels (AWQ) are the norm.
	const preferred = (f: Format): boolean => f.id !== "nvfp4" || formatSupport(f, gpu, arch, engine).level === "native";
	const pick = (tier: Tier): Format | undefined => {
		for (const id of candidatesFor(tier, engine)) {
			const f = catalog.formats.get(id);
			if (f && runs(f) && preferred(f)) return f;
		}
		return undefined;
	};

	const release = releaseFormatOf(catalog, model);
	const releaseTier = tierOf(release);
	const steps: LadderStep[] = [];
	const push = (s: LadderStep | undefined) => {
		if (s && !steps.some((x) => x.format.id === s.format.id)) steps.push(s);
	};

	// Top step: the release itself (wider-than-16-bit releases come down to 16-bit unless the policy is "released").
	let top: LadderStep | undefined;
	if (release.bitsPerWeight > 16 && policy !== "released") {
		const f = pick(16);
		if (f) top = { format: f };
	} else if (runs(release)) {
		top = { format: release };
	} else {
		const f = pick(releaseTier);
		if (f) top = { format: f, note: `${engineName(engine)} cannot load ${release.name} on ${gpu.name}: the ${release.name} release runs as ${f.name}` };
	}
	push(top);
	if (policy === "fp8" || policy === "int4") {
		if (releaseTier > 8) { const f = pick(8); if (f) push({ format: f }); }
	}
	if (policy === "int4") {
		if (releaseTier > 4) { const f = pick(4); if (f) push({ format: f }); }
	}
	return steps;
}

function engineName(engine: EngineId): string {
	return engine === "vllm" ? "vLLM" : engine === "llama.cpp" ? "llama.cpp" : "Transformers";
}

/** The policy's words for a user: "as released", "unquantized 16-bit", "down to FP8", "down to 4-bit". */
export function describePolicy(policy: PrecisionPolicy): string {
	switch (policy) {
		case "released": return "as released";
		case "bf16": return "unquantized (16-bit, never wider than the release)";
		case "fp8": return "quantized down to 8-bit where needed";
		case "int4": return "quantized down to 4-bit where needed";
	}
}

/** Accepts the policy names and the spellings people use ("unquantized", "allow-fp8", "4bit"). */
export function parsePolicy(value: string): PrecisionPolicy | undefined {
	const key = value.toLowerCase().replace(/[^a-z0-9]/g, "");
	const table: Record<string, PrecisionPolicy> = {
		released: "released", asreleased: "released", release: "released", native: "released", unquantized: "released",
		bf16: "bf16", fp16: "bf16", "16bit": "bf16", unquantized16bit: "bf16",
		fp8: "fp8", allowfp8: "fp8", int8: "fp8", "8bit": "fp8",
		int4: "int4", allow4bit: "int4", "4bit": "int4", fp4: "int4", awq: "int4",
	};
	return table[key];
}
