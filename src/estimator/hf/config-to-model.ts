/**
 * A Hugging Face `config.json` (plus, when present, the safetensors index's byte total) turned into the catalog's
 * Model shape and validated by the same zod schema as built-in entries. Pure: no network, no DOM.
 *
 * What is read: the fields params.ts and the KV model need (layers, widths, heads, vocab, tying, biases, qk-norm,
 * MoE, MLA, sliding / linear layer patterns, dtype, shipped quantization, context). Multimodal configs are read from
 * their `text_config`. Fields that change memory or speed but have no place in the schema (linear-attention state
 * sizes, unknown quantization methods, …) are reported in `issues` rather than guessed silently; fields this
 * importer does not use at all are listed in `ignored`.
 */
import { ModelSchema, type Model, type Source } from "../schema";
import { countParams } from "../params";

export interface HfImport {
	model?: Model;
	/** Problems that make the estimate less certain or impossible, one sentence each. */
	issues: string[];
	/** config.json keys this importer does not read (informational). */
	ignored: string[];
}

export interface HfFiles {
	/** The parsed config.json. */
	config: unknown;
	/** `metadata.total_size` of model.safetensors.index.json (bytes of all tensors at their stored dtypes), if present. */
	safetensorsBytes?: number;
	/** The catalog format of those bytes when it is not the checkpoint's dtype / shipped quantization (a GGUF). */
	checkpointFormat?: string;
	/** Where the files came from (repo id or local path), for the source entry. */
	origin: string;
	/** When they were read (ISO date). */
	readOn: string;
}

/** Keys read from a (text) config, so the rest can be listed as ignored. */
const READ_KEYS = new Set([
	"architectures", "model_type", "num_hidden_layers", "hidden_size", "intermediate_size", "num_attention_heads",
	"num_key_value_heads", "head_dim", "vocab_size", "tie_word_embeddings", "attention_bias", "mlp_bias", "hidden_act",
	"num_experts", "num_local_experts", "n_routed_experts", "num_experts_per_tok", "moe_intermediate_size",
	"shared_expert_intermediate_size", "n_shared_experts", "first_k_dense_replace", "interleave_moe_layer_step",
	"intermediate_size_mlp", "decoder_sparse_step", "mlp_only_layers", "topk_method", "kv_lora_rank", "q_lora_rank",
	"qk_nope_head_dim", "qk_rope_head_dim", "v_head_dim", "sliding_window", "sliding_window_pattern", "layer_types",
	"full_attention_interval", "attention_chunk_size", "no_rope_layers", "torch_dtype", "dtype", "quantization_config",
	"max_position_embeddings", "use_qk_norm", "text_config", "vision_config", "use_sliding_window", "rms_norm_eps",
	"rope_theta", "rope_scaling", "bos_token_id", "eos_token_id", "pad_token_id", "transformers_version",
	"initializer_range", "use_cache", "attention_dropout", "max_window_layers", "norm_topk_prob", "partial_rotary_factor",
	"router_aux_loss_coef", "output_router_logits", "scoring_func", "routed_scaling_factor", "n_group", "topk_group",
	"num_nextn_predict_layers", "ep_size", "aux_loss_alpha", "seq_aux", "query_pre_attn_scalar", "final_logit_softcapping",
	"attn_logit_softcapping", "rope_local_base_freq", "hidden_activation", "swiglu_limit", "experts_per_token", "num_experts_per_token",
]);

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const int = (v: unknown): number | undefined => { const n = num(v); return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined; };
const bool = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const rec = (v: unknown): Record<string, unknown> | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** A catalog-safe id from a repo id: "Qwen/Qwen3-8B" → "hf-qwen-qwen3-8b". */
export function hfModelId(origin: string): string {
	const slug = origin.toLowerCase().replace(/[^a-z0-9.]+/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 80);
	return `hf-${slug || "model"}`;
}

function dtypeOf(c: Record<string, unknown>): Model["nativeDtype"] {
	const d = str(c.torch_dtype) ?? str(c.dtype) ?? "bfloat16";
	if (d === "float16" || d === "fp16") return "fp16";
	if (d === "float32" || d === "fp32") return "fp32";
	return "bf16";
}

function shippedQuantization(q: Record<string, unknown> | undefined, moe: boolean, issues: string[]): Model["shippedQuantization"] {
	if (!q) return undefined;
	const method = (str(q.quant_method) ?? "").toLowerCase();
	if (method === "mxfp4") return { format: "mxfp4", scope: moe ? "experts" : "all-linear" };
	if (method === "fp8") return { format: "fp8", scope: "all-linear" };
	if (method === "awq") return { format: "awq", scope: "all-linear" };
	if (method === "gptq") return { format: "gptq", scope: "all-linear" };
	if (method === "bitsandbytes") return { format: "nf4", scope: "all-linear" };
	issues.push(`quantization_config.quant_method "${method || "?"}" is not a format the catalog knows; weights are computed at the dtype you pick.`);
	return undefined;
}

/** Convert files of a Hugging Face checkpoint into a validated Model. Never throws. */
export function configToModel(files: HfFiles): HfImport {
	const issues: string[] = [];
	const top = rec(files.config);
	if (!top) return { issues: ["config.json is not a JSON object."], ignored: [] };
	// Multimodal wrappers (Gemma 3, Llama 4, Mistral 3.1) keep the language model in text_config.
	const text = rec(top.text_config);
	const c: Record<string, unknown> = text ? { ...text, torch_dtype: text.torch_dtype ?? top.torch_dtype, quantization_config: text.quantization_config ?? top.quantization_config } : top;
	const modelType = (str(c.model_type) ?? str(top.model_type) ?? "").toLowerCase();
	const arch = (Array.isArray(top.architectures) ? top.architectures.map(String) : []).join(", ");
	const ignored = Object.keys(c).filter((k) => !READ_KEYS.has(k));

	const layers = int(c.num_hidden_layers);
	const hidden = int(c.hidden_size);
	const heads = int(c.num_attention_heads);
	const vocab = int(c.vocab_size);
	const missing = [["num_hidden_layers", layers], ["hidden_size", hidden], ["num_attention_heads", heads], ["vocab_size", vocab]]
		.filter(([, v]) => v === undefined).map(([k]) => k);
	if (missing.length > 0 || !layers || !hidden || !heads || !vocab) {
		return { issues: [`config.json lacks ${missing.join(", ")}: not a decoder language model this estimator can read${arch ? ` (${arch})` : ""}.`], ignored };
	}
	const kvHeads = int(c.num_key_value_heads) ?? heads;

	// MoE: the names differ per family.
	const experts = int(c.num_experts) ?? int(c.num_local_experts) ?? int(c.n_routed_experts);
	const perToken = int(c.num_experts_per_tok) ?? int(c.experts_per_token) ?? int(c.num_experts_per_token);
	let moe: Model["moe"];
	if (experts && experts > 1 && perToken) {
		const expertIntermediate = int(c.moe_intermediate_size) ?? int(c.intermediate_size);
		if (!expertIntermediate) return { issues: ["MoE config without moe_intermediate_size or intermediate_size."], ignored };
		const sharedN = int(c.n_shared_experts) ?? (int(c.shared_expert_intermediate_size) ? 1 : undefined);
		const sharedIntermediate = int(c.shared_expert_intermediate_size) ?? (sharedN ? expertIntermediate : undefined);
		const gptOss = modelType === "gpt_oss";
		moe = {
			experts, expertsPerToken: perToken, expertIntermediate,
			...(sharedN ? { sharedExperts: sharedN, sharedIntermediate } : {}),
			...(int(c.first_k_dense_replace) ? { firstDenseLayers: int(c.first_k_dense_replace) } : {}),
			...(int(c.interleave_moe_layer_step) && (int(c.interleave_moe_layer_step) ?? 1) > 1 ? { layerStep: int(c.interleave_moe_layer_step) } : {}),
			...(gptOss || str(c.topk_method) === "noaux_tc" || modelType === "glm4_moe" ? { routerBias: true } : {}),
			...(gptOss ? { expertBias: true } : {}),
		};
		if (Array.isArray(c.mlp_only_layers) && c.mlp_only_layers.length > 0) issues.push("mlp_only_layers lists dense layers the schema cannot place individually; counted as MoE.");
	}
	// Dense MLP width: Llama 4 keeps it in intermediate_size_mlp; MoE-only models have none (any value will do).
	const intermediate = int(c.intermediate_size_mlp) ?? int(c.intermediate_size) ?? moe?.expertIntermediate;
	if (!intermediate) return { issues: ["config.json lacks intermediate_size."], ignored };

	// MLA (DeepSeek V2/V3, Kimi K2).
	let mla: Model["mla"];
	const kvLoraRank = int(c.kv_lora_rank);
	if (kvLoraRank) {
		const nope = int(c.qk_nope_head_dim);
		const rope = int(c.qk_rope_head_dim);
		const vhd = int(c.v_head_dim);
		if (!nope || !rope || !vhd) return { issues: ["kv_lora_rank without qk_nope_head_dim / qk_rope_head_dim / v_head_dim."], ignored };
		mla = { kvLoraRank, qkNopeHeadDim: nope, qkRopeHeadDim: rope, vHeadDim: vhd, ...(int(c.q_lora_rank) ? { qLoraRank: int(c.q_lora_rank) } : {}) };
	}
	const headDim = mla ? mla.qkNopeHeadDim + mla.qkRopeHeadDim : int(c.head_dim) ?? Math.floor(hidden / heads);

	// Layer kinds: explicit layer_types (gpt-oss, newer transformers), Gemma's pattern, Llama 4 chunks, Mistral windows.
	const window = int(c.sliding_window);
	let layerPattern: Model["layerPattern"] = [{ kind: "full" }];
	const types = Array.isArray(c.layer_types) ? c.layer_types.map(String) : undefined;
	if (types && types.length > 0) {
		if (types.some((t) => t.includes("linear"))) issues.push("linear-attention layers: their recurrent state size is not in config.json terms the schema knows; counted as no KV cache.");
		layerPattern = types.map((t) => t.includes("sliding") && window ? { kind: "sliding" as const, window }
			: t.includes("linear") ? { kind: "linear" as const, stateBytesPerSequence: 0 } : { kind: "full" as const });
	} else if (int(c.sliding_window_pattern) && window) {
		const n = int(c.sliding_window_pattern) ?? 1;
		layerPattern = [...Array.from({ length: n - 1 }, () => ({ kind: "sliding" as const, window })), { kind: "full" as const }];
	} else if (int(c.attention_chunk_size)) {
		const chunk = int(c.attention_chunk_size) ?? 8192;
		layerPattern = [{ kind: "sliding", window: chunk }, { kind: "sliding", window: chunk }, { kind: "sliding", window: chunk }, { kind: "full" }];
	} else if (int(c.full_attention_interval)) {
		const n = int(c.full_attention_interval) ?? 4;
		issues.push("hybrid linear attention (full_attention_interval): recurrent state per sequence not modelled; counted as no KV cache.");
		layerPattern = [...Array.from({ length: n - 1 }, () => ({ kind: "linear" as const, stateBytesPerSequence: 0 })), { kind: "full" as const }];
	} else if (window && c.use_sliding_window !== false && modelType !== "qwen2" && modelType !== "qwen3" && modelType !== "qwen3_moe") {
		layerPattern = [{ kind: "sliding", window }];
	}

	const gemma = modelType.startsWith("gemma");
	const qwen2 = modelType.startsWith("qwen2");
	const attentionBias = bool(c.attention_bias) ?? qwen2;
	const shipped = shippedQuantization(rec(c.quantization_config), moe !== undefined, issues);
	const nativeDtype = shipped?.format === "mxfp4" ? "bf16" : dtypeOf(c);
	if (rec(top.vision_config)) issues.push("the vision tower is not counted (config.json does not state its size); add it with extraParams if you load it.");

	const sources: Source[] = [{ ref: files.origin.includes("/") && !files.origin.startsWith(".") && !files.origin.startsWith("/") ? `https://huggingface.co/${files.origin}/blob/main/config.json` : files.origin, asOf: files.readOn, confidence: "verified", note: "imported from config.json" }];
	const draft: Model = {
		id: hfModelId(files.origin),
		// "hf:Org/Name": never the same normalized name as a catalog alias of the same model.
		name: `hf:${files.origin}`,
		family: modelType || "hf",
		aliases: [],
		layers, hidden, intermediate, heads, kvHeads, headDim, vocab,
		tiedEmbeddings: bool(c.tie_word_embeddings) ?? gemma,
		mlp: str(c.hidden_act) === "gelu" && !gemma && !moe ? "plain" : "gated",
		...(attentionBias ? { qkvBias: true } : {}),
		...(attentionBias && modelType === "gpt_oss" ? { oBias: true } : {}),
		...(modelType.startsWith("qwen3") || gemma || bool(c.use_qk_norm) ? { qkNorm: true } : {}),
		...(gemma ? { normsPerLayer: 4 } : {}),
		...(moe ? { moe } : {}),
		...(mla ? { mla } : {}),
		layerPattern,
		nativeDtype,
		...(shipped ? { shippedQuantization: shipped } : {}),
		maxContext: int(c.max_position_embeddings) ?? 4096,
		published: { totalParams: 1 },
		sources,
	};
	// The "published" count of an imported model is the count computed from its own config.
	const counted = countParams(draft);
	draft.published = { totalParams: counted.total, ...(moe ? { activeParams: counted.active } : {}) };
	if (files.safetensorsBytes !== undefined && files.safetensorsBytes > 0) {
		draft.checkpointBytes = files.safetensorsBytes;
		if (files.checkpointFormat) draft.checkpointFormat = files.checkpointFormat;
		const what = files.checkpointFormat ? "GGUF tensor infos (sum of tensor bytes)" : "model.safetensors.index.json metadata.total_size";
		sources.push({ ref: `${files.origin} ${what}`, asOf: files.readOn, confidence: "verified", fields: ["checkpointBytes", "checkpointFormat"] });
	}
	const parsed = ModelSchema.safeParse(draft);
	if (!parsed.success) return { issues: [...issues, ...parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)], ignored };
	if (heads % kvHeads !== 0) return { issues: [...issues, "num_attention_heads is not a multiple of num_key_value_heads."], ignored };
	return { model: parsed.data, issues, ignored };
}
