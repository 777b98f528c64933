/**
 * The catalog data as main.js ships it: the big data modules (GPUs, models, market facts, architectures, formats)
 * are JSON, deflated and base64-encoded at build time (scripts/data-pack.mjs), and read back here on first use.
 *
 * Why: as JavaScript object literals they were 170 KB of the 500 KB main.js budget; packed they are ~52 KB plus this
 * reader (fflate's inflate, ~4 KB). Reading them back (inflate + JSON.parse of ~270 KB) happens once, when the catalog
 * is first built, not when the plugin loads. The CLI and the tests use the modules as written.
 */
import { inflateSync, strFromU8 } from "fflate";

/** base64 of a raw-deflated UTF-8 JSON text → the value. */
export function unpackData(base64: string): unknown {
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return JSON.parse(strFromU8(inflateSync(bytes))) as unknown;
}
