import { excelError } from '../errors';
import { clearContents, writeCells } from './cells';
import { columnCount, type Rect, rowCount } from './rect';
import { shiftCells } from './structure';
import { bodyRect, type TableModel } from './table-model';
import type { WorkbookModel } from './workbook-model';

/** Whether the body is the single blank row Excel keeps in an otherwise empty table. */
function isPlaceholder(table: TableModel): boolean {
  const body = bodyRect(table);
  if (rowCount(body) !== 1) return false;
  let blank = true;
  table.sheet.values.forEachIn(body, () => (blank = false));
  table.sheet.formulas.forEachIn(body, () => (blank = false));
  return blank;
}

/** Copies every format attribute and the validation of one row onto a band of new rows, as Excel does for table rows. */
function inheritFormats(table: TableModel, sourceRow: number, band: Rect): void {
  const sheet = table.sheet;
  const stores = [...sheet.formats.values(), sheet.validation] as {
    get(r: number, c: number): unknown;
    fill(a: Rect, v: unknown): void;
  }[];
  for (const store of stores) {
    for (let c = band.c0; c <= band.c1; c++) store.fill({ ...band, c0: c, c1: c }, store.get(sourceRow, c));
  }
}

/**
 * `TableRowCollection.add`: inserts rows into the body at `index` (appends when null), shifting the cells
 * below within the table's columns; new rows take the formats of the row above before values are written,
 * so a text-formatted column keeps "0012" as text. An empty table's blank row is filled first.
 */
export function addTableRows(
  wb: WorkbookModel,
  table: TableModel,
  index: unknown,
  values: unknown,
  location: string,
): Rect {
  const width = columnCount(table.rect);
  if (values !== undefined && values !== null) {
    const ok =
      Array.isArray(values) &&
      values.length > 0 &&
      values.every((r) => Array.isArray(r) && r.length === width);
    if (!ok) throw excelError('InvalidArgument', location, `each row needs exactly ${width} values`);
  }
  const rows = (values as unknown[][] | null | undefined) ?? [Array.from({ length: width }, () => null)];
  const body = bodyRect(table);
  const bodyRows = rowCount(body);
  const at = index === undefined || index === null ? bodyRows : index;
  if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > bodyRows) {
    throw excelError('InvalidArgument', location, `index ${String(index)} is outside 0..${bodyRows}`);
  }
  const fillPlaceholder = isPlaceholder(table) && at <= 1;
  const start = body.r0 + (fillPlaceholder ? 0 : at);
  const inserted = fillPlaceholder ? rows.length - 1 : rows.length;
  if (inserted > 0) {
    const insertAt = fillPlaceholder ? start + 1 : start;
    const band: Rect = { r0: insertAt, r1: insertAt + inserted - 1, c0: table.rect.c0, c1: table.rect.c1 };
    const heightBefore = rowCount(table.rect);
    shiftCells(wb, table.sheet, band, 'Down', location);
    if (rowCount(table.rect) === heightBefore) table.rect = { ...table.rect, r1: table.rect.r1 + inserted };
    inheritFormats(table, insertAt > body.r0 ? insertAt - 1 : insertAt + inserted, band);
  }
  const written: Rect = { r0: start, r1: start + rows.length - 1, c0: table.rect.c0, c1: table.rect.c1 };
  writeCells(table.sheet, written, rows, location, wb);
  return written;
}

/** Deletes one body row; the last remaining body row is cleared instead, as Excel keeps one. */
export function deleteTableRow(wb: WorkbookModel, table: TableModel, row: number, location: string): void {
  const body = bodyRect(table);
  const band: Rect = { r0: row, r1: row, c0: table.rect.c0, c1: table.rect.c1 };
  if (rowCount(body) === 1) return clearContents(table.sheet, band);
  shiftCells(wb, table.sheet, band, 'Up', location);
}

/** Shows or hides the total row: a row inserted below the body (labelled "Total"), or removed again. */
export function setShowTotals(wb: WorkbookModel, table: TableModel, show: boolean, location: string): void {
  if (show === table.showTotals) return;
  const row = show ? table.rect.r1 + 1 : table.rect.r1;
  const band: Rect = { r0: row, r1: row, c0: table.rect.c0, c1: table.rect.c1 };
  shiftCells(wb, table.sheet, band, show ? 'Down' : 'Up', location);
  if (show) {
    table.rect = { ...table.rect, r1: row };
    table.sheet.values.set(row, table.rect.c0, 'Total');
  }
  table.showTotals = show;
}
