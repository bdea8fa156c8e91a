import { periodRange, type Period, type RateKey } from '../../shared';

/** Where the live formulas find the registers: table names and the headers as they stand on the sheet. */
export interface FormulaSources {
  readonly appeals: string;
  readonly header: (
    key: 'receivedOn' | 'finishedOn' | 'impossibleReason' | 'dueOn' | 'reportedOn' | 'toldOn' | 'category',
  ) => string;
  /** The working-day list (sorted, a sentinel first) as a structured reference. */
  readonly workDays: string;
  /** The cell holding the report date (absolute A1). */
  readonly asOf: string;
  readonly reportWithinDays: number;
  readonly tellWithinDays: number;
}

const dateOf = (iso: string): string =>
  `DATE(${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})`;

/** A structured reference to an appeal-register column. */
const col = (s: FormulaSources, key: Parameters<FormulaSources['header']>[0]): string =>
  `${s.appeals}[${s.header(key).replace(/(['#[\]])/g, "'$1")}]`;

/** Bounds of a period in Excel terms; the last day is capped at the report date. */
function bounds(s: FormulaSources, p: Period): { from: string; to: string } {
  const { from, to } = periodRange(p);
  return { from: dateOf(from), to: `MIN(${dateOf(to)},${s.asOf})` };
}

/** 受理数 for a period (appeals received in it, up to the report date). */
export function receivedFormula(s: FormulaSources, p: Period): string {
  const { from, to } = bounds(s, p);
  const rec = col(s, 'receivedOn');
  return `=COUNTIFS(${rec},">="&${from},${rec},"<="&${to})`;
}

/** The count of appeals received in a quarter in one 受理类别 (the annual summary's 件数). */
export function categoryCountFormula(s: FormulaSources, p: Period, category: string): string {
  const { from, to } = periodRange(p);
  const rec = col(s, 'receivedOn');
  return `=COUNTIFS(${rec},">="&${dateOf(from)},${rec},"<="&${dateOf(to)},${col(s, 'category')},"${category.replace(/"/g, '""')}")`;
}

/** The rates Excel can compute itself from the registers (the rest the add-in writes as values). */
export const LIVE_RATES: readonly RateKey[] = [
  'closedRate',
  'onTimeFinishRate',
  'onTimeReportRate',
  'onTimeTellRate',
];

/**
 * Numerator and denominator formulas of a rate, mirroring the core's rules. Working-day deadlines
 * use positions in the working-day list: "done within N working days after D" holds exactly when
 * fewer than N working days lie in (D, done) — MATCH(done-1) − MATCH(D) < N — and a duty is overdue
 * on the report date R when MATCH(R-1) − MATCH(D) ≥ N. Blank cells are replaced by a date after
 * the sentinel so MATCH never fails inside SUMPRODUCT.
 */
export function rateFormulas(
  s: FormulaSources,
  p: Period,
  key: RateKey,
): { numerator: string; denominator: string } | null {
  const { from, to } = bounds(s, p);
  const rec = col(s, 'receivedOn');
  const fin = col(s, 'finishedOn');
  const imp = col(s, 'impossibleReason');
  const due = col(s, 'dueOn');
  const rep = col(s, 'reportedOn');
  const told = col(s, 'toldOn');
  const R = s.asOf;
  const recv = `(${rec}>=${from})*(${rec}<=${to})`;
  const closed = `(${fin}<>"")*(${fin}<=${R})`;
  const made = (x: string): string => `(${x}<>"")*(${x}<=${R})`;
  const pos = (x: string): string => `MATCH(${x},${s.workDays},1)`;
  const safe = (x: string): string => `(${x}+(${x}="")*2)`;
  const within = (done: string, start: string, n: number): string =>
    `((${pos(`${safe(done)}-1`)}-${pos(safe(start))})<${n})`;
  const overdue = (start: string, n: number): string => `((${pos(`${R}-1`)}-${pos(safe(start))})>=${n})`;
  const countifs = `COUNTIFS(${rec},">="&${from},${rec},"<="&${to}`;
  switch (key) {
    case 'closedRate':
      return { numerator: `=${countifs},${fin},"<="&${R})`, denominator: receivedFormula(s, p) };
    case 'onTimeFinishRate':
      return {
        numerator: `=SUMPRODUCT(${recv}*${closed}*(${imp}="")*(${due}<>"")*(${fin}<=${due}))`,
        denominator: `=${countifs},${fin},"<="&${R},${imp},"",${due},"<>")`,
      };
    case 'onTimeReportRate':
      return {
        numerator: `=SUMPRODUCT(${recv}*${closed}*${made(rep)}*${within(rep, fin, s.reportWithinDays)})`,
        denominator: `=SUMPRODUCT(${recv}*${closed}*(${made(rep)}+(1-${made(rep)})*${overdue(fin, s.reportWithinDays)}))`,
      };
    case 'onTimeTellRate':
      return {
        numerator: `=SUMPRODUCT(${recv}*${closed}*${made(rep)}*${made(told)}*${within(told, rep, s.tellWithinDays)})`,
        denominator: `=SUMPRODUCT(${recv}*${closed}*${made(rep)}*(${made(told)}+(1-${made(told)})*${overdue(rep, s.tellWithinDays)}))`,
      };
    default:
      return null;
  }
}
