/** Scaling advice: the public surface for the CLI, the plugin and the render layer. */
export { computeAdvice, catalogVersion } from "./advise";
export { adviceMarkdown, shownOptions, tableRow, TABLE_HEADERS, type TableRow } from "./markdown";
export { localToday, parseDay } from "./dates";
export { parseNoteConfig, noteWorkload, noteAdviceRequest, parseBudget, PROPERTY, type NoteConfig, type NoteFacts, type NoteDefaults } from "./note-input";
export { parsePolicy, describePolicy, precisionLadder, releaseFormatOf } from "./precision";
export { applyAdvice, describeWrite, withoutAdviceSection, START_MARKER, END_MARKER, ADVICE_PROPERTY, UPDATED_PROPERTY, type WriteBackResult } from "./write-back";
export { marketData, availabilityAt, priceAt } from "./market";
export * from "./types";
