/**
 * Parameter counts from the architecture (config.json fields), per tensor group.
 *
 * The memory model needs groups, not one total: embeddings and the output head are stored at a different
 * precision than the linear weights, GGUF "_M" mixes upgrade attn_v / ffn_down in some layers, and MoE decode
 * reads only the selected experts. Pure arithmetic: no DOM, no Obsidian.
 *
 * Notation: d = hidden, V = vocab, L = layers, H = heads, KV = kvHeads, hd = headDim, ff = intermediate,
 * E = routed experts, k = experts per token, ei = expert intermediate.
 *
 * Formulas (weights are matrices in × out; biases and norm weights are vectors):
 *   embedding                 V × d
 *   head                      V × d, or 0 when tied (the embedding matrix is reused as the head)
 *   attention per layer       q = d × H·hd, k = v = d × KV·hd, o = H·hd × d
 *     MLA (DeepSeek V2/V3)    q = d × qr + qr × H·(nope + rope)          (q_a + q_b; without q_lora_rank: d × H·(nope + rope))
 *                             k = d × (kvr + rope) + kvr × H·nope          (kv_a, the shared latent + rope-key down projection,
 *                                                                          is put on the k side, with kv_b's key half)
 *                             v = kvr × H·vhd                              (kv_b's value half)
 *                             o = H·vhd × d
 *   dense MLP per layer       gate = up = d × ff, down = ff × d            (plain MLP: gate = 0)
 *   routed expert             gate = up = d × ei, down = ei × d            (× E per MoE layer)
 *   shared experts            sharedExperts × the expert formula with sharedIntermediate (default ei)
 *   router per MoE layer      d × E (+ E with routerBias)
 *   norms per layer           normsPerLayer × d (default 2) + 2·hd with qkNorm + (qr + kvr) for MLA latent norms;
 *                             plus one final norm (d)
 *   biases                    qkvBias: q/k/v output widths; oBias: d; expertBias: per expert 2·ei (gated) + d
 *
 * Layers: the first `moe.firstDenseLayers` layers have a dense MLP (width `intermediate`), the others are MoE
 * (with `moe.layerStep` = N, only every Nth of them; the rest are dense).
 * A model without `moe` has a dense MLP in every layer.
 *
 * Not modelled (the schema has no fields for them; all are small or documented per model in the catalog):
 * attention sinks (gpt-oss: H per layer), linear-attention (DeltaNet/Mamba) projections, which are counted with
 * the ordinary attention formula, the attention output gate of Qwen3-Next, shared-expert gates, MTP modules.
 */
import type { Model } from "./schema";

export interface AttentionGroups {
	q: number;
	k: number;
	v: number;
	o: number;
}

/** A (possibly gated) MLP: gate is 0 for plain MLPs. */
export interface MlpGroups {
	gate: number;
	up: number;
	down: number;
}

/** Sizes for ONE layer of each kind (and one routed expert), with the layer counts that multiply them. */
export interface LayerGroupParams {
	layers: number;
	/** Layers with a dense MLP (all layers of a dense model; DeepSeek-V3: the first 3). */
	denseLayers: number;
	/** Layers with routed experts. */
	moeLayers: number;
	/** Attention projection weights of one layer (every layer has the same attention shape here). */
	attention: AttentionGroups;
	/** q/k/v/o biases of one layer. */
	attentionBias: number;
	/** The MLP of one dense layer (zeros when there is no dense layer). */
	mlpDense: MlpGroups;
	/** One routed expert (zeros for dense models). */
	expert: MlpGroups;
	/** Biases of one routed expert (gpt-oss). */
	expertBias: number;
	/** All shared experts of one MoE layer together. */
	shared: MlpGroups;
	/** Router of one MoE layer, with its bias. */
	router: number;
	/** Norm weights of one layer (pre-norms, qk norms, MLA latent norms). */
	norms: number;
	/** Routed experts per MoE layer, and selected per token. */
	experts: number;
	expertsPerToken: number;
}

export interface ParamBreakdown {
	/** Token embedding table, V × d. */
	embedding: number;
	/** Output head (lm_head), V × d; 0 when tied (the embedding is reused). */
	head: number;
	/** Attention projection weights summed over all layers (MLA mapping: see the file comment). */
	attention: AttentionGroups;
	/** Dense MLP layers (all layers of dense models; DeepSeek's first dense layers) plus shared experts. */
	mlpDense: MlpGroups;
	/** All routed experts, all layers. */
	experts: MlpGroups;
	/** Router weights and biases, all layers. */
	router: number;
	/** Small tensors always read and usually kept at 16/32 bit: norm weights, qk norms, attention biases. */
	norms: number;
	/** Biases of all routed experts (gpt-oss); read only for the selected experts. */
	expertBias: number;
	/** `extraParams` (vision tower and projector): in the total, not in the active counts. */
	extra: number;
	total: number;
	/**
	 * Published-style active parameters per token: everything except the routed experts not selected, embedding
	 * table and head both counted (tied: once), extraParams excluded. This is how the Qwen3, Mixtral and DeepSeek
	 * cards count ("3.3B activated", "12.9B active", "37B activated"); for a dense model it is the total less extra.
	 */
	active: number;
	/**
	 * Weights read per decoded token: `active` without the embedding table, which is a lookup (one row is read),
	 * but with the output head (tied: the shared matrix is read as the head, so nothing is subtracted).
	 * This is also the OpenAI gpt-oss card convention ("5.1B active" counts the unembedding, not the embedding).
	 */
	activeLinear: number;
	/** Routed-expert parameters (with their biases) read per token: moeLayers × k × one expert. 0 for dense models. */
	expertParamsPerToken: number;
}

const sumMlp = (m: MlpGroups): number => m.gate + m.up + m.down;
const scaleMlp = (m: MlpGroups, n: number): MlpGroups => ({ gate: m.gate * n, up: m.up * n, down: m.down * n });
const addMlp = (a: MlpGroups, b: MlpGroups): MlpGroups => ({ gate: a.gate + b.gate, up: a.up + b.up, down: a.down + b.down });
const ZERO_MLP: MlpGroups = { gate: 0, up: 0, down: 0 };

function mlp(gated: boolean, d: number, width: number): MlpGroups {
	return { gate: gated ? d * width : 0, up: d * width, down: width * d };
}

/** Per-layer group sizes (see the file comment for the formulas). */
export function layerGroupParams(m: Model): LayerGroupParams {
	const d = m.hidden;
	const gated = m.mlp === "gated";
	let attention: AttentionGroups;
	let attentionBias = 0;
	let norms = (m.normsPerLayer ?? 2) * d;
	if (m.mla) {
		const { kvLoraRank: kvr, qLoraRank: qr, qkNopeHeadDim: nope, qkRopeHeadDim: rope, vHeadDim: vhd } = m.mla;
		const qOut = m.heads * (nope + rope);
		const q = qr !== undefined ? d * qr + qr * qOut : d * qOut;
		const kvA = d * (kvr + rope);
		attention = { q, k: kvA + kvr * m.heads * nope, v: kvr * m.heads * vhd, o: m.heads * vhd * d };
		norms += kvr + (qr ?? 0);
		if (m.qkvBias) attentionBias += qOut + (kvr + rope) + m.heads * (nope + vhd);
		if (m.oBias) attentionBias += d;
	} else {
		const qOut = m.heads * m.headDim;
		const kvOut = m.kvHeads * m.headDim;
		attention = { q: d * qOut, k: d * kvOut, v: d * kvOut, o: qOut * d };
		if (m.qkvBias) attentionBias += qOut + 2 * kvOut;
		if (m.oBias) attentionBias += d;
		if (m.qkNorm) norms += 2 * m.headDim;
	}

	const moe = m.moe;
	const firstDense = moe ? Math.min(m.layers, moe.firstDenseLayers ?? 0) : m.layers;
	// Interleaved MoE (Llama 4 Maverick): of the layers after the dense prefix, every `layerStep`-th is MoE.
	const moeLayers = moe ? Math.floor((m.layers - firstDense) / (moe.layerStep ?? 1)) : 0;
	const denseLayers = m.layers - moeLayers;
	let expert = ZERO_MLP;
	let expertBias = 0;
	let shared = ZERO_MLP;
	let router = 0;
	if (moe) {
		const ei = moe.expertIntermediate;
		expert = mlp(gated, d, ei);
		if (moe.expertBias) expertBias = (gated ? 2 * ei : ei) + d;
		shared = scaleMlp(mlp(gated, d, moe.sharedIntermediate ?? ei), moe.sharedExperts ?? 0);
		router = d * moe.experts + (moe.routerBias ? moe.experts : 0);
	}
	return {
		layers: m.layers,
		denseLayers,
		moeLayers,
		attention,
		attentionBias,
		mlpDense: denseLayers > 0 ? mlp(gated, d, m.intermediate) : ZERO_MLP,
		expert,
		expertBias,
		shared,
		router,
		norms,
		experts: moe?.experts ?? 0,
		expertsPerToken: moe ? Math.min(moe.expertsPerToken, moe.experts) : 0,
	};
}

/** Parameter counts by tensor group, with total and active counts (conventions documented on ParamBreakdown). */
export function countParams(m: Model): ParamBreakdown {
	const g = layerGroupParams(m);
	const L = m.layers;
	const embedding = m.vocab * m.hidden;
	const head = m.tiedEmbeddings ? 0 : embedding;
	const attention: AttentionGroups = { q: g.attention.q * L, k: g.attention.k * L, v: g.attention.v * L, o: g.attention.o * L };
	const mlpDense = addMlp(scaleMlp(g.mlpDense, g.denseLayers), scaleMlp(g.shared, g.moeLayers));
	const experts = scaleMlp(g.expert, g.experts * g.moeLayers);
	const router = g.router * g.moeLayers;
	const norms = (g.norms + g.attentionBias) * L + m.hidden;
	const expertBias = g.expertBias * g.experts * g.moeLayers;
	const extra = m.extraParams?.count ?? 0;
	const total = embedding + head + attention.q + attention.k + attention.v + attention.o
		+ sumMlp(mlpDense) + sumMlp(experts) + router + norms + expertBias + extra;

	const perExpert = sumMlp(g.expert) + g.expertBias;
	const inactiveExperts = perExpert * (g.experts - g.expertsPerToken) * g.moeLayers;
	const active = total - extra - inactiveExperts;
	const activeLinear = m.tiedEmbeddings ? active : active - embedding;
	return {
		embedding,
		head,
		attention,
		mlpDense,
		experts,
		router,
		norms,
		expertBias,
		extra,
		total,
		active,
		activeLinear,
		expertParamsPerToken: perExpert * g.expertsPerToken * g.moeLayers,
	};
}
