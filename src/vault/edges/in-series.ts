/** note → series, for each `S<n>_<Name>` series tag of the note. */
import { kindNo } from "../graph/store";
import type { EdgeSource } from "./edge-source";

const IN_SERIES = kindNo("in-series");

export const inSeriesEdges: EdgeSource = {
	kinds: ["in-series"],
	resolvesNames: false,
	edges(note, ctx, out) {
		for (const s of note.series) out.push(ctx.edgeTo("series:", s.id, IN_SERIES));
	},
};
