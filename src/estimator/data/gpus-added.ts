/**
 * GPUs added in round 2: the parts public benchmark tables are full of (GeForce 30/40/50, RTX Ampere/Ada
 * workstation cards, A10/A40/L4/H20, Radeon RX, Strix Halo, Intel Arc, Apple M1–M4 Max/Pro/Ultra, Jetson Orin).
 *
 * Tensor rates are derived from the vendor's SM/CU count and boost clock with the per-SM-per-clock dense rates of
 * each architecture (stated on each builder), the same convention as ./gpus.ts: dense figures, and for GeForce
 * the FP32-accumulate rate for fp16/bf16/fp8. Where a vendor publishes a figure it is quoted in the source note and
 * agrees with the derivation to the rounding shown.
 */
import type { Gpu, Source } from "../schema";

type NvArch = "turing" | "ampere" | "ada" | "blackwell-rtx";

/** Dense FLOP (or int8 OP) per SM per clock. GeForce: fp16/bf16/fp8 at half rate with FP32 accumulate. */
const NV_RATES: Record<NvArch, { fp32: number; fp16: number; fp8?: number; int8: number; fp4?: number; bf16: boolean; source: string }> = {
	// TU102: 64 FP32 cores and 8 tensor cores (64 FP16 FMA each) per SM.
	turing: { fp32: 128, fp16: 1024, int8: 2048, bf16: false, source: "NVIDIA Turing architecture whitepaper (RTX 2080 Ti: 13.4 TF FP32, 107.6 TF FP16 tensor with FP16 accumulate, 215 INT8 TOPS)" },
	// GA10x: 128 FP32 lanes, third-gen tensor cores 1024 FP16 FLOP/clk (RTX 3090: 82 SM × 1024 × 1.695 GHz = 142 TF).
	ampere: { fp32: 256, fp16: 1024, int8: 2048, bf16: true, source: "NVIDIA Ampere GA102 GPU architecture whitepaper (per-SM tensor rates; RTX 3090 142 TF FP16 / 284 INT8 TOPS dense)" },
	// AD10x: fourth-gen tensor cores add FP8 at twice the FP16 rate (RTX 4090: 128 SM × 1024 × 2.52 GHz = 330 TF FP16).
	ada: { fp32: 256, fp16: 1024, fp8: 2048, int8: 2048, bf16: true, source: "NVIDIA Ada GPU architecture whitepaper, appendix tables (RTX 4090 330 TF FP16 / 660 TF FP8 dense with FP16 accumulate)" },
	// GB20x: fifth-gen tensor cores add FP4 at twice the FP8 rate (RTX 5090: 170 SM × 4096 × 2.407 GHz = 1,676 TF FP4).
	"blackwell-rtx": { fp32: 256, fp16: 1024, fp8: 2048, int8: 2048, fp4: 4096, bf16: true, source: "NVIDIA RTX Blackwell GPU architecture whitepaper, appendix tables (RTX 5090 3,352 AI TOPS FP4 sparse = 1,676 dense)" },
};

const CC: Record<NvArch, string> = { turing: "7.5", ampere: "8.6", ada: "8.9", "blackwell-rtx": "12.0" };

interface NvSpec {
	id: string; name: string; aliases: string[]; arch: NvArch; segment: Gpu["segment"]; cc?: string;
	gb: number; mib: number; mibSource: string; type: string; bus: number; bw: number;
	sms: number; mhz: number; tdp: number; pcie: string; launched: string; status: Gpu["availability"]["status"];
	msrp?: number; specRef: string; note?: string;
	/** Datacenter parts with published tensor figures: stored as given (dense). */
	published?: Partial<Gpu["tflops"]>; publishedRef?: string;
	link?: Gpu["interconnect"];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

function nvidia(s: NvSpec): Gpu {
	const rate = NV_RATES[s.arch];
	const ghz = s.mhz / 1000;
	const geforce = s.segment === "consumer";
	const tc = (perClk: number) => r1((perClk * s.sms * ghz) / 1000);
	const half = geforce ? 0.5 : 1;
	const derived: Gpu["tflops"] = {
		fp32: tc(rate.fp32),
		fp16: r1(tc(rate.fp16) * half),
		...(rate.bf16 ? { bf16: r1(tc(rate.fp16) * half) } : {}),
		...(rate.fp8 ? { fp8: r1(tc(rate.fp8) * half) } : {}),
		int8: tc(rate.int8),
		...(rate.fp4 ? { fp4: tc(rate.fp4) } : {}),
		dense: true,
		...(geforce ? { fp32AccumulateHalfRate: true } : {}),
	};
	const tflops: Gpu["tflops"] = s.published ? { ...derived, ...s.published, dense: true } : derived;
	const sources: Source[] = [
		{ ref: s.specRef, asOf: s.launched.slice(0, 7), confidence: "memory", fields: ["memory.marketedGB", "memory.busBits", "bandwidthGBs", "smCount", "boostClockMHz", "tdpW", "interconnect", "launched", ...(s.msrp ? ["price"] : [])], ...(s.note ? { note: s.note } : {}) },
		{ ref: `derived: dense tensor rates = SM × per-clock rate × boost clock (${rate.source})${geforce ? "; fp16/bf16/fp8 halved for GeForce FP32 accumulate" : ""}`, asOf: "2026-11", confidence: "derived", fields: s.published ? ["tflops.fp32"] : ["tflops"] },
		{ ref: `nvidia-smi memory.total ${s.mib} MiB (${s.mibSource})`, asOf: "2026-11", confidence: s.mibSource.startsWith("derived") ? "derived" : "secondary", fields: ["memory.usableGiB"] },
	];
	if (s.published) sources.push({ ref: s.publishedRef ?? s.specRef, asOf: s.launched.slice(0, 7), confidence: "memory", fields: ["tflops"], note: "datasheet figures (sparse ones halved)" });
	return {
		id: s.id, name: s.name, aliases: s.aliases, vendor: "nvidia", architecture: s.arch === "turing" ? "turing" : s.arch,
		computeCapability: s.cc ?? CC[s.arch], segment: s.segment,
		memory: { marketedGB: s.gb, usableGiB: s.mib / 1024, type: s.type, busBits: s.bus },
		bandwidthGBs: s.bw, tflops, smCount: s.sms, boostClockMHz: s.mhz, tdpW: s.tdp,
		interconnect: s.link ?? { pcie: s.pcie, linkGBs: null },
		launched: s.launched, availability: { status: s.status },
		...(s.msrp ? { price: { usd: s.msrp, asOf: s.launched.slice(0, 7), kind: "launch-msrp" as const } } : {}),
		sources,
	};
}

const GEFORCE_MIB = "derived: GB × 1024 MiB, as nvidia-smi reports for GDDR6/6X GeForce cards without ECC (RTX 3090: 24576)";
const ADA_MIB = "derived: GB × 1024 − 12 MiB, as nvidia-smi reports for Ada cards (RTX 4090: 24564)";
const BW_MIB = "derived: GB × 1024 × 32607/32768, the RTX 5090's reported share";

const RTX30 = "NVIDIA GeForce RTX 30 series specifications (nvidia.com product pages)";
const RTX40 = "NVIDIA GeForce RTX 40 series specifications (nvidia.com product pages)";
const RTX50 = "NVIDIA GeForce RTX 50 series specifications (nvidia.com product pages)";
const RTX_PRO = "NVIDIA RTX professional GPU datasheets (RTX A4000/A5000, RTX 4000/5000 Ada)";

export const NVIDIA_ADDED: Gpu[] = [
	// ── Turing
	nvidia({ id: "rtx-2080-ti", name: "GeForce RTX 2080 Ti", aliases: ["RTX 2080 Ti", "2080 Ti", "2080Ti", "GeForce RTX 2080 Ti", "NVIDIA GeForce RTX 2080 Ti"], arch: "turing", segment: "consumer", gb: 11, mib: 11264, mibSource: GEFORCE_MIB, type: "GDDR6", bus: 352, bw: 616, sms: 68, mhz: 1545, tdp: 250, pcie: "PCIe 3.0 x16", launched: "2018-09-27", status: "discontinued", msrp: 999, specRef: "NVIDIA GeForce RTX 2080 Ti specifications; Turing whitepaper", note: "Turing has no BF16: the bf16 column is absent" }),
	// ── Ampere GeForce
	nvidia({ id: "rtx-3060-12gb", name: "GeForce RTX 3060 (12 GB)", aliases: ["RTX 3060", "3060", "RTX 3060 12GB", "GeForce RTX 3060", "NVIDIA GeForce RTX 3060"], arch: "ampere", segment: "consumer", gb: 12, mib: 12288, mibSource: GEFORCE_MIB, type: "GDDR6", bus: 192, bw: 360, sms: 28, mhz: 1777, tdp: 170, pcie: "PCIe 4.0 x16", launched: "2021-02-25", status: "discontinued", msrp: 329, specRef: RTX30 }),
	nvidia({ id: "rtx-3070", name: "GeForce RTX 3070", aliases: ["RTX 3070", "3070", "GeForce RTX 3070", "NVIDIA GeForce RTX 3070", "RTX 3070 8GB"], arch: "ampere", segment: "consumer", gb: 8, mib: 8192, mibSource: GEFORCE_MIB, type: "GDDR6", bus: 256, bw: 448, sms: 46, mhz: 1725, tdp: 220, pcie: "PCIe 4.0 x16", launched: "2020-10-29", status: "discontinued", msrp: 499, specRef: RTX30 }),
	nvidia({ id: "rtx-3080-ti", name: "GeForce RTX 3080 Ti", aliases: ["RTX 3080 Ti", "3080 Ti", "3080Ti", "GeForce RTX 3080 Ti", "NVIDIA GeForce RTX 3080 Ti"], arch: "ampere", segment: "consumer", gb: 12, mib: 12288, mibSource: GEFORCE_MIB, type: "GDDR6X", bus: 384, bw: 912, sms: 80, mhz: 1665, tdp: 350, pcie: "PCIe 4.0 x16", launched: "2021-06-03", status: "discontinued", msrp: 1199, specRef: RTX30 }),
	nvidia({ id: "rtx-3090-ti", name: "GeForce RTX 3090 Ti", aliases: ["RTX 3090 Ti", "3090 Ti", "3090Ti", "GeForce RTX 3090 Ti", "NVIDIA GeForce RTX 3090 Ti"], arch: "ampere", segment: "consumer", gb: 24, mib: 24564, mibSource: "derived: as the RTX 3090 Ti's public nvidia-smi logs (24564 MiB)", type: "GDDR6X", bus: 384, bw: 1008, sms: 84, mhz: 1860, tdp: 450, pcie: "PCIe 4.0 x16", launched: "2022-03-29", status: "discontinued", msrp: 1999, specRef: RTX30 }),
	// ── Ampere workstation / datacenter
	nvidia({ id: "rtx-a4000", name: "RTX A4000", aliases: ["A4000", "RTX A4000", "NVIDIA RTX A4000", "Quadro RTX A4000"], arch: "ampere", segment: "workstation", gb: 16, mib: 16376, mibSource: "derived: GB × 1024 − 8 MiB with ECC off (public RTX A4000 logs report 16376 MiB)", type: "GDDR6", bus: 256, bw: 448, sms: 48, mhz: 1560, tdp: 140, pcie: "PCIe 4.0 x16", launched: "2021-04-12", status: "shipping", msrp: 1000, specRef: RTX_PRO, note: "single slot, 140 W; 19.2 TF FP32" }),
	nvidia({ id: "rtx-a5000", name: "RTX A5000", aliases: ["A5000", "RTX A5000", "NVIDIA RTX A5000"], arch: "ampere", segment: "workstation", gb: 24, mib: 24564, mibSource: "derived: GB × 1024 − 12 MiB (public RTX A5000 logs report 24564 MiB)", type: "GDDR6", bus: 384, bw: 768, sms: 64, mhz: 1695, tdp: 230, pcie: "PCIe 4.0 x16", launched: "2021-04-12", status: "shipping", msrp: 2250, specRef: RTX_PRO, link: { pcie: "PCIe 4.0 x16", linkGBs: 112.5, linkName: "NVLink 3 bridge (2-way)" } }),
	nvidia({ id: "a10", name: "A10 (24 GB)", aliases: ["A10", "NVIDIA A10", "A10 24GB", "A10G"], arch: "ampere", segment: "datacenter", gb: 24, mib: 23028, mibSource: "public cloud nvidia-smi output (A10 with ECC on: 23028 MiB)", type: "GDDR6", bus: 384, bw: 600, sms: 72, mhz: 1695, tdp: 150, pcie: "PCIe 4.0 x16", launched: "2021-04-12", status: "datacenter-only", specRef: "NVIDIA A10 Tensor Core GPU datasheet", published: { fp32: 31.2, tf32: 62.5, fp16: 125, bf16: 125, int8: 250 }, note: "A10G (AWS) is a close variant with 600 GB/s" }),
	nvidia({ id: "a40", name: "A40 (48 GB)", aliases: ["A40", "NVIDIA A40", "A40 48GB"], arch: "ampere", segment: "datacenter", gb: 48, mib: 46068, mibSource: "public nvidia-smi logs (A40 with ECC on: 46068 MiB)", type: "GDDR6", bus: 384, bw: 696, sms: 84, mhz: 1740, tdp: 300, pcie: "PCIe 4.0 x16", launched: "2020-10-05", status: "datacenter-only", specRef: "NVIDIA A40 datasheet", published: { fp32: 37.4, tf32: 74.8, fp16: 149.7, bf16: 149.7, int8: 299.3 }, link: { pcie: "PCIe 4.0 x16", linkGBs: 112.5, linkName: "NVLink 3 bridge (2-way)" } }),
	// ── Ada GeForce
	nvidia({ id: "rtx-4060-ti-16gb", name: "GeForce RTX 4060 Ti (16 GB)", aliases: ["RTX 4060 Ti 16GB", "4060 Ti 16GB", "RTX 4060 Ti", "4060 Ti", "GeForce RTX 4060 Ti 16GB", "NVIDIA GeForce RTX 4060 Ti"], arch: "ada", segment: "consumer", gb: 16, mib: 16380, mibSource: ADA_MIB.replace("− 12", "− 4"), type: "GDDR6", bus: 128, bw: 288, sms: 34, mhz: 2535, tdp: 165, pcie: "PCIe 4.0 x8", launched: "2023-07-18", status: "shipping", msrp: 499, specRef: RTX40 }),
	nvidia({ id: "rtx-4070", name: "GeForce RTX 4070", aliases: ["RTX 4070", "4070", "GeForce RTX 4070", "NVIDIA GeForce RTX 4070"], arch: "ada", segment: "consumer", gb: 12, mib: 12282, mibSource: ADA_MIB.replace("− 12", "− 6"), type: "GDDR6X", bus: 192, bw: 504, sms: 46, mhz: 2475, tdp: 200, pcie: "PCIe 4.0 x16", launched: "2023-04-13", status: "shipping", msrp: 599, specRef: RTX40 }),
	nvidia({ id: "rtx-4070-ti", name: "GeForce RTX 4070 Ti", aliases: ["RTX 4070 Ti", "4070 Ti", "4070Ti", "GeForce RTX 4070 Ti", "NVIDIA GeForce RTX 4070 Ti"], arch: "ada", segment: "consumer", gb: 12, mib: 12282, mibSource: ADA_MIB.replace("− 12", "− 6"), type: "GDDR6X", bus: 192, bw: 504, sms: 60, mhz: 2610, tdp: 285, pcie: "PCIe 4.0 x16", launched: "2023-01-05", status: "discontinued", msrp: 799, specRef: RTX40 }),
	nvidia({ id: "rtx-4070-ti-super", name: "GeForce RTX 4070 Ti SUPER", aliases: ["RTX 4070 Ti Super", "4070 Ti Super", "RTX 4070 Ti SUPER", "GeForce RTX 4070 Ti SUPER", "NVIDIA GeForce RTX 4070 Ti SUPER"], arch: "ada", segment: "consumer", gb: 16, mib: 16376, mibSource: ADA_MIB.replace("− 12", "− 8"), type: "GDDR6X", bus: 256, bw: 672, sms: 66, mhz: 2610, tdp: 285, pcie: "PCIe 4.0 x16", launched: "2024-01-24", status: "shipping", msrp: 799, specRef: RTX40 }),
	nvidia({ id: "rtx-4080", name: "GeForce RTX 4080", aliases: ["RTX 4080", "4080", "GeForce RTX 4080", "NVIDIA GeForce RTX 4080", "RTX 4080 16GB"], arch: "ada", segment: "consumer", gb: 16, mib: 16376, mibSource: ADA_MIB.replace("− 12", "− 8"), type: "GDDR6X", bus: 256, bw: 716.8, sms: 76, mhz: 2505, tdp: 320, pcie: "PCIe 4.0 x16", launched: "2022-11-16", status: "discontinued", msrp: 1199, specRef: RTX40 }),
	nvidia({ id: "rtx-4080-super", name: "GeForce RTX 4080 SUPER", aliases: ["RTX 4080 Super", "4080 Super", "RTX 4080 SUPER", "GeForce RTX 4080 SUPER", "NVIDIA GeForce RTX 4080 SUPER"], arch: "ada", segment: "consumer", gb: 16, mib: 16376, mibSource: ADA_MIB.replace("− 12", "− 8"), type: "GDDR6X", bus: 256, bw: 736.3, sms: 80, mhz: 2550, tdp: 320, pcie: "PCIe 4.0 x16", launched: "2024-01-31", status: "shipping", msrp: 999, specRef: RTX40 }),
	// ── Ada workstation / datacenter
	nvidia({ id: "rtx-4000-ada", name: "RTX 4000 Ada Generation", aliases: ["RTX 4000 Ada", "NVIDIA RTX 4000 Ada Generation", "4000 Ada", "RTX 4000 Ada 20GB"], arch: "ada", segment: "workstation", gb: 20, mib: 20475, mibSource: "derived: GB × 1024 − 5 MiB (public RTX 4000 Ada logs report 20475 MiB)", type: "GDDR6", bus: 160, bw: 360, sms: 48, mhz: 2175, tdp: 130, pcie: "PCIe 4.0 x16", launched: "2023-08-09", status: "shipping", msrp: 1250, specRef: RTX_PRO, note: "26.7 TF FP32, 327 AI TOPS (FP8 sparse)" }),
	nvidia({ id: "rtx-5000-ada", name: "RTX 5000 Ada Generation", aliases: ["RTX 5000 Ada", "NVIDIA RTX 5000 Ada Generation", "5000 Ada", "RTX 5000 Ada 32GB"], arch: "ada", segment: "workstation", gb: 32, mib: 32760, mibSource: "derived: GB × 1024 − 8 MiB (public RTX 5000 Ada logs report 32760 MiB)", type: "GDDR6", bus: 256, bw: 576, sms: 100, mhz: 2550, tdp: 250, pcie: "PCIe 4.0 x16", launched: "2023-08-09", status: "shipping", msrp: 4000, specRef: RTX_PRO, note: "65.3 TF FP32" }),
	nvidia({ id: "l4", name: "L4 (24 GB)", aliases: ["L4", "NVIDIA L4", "L4 24GB"], arch: "ada", segment: "datacenter", gb: 24, mib: 23034, mibSource: "public cloud nvidia-smi output (L4 with ECC on: 23034 MiB)", type: "GDDR6", bus: 192, bw: 300, sms: 58, mhz: 2040, tdp: 72, pcie: "PCIe 4.0 x16", launched: "2023-03-21", status: "datacenter-only", specRef: "NVIDIA L4 Tensor Core GPU datasheet", published: { fp32: 30.3, tf32: 60, fp16: 121, bf16: 121, fp8: 242.5, int8: 242.5 } }),
	// ── Blackwell GeForce
	nvidia({ id: "rtx-5060-ti-16gb", name: "GeForce RTX 5060 Ti (16 GB)", aliases: ["RTX 5060 Ti 16GB", "5060 Ti 16GB", "RTX 5060 Ti", "5060 Ti", "GeForce RTX 5060 Ti", "NVIDIA GeForce RTX 5060 Ti"], arch: "blackwell-rtx", segment: "consumer", gb: 16, mib: 16303, mibSource: BW_MIB, type: "GDDR7", bus: 128, bw: 448, sms: 36, mhz: 2572, tdp: 180, pcie: "PCIe 5.0 x8", launched: "2025-04-16", status: "shipping", msrp: 429, specRef: RTX50 }),
	nvidia({ id: "rtx-5070", name: "GeForce RTX 5070", aliases: ["RTX 5070", "5070", "GeForce RTX 5070", "NVIDIA GeForce RTX 5070"], arch: "blackwell-rtx", segment: "consumer", gb: 12, mib: 12227, mibSource: BW_MIB, type: "GDDR7", bus: 192, bw: 672, sms: 48, mhz: 2512, tdp: 250, pcie: "PCIe 5.0 x16", launched: "2025-03-05", status: "shipping", msrp: 549, specRef: RTX50 }),
	nvidia({ id: "rtx-5070-ti", name: "GeForce RTX 5070 Ti", aliases: ["RTX 5070 Ti", "5070 Ti", "5070Ti", "GeForce RTX 5070 Ti", "NVIDIA GeForce RTX 5070 Ti"], arch: "blackwell-rtx", segment: "consumer", gb: 16, mib: 16303, mibSource: BW_MIB, type: "GDDR7", bus: 256, bw: 896, sms: 70, mhz: 2452, tdp: 300, pcie: "PCIe 5.0 x16", launched: "2025-02-20", status: "shipping", msrp: 749, specRef: RTX50 }),
	nvidia({ id: "rtx-5080", name: "GeForce RTX 5080", aliases: ["RTX 5080", "5080", "GeForce RTX 5080", "NVIDIA GeForce RTX 5080"], arch: "blackwell-rtx", segment: "consumer", gb: 16, mib: 16303, mibSource: BW_MIB, type: "GDDR7", bus: 256, bw: 960, sms: 84, mhz: 2617, tdp: 360, pcie: "PCIe 5.0 x16", launched: "2025-01-30", status: "shipping", msrp: 999, specRef: RTX50 }),
];

const APPLE_WIRED = "macOS default GPU wired-memory limit: recommendedMaxWorkingSetSize ≈ 2/3 of RAM up to 36 GB, ≈ 75% above (raise with sysctl iogpu.wired_limit_mb)";

interface AppleSpec {
	id: string; name: string; aliases: string[]; arch: string; gb: number; type: string; bus: number; bw: number;
	cores: number; mhz: number; launched: string; status: Gpu["availability"]["status"]; segment: Gpu["segment"];
	link: string; specRef: string;
}

/** Apple GPUs: 128 FP32 ALUs per core, FP16 at the FP32 rate, no matrix units for 4/8-bit types. */
function apple(s: AppleSpec): Gpu {
	const fp32 = r1((s.cores * 128 * 2 * s.mhz) / 1e6);
	const share = s.gb > 36 ? 0.75 : 2 / 3;
	return {
		id: s.id, name: s.name, aliases: s.aliases, vendor: "apple", architecture: s.arch, segment: s.segment,
		memory: { marketedGB: s.gb, usableGiB: Math.round(s.gb * share * 100) / 100, type: s.type, busBits: s.bus, unified: true },
		bandwidthGBs: s.bw, tflops: { fp32, fp16: fp32, dense: true }, smCount: s.cores, boostClockMHz: s.mhz,
		interconnect: { linkGBs: null, linkName: s.link }, launched: s.launched, availability: { status: s.status },
		sources: [
			{ ref: s.specRef, asOf: s.launched.slice(0, 7), confidence: "memory", fields: ["memory.marketedGB", "memory.busBits", "bandwidthGBs", "smCount", "interconnect", "launched"] },
			{ ref: `derived: ${s.cores} cores × 128 ALUs × 2 FLOP × ${s.mhz / 1000} GHz = ${fp32} TFLOPS (clock from public GPU databases; Apple publishes none); FP16 at the FP32 rate`, asOf: "2026-11", confidence: "derived", fields: ["tflops", "boostClockMHz"] },
			{ ref: APPLE_WIRED, asOf: "2025-06", confidence: "derived", fields: ["memory.usableGiB"], note: `${s.gb} GB × ${share === 0.75 ? "0.75" : "2/3"}` },
		],
	};
}

export const OTHER_ADDED: Gpu[] = [
	{
		id: "h20",
		name: "H20 (96 GB)",
		aliases: ["H20", "NVIDIA H20", "H20 96GB"],
		vendor: "nvidia",
		architecture: "hopper",
		computeCapability: "9.0",
		segment: "datacenter",
		memory: { marketedGB: 96, usableGiB: 97871 / 1024, type: "HBM3", busBits: 6144 },
		bandwidthGBs: 4000,
		tflops: { fp32: 44, tf32: 74, fp16: 148, bf16: 148, fp8: 296, int8: 296, dense: true },
		tdpW: 400,
		interconnect: { pcie: "PCIe 5.0 x16", linkGBs: 900, linkName: "NVLink 4" },
		launched: "2024-02",
		availability: { status: "datacenter-only" },
		sources: [
			{ ref: "NVIDIA HGX H20 product brief (China export SKU) as reported by the press", asOf: "2024-02", confidence: "memory", fields: ["memory.marketedGB", "memory.busBits", "bandwidthGBs", "tflops", "tdpW", "interconnect", "launched"], note: "96 GB HBM3, 4.0 TB/s, 148 TF FP16/BF16 and 296 TF FP8 dense, 400 W, NVLink 900 GB/s: a bandwidth-rich, compute-poor Hopper" },
			{ ref: "derived: 96 GiB less the ~1.4% HBM reserve seen on H100 (81559 of 81920 MiB) → 97871 MiB", asOf: "2026-11", confidence: "derived", fields: ["memory.usableGiB"] },
		],
	},
	{
		id: "jetson-agx-orin-64gb",
		name: "Jetson AGX Orin 64GB",
		aliases: ["Jetson AGX Orin", "AGX Orin", "Jetson Orin 64GB", "NVIDIA Jetson AGX Orin", "Orin"],
		vendor: "nvidia",
		architecture: "ampere",
		computeCapability: "8.7",
		segment: "desktop-soc",
		memory: { marketedGB: 64, usableGiB: 61.4, type: "LPDDR5", busBits: 256, unified: true },
		bandwidthGBs: 204.8,
		tflops: { fp32: 5.3, fp16: 42.5, bf16: 42.5, int8: 85, dense: true },
		smCount: 16,
		boostClockMHz: 1300,
		tdpW: 60,
		interconnect: { pcie: "PCIe 4.0 (x8 + x4)", linkGBs: null },
		launched: "2022-03-22",
		availability: { status: "shipping" },
		price: { usd: 1999, asOf: "2023-03", kind: "launch-msrp" },
		sources: [
			{ ref: "NVIDIA Jetson AGX Orin series technical brief / module datasheet", asOf: "2023-03", confidence: "memory", fields: ["memory.marketedGB", "memory.busBits", "bandwidthGBs", "smCount", "boostClockMHz", "tdpW", "interconnect", "launched", "price", "tflops.fp32"], note: "2048 CUDA cores / 64 tensor cores (16 SMs) at 1.3 GHz, 170 sparse INT8 TOPS for the GPU, 64 GB LPDDR5 204.8 GB/s, 15–60 W; dev kit $1,999" },
			{ ref: "derived: INT8 dense = 170 sparse TOPS / 2 = 85; FP16 dense = INT8 / 2", asOf: "2023-03", confidence: "derived", fields: ["tflops"] },
			{ ref: "derived: 64 GB less the kernel, carve-outs and CPU share of unified memory (~61 GiB shown as MemTotal on JetPack 6)", asOf: "2026-11", confidence: "derived", fields: ["memory.usableGiB"] },
		],
	},
	// ── AMD Radeon
	{
		id: "rx-7900-xtx",
		name: "AMD Radeon RX 7900 XTX",
		aliases: ["RX 7900 XTX", "7900 XTX", "7900XTX", "Radeon RX 7900 XTX", "AMD Radeon RX 7900 XTX"],
		vendor: "amd",
		architecture: "rdna3",
		gfxTarget: "gfx1100",
		segment: "consumer",
		memory: { marketedGB: 24, usableGiB: 25753026560 / 2 ** 30, type: "GDDR6", busBits: 384 },
		bandwidthGBs: 960,
		tflops: { fp32: 61.4, fp16: 122.8, bf16: 122.8, int8: 122.8, dense: true },
		smCount: 96,
		boostClockMHz: 2500,
		tdpW: 355,
		interconnect: { pcie: "PCIe 4.0 x16", linkGBs: null },
		launched: "2022-12-13",
		availability: { status: "shipping" },
		price: { usd: 999, asOf: "2022-12", kind: "launch-msrp" },
		sources: [
			{ ref: "AMD Radeon RX 7900 XTX product page", asOf: "2022-12", confidence: "memory", fields: ["memory.marketedGB", "memory.busBits", "bandwidthGBs", "smCount", "boostClockMHz", "tdpW", "interconnect", "launched", "price", "tflops.fp32"], note: "96 CUs, 2.5 GHz boost, 24 GB 20 Gbps 384-bit, 355 W" },
			{ ref: "derived: WMMA FP16/BF16/INT8 = 96 CU × 512 per clk × 2.5 GHz (RDNA 3 per-CU rates, as for the W7900)", asOf: "2025-03", confidence: "derived", fields: ["tflops"] },
			{ ref: "derived: 24 GiB less 16 MiB, as rocm-smi reports for 24 GB Radeon cards (25753026560 B)", asOf: "2026-11", confidence: "derived", fields: ["memory.usableGiB"] },
		],
	},
	{
		id: "rx-7900-xt",
		name: "AMD Radeon RX 7900 XT",
		aliases: ["RX 7900 XT", "7900 XT", "7900XT", "Radeon RX 7900 XT", "AMD Radeon RX 7900 XT"],
		vendor: "amd",
		architecture: "rdna3",
		gfxTarget: "gfx1100",
		segment: "consumer",
		memory: { marketedGB: 20, usableGiB: 21458059264 / 2 ** 30, type: "GDDR6", busBits: 320 },
		bandwidthGBs: 800,
		tflops: { fp32: 51.6, fp16: 103.2, bf16: 103.2, int8: 103.2, dense: true },
		smCount: 84,
		boostClockMHz: 2400,
		tdpW: 315,
		interconnect: { pcie: "PCIe 4.0 x16", linkGBs: null },
		launched: "2022-12-13",
		availability: { status: "shipping" },
		price: { usd: 899, asOf: "2022-12", kind: "launch-msrp" },
		sources: [
			{ ref: "AMD Radeon RX 7900 XT product page", asOf: "2022-12", confidence: "memory", fields: ["memory.marketedGB", "memory.busBits", "bandwidthGBs", "smCount", "boostClockMHz", "tdpW", "interconnect", "launched", "price", "tflops.fp32"] },
			{ ref: "derived: WMMA = 84 CU × 512 per clk × 2.4 GHz (RDNA 3 per-CU rates)", asOf: "2025-03", confidence: "derived", fields: ["tflops"] },
			{ ref: "derived: 20 GiB less 16 MiB (rocm-smi convention)", asOf: "2026-11", confidence: "derived", fields: ["memory.usableGiB"] },
		],
	},
	{
		id: "rx-9070-xt",
		name: "AMD Radeon RX 9070 XT",
		aliases: ["RX 9070 XT", "9070 XT", "9070XT", "Radeon RX 9070 XT", "AMD Radeon RX 9070 XT"],
		vendor: "amd",
		architecture: "rdna4",
		gfxTarget: "gfx1201",
		segment: "consumer",
		memory: { marketedGB: 16, usableGiB: 17163091968 / 2 ** 30, type: "GDDR6", busBits: 256 },
		bandwidthGBs: 644.6,
		tflops: { fp32: 48.7, fp16: 194.7, bf16: 194.7, fp8: 389.3, int8: 389.3, dense: true },
		smCount: 64,
		boostClockMHz: 2970,
		tdpW: 304,
		interconnect: { pcie: "PCIe 5.0 x16", linkGBs: null },
		launched: "2025-03-06",
		availability: { status: "shipping" },
		price: { usd: 599, asOf: "2025-03", kind: "launch-msrp" },
		sources: [
			{ ref: "AMD Radeon RX 9070 XT product page", asOf: "2025-03", confidence: "memory", fields: ["memory.marketedGB", "smCount", "boostClockMHz", "tdpW", "interconnect", "launched", "price", "tflops.fp32"], note: "64 CUs, 2.97 GHz boost, 304 W" },
			{ ref: "https://multiplayer.it/notizie/amd-radeon-rx-9070-xt-rx-9070-specifiche.html", asOf: "2025-02", confidence: "secondary", fields: ["memory.busBits", "bandwidthGBs"], note: "Navi 48: 256-bit GDDR6 20 Gbps (644.6 GB/s)" },
			{ ref: "derived: RDNA 4 dense WMMA per CU per clk FP16 1024, FP8/INT8 2048 × 64 CU × 2.97 GHz", asOf: "2025-03", confidence: "derived", fields: ["tflops"] },
			{ ref: "derived: 16 GiB less 16 MiB (rocm-smi convention)", asOf: "2026-11", confidence: "derived", fields: ["memory.usableGiB"] },
		],
	},
	{
		id: "radeon-vii",
		name: "AMD Radeon VII",
		aliases: ["Radeon VII", "AMD Radeon VII", "Radeon 7", "Vega 20"],
		vendor: "amd",
		architecture: "gcn5",
		gfxTarget: "gfx906",
		segment: "consumer",
		memory: { marketedGB: 16, usableGiB: 17163091968 / 2 ** 30, type: "HBM2", busBits: 4096 },
		bandwidthGBs: 1024,
		tflops: { fp32: 13.4, fp16: 26.9, int8: 53.8, dense: true },
		smCount: 60,
		boostClockMHz: 1750,
		tdpW: 300,
		interconnect: { pcie: "PCIe 3.0 x16", linkGBs: null },
		launched: "2019-02-07",
		availability: { status: "discontinued" },
		price: { usd: 699, asOf: "2019-02", kind: "launch-msrp" },
		sources: [
			{ ref: "AMD Radeon VII product page", asOf: "2019-02", confidence: "memory", fields: ["memory.marketedGB", "memory.busBits", "bandwidthGBs", "smCount", "boostClockMHz", "tdpW", "interconnect", "launched", "price", "tflops.fp32"], note: "60 CUs, 1.75 GHz, 16 GB HBM2 1 TB/s; same die as the Instinct MI50 (gfx906)" },
			{ ref: "derived: packed FP16 = 2 × FP32, dot4 INT8 = 4 × FP32 (no matrix units)", asOf: "2019-02", confidence: "derived", fields: ["tflops"] },
			{ ref: "derived: 16 GiB less 16 MiB (rocm-smi convention)", asOf: "2026-11", confidence: "derived", fields: ["memory.usableGiB"] },
		],
	},
	{
		id: "ryzen-ai-max-395",
		name: "AMD Ryzen AI Max+ 395 (128 GB)",
		aliases: ["Ryzen AI Max+ 395", "Ryzen AI Max 395", "Strix Halo", "Radeon 8060S", "AI Max+ 395", "Framework Desktop"],
		vendor: "amd",
		architecture: "rdna35",
		gfxTarget: "gfx1151",
		segment: "desktop-soc",
		memory: { marketedGB: 128, usableGiB: 96, type: "LPDDR5X", busBits: 256, unified: true },
		bandwidthGBs: 256,
		tflops: { fp32: 29.7, fp16: 59.4, bf16: 59.4, int8: 59.4, dense: true },
		smCount: 40,
		boostClockMHz: 2900,
		tdpW: 120,
		interconnect: { pcie: "PCIe 4.0 x4 (external)", linkGBs: null },
		launched: "2025-01-06",
		availability: { status: "shipping" },
		sources: [
			{ ref: "AMD Ryzen AI Max+ 395 product page (CES 2025)", asOf: "2025-01", confidence: "memory", fields: ["memory.marketedGB", "memory.busBits", "bandwidthGBs", "smCount", "boostClockMHz", "tdpW", "interconnect", "launched", "tflops.fp32"], note: "Radeon 8060S: 40 RDNA 3.5 CUs at 2.9 GHz; up to 128 GB LPDDR5X-8000 on a 256-bit bus (256 GB/s); 55–120 W cTDP" },
			{ ref: "derived: WMMA FP16/BF16/INT8 = 40 CU × 512 per clk × 2.9 GHz (RDNA 3 per-CU rates)", asOf: "2025-03", confidence: "derived", fields: ["tflops"] },
			{ ref: "AMD Variable Graphics Memory: up to 96 GB of the 128 GB dedicated to the GPU in firmware (Linux GTT can map more)", asOf: "2025-03", confidence: "memory", fields: ["memory.usableGiB"] },
		],
	},
	// ── Intel Arc (Xe2 / Battlemage)
	{
		id: "arc-b580",
		name: "Intel Arc B580",
		aliases: ["Arc B580", "B580", "Intel Arc B580", "Intel Arc B580 Graphics"],
		vendor: "intel",
		architecture: "xe2",
		segment: "consumer",
		memory: { marketedGB: 12, usableGiB: 11.6, type: "GDDR6", busBits: 192 },
		bandwidthGBs: 456,
		tflops: { fp32: 13.7, fp16: 116.5, bf16: 116.5, int8: 233, dense: true },
		smCount: 20,
		boostClockMHz: 2670,
		tdpW: 190,
		interconnect: { pcie: "PCIe 4.0 x8", linkGBs: null },
		launched: "2024-12-13",
		availability: { status: "shipping" },
		price: { usd: 249, asOf: "2024-12", kind: "launch-msrp" },
		sources: [
			{ ref: "Intel Arc B580 product brief", asOf: "2024-12", confidence: "memory", fields: ["memory.marketedGB", "memory.busBits", "bandwidthGBs", "smCount", "boostClockMHz", "tdpW", "interconnect", "launched", "price", "tflops.int8"], note: "20 Xe2 cores, 2.67 GHz, 12 GB 19 Gbps 192-bit (456 GB/s), 233 INT8 TOPS (XMX), 190 W, $249" },
			{ ref: "derived: FP32 = 20 Xe cores × 128 lanes × 2 × 2.67 GHz; XMX FP16/BF16 = INT8 / 2", asOf: "2024-12", confidence: "derived", fields: ["tflops.fp32", "tflops.fp16", "tflops.bf16"] },
			{ ref: "derived: ~97% of 12 GiB visible to Level Zero/SYCL (driver reserve)", asOf: "2026-11", confidence: "derived", fields: ["memory.usableGiB"] },
		],
	},
	{
		id: "arc-pro-b60",
		name: "Intel Arc Pro B60 (24 GB)",
		aliases: ["Arc Pro B60", "B60", "Intel Arc Pro B60", "Arc Pro B60 24GB"],
		vendor: "intel",
		architecture: "xe2",
		segment: "workstation",
		memory: { marketedGB: 24, usableGiB: 23.3, type: "GDDR6", busBits: 192 },
		bandwidthGBs: 456,
		tflops: { fp32: 12.3, fp16: 98.5, bf16: 98.5, int8: 197, dense: true },
		smCount: 20,
		boostClockMHz: 2400,
		tdpW: 200,
		interconnect: { pcie: "PCIe 5.0 x8", linkGBs: null },
		launched: "2025-05-19",
		availability: { status: "shipping" },
		sources: [
			{ ref: "Intel Arc Pro B60 product brief (Computex 2025)", asOf: "2025-05", confidence: "memory", fields: ["memory.marketedGB", "memory.busBits", "bandwidthGBs", "smCount", "boostClockMHz", "tdpW", "interconnect", "launched", "tflops.int8"], note: "20 Xe2 cores, 24 GB GDDR6 456 GB/s, 197 INT8 TOPS, 120–200 W; shipped to system builders from Q3 2025" },
			{ ref: "derived: FP32 = 20 Xe cores × 128 lanes × 2 × 2.4 GHz; XMX FP16/BF16 = INT8 / 2", asOf: "2025-05", confidence: "derived", fields: ["tflops.fp32", "tflops.fp16", "tflops.bf16"] },
			{ ref: "derived: ~97% of 24 GiB visible to Level Zero/SYCL (driver reserve)", asOf: "2026-11", confidence: "derived", fields: ["memory.usableGiB"] },
		],
	},
	// ── Apple
	apple({ id: "apple-m1-pro", name: "Apple M1 Pro (16-core GPU, 32 GB)", aliases: ["M1 Pro", "Apple M1 Pro", "MacBook Pro M1 Pro"], arch: "apple-m1", gb: 32, type: "LPDDR5", bus: 256, bw: 200, cores: 16, mhz: 1296, launched: "2021-10-26", status: "discontinued", segment: "laptop-soc", link: "Thunderbolt 4", specRef: "Apple MacBook Pro (2021) technical specifications: M1 Pro 16-core GPU, up to 32 GB, 200 GB/s" }),
	apple({ id: "apple-m1-max", name: "Apple M1 Max (32-core GPU, 64 GB)", aliases: ["M1 Max", "Apple M1 Max", "MacBook Pro M1 Max", "Mac Studio M1 Max"], arch: "apple-m1", gb: 64, type: "LPDDR5", bus: 512, bw: 400, cores: 32, mhz: 1296, launched: "2021-10-26", status: "discontinued", segment: "laptop-soc", link: "Thunderbolt 4", specRef: "Apple MacBook Pro (2021) technical specifications: M1 Max 32-core GPU, up to 64 GB, 400 GB/s" }),
	apple({ id: "apple-m1-ultra", name: "Apple M1 Ultra (64-core GPU, 128 GB)", aliases: ["M1 Ultra", "Apple M1 Ultra", "Mac Studio M1 Ultra"], arch: "apple-m1", gb: 128, type: "LPDDR5", bus: 1024, bw: 800, cores: 64, mhz: 1296, launched: "2022-03-18", status: "discontinued", segment: "desktop-soc", link: "Thunderbolt 4", specRef: "Apple Mac Studio (2022) technical specifications: M1 Ultra 64-core GPU, up to 128 GB, 800 GB/s" }),
	apple({ id: "apple-m2-pro", name: "Apple M2 Pro (19-core GPU, 32 GB)", aliases: ["M2 Pro", "Apple M2 Pro", "Mac mini M2 Pro"], arch: "apple-m2", gb: 32, type: "LPDDR5", bus: 256, bw: 200, cores: 19, mhz: 1398, launched: "2023-01-24", status: "discontinued", segment: "laptop-soc", link: "Thunderbolt 4", specRef: "Apple MacBook Pro (2023) technical specifications: M2 Pro 19-core GPU, up to 32 GB, 200 GB/s" }),
	apple({ id: "apple-m2-max", name: "Apple M2 Max (38-core GPU, 96 GB)", aliases: ["M2 Max", "Apple M2 Max", "Mac Studio M2 Max"], arch: "apple-m2", gb: 96, type: "LPDDR5", bus: 512, bw: 400, cores: 38, mhz: 1398, launched: "2023-01-24", status: "discontinued", segment: "laptop-soc", link: "Thunderbolt 4", specRef: "Apple MacBook Pro (2023) technical specifications: M2 Max 38-core GPU, up to 96 GB, 400 GB/s" }),
	apple({ id: "apple-m3-pro", name: "Apple M3 Pro (18-core GPU, 36 GB)", aliases: ["M3 Pro", "Apple M3 Pro", "MacBook Pro M3 Pro"], arch: "apple-m3", gb: 36, type: "LPDDR5", bus: 192, bw: 150, cores: 18, mhz: 1380, launched: "2023-11-07", status: "discontinued", segment: "laptop-soc", link: "Thunderbolt 4", specRef: "Apple MacBook Pro (Nov 2023) technical specifications: M3 Pro 18-core GPU, up to 36 GB, 150 GB/s" }),
	apple({ id: "apple-m3-max", name: "Apple M3 Max (40-core GPU, 128 GB)", aliases: ["M3 Max", "Apple M3 Max", "MacBook Pro M3 Max"], arch: "apple-m3", gb: 128, type: "LPDDR5", bus: 512, bw: 400, cores: 40, mhz: 1380, launched: "2023-11-07", status: "discontinued", segment: "laptop-soc", link: "Thunderbolt 4", specRef: "Apple MacBook Pro (Nov 2023) technical specifications: M3 Max 40-core GPU, up to 128 GB, 400 GB/s (the 30-core bin has 300 GB/s)" }),
	apple({ id: "apple-m4-pro", name: "Apple M4 Pro (20-core GPU, 64 GB)", aliases: ["M4 Pro", "Apple M4 Pro", "Mac mini M4 Pro", "MacBook Pro M4 Pro"], arch: "apple-m4", gb: 64, type: "LPDDR5X", bus: 256, bw: 273, cores: 20, mhz: 1578, launched: "2024-10-30", status: "shipping", segment: "laptop-soc", link: "Thunderbolt 5", specRef: "Apple Mac mini / MacBook Pro (2024) technical specifications: M4 Pro 20-core GPU, up to 64 GB, 273 GB/s" }),
];
