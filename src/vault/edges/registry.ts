/**
 * Every source of a note's outgoing edges, in the order their edges are stored: the ones that depend only on the
 * note first (a note re-synced because a name it links to resolves differently keeps their edges as they are).
 * Concept → concept edges are not note edges: see concepts/relations.ts.
 */
import type { EdgeSource } from "./edge-source";
import { fieldLinkEdges } from "./field-links";
import { inSeriesEdges } from "./in-series";
import { mentionEdges } from "./mentions";
import { taggedEdges } from "./tagged";
import { wikilinkEdges } from "./wikilinks";

const ALL: readonly EdgeSource[] = [taggedEdges, inSeriesEdges, mentionEdges, fieldLinkEdges, wikilinkEdges];

/** Sources whose edges depend on the note alone. */
export const NOTE_EDGE_SOURCES: readonly EdgeSource[] = ALL.filter((s) => !s.resolvesNames);
/** Sources whose edges depend on how other notes' names resolve. */
export const LINK_EDGE_SOURCES: readonly EdgeSource[] = ALL.filter((s) => s.resolvesNames);
