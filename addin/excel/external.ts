import {
  compileReader,
  CellIssue,
  DEFAULT_VALUE_LISTS,
  dayFromIso,
  excelSerialFromDay,
  fieldsAtVersion,
  isBlank,
  mapHeaders,
  readRegister,
  SCHEMA_VERSION,
  say,
  type Bilingual,
  type InputRegisterKey,
  type RegisterDef,
  type ValueLists,
} from '../../shared';
import { columnLetter, qualified } from './columns';
import type { ExcelRun } from './context';
import { jsonBytes, sendWithinBudget, wire } from './payload';
import { readRegisters } from './read';

/** A cell a clerk typed that an incoming record would have changed: kept, and reported. */
export interface WriteConflict {
  readonly id: string;
  readonly field: string;
  readonly header: string;
  readonly address: string;
  /** What the workbook holds (kept). */
  readonly mine: unknown;
  /** What arrived (not written). */
  readonly theirs: unknown;
}

/** An incoming record that could not be written, with the field path and why. */
export interface RejectedRecord {
  readonly index: number;
  readonly path: string;
  readonly message: Bilingual;
}

/** What writing records from outside did. */
export interface ExternalWriteReport {
  readonly appended: number;
  readonly filled: number;
  readonly conflicts: readonly WriteConflict[];
  readonly rejected: readonly RejectedRecord[];
  /** Text that would have run as a formula (= + - @), written as text. */
  readonly formulaLike: readonly { readonly index: number; readonly path: string }[];
}

const cellValue = (type: string, v: string | number): string | number =>
  type === 'date' && typeof v === 'string' ? excelSerialFromDay(dayFromIso(v) ?? 0) : v;

/** One write: values into a range of known rows, or a row appended to the table. */
type Write = { readonly address: string; readonly values: unknown[][] } | { readonly append: unknown[] };

/** Request bytes of a write: a range's path and its values, or one more row in the table's `add`. */
const writeBytes = (w: Write): number =>
  'append' in w
    ? jsonBytes(w.append) + 1
    : wire.instantiate + wire.path('GetRange', [w.address]) + wire.action('Values', [w.values]);

/**
 * Writes records that came from outside (the cloud) into a register: new 编号 are appended in bulk
 * adds, empty cells of known rows are filled, and a cell the clerk typed that would change is
 * never overwritten but reported as a conflict. Text starting with = + - @ lands as text: the
 * register's columns are text-formatted, and such text is flagged. Requests stay under Excel on
 * the web's 5 MB however long the records are: a pull of long texts is written in several.
 */
export async function writeExternalRecords(
  run: ExcelRun,
  register: RegisterDef,
  records: readonly Record<string, unknown>[],
  lists: ValueLists = DEFAULT_VALUE_LISTS,
  /** The fields naming a row of a register without a 编号 (a tracking entry: appeal, date, status). */
  naturalKey?: readonly string[],
  /**
   * `onlyNew`: every record must be a new row; one whose key the register already holds is refused,
   * never merged into that row (a phone's appeal must not fill another person's cells).
   */
  options: { readonly onlyNew?: boolean } = {},
): Promise<ExternalWriteReport> {
  const keyFields = register.idField ? [register.idField] : (naturalKey ?? []);
  if (!keyFields.length) throw new Error(`register ${register.key} has no key field`);
  const keyOf = (values: Readonly<Record<string, unknown>>): string | undefined =>
    keyFields.some((f) => values[f] === undefined || values[f] === '')
      ? undefined
      : keyFields.map((f) => String(values[f])).join('|');
  return run(async (context) => {
    const read = (await readRegisters(context, [register]))[register.key as InputRegisterKey];
    if (!read)
      throw new Error(
        `${register.sheet} 不存在，请先建立工作簿 / the ${register.key} register is missing; set the workbook up first`,
      );
    const map = mapHeaders(register, read.raw.header);
    const existing = readRegister(register, read.raw, { lists });
    const rowOf = new Map(existing.rows.map((r) => [keyOf(r.values) ?? '', r.row]));
    const fields = fieldsAtVersion(register, SCHEMA_VERSION).filter((f) => map.columnOf.has(f.key));
    const readers = new Map(fields.map((f) => [f.key, compileReader(f, { lists, external: true })]));
    const rejected: RejectedRecord[] = [];
    const formulaLike: { index: number; path: string }[] = [];
    const conflicts: WriteConflict[] = [];
    const appends: unknown[][] = [];
    const writes: Write[] = [];
    let filled = 0;
    records.forEach((record, index) => {
      const typed: Record<string, string | number> = {};
      for (const f of fields) {
        const raw = record[f.key];
        if (raw === undefined || isBlank(raw)) continue;
        const out = (readers.get(f.key) as ReturnType<typeof compileReader>)(raw);
        if (out instanceof CellIssue) {
          if (out.code === 'formula-like') formulaLike.push({ index, path: `[${index}].${f.key}` });
          else if (out.severity === 'error')
            rejected.push({ index, path: `[${index}].${f.key}`, message: out.message });
          if (out.value !== undefined) typed[f.key] = out.value;
        } else if (out !== undefined) typed[f.key] = out;
      }
      const id = keyOf(typed);
      if (id === undefined) {
        const missing = keyFields.find((f) => typed[f] === undefined) ?? keyFields[0];
        rejected.push({
          index,
          path: `[${index}].${missing}`,
          message: register.idField
            ? say('缺少编号', `${missing} is missing`)
            : say(
                `缺少“${register.fields.find((f) => f.key === missing)?.header ?? missing}”`,
                `${missing} is missing`,
              ),
        });
        return;
      }
      if (rejected.some((r) => r.index === index)) return;
      const row = rowOf.get(id);
      if (row !== undefined && options.onlyNew) {
        rejected.push({
          index,
          path: `[${index}].${keyFields[0]}`,
          message: say(
            `“${register.sheet}”已有 ${id}，未写入（不并入已有的行）`,
            `${register.sheet} already holds ${id}; not written (never merged into an existing row)`,
          ),
        });
        return;
      }
      if (row === undefined) {
        const cells = new Array<unknown>(read.raw.header.length).fill('');
        for (const f of fields)
          if (typed[f.key] !== undefined)
            cells[map.columnOf.get(f.key) as number] = cellValue(f.type, typed[f.key] as string | number);
        appends.push(cells);
        rowOf.set(id, -1);
        return;
      }
      const current = existing.rows.find((r) => r.row === row)?.values ?? {};
      const rawRow = read.raw.rows[row - read.raw.firstRow] ?? [];
      for (const f of fields) {
        const theirs = typed[f.key];
        if (theirs === undefined) continue;
        const index = map.columnOf.get(f.key) as number;
        const address = `${columnLetter(read.firstColumn + index)}${row}`;
        if (isBlank(rawRow[index])) {
          writes.push({ address, values: [[cellValue(f.type, theirs)]] });
          filled++;
        } else if (current[f.key] !== theirs) {
          conflicts.push({
            id,
            field: f.key,
            header: map.headerOf.get(f.key) ?? f.header,
            address: qualified(read.sheet, address),
            mine: rawRow[index],
            theirs,
          });
        }
      }
    });
    // A new table keeps one empty body row: fill it first rather than leave a gap above the records.
    const blankFirst = existing.rows.length === 0 && read.raw.rows.length === 1;
    const first = blankFirst ? appends.shift() : undefined;
    if (first) {
      const r = read.raw.firstRow;
      const address = `${columnLetter(read.firstColumn)}${r}:${columnLetter(read.firstColumn + first.length - 1)}${r}`;
      writes.push({ address, values: [first] });
    }
    for (const row of appends) writes.push({ append: row });
    // Not idempotent (a row added twice is a duplicate): only a request refused for size is re-sent.
    await sendWithinBudget(
      writes,
      writeBytes,
      async (chunk) => {
        const sheet = context.workbook.worksheets.getItem(read.sheet);
        let rows: unknown[][] = [];
        const addRows = (): void => {
          if (rows.length)
            context.workbook.tables
              .getItem(register.table)
              .rows.add(undefined, rows as (string | number | boolean)[][]);
          rows = [];
        };
        for (const w of chunk) {
          if ('append' in w) rows.push(w.append);
          else {
            addRows();
            sheet.getRange(w.address).values = w.values as (string | number | boolean)[][];
          }
        }
        addRows();
        await context.sync();
      },
      { item: say('一条记录', 'one record') },
    );
    return { appended: appends.length + (first ? 1 : 0), filled, conflicts, rejected, formulaLike };
  });
}
