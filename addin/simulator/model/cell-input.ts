import { excelError } from '../errors';
import { isValidDate, toSerial } from './serial-date';

/** A constant a cell can hold. Blank cells hold nothing (undefined), and read back as ''. */
export type CellValue = string | number | boolean;

/** What one written value turns into: a constant, a formula, or nothing; plus a number format Excel picked. */
export interface CellInput {
  readonly value?: CellValue;
  readonly formula?: string;
  readonly autoFormat?: string;
}

/** The text number format: strings written into it stay exactly as written. */
export const TEXT_FORMAT = '@';

/** Excel keeps 15 significant digits: an 18-digit ID number typed into a General cell loses its tail. */
function toExcelNumber(n: number): number {
  return Number(n.toPrecision(15));
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Reads 1–2 digits at `i`; returns [value, next index] or undefined. */
function digits(text: string, i: number, max: number): [number, number] | undefined {
  let n = 0;
  let j = i;
  while (j < text.length && j - i < max) {
    const d = text.charCodeAt(j) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
    j++;
  }
  return j === i ? undefined : [n, j];
}

/** ISO-like dates (`2025-03-05`, `2025/3/5`, optional ` 10:30[:15]`), hand-parsed because bulk writes hit this path. */
function parseDate(text: string): CellInput | undefined {
  const sep = text.charAt(4);
  const y = digits(text, 0, 4);
  const mo = y && y[1] === 4 ? digits(text, 5, 2) : undefined;
  const d = mo && text.charAt(mo[1]) === sep ? digits(text, mo[1] + 1, 2) : undefined;
  if (!y || !mo || !d || !isValidDate(y[0], mo[0], d[0])) return undefined;
  const day = sep === '-' ? 'yyyy-mm-dd' : 'yyyy/m/d';
  if (d[1] === text.length) return { value: toSerial(y[0], mo[0], d[0]), autoFormat: day };
  const time = TIME.exec(text.slice(d[1] + 1));
  const gap = text.charAt(d[1]);
  if (!time || (gap !== ' ' && gap !== 'T') || Number(time[1]) > 23) return undefined;
  const [hh, mm, ss] = [
    Number(time[1]),
    Number(time[2]),
    time[3] === undefined ? undefined : Number(time[3]),
  ];
  return {
    value: toSerial(y[0], mo[0], d[0], hh, mm, ss ?? 0),
    autoFormat: `${day} h:mm${ss === undefined ? '' : ':ss'}`,
  };
}

/**
 * Excel's entry-time parsing of a string into a number, boolean or date serial (General-like cells only).
 * Dispatches on the first character, since most text cannot be anything but text.
 */
function parseTyped(text: string): CellInput | undefined {
  const first = text.charCodeAt(0);
  const digit = first >= 48 && first <= 57;
  if (!digit && first !== 43 && first !== 45 && first !== 46) {
    if (text.length !== 4 && text.length !== 5) return undefined;
    const upper = text.toUpperCase();
    return upper === 'TRUE' || upper === 'FALSE' ? { value: upper === 'TRUE' } : undefined;
  }
  const sep = text.charCodeAt(4);
  if (digit && (sep === 45 || sep === 47)) return parseDate(text);
  if (NUMBER.test(text)) return { value: toExcelNumber(Number(text)) };
  if (GROUPED.test(text))
    return { value: toExcelNumber(Number(text.replace(/,/g, ''))), autoFormat: '#,##0' };
  const pct = PERCENT.exec(text);
  if (pct) return { value: toExcelNumber(Number(pct[1]) / 100), autoFormat: '0%' };
  const time = TIME.exec(text);
  if (time && Number(time[1]) < 24) {
    const seconds = Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0);
    return { value: seconds / 86_400, autoFormat: time[3] === undefined ? 'h:mm' : 'h:mm:ss' };
  }
  return undefined;
}

const BLANK: CellInput = {};

/**
 * Excel's "Total number of characters that a cell can contain" and "Length of formula contents"
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
export const CELL_TEXT_LIMIT = 32_767;
/** See CELL_TEXT_LIMIT. */
export const FORMULA_LIMIT = 8_192;

/** Refuses text a cell cannot hold; returns it unchanged so the hot path stays one comparison. */
function checkText(text: string, location: string): string {
  if (text.length > CELL_TEXT_LIMIT)
    throw excelError(
      'InvalidArgument',
      location,
      `${text.length} characters; a cell holds ${CELL_TEXT_LIMIT}`,
    );
  return text;
}

/** Refuses a formula over Excel's length limit. */
function checkFormula(formula: string, location: string): string {
  if (formula.length > FORMULA_LIMIT)
    throw excelError(
      'InvalidArgument',
      location,
      `a formula of ${formula.length} characters; Excel allows ${FORMULA_LIMIT}`,
    );
  return formula;
}

/**
 * Interprets one value written through `values` (or `formulas`) the way Excel does on entry:
 * `null` means "leave the cell alone" (returns undefined); `'` prefixes force text; `=`, `+` and `-`
 * start formulas; in cells not formatted as text, numeric, boolean and ISO-date strings are converted.
 * A plain constant comes back as itself (no wrapper object: bulk writes allocate nothing per cell).
 */
export function interpretInput(
  raw: unknown,
  numberFormat: string,
  location: string,
): CellValue | CellInput | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw))
      throw excelError('InvalidArgument', location, `${raw} is not a number Excel can store`);
    return raw;
  }
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string')
    throw excelError('InvalidArgument', location, `cells cannot hold a ${typeof raw}`);
  if (raw === '') return BLANK;
  if (raw.charCodeAt(0) === 39) return raw.length === 1 ? BLANK : checkText(raw.slice(1), location);
  if (numberFormat === TEXT_FORMAT) return checkText(raw, location);
  if (raw.charCodeAt(0) === 61 && raw.length > 1) return { formula: checkFormula(raw, location) };
  const typed = parseTyped(raw);
  if (typed) return typed;
  // office.js documents that values starting with + or - are taken as formulas: "+86 138…" becomes "=+86 138…".
  if ((raw.startsWith('+') || raw.startsWith('-')) && raw.length > 1)
    return { formula: checkFormula(`=${raw}`, location) };
  return checkText(raw, location);
}
