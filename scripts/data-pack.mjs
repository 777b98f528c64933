// esbuild plugin for main.js: the big catalog data modules become one deflated JSON blob, read on first use.
// See src/estimator/data-pack/unpack.ts for why. At build time each packed module is bundled and run in Node, its
// exports are checked to survive JSON exactly (the build fails otherwise), and the packed module is replaced by a
// CommonJS module whose exports are getters: the blob is inflated when a catalog first reads one of them.
import esbuild from "esbuild";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { deflateRawSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The modules packed, and the exports each gives. */
export const PACKED = {
	"src/estimator/data/gpus.ts": ["GPUS"],
	"src/estimator/data/models.ts": ["MODELS"],
	"src/estimator/data/market.ts": ["MARKET"],
	"src/estimator/data/architectures.ts": ["ARCHITECTURES"],
	"src/estimator/data/formats.ts": ["FORMATS"],
};
const unpackModule = resolve(root, "src/estimator/data-pack/unpack.ts");

/** The packed modules' exports, run in Node: { "<module>": { EXPORT: value } }. */
async function loadData() {
	const entry = Object.entries(PACKED).map(([file, names], i) => `export { ${names.map((n) => `${n} as m${i}_${n}`).join(", ")} } from ${JSON.stringify(resolve(root, file))};`).join("\n");
	const out = await esbuild.build({ stdin: { contents: entry, resolveDir: root, loader: "ts" }, bundle: true, platform: "node", format: "cjs", write: false, logLevel: "error" });
	const module = { exports: {} };
	new Function("module", "exports", "require", out.outputFiles[0].text)(module, module.exports, createRequire(resolve(root, "package.json")));
	const data = {};
	Object.entries(PACKED).forEach(([file, names], i) => {
		data[file] = Object.fromEntries(names.map((n) => [n, module.exports[`m${i}_${n}`]]));
	});
	return data;
}

/** `value` as JSON keeps: undefined properties dropped, nothing else changed (NaN, Infinity, -0, Dates fail). */
function checkJson(file, value) {
	const back = JSON.parse(JSON.stringify(value));
	const strip = (v) => (Array.isArray(v) ? v.map(strip) : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, strip(x)])) : v);
	if (!isDeepStrictEqual(strip(value), back)) throw new Error(`data-pack: ${file} does not survive JSON unchanged (NaN, Infinity, -0, a Date or a class?)`);
}

export function dataPack() {
	let blob;
	return {
		name: "data-pack",
		setup(build) {
			build.onStart(async () => {
				const data = await loadData();
				for (const [file, exports] of Object.entries(data)) checkJson(file, exports);
				blob = deflateRawSync(Buffer.from(JSON.stringify(data)), { level: 9 }).toString("base64");
			});
			const files = new Set(Object.keys(PACKED).map((f) => resolve(root, f)));
			build.onLoad({ filter: /[\\/]src[\\/]estimator[\\/]data[\\/][a-z-]+\.ts$/ }, (args) => {
				if (!files.has(args.path)) return undefined;
				const key = Object.keys(PACKED).find((f) => resolve(root, f) === args.path);
				const getters = PACKED[key].map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => data()[${JSON.stringify(key)}][${JSON.stringify(n)}] });`).join("\n");
				return {
					contents: `"use strict";\nconst { data } = require("gpufit-data-blob");\n${getters}\n`,
					loader: "js",
					resolveDir: root,
				};
			});
			build.onResolve({ filter: /^gpufit-data-blob$/ }, () => ({ path: "gpufit-data-blob", namespace: "data-pack" }));
			build.onLoad({ filter: /.*/, namespace: "data-pack" }, () => ({
				contents: `"use strict";\nconst { unpackData } = require(${JSON.stringify(unpackModule)});\nlet cached;\nexports.data = () => (cached ??= unpackData(${JSON.stringify(blob)}));\n`,
				loader: "js",
				resolveDir: root,
			}));
		},
	};
}
