import { dayFromIso, dayFromYmd, isoFromDay } from '../calendar/dates';

/** A reporting period: a quarter of a year, or the whole year (quarter 0). */
export interface Period {
  readonly year: number;
  /** 1–4, or 0 for the whole year. */
  readonly quarter: 0 | 1 | 2 | 3 | 4;
}

/** Chinese names of the quarters as the handbook writes them. */
export const QUARTER_NAMES = ['一季度', '二季度', '三季度', '四季度'] as const;

/** First and last day (YYYY-MM-DD) of a period. */
export function periodRange(p: Period): { from: string; to: string } {
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

/** A period's short name as Chinese text reads it: 一季度 … 四季度, or 全年 (never 1季度). */
export const periodName = (p: Pick<Period, 'quarter'>): string =>
  p.quarter === 0 ? '全年' : QUARTER_NAMES[p.quarter - 1];

/** The period's title in Chinese numerals, as Chinese titles write it: 2025年第三季度, or 2025年度. */
export const periodTitle = (p: Period): string =>
  p.quarter === 0 ? `${p.year}年度` : `${p.year}年第${QUARTER_NAMES[p.quarter - 1].slice(0, 1)}季度`;

/** The sheet name of a quarter's work ledger: 台账2025Q3. */
export const ledgerSheetName = (p: Period): string => `台账${p.year}Q${p.quarter}`;

/** Parses a work-ledger sheet name back into its quarter, or null. */
export function periodOfLedgerSheet(name: string): Period | null {
  const m = /^台账(\d{4})Q([1-4])$/.exec(name);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : null;
}

/** Whether a string is a real YYYY-MM-DD date. */
export const isDate = (s: string): boolean => dayFromIso(s) !== null;
