import { excelError } from '../errors';
import { uniformFormat } from './formats';
import { isWholeColumns, isWholeRows, type Rect } from './rect';
import type { SheetModel } from './sheet-model';

// Worksheet protection as ExcelApi 1.2 exposes it (Worksheet.protection, RangeFormat.protection):
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions
// https://learn.microsoft.com/javascript/api/excel/excel.formatprotection
// A write Excel refuses on a protected sheet fails with AccessDenied ("You cannot perform the requested
// operation.", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling),
// which is what Excel's service returns for a write into locked cells
// (https://github.com/microsoftgraph/microsoft-graph-docs/issues/4546).

/** The `WorksheetProtectionOptions` of ExcelApi 1.2; every one is false unless given to `protect`. */
export const PROTECTION_OPTIONS = [
  'allowAutoFilter',
  'allowDeleteColumns',
  'allowDeleteRows',
  'allowFormatCells',
  'allowFormatColumns',
  'allowFormatRows',
  'allowInsertColumns',
  'allowInsertHyperlinks',
  'allowInsertRows',
  'allowPivotTables',
  'allowSort',
] as const;

/** One of the protection options. */
export type ProtectionOption = (typeof PROTECTION_OPTIONS)[number];

/** The protection of a protected sheet: what it still allows, and the password that lifts it (if any). */
export interface SheetProtection {
  readonly options: Readonly<Record<ProtectionOption, boolean>>;
  readonly password?: string;
}

/** The options a protected sheet reports; an unprotected one reports them all false too. */
export function protectionOptions(sheet: SheetModel): Record<ProtectionOption, boolean> {
  return Object.fromEntries(
    PROTECTION_OPTIONS.map((o) => [o, sheet.protection?.options[o] ?? false]),
  ) as Record<ProtectionOption, boolean>;
}

/**
 * `WorksheetProtection.protect(options?, password?)`. The reference says it "fails if the worksheet has already
 * been protected"; office-js issue 6784 shows that failure as AccessDenied.
 */
export function protectSheet(sheet: SheetModel, options: unknown, password: unknown, location: string): void {
  if (sheet.protection) throw excelError('AccessDenied', location, `'${sheet.name}' is already protected`);
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options)))
    throw excelError('InvalidArgument', location, 'options must be an object');
  if (password !== undefined && password !== null && typeof password !== 'string')
    throw excelError('InvalidArgument', location, 'the password must be text');
  const given = (options ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) {
    if (key === 'selectionMode') continue;
    if (!(PROTECTION_OPTIONS as readonly string[]).includes(key) || typeof value !== 'boolean')
      throw excelError('InvalidArgument', location, `'${key}' is not a protection option Excel knows`);
  }
  const chosen = Object.fromEntries(PROTECTION_OPTIONS.map((o) => [o, given[o] === true]));
  sheet.protection = {
    options: chosen as Record<ProtectionOption, boolean>,
    ...(typeof password === 'string' && password !== '' ? { password } : {}),
  };
}

/**
 * `WorksheetProtection.unprotect(password?)`: a no-op on an unprotected sheet, as the Excel reference for
 * `Worksheet.Unprotect` says; a missing or wrong password is refused with BadPassword ("The password you
 * supplied is incorrect.").
 */
export function unprotectSheet(sheet: SheetModel, password: unknown, location: string): void {
  const current = sheet.protection;
  if (!current) return;
  if (current.password !== undefined && password !== current.password)
    throw excelError('BadPassword', location, `'${sheet.name}' is protected with another password`);
  sheet.protection = undefined;
}

function denied(sheet: SheetModel, location: string, what: string): never {
  throw excelError('AccessDenied', location, `'${sheet.name}' is protected: ${what}`);
}

/** Whether every cell of a block has `format.protection.locked` false. */
export function allUnlocked(sheet: SheetModel, area: Rect): boolean {
  return uniformFormat(sheet, 'locked', area, true) === false;
}

/** Refuses changing cell contents (values, formulas, clearing) unless every cell is unlocked. */
export function refuseLockedContents(sheet: SheetModel, area: Rect, location: string): void {
  if (sheet.protection && !allUnlocked(sheet, area)) denied(sheet, location, 'the cells are locked');
}

/**
 * Refuses formatting cells (number formats, fonts, fills, borders, alignment) unless the protection allows
 * formatting cells. Excel's dialog applies that option to the whole sheet; where it is off, unlocked cells are
 * refused too (the reference is silent on them, and the simulator rejects where Excel's behaviour is unclear).
 */
export function refuseFormatCells(sheet: SheetModel, location: string): void {
  if (sheet.protection && !sheet.protection.options.allowFormatCells)
    denied(sheet, location, 'formatting cells is not allowed');
}

/** Refuses changing row heights or hiding rows unless allowed; likewise for columns. */
export function refuseFormatLines(sheet: SheetModel, axis: 'rows' | 'columns', location: string): void {
  const option = axis === 'rows' ? 'allowFormatRows' : 'allowFormatColumns';
  if (sheet.protection && !sheet.protection.options[option])
    denied(sheet, location, `formatting ${axis} is not allowed`);
}

/**
 * Refuses `Range.insert`/`delete` unless it inserts or deletes whole rows or columns that the options allow;
 * deleted rows or columns must hold no locked cell (VBA's Protection.AllowDeletingRows says the same).
 */
export function refuseShift(
  sheet: SheetModel,
  area: Rect,
  direction: 'Down' | 'Right' | 'Up' | 'Left',
  location: string,
): void {
  const p = sheet.protection;
  if (!p) return;
  const rows = isWholeRows(area) && (direction === 'Down' || direction === 'Up');
  const columns = isWholeColumns(area) && (direction === 'Right' || direction === 'Left');
  if (!rows && !columns) denied(sheet, location, 'cells cannot be inserted or deleted');
  const insert = direction === 'Down' || direction === 'Right';
  const option: ProtectionOption = rows
    ? insert
      ? 'allowInsertRows'
      : 'allowDeleteRows'
    : insert
      ? 'allowInsertColumns'
      : 'allowDeleteColumns';
  if (!p.options[option]) denied(sheet, location, `${option} is off`);
  if (!insert && !allUnlocked(sheet, area)) denied(sheet, location, 'the lines to delete hold locked cells');
}

/**
 * Refuses what a protected sheet never allows through these options: tables, merges, data validation,
 * conditional formats and changing which cells are locked.
 */
export function refuseOnProtected(sheet: SheetModel, location: string, what: string): void {
  if (sheet.protection) denied(sheet, location, what);
}
