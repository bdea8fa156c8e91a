import { excelError } from '../errors';
import { format as formatNumber } from 'numfmt';
import { type CellValue, FORMULA_LIMIT, interpretInput, TEXT_FORMAT } from './cell-input';
import { formulaChecker } from './formula-refs';
import { columnCount, type Rect, rowCount } from './rect';
import type { SheetModel } from './sheet-model';
import { FORMAT_DEFAULTS } from './styles';
import type { WorkbookModel } from './workbook-model';

const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#SPILL!',
  '#CALC!',
]);

const GENERAL = FORMAT_DEFAULTS.numberFormat;

/** The number format in force at a cell. */
export function numberFormatAt(sheet: SheetModel, r: number, c: number): string {
  return (sheet.formats.get('numberFormat')?.get(r, c) as string | undefined) ?? FORMAT_DEFAULTS.numberFormat;
}

/** Builds a rows × columns matrix from a per-cell reader. */
export function matrix<T>(area: Rect, read: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(rowCount(area));
  for (let r = area.r0; r <= area.r1; r++) {
    const row: T[] = new Array(columnCount(area));
    for (let c = area.c0; c <= area.c1; c++) row[c - area.c0] = read(r, c);
    out[r - area.r0] = row;
  }
  return out;
}

/** `Range.values`: constants and cached formula results; blanks read as ''. */
export function readValues(sheet: SheetModel, area: Rect): CellValue[][] {
  return matrix(area, (r, c) => sheet.values.get(r, c) ?? '');
}

/** `Range.formulas`: formula text where there is one, else the constant. */
export function readFormulas(sheet: SheetModel, area: Rect): CellValue[][] {
  return matrix(area, (r, c) => sheet.formulas.get(r, c) ?? sheet.values.get(r, c) ?? '');
}

/** `Range.numberFormat`. */
export function readNumberFormats(sheet: SheetModel, area: Rect): string[][] {
  return matrix(area, (r, c) => numberFormatAt(sheet, r, c));
}

/**
 * How numfmt should format: out-of-range dates (before 1900, after 9999) show as #s, as Excel's grid shows
 * them (what Range.text returns for them is undocumented), not numfmt's default of the plain number.
 */
const FORMAT_OPTIONS = { dateSpanLarge: false, dateErrorNumber: false } as const;

/**
 * One cell's text under its number format, as `Range.text` returns it: the number format applied by numfmt,
 * never the column-width "####" substitution of the grid (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-text-member).
 * Error values and booleans read as themselves; strings as typed unless the format has a text section.
 */
export function cellText(value: CellValue | undefined, format: string): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    // Fast path for bulk reads (autofit reads every cell): General and @ show text as typed.
    if (format === GENERAL || format === TEXT_FORMAT || ERROR_VALUES.has(value)) return value;
  } else if (format === GENERAL && Number.isInteger(value) && Math.abs(value) < 1e10) {
    return String(value);
  }
  try {
    return formatNumber(format, value, FORMAT_OPTIONS);
  } catch {
    // A pattern numfmt cannot parse (the simulator does not validate number formats on write): as General.
    return formatNumber(GENERAL, value, FORMAT_OPTIONS);
  }
}

/** `Range.text`: each cell's value through its number format (see `cellText`). */
export function readText(sheet: SheetModel, area: Rect): string[][] {
  return matrix(area, (r, c) => cellText(sheet.values.get(r, c), numberFormatAt(sheet, r, c)));
}

/** `Range.valueTypes`. */
export function readValueTypes(sheet: SheetModel, area: Rect): string[][] {
  return matrix(area, (r, c) => {
    const v = sheet.values.get(r, c);
    if (v === undefined) return 'Empty';
    if (typeof v === 'boolean') return 'Boolean';
    if (typeof v === 'number') return 'Double';
    return sheet.formulas.get(r, c) !== undefined && ERROR_VALUES.has(v) ? 'Error' : 'String';
  });
}

/** Checks that a written matrix matches the range, as Excel does; a non-array value fills the range. */
export function shapeOf(input: unknown, area: Rect, location: string): 'fill' | 'matrix' {
  if (!Array.isArray(input)) return 'fill';
  const ok =
    input.length === rowCount(area) &&
    input.every((row) => Array.isArray(row) && row.length === columnCount(area));
  if (!ok) {
    throw excelError(
      'InvalidArgument',
      location,
      "the number of rows or columns in the input array doesn't match the size or dimensions of the range",
    );
  }
  return 'matrix';
}

function checkRaw(raw: unknown, location: string): void {
  if (raw === null || raw === undefined || typeof raw === 'string' || typeof raw === 'boolean') return;
  if (typeof raw === 'number' && Number.isFinite(raw)) return;
  throw excelError(
    'InvalidArgument',
    location,
    `a cell cannot hold ${typeof raw === 'number' ? raw : `a ${typeof raw}`}`,
  );
}

/**
 * Interprets, before anything is written, the entries a write could still refuse: strings long enough
 * to break a length limit (which depends on each cell's format) and, with `check` given, every entry
 * that becomes a formula, whose references it checks. One pass for both; such entries are rare.
 */
function precheck(
  sheet: SheetModel,
  area: Rect,
  input: unknown,
  fill: boolean,
  location: string,
  check: ((formula: string) => void) | undefined,
): void {
  for (let r = area.r0; r <= area.r1; r++) {
    for (let c = area.c0; c <= area.c1; c++) {
      const raw = fill ? input : (input as unknown[][])[r - area.r0]?.[c - area.c0];
      if (typeof raw !== 'string') continue;
      const formulaLike = check !== undefined && FORMULA_START.has(raw.charCodeAt(0));
      if (!formulaLike && raw.length <= FORMULA_LIMIT) continue;
      const cell = interpretInput(raw, numberFormatAt(sheet, r, c), location);
      if (check && typeof cell === 'object' && cell.formula !== undefined) check(cell.formula);
    }
  }
}

/** `=`, `+` and `-`: the first characters of entries that can become formulas. */
const FORMULA_START = new Set([61, 43, 45]);

/**
 * Writes `values` or `formulas` with Excel's entry rules; all-or-nothing, as one Excel action is.
 * With the workbook given, formulas are checked for missing sheets, names, tables and columns first.
 */
export function writeCells(
  sheet: SheetModel,
  area: Rect,
  input: unknown,
  location: string,
  wb?: WorkbookModel,
): void {
  const fill = shapeOf(input, area, location) === 'fill';
  const rows = input as unknown[][];
  let long = false;
  let formulaLike = false;
  const scan = (raw: unknown): void => {
    checkRaw(raw, location);
    if (typeof raw !== 'string') return;
    if (raw.length > FORMULA_LIMIT) long = true;
    if (FORMULA_START.has(raw.charCodeAt(0))) formulaLike = true;
  };
  if (fill) scan(input);
  else for (const row of rows) for (const raw of row) scan(raw);
  // Checked before the first cell is written, so that the write stays all-or-nothing.
  const check = wb && formulaLike ? formulaChecker({ wb, sheet, area }, location) : undefined;
  if (long || check) precheck(sheet, area, input, fill, location, check);
  const formats = sheet.format('numberFormat');
  for (let r = area.r0; r <= area.r1; r++) {
    const row = fill ? undefined : rows[r - area.r0];
    // Per-row lookups keep bulk writes cheap: most rows have no formulas and no per-cell formats.
    const formatRow = formats.cells.row(r);
    const hasAreas = formats.areas.length > 0;
    const hasFormulas = sheet.formulas.row(r) !== undefined;
    const valueRow = sheet.values.rowForWrite(r);
    for (let c = area.c0; c <= area.c1; c++) {
      const format = (formatRow?.[c] ?? (hasAreas ? formats.get(r, c) : undefined) ?? GENERAL) as string;
      const cell = interpretInput(fill ? input : row?.[c - area.c0], format, location);
      if (cell === undefined) continue;
      if (typeof cell !== 'object') {
        if (hasFormulas) sheet.formulas.set(r, c, undefined);
        valueRow[c] = cell;
        continue;
      }
      if (hasFormulas || cell.formula !== undefined) sheet.formulas.set(r, c, cell.formula);
      valueRow[c] = cell.value;
      if (cell.autoFormat && format === GENERAL) formats.setCell(r, c, cell.autoFormat);
    }
    sheet.values.settle(r);
  }
}

/** Clears constants and formulas from a block. */
export function clearContents(sheet: SheetModel, area: Rect): void {
  sheet.values.clearRect(area);
  sheet.formulas.clearRect(area);
}
