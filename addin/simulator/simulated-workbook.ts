/// <reference types="office-js" />
import { SimulatedExcelError } from './errors';
import {
  columnWidthsOf,
  type ConditionalFormatInfo,
  conditionalFormatInfo,
  formatMatrix,
  nameFormulas,
  readers,
  sheetOf,
  type TableInfo,
  tableInfo,
  typeValues,
  usedAddress,
  validationOf,
} from './inspect';
import { formatRect } from './model/address';
import type { ValidationModel } from './model/validation-model';
import { WorkbookModel } from './model/workbook-model';
import { WorkbookProxy } from './api/workbook';
import { type ContextHost, SimRequestContext } from './proxy/context';
import { emptyStats, executeBatch, type SyncStats } from './proxy/engine';
import { fromSnapshot } from './snapshot/read';
import type { ShapeSnapshot, WorkbookSnapshot } from './snapshot/types';
import { shapesOf, toSnapshot } from './snapshot/write';

/** Options of createSimulatedWorkbook. */
export interface SimulatedWorkbookOptions {
  /** Request and response limit in bytes. Default: 5 MB on the web; none on desktop, which has no such limit. */
  readonly payloadLimitBytes?: number;
  /** Which Excel to imitate; only the default payload limit differs. Default 'web'. */
  readonly platform?: 'web' | 'desktop';
  /**
   * The ExcelApi minor version `isSetSupported` answers for. Default 20: Excel on the web and current
   * Microsoft 365 (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets);
   * 8 imitates Office 2019, where `Worksheet.pageLayout` (1.9) throws ApiNotFound as office.js does.
   */
  readonly excelApi?: number;
}

/** Excel on the web's request/response payload limit. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** An in-memory workbook driven through the Excel JavaScript API proxy model, plus direct inspection for tests. */
export interface SimulatedWorkbook {
  readonly platform: 'web' | 'desktop';
  /** Like `Office.context.requirements.isSetSupported`, for `ExcelApi` up to the `excelApi` option. */
  isSetSupported(name: string, minVersion?: string): boolean;
  readonly payloadLimitBytes: number;
  /** Like `Excel.run`: a fresh context, a closing sync if work is queued, and proxies unusable afterwards. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly stats: Readonly<SyncStats>;
  resetStats(): void;
  sheetNames(): string[];
  getValues(sheet: string, address: string): unknown[][];
  getFormulas(sheet: string, address: string): unknown[][];
  getNumberFormats(sheet: string, address: string): string[][];
  /** What each cell shows, as `Range.text` reads it: the value through its number format. */
  getText(sheet: string, address: string): string[][];
  setValues(sheet: string, address: string, values: unknown): void;
  tableNames(): string[];
  table(name: string): TableInfo | undefined;
  dataValidation(sheet: string, address: string): ValidationModel | undefined;
  conditionalFormats(sheet: string): ConditionalFormatInfo[];
  names(): Record<string, string>;
  settings(): Record<string, unknown>;
  /** Fill colours cell by cell; null where there is no fill. */
  fill(sheet: string, address: string): (string | null)[][];
  /** Any stored formatting attribute cell by cell (`font.bold`, `numberFormat`, `border.top.style`…). */
  cellFormat(sheet: string, address: string, key: string): unknown[][];
  columnWidths(sheet: string): Record<string, number>;
  frozenRows(sheet: string): number;
  frozenColumns(sheet: string): number;
  usedRange(sheet: string, valuesOnly?: boolean): string | undefined;
  selection(): { sheet: string; address: string };
  activeSheet(): string;
  merges(sheet: string): string[];
  pageLayout(sheet: string): Record<string, unknown>;
  /**
   * The pictures over a sheet's cells (`Worksheet.shapes`), bottom first, as the snapshot keeps them.
   * Not named `shapes`: test/manifest.test.ts takes any `.shapes` for the ExcelApi 1.9 member.
   */
  pictures(sheet: string): ShapeSnapshot[];
  /** How often the add-in saved the workbook (`Workbook.save`). */
  saves(): number;
  toJSON(): WorkbookSnapshot;
  fromJSON(snapshot: WorkbookSnapshot): void;
}

/** Creates an empty workbook (one sheet, `Sheet1`) behind a simulated Excel JavaScript API. */
export function createSimulatedWorkbook(options: SimulatedWorkbookOptions = {}): SimulatedWorkbook {
  const platform = options.platform ?? 'web';
  const excelApi = options.excelApi ?? 20;
  const limit =
    options.payloadLimitBytes ?? (platform === 'web' ? WEB_PAYLOAD_LIMIT : Number.POSITIVE_INFINITY);
  let wb = new WorkbookModel();
  let stats = emptyStats();
  const host: ContextHost = {
    model: () => wb,
    execute: (batch, context) => executeBatch(wb, batch, context, stats, limit),
    createWorkbookProxy: (context) => new WorkbookProxy(context),
    excelApi,
  };

  return {
    platform,
    isSetSupported: (name, minVersion = '1.1') => {
      const m = /^1\.(\d+)$/.exec(minVersion);
      return name === 'ExcelApi' && m !== null && Number(m[1]) <= excelApi;
    },
    payloadLimitBytes: limit,
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const context = new SimRequestContext(host);
      try {
        const pending = batch(context as unknown as Excel.RequestContext);
        if (!pending || typeof (pending as Promise<T>).then !== 'function')
          throw new SimulatedExcelError('RunMustReturnPromise');
        const result = await pending;
        if (context._hasPending) await context.sync();
        return result;
      } finally {
        context._close();
      }
    },
    get stats() {
      return stats;
    },
    resetStats: () => void (stats = emptyStats()),
    sheetNames: () => wb.sheets.map((s) => s.name),
    getValues: (sheet, address) => readers.values(wb, sheet, address),
    getFormulas: (sheet, address) => readers.formulas(wb, sheet, address),
    getNumberFormats: (sheet, address) => readers.numberFormats(wb, sheet, address),
    getText: (sheet, address) => readers.text(wb, sheet, address),
    setValues: (sheet, address, values) => typeValues(wb, sheet, address, values),
    tableNames: () => wb.tables.map((t) => t.name),
    table: (name) => tableInfo(wb, name),
    dataValidation: (sheet, address) => validationOf(wb, sheet, address),
    conditionalFormats: (sheet) => conditionalFormatInfo(wb, sheet),
    names: () => nameFormulas(wb),
    settings: () => JSON.parse(JSON.stringify(Object.fromEntries(wb.settings))) as Record<string, unknown>,
    fill: (sheet, address) => formatMatrix(wb, sheet, address, 'fill.color') as (string | null)[][],
    cellFormat: (sheet, address, key) => formatMatrix(wb, sheet, address, key),
    columnWidths: (sheet) => columnWidthsOf(wb, sheet),
    frozenRows: (sheet) => sheetOf(wb, sheet).frozenRows,
    frozenColumns: (sheet) => sheetOf(wb, sheet).frozenColumns,
    usedRange: (sheet, valuesOnly) => usedAddress(wb, sheet, valuesOnly),
    selection: () => ({ sheet: wb.selection.sheet.name, address: formatRect(wb.selection.rect) }),
    activeSheet: () => wb.activeSheet.name,
    merges: (sheet) => sheetOf(wb, sheet).merges.map((m) => formatRect(m)),
    pageLayout: (sheet) => pageLayoutOf(sheetOf(wb, sheet)),
    saves: () => wb.saves,
    pictures: (sheet) => shapesOf(sheetOf(wb, sheet)),
    toJSON: () => toSnapshot(wb),
    fromJSON: (snapshot) => void (wb = fromSnapshot(snapshot)),
  };
}

function pageLayoutOf(sheet: ReturnType<typeof sheetOf>): Record<string, unknown> {
  const areas = {
    printArea: sheet.printArea,
    printTitleRows: sheet.printTitleRows,
    printTitleColumns: sheet.printTitleColumns,
  };
  const set = Object.entries(areas)
    .filter(([, r]) => r !== undefined)
    .map(([k, r]) => [k, formatRect(r as NonNullable<typeof r>)]);
  return { ...JSON.parse(JSON.stringify(sheet.pageLayout)), ...Object.fromEntries(set) } as Record<
    string,
    unknown
  >;
}
