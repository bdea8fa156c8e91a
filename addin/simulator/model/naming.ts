import { excelError } from '../errors';
import { columnIndex } from './address';

/** Checks a worksheet name against Excel's rules: 1–31 characters, none of `: \ / ? * [ ]`, no edge apostrophes. */
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

/** Checks a table or defined name: starts with a letter, `_` or `\`; then letters, digits, `_`, `.`; no spaces. */
export function checkDefinedName(name: unknown, location: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) {
    throw excelError('InvalidArgument', location, 'a name has 1 to 255 characters');
  }
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || looksLikeReference(name)) {
    throw excelError('InvalidArgument', location, `'${name}' is not a valid Excel name`);
  }
  return name;
}

/** Case-insensitive comparison, as Excel compares sheet, table and defined names. */
export function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
