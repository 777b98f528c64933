/** The settings' precision policy in the advice's terms ("unquantized" = as released, never inflated). */
import type { PrecisionPolicy as AdvicePolicy } from "../../estimator/advice/index";
import type { PrecisionPolicy } from "../settings";

export function advicePolicy(p: PrecisionPolicy): AdvicePolicy {
	return p === "unquantized" ? "released" : p === "allow-fp8" ? "fp8" : "int4";
}
