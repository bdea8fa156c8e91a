/**
 * Excel formula text built from names a clerk controls (table headers, list values). Every piece
 * is escaped by Excel's own rules, so a header like “诉求[内容]” or a category like “*其他” cannot
 * change what a formula means.
 */

/** Characters that Excel requires to be escaped with an apostrophe inside a structured-reference column. */
const STRUCTURED_SPECIAL = /(['#[\]@])/g;

/**
 * A structured reference to one table column in the always-safe `Table[[column]]` form. The outer
 * brackets are optional in Excel only for "plain" names; the double-bracket form is valid for every
 * header, so it is used everywhere. `'`, `[`, `]`, `#` and `@` are escaped with `'`.
 * https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
 */
export function columnReference(table: string, header: string): string {
  return `${table}[[${header.replace(STRUCTURED_SPECIAL, "'$1")}]]`;
}

/** A formula string literal: double quotes doubled, as Excel's grammar requires. */
export const stringLiteral = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * A COUNTIF/COUNTIFS/SUMIFS criterion that matches `value` exactly, as a formula string literal.
 * Criteria treat `*`, `?` as wildcards and `~` as their escape, and a leading `<`, `>` or `=` as an
 * operator; prefixing `=` and escaping `~ * ?` makes any text match only itself.
 * https://support.microsoft.com/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842
 */
export function exactCriterion(value: string): string {
  return stringLiteral(`=${value.replace(/([~*?])/g, '~$1')}`);
}
