/**
 * Every format's bits per weight, pinned from its storage layout: ggml's block_* structs (bytes per block of
 * weights, ggml/src/ggml-common.h) for GGUF types, the group layouts for GPTQ/AWQ/NF4, the OCP/NVIDIA specs for
 * MXFP4/NVFP4. The layouts are written out here byte by byte, independently of src/estimator/data/formats.ts, so a
 * wrong constant there (a Q3_K_M off by half a bit) fails.
 *
 * Then the "_M" mixes as whole files: Llama-3.1-8B's bits/weight against llama.cpp's quantize README table
 * (tools/quantize/README.md, "meta-llama/Llama-3.1-8B", read 2026-06).
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/estimator/catalog";
import { GiB, weightBytes } from "../../src/estimator/memory";
import type { Format } from "../../src/estimator/schema";

const c = loadCatalog();
const format = (id: string): Format => c.formats.get(id) ?? expect.fail(`no format ${id}`);
const FP16 = 2; // bytes of a ggml_half scale

/** bits per weight of a block of `weights` values stored in `bytes` bytes */
const bpw = (bytes: number, weights: number): number => (bytes * 8) / weights;

/** The storage layout of every catalog format: bytes per block / weights per block, field by field. */
const LAYOUT: Record<string, number> = {
	fp32: 32,
	bf16: 16,
	fp16: 16,
	fp8: 8, // E4M3, per-tensor/per-channel scales are negligible
	int8: 8,
	// 4-bit weights + one fp16 scale + one packed 4-bit zero point per group of 128
	awq: bpw(128 / 2 + FP16 + 0.5, 128),
	gptq: bpw(128 / 2 + FP16 + 0.5, 128),
	// NF4: 64 weights of 4 bits + an 8-bit absmax per block, + an fp32 scale per 256 blocks (double quantization)
	nf4: bpw(64 / 2 + 1 + 4 / 256, 64),
	// block_q8_0: ggml_half d; int8 qs[32]
	q8_0: bpw(FP16 + 32, 32),
	// block_q4_0: ggml_half d; uint8 qs[16]
	q4_0: bpw(FP16 + 16, 32),
	// block_q6_K: uint8 ql[128], qh[64]; int8 scales[16]; ggml_half d — per 256
	q6_k: bpw(128 + 64 + 16 + FP16, 256),
	// block_q5_K: ggml_half d, dmin; uint8 scales[12], qh[32], qs[128] — per 256
	q5_k_m: bpw(2 * FP16 + 12 + 32 + 128, 256),
	// block_q4_K: ggml_half d, dmin; uint8 scales[12], qs[128] — per 256
	q4_k_m: bpw(2 * FP16 + 12 + 128, 256),
	// block_iq4_xs: ggml_half d; uint16 scales_h; uint8 scales_l[4], qs[128] — per 256
	iq4_xs: bpw(FP16 + 2 + 4 + 128, 256),
	// block_q3_K: uint8 hmask[32], qs[64], scales[12]; ggml_half d — per 256
	q3_k_m: bpw(32 + 64 + 12 + FP16, 256),
	// block_q2_K: uint8 scales[16], qs[64]; ggml_half d, dmin — per 256
	q2_k: bpw(16 + 64 + 2 * FP16, 256),
	// block_q5_0: ggml_half d; uint8 qh[4], qs[16] — per 32
	q5_0: bpw(FP16 + 4 + 16, 32),
	// block_iq4_nl: ggml_half d; uint8 qs[16] — per 32
	iq4_nl: bpw(FP16 + 16, 32),
	// K-quant "_S" and "_L" mixes: the base block type of their name (Q4_K, Q5_K, Q3_K)
	q4_k_s: bpw(2 * FP16 + 12 + 128, 256),
	q5_k_s: bpw(2 * FP16 + 12 + 32 + 128, 256),
	q3_k_l: bpw(32 + 64 + 12 + FP16, 256),
	// block_iq3_xxs: ggml_half d; uint8 qs[3 × 256 / 8] — per 256
	iq3_xxs: bpw(FP16 + (3 * 256) / 8, 256),
	// block_iq2_xxs: ggml_half d; uint16 qs[256 / 8] — per 256
	iq2_xxs: bpw(FP16 + 2 * (256 / 8), 256),
	// block_mxfp4: uint8 e (E8M0 scale); uint8 qs[16] — per 32 (the experts; gpt-oss's F16 GGUF keeps the rest at 16 bit)
	mxfp4: bpw(1 + 16, 32),
	"mxfp4-f16": bpw(1 + 16, 32),
	// NVFP4: 16 E2M1 values (8 bytes) + one UE4M3 scale per 16 (the per-tensor fp32 scale is negligible)
	nvfp4: bpw(8 + 1, 16),
};

/** K-quant types as bits per weight, for the tensor groups the mixes upgrade and for the output head. */
const Q6_K = bpw(128 + 64 + 16 + FP16, 256);
const Q5_K = bpw(2 * FP16 + 12 + 32 + 128, 256);
const Q4_K = bpw(2 * FP16 + 12 + 128, 256);
const Q3_K = bpw(32 + 64 + 12 + FP16, 256);

describe("bits per weight from the storage layout", () => {
	it("the layouts are the well-known figures (a slip in this table would pin a wrong value)", () => {
		expect([LAYOUT.q8_0, LAYOUT.q6_k, LAYOUT.q5_k_m, LAYOUT.q4_k_m, LAYOUT.q3_k_m, LAYOUT.q2_k]).toEqual([8.5, 6.5625, 5.5, 4.5, 3.4375, 2.625]);
		expect([LAYOUT.q4_0, LAYOUT.iq4_xs, LAYOUT.mxfp4, LAYOUT.nvfp4]).toEqual([4.5, 4.25, 4.25, 4.5]);
		expect([LAYOUT.q5_0, LAYOUT.iq4_nl, LAYOUT.iq3_xxs, LAYOUT.iq2_xxs]).toEqual([5.5, 4.5, 3.0625, 2.0625]);
		expect(LAYOUT.awq).toBe(4.15625);
	});

	it("every catalog format is pinned here (a new format needs its layout)", () => {
		expect(c.formats.all().map((f) => f.id).sort()).toEqual(Object.keys(LAYOUT).sort());
	});

	for (const [id, bits] of Object.entries(LAYOUT)) {
		it(`${id}: ${bits} bits per weight`, () => {
			expect(format(id).bitsPerWeight).toBe(bits);
		});
	}
});

describe("GGUF mixes: which tensors get which type", () => {
	it("token embedding at the base type, output head at Q6_K (Q8_0 and Q6_K keep their own)", () => {
		for (const id of ["q5_k_m", "q4_k_m", "q4_0", "iq4_xs", "q3_k_m", "q2_k", "q4_k_s", "q5_k_s", "q3_k_l", "q5_0", "iq4_nl"]) {
			expect(format(id).embeddingBits, id).toBe(LAYOUT[id]);
			expect(format(id).headBits, id).toBe(Q6_K);
		}
		expect(format("q8_0").headBits).toBe(8.5);
		expect(format("q6_k").headBits).toBe(Q6_K);
	});

	it("Q3_K_M: attn_v and attn_output at Q4_K in every layer, ffn_down at Q4_K in half of them", () => {
		expect(format("q3_k_m").upgrades).toEqual([
			{ group: "attn_v", fractionOfLayers: 1, bitsPerWeight: Q4_K },
			{ group: "attn_o", fractionOfLayers: 1, bitsPerWeight: Q4_K },
			{ group: "ffn_down", fractionOfLayers: 0.5, bitsPerWeight: Q4_K },
		]);
	});

	it("Q4_K_M and Q5_K_M: attn_v and ffn_down at Q6_K in half of the layers", () => {
		for (const id of ["q4_k_m", "q5_k_m"]) {
			expect(format(id).upgrades, id).toEqual([
				{ group: "attn_v", fractionOfLayers: 0.5, bitsPerWeight: Q6_K },
				{ group: "ffn_down", fractionOfLayers: 0.5, bitsPerWeight: Q6_K },
			]);
		}
		expect(Q5_K).toBe(LAYOUT.q5_k_m);
	});

	it("Q2_K: attn_v at Q4_K, attn_output and ffn_down at Q3_K", () => {
		expect(format("q2_k").upgrades).toEqual([
			{ group: "attn_v", fractionOfLayers: 1, bitsPerWeight: Q4_K },
			{ group: "attn_o", fractionOfLayers: 1, bitsPerWeight: Q3_K },
			{ group: "ffn_down", fractionOfLayers: 1, bitsPerWeight: Q3_K },
		]);
	});
});

describe("Llama-3.1-8B as whole files (llama.cpp quantize README)", () => {
	const llama = c.models.get("llama-3.1-8b") ?? expect.fail("no llama-3.1-8b");
	const file = (id: string) => weightBytes(llama, format(id), undefined, "llama.cpp");
	// Quant type → [bits/weight, size GiB] as the README lists them.
	const README: Record<string, [number, number]> = {
		q2_k: [3.1593, 2.95], q4_k_m: [4.8944, 4.58], q5_k_m: [5.7036, 5.33], q6_k: [6.5633, 6.14], q8_0: [8.5008, 7.95], fp16: [16.0005, 14.96],
		iq4_xs: [4.4597, 4.17], q4_k_s: [4.6672, 4.36], q5_k_s: [5.5704, 5.21], q3_k_l: [4.2979, 4.02], iq4_nl: [4.6818, 4.38],
		iq3_xxs: [3.2548, 3.04], iq2_xxs: [2.3824, 2.23],
	};
	// The i-quants are modelled with fewer per-tensor upgrades than llama.cpp makes: 1 to 2 % low; the K mixes within 0.1 %.
	const TOLERANCE: Record<string, number> = { iq4_xs: 0.015, iq4_nl: 0.015, iq3_xxs: 0.02 };
	for (const [id, [bits, gib]] of Object.entries(README)) {
		const tol = TOLERANCE[id] ?? 0.001;
		it(`${id}: ${bits} bits/weight, ${gib} GiB (within ${tol * 100} %)`, () => {
			const w = file(id);
			expect(Math.abs(w.bitsPerWeight / bits - 1)).toBeLessThanOrEqual(tol);
			expect(Math.abs(w.total / GiB / gib - 1)).toBeLessThanOrEqual(tol + 0.002);
		});
	}

	it("Q3_K_M lies between the README's Q3_K_S (3.6429) and Q3_K_L (4.2979)", () => {
		const w = file("q3_k_m");
		expect(w.bitsPerWeight).toBeGreaterThan(3.6429);
		expect(w.bitsPerWeight).toBeLessThan(4.2979);
	});

	it("the mixes order by size: Q2_K < Q3_K_M < IQ4_XS < Q4_K_M < Q5_K_M < Q6_K < Q8_0", () => {
		const sizes = ["q2_k", "q3_k_m", "iq4_xs", "q4_k_m", "q5_k_m", "q6_k", "q8_0"].map((id) => file(id).total);
		expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
	});
});
