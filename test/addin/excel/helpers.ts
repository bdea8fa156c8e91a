/** Test helpers for driving the simulated workbook as a clerk would (typing and pasting blocks). */
import { columnLetter } from '../../../addin/excel/columns';
import type { ExcelRun } from '../../../addin/excel/context';
import type { SimulatedWorkbook } from '../../../addin/simulator';
import { pasteRegisters } from '../../../addin/preview/paste';
import type { WorkbookInput } from '../../../shared';
import { asExcelStores } from '../../../addin/demo/raw';

/** The simulator's run, as the Excel layer takes it. */
export const runOf = (wb: SimulatedWorkbook): ExcelRun => wb.run.bind(wb) as ExcelRun;

/** Pastes a block of rows with its top-left cell at `row` (1-based) and column `col` (0-based). */
export function paste(
  wb: SimulatedWorkbook,
  sheet: string,
  row: number,
  rows: readonly (readonly unknown[])[],
  col = 0,
): void {
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
  wb.setValues(
    sheet,
    `${columnLetter(col)}${row}:${columnLetter(col + width - 1)}${row + rows.length - 1}`,
    padded,
  );
}

/**
 * Fills the set-up registers with raw rows, as a clerk pasting them into the date-formatted
 * columns (Excel parses date text into serials), and grows each table over them. `keepTextDates`
 * pastes date text into text cells instead, as happens when a column was formatted as text.
 */
export async function loadRegisters(
  wb: SimulatedWorkbook,
  given: WorkbookInput,
  options: { keepTextDates?: boolean } = {},
): Promise<void> {
  await pasteRegisters(wb, options.keepTextDates ? given : asExcelStores(given));
}
