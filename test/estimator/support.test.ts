import { describe, expect, it } from "vitest";
import { architectureOf, loadCatalog } from "../../src/estimator/catalog";
import { formatSupport } from "../../src/estimator/support";
import type { EngineId } from "../../src/estimator/types";

const c = loadCatalog();
function verdict(gpuName: string, formatId: string, engine: EngineId = "vllm") {
	const gpu = c.gpus.get(gpuName) ?? expect.fail(`no GPU ${gpuName}`);
	const f = c.formats.get(formatId) ?? expect.fail(`no format ${formatId}`);
	return formatSupport(f, gpu, architectureOf(c, gpu), engine);
}

describe("format support matrix", () => {
	it("FP8 is native from Ada and Hopper, weight-only on Ampere", () => {
		expect(verdict("RTX 4090", "fp8").level).toBe("native");
		expect(verdict("L40S", "fp8").level).toBe("native");
		expect(verdict("H100 SXM", "fp8").level).toBe("native");
		const a100 = verdict("A100 80GB SXM", "fp8");
		expect(a100.level).toBe("emulated");
		expect(a100.reason).toMatch(/weight-only|Marlin/);
		expect(verdict("RTX 3090", "fp8").level).toBe("emulated");
	});

	it("FP4 is native on Blackwell by two paths, dequantized on Hopper", () => {
		const b200 = verdict("B200", "nvfp4");
		const pro = verdict("RTX PRO 6000", "nvfp4");
		expect(b200.level).toBe("native");
		expect(pro.level).toBe("native");
		expect(b200.reason).toMatch(/tcgen05/);
		expect(pro.reason).toMatch(/mma\.sync/);
		expect(verdict("RTX 5090", "mxfp4").level).toBe("native");
		const h100 = verdict("H100 SXM", "nvfp4");
		expect(h100.level).toBe("emulated");
		expect(h100.reason).toMatch(/dequantized/i);
	});

	it("BF16 is unsupported on Turing and Volta", () => {
		const turing = c.architectures.get("turing") ?? expect.fail("turing");
		const volta = c.architectures.get("volta") ?? expect.fail("volta");
		const gpu = c.gpus.get("RTX 4090") ?? expect.fail("gpu");
		const bf16 = c.formats.get("bf16") ?? expect.fail("bf16");
		expect(formatSupport(bf16, gpu, turing, "vllm").level).toBe("unsupported");
		expect(formatSupport(bf16, gpu, volta, "transformers").level).toBe("unsupported");
		expect(formatSupport(bf16, gpu, turing, "vllm").reason).toMatch(/FP16 instead/);
	});

	it("MI300X runs FP8 natively as the FNUZ variant and has no FP4; MI355X runs MXFP4 natively", () => {
		const fp8 = verdict("MI300X", "fp8");
		expect(fp8.level).toBe("native");
		expect(fp8.reason).toMatch(/FNUZ/);
		expect(verdict("MI300X", "nvfp4").level).toBe("unsupported");
		expect(verdict("MI300X", "mxfp4").level).not.toBe("native");
		expect(verdict("MI355X", "mxfp4").level).toBe("native");
	});

	it("weight-only formats are emulated everywhere they load", () => {
		for (const gpu of ["RTX 3090", "H100 SXM", "RTX PRO 6000", "B200"]) {
			expect(verdict(gpu, "awq").level).toBe("emulated");
			expect(verdict(gpu, "q4_k_m", "llama.cpp").level).toBe("emulated");
		}
	});

	it("engines only load what they can: GGUF not on vLLM, FP8 not in llama.cpp, vLLM not on Apple, llama.cpp not on Gaudi", () => {
		expect(verdict("H100 SXM", "q4_k_m", "vllm").level).toBe("unsupported");
		expect(verdict("H100 SXM", "fp8", "llama.cpp").reason).toMatch(/llama\.cpp cannot load FP8/);
		expect(verdict("M3 Ultra", "bf16", "vllm").reason).toMatch(/no Apple Metal backend/);
		expect(verdict("M3 Ultra", "q4_k_m", "llama.cpp").level).toBe("emulated");
		expect(verdict("Gaudi 3", "bf16", "llama.cpp").level).toBe("unsupported");
		expect(verdict("Gaudi 3", "fp8", "vllm").level).toBe("native");
	});

	it("gives every GPU × format × engine a verdict with a reason", () => {
		for (const gpu of c.gpus.all()) {
			for (const f of c.formats.all()) {
				for (const e of ["vllm", "llama.cpp", "transformers"] as const) {
					const v = formatSupport(f, gpu, architectureOf(c, gpu), e);
					expect(v.reason.length, `${gpu.id} ${f.id} ${e}`).toBeGreaterThan(10);
				}
			}
		}
	});
});
