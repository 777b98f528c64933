/**
 * Concepts the vault recognises that are not estimator catalog entries: memory technologies, interconnects and
 * software tools/engines. The estimator has no use for them (it models engines by behaviour, not by name), so they
 * live here. Names and aliases are matched exactly like catalog names (normalizeName), so "NVLink-C2C",
 * "nvlink c2c" and "nvlink-c2c" are one concept.
 *
 * Bump DICTIONARY_VERSION when editing, so notes parsed with an older vocabulary are known to be stale.
 */

export const DICTIONARY_VERSION = 1;

export interface DictionaryEntry {
	id: string;
	name: string;
	aliases: readonly string[];
}

export const MEMORY_TECHNOLOGIES: readonly DictionaryEntry[] = [
	{ id: "hbm2", name: "HBM2", aliases: [] },
	{ id: "hbm2e", name: "HBM2e", aliases: [] },
	{ id: "hbm3", name: "HBM3", aliases: [] },
	{ id: "hbm3e", name: "HBM3e", aliases: [] },
	{ id: "hbm4", name: "HBM4", aliases: [] },
	{ id: "gddr6", name: "GDDR6", aliases: [] },
	{ id: "gddr6x", name: "GDDR6X", aliases: [] },
	{ id: "gddr7", name: "GDDR7", aliases: [] },
	{ id: "lpddr5", name: "LPDDR5", aliases: [] },
	{ id: "lpddr5x", name: "LPDDR5X", aliases: [] },
];

export const INTERCONNECTS: readonly DictionaryEntry[] = [
	{ id: "pcie", name: "PCIe", aliases: ["PCI Express", "PCI-e"] },
	{ id: "nvlink", name: "NVLink", aliases: ["NV Link"] },
	{ id: "nvlink-c2c", name: "NVLink-C2C", aliases: [] },
	{ id: "nvswitch", name: "NVSwitch", aliases: [] },
	{ id: "infinity-fabric", name: "Infinity Fabric", aliases: ["xGMI"] },
	{ id: "ualink", name: "UALink", aliases: [] },
	{ id: "infiniband", name: "InfiniBand", aliases: [] },
];

export const TOOLS: readonly DictionaryEntry[] = [
	{ id: "vllm", name: "vLLM", aliases: [] },
	{ id: "llama.cpp", name: "llama.cpp", aliases: ["llamacpp", "llama-cpp"] },
	{ id: "tensorrt", name: "TensorRT", aliases: ["NVIDIA TensorRT"] },
	{ id: "tensorrt-llm", name: "TensorRT-LLM", aliases: ["TRT-LLM"] },
	{ id: "transformers", name: "Transformers", aliases: ["Hugging Face Transformers", "HF Transformers", "HuggingFace Transformers"] },
	{ id: "pytorch", name: "PyTorch", aliases: [] },
	{ id: "pytorch-lightning", name: "PyTorch Lightning", aliases: ["Lightning AI"] },
	{ id: "mlflow", name: "MLflow", aliases: [] },
	{ id: "cuda-toolkit", name: "CUDA Toolkit", aliases: ["CUDA"] },
	{ id: "rocm", name: "ROCm", aliases: [] },
	{ id: "sglang", name: "SGLang", aliases: [] },
	{ id: "ollama", name: "Ollama", aliases: [] },
	{ id: "lm-studio", name: "LM Studio", aliases: ["LMStudio"] },
	{ id: "exllama", name: "ExLlama", aliases: ["ExLlamaV2", "ExLlamaV3"] },
	{ id: "tgi", name: "Text Generation Inference", aliases: ["TGI"] },
	{ id: "deepspeed", name: "DeepSpeed", aliases: [] },
	{ id: "triton", name: "Triton", aliases: ["OpenAI Triton"] },
	{ id: "flash-attention", name: "FlashAttention", aliases: ["Flash Attention", "FlashAttention-2", "FlashAttention-3"] },
];

/**
 * Single words that are names here but ordinary English (or dates: "Q4 2025") in prose. They are only recognised
 * when a whole tag or title is exactly that word. Everything else single-word and alphabetic must be written with
 * a capital letter somewhere in prose ("Hopper", "vLLM", "AWQ"), see ConceptMatcher.
 */
export const PROSE_AMBIGUOUS = new Set([
	"half", "single", "double", "float", "transformers", "lightning", "triton",
	"q1", "q2", "q3", "q4", "h1", "h2",
]);
