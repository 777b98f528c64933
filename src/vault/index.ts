/**
 * The vault index's public surface (what the plugin, the CLI and the bench use). Nothing is defined here.
 */
export { VaultIndex, type VaultIndexOptions } from "./vault-index";
export { parseNote, type ParseOptions } from "./note/parse-note";
export { DEFAULT_LINK_FIELD_NAMES, DEFAULT_LINK_FIELDS, linkFieldsFrom } from "./note/link-fields";
export { noteKey, noteNodeId } from "./note/note-key";
export { LIMITS } from "./limits";
export { readCachedNote } from "./note/cached-note";
export { cachedNoteFrom, openShard, sealShard } from "./note/cache-shard";
export { PARSED_NOTE_VERSION } from "./types";
export type {
	ConceptKind, ConceptMention, EdgeKind, Graph, GraphChanges, GraphEdge, GraphNode, GpufitBlock, LinkField, MentionList, MentionPlaces,
	NodeKind, NoteDiagnostic, NoteLink, ParsedNote, SeriesRef, TagRef, VaultDiagnostic, Workload, WorkloadBlock,
} from "./types";
