import { MAX_COLUMNS, MAX_ROWS, type Rect, boundingRect } from './rect';
import type { SheetModel } from './sheet-model';

function merge(a: Rect | undefined, b: Rect | undefined): Rect | undefined {
  if (!a) return b;
  return b ? boundingRect(a, b) : a;
}

/**
 * The used range: the bounding box of cells with values or formulas and, unless `valuesOnly`, of formatted
 * cells. Formats reaching the last row or column count as column/row styles, which Excel does not count.
 */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | undefined {
  let found = merge(sheet.values.extent(), sheet.formulas.extent());
  if (valuesOnly) return found;
  for (const store of sheet.formats.values()) {
    found = merge(found, store.cells.extent());
    for (const area of store.areas) {
      if (area.rect.r1 < MAX_ROWS - 1 && area.rect.c1 < MAX_COLUMNS - 1) found = merge(found, area.rect);
    }
  }
  return found;
}

/**
 * Clips a block reaching the last row (or column) — `A:A`, `B2:B1048576` — to the used extent, so reading `A:A` returns the used rows rather than
 * a million blanks (a deliberate simplification: real Excel returns every row and the 5 MB limit bites).
 */
export function clipToUsed(sheet: SheetModel, area: Rect): Rect {
  const used = usedRect(sheet, true);
  let { r1, c1 } = area;
  if (area.r1 === MAX_ROWS - 1) r1 = Math.max(area.r0, Math.min(area.r1, used?.r1 ?? 0));
  if (area.c1 === MAX_COLUMNS - 1) c1 = Math.max(area.c0, Math.min(area.c1, used?.c1 ?? 0));
  return { ...area, r1, c1 };
}
