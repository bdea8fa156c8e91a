import { excelError } from '../errors';
import { writeCells } from './cells';
import { columnCount, type Rect, rowCount } from './rect';
import { shiftCells } from './structure';
import { normalizeHeaders } from './table-headers';
import type { TableModel } from './table-model';
import type { WorkbookModel } from './workbook-model';

/** The sheet column of a table column, by its stable id (-1 once deleted). */
export function columnOf(table: TableModel, id: number): number {
  const i = table.columnIds.indexOf(id);
  return i < 0 ? -1 : table.rect.c0 + i;
}

/**
 * `TableColumnCollection.add`: inserts a column at `index` (appends when null), shifting cells to the right
 * within the table's rows. `values` covers the header and every body row; `name` overrides the header.
 */
export function addTableColumn(
  wb: WorkbookModel,
  table: TableModel,
  index: unknown,
  values: unknown,
  name: unknown,
  location: string,
): number {
  const width = columnCount(table.rect);
  const at = index === undefined || index === null ? width : index;
  if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > width) {
    throw excelError('InvalidArgument', location, `index ${String(index)} is outside 0..${width}`);
  }
  const height = rowCount(table.rect);
  if (values !== undefined && values !== null) {
    const ok =
      Array.isArray(values) &&
      values.length === height &&
      values.every((r) => Array.isArray(r) && r.length === 1);
    if (!ok)
      throw excelError(
        'InvalidArgument',
        location,
        `values must be ${height} rows of one value (header included)`,
      );
  }
  if (name !== undefined && name !== null && typeof name !== 'string')
    throw excelError('InvalidArgument', location, 'name must be text');
  const col = table.rect.c0 + at;
  const band: Rect = { r0: table.rect.r0, r1: table.rect.r1, c0: col, c1: col };
  const [rectBefore, idsBefore] = [table.rect, [...table.columnIds]];
  shiftCells(wb, table.sheet, band, 'Right', location);
  // The shift moves or widens the table depending on where the column lands; pin the result down explicitly.
  table.rect = { ...rectBefore, c1: rectBefore.c1 + 1 };
  table.columnIds = [...idsBefore.slice(0, at), table.nextColumnId++, ...idsBefore.slice(at)];
  if (values) writeCells(table.sheet, band, values, location, wb);
  if (typeof name === 'string') table.sheet.values.set(table.rect.r0, col, name);
  normalizeHeaders(table);
  return table.columnIds[at] as number;
}

/** `TableColumn.delete`: removes the column's cells, shifting the rest of the table left. */
export function deleteTableColumn(wb: WorkbookModel, table: TableModel, id: number, location: string): void {
  const col = columnOf(table, id);
  if (col < 0) throw excelError('ItemNotFound', location, 'the column no longer exists');
  if (columnCount(table.rect) === 1)
    throw excelError('InvalidOperation', location, "a table's only column cannot be deleted");
  shiftCells(wb, table.sheet, { r0: table.rect.r0, r1: table.rect.r1, c0: col, c1: col }, 'Left', location);
}
