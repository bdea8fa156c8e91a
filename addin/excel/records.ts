import {
  dayFromIso,
  excelSerialFromDay,
  isBlank,
  mapHeaders,
  readDate,
  readNumber,
  say,
  type Bilingual,
  type FieldDef,
  type RegisterDef,
  valueListRegister,
  type ValueListKey,
  type ValueLists,
} from '../../shared';
import { columnLetter, qualified } from './columns';
import type { ExcelRun } from './context';

/** A record as a form holds it: field key → text as typed (dates as YYYY-MM-DD). */
export type FormRecord = Readonly<Record<string, string>>;

/** A write the pane asked for that cannot go ahead, with the reason in both languages. */
export class RecordRefused extends Error {
  constructor(readonly reason: Bilingual) {
    super(`${reason.zh} / ${reason.en}`);
  }
}

/** The cell value a field's text is written as: dates as serials (the column shows yyyy-mm-dd), numbers as numbers. */
export function cellValueOf(field: FieldDef, text: string): string | number {
  const t = text.trim();
  if (!t) return '';
  if (field.type === 'date') {
    const iso = readDate(t);
    return typeof iso === 'string' ? excelSerialFromDay(dayFromIso(iso) ?? 0) : t;
  }
  if (field.type === 'number') {
    const n = readNumber(t, field);
    return typeof n === 'number' ? n : t;
  }
  return t;
}

/** The text a form shows for a cell: a date serial as YYYY-MM-DD, everything else as it reads. */
export function textOfCell(field: FieldDef | undefined, raw: unknown): string {
  if (isBlank(raw)) return '';
  if (field?.type === 'date' && typeof raw === 'number') {
    const iso = readDate(raw);
    if (typeof iso === 'string') return iso;
  }
  return String(raw);
}

/** A register's table as found in the workbook, with where each field's column is. */
export interface LocatedTable {
  readonly register: RegisterDef;
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly sheetName: string;
  readonly header: readonly unknown[];
  /** 0-based sheet row of the header and column of the first column. */
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly bodyRows: number;
  /** The body's values: its first row only, unless all rows were asked for. */
  readonly body: readonly (readonly unknown[])[];
  readonly columnOf: ReadonlyMap<string, number>;
}

const missing = (r: RegisterDef): Bilingual =>
  say(
    `工作簿中没有“${r.sheet}”表格，请先在“设置”中建立工作簿`,
    `the ${r.key} register is missing; set the workbook up first`,
  );

/** Finds the registers' tables and reads their headers and first body row (or whole body) in two syncs. */
export async function locateTables(
  context: Excel.RequestContext,
  registers: readonly RegisterDef[],
  wholeBody = false,
): Promise<LocatedTable[]> {
  const names = context.workbook.tables.load('items/name');
  await context.sync();
  const absent = registers.find((r) => !names.items.some((t) => t.name === r.table));
  if (absent) throw new RecordRefused(missing(absent));
  const loads = registers.map((register) => {
    const table = context.workbook.tables.getItem(register.table);
    const body = table.getDataBodyRange();
    return {
      register,
      table,
      ws: table.worksheet.load('name'),
      header: table.getHeaderRowRange().load('values,rowIndex,columnIndex'),
      size: body.load('rowCount'),
      // A register may hold 50,000 rows: appending needs only to know whether the first is blank.
      values: (wholeBody ? body : body.getRow(0)).load('values'),
    };
  });
  await context.sync();
  return loads.map((l) => ({
    register: l.register,
    table: l.table,
    sheet: context.workbook.worksheets.getItem(l.ws.name),
    sheetName: l.ws.name,
    header: l.header.values[0] ?? [],
    headerRow: l.header.rowIndex,
    firstColumn: l.header.columnIndex,
    bodyRows: l.size.rowCount,
    body: l.values.values,
    columnOf: mapHeaders(l.register, l.header.values[0] ?? []).columnOf,
  }));
}

/** The cells of one sheet row for a record, in the table's column order; `keep` supplies the cells of other columns. */
export function rowCells(at: LocatedTable, record: FormRecord, keep: readonly unknown[] = []): unknown[] {
  const cells = at.header.map((_, i) => keep[i] ?? '');
  for (const f of at.register.fields) {
    const i = at.columnOf.get(f.key);
    if (i !== undefined && record[f.key] !== undefined) cells[i] = cellValueOf(f, record[f.key] as string);
  }
  return cells;
}

/** Where records were written: the sheet, the first sheet row (1-based) and how many. */
export interface AppendResult {
  readonly register: string;
  readonly sheet: string;
  readonly firstRow: number;
  readonly count: number;
  readonly address: string;
}

const isBlankRow = (row: readonly unknown[] | undefined): boolean => !row || row.every(isBlank);

/**
 * Queues the records' rows at the end of the table in one bulk write (no sync). A new table's
 * single blank row is filled first instead of leaving a gap above the records.
 */
export function queueAppend(at: LocatedTable, records: readonly FormRecord[]): AppendResult {
  const rows = records.map((r) => rowCells(at, r));
  const blankFirst = at.bodyRows === 1 && isBlankRow(at.body[0]);
  const first = blankFirst ? rows.shift() : undefined;
  const start = at.headerRow + 1 + (blankFirst ? 0 : at.bodyRows);
  if (first)
    at.sheet.getRangeByIndexes(at.headerRow + 1, at.firstColumn, 1, first.length).values = [
      first as (string | number)[],
    ];
  if (rows.length) at.table.rows.add(undefined, rows as (string | number)[][]);
  const last = columnLetter(at.firstColumn + at.header.length - 1);
  const range = `${columnLetter(at.firstColumn)}${start + 1}:${last}${start + records.length}`;
  return {
    register: at.register.key,
    sheet: at.sheetName,
    firstRow: start + 1,
    count: records.length,
    address: qualified(at.sheetName, range),
  };
}

/** Appends records to several registers in one Excel request: one bulk write per register. */
export async function appendRecords(
  run: ExcelRun,
  batches: readonly { register: RegisterDef; records: readonly FormRecord[] }[],
): Promise<AppendResult[]> {
  const wanted = batches.filter((b) => b.records.length > 0);
  return run(async (context) => {
    const located = await locateTables(
      context,
      wanted.map((b) => b.register),
    );
    const results = wanted.map((b, i) => queueAppend(located[i] as LocatedTable, b.records));
    await context.sync();
    return results;
  });
}

/** A changed field: what the form loaded and what the clerk typed. */
export interface FieldChange {
  readonly before: string;
  readonly after: string;
}

/**
 * Writes only the changed cells of one register row. If the row no longer holds what the form read
 * (`expected`, and each change's `before`) — rows sorted or typed over meanwhile — nothing is
 * written and the update is refused, so the clerk reads the row again instead of overwriting another.
 */
export async function updateRecord(
  run: ExcelRun,
  register: RegisterDef,
  row: number,
  changes: Readonly<Record<string, FieldChange>>,
  expected: FormRecord = {},
): Promise<number> {
  return run(async (context) => {
    const [at] = await locateTables(context, [register]);
    const located = at as LocatedTable;
    const index = row - located.headerRow - 2;
    if (index < 0 || index >= located.bodyRows)
      throw new RecordRefused(
        say(`第 ${row} 行不在“${register.sheet}”表格中`, `row ${row} is not in the ${register.key} table`),
      );
    const cells = located.sheet
      .getRangeByIndexes(row - 1, located.firstColumn, 1, located.header.length)
      .load('values');
    await context.sync();
    const current = cells.values[0] ?? [];
    const now = (key: string): string | undefined => {
      const i = located.columnOf.get(key);
      return i === undefined
        ? undefined
        : textOfCell(
            register.fields.find((f) => f.key === key),
            current[i],
          ).trim();
    };
    const read = {
      ...expected,
      ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.before])),
    };
    const moved = Object.entries(read).find(
      ([key, value]) => now(key) !== undefined && now(key) !== value.trim(),
    );
    if (moved) {
      const header = register.fields.find((f) => f.key === moved[0])?.header ?? moved[0];
      throw new RecordRefused(
        say(
          `第 ${row} 行的“${header}”已在表格中被改动，请重新读取选中行后再修改`,
          `${moved[0]} in row ${row} changed since it was read; read the selected row again`,
        ),
      );
    }
    let written = 0;
    for (const [key, change] of Object.entries(changes)) {
      const field = register.fields.find((f) => f.key === key);
      const i = located.columnOf.get(key);
      if (!field || i === undefined || change.before === change.after) continue;
      located.sheet.getRangeByIndexes(row - 1, located.firstColumn + i, 1, 1).values = [
        [cellValueOf(field, change.after)],
      ];
      written++;
    }
    await context.sync();
    return written;
  });
}

/**
 * Replaces a small register's rows (settings, value lists, participants, calendar) with `records`,
 * keeping the cells of the clerk's own extra columns on the rows that stay. One request.
 */
export async function replaceRecords(
  run: ExcelRun,
  register: RegisterDef,
  records: readonly FormRecord[],
): Promise<void> {
  return run(async (context) => {
    const [located] = await locateTables(context, [register], true);
    const at = located as LocatedTable;
    const rows = records.map((r, i) => rowCells(at, r, keepExtra(at, at.body[i])));
    const kept = Math.min(rows.length, at.bodyRows);
    if (kept)
      at.sheet.getRangeByIndexes(at.headerRow + 1, at.firstColumn, kept, at.header.length).values =
        rows.slice(0, kept) as (string | number)[][];
    if (rows.length > at.bodyRows) at.table.rows.add(undefined, rows.slice(kept) as (string | number)[][]);
    // Excel keeps one body row: an emptied table keeps it blank.
    for (let i = at.bodyRows - 1; i >= Math.max(rows.length, 1); i--) at.table.rows.getItemAt(i).delete();
    if (rows.length === 0)
      at.sheet.getRangeByIndexes(at.headerRow + 1, at.firstColumn, 1, at.header.length).values = [
        at.header.map(() => ''),
      ];
    await context.sync();
  });
}

/** The cells of a row's extra columns (those no field owns), so rewriting a row keeps them. */
function keepExtra(at: LocatedTable, row: readonly unknown[] | undefined): unknown[] {
  const owned = new Set(at.columnOf.values());
  return at.header.map((_, i) => (owned.has(i) ? '' : (row?.[i] ?? '')));
}

/** Writes every value list back to 值列表, one column per list (the sheet's table is replaced). */
export function writeValueLists(run: ExcelRun, lists: Readonly<Partial<ValueLists>>): Promise<unknown> {
  const keys = valueListRegister.fields.map((f) => f.key as ValueListKey);
  const depth = Math.max(0, ...keys.map((k) => lists[k]?.length ?? 0));
  const records = Array.from({ length: depth }, (_, r) =>
    Object.fromEntries(keys.map((k) => [k, lists[k]?.[r] ?? ''])),
  );
  return replaceRecords(run, valueListRegister, records);
}
