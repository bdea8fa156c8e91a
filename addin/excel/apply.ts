import {
  fieldsAtVersion,
  mapHeaders,
  SCHEMA_VERSION,
  VALUE_LISTS,
  type FieldDef,
  type RegisterDef,
  type ValueListKey,
} from '../../shared';
import { columnLetter, numberFormatOf, widthInPoints } from './columns';
import { LAYOUT_VERSION_SETTING, SCHEMA_VERSION_SETTING } from './context';
import { defaultRows } from './defaults';
import type { RegisterPlan } from './plan';
import { conditionalRules, listSourceFormula, validationFor } from './rules';

/**
 * The layout set-up applies: formats, validation and list sources. 1 (never recorded) fed list
 * validation from `List_*` names; 2 reads each extensible list through INDIRECT from its 值列表
 * table column. Raise it whenever formatTable changes, so set-up re-formats older workbooks.
 */
export const LAYOUT_VERSION = 2;

/** Where a register's table sits once set-up has queued its commands. */
export interface PlacedTable {
  readonly register: RegisterDef;
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly headerRow: number;
  readonly firstColumn: number;
  /** Headers in sheet order, as they stand after set-up (adopted headers kept as typed). */
  readonly headers: readonly string[];
}

const TABLE_STYLE = 'TableStyleLight9';

/** Queues the commands that create, adopt or complete a register's table (no sync). */
export function placeTable(context: Excel.RequestContext, plan: RegisterPlan): PlacedTable {
  const wb = context.workbook;
  const { register } = plan;
  if (plan.kind === 'create') {
    const sheet = wb.worksheets.add(plan.sheet);
    const headers = fieldsAtVersion(register, SCHEMA_VERSION).map((f) => f.header);
    const rows = defaultRows(register);
    const last = columnLetter(headers.length - 1);
    sheet.getRange(`A1:${last}1`).values = [headers];
    if (rows.length) sheet.getRange(`A2:${last}${rows.length + 1}`).values = rows;
    const table = sheet.tables.add(`A1:${last}${Math.max(rows.length, 1) + 1}`, true);
    table.name = register.table;
    table.style = TABLE_STYLE;
    return { register, table, sheet, headerRow: 0, firstColumn: 0, headers };
  }
  if (plan.kind === 'adoptRange') {
    const sheet = wb.worksheets.getItem(plan.sheet);
    const first = columnLetter(plan.firstColumn);
    const last = columnLetter(plan.firstColumn + plan.headers.length - 1);
    const table = sheet.tables.add(`${first}${plan.headerRow + 1}:${last}${plan.lastRow + 1}`, true);
    table.name = register.table;
    return complete(
      {
        register,
        table,
        sheet,
        headerRow: plan.headerRow,
        firstColumn: plan.firstColumn,
        headers: plan.headers,
      },
      plan.missing,
    );
  }
  const table = wb.tables.getItem(plan.table.name);
  if (plan.kind === 'adoptTable') table.name = register.table;
  const sheet = wb.worksheets.getItem(plan.table.sheet);
  return complete(
    {
      register,
      table,
      sheet,
      headerRow: plan.table.headerRow,
      firstColumn: plan.table.firstColumn,
      headers: plan.table.headers,
    },
    plan.missing,
  );
}

/** Appends the columns an older schema lacks, at the table's right edge, keeping every cell. */
function complete(placed: PlacedTable, missing: readonly FieldDef[]): PlacedTable {
  for (const f of missing) placed.table.columns.add(undefined, undefined, f.header);
  return { ...placed, headers: [...placed.headers, ...missing.map((f) => f.header)] };
}

/**
 * The sheet column letter of each field of a placed table, found as the reader finds it
 * (`mapHeaders`: current or former header, first occurrence).
 */
function columnsOf(placed: PlacedTable, columnOf: ReadonlyMap<string, number>): Map<string, string> {
  return new Map([...columnOf].map(([key, i]) => [key, columnLetter(placed.firstColumn + i)]));
}

/**
 * The list source of each extensible list, read from the placed 值列表 table by the header its
 * column actually has (an adopted table keeps the clerk's header, spaces and former names included).
 */
export function listSources(valueLists: PlacedTable): (list: ValueListKey) => string {
  const headerOf = mapHeaders(valueLists.register, valueLists.headers).headerOf;
  return (list) => listSourceFormula(valueLists.register.table, headerOf.get(list) ?? VALUE_LISTS[list].name);
}

/**
 * Queues the formats of a placed table: number formats (text for keys and phones, yyyy-mm-dd for
 * dates), widths, the frozen header row, validation with Chinese prompts and alerts, and the
 * conditional formats that show invalid and overdue cells. Formats only; no value is touched.
 * List validation refers to the 值列表 table, so every table must be placed before any is formatted.
 * Columns are found by the header the table has (a former header, or spaces the clerk typed).
 */
export function formatTable(placed: PlacedTable, listSource: (list: ValueListKey) => string): void {
  const { register, table, sheet } = placed;
  const { columnOf, headerOf } = mapHeaders(register, placed.headers);
  const letters = columnsOf(placed, columnOf);
  const firstRow = placed.headerRow + 2;
  const body = table.getDataBodyRange();
  body.conditionalFormats.clearAll();
  sheet.freezePanes.freezeRows(placed.headerRow + 1);
  for (const f of register.fields) {
    const column = letters.get(f.key);
    if (!column) continue;
    const header = headerOf.get(f.key) ?? f.header;
    const cells = table.columns.getItem(header).getDataBodyRange();
    cells.numberFormat = numberFormatOf(f) as unknown as string[][];
    sheet.getRange(`${column}:${column}`).format.columnWidth = widthInPoints(f.width ?? 12);
    const v = validationFor(f, { column, firstRow, listSource });
    cells.dataValidation.clear();
    if (v) {
      cells.dataValidation.rule = v.rule;
      cells.dataValidation.prompt = v.prompt;
      cells.dataValidation.errorAlert = v.errorAlert;
    }
  }
  const lastColumn = columnLetter(placed.firstColumn + placed.headers.length - 1);
  for (const rule of conditionalRules(register, (k) => letters.get(k), firstRow, lastColumn)) {
    const header = headerOf.get(rule.field) ?? '';
    const cf = table.columns.getItem(header).getDataBodyRange().conditionalFormats.add('Custom');
    cf.custom.rule.formula = rule.formula;
    cf.custom.format.fill.color = rule.fill;
  }
}

/** Queues the deletion of defined names, once nothing set-up writes refers to them. */
export function deleteNames(context: Excel.RequestContext, names: readonly string[]): void {
  for (const name of names) context.workbook.names.getItem(name).delete();
}

/** Queues the schema and layout version markers, written last so an interrupted set-up is redone. */
export function markVersion(context: Excel.RequestContext): void {
  context.workbook.settings.add(SCHEMA_VERSION_SETTING, SCHEMA_VERSION);
  context.workbook.settings.add(LAYOUT_VERSION_SETTING, LAYOUT_VERSION);
}
