import type { Bilingual } from '../text';

/** How bad a problem is: an error blocks the row from counting as valid; a warning does not. */
export type Severity = 'error' | 'warning';

/** One problem with one cell (or one row, when column is empty), addressed the way a clerk finds it. */
export interface CellProblem {
  /** Sheet name, in Chinese. */
  readonly sheet: string;
  /** Sheet row number (1-based, as Excel shows it). */
  readonly row: number;
  /** The field key of the column, or '' for a whole-row problem. */
  readonly column: string;
  /** The column's header as it stands on the sheet. */
  readonly header: string;
  readonly message: Bilingual;
  /** The value exactly as the cell held it. */
  readonly raw: unknown;
  readonly severity: Severity;
  /** A stable machine-readable code, e.g. 'required', 'bad-date', 'not-in-list'. */
  readonly code: string;
}

/** Formats a problem for a log or an error dialog: sheet, row, column, then both languages. */
export function describeProblem(p: CellProblem): string {
  const where = p.header ? `${p.sheet}!${p.header}（第 ${p.row} 行）` : `${p.sheet}（第 ${p.row} 行）`;
  return `${where}：${p.message.zh} / ${p.message.en}`;
}
