/**
 * A note's scaling question, from what the vault parser already extracted: the `gpufit` frontmatter property (rig,
 * budget, policy, explicit workload), the note's gpufit blocks and the models its text mentions. Pure: callers pass
 * the parsed pieces (the plugin from the vault index, the CLI from parsing the file), so both ask the same question.
 *
 *   gpufit:
 *     gpu: RTX PRO 6000 Blackwell
 *     count: 1
 *     budget: 10000            # USD; "$10,000" works too
 *     policy: released         # released | bf16 | fp8 | int4 (also "unquantized", "allow-fp8", "4bit")
 *     context: 32k             # default for entries without one
 *     workload:
 *       - model: Qwen3-30B-A3B
 *         label: support assistant
 *         context: 32k
 *         users: 4
 *         copies: 2            # two fine-tuned variants resident at once
 *       - Qwen3-Embedding-8B   # a bare name is one copy, one user
 */
import { describeValue } from "../request/text";
import type { BlockSpec } from "../block-spec";
import { parseField } from "../request";
import type { EngineId } from "../types";
import { parsePolicy } from "./precision";
import type { AdviceRequest, PrecisionPolicy, WorkloadInput } from "./types";

export const PROPERTY = "gpufit";

export interface NoteConfig {
	rig?: { gpu: string; count?: number };
	budgetUsd?: number;
	policy?: PrecisionPolicy;
	context?: number;
	workload: WorkloadInput[];
	/** Problems found in the property, plain words (the property's other parts still apply). */
	issues: string[];
}

const KEYS = ["gpu", "count", "budget", "policy", "context", "workload"];
const ENTRY_KEYS = ["model", "label", "context", "users", "concurrency", "copies", "resident"];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A whole number up to `max`, read as the request fields read a token count (8192, "32k", "1m", "32_768"). */
function positiveInt(v: unknown, max: number): number | undefined {
	const r = parseField("context", typeof v === "number" ? String(v) : v, "block");
	return r.ok && r.value <= max ? r.value : undefined;
}

/** "10000", 10000, "$10,000", "10k", "12.5k USD" → dollars. */
export function parseBudget(v: unknown): number | undefined {
	if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? v : undefined;
	if (typeof v !== "string") return undefined;
	const m = /^\s*\$?\s*([\d,]+(?:\.\d+)?)\s*([kKmM])?\s*(?:usd|\$)?\s*$/i.exec(v);
	if (!m?.[1]) return undefined;
	const n = Number(m[1].replace(/,/g, "")) * (m[2]?.toLowerCase() === "k" ? 1e3 : m[2]?.toLowerCase() === "m" ? 1e6 : 1);
	return Number.isFinite(n) ? n : undefined;
}

/** Parse the `gpufit` property value (any JSON-ish value from the frontmatter). Never throws. */
export function parseNoteConfig(value: unknown): NoteConfig {
	const config: NoteConfig = { workload: [], issues: [] };
	if (value === undefined || value === null) return config;
	if (!isObj(value)) {
		config.issues.push("`gpufit` must be a mapping, e.g. `gpufit: {gpu: RTX PRO 6000 Blackwell, count: 1}`.");
		return config;
	}
	for (const key of Object.keys(value)) {
		if (!KEYS.includes(key)) config.issues.push(`Unknown key "${key}" in gpufit (known: ${KEYS.join(", ")}).`);
	}
	if (value.gpu !== undefined) {
		if (typeof value.gpu === "string" && value.gpu.trim()) config.rig = { gpu: value.gpu.trim() };
		else config.issues.push("gpufit.gpu must be a GPU name.");
	}
	if (value.count !== undefined) {
		const n = positiveInt(value.count, 64);
		if (n === undefined) config.issues.push(`gpufit.count must be a whole number from 1 to 64 (got ${describeValue(value.count)}).`);
		else if (config.rig) config.rig.count = n;
		else config.issues.push("gpufit.count needs gpufit.gpu.");
	}
	if (value.budget !== undefined) {
		const b = parseBudget(value.budget);
		if (b === undefined) config.issues.push(`gpufit.budget must be an amount in US dollars (got ${describeValue(value.budget)}).`);
		else config.budgetUsd = b;
	}
	if (value.policy !== undefined) {
		const p = typeof value.policy === "string" ? parsePolicy(value.policy) : undefined;
		if (!p) config.issues.push(`gpufit.policy must be released, bf16, fp8 or int4 (got ${describeValue(value.policy)}).`);
		else config.policy = p;
	}
	if (value.context !== undefined) {
		const c = positiveInt(value.context, 10_000_000);
		if (c === undefined) config.issues.push(`gpufit.context must be a token count like 32k (got ${describeValue(value.context)}).`);
		else config.context = c;
	}
	if (value.workload !== undefined) {
		const list = Array.isArray(value.workload) ? value.workload : [value.workload];
		list.forEach((item, i) => {
			const where = `gpufit.workload[${i + 1}]`;
			if (typeof item === "string") {
				if (item.trim()) config.workload.push({ model: item.trim(), source: "property" });
				return;
			}
			if (!isObj(item) || typeof item.model !== "string" || !item.model.trim()) {
				config.issues.push(`${where} needs \`model: NAME\`.`);
				return;
			}
			for (const key of Object.keys(item)) {
				if (!ENTRY_KEYS.includes(key)) config.issues.push(`${where}: unknown key "${key}" (known: ${ENTRY_KEYS.join(", ")}).`);
			}
			const entry: WorkloadInput = { model: item.model.trim(), source: "property" };
			if (typeof item.label === "string" && item.label.trim()) entry.label = item.label.trim().slice(0, 80);
			const num = (key: string, max: number, what: string): number | undefined => {
				if (item[key] === undefined) return undefined;
				const n = positiveInt(item[key], max);
				if (n === undefined) config.issues.push(`${where}.${key} must be ${what} (got ${describeValue(item[key])}).`);
				return n;
			};
			const context = num("context", 10_000_000, "a token count like 32k");
			const users = num("users", 4096, "a whole number of concurrent users") ?? num("concurrency", 4096, "a whole number of concurrent users");
			const copies = num("copies", 8, "a whole number of copies from 1 to 8");
			if (context !== undefined) entry.context = context;
			if (users !== undefined) entry.users = users;
			if (copies !== undefined) entry.copies = copies;
			if (typeof item.resident === "boolean") entry.resident = item.resident;
			config.workload.push(entry);
		});
	}
	return config;
}

export interface NoteFacts {
	/** Frontmatter keys the vault parser kept (ParsedNote.properties). */
	properties: Record<string, unknown>;
	/** The note's gpufit blocks that parsed. */
	blocks: BlockSpec[];
	/**
	 * Catalog model ids the note mentions (VaultIndex.workloadOf().models minus block models). Taken in id order, not
	 * by mention count, so the advice does not depend on how often a name appears (the section itself repeats them).
	 */
	mentionedModels: string[];
}

/** Everything that goes into the workload, in order: the property's entries, block models, then mentions. */
export function noteWorkload(facts: NoteFacts, config: NoteConfig = parseNoteConfig(facts.properties[PROPERTY])): WorkloadInput[] {
	const out: WorkloadInput[] = [...config.workload];
	const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
	const explicit = new Set(config.workload.map((w) => key(w.model)));
	// One entry per model across blocks: the largest context and concurrency any block asks for.
	const fromBlocks = new Map<string, WorkloadInput>();
	for (const b of facts.blocks) {
		for (const m of b.models) {
			if (explicit.has(key(m))) continue;
			const prev = fromBlocks.get(key(m));
			const context = b.context ?? config.context;
			const users = b.concurrency;
			if (!prev) {
				fromBlocks.set(key(m), { model: m, source: "block", ...(context !== undefined ? { context } : {}), ...(users !== undefined ? { users } : {}) });
			} else {
				if (context !== undefined) prev.context = Math.max(prev.context ?? 0, context);
				if (users !== undefined) prev.users = Math.max(prev.users ?? 0, users);
			}
		}
	}
	out.push(...fromBlocks.values());
	for (const id of [...facts.mentionedModels].sort()) out.push({ model: id, source: "mention" });
	return out;
}

export interface NoteDefaults {
	/** The rig when the note names none (the plugin's settings; the CLI's --gpu/--count). */
	rig?: { gpu: string; count: number };
	policy?: PrecisionPolicy;
	engine?: EngineId;
	context?: number;
	date: string;
}

/**
 * The advice request a note stands for. The note's `gpufit` property wins over the defaults; `overrides` (CLI flags)
 * win over both. Returns the problems found; without a rig there is no request.
 */
export function noteAdviceRequest(
	facts: NoteFacts, defaults: NoteDefaults,
	overrides: { rig?: { gpu?: string; count?: number }; policy?: PrecisionPolicy; budgetUsd?: number; context?: number; extra?: WorkloadInput[] } = {},
): { request?: AdviceRequest; issues: string[] } {
	const config = parseNoteConfig(facts.properties[PROPERTY]);
	const issues = [...config.issues];
	const gpu = overrides.rig?.gpu ?? config.rig?.gpu ?? defaults.rig?.gpu;
	if (!gpu) return { issues: [...issues, "No rig: the note has no `gpufit: {gpu: NAME}` property."] };
	const count = overrides.rig?.count ?? (overrides.rig?.gpu || config.rig ? config.rig?.count ?? 1 : defaults.rig?.count ?? 1);
	const workload = [...(overrides.extra ?? []), ...noteWorkload(facts, config)];
	const budget = overrides.budgetUsd ?? config.budgetUsd;
	const request: AdviceRequest = {
		rig: { gpu, count },
		workload,
		policy: overrides.policy ?? config.policy ?? defaults.policy ?? "released",
		date: defaults.date,
		defaultContext: overrides.context ?? config.context ?? defaults.context ?? 8192,
		...(budget !== undefined ? { budgetUsd: budget } : {}),
		...(defaults.engine ? { engine: defaults.engine } : {}),
	};
	return { request, issues };
}
