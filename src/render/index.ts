export { renderBlock, renderIssues, COPY_LABEL } from "./block";
export type { BlockModel, CopyRequest, RenderedBlock, RequestErrorView, SpecIssueView } from "./block";
export { COLUMNS, COLUMN_IDS, DEFAULT_COLUMNS, SHOW_ALIASES, resolveShow } from "./columns";
export type { ColumnId } from "./columns";
export { fitTableToMarkdown } from "./markdown";
export { BEST_MEANS, matrixToMarkdown, bestRow } from "./matrix";
export type { NodeFactory } from "./dom";
