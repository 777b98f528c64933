/**
 * note → note (or missing note), from the link fields of the frontmatter (FeedbackLoop → "feedback",
 * SignalAmplification → "amplifies", other configured fields → "feedback"; the kind was decided when the note was
 * parsed, see note/link-fields.ts).
 */
import { kindNo } from "../graph/store";
import type { EdgeSource } from "./edge-source";

const FEEDBACK = kindNo("feedback");
const AMPLIFIES = kindNo("amplifies");

export const fieldLinkEdges: EdgeSource = {
	kinds: ["feedback", "amplifies"],
	resolvesNames: true,
	edges(note, ctx, out) {
		const links = note.links;
		for (let i = 0; i < links.length; i++) {
			const link = links[i];
			if (link?.field === undefined) continue;
			const edge = ctx.linkEdge(i, link.kind === "amplifies" ? AMPLIFIES : FEEDBACK);
			if (edge >= 0) out.push(edge);
		}
	},
};
