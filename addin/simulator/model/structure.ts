import { excelError } from '../errors';
import type { ShiftOp } from './layer';
import { MAX_COLUMNS, MAX_ROWS, type Rect, columnCount, rowCount } from './rect';
import { shiftRect, shiftSplittable } from './shift';
import type { SheetModel } from './sheet-model';
import { normalizeHeaders } from './table-headers';
import type { WorkbookModel } from './workbook-model';

/** Excel's four ways of making or closing room for a block. */
export type ShiftDirection = 'Down' | 'Right' | 'Up' | 'Left';

/** The shift that inserting or deleting a block in a direction performs. */
export function shiftFor(area: Rect, direction: ShiftDirection): ShiftOp {
  const rows = direction === 'Down' || direction === 'Up';
  const size = rows ? rowCount(area) : columnCount(area);
  const count = direction === 'Down' || direction === 'Right' ? size : -size;
  return rows
    ? { axis: 'rows', at: area.r0, count, lo: area.c0, hi: area.c1 }
    : { axis: 'columns', at: area.c0, count, lo: area.r0, hi: area.r1 };
}

function refuseStraddling(sheet: SheetModel, wb: WorkbookModel, op: ShiftOp, location: string): void {
  for (const t of wb.tables) {
    if (t.sheet === sheet && shiftRect(t.rect, op).kind === 'straddles') {
      throw excelError('InvalidOperation', location, `the shift would move part of table '${t.name}'`);
    }
  }
  if (sheet.merges.some((m) => shiftRect(m, op).kind === 'straddles')) {
    throw excelError('InvalidOperation', location, 'the shift would move part of a merged cell');
  }
  if (op.count > 0) {
    const limit = (op.axis === 'rows' ? MAX_ROWS : MAX_COLUMNS) - op.count;
    let lost = false;
    const band: Rect =
      op.axis === 'rows'
        ? { r0: limit, r1: MAX_ROWS - 1, c0: op.lo, c1: op.hi }
        : { r0: op.lo, r1: op.hi, c0: limit, c1: MAX_COLUMNS - 1 };
    sheet.values.forEachIn(band, () => (lost = true));
    if (lost)
      throw excelError('InvalidOperation', location, 'nonblank cells would be shifted off the worksheet');
  }
}

function shiftLineSizes<T>(map: Map<number, T>, at: number, count: number): void {
  const entries = [...map.entries()];
  map.clear();
  for (const [i, v] of entries) {
    if (i < at) map.set(i, v);
    else if (count > 0 || i >= at - count) map.set(i + count, v);
  }
}

/** Inserts (Down/Right) or deletes (Up/Left) a block, moving everything anchored to the cells that move. */
export function shiftCells(
  wb: WorkbookModel,
  sheet: SheetModel,
  area: Rect,
  direction: ShiftDirection,
  location: string,
): void {
  const op = shiftFor(area, direction);
  refuseStraddling(sheet, wb, op, location);
  sheet.values.shift(op);
  sheet.formulas.shift(op);
  for (const store of sheet.formats.values()) store.shift(op);
  sheet.validation.shift(op);
  for (const cf of sheet.conditionalFormats) cf.areas = cf.areas.flatMap((a) => shiftSplittable(a, op));
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.areas.length > 0);
  sheet.merges = sheet.merges.flatMap((m) => {
    const moved = shiftRect(m, op);
    return moved.kind === 'kept' ? [moved.rect] : [];
  });
  shiftTables(wb, sheet, op);
  for (const n of wb.names) {
    if (n.ref.kind !== 'range' || n.ref.sheet !== sheet) continue;
    const moved = shiftRect(n.ref.rect, op);
    if (moved.kind === 'kept') n.ref = { ...n.ref, rect: moved.rect };
    else if (moved.kind === 'deleted') n.ref = { kind: 'formula', formula: '=#REF!' };
  }
  const wholeLines = op.lo === 0 && op.hi === (op.axis === 'rows' ? MAX_COLUMNS : MAX_ROWS) - 1;
  if (wholeLines && op.axis === 'rows') shiftLineSizes(sheet.rowHeights, op.at, op.count);
  if (wholeLines && op.axis === 'columns') shiftLineSizes(sheet.columnWidths, op.at, op.count);
}

function shiftTables(wb: WorkbookModel, sheet: SheetModel, op: ShiftOp): void {
  for (const t of wb.tables) {
    if (t.sheet !== sheet) continue;
    const before = t.rect;
    const moved = shiftRect(before, op);
    if (moved.kind !== 'kept') {
      t.deleted = true;
      continue;
    }
    t.rect = moved.rect;
    if (op.axis !== 'columns' || columnCount(moved.rect) === columnCount(before)) continue;
    if (op.count > 0) {
      const fresh = Array.from({ length: op.count }, () => t.nextColumnId++);
      t.columnIds.splice(op.at - before.c0, 0, ...fresh);
    } else {
      const from = Math.max(op.at, before.c0) - before.c0;
      t.columnIds.splice(from, columnCount(before) - columnCount(moved.rect));
    }
    normalizeHeaders(t);
  }
  wb.tables = wb.tables.filter((t) => !t.deleted);
}
