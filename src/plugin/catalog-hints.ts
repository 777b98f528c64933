/**
 * What an unknown GPU or model message adds in the plugin: where the user's own entries come from (the catalog
 * folder setting) and, when one is set, what was found there. Pure, so tests compute the same text as the plugin.
 */
import type { Catalog } from "../estimator/catalog";
import { plural } from "../estimator/request";

export function catalogHints(folder: string, files: number, problems: number): Catalog["hints"] {
	const text = folder === ""
		? "Your own card or model? Add it in a JSON or YAML file and set Settings → GPU Fit → User catalog folder."
		: `Not in the built-in catalog or in the user catalog folder "${folder}" (${plural(files, "file")}${problems > 0 ? `, ${plural(problems, "problem")} reported` : ""}).`;
	return { gpu: text, model: text };
}
