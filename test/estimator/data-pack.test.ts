import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { unpackData } from "../../src/estimator/data-pack/unpack";
import { GPUS } from "../../src/estimator/data/gpus";
import { MODELS } from "../../src/estimator/data/models";

/** What scripts/data-pack.mjs does at build time: JSON, raw deflate, base64. */
const pack = (value: unknown) => deflateRawSync(Buffer.from(JSON.stringify(value)), { level: 9 }).toString("base64");

describe("unpackData (the catalog blob main.js ships)", () => {
	it("reads back the catalogs as packed", () => {
		const data = { gpus: GPUS, models: MODELS };
		expect(unpackData(pack(data))).toEqual(JSON.parse(JSON.stringify(data)));
	});

	it("keeps non-ASCII text (UTF-8 through base64)", () => {
		const text = { s: "µs — Blackwell™ 日本語 😀", n: [1.5, -0, 1e-9] };
		expect(unpackData(pack(text))).toEqual(JSON.parse(JSON.stringify(text)));
	});

	it("fails loudly on a corrupt blob instead of returning partial data", () => {
		const good = pack({ a: "x".repeat(1000) });
		expect(() => unpackData(good.slice(0, good.length / 2))).toThrow();
	});
});
