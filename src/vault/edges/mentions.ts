/** note → concept, for each catalog or dictionary concept the note mentions (anywhere: title, tags, fields, body). */
import { forEachMentionedId } from "../concepts/mentions";
import { kindNo } from "../graph/store";
import type { EdgeSource } from "./edge-source";

const MENTIONS = kindNo("mentions");

export const mentionEdges: EdgeSource = {
	kinds: ["mentions"],
	resolvesNames: false,
	edges(note, ctx, out) {
		forEachMentionedId(note.mentions, (conceptId) => {
			if (ctx.hasConcept(conceptId)) out.push(ctx.edgeTo("", conceptId, MENTIONS));
		});
	},
};
