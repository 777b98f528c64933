export { renderBlock, renderIssues, COPY_LABEL } from "./block";
export type { BlockModel, CopyButton, RenderedBlock, RequestErrorView, SpecIssueView } from "./block";
export { COLUMNS, COLUMN_IDS, DEFAULT_COLUMNS, resolveShow } from "./columns";
export type { ColumnId } from "./columns";
export { fitTableToMarkdown } from "./markdown";
export { matrixToMarkdown, bestRow } from "./matrix";
export type { NodeFactory } from "./dom";
