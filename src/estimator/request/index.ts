/** The request fields (block keys, CLI flags, settings), their limits and the table's column list. */
export { LIMITS } from "./limits";
export { COLUMN_ALIASES, TABLE_COLUMNS, SHOW_EXTRAS, SHOW_KEYWORDS, type ColumnId, type ShowKeyword } from "./columns";
export {
	FIELDS, KV_DTYPE_CHOICES, fieldMessage, fieldNames, fieldOf, findField, parseField, subject,
	type Field, type FieldKey, type KvDtypeChoice, type RequestSpec, type Surface,
} from "./fields";
export { parseRequest, unknownKeyMessage, type RequestEntry, type RequestIssue } from "./parse";
export { clip, describeValue, formatCount, plural, quote, sentence } from "./text";
export { closest, didYouMean, keyOf } from "./suggest";
export { parseChoice, parseChoiceList, parseFraction, parseNameList, parseWholeNumber, type Parsed } from "./values";
