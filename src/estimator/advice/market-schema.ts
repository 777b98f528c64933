/**
 * The market facts scaling advice needs beyond the GPU catalog: availability over time, prices with their dates,
 * and how a part is bought and installed. Each fact carries its own source and date; validated at load.
 */
import * as z from "zod/mini";
import { SourceSchema } from "../schema";

/** ISO date (YYYY-MM-DD), month (YYYY-MM), half or quarter (2026-H2, 2026-Q3) or year. */
const factDate = () => z.string().check(z.regex(/^\d{4}(-(\d{2}(-\d{2})?|H[12]|Q[1-4]))?$/));
const positive = () => z.number().check(z.positive());
const positiveInt = () => z.number().check(z.int(), z.positive());

export const AvailabilityStatusSchema = z.enum(["announced", "shipping", "datacenter-only", "discontinued"]);
export type AvailabilityStatus = z.infer<typeof AvailabilityStatusSchema>;

/** One change of availability: it holds from `from` until the next event. */
export const AvailabilityEventSchema = z.object({
	from: factDate(),
	status: AvailabilityStatusSchema,
	/** For announced parts: when the vendor said it would ship, as of this event. */
	expected: z.optional(factDate()),
	note: z.optional(z.string()),
	source: SourceSchema,
});
export type AvailabilityEvent = z.infer<typeof AvailabilityEventSchema>;

export const PriceSchema = z.object({
	/** The figure used for cost (USD, one purchasable unit, see `unit`). */
	usd: positive(),
	/** Range seen in the source, when it gives one. */
	low: z.optional(positive()),
	high: z.optional(positive()),
	/** When the price held (the source's date). */
	asOf: factDate(),
	kind: z.enum(["launch-msrp", "announced", "street", "estimate"]),
	/** What the price buys: one card/module, or one whole system (DGX Spark, Mac Studio). */
	unit: z.enum(["card", "system"]),
	note: z.optional(z.string()),
	source: SourceSchema,
});
export type Price = z.infer<typeof PriceSchema>;

/** How the part is bought and installed: what limits a scaling option in practice. */
export const PurchaseSchema = z.object({
	/** pcie-card: goes into a workstation or server slot; module: SXM/OAM on an 8-GPU baseboard; superchip: CPU+GPU module; system: a whole computer; rack: sold as a rack. */
	formFactor: z.enum(["pcie-card", "module", "superchip", "system", "laptop", "rack"]),
	/** GPUs in the smallest unit one can buy (8 for an HGX baseboard, 72 for an NVL72 rack, 1 otherwise). */
	gpusPerUnit: positiveInt(),
	/** Most GPUs that work together in one box (or linked pair of systems): the largest option the advice builds. */
	maxGpus: positiveInt(),
	/** Fits an ordinary tower workstation (active cooling, standard power connectors). */
	workstation: z.boolean(),
	cooling: z.enum(["active", "passive", "liquid", "system"]),
	/** Wall power of a whole system (DGX Spark, Mac Studio), W; cards use the catalog's TDP. */
	systemPowerW: z.optional(positive()),
	note: z.optional(z.string()),
	source: SourceSchema,
});
export type Purchase = z.infer<typeof PurchaseSchema>;

export const MarketEntrySchema = z.object({
	/** Catalog GPU id. */
	gpu: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
	availability: z.array(AvailabilityEventSchema).check(z.minLength(1)),
	prices: z.array(PriceSchema),
	/** Why there is no price (e.g. "sold only inside 8-GPU HGX servers"). Required when `prices` is empty. */
	noPrice: z.optional(z.string()),
	purchase: PurchaseSchema,
});
export type MarketEntry = z.infer<typeof MarketEntrySchema>;
