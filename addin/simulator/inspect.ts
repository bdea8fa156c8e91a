import { columnLetters, formatRect, parseAddress } from './model/address';
import { matrix, readFormulas, readNumberFormats, readText, readValues, writeCells } from './model/cells';
import { conditionalFormatsIn } from './model/conditional-ops';
import { nameFormula } from './model/name-ops';
import { cellCount, type Rect } from './model/rect';
import { WHOLE_SHEET } from './model/range-target';
import type { SheetModel } from './model/sheet-model';
import { FORMAT_DEFAULTS } from './model/styles';
import { headerNames, normalizeTouchedHeaders } from './model/table-headers';
import { clipToUsed, usedRect } from './model/used-range';
import type { ValidationModel } from './model/validation-model';
import type { WorkbookModel } from './model/workbook-model';

/** A table as the inspection helpers describe it (address without the sheet). */
export interface TableInfo {
  readonly sheet: string;
  readonly address: string;
  readonly name: string;
  readonly headers: string[];
}

/** A conditional format as the inspection helpers describe it. */
export interface ConditionalFormatInfo {
  readonly type: string;
  readonly address: string;
  readonly priority: number;
  readonly stopIfTrue: boolean;
  /** The Custom rule formula, when there is one. */
  readonly formula?: string;
  readonly rule: Record<string, unknown>;
  readonly fillColor?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

/** A sheet by name, or a plain Error: inspection helpers are for tests, not for the add-in. */
export function sheetOf(wb: WorkbookModel, name: string): SheetModel {
  const sheet = wb.sheet(name);
  if (!sheet)
    throw new Error(`no sheet named '${name}' (sheets: ${wb.sheets.map((s) => s.name).join(', ')})`);
  return sheet;
}

/** A block from an unqualified A1 address, or a plain Error. */
export function rectOf(address: string): Rect {
  const parsed = parseAddress(address);
  if (!parsed || parsed.sheet !== undefined) throw new Error(`'${address}' is not an unqualified A1 address`);
  return parsed.rect;
}

/** Cell reads as `Range.values/formulas/numberFormat/text` return them (whole columns clipped to the used rows). */
export const readers = {
  values: (wb: WorkbookModel, sheet: string, address: string): unknown[][] =>
    readValues(sheetOf(wb, sheet), clipToUsed(sheetOf(wb, sheet), rectOf(address))),
  formulas: (wb: WorkbookModel, sheet: string, address: string): unknown[][] =>
    readFormulas(sheetOf(wb, sheet), clipToUsed(sheetOf(wb, sheet), rectOf(address))),
  numberFormats: (wb: WorkbookModel, sheet: string, address: string): string[][] =>
    readNumberFormats(sheetOf(wb, sheet), clipToUsed(sheetOf(wb, sheet), rectOf(address))),
  text: (wb: WorkbookModel, sheet: string, address: string): string[][] =>
    readText(sheetOf(wb, sheet), clipToUsed(sheetOf(wb, sheet), rectOf(address))),
};

/** Types or pastes values as a user would (same entry rules as `Range.values`), creating the sheet if needed. */
export function typeValues(wb: WorkbookModel, sheetName: string, address: string, values: unknown): void {
  const sheet = wb.sheet(sheetName) ?? wb.addSheet(sheetName, 'setValues');
  const area = rectOf(address);
  writeCells(sheet, area, values, 'setValues');
  normalizeTouchedHeaders(wb.tables, sheet, area);
}

/** A table's sheet, address and headers. */
export function tableInfo(wb: WorkbookModel, name: string): TableInfo | undefined {
  const t = wb.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
  return t && { sheet: t.sheet.name, address: formatRect(t.rect), name: t.name, headers: headerNames(t) };
}

/** The validation over a block; undefined when none; an Error when cells differ (check smaller blocks then). */
export function validationOf(
  wb: WorkbookModel,
  sheetName: string,
  address: string,
): ValidationModel | undefined {
  const sheet = sheetOf(wb, sheetName);
  const area = rectOf(address);
  const first = sheet.validation.get(area.r0, area.c0);
  const mixed =
    cellCount(area) <= 1_000_000
      ? matrix(area, (r, c) => sheet.validation.get(r, c)).some((row) => row.some((v) => v !== first))
      : sheet.validation.valuesIn(area).size > 1;
  if (mixed) throw new Error(`${address} has mixed data validation`);
  return first;
}

/** The conditional formats of a sheet, in priority order. */
export function conditionalFormatInfo(wb: WorkbookModel, sheetName: string): ConditionalFormatInfo[] {
  const sheet = sheetOf(wb, sheetName);
  return conditionalFormatsIn(sheet, WHOLE_SHEET).map((cf) => ({
    type: cf.type,
    address: cf.areas.map((a) => formatRect(a)).join(','),
    priority: cf.priority,
    stopIfTrue: cf.stopIfTrue,
    ...(typeof cf.rule.formula === 'string' ? { formula: cf.rule.formula } : {}),
    rule: { ...cf.rule },
    ...(cf.format.fillColor ? { fillColor: cf.format.fillColor } : {}),
    ...(cf.format.fontColor ? { fontColor: cf.format.fontColor } : {}),
    ...(cf.format.bold !== undefined ? { bold: cf.format.bold } : {}),
  }));
}

/** Defined names to their formulas; sheet-scoped names appear as `Sheet!name`. */
export function nameFormulas(wb: WorkbookModel): Record<string, string> {
  return Object.fromEntries(
    wb.names.map((n) => [n.scope ? `${n.scope.name}!${n.name}` : n.name, nameFormula(n)]),
  );
}

/** A formatting attribute cell by cell: the stored value, or the default where nothing was set (null for fills). */
export function formatMatrix(
  wb: WorkbookModel,
  sheetName: string,
  address: string,
  key: string,
): unknown[][] {
  const sheet = sheetOf(wb, sheetName);
  const fallback = key === 'fill.color' ? null : ((FORMAT_DEFAULTS as Record<string, unknown>)[key] ?? null);
  const store = sheet.formats.get(key);
  return matrix(rectOf(address), (r, c) => store?.get(r, c) ?? fallback);
}

/** Explicit column widths in points, keyed by column letter. */
export function columnWidthsOf(wb: WorkbookModel, sheetName: string): Record<string, number> {
  const sheet = sheetOf(wb, sheetName);
  return Object.fromEntries(
    [...sheet.columnWidths].sort(([a], [b]) => a - b).map(([c, w]) => [columnLetters(c), w]),
  );
}

/** The used range address (values and formats; `valuesOnly` for values only), undefined for an empty sheet. */
export function usedAddress(wb: WorkbookModel, sheetName: string, valuesOnly = false): string | undefined {
  const used = usedRect(sheetOf(wb, sheetName), valuesOnly);
  return used && formatRect(used);
}
