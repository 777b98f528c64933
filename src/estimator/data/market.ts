/**
 * Market facts for scaling advice, one entry per catalog GPU: availability over time (so advice for 2025-08-11 sees
 * the DGX Spark as announced and slipping, advice for 2026-11-29 sees it shipping), prices with the date they held,
 * and how each part is bought and installed. Validated at load by MarketEntrySchema (src/estimator/advice).
 *
 * Conventions:
 * - An availability event holds from its `from` date until the next event. `expected` is the ship date the vendor
 *   gave as of that event; when it passes without a later "shipping" event the advice calls the part overdue, never
 *   future.
 * - Prices are USD per purchasable unit (a card, or a whole system for DGX Spark / Mac Studio); the newest price
 *   dated on or before the advice date is used. `noPrice` says why a part has none (sold only in 8-GPU baseboards or
 *   racks, never priced publicly): options naming it say "price unknown" and are ranked without a price.
 * - Source confidence as in the GPU catalog: verified / secondary / memory (check it) / derived.
 */
import type { MarketEntry } from "../advice/market-schema";
import { MARKET_ADDED } from "./market-added";
import type { Source } from "../schema";

const READ = "2026-09";

const src = (ref: string, asOf: string, confidence: Source["confidence"], note?: string): Source => ({
	ref, asOf, confidence, ...(note ? { note } : {}),
});

/** The GPU catalog's own entry (launch date and status), when no dated market report was collected. */
const catalogEntry = (id: string, note: string): Source =>
	src(`src/estimator/data/gpus.ts entry "${id}" (launched, availability)`, READ, "derived", note);

// ---- sources used more than once
const GPU_NAME_PRO6000 = src("https://gpu.name/posts/nvidia-unveils-rtx-pro-6000-blackwell-gpu-with-24-064-cores-and-96gb-memory", "2025-03", "secondary",
	"announced at GTC 2025; PNY and TD Synnex from April 2025, Dell/HP/Lenovo systems from May 2025");
const NEWGEAR_2026 = src("https://www.newgearhub.com/review/nvidia-gtc-2026-blackwell-gpus-pro-workstations", "2026-04-06", "secondary",
	"RTX PRO 6000 Blackwell: MSRP $8,565, retailing $8,000–9,200 as of April 2026");
const CHIPVERSUS = src("https://chipversus.com/hardware/gpu/l40s (value table: MSRP and average market price per card)", "2026", "secondary",
	"RTX PRO 6000 MSRP $8,565; RTX A6000 MSRP $4,649 / avg $3,500; RTX 6000 Ada MSRP $6,799 / avg $5,500; L40S MSRP $7,500; Radeon PRO W7900 (dual slot) $3,499");
const FOUR_CARD_WS = src("https://raw.githubusercontent.com/autonomous-ai/autonomous-computer/main/4x-6000/README.md", READ, "verified",
	"a workstation with 4× RTX PRO 6000 (4 × 1,792 = 7,168 GB/s)");
const PCIE_SERVER = src("OEM PCIe GPU servers (Dell, HPE, Supermicro): up to 8 double-width PCIe GPUs per 4U chassis", READ, "memory");
const HGX = src("NVIDIA HGX platforms: SXM modules come on 4- or 8-GPU baseboards inside OEM servers, not as separate cards", READ, "memory");
const OAM = src("AMD Instinct platforms: OAM modules on an 8-GPU universal baseboard (UBB) inside OEM servers", READ, "memory");
const NVL72 = src("NVIDIA GB200/GB300 NVL72: 72 GPUs and 36 Grace CPUs per liquid-cooled rack, sold as racks", READ, "memory");
const DIGITS_WIKI = src("https://aiwiki.ai/wiki/nvidia_digits", "2026-04-26", "secondary",
	"unveiled at CES 2025-01-06 at $3,000; $3,999 at retail launch; shipping from October 2025");
const SPARK_DELAY = src("https://www.tomshw.it/hardware/nvidia-dgx-spark-il-mini-supercomputer-ritarda-2025-08-04", "2025-08-04", "secondary",
	"launch had been set for July; in August still reservations only through partners, no deliveries");
const SPARK_SHIPS = src("https://imdsupply.com/nvidia-ceo-jensen-huang-personally-delivers-dgx-sp-20251015", "2025-10-15", "secondary",
	"first DGX Spark units delivered; retail launch the same week");
const SPARK_PAIR = src("https://meterpreter.org/a-supercomputer-on-your-desk-nvidia-unveils-the-dgx-spark-ai-superchip", "2025-08", "secondary",
	"two units can be linked through the ConnectX-7 NIC (dual 200 GbE); 140 W SoC, 240 W power supply");
const H100_PRICE = src("https://awesomeagents.ai/hardware/nvidia-h100", "2026", "secondary", "H100 SXM priced at $25,000–30,000 new");
const H100_FORM = src("https://www.stratrix.com/pricing-lens/why-h100-gpus-command-such-pricing", "2026", "secondary",
	"H100 sold at $25,000–40,000 depending on form factor and month");
const H200_PRICE = src("https://awesomeagents.ai/hardware/nvidia-h200", "2026", "secondary", "H200 priced at $25,000–35,000");
const A100_PRICE = src("https://www.aitooldiscovery.com/ai-infra/nvidia-a100-specs-price", "2026-03-20", "secondary",
	"new A100 80GB units $8,000–15,000 in 2026; used $4,000–9,000");
const B200_PRICE = src("https://datastorage.com/gpu/nvidia-b200", "2026", "secondary", "on-premise module $30k–50k; turnkey system ~$500k+");
const DGX_B200 = src("https://vengineer.hatenablog.com/entry/2025/03/16/080000", "2025-03-16", "secondary", "DGX B200 (8 GPUs) at $515K");
const MI300X_PRICE = src("https://awesomeagents.ai/hardware/amd-mi300x", "2026", "secondary", "street pricing around $10,000–15,000");
const RUBIN_GTC25 = src("https://timewell.jp/en/columns/nvidia-gpu", "2026-06", "secondary", "Rubin announced at GTC 2025; CES 2026: in full production, partner availability H2 2026");
const RUBIN_Q3 = src("https://www.tomshardware.com/pc-components/gpus/nvidia-hints-at-early-vera-rubin-launch-on-track-for-usd500-billion-in-gpu-sales-by-late-2026-despite-losing-china", "2025-10", "secondary",
	"Huang: \"on track to deliver Vera Rubin about Q3 time frame of next year\"");
const RUBIN_FALL = src("https://ngtimes.org/2026/06/04/nvidia-says-vera-rubin-is-in-production-before-fall-shipments", "2026-06-04", "secondary",
	"NVIDIA: Vera Rubin in full production, production shipments begin in the fall; Quanta expects first racks in August (overclockers.ru)");
const APPLE_M3U = src("Apple Mac Studio (2025) technical specifications", "2025-03", "memory",
	"M3 Ultra with 80-core GPU and 512 GB: $9,499; the GPU may wire ~75% of RAM by default");
const WS_CARD = (note: string) => src("vendor product page (dual-slot active-cooled PCIe card, standard power connectors)", READ, "memory", note);

const card = (gpusMax: number, source: Source, note?: string): MarketEntry["purchase"] => ({
	formFactor: "pcie-card", gpusPerUnit: 1, maxGpus: gpusMax, workstation: true, cooling: "active", source, ...(note ? { note } : {}),
});
const serverCard = (note: string): MarketEntry["purchase"] => ({
	formFactor: "pcie-card", gpusPerUnit: 1, maxGpus: 8, workstation: false, cooling: "passive", source: PCIE_SERVER, note,
});
const baseboard = (source: Source, cooling: "passive" | "liquid", note: string): MarketEntry["purchase"] => ({
	formFactor: "module", gpusPerUnit: 8, maxGpus: 8, workstation: false, cooling, source, note,
});
const rack = (note: string, source: Source = NVL72): MarketEntry["purchase"] => ({
	formFactor: "rack", gpusPerUnit: 72, maxGpus: 72, workstation: false, cooling: "liquid", source, note,
});

export const MARKET: MarketEntry[] = [
	// ───────────────────────────── GeForce (discontinued parts keep their launch price for reference)
	{
		gpu: "rtx-3080",
		availability: [
			{ from: "2020-09-17", status: "shipping", source: catalogEntry("rtx-3080", "launch") },
			{ from: "2022-10", status: "discontinued", note: "replaced by the RTX 40 series; used cards only", source: catalogEntry("rtx-3080", "discontinued") },
		],
		prices: [{ usd: 699, asOf: "2020-09", kind: "launch-msrp", unit: "card", source: src("NVIDIA Ampere GA102 whitepaper / launch announcement", "2020-09", "memory") }],
		purchase: card(4, WS_CARD("3-slot cooler on most boards")),
	},
	{
		gpu: "rtx-3090",
		availability: [
			{ from: "2020-09-24", status: "shipping", source: catalogEntry("rtx-3090", "launch") },
			{ from: "2022-10", status: "discontinued", note: "used cards only", source: catalogEntry("rtx-3090", "discontinued") },
		],
		prices: [{ usd: 1499, asOf: "2020-09", kind: "launch-msrp", unit: "card", source: src("NVIDIA RTX 3090 launch announcement", "2020-09", "memory") }],
		purchase: card(4, WS_CARD("2-way NVLink bridge"), "3-slot cooler; 2-way NVLink bridge"),
	},
	{
		gpu: "rtx-4090",
		availability: [
			{ from: "2022-10-12", status: "shipping", source: catalogEntry("rtx-4090", "launch") },
			{ from: "2025-01", status: "discontinued", note: "production ended ahead of the RTX 50 series; used cards only", source: catalogEntry("rtx-4090", "discontinued") },
		],
		prices: [{ usd: 1599, asOf: "2022-10", kind: "launch-msrp", unit: "card", source: src("NVIDIA RTX 4090 launch announcement", "2022-10", "memory") }],
		purchase: card(4, WS_CARD("3.5-slot cooler, 450 W"), "3.5-slot cooler: at most 2 fit most towers without risers"),
	},
	{
		gpu: "rtx-5090",
		availability: [{ from: "2025-01-30", status: "shipping", source: catalogEntry("rtx-5090", "launched 30 Jan 2025") }],
		prices: [
			{ usd: 1999, asOf: "2025-01-30", kind: "launch-msrp", unit: "card", source: src("https://signal-noise.net/posts/2026-06-22-gamers-are-funding-the-ai-buildout-rtx-5090-receipt.html", "2026-06-22", "secondary", "launched 30 Jan 2025 at a $1,999 MSRP") },
			{ usd: 3500, low: 3000, high: 5000, asOf: "2026-01-24", kind: "street", unit: "card", note: "memory shortage", source: src("https://aihardwareindex.com/blog/gpu-shortage-week-4-rtx-5090-hits-5-000-nvidia-pivots-to-rtx", "2026-01-24", "secondary", "RTX 5090 $3,500–5,000+ in late January 2026") },
			{ usd: 2900, low: 2699, high: 3500, asOf: "2026-06-22", kind: "street", unit: "card", note: "cheapest partner cards $2,699; mainstream $2,900–3,500", source: src("https://signal-noise.net/posts/2026-06-22-gamers-are-funding-the-ai-buildout-rtx-5090-receipt.html", "2026-06-22", "secondary") },
		],
		purchase: card(4, WS_CARD("575 W, 12V-2x6"), "575 W each; no NVLink"),
	},
	// ───────────────────────────── Workstation
	{
		gpu: "rtx-a6000",
		availability: [{ from: "2020-10-05", status: "shipping", note: "still sold as a workstation card", source: catalogEntry("rtx-a6000", "shipping") }],
		prices: [
			{ usd: 4650, asOf: "2020-10", kind: "launch-msrp", unit: "card", source: src("NVIDIA RTX A6000 launch price", "2020-10", "memory") },
			{ usd: 3500, asOf: "2026", kind: "street", unit: "card", note: "average market price", source: CHIPVERSUS },
		],
		purchase: card(4, WS_CARD("300 W blower; 2-way NVLink bridge")),
	},
	{
		gpu: "rtx-6000-ada",
		availability: [{ from: "2022-12", status: "shipping", source: catalogEntry("rtx-6000-ada", "shipping") }],
		prices: [
			{ usd: 6799, asOf: "2022-12", kind: "launch-msrp", unit: "card", source: CHIPVERSUS },
			{ usd: 5500, asOf: "2026", kind: "street", unit: "card", note: "average market price", source: CHIPVERSUS },
		],
		purchase: card(4, WS_CARD("300 W blower, no NVLink")),
	},
	{
		gpu: "rtx-pro-6000-blackwell",
		availability: [
			{ from: "2025-03-18", status: "announced", expected: "2025-04", source: GPU_NAME_PRO6000 },
			{ from: "2025-04", status: "shipping", source: GPU_NAME_PRO6000 },
		],
		prices: [
			{ usd: 8565, asOf: "2025-03-18", kind: "launch-msrp", unit: "card", source: NEWGEAR_2026 },
			{ usd: 8600, low: 8000, high: 9200, asOf: "2026-04-06", kind: "street", unit: "card", source: NEWGEAR_2026 },
		],
		purchase: card(4, FOUR_CARD_WS, "600 W each (12V-2x6 connector); no NVLink"),
	},
	{
		gpu: "rtx-pro-6000-blackwell-max-q",
		availability: [
			{ from: "2025-03-18", status: "announced", expected: "2025-04", source: GPU_NAME_PRO6000 },
			{ from: "2025-04", status: "shipping", source: GPU_NAME_PRO6000 },
		],
		prices: [],
		noPrice: "no dated list price collected for the Max-Q edition",
		purchase: card(4, WS_CARD("300 W blower, designed for 4-card workstations"), "300 W blower: four cards fit a standard workstation supply"),
	},
	{
		gpu: "rtx-pro-6000-blackwell-server",
		availability: [{ from: "2025-05", status: "datacenter-only", note: "in OEM servers", source: GPU_NAME_PRO6000 }],
		prices: [],
		noPrice: "sold inside OEM servers; no card price",
		purchase: serverCard("passive cooling: needs server airflow"),
	},
	{
		gpu: "l40s",
		availability: [{ from: "2023-08-08", status: "datacenter-only", source: catalogEntry("l40s", "datacenter-only") }],
		prices: [{ usd: 7500, asOf: "2026", kind: "launch-msrp", unit: "card", source: CHIPVERSUS }],
		purchase: serverCard("passive cooling: needs server airflow; no NVLink"),
	},
	// ───────────────────────────── Datacenter NVIDIA
	{
		gpu: "a100-sxm-40gb",
		availability: [{ from: "2020-05-14", status: "datacenter-only", source: catalogEntry("a100-sxm-40gb", "datacenter-only") }],
		prices: [],
		noPrice: "SXM module, sold on HGX baseboards; no current new-unit price collected",
		purchase: baseboard(HGX, "passive", "SXM4 module on an 8-GPU HGX A100 baseboard"),
	},
	{
		gpu: "a100-sxm-80gb",
		availability: [{ from: "2020-11-16", status: "datacenter-only", source: catalogEntry("a100-sxm-80gb", "datacenter-only") }],
		prices: [{ usd: 11500, low: 8000, high: 15000, asOf: "2026-03-20", kind: "street", unit: "card", note: "new A100 80GB units", source: A100_PRICE }],
		purchase: baseboard(HGX, "passive", "SXM4 module on an 8-GPU HGX A100 baseboard"),
	},
	{
		gpu: "a100-pcie-40gb",
		availability: [{ from: "2020-06-22", status: "datacenter-only", source: catalogEntry("a100-pcie-40gb", "datacenter-only") }],
		prices: [],
		noPrice: "no current new-unit price collected for the 40 GB card",
		purchase: serverCard("passive cooling: needs server airflow"),
	},
	{
		gpu: "a100-pcie-80gb",
		availability: [{ from: "2021-06-28", status: "datacenter-only", source: catalogEntry("a100-pcie-80gb", "datacenter-only") }],
		prices: [{ usd: 11500, low: 8000, high: 15000, asOf: "2026-03-20", kind: "street", unit: "card", note: "new A100 80GB units", source: A100_PRICE }],
		purchase: serverCard("passive cooling: needs server airflow; 2-way NVLink bridge"),
	},
	{
		gpu: "h100-sxm",
		availability: [{ from: "2022-09-20", status: "datacenter-only", note: "in HGX/DGX systems", source: catalogEntry("h100-sxm", "full production Sep 2022") }],
		prices: [{ usd: 27500, low: 25000, high: 30000, asOf: "2026", kind: "street", unit: "card", note: "per module; sold on 8-GPU baseboards", source: H100_PRICE }],
		purchase: baseboard(HGX, "passive", "SXM5 module on an 8-GPU HGX H100 baseboard (700 W each)"),
	},
	{
		gpu: "h100-pcie",
		availability: [{ from: "2022-09-20", status: "datacenter-only", source: catalogEntry("h100-pcie", "datacenter-only") }],
		prices: [{ usd: 25000, low: 25000, high: 40000, asOf: "2026", kind: "street", unit: "card", note: "low end of the quoted range (PCIe is the cheaper form factor)", source: H100_FORM }],
		purchase: serverCard("passive cooling: needs server airflow; 2-way NVLink bridge"),
	},
	{
		gpu: "h100-nvl",
		availability: [{ from: "2023-03-21", status: "datacenter-only", source: catalogEntry("h100-nvl", "datacenter-only") }],
		prices: [],
		noPrice: "no dated H100 NVL price collected",
		purchase: serverCard("passive cooling: needs server airflow; NVLink bridge pairs"),
	},
	{
		gpu: "h200-sxm",
		availability: [{ from: "2024-06", status: "datacenter-only", note: "first shipments Q2 2024", source: src("https://aiwiki.ai/wiki/nvidia_h200", "2026-06-21", "secondary", "announced 13 Nov 2023; first customer shipments Q2 2024") }],
		prices: [{ usd: 30000, low: 25000, high: 35000, asOf: "2026", kind: "street", unit: "card", note: "per module; sold on 8-GPU baseboards", source: H200_PRICE }],
		purchase: baseboard(HGX, "liquid", "SXM5 module on an 8-GPU HGX H200 baseboard (700 W each)"),
	},
	{
		gpu: "h200-nvl",
		availability: [{ from: "2024-11-18", status: "datacenter-only", source: catalogEntry("h200-nvl", "datacenter-only") }],
		prices: [{ usd: 30000, low: 25000, high: 35000, asOf: "2026", kind: "street", unit: "card", note: "H200 price range (SXM and NVL quoted together)", source: H200_PRICE }],
		purchase: serverCard("passive cooling (600 W): needs server airflow; 2- or 4-way NVLink bridge"),
	},
	{
		gpu: "gh200-144gb",
		availability: [{ from: "2024", status: "datacenter-only", source: catalogEntry("gh200-144gb", "datacenter-only") }],
		prices: [],
		noPrice: "sold in OEM Grace Hopper servers; no per-superchip price collected",
		purchase: { formFactor: "superchip", gpusPerUnit: 1, maxGpus: 4, workstation: false, cooling: "liquid", source: src("NVIDIA MGX / GH200 NVL2 servers: 1–4 superchips per node", READ, "memory"), note: "Grace CPU + GPU module in a server" },
	},
	{
		gpu: "gh200-96gb",
		availability: [{ from: "2023-08", status: "datacenter-only", source: catalogEntry("gh200-96gb", "datacenter-only") }],
		prices: [],
		noPrice: "sold in OEM Grace Hopper servers; no per-superchip price collected",
		purchase: { formFactor: "superchip", gpusPerUnit: 1, maxGpus: 4, workstation: false, cooling: "liquid", source: src("NVIDIA MGX / GH200 servers: 1–4 superchips per node", READ, "memory"), note: "Grace CPU + GPU module in a server" },
	},
	{
		gpu: "b200",
		availability: [{ from: "2025-01", status: "datacenter-only", note: "volume from early 2025", source: src("https://awesomeagents.ai/hardware/nvidia-b200", "2026", "secondary", "shipping from early 2025") }],
		prices: [
			{ usd: 64375, asOf: "2025-03-16", kind: "street", unit: "card", note: "DGX B200 $515K ÷ 8 GPUs (the system price, per GPU)", source: DGX_B200 },
			{ usd: 40000, low: 30000, high: 50000, asOf: "2026", kind: "estimate", unit: "card", note: "module price; needs an HGX B200 server", source: B200_PRICE },
		],
		purchase: baseboard(HGX, "liquid", "module on an 8-GPU HGX B200 baseboard (1,000 W each, mostly liquid-cooled)"),
	},
	{
		gpu: "b300",
		availability: [
			{ from: "2025-03-18", status: "announced", expected: "2025-H2", source: src("https://glennklockwood.com/garden/processors/B300", READ, "secondary", "Blackwell Ultra announced at GTC 2025") },
			{ from: "2026-01", status: "datacenter-only", note: "DGX B300 shipping", source: src("https://aiwiki.ai/wiki/nvidia_dgx_b300", "2026-06", "secondary", "DGX B300 shipping January 2026") },
		],
		prices: [],
		noPrice: "sold in HGX/DGX B300 systems; no per-GPU price collected",
		purchase: baseboard(HGX, "liquid", "module on an 8-GPU HGX B300 baseboard (1,100 W each)"),
	},
	{
		gpu: "gb200",
		availability: [{ from: "2025-01", status: "datacenter-only", note: "NVL72 racks", source: catalogEntry("gb200", "datacenter-only; racks ramped in 2025") }],
		prices: [],
		noPrice: "sold as NVL72 racks; no public per-GPU price",
		purchase: rack("GB200 NVL72: 72 GPUs per liquid-cooled rack (~120 kW)"),
	},
	{
		gpu: "gb300",
		availability: [{ from: "2025-H2", status: "datacenter-only", note: "NVL72 racks", source: catalogEntry("gb300", "datacenter-only; no dated first-shipment fact collected") }],
		prices: [],
		noPrice: "sold as NVL72 racks; no public per-GPU price",
		purchase: rack("GB300 NVL72: 72 GPUs per liquid-cooled rack"),
	},
	{
		gpu: "dgx-spark",
		availability: [
			{ from: "2025-01-06", status: "announced", expected: "2025-05", note: "Project DIGITS, \"available in May\"", source: DIGITS_WIKI },
			{ from: "2025-03-18", status: "announced", expected: "2025-07", note: "renamed DGX Spark at GTC 2025; reservations open", source: SPARK_DELAY },
			{ from: "2025-08-04", status: "announced", expected: "2025-H2", note: "July date missed: reservations only, no deliveries, no new date", source: SPARK_DELAY },
			{ from: "2025-10-15", status: "shipping", source: SPARK_SHIPS },
		],
		prices: [
			{ usd: 3000, asOf: "2025-01-06", kind: "announced", unit: "system", source: DIGITS_WIKI },
			{ usd: 3999, asOf: "2025-10-15", kind: "launch-msrp", unit: "system", note: "Founders Edition, 4 TB", source: DIGITS_WIKI },
			{ usd: 4700, asOf: "2026-04-18", kind: "street", unit: "system", source: src("https://solafide.ca/blog/2026-04-dgx-spark-desktop-ai-supercomputer", "2026-04-18", "secondary", "\"this $4,700 device\"") },
		],
		purchase: { formFactor: "system", gpusPerUnit: 1, maxGpus: 2, workstation: true, cooling: "system", systemPowerW: 240, source: SPARK_PAIR, note: "a separate desktop computer (not a card); two can be linked over 200 GbE" },
	},
	{
		gpu: "v100-sxm2-32gb",
		availability: [
			{ from: "2018-03-27", status: "datacenter-only", source: catalogEntry("v100-sxm2-32gb", "launch") },
			{ from: "2022", status: "discontinued", source: catalogEntry("v100-sxm2-32gb", "discontinued") },
		],
		prices: [],
		noPrice: "discontinued; SXM2 module",
		purchase: baseboard(HGX, "passive", "SXM2 module"),
	},
	{
		gpu: "t4",
		availability: [{ from: "2018-09-12", status: "datacenter-only", source: catalogEntry("t4", "datacenter-only") }],
		prices: [],
		noPrice: "no dated price collected",
		purchase: serverCard("low-profile passive 70 W card: needs server airflow"),
	},
	// ───────────────────────────── AMD
	{
		gpu: "mi300x",
		availability: [{ from: "2023-12-06", status: "datacenter-only", source: src("https://aiwiki.ai/wiki/amd_instinct_mi300x", READ, "secondary", "released 6 Dec 2023") }],
		prices: [{ usd: 12500, low: 10000, high: 15000, asOf: "2026", kind: "street", unit: "card", note: "per module; sold on 8-GPU platforms", source: MI300X_PRICE }],
		purchase: baseboard(OAM, "passive", "OAM module on an 8-GPU platform (750 W each)"),
	},
	{
		gpu: "mi325x",
		availability: [{ from: "2024-Q4", status: "datacenter-only", source: src("https://yobitel.com/knowledge-base/amd-mi325x", READ, "secondary", "volume shipping from Q4 2024") }],
		prices: [],
		noPrice: "no public per-module price collected",
		purchase: baseboard(OAM, "passive", "OAM module on an 8-GPU platform (1,000 W each)"),
	},
	{
		gpu: "mi355x",
		availability: [
			{ from: "2025-06-12", status: "announced", expected: "2025-Q3", source: src("https://aiwiki.ai/wiki/amd_instinct_mi355x", READ, "secondary", "announced 12 Jun 2025 at Advancing AI") },
			{ from: "2025-10", status: "datacenter-only", note: "general availability", source: src("https://aiwiki.ai/wiki/amd_instinct_mi355x", READ, "secondary", "general availability October 2025") },
		],
		prices: [],
		noPrice: "no public per-module price collected",
		purchase: baseboard(OAM, "liquid", "OAM module on an 8-GPU platform (1,400 W each, liquid-cooled)"),
	},
	{
		gpu: "radeon-pro-w7900",
		availability: [{ from: "2023-04-13", status: "shipping", source: catalogEntry("radeon-pro-w7900", "shipping") }],
		prices: [
			{ usd: 3999, asOf: "2023-04", kind: "launch-msrp", unit: "card", source: src("AMD Radeon PRO W7900 product page", "2023-04", "memory") },
			{ usd: 3499, asOf: "2026", kind: "street", unit: "card", note: "dual-slot edition", source: CHIPVERSUS },
		],
		purchase: card(4, WS_CARD("295 W")),
	},
	{
		gpu: "radeon-ai-pro-r9700",
		availability: [{ from: "2025-07-23", status: "shipping", note: "in systems from July, retail from October 2025", source: catalogEntry("radeon-ai-pro-r9700", "in systems Jul 2025; retail ~Oct 2025") }],
		prices: [{ usd: 1299, asOf: "2025-10", kind: "launch-msrp", unit: "card", source: src("AMD Radeon AI PRO R9700 retail launch price", "2025-10", "memory") }],
		purchase: card(4, WS_CARD("300 W blower")),
	},
	// ───────────────────────────── Intel
	{
		gpu: "gaudi-3",
		availability: [{ from: "2024-04-09", status: "datacenter-only", source: catalogEntry("gaudi-3", "datacenter-only") }],
		prices: [{ usd: 15625, asOf: "2024-06", kind: "estimate", unit: "card", note: "8-card kit $125,000 ÷ 8", source: src("https://y-ic.de/news/intel-officially-launches-gaudi3-ai-chip-slower-than-nvidia-h100,but-at-a-lower-cost.html", "2024-06", "secondary") }],
		purchase: baseboard(src("Intel Gaudi 3: OAM modules on an 8-card baseboard (a PCIe card exists at ~600 W)", READ, "memory"), "passive", "OAM module on an 8-card baseboard (900 W each)"),
	},
	// ───────────────────────────── Apple
	{
		gpu: "apple-m2-ultra",
		availability: [
			{ from: "2023-06-05", status: "shipping", source: catalogEntry("apple-m2-ultra", "launch") },
			{ from: "2025-03-05", status: "discontinued", note: "replaced by the M3 Ultra Mac Studio", source: catalogEntry("apple-m2-ultra", "discontinued") },
		],
		prices: [],
		noPrice: "discontinued",
		purchase: { formFactor: "system", gpusPerUnit: 1, maxGpus: 1, workstation: true, cooling: "system", source: APPLE_M3U, note: "a separate computer (Mac Studio)" },
	},
	{
		gpu: "apple-m3-ultra",
		availability: [{ from: "2025-03-12", status: "shipping", source: src("https://512pixels.net/2025/03/mac-studio-what-is-happening", "2025-03-05", "secondary", "Mac Studio with M3 Ultra announced 5 Mar 2025, up to 512 GB") }],
		prices: [{ usd: 9499, asOf: "2025-03", kind: "launch-msrp", unit: "system", note: "512 GB / 80-core GPU configuration", source: APPLE_M3U }],
		purchase: { formFactor: "system", gpusPerUnit: 1, maxGpus: 1, workstation: true, cooling: "system", systemPowerW: 480, source: APPLE_M3U, note: "a separate computer (Mac Studio)" },
	},
	{
		gpu: "apple-m4-max",
		availability: [{ from: "2024-10-30", status: "shipping", source: catalogEntry("apple-m4-max", "shipping") }],
		prices: [],
		noPrice: "a laptop chip; not priced as an upgrade",
		purchase: { formFactor: "laptop", gpusPerUnit: 1, maxGpus: 1, workstation: false, cooling: "system", source: src("Apple MacBook Pro (M4 Max) technical specifications", "2024-10", "memory"), note: "a laptop" },
	},
	// ───────────────────────────── Announced
	{
		gpu: "rubin",
		availability: [
			{ from: "2025-03-18", status: "announced", expected: "2026-H2", source: RUBIN_GTC25 },
			{ from: "2025-10", status: "announced", expected: "2026-Q3", source: RUBIN_Q3 },
			{ from: "2026-06-02", status: "announced", expected: "2026-H2", note: "in full production; production shipments begin in the fall", source: RUBIN_FALL },
		],
		prices: [],
		noPrice: "not priced; sold as Vera Rubin NVL72 racks",
		purchase: rack("Vera Rubin NVL72: 72 GPUs per liquid-cooled rack", RUBIN_FALL),
	},
	{
		gpu: "rubin-cpx",
		availability: [{ from: "2025-09-09", status: "announced", expected: "2026-Q4", note: "\"end of 2026\"", source: src("https://awesomeagents.ai/hardware/nvidia-rubin-cpx", "2026-06", "secondary", "128 GB GDDR7 context accelerator; ships end of 2026") }],
		prices: [],
		noPrice: "not priced; announced inside the Vera Rubin NVL144 CPX rack",
		purchase: rack("inside the Vera Rubin NVL144 CPX rack", src("https://infinityxverse.com/nvidia-rubin-cpx-gpu-massive-context-inference", "2026-06", "secondary")),
	},
	{
		gpu: "mi455x",
		availability: [{ from: "2025-06-12", status: "announced", expected: "2026-H2", note: "Helios racks", source: src("https://www.jaredwatkins.com/research/ai-accelerators/amd-instinct/mi400-helios/", "2026-06", "secondary", "previewed June 2025; Helios racks H2 2026") }],
		prices: [],
		noPrice: "not priced; announced in 72-GPU Helios racks",
		purchase: rack("AMD Helios: 72 MI455X per rack", src("https://www.jaredwatkins.com/research/ai-accelerators/amd-instinct/mi400-helios/", "2026-06", "secondary")),
	},
	// GPUs added in round 2 (./market-added.ts).
	...MARKET_ADDED,
];
