import { format, isDateFormat, isPercentFormat } from 'numfmt';
import { columnLetter } from '../excel/columns';
import { parseAddress, type SimulatedWorkbook } from '../simulator';

/** How much of a sheet the grid shows; the rest is reachable by selecting a cell below. */
export const GRID_ROWS = 400;
export const GRID_COLUMNS = 40;

/** One visible cell: what it shows, its fill, and its A1 address. */
export interface GridCell {
  readonly address: string;
  readonly text: string;
  readonly fill: string | null;
  readonly formula: boolean;
}

/** The visible block of a sheet, read through the simulator's inspection (not the Excel API). */
export function visibleCells(sim: SimulatedWorkbook, sheet: string): { rows: GridCell[][]; more: number } {
  const used = parseAddress(sim.usedRange(sheet) ?? '')?.rect;
  const lastRow = used ? used.r1 + 1 : 1;
  const lastCol = used ? used.c1 + 1 : 1;
  const rows = Math.min(Math.max(lastRow, 20), GRID_ROWS);
  const cols = Math.min(Math.max(lastCol, 10), GRID_COLUMNS);
  const area = `A1:${columnLetter(cols - 1)}${rows}`;
  // What Excel shows in a cell is Range.text: the value through its number format.
  const texts = sim.getText(sheet, area);
  const formulas = sim.getFormulas(sheet, area);
  const fills = sim.fill(sheet, area);
  return {
    more: Math.max(0, lastRow - rows),
    rows: texts.map((row, r) =>
      row.map((text, c) => ({
        address: `${columnLetter(c)}${r + 1}`,
        text,
        fill: fills[r]?.[c] ?? null,
        formula: String(formulas[r]?.[c] ?? '').startsWith('='),
      })),
    ),
  };
}

/**
 * The system short date of a Chinese Windows, which Excel's formula bar uses for any date cell whatever
 * its number format (the bar shows the date, never the serial).
 */
const SHORT_DATE = 'yyyy/m/d';

/** Excel keeps and shows 15 significant digits. */
const excelDigits = (n: number): string => String(Number(n.toPrecision(15))).toUpperCase();

/**
 * What Excel's formula bar shows for a cell: the formula if there is one; a date in the short date
 * format (with the time when there is one); a percentage as a percentage; otherwise the value itself.
 */
export function formulaBarContent(sim: SimulatedWorkbook, sheet: string, address: string): string {
  const formula = sim.getFormulas(sheet, address)[0]?.[0];
  if (typeof formula === 'string' && formula.startsWith('=')) return formula;
  const value = sim.getValues(sheet, address)[0]?.[0];
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return String(value ?? '');
  const pattern = sim.getNumberFormats(sheet, address)[0]?.[0] ?? 'General';
  if (isDateFormat(pattern) && value >= 0) {
    const day = Math.floor(value);
    if (day === value) return format(SHORT_DATE, value);
    return format(day === 0 ? 'h:mm:ss' : `${SHORT_DATE} h:mm:ss`, value);
  }
  if (isPercentFormat(pattern)) return `${excelDigits(value * 100)}%`;
  return excelDigits(value);
}
