import { excelError, SimulatedExcelError } from '../errors';
import { formatAddress, parseAddress } from './address';
import { findName } from './name-ops';
import { sameName } from './naming';
import { cellCount, inGrid, MAX_COLUMNS, MAX_ROWS, type Rect } from './rect';
import type { SheetModel } from './sheet-model';
import type { WorkbookModel } from './workbook-model';

/** What a Range proxy is bound to: a block on a sheet. */
export interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

/** Excel refuses to read values, formulas or formats of more cells than this in one go. */
export const READ_CELL_LIMIT = 5_000_000;

/** The whole grid of a sheet (`Worksheet.getRange()` without an address). */
export const WHOLE_SHEET: Rect = { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 };

/** Resolves an address on a sheet: A1 notation (sheet-qualified only if it names this sheet) or a defined name. */
export function resolveAddress(
  wb: WorkbookModel,
  sheet: SheetModel,
  address: unknown,
  location: string,
): RangeTarget {
  if (address === undefined || address === null || address === '') return { sheet, rect: WHOLE_SHEET };
  if (typeof address !== 'string')
    throw excelError('InvalidArgument', location, 'the address must be a string');
  const parsed = parseAddress(address);
  if (parsed) {
    if (parsed.sheet !== undefined && !sameName(parsed.sheet, sheet.name)) {
      throw excelError('InvalidArgument', location, `'${address}' is on another sheet`);
    }
    return { sheet, rect: parsed.rect };
  }
  const named = findName(wb, address, sheet) ?? findName(wb, address, undefined);
  if (named?.ref.kind === 'range' && named.ref.sheet === sheet) return { sheet, rect: named.ref.rect };
  throw excelError(
    'InvalidArgument',
    location,
    `'${address}' is not an A1 address or a name of a range on this sheet`,
  );
}

/** Resolves a possibly sheet-qualified address at workbook level; unqualified ones refer to the active sheet. */
export function resolveWorkbookAddress(wb: WorkbookModel, address: unknown, location: string): RangeTarget {
  if (typeof address !== 'string')
    throw excelError('InvalidArgument', location, 'the address must be a string');
  const parsed = parseAddress(address);
  const sheet = parsed?.sheet === undefined ? wb.activeSheet : wb.sheet(parsed.sheet);
  if (!sheet) throw excelError('ItemNotFound', location, `no worksheet named '${parsed?.sheet ?? ''}'`);
  return resolveAddress(wb, sheet, address, location);
}

/** Builds a target from zero-based indexes, checking they stay on the grid. */
export function targetByIndexes(
  sheet: SheetModel,
  row: unknown,
  col: unknown,
  rows: unknown,
  cols: unknown,
  location: string,
): RangeTarget {
  const nums = [row, col, rows, cols];
  if (!nums.every((n) => typeof n === 'number' && Number.isInteger(n)))
    throw excelError('InvalidArgument', location, 'indexes must be integers');
  const [r, c, h, w] = nums as number[];
  const area = {
    r0: r as number,
    c0: c as number,
    r1: (r as number) + (h as number) - 1,
    c1: (c as number) + (w as number) - 1,
  };
  if ((h as number) < 1 || (w as number) < 1 || !inGrid(area))
    throw excelError('InvalidArgument', location, 'the block leaves the grid');
  return { sheet, rect: area };
}

/** `Range.address`: `Sheet1!A1:C3`. */
export function rangeAddress(t: RangeTarget): string {
  return formatAddress(t.sheet.name, t.rect);
}

/** Refuses reads of values, formulas or number formats over Excel's 5 million cell limit. */
export function checkReadSize(t: RangeTarget, location: string): void {
  const cells = cellCount(t.rect);
  if (cells <= READ_CELL_LIMIT) return;
  throw new SimulatedExcelError('InvalidOperation', {
    message: `The range has ${cells} cells, over the 5 million cell limit for reading values, formulas or number formats. Read it in smaller blocks.`,
    location,
  });
}
