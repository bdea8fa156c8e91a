import {
  ANONYMOUS,
  periodRange,
  trackedImpossibility,
  type AppealCase,
  type Period,
  type RateKey,
} from '../../shared';
import { columnReference, exactCriterion } from './references';

/** The appeal-register fields the live formulas read. */
export type FormulaField =
  | 'receivedOn'
  | 'finishedOn'
  | 'impossibleReason'
  | 'dueOn'
  | 'reportedOn'
  | 'toldOn'
  | 'publishedOn'
  | 'appellant'
  | 'category';

/** Where the live formulas find the registers: table names and the headers as they stand on the sheet. */
export interface FormulaSources {
  readonly appeals: string;
  /**
   * The column's header on the sheet, or undefined when the register has no such column: a formula
   * naming a missing column is refused by Excel, so the figure is then written as the core's value.
   */
  readonly header: (key: FormulaField) => string | undefined;
  /** The working-day list (sorted, a sentinel first) as a structured reference. */
  readonly workDays: string;
  /** The cell holding the report date (absolute A1). */
  readonly asOf: string;
  readonly reportWithinDays: number;
  readonly tellWithinDays: number;
}

const dateOf = (iso: string): string =>
  `DATE(${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})`;

/** Thrown inside a builder when a column it needs is missing; turned into null at the boundary. */
class MissingColumn extends Error {}

/** A structured reference to an appeal-register column (Table[[column]], escaped). */
function col(s: FormulaSources, key: FormulaField): string {
  const header = s.header(key);
  if (header === undefined) throw new MissingColumn(key);
  return columnReference(s.appeals, header);
}

/** The formula, or null when the register lacks a column it reads. */
function unlessMissing<T>(build: () => T): T | null {
  try {
    return build();
  } catch (e) {
    if (e instanceof MissingColumn) return null;
    throw e;
  }
}

/** Bounds of a period in Excel terms; the last day is capped at the report date. */
function bounds(s: FormulaSources, p: Period): { from: string; to: string } {
  const { from, to } = periodRange(p);
  return { from: dateOf(from), to: `MIN(${dateOf(to)},${s.asOf})` };
}

const received = (s: FormulaSources, p: Period): string => {
  const { from, to } = bounds(s, p);
  const rec = col(s, 'receivedOn');
  return `=COUNTIFS(${rec},">="&${from},${rec},"<="&${to})`;
};

/** 受理数 for a period (appeals received in it, up to the report date); null without 受理时间. */
export function receivedFormula(s: FormulaSources, p: Period): string | null {
  return unlessMissing(() => received(s, p));
}

/**
 * The count of appeals received in a quarter in one 受理类别 (the annual summary's 件数). Clerks
 * extend the category list, so the category is matched exactly: a “*其他” or “<急>” counts itself.
 */
export function categoryCountFormula(s: FormulaSources, p: Period, category: string): string | null {
  return unlessMissing(() => {
    const { from, to } = periodRange(p);
    const rec = col(s, 'receivedOn');
    return `=COUNTIFS(${rec},">="&${dateOf(from)},${rec},"<="&${dateOf(to)},${col(s, 'category')},${exactCriterion(category)})`;
  });
}

/**
 * Whether the register alone shows when every appeal closed, as the live formulas need: an appeal
 * the tracking form judges impossible (docs/domain.md) must also carry a 办结日期 no later than that
 * judgment, or the rates are written as the core's values instead.
 */
export function formulasSeeClosures(cases: readonly AppealCase[]): boolean {
  return cases.every((c) => {
    const finishedOn = c.appeal.finishedOn;
    if (finishedOn === undefined) return trackedImpossibility(c.tracking) === undefined;
    const t = trackedImpossibility(c.tracking);
    return !t || finishedOn <= (t.trackedOn as string);
  });
}

/** The rates Excel can compute itself from the registers (the rest the add-in writes as values). */
export const LIVE_RATES: readonly RateKey[] = [
  'closedRate',
  'onTimeFinishRate',
  'onTimeReportRate',
  'onTimeTellRate',
];

/**
 * Numerator and denominator formulas of a rate, mirroring the core's rules; null for a rate Excel
 * cannot compute, or when the register lacks a column the rate reads. Working-day deadlines
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
  return unlessMissing(() => rates(s, p, key));
}

function rates(
  s: FormulaSources,
  p: Period,
  key: RateKey,
): { numerator: string; denominator: string } | null {
  const { from, to } = bounds(s, p);
  // Columns are looked up only by the rates that read them, so a missing 告知诉求人日期 column
  // leaves the other rates live.
  const c = (k: FormulaField): string => col(s, k);
  const R = s.asOf;
  const recv = (): string => `(${c('receivedOn')}>=${from})*(${c('receivedOn')}<=${to})`;
  const closed = (): string => `(${c('finishedOn')}<>"")*(${c('finishedOn')}<=${R})`;
  const made = (x: string): string => `(${x}<>"")*(${x}<=${R})`;
  const pos = (x: string): string => `MATCH(${x},${s.workDays},1)`;
  const safe = (x: string): string => `(${x}+(${x}="")*2)`;
  const within = (done: string, start: string, n: number): string =>
    `((${pos(`${safe(done)}-1`)}-${pos(safe(start))})<${n})`;
  const overdue = (start: string, n: number): string => `((${pos(`${R}-1`)}-${pos(safe(start))})>=${n})`;
  const countifs = (): string => `COUNTIFS(${c('receivedOn')},">="&${from},${c('receivedOn')},"<="&${to}`;
  switch (key) {
    case 'closedRate':
      return { numerator: `=${countifs()},${c('finishedOn')},"<="&${R})`, denominator: received(s, p) };
    case 'onTimeFinishRate': {
      const [fin, imp, due] = [c('finishedOn'), c('impossibleReason'), c('dueOn')];
      return {
        numerator: `=SUMPRODUCT(${recv()}*${closed()}*(${imp}="")*(${due}<>"")*(${fin}<=${due}))`,
        denominator: `=${countifs()},${fin},"<="&${R},${imp},"",${due},"<>")`,
      };
    }
    case 'onTimeReportRate': {
      // Finished appeals only: one judged impossible (无法办理说明 filled) is closed, not finished.
      const [fin, rep, imp] = [c('finishedOn'), c('reportedOn'), c('impossibleReason')];
      const finished = `${closed()}*(${imp}="")`;
      return {
        numerator: `=SUMPRODUCT(${recv()}*${finished}*${made(rep)}*${within(rep, fin, s.reportWithinDays)})`,
        denominator: `=SUMPRODUCT(${recv()}*${finished}*(${made(rep)}+(1-${made(rep)})*${overdue(fin, s.reportWithinDays)}))`,
      };
    }
    case 'onTimeTellRate': {
      const [rep, told, pub, who] = [c('reportedOn'), c('toldOn'), c('publishedOn'), c('appellant')];
      // The day the appellant counts as told: 告知诉求人日期, or for an anonymous appeal the earlier of
      // it and the 公示日期. Arithmetic, not IF, so SUMPRODUCT evaluates it row by row everywhere;
      // a blank date is 0 in arithmetic, so a told day of 0 means not told.
      const byPub = `(${who}="${ANONYMOUS}")*(${pub}<>"")*((${told}="")+(${told}<>"")*(${pub}<${told}))`;
      const day = `(${told}+${byPub}*(${pub}-${told}))`;
      const toldMade = `(${day}>0)*(${day}<=${R})`;
      const toldWithin = `((${pos(`(${day}+(${day}=0)*2)-1`)}-${pos(safe(rep))})<${s.tellWithinDays})`;
      return {
        numerator: `=SUMPRODUCT(${recv()}*${closed()}*${made(rep)}*${toldMade}*${toldWithin})`,
        denominator: `=SUMPRODUCT(${recv()}*${closed()}*${made(rep)}*(${toldMade}+(1-${toldMade})*${overdue(rep, s.tellWithinDays)}))`,
      };
    }
    default:
      return null;
  }
}
