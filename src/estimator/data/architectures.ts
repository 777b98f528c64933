/**
 * GPU architectures and the tensor math each runs natively. The format support matrix (support.ts) is derived
 * from `nativeMath`, so a fact here changes every verdict for every GPU of the architecture.
 */
import type { Architecture } from "../schema";

export const ARCHITECTURES: Architecture[] = [
	{
		id: "blackwell-rtx",
		name: "Blackwell (RTX / workstation)",
		aliases: ["sm_120", "GB202", "Blackwell RTX"],
		vendor: "nvidia",
		targets: ["sm_120"],
		nativeMath: ["fp32", "tf32", "fp16", "bf16", "int8", "fp8", "mxfp8", "fp6", "mxfp4", "nvfp4"],
		notes: ["block-scaled FP4/FP6/FP8 run through mma.sync, not the sm_100 tcgen05/TMEM path: kernels built only for sm_100 do not run"],
		released: "2025-01",
		sources: [{ ref: "NVIDIA RTX Blackwell GPU architecture whitepaper", asOf: "2025-01-30", confidence: "memory" }],
	},
];
