import { excelError } from '../errors';
import { columnCount, inGrid, MAX_COLUMNS, MAX_ROWS, type Rect, rowCount } from './rect';

function int(n: unknown, location: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n))
    throw excelError('InvalidArgument', location, 'expected an integer');
  return n;
}

function onGrid(a: Rect, location: string): Rect {
  if (!inGrid(a)) throw excelError('InvalidArgument', location, 'the result would leave the worksheet grid');
  return a;
}

/** `getCell(row, column)`: relative to the top-left cell; may lie outside the range but not off the grid. */
export function cellAt(a: Rect, row: unknown, col: unknown, location: string): Rect {
  const r = a.r0 + int(row, location);
  const c = a.c0 + int(col, location);
  return onGrid({ r0: r, c0: c, r1: r, c1: c }, location);
}

/** `getRow(i)` / `getColumn(i)`: a line inside the range. */
export function lineAt(a: Rect, axis: 'row' | 'column', index: unknown, location: string): Rect {
  const i = int(index, location);
  const size = axis === 'row' ? rowCount(a) : columnCount(a);
  if (i < 0 || i >= size)
    throw excelError('InvalidArgument', location, `index ${i} is outside 0..${size - 1}`);
  return axis === 'row' ? { ...a, r0: a.r0 + i, r1: a.r0 + i } : { ...a, c0: a.c0 + i, c1: a.c0 + i };
}

/** `getResizedRange(deltaRows, deltaColumns)`: same top-left, size changed; must keep at least one cell. */
export function resized(a: Rect, dRows: unknown, dCols: unknown, location: string): Rect {
  const b = { ...a, r1: a.r1 + int(dRows, location), c1: a.c1 + int(dCols, location) };
  if (b.r1 < b.r0 || b.c1 < b.c0)
    throw excelError('InvalidArgument', location, 'the range would have no cells');
  return onGrid(b, location);
}

/** `getOffsetRange(rowOffset, columnOffset)`: same size, moved. */
export function offset(a: Rect, dRows: unknown, dCols: unknown, location: string): Rect {
  const dr = int(dRows, location);
  const dc = int(dCols, location);
  return onGrid({ r0: a.r0 + dr, c0: a.c0 + dc, r1: a.r1 + dr, c1: a.c1 + dc }, location);
}

/** `getRowsAbove/Below(count)`, `getColumnsBefore/After(count)`. */
export function adjacent(
  a: Rect,
  side: 'above' | 'below' | 'before' | 'after',
  count: unknown,
  location: string,
): Rect {
  const n = count === undefined ? 1 : int(count, location);
  if (n < 1) throw excelError('InvalidArgument', location, 'count must be at least 1');
  if (side === 'above') return onGrid({ ...a, r0: a.r0 - n, r1: a.r0 - 1 }, location);
  if (side === 'below') return onGrid({ ...a, r0: a.r1 + 1, r1: a.r1 + n }, location);
  if (side === 'before') return onGrid({ ...a, c0: a.c0 - n, c1: a.c0 - 1 }, location);
  return onGrid({ ...a, c0: a.c1 + 1, c1: a.c1 + n }, location);
}

/** `getEntireColumn()`. */
export function entireColumns(a: Rect): Rect {
  return { ...a, r0: 0, r1: MAX_ROWS - 1 };
}

/** `getEntireRow()`. */
export function entireRows(a: Rect): Rect {
  return { ...a, c0: 0, c1: MAX_COLUMNS - 1 };
}
