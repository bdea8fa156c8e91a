import { excelError } from '../errors';
import { shapeOf } from './cells';
import { cellCount, type Rect } from './rect';
import type { SheetModel } from './sheet-model';

/** Above this many cells a uniformity check looks at stored entries only, not every cell. */
const EXACT_SCAN_LIMIT = 200_000;

/**
 * The value of a formatting attribute over a block, or null when cells differ — Excel's convention for
 * `format.fill.color`, `format.font.bold` and the like on mixed ranges.
 */
export function uniformFormat(sheet: SheetModel, key: string, area: Rect, fallback: unknown): unknown {
  const store = sheet.formats.get(key);
  if (!store) return fallback;
  if (cellCount(area) <= EXACT_SCAN_LIMIT) {
    const first = store.get(area.r0, area.c0) ?? fallback;
    for (let r = area.r0; r <= area.r1; r++) {
      for (let c = area.c0; c <= area.c1; c++) if ((store.get(r, c) ?? fallback) !== first) return null;
    }
    return first;
  }
  const seen = store.valuesIn(area);
  const covered = store.areas.some(
    (a) => a.rect.r0 <= area.r0 && a.rect.r1 >= area.r1 && a.rect.c0 <= area.c0 && a.rect.c1 >= area.c1,
  );
  if (!covered) seen.add(fallback);
  return seen.size === 1 ? [...seen][0] : null;
}

/** Sets one formatting attribute over a whole block (undefined restores the default). */
export function setFormat(sheet: SheetModel, key: string, area: Rect, value: unknown): void {
  sheet.format(key).fill(area, value);
}

/** Writes `numberFormat`: a single value fills the range, a matrix sets cell by cell (`null` leaves a cell alone). */
export function writeNumberFormats(sheet: SheetModel, area: Rect, input: unknown, location: string): void {
  const check = (v: unknown): void => {
    if (v !== null && v !== undefined && typeof v !== 'string') {
      throw excelError('InvalidArgument', location, 'number formats are strings');
    }
  };
  const store = sheet.format('numberFormat');
  if (shapeOf(input, area, location) === 'fill') {
    check(input);
    if (input !== null && input !== undefined) store.fill(area, input);
    return;
  }
  const rows = input as unknown[][];
  rows.forEach((row) => row.forEach(check));
  const first = rows[0]?.[0];
  if (typeof first === 'string' && rows.every((row) => row.every((v) => v === first)))
    return store.fill(area, first);
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v === 'string') store.setCell(area.r0 + i, area.c0 + j, v);
    }),
  );
}

/** Removes every formatting attribute (borders included) from a block. */
export function clearFormats(sheet: SheetModel, area: Rect): void {
  for (const store of sheet.formats.values()) store.clear(area);
}
