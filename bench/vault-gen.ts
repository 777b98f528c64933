/**
 * Synthetic vaults in the seed notes' schema, for the vault index benchmark.
 *
 * Each note has the seed's shape and roughly its sizes: ~16 KB of frontmatter (title, description, category, a tag
 * list with one multi-line block entry and a series tag, dates, and the seven prose fields, FeedbackLoop and
 * SignalAmplification naming other notes — some existing, some not — in "First, X which ...; Second, Y that ..."
 * prose), then a ~6 KB body of Markdown with headings, lists, [[wikilinks]], some Cyrillic text and now and then a
 * ```gpufit block. Hardware names (GPUs, models, formats, memory, interconnects, tools) are sprinkled through, so
 * concept recognition does real work. Deterministic for a given seed.
 */

/** Small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const TOPICS = ["GPU Memory Planning", "Quantization Tradeoffs", "Serving Throughput", "Interconnect Budget", "Model Selection", "Cooling and Power", "KV Cache Sizing", "Batching Strategy", "Upgrade Timing", "Rack Layout"];
const CONCEPTS = ["H100", "A100", "RTX 4090", "RTX PRO 6000", "RTX 6000 PRO B", "Qwen3-30B", "Llama-3.1-8B", "FP8", "BF16", "AWQ", "Q4_K_M", "NVFP4", "MXFP4", "HBM3e", "GDDR7", "PCIe", "NVLink", "vLLM", "llama.cpp", "TensorRT-LLM", "PyTorch Lightning", "MLflow", "CUDA Toolkit", "Hopper", "Blackwell"];
const WORDS = ("the a of to and in for with on that memory bandwidth model inference cache tensor layer weights batch latency throughput card cards capacity planning decision budget cost scaling strategy deployment cluster precision format kernel "
	+ "when where which because while during between under across larger smaller faster slower native emulated efficient practical expected current future workload server rig node interconnect lanes power thermal").split(" ");
const CAPITALISED = ["The", "These", "Each", "Second", "Implementation", "Resource", "System", "Value", "Historical", "Practical"];
const CYRILLIC = ["Это", "заметка", "про", "память", "видеокарты", "и", "квантование", "модели", "для", "локального", "запуска", "с", "большим", "контекстом"];
const TAG_POOL = ["gpu-quantization", "video-memory-vram", "qwen3-30b-model", "hardware-compatibility", "tensor-cores", "quantization-tables", "gpu-architecture", "scaling-strategy", "price-performance-ratio", "rtx-6000-pro-b-class", "fp8-tensor-acceleration", "hbm3e-vram-capacity", "tensor-core-architecture", "multi-gpu-duplication", "model-orchestration-framework", "Inference-Serving", "pcie-lane-budget", "vllm-serving", "cooling", "power-limits"];

export function noteTitle(i: number): string {
	return `${TOPICS[i % TOPICS.length] ?? "Note"} ${i}`;
}

export function notePath(i: number): string {
	return `Area ${i % 20}/${noteTitle(i)}.md`;
}

function pick<T>(r: () => number, list: readonly T[]): T {
	return list[Math.floor(r() * list.length)] as T;
}

/** Prose of about `chars` characters with a hardware name every few sentences. */
function prose(r: () => number, chars: number): string {
	const parts: string[] = [];
	let len = 0;
	while (len < chars) {
		const words: string[] = [pick(r, CAPITALISED)];
		const n = 10 + Math.floor(r() * 14);
		for (let k = 0; k < n; k++) words.push(r() < 0.08 ? pick(r, CONCEPTS) : pick(r, WORDS));
		const sentence = `${words.join(" ")}.`;
		parts.push(sentence);
		len += sentence.length + 1;
	}
	return parts.join(" ");
}

function relatedNotes(r: () => number, i: number, total: number, ordinal: readonly string[]): string {
	const clauses = ordinal.map((o) => {
		const name = r() < 0.8 ? noteTitle(Math.floor(r() * total)) : `Missing Topic ${Math.floor(r() * 500)}`;
		return `${o}, ${name} ${r() < 0.5 ? "which" : "that"} ${prose(r, 160).toLowerCase().replace(/\.$/, "")}`;
	});
	return `"Three related notes form the loop around note ${i}: ${clauses.join("; ")}. ${prose(r, 300)}"`;
}

/** Note `i` of a vault of `total` notes. */
export function syntheticNote(i: number, total: number, seed = 1): { path: string; text: string } {
	const r = rng(seed * 1_000_003 + i);
	const tags = Array.from({ length: 8 + Math.floor(r() * 5) }, () => pick(r, TAG_POOL));
	const block = Array.from({ length: 10 + Math.floor(r() * 10) }, () => `${pick(r, TAG_POOL)}-${Math.floor(r() * 50)}  `);
	const fm = [
		"---",
		"tags:",
		...tags.map((t) => `  - ${t}`),
		"  - |-",
		...block.map((t) => `    ${t}`),
		`  - "#S${1 + (i % 20)}_${TOPICS[i % TOPICS.length]?.split(" ")[0] ?? "Topic"}"`,
		"category: AI & Hardware",
		`description: ${prose(r, 280).replace(/:/g, ",")}`,
		`title: ${noteTitle(i)}`,
		`Receptor: ${prose(r, 4000).replace(/:/g, ",")}`,
		`Acceptor: "${prose(r, 2200)}"`,
		`SignalTransduction: "${prose(r, 2600)}"`,
		`Emergence: ${prose(r, 1500).replace(/:/g, ",")}`,
		`Activation: "${prose(r, 1300)}"`,
		`FeedbackLoop: ${relatedNotes(r, i, total, ["First", "Second", "Third"])}`,
		`SignalAmplification: ${relatedNotes(r, i, total, ["First", "Second", "Third"])}`,
		`updated: 2025-0${1 + (i % 9)}-1${i % 10} 08:18:58`,
		`created: 2025-0${1 + (i % 9)}-0${1 + (i % 9)}`,
		"---",
	];
	const body: string[] = [`### ${noteTitle(i)}`, ""];
	for (let s = 0; s < 4; s++) {
		body.push(`## Part ${s + 1}`, "", prose(r, 700), "");
		body.push(Array.from({ length: 40 }, () => pick(r, CYRILLIC)).join(" "), "");
		body.push(`- see [[${noteTitle(Math.floor(r() * total))}]]`, `- ${prose(r, 120)}`, "");
	}
	if (r() < 0.2) body.push("```gpufit", "model: Qwen3-30B", "gpu: RTX PRO 6000", "quant: [bf16, fp8]", "```", "");
	return { path: notePath(i), text: `${fm.join("\n")}\n\n${body.join("\n")}` };
}

/** The same note with a small edit (a tag and a body line), as a user would make it. */
export function editedNote(i: number, total: number, version: number, seed = 1): { path: string; text: string } {
	const note = syntheticNote(i, total, seed);
	return { path: note.path, text: note.text.replace("tags:\n", `tags:\n  - edit-${version}\n`) + `\nEdited: now on an H200 (${version}).\n` };
}
