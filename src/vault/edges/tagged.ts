/** note → tag, for each tag of the note. */
import { kindNo } from "../graph/store";
import type { EdgeSource } from "./edge-source";

const TAGGED = kindNo("tagged");

export const taggedEdges: EdgeSource = {
	kinds: ["tagged"],
	resolvesNames: false,
	edges(note, ctx, out) {
		for (const t of note.tags) out.push(ctx.edgeTo("tag:", t.id, TAGGED));
	},
};
