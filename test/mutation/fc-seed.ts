/**
 * Setup file of the mutation runs: one fast-check seed for every property test (FC_SEED when given), so the cases a
 * test draws are the same for every mutant and a survivor can be replayed with `FC_SEED=<seed> npx vitest run`.
 */
import fc from "fast-check";

const seed = Number(process.env.FC_SEED ?? 1414);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number.isFinite(seed) ? seed : 1414 });
