import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";

async function run(...argv: string[]) {
	let out = "";
	let err = "";
	const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
	return { code, out, err };
}

describe("gpufit fit: backend and engine version (issue #12)", () => {
	it("--backend picks the backend and shows it; a backend that cannot drive the card is refused", async () => {
		const r = await run("fit", "--model", "Qwen3-8B", "--gpu", "RX 7900 XTX", "--engine", "llama.cpp", "--backend", "vulkan", "--quant", "q4_k_m", "--json");
		expect(r.code, r.err).toBe(0);
		expect((JSON.parse(r.out) as { backend: string }).backend).toBe("vulkan");
		const bad = await run("fit", "--model", "Qwen3-8B", "--gpu", "RTX 4090", "--backend", "rocm");
		expect(bad.code).toBe(2);
		expect(bad.err).toMatch(/ROCm\/HIP does not drive GeForce RTX 4090/);
	});

	it("--engine-version (v0, a llama.cpp build) changes the answer where the physics says so", async () => {
		const json = async (...a: string[]) => (JSON.parse((await run("fit", ...a, "--json")).out) as { rows: { overheadGiB: number; decodeTokensPerSecond: number }[] }).rows[0];
		const v1 = await json("--model", "Llama-3.1-8B", "--gpu", "RTX 3090", "--engine", "vllm", "--context", "20000", "--quant", "bf16");
		const v0 = await json("--model", "Llama-3.1-8B", "--gpu", "RTX 3090", "--engine", "vllm", "--engine-version", "v0", "--context", "20000", "--quant", "bf16");
		expect(v0?.overheadGiB).toBeGreaterThan((v1?.overheadGiB ?? 0) + 1);
		const now = await json("--model", "Llama-3.1-8B", "--gpu", "RTX 4090", "--engine", "llama.cpp", "--quant", "q4_k_m", "--context", "128");
		const old = await json("--model", "Llama-3.1-8B", "--gpu", "RTX 4090", "--engine", "llama.cpp", "--quant", "q4_k_m", "--context", "128", "--engine-version", "b2834");
		expect(now?.decodeTokensPerSecond).toBeGreaterThan(old?.decodeTokensPerSecond ?? Infinity);
	});
});
