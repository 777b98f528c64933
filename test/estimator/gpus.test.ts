import { describe, expect, it } from "vitest";
import { loadCatalog, resolveGpu } from "../../src/estimator/catalog";
import { ARCHITECTURES } from "../../src/estimator/data/architectures";
import { GPUS } from "../../src/estimator/data/gpus";
import { normalizeName } from "../../src/estimator/names";
import type { Gpu } from "../../src/estimator/schema";

/** What users type → the entry it must resolve to. One line per required GPU at least. */
const ALIASES: Record<string, string> = {
	"RTX 3080": "rtx-3080",
	"3080": "rtx-3080",
	"RTX 3090": "rtx-3090",
	"NVIDIA GeForce RTX 3090": "rtx-3090",
	"4090": "rtx-4090",
	"RTX 4090": "rtx-4090",
	"rtx-5090": "rtx-5090",
	"RTX A6000": "rtx-a6000",
	"RTX 6000 Ada": "rtx-6000-ada",
	"NVIDIA RTX 6000 Ada Generation": "rtx-6000-ada",
	"RTX 6000 PRO B": "rtx-pro-6000-blackwell",
	"rtx-pro-6000": "rtx-pro-6000-blackwell",
	"RTX PRO 6000": "rtx-pro-6000-blackwell",
	"RTX PRO 6000 Max-Q": "rtx-pro-6000-blackwell-max-q",
	"NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition": "rtx-pro-6000-blackwell-max-q",
	"RTX PRO 6000 Blackwell Server Edition": "rtx-pro-6000-blackwell-server",
	"L40S": "l40s",
	"A100 40GB": "a100-sxm-40gb",
	"A100-SXM4-40GB": "a100-sxm-40gb",
	"A100": "a100-sxm-80gb",
	"A100 80GB": "a100-sxm-80gb",
	"A100 PCIe 40GB": "a100-pcie-40gb",
	"A100 80GB PCIe": "a100-pcie-80gb",
	"H100": "h100-sxm",
	"H100 SXM": "h100-sxm",
	"NVIDIA H100 80GB HBM3": "h100-sxm",
	"H100 PCIe": "h100-pcie",
	"H100 NVL": "h100-nvl",
	"H200": "h200-sxm",
	"H200 SXM": "h200-sxm",
	"H200 NVL": "h200-nvl",
	"GH200": "gh200-144gb",
	"GH200 96GB": "gh200-96gb",
	"NVIDIA GH200 480GB": "gh200-96gb",
	"B200": "b200",
	"B300": "b300",
	"NVIDIA B300 SXM6 AC": "b300",
	"GB200": "gb200",
	"DGX Spark": "dgx-spark",
	"GB10": "dgx-spark",
	"MI300X": "mi300x",
	"AMD Instinct MI325X": "mi325x",
	"MI355X": "mi355x",
	"W7900": "radeon-pro-w7900",
	"Radeon PRO W7900": "radeon-pro-w7900",
	"Radeon AI PRO R9700": "radeon-ai-pro-r9700",
	"R9700": "radeon-ai-pro-r9700",
	"Gaudi 3": "gaudi-3",
	"Intel Gaudi 3": "gaudi-3",
	"M2 Ultra": "apple-m2-ultra",
	"M3 Ultra": "apple-m3-ultra",
	"M4 Max": "apple-m4-max",
	"Rubin": "rubin",
	"VR200": "rubin",
	"Rubin CPX": "rubin-cpx",
	"MI455X": "mi455x",
	// Round 2: the parts public benchmark tables use.
	"RTX 3060": "rtx-3060-12gb",
	"3070": "rtx-3070",
	"RTX 3080 Ti": "rtx-3080-ti",
	"3090 Ti": "rtx-3090-ti",
	"RTX 4060 Ti 16GB": "rtx-4060-ti-16gb",
	"RTX 4070": "rtx-4070",
	"4070 Ti": "rtx-4070-ti",
	"RTX 4070 Ti Super": "rtx-4070-ti-super",
	"RTX 4080": "rtx-4080",
	"4080 Super": "rtx-4080-super",
	"RTX 5060 Ti": "rtx-5060-ti-16gb",
	"RTX 5070": "rtx-5070",
	"5070 Ti": "rtx-5070-ti",
	"NVIDIA GeForce RTX 5080": "rtx-5080",
	"2080 Ti": "rtx-2080-ti",
	"RTX A4000": "rtx-a4000",
	"A5000": "rtx-a5000",
	"RTX 4000 Ada": "rtx-4000-ada",
	"NVIDIA RTX 5000 Ada Generation": "rtx-5000-ada",
	"A10": "a10",
	"A40": "a40",
	"L4": "l4",
	"H20": "h20",
	"RX 7900 XTX": "rx-7900-xtx",
	"7900 XT": "rx-7900-xt",
	"RX 9070 XT": "rx-9070-xt",
	"Radeon VII": "radeon-vii",
	"Strix Halo": "ryzen-ai-max-395",
	"Ryzen AI Max+ 395": "ryzen-ai-max-395",
	"Arc B580": "arc-b580",
	"Arc Pro B60": "arc-pro-b60",
	"M1 Max": "apple-m1-max",
	"M1 Pro": "apple-m1-pro",
	"M1 Ultra": "apple-m1-ultra",
	"M2 Max": "apple-m2-max",
	"M2 Pro": "apple-m2-pro",
	"M3 Max": "apple-m3-max",
	"M3 Pro": "apple-m3-pro",
	"M4 Pro": "apple-m4-pro",
	"Jetson AGX Orin": "jetson-agx-orin-64gb",
};

const GIB_PER_GB = 1e9 / 2 ** 30;

/** Numeric facts of an entry, as dotted paths (the same paths `Source.fields` uses). */
function numericFacts(g: Gpu): string[] {
	const paths = ["memory.marketedGB", "memory.usableGiB", "bandwidthGBs"];
	if (g.memory.busBits !== undefined) paths.push("memory.busBits");
	for (const [k, v] of Object.entries(g.tflops)) if (typeof v === "number") paths.push(`tflops.${k}`);
	if (g.smCount !== undefined) paths.push("smCount");
	if (g.boostClockMHz !== undefined) paths.push("boostClockMHz");
	if (g.tdpW !== undefined) paths.push("tdpW");
	if (g.interconnect.linkGBs !== null) paths.push("interconnect.linkGBs");
	if (g.price) paths.push("price.usd");
	return paths;
}

/** A source covers a path if it has no `fields`, or names the path or one of its parents. */
function uncovered(g: Gpu): string[] {
	return numericFacts(g).filter((path) => !g.sources.some((s) =>
		s.fields === undefined || s.fields.some((f) => path === f || path.startsWith(f + "."))));
}

describe("GPU catalog", () => {
	const catalog = loadCatalog();

	it.each(Object.entries(ALIASES))("resolves %s", (alias, id) => {
		const r = resolveGpu(catalog, alias);
		expect(r.ok ? r.value.id : r.error.message).toBe(id);
	});

	it("has every GPU the alias table expects, and nothing resolves to a missing id", () => {
		const ids = new Set(GPUS.map((g) => g.id));
		for (const id of new Set(Object.values(ALIASES))) expect(ids.has(id), id).toBe(true);
	});

	it("keeps ids unique and aliases unambiguous across entries", () => {
		const owner = new Map<string, string>();
		const clashes: string[] = [];
		for (const g of GPUS) {
			expect(g.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
			for (const key of new Set([g.id, g.name, ...g.aliases].map(normalizeName))) {
				const prev = owner.get(key);
				if (prev !== undefined && prev !== g.id) clashes.push(`${key}: ${prev} / ${g.id}`);
				owner.set(key, g.id);
			}
		}
		expect(clashes).toEqual([]);
		expect(catalog.gpus.all().length).toBe(GPUS.length);
	});

	it("points every GPU at an existing architecture of the same vendor", () => {
		const archs = new Map(ARCHITECTURES.map((a) => [a.id, a]));
		for (const g of GPUS) {
			const a = archs.get(g.architecture);
			expect(a, `${g.id} → ${g.architecture}`).toBeDefined();
			expect(a?.vendor, g.id).toBe(g.vendor);
		}
	});

	it("keeps NVIDIA compute capabilities and AMD gfx targets consistent with the architecture targets", () => {
		const archs = new Map(ARCHITECTURES.map((a) => [a.id, a]));
		for (const g of GPUS) {
			const targets = archs.get(g.architecture)?.targets ?? [];
			if (g.computeCapability) {
				const sm = "sm_" + g.computeCapability.replace(".", "");
				expect(targets, `${g.id} (${sm})`).toContain(sm);
			}
			if (g.gfxTarget) expect(targets, g.id).toContain(g.gfxTarget);
		}
	});

	it("reports usable memory between 85% and 100% of the marketed size (unified memory: ≥ 60%)", () => {
		for (const g of GPUS) {
			const { marketedGB, usableGiB } = g.memory;
			// Memory chips come in binary sizes, so "24 GB" is 24 GiB of cells; the driver reports a bit less.
			expect(usableGiB, `${g.id} exceeds its marketed size`).toBeLessThanOrEqual(marketedGB * 1.005);
			// Unified memory (Apple, Strix Halo): the GPU share is an OS / firmware setting.
			const floor = g.memory.unified ? 0.6 : 0.85;
			// Lower bound on the stricter decimal reading: usable GiB ≥ floor × marketed GB in GiB.
			expect(usableGiB, `${g.id} usable memory implausibly low`).toBeGreaterThanOrEqual(floor * marketedGB * GIB_PER_GB);
		}
	});

	it("stores dense tensor rates at least as large as FP32, ordered fp16 ≤ fp8 ≤ fp4", () => {
		for (const g of GPUS) {
			const t = g.tflops;
			for (const v of [t.fp16, t.bf16]) if (v !== undefined) expect(v, g.id).toBeGreaterThanOrEqual(t.fp32);
			if (t.fp16 !== undefined && t.fp8 !== undefined) expect(t.fp8, g.id).toBeGreaterThanOrEqual(t.fp16);
			if (t.fp8 !== undefined && t.fp4 !== undefined) expect(t.fp4, g.id).toBeGreaterThanOrEqual(t.fp8);
		}
	});

	it("only lists tensor rates the architecture runs natively", () => {
		const archs = new Map(ARCHITECTURES.map((a) => [a.id, a]));
		for (const g of GPUS) {
			const math = archs.get(g.architecture)?.nativeMath ?? [];
			if (g.tflops.bf16 !== undefined) expect(math, `${g.id} bf16`).toContain("bf16");
			if (g.tflops.fp8 !== undefined) expect(math.some((m) => m === "fp8" || m === "fp8-fnuz"), `${g.id} fp8`).toBe(true);
			if (g.tflops.fp4 !== undefined) expect(math.some((m) => m === "nvfp4" || m === "mxfp4"), `${g.id} fp4`).toBe(true);
			if (g.tflops.fp6 !== undefined) expect(math, `${g.id} fp6`).toContain("fp6");
		}
	});

	it("flags GeForce half-rate FP32 accumulate only on consumer NVIDIA cards", () => {
		for (const g of GPUS) {
			if (g.vendor === "nvidia" && g.segment === "consumer") expect(g.tflops.fp32AccumulateHalfRate, g.id).toBe(true);
			else expect(g.tflops.fp32AccumulateHalfRate, g.id).toBeUndefined();
		}
	});

	it("gives announced parts an expected date and shipping parts none", () => {
		for (const g of GPUS) {
			if (g.availability.status === "announced") expect(g.availability.expected, g.id).toBeDefined();
			else expect(g.availability.expected, g.id).toBeUndefined();
		}
		expect(GPUS.filter((g) => g.availability.status === "announced").map((g) => g.id).sort()).toEqual(["mi455x", "rubin", "rubin-cpx"]);
	});

	it("covers every numeric fact with a source", () => {
		const missing = GPUS.map((g) => [g.id, uncovered(g)] as const).filter(([, m]) => m.length > 0);
		expect(missing).toEqual([]);
	});

	it("detects an uncovered fact (the coverage check can fail)", () => {
		const h100 = GPUS.find((g) => g.id === "h100-sxm");
		expect(h100).toBeDefined();
		if (!h100) return;
		const stripped: Gpu = { ...h100, sources: h100.sources.filter((s) => !s.fields?.includes("boostClockMHz")) };
		expect(uncovered(stripped)).toContain("boostClockMHz");
	});

	it("uses derived/memory confidence with a reason: derived sources carry a formula", () => {
		for (const g of GPUS) {
			for (const s of g.sources) {
				if (s.confidence === "derived") expect(`${s.ref} ${s.note ?? ""}`, g.id).toMatch(/[=×/÷*]|derived/);
			}
		}
	});

	it("gives every Apple SoC, DGX Spark, Jetson and Strix Halo unified memory, and no discrete card", () => {
		const socs = new Set(["dgx-spark", "jetson-agx-orin-64gb", "ryzen-ai-max-395"]);
		for (const g of GPUS) {
			const shouldBeUnified = g.vendor === "apple" || socs.has(g.id);
			expect(g.memory.unified === true, g.id).toBe(shouldBeUnified);
		}
	});

	it("gives every shipping GPU an SM/CU count and a boost clock", () => {
		// H20: NVIDIA publishes neither its SM count nor its clocks (an export SKU with cut tensor rates).
		const exempt = new Set(["gb300", "h20"]);
		for (const g of GPUS) {
			if (g.availability.status === "announced" || exempt.has(g.id)) continue;
			expect(g.smCount, g.id).toBeGreaterThan(0);
			expect(g.boostClockMHz, g.id).toBeGreaterThan(0);
		}
	});
});

describe("architecture catalog", () => {
	it("resolves common spellings", () => {
		const c = loadCatalog();
		const cases: Record<string, string> = {
			"Ampere": "ampere", "sm_86": "ampere", "GA102": "ampere", "sm_80": "ampere",
			"Ada Lovelace": "ada", "sm_89": "ada",
			"Hopper": "hopper", "sm_90a": "hopper",
			"Blackwell Ultra": "blackwell-dc", "sm_103": "blackwell-dc",
			"sm_121": "blackwell-rtx", "sm_120": "blackwell-rtx",
			"CDNA 3": "cdna3", "gfx942": "cdna3", "gfx950": "cdna4",
			"RDNA 3": "rdna3", "gfx1201": "rdna4",
			"Turing": "turing", "Volta": "volta",
		};
		for (const [alias, id] of Object.entries(cases)) expect(c.architectures.get(alias)?.id, alias).toBe(id);
	});

	it("marks bf16 unsupported on Volta and Turing, FNUZ FP8 on CDNA 3, no FP4 before Blackwell", () => {
		const byId = new Map(ARCHITECTURES.map((a) => [a.id, a]));
		expect(byId.get("volta")?.nativeMath).not.toContain("bf16");
		expect(byId.get("turing")?.nativeMath).not.toContain("bf16");
		expect(byId.get("cdna3")?.nativeMath).toContain("fp8-fnuz");
		expect(byId.get("cdna3")?.nativeMath).not.toContain("fp8");
		expect(byId.get("cdna4")?.nativeMath).toEqual(expect.arrayContaining(["fp8", "mxfp4", "fp6"]));
		expect(byId.get("ampere")?.nativeMath).not.toContain("fp8");
		for (const id of ["volta", "turing", "ampere", "ada", "hopper", "cdna3", "rdna3", "rdna4", "gaudi3", "apple-m2", "apple-m3", "apple-m4"]) {
			const m = byId.get(id)?.nativeMath ?? [];
			expect(m.includes("nvfp4") || m.includes("mxfp4"), id).toBe(false);
		}
		for (const id of ["apple-m2", "apple-m3", "apple-m4"]) {
			expect([...(byId.get(id)?.nativeMath ?? [])].sort(), id).toEqual(["bf16", "fp16", "fp32"]);
		}
	});

	it("gives every architecture a user-facing note", () => {
		for (const a of ARCHITECTURES) expect(a.notes?.length ?? 0, a.id).toBeGreaterThan(0);
	});
});
