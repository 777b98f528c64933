/** The GPU catalog. Every entry carries its sources; validated at load against GpuSchema. */
import type { Gpu } from "../schema";

export const GPUS: Gpu[] = [
	{
		id: "rtx-pro-6000-blackwell",
		name: "RTX PRO 6000 Blackwell Workstation Edition",
		aliases: ["RTX PRO 6000 Blackwell", "RTX PRO 6000", "rtx-pro-6000", "RTX 6000 PRO B", "RTX 6000 PRO Blackwell", "RTX PRO 6000 Workstation"],
		vendor: "nvidia",
		architecture: "blackwell-rtx",
		computeCapability: "12.0",
		segment: "workstation",
		memory: { marketedGB: 96, usableGiB: 97887 / 1024, type: "GDDR7", busBits: 512 },
		bandwidthGBs: 1792,
		tflops: { fp32: 125, tf32: 126, fp16: 504, bf16: 504, fp8: 1008, int8: 1008, fp4: 2000, dense: true },
		smCount: 188,
		boostClockMHz: 2617,
		tdpW: 600,
		interconnect: { pcie: "PCIe 5.0 x16", linkGBs: null },
		launched: "2025-03-18",
		availability: { status: "shipping" },
		price: { usd: 8500, asOf: "2025-06", kind: "street" },
		sources: [
			{ ref: "https://gpu.name/posts/nvidia-unveils-rtx-pro-6000-blackwell-gpu-with-24-064-cores-and-96gb-memory", asOf: "2025-03-18", confidence: "secondary", fields: ["memory.marketedGB", "bandwidthGBs", "tdpW", "smCount", "interconnect"] },
			{ ref: "nvidia-smi memory.total 97887 MiB (MarcoPizeta/flash-next-rtxpro6000-bench HARDWARE.md)", asOf: "2026-01", confidence: "verified", fields: ["memory.usableGiB"] },
			{ ref: "dense tensor rates derived: 188 SM × 1024 FP16 FLOP/clk × 2.617 GHz; FP4 from 4,000 AI TOPS sparse / 2", asOf: "2025-03-18", confidence: "derived", fields: ["tflops"] },
			{ ref: "street price, press reports", asOf: "2025-06", confidence: "memory", fields: ["price"] },
		],
	},
];
