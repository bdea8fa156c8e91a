/**
 * The naive way, for the benchmark's baseline: one row per request, as add-ins written without
 * batching do (read a row, sync; add a row, sync). Runs against the simulator to count its syncs.
 */
import { columnLetter } from '../addin/excel/columns';
import type { ExcelRun } from '../addin/excel/context';

/** Reads a table row by row, one sync per row. */
export async function naiveRead(run: ExcelRun, table: string): Promise<number> {
  return run(async (context) => {
    const body = context.workbook.tables.getItem(table).getDataBodyRange().load('rowCount');
    await context.sync();
    let rows = 0;
    for (let i = 0; i < body.rowCount; i++) {
      body.getRow(i).load('values');
      await context.sync();
      rows++;
    }
    return rows;
  });
}

/** Writes rows to a new sheet one row and one sync at a time (range by range, as naive code does). */
export async function naiveWrite(
  run: ExcelRun,
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.add(sheetName);
    const last = columnLetter(header.length - 1);
    sheet.getRange(`A1:${last}1`).values = [header as string[]];
    await context.sync();
    for (let i = 0; i < rows.length; i++) {
      sheet.getRange(`A${i + 2}:${last}${i + 2}`).values = [rows[i] as (string | number)[]];
      await context.sync();
    }
  });
}
