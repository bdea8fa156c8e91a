import type { FieldDef } from '../../shared';

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of a cell from 0-based row and column. */
export const cellAddress = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;

/** A sheet-qualified address, quoting the sheet name as Excel does. */
export const qualified = (sheet: string, address: string): string =>
  `'${sheet.replace(/'/g, "''")}'!${address}`;

/** Splits a sheet-qualified address ('职工诉求记录表'!D5) into sheet and cell address: the inverse of {@link qualified}. */
export function splitAddress(address: string): { sheet: string | null; cells: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, cells: address };
  return {
    sheet: address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'"),
    cells: address.slice(bang + 1),
  };
}

/** The number format a field's cells get: text for keys and phones (leading zeros survive), dates as yyyy-mm-dd. */
export function numberFormatOf(field: FieldDef): string {
  switch (field.type) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'number':
      return '0';
    default:
      return '@';
  }
}

/** Column width in points for a width given in characters (a CJK character is about 2 Latin ones). */
export const widthInPoints = (chars: number): number => Math.round(chars * 7.5 + 5);
