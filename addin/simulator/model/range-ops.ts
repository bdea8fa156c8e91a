import { excelError } from '../errors';
import { clearContents } from './cells';
import { clearFormats } from './formats';
import { refuseFormatCells, refuseLockedContents } from './protection';
import { contains, intersects, type Rect } from './rect';
import type { SheetModel } from './sheet-model';
import { oneOf } from './styles';
import type { WorkbookModel } from './workbook-model';

/** `Range.clear(applyTo)`: All clears contents and formats (and unmerges); Formats leaves values alone. */
export function clearRange(sheet: SheetModel, area: Rect, applyTo: unknown, location: string): void {
  const mode =
    applyTo === undefined
      ? 'All'
      : oneOf(
          applyTo,
          ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'],
          location,
        );
  const contents = mode === 'All' || mode === 'Contents' || mode === 'ResetContents';
  const formats = mode === 'All' || mode === 'Formats';
  if (contents) refuseLockedContents(sheet, area, location);
  if (formats) refuseFormatCells(sheet, location);
  if (contents) clearContents(sheet, area);
  if (formats) {
    clearFormats(sheet, area);
    unmerge(sheet, area);
  }
}

/** `Range.merge(across)`: keeps the top-left value of each merged block, as Excel does, and refuses tables. */
export function merge(
  wb: WorkbookModel,
  sheet: SheetModel,
  area: Rect,
  across: unknown,
  location: string,
): void {
  if (wb.tables.some((t) => t.sheet === sheet && intersects(t.rect, area))) {
    throw excelError('InvalidOperation', location, 'cells in a table cannot be merged');
  }
  const blocks: Rect[] = [];
  if (across === true) for (let r = area.r0; r <= area.r1; r++) blocks.push({ ...area, r0: r, r1: r });
  else blocks.push(area);
  unmerge(sheet, area);
  for (const b of blocks) {
    if (b.r0 === b.r1 && b.c0 === b.c1) continue;
    const keep = { value: sheet.values.get(b.r0, b.c0), formula: sheet.formulas.get(b.r0, b.c0) };
    clearContents(sheet, b);
    sheet.values.set(b.r0, b.c0, keep.value);
    sheet.formulas.set(b.r0, b.c0, keep.formula);
    sheet.merges.push(b);
  }
}

/** `Range.unmerge()`: dissolves every merged block that touches the range. */
export function unmerge(sheet: SheetModel, area: Rect): void {
  sheet.merges = sheet.merges.filter((m) => !intersects(m, area) && !contains(area, m));
}
