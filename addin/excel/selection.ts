import { INPUT_REGISTERS, mapHeaders, type InputRegisterKey, type RegisterDef } from '../../shared';
import { columnLetter, qualified, splitAddress } from './columns';
import type { ExcelRun } from './context';
import { textOfCell, type FormRecord } from './records';

/** The register row the clerk has selected, read as a record. */
export interface SelectedRecord {
  readonly register: InputRegisterKey;
  readonly sheet: string;
  /** Sheet row number (1-based). */
  readonly row: number;
  /** The row's sheet-qualified address across the table's columns. */
  readonly address: string;
  readonly values: FormRecord;
}

/**
 * Reads the row under the selection when it lies in the body of a register's table; null when the
 * selection is elsewhere. Three syncs whatever the size of the registers.
 */
export async function readSelectedRecord(
  run: ExcelRun,
  registers: readonly RegisterDef[] = INPUT_REGISTERS,
): Promise<SelectedRecord | null> {
  return run(async (context) => {
    const selected = context.workbook.getSelectedRange().load('rowIndex,columnIndex');
    const ws = selected.worksheet.load('name');
    const tables = context.workbook.tables.load('items/name');
    await context.sync();
    const present = registers.filter((r) => tables.items.some((t) => t.name === r.table));
    const found = present.map((register) => {
      const table = context.workbook.tables.getItem(register.table);
      return {
        register,
        sheet: table.worksheet.load('name'),
        header: table.getHeaderRowRange().load('values,columnIndex,columnCount'),
        body: table.getDataBodyRange().load('rowIndex,rowCount'),
      };
    });
    await context.sync();
    const hit = found.find(
      (f) =>
        f.sheet.name === ws.name &&
        selected.rowIndex >= f.body.rowIndex &&
        selected.rowIndex < f.body.rowIndex + f.body.rowCount &&
        selected.columnIndex >= f.header.columnIndex &&
        selected.columnIndex < f.header.columnIndex + f.header.columnCount,
    );
    if (!hit) return null;
    const { columnIndex, columnCount } = hit.header;
    const cells = context.workbook.worksheets
      .getItem(ws.name)
      .getRangeByIndexes(selected.rowIndex, columnIndex, 1, columnCount)
      .load('values');
    await context.sync();
    const header = hit.header.values[0] ?? [];
    const map = mapHeaders(hit.register, header);
    const row = cells.values[0] ?? [];
    const values: Record<string, string> = {};
    for (const f of hit.register.fields) {
      const i = map.columnOf.get(f.key);
      if (i !== undefined) values[f.key] = textOfCell(f, row[i]);
    }
    const sheetRow = selected.rowIndex + 1;
    const address = `${columnLetter(columnIndex)}${sheetRow}:${columnLetter(columnIndex + columnCount - 1)}${sheetRow}`;
    return {
      register: hit.register.key as InputRegisterKey,
      sheet: ws.name,
      row: sheetRow,
      address: qualified(ws.name, address),
      values,
    };
  });
}

/**
 * Selects a cell or range by address (sheet-qualified, or on the active sheet), showing its sheet.
 * The sheet is activated first: Range.select on a sheet that is not active does nothing or fails
 * in Excel (office-js issue 5118). A hidden sheet cannot be activated, and unhiding the clerk's sheet
 * unasked is not ours to do: the clerk is told to unhide it.
 */
export async function selectAddress(run: ExcelRun, address: string): Promise<void> {
  const { sheet, cells } = splitAddress(address);
  // A problem with a whole sheet carries only the sheet's name: show the sheet at its top.
  const bare = sheet === null && !/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/i.test(cells);
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    const name = bare ? cells : sheet;
    if (name === null) {
      // The active sheet is always visible.
      sheets.getActiveWorksheet().getRange(cells).select();
      await context.sync();
      return;
    }
    const ws = sheets.getItem(name).load('visibility');
    await context.sync();
    if (ws.visibility !== 'Visible') throw new SheetHidden(name);
    ws.activate();
    ws.getRange(bare ? 'A1' : cells).select();
    await context.sync();
  });
}

/** A problem's sheet is hidden, so it cannot be shown; the reason is in both languages. */
export class SheetHidden extends Error {
  constructor(readonly sheet: string) {
    super(`工作表“${sheet}”已隐藏，请先取消隐藏 / the sheet ${sheet} is hidden; unhide it first`);
  }
}
