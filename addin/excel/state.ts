import { LAYOUT_VERSION_SETTING, SCHEMA_VERSION_SETTING } from './context';

/** A table as the workbook has it now. */
export interface TableState {
  readonly name: string;
  readonly sheet: string;
  /** Header cells exactly as they stand (spaces kept): Excel names the columns by them. */
  readonly headers: readonly string[];
  /** 0-based sheet row of the header row and column of the first column. */
  readonly headerRow: number;
  readonly firstColumn: number;
  /** Data rows (Excel keeps at least one, which may be empty). */
  readonly dataRows: number;
}

/** A worksheet as the workbook has it now. */
export interface SheetState {
  readonly name: string;
  /** The top rows' values, to recognise a handbook-style sheet that is not yet a table. */
  readonly top: readonly (readonly unknown[])[];
  /** The used range, when the sheet has any content. */
  readonly used?: {
    readonly row: number;
    readonly column: number;
    readonly rows: number;
    readonly columns: number;
  };
}

/** What set-up needs to know about a workbook before it changes anything. */
export interface WorkbookState {
  readonly sheets: readonly SheetState[];
  readonly tables: readonly TableState[];
  /** Workbook-scoped defined names and the formula each refers to. */
  readonly names: ReadonlyMap<string, string>;
  readonly schemaVersion: number | null;
  /** The layout version set-up last applied; null for workbooks set up before it was recorded. */
  readonly layoutVersion: number | null;
}

/** How many top rows are scanned for a handbook-style header row. */
export const TOP_ROWS = 12;
const TOP_RANGE = `A1:AZ${TOP_ROWS}`;

/** Reads the workbook's sheets, tables, names, schema and layout versions in two syncs. */
export async function readWorkbookState(context: Excel.RequestContext): Promise<WorkbookState> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name');
  const tables = wb.tables.load('items/name');
  const names = wb.names.load('items/name,items/formula');
  const version = wb.settings.getItemOrNullObject(SCHEMA_VERSION_SETTING).load('value');
  const layout = wb.settings.getItemOrNullObject(LAYOUT_VERSION_SETTING).load('value');
  await context.sync();
  const perSheet = sheets.items.map((s) => ({
    name: s.name,
    top: s.getRange(TOP_RANGE).load('values'),
    used: s.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
  }));
  const perTable = tables.items.map((t) => ({
    name: t.name,
    sheet: t.worksheet.load('name'),
    header: t.getHeaderRowRange().load('values,rowIndex,columnIndex'),
    body: t.getDataBodyRange().load('rowCount'),
  }));
  await context.sync();
  return {
    sheets: perSheet.map((s) => ({
      name: s.name,
      top: s.top.values,
      ...(s.used.isNullObject
        ? {}
        : {
            used: {
              row: s.used.rowIndex,
              column: s.used.columnIndex,
              rows: s.used.rowCount,
              columns: s.used.columnCount,
            },
          }),
    })),
    tables: perTable.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      headers: (t.header.values[0] ?? []).map((h) => String(h)),
      headerRow: t.header.rowIndex,
      firstColumn: t.header.columnIndex,
      dataRows: t.body.rowCount,
    })),
    names: new Map(names.items.map((n) => [n.name, n.formula])),
    schemaVersion: version.isNullObject ? null : Number(version.value),
    layoutVersion: layout.isNullObject ? null : Number(layout.value),
  };
}
