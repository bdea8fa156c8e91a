import { excelError } from '../errors';
import { formatRect } from './address';
import { clearContents } from './cells';
import { clearFormats } from './formats';
import { breakReferences } from './formula-refs';
import { checkDefinedName, sameName } from './naming';
import { refuseOnProtected } from './protection';
import { columnCount, intersects, type Rect, rowCount } from './rect';
import type { SheetModel } from './sheet-model';
import { shiftCells } from './structure';
import { normalizeHeaders } from './table-headers';
import type { TableModel } from './table-model';
import type { WorkbookModel } from './workbook-model';

/** Whether a table or workbook-scoped defined name already uses a name. */
export function nameInUse(wb: WorkbookModel, name: string, except?: object): boolean {
  return (
    wb.tables.some((t) => t !== except && sameName(t.name, name)) ||
    wb.names.some((n) => n !== except && n.scope === undefined && sameName(n.name, name))
  );
}

/** Checks a new table name: Excel's name rules plus uniqueness across tables and defined names. */
export function checkTableName(
  wb: WorkbookModel,
  name: unknown,
  location: string,
  except?: TableModel,
): string {
  const valid = checkDefinedName(name, location);
  if (nameInUse(wb, valid, except))
    throw excelError('ItemAlreadyExists', location, `the name '${valid}' is taken`);
  return valid;
}

function refuseOverlap(
  wb: WorkbookModel,
  sheet: SheetModel,
  area: Rect,
  location: string,
  except?: TableModel,
): void {
  const other = wb.tables.find((t) => t !== except && t.sheet === sheet && intersects(t.rect, area));
  if (other)
    throw excelError('InvalidArgument', location, `a table can't overlap another table ('${other.name}')`);
  // "A table can't overlap with … merged cells": Excel's MergedRangeConflict
  // (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
  const merged = sheet.merges.find((m) => intersects(m, area));
  if (merged)
    throw excelError(
      'MergedRangeConflict',
      location,
      `the range meets the merged cells ${formatRect(merged)}`,
    );
}

/**
 * Creates a table as `tables.add` does. With `hasHeaders` false Excel inserts a header row above the data
 * (shifting cells below down) and names the columns Column1…; a header-only range gains one empty body row.
 */
export function addTable(
  wb: WorkbookModel,
  sheet: SheetModel,
  area: Rect,
  hasHeaders: boolean,
  location: string,
): TableModel {
  refuseOnProtected(sheet, location, 'tables cannot be created');
  refuseOverlap(wb, sheet, area, location);
  let tableRect = area;
  if (!hasHeaders) {
    shiftCells(wb, sheet, { ...area, r1: area.r0 }, 'Down', location);
    clearContents(sheet, { ...area, r1: area.r0 });
    tableRect = { ...area, r1: area.r1 + 1 };
  } else if (rowCount(area) === 1) {
    tableRect = { ...area, r1: area.r1 + 1 };
  }
  refuseOverlap(wb, sheet, tableRect, location);
  let n = wb.tables.length + 1;
  while (nameInUse(wb, `Table${n}`)) n++;
  const width = columnCount(tableRect);
  const table: TableModel = {
    id: wb.newId('table'),
    name: `Table${n}`,
    sheet,
    rect: tableRect,
    style: 'TableStyleMedium2',
    showHeaders: true,
    showTotals: false,
    showBandedRows: true,
    showBandedColumns: false,
    showFilterButton: true,
    highlightFirstColumn: false,
    highlightLastColumn: false,
    columnIds: Array.from({ length: width }, (_, i) => i + 1),
    nextColumnId: width + 1,
    deleted: false,
  };
  wb.tables.push(table);
  normalizeHeaders(table);
  return table;
}

/** Resizes a table as `Table.resize` does: the header row stays put and the new range overlaps the old. */
export function resizeTable(wb: WorkbookModel, table: TableModel, area: Rect, location: string): void {
  refuseOnProtected(table.sheet, location, 'tables cannot change');
  if (area.r0 !== table.rect.r0 || !intersects(area, table.rect) || rowCount(area) < 2) {
    throw excelError(
      'InvalidArgument',
      location,
      'the header row must stay in place and the new range must overlap the table',
    );
  }
  refuseOverlap(wb, table.sheet, area, location, table);
  const idAt = new Map(table.columnIds.map((id, i) => [table.rect.c0 + i, id]));
  table.columnIds = Array.from(
    { length: columnCount(area) },
    (_, i) => idAt.get(area.c0 + i) ?? table.nextColumnId++,
  );
  table.rect = area;
  normalizeHeaders(table);
}

/** Removes a table; `keepCells` false also clears its cells, as `Table.delete` does. */
export function removeTable(wb: WorkbookModel, table: TableModel, keepCells: boolean): Rect {
  if (!keepCells) {
    clearContents(table.sheet, table.rect);
    clearFormats(table.sheet, table.rect);
  }
  table.deleted = true;
  wb.tables = wb.tables.filter((t) => t !== table);
  // convertToRange (keepCells) leaves structured references as they were: see the README.
  if (!keepCells) breakReferences(wb, { tables: [table.name] });
  return table.rect;
}
