/** Chinese wording shared by every document: dates, numerals, lists and sheet names. */

/** A date as Chinese documents print it (2026年3月30日): the core's one wording, shared with the ledgers. */
export { chineseDate } from '../../shared';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A whole number 1–99 in Chinese numerals (一, 十二, 二十); larger numbers stay Arabic. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : (DIGITS[ones] as string));
}

/** Joins items the way a Chinese list reads: 甲、乙、丙. */
export const listOf = (items: readonly string[]): string => items.join('、');

/** Items without blanks or repeats, in first-seen order. */
export function distinct(items: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const v = item?.trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** Splits a cell listing departments (“行政办公室、财务部”). */
export const splitList = (text: string | undefined): string[] => distinct((text ?? '').split(/[、，,;；/]+/));

/** The sheet a document is printed on: 打印-<name>, trimmed to Excel's 31 characters and rules. */
export function sheetNameFor(name: string, subject?: string): string {
  const raw = subject ? `打印-${name}-${subject}` : `打印-${name}`;
  return [...raw.replace(/[:\\/?*[\]']/g, '_')].slice(0, 31).join('');
}

/** A ticked or empty box before each choice, as the handbook's forms show them. */
export const checkboxes = (choices: readonly string[], chosen: string | undefined): string =>
  choices.map((c) => `${c === chosen ? '☑' : '□'}${c}`).join('　');
