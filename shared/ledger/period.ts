import { dayFromIso, dayFromYmd, isoFromDay } from '../calendar/dates';

/**
 * A reporting period: a quarter of a year, the whole year (quarter 0), or one month (the handbook lets a
 * union keep its work ledger monthly; quarter is then the month's quarter).
 */
export interface Period {
  readonly year: number;
  /** 1–4, or 0 for the whole year. */
  readonly quarter: 0 | 1 | 2 | 3 | 4;
  /** 1–12 when the period is that one month of the quarter. */
  readonly month?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;
}

/** One month as a period, inside its quarter. */
export const monthPeriod = (year: number, month: NonNullable<Period['month']>): Period => ({
  year,
  quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4,
  month,
});

/** Chinese names of the quarters as the handbook writes them. */
export const QUARTER_NAMES = ['一季度', '二季度', '三季度', '四季度'] as const;

/** First and last day (YYYY-MM-DD) of a period. */
export function periodRange(p: Period): { from: string; to: string } {
  if (p.month !== undefined) {
    const next = p.month === 12 ? dayFromYmd(p.year + 1, 1, 1) : dayFromYmd(p.year, p.month + 1, 1);
    return { from: isoFromDay(dayFromYmd(p.year, p.month, 1)), to: isoFromDay(next - 1) };
  }
  if (p.quarter === 0) return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  const startMonth = (p.quarter - 1) * 3 + 1;
  const from = isoFromDay(dayFromYmd(p.year, startMonth, 1));
  const to = isoFromDay(
    dayFromYmd(p.quarter === 4 ? p.year + 1 : p.year, p.quarter === 4 ? 1 : startMonth + 3, 1) - 1,
  );
  return { from, to };
}

/** The quarter a YYYY-MM-DD date falls in. */
export function quarterOf(iso: string): Period {
  const month = Number(iso.slice(5, 7));
  return { year: Number(iso.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** The quarter before the given one. */
export const previousQuarter = (p: Period): Period =>
  p.quarter === 1
    ? { year: p.year - 1, quarter: 4 }
    : { year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 };

/** Whether a YYYY-MM-DD date lies in the period. */
export function inPeriod(iso: string | undefined, p: Period): boolean {
  if (!iso) return false;
  const { from, to } = periodRange(p);
  return iso >= from && iso <= to;
}

/** A period's short name as Chinese text reads it: 一季度 … 四季度, 3月, or 全年 (never 1季度). */
export const periodName = (p: Pick<Period, 'quarter' | 'month'>): string =>
  p.month !== undefined
    ? `${p.month}月`
    : p.quarter === 0
      ? '全年'
      : (QUARTER_NAMES[p.quarter - 1] as string);

/** The period's title in Chinese numerals, as Chinese titles write it: 2025年第三季度, 2025年3月, or 2025年度. */
export const periodTitle = (p: Period): string =>
  p.month !== undefined
    ? `${p.year}年${p.month}月`
    : p.quarter === 0
      ? `${p.year}年度`
      : `${p.year}年第${(QUARTER_NAMES[p.quarter - 1] as string).slice(0, 1)}季度`;

/**
 * The sheet name of a work ledger: 台账2025Q3 for a quarter, 台账2025-03 for a month. The month is
 * written as ISO 8601's year-month (zero-padded, so a year's months sort in order, and never to be
 * read as a quarter: 台账2025Q3 and 台账2025-03 differ in the character after the year).
 */
export const ledgerSheetName = (p: Period): string =>
  p.month !== undefined ? `台账${p.year}-${String(p.month).padStart(2, '0')}` : `台账${p.year}Q${p.quarter}`;

/** Parses a monthly work-ledger sheet name (台账2025-03) back into its month, or null. */
export function monthOfLedgerSheet(name: string): Period | null {
  const m = /^台账(\d{4})-(0[1-9]|1[0-2])$/.exec(name);
  return m ? monthPeriod(Number(m[1]), Number(m[2]) as NonNullable<Period['month']>) : null;
}

/** Whether a sheet name is a generated work ledger's, quarterly or monthly. */
export const isLedgerSheet = (name: string): boolean =>
  periodOfLedgerSheet(name) !== null || monthOfLedgerSheet(name) !== null;

/** Parses a quarterly work-ledger sheet name back into its quarter, or null (a month's is not a quarter's). */
export function periodOfLedgerSheet(name: string): Period | null {
  const m = /^台账(\d{4})Q([1-4])$/.exec(name);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : null;
}

/** Whether a string is a real YYYY-MM-DD date. */
export const isDate = (s: string): boolean => dayFromIso(s) !== null;
