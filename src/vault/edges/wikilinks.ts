/** note → note (or missing note), from `[[wikilinks]]` in the body. */
import { kindNo } from "../graph/store";
import type { EdgeSource } from "./edge-source";

const LINKS = kindNo("links");

export const wikilinkEdges: EdgeSource = {
	kinds: ["links"],
	resolvesNames: true,
	edges(note, ctx, out) {
		const links = note.links;
		for (let i = 0; i < links.length; i++) {
			if (links[i]?.field !== undefined) continue;
			const edge = ctx.linkEdge(i, LINKS);
			if (edge >= 0) out.push(edge);
		}
	},
};
