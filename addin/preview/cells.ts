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
  const values = sim.getValues(sheet, area);
  const formulas = sim.getFormulas(sheet, area);
  const formats = sim.getNumberFormats(sheet, area);
  const fills = sim.fill(sheet, area);
  return {
    more: Math.max(0, lastRow - rows),
    rows: values.map((row, r) =>
      row.map((v, c) => ({
        address: `${columnLetter(c)}${r + 1}`,
        text: show(v, formats[r]?.[c] ?? 'General'),
        fill: fills[r]?.[c] ?? null,
        formula: String(formulas[r]?.[c] ?? '').startsWith('='),
      })),
    ),
  };
}

/** A value as Excel would show it under its number format (dates as yyyy-mm-dd, percentages). */
function show(v: unknown, format: string): string {
  if (typeof v === 'number' && /y/.test(format))
    return new Date(Math.round((v - 25569) * 86400000)).toISOString().slice(0, 10);
  if (typeof v === 'number' && format.endsWith('%')) return `${(v * 100).toFixed(1)}%`;
  return v === null || v === undefined ? '' : String(v);
}
