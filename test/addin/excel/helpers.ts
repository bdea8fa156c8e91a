/** Test helpers for driving the simulated workbook as a clerk would (typing and pasting blocks). */
import { columnLetter } from '../../../addin/excel/columns';
import type { ExcelRun } from '../../../addin/excel/context';
import type { SimulatedWorkbook } from '../../../addin/simulator';
import { INPUT_REGISTERS, type WorkbookInput } from '../../../shared';
import { asExcelStores } from '../../fixtures/raw';

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
  const input = options.keepTextDates ? given : asExcelStores(given);
  const grown: { table: string; address: string }[] = [];
  for (const register of INPUT_REGISTERS) {
    const raw = input[register.key];
    const table = wb.table(register.table);
    if (!raw || raw.rows.length === 0 || !table) continue;
    paste(
      wb,
      table.sheet,
      2,
      raw.rows.map((r) => [...r, ...new Array(Math.max(0, raw.header.length - r.length)).fill('')]),
    );
    grown.push({
      table: register.table,
      address: `A1:${columnLetter(raw.header.length - 1)}${raw.rows.length + 1}`,
    });
  }
  await wb.run(async (context) => {
    for (const g of grown) context.workbook.tables.getItem(g.table).resize(g.address);
    await context.sync();
  });
}
