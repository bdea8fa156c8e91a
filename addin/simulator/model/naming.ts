import { excelError } from '../errors';
import { columnIndex } from './address';

/**
 * Checks a worksheet name against Excel's rules: not blank, at most 31 characters, none of `: \ / ? * [ ]`,
 * no apostrophe first or last, not "History" (https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
 */
export function checkSheetName(name: unknown, location: string): string {
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 31) {
    throw excelError('InvalidArgument', location, 'a sheet name has 1 to 31 characters');
  }
  if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw excelError(
      'InvalidArgument',
      location,
      `'${name}' contains a character Excel forbids in sheet names`,
    );
  }
  if (name.toLowerCase() === 'history')
    throw excelError('InvalidArgument', location, "'History' is reserved by Excel");
  return name;
}

/** Whether a name would read as a cell reference (`A1`, `XFD1048576`, `R1C1`, `R`, `C`), which Excel forbids. */
function looksLikeReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(name);
  if (a1 && columnIndex(a1[1] as string) >= 0 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1_048_576)
    return true;
  return /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
}

/**
 * Checks a table or defined name: 1–255 characters; first a letter, `_` or `\`, then only letters, digits,
 * `_` and `.` (no spaces); not a cell reference (`A1`, `R1C1`) nor `C`, `c`, `R`, `r`
 * (https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114,
 * https://support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64);
 * nor TRUE or FALSE, which ECMA-376 Part 1's name grammar forbids (formulas, "Names";
 * http://webapp.docx4java.org/OnlineDemo/ecma376/SpreadsheetML/Names.html).
 */
export function checkDefinedName(name: unknown, location: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) {
    throw excelError('InvalidArgument', location, 'a name has 1 to 255 characters');
  }
  if (
    !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) ||
    looksLikeReference(name) ||
    /^(true|false)$/i.test(name)
  ) {
    throw excelError('InvalidArgument', location, `'${name}' is not a valid Excel name`);
  }
  return name;
}

/** Case-insensitive comparison, as Excel compares sheet, table and defined names. */
export function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
