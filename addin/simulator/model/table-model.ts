import type { Rect } from './rect';
import type { SheetModel } from './sheet-model';

/** One Excel table: a block on a sheet whose first row holds the headers (when shown). */
export interface TableModel {
  readonly id: string;
  name: string;
  sheet: SheetModel;
  /** The whole table: header row, body rows and, with totals shown, the total row. */
  rect: Rect;
  style: string;
  showHeaders: boolean;
  showTotals: boolean;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  /** Stable column identities, left to right, so a column proxy survives inserts before it. */
  columnIds: number[];
  nextColumnId: number;
  deleted: boolean;
}

/** The rows of the table body (never empty: Excel keeps at least one body row). `showHeaders` is only recorded. */
export function bodyRect(table: TableModel): Rect {
  const r0 = table.rect.r0 + 1;
  const r1 = table.rect.r1 - (table.showTotals ? 1 : 0);
  return { ...table.rect, r0, r1 };
}

/** The header row. */
export function headerRect(table: TableModel): Rect {
  return { ...table.rect, r1: table.rect.r0 };
}

/** The total row, when shown. */
export function totalRect(table: TableModel): Rect | undefined {
  return table.showTotals ? { ...table.rect, r0: table.rect.r1 } : undefined;
}
