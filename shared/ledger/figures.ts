import { toldDate, type AppealCase } from '../appeal/case';
import { deriveState } from '../appeal/lifecycle';
import { workingDeadline, type WorkingCalendar } from '../calendar/calendar';
import { DEFAULT_SETTINGS, type UnitSettings } from '../schema/settings';
import { DISSATISFIED } from '../schema/valueLists';
import { say, type Bilingual } from '../text';
import { inPeriod, periodRange, type Period } from './period';

/** The rates of docs/domain.md's figures list, in the order every summary shows them. */
export const RATE_KEYS = [
  'closedRate',
  'onTimeFinishRate',
  'onTimeReportRate',
  'onTimeTellRate',
  'satisfactionRate',
  'remedyRate',
] as const;

/** One of the rates of docs/domain.md's figures list. */
export type RateKey = (typeof RATE_KEYS)[number];

/** One rate with its numerator and denominator, each stated in words. */
export interface Rate {
  readonly key: RateKey;
  readonly name: Bilingual;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator ÷ denominator, or null when the denominator is 0. */
  readonly value: number | null;
  /** As printed: 85.7%, or — when the denominator is 0 (never 0% or 100%). */
  readonly text: string;
  readonly numeratorText: Bilingual;
  readonly denominatorText: Bilingual;
}

/** A period's figures, counted over the appeals received in it, as they stood on `asOf`. */
export interface Figures {
  readonly period: Period;
  readonly asOf: string;
  readonly received: number;
  readonly rates: Readonly<Record<RateKey, Rate>>;
}

/** The working-day limits a rate's words name: the unit's settings, never a literal. */
export type RateRules = Pick<UnitSettings, 'reportWithinDays' | 'tellWithinDays'>;

/** The name, numerator and denominator of each rate in words (docs/domain.md), with the unit's limits. */
export function rateDefinitions(
  rules: RateRules,
): Readonly<Record<RateKey, { name: Bilingual; numerator: Bilingual; denominator: Bilingual }>> {
  const report = rules.reportWithinDays;
  const tell = rules.tellWithinDays;
  return {
    closedRate: {
      name: say('办结率', 'closure rate'),
      numerator: say(
        '已办结或经说明无法办理的诉求数',
        'appeals finished or judged impossible with an explanation',
      ),
      denominator: say('受理诉求数', 'appeals received'),
    },
    onTimeFinishRate: {
      name: say('按时办结率', 'on-time finish rate'),
      numerator: say('在完成时限内办结的诉求数', 'appeals finished on or before their handling deadline'),
      denominator: say('已办结且有完成时限的诉求数', 'finished appeals that have a handling deadline'),
    },
    onTimeReportRate: {
      name: say('按时反馈率', 'on-time report rate'),
      numerator: say(
        `办结后 ${report} 个工作日内反馈工会的诉求数`,
        `appeals reported within ${report} working days after finishing`,
      ),
      // Appeals judged impossible are closed but not finished: they are not in this denominator.
      denominator: say(
        '已办结（不含无法办理）且已反馈或反馈已逾期的诉求数',
        'finished appeals (not those judged impossible) whose report was made or is overdue',
      ),
    },
    onTimeTellRate: {
      name: say('按时告知率', 'on-time telling rate'),
      numerator: say(
        `收到反馈后 ${tell} 个工作日内告知诉求人（匿名诉求以公示计）的诉求数`,
        `appellants told within ${tell} working days after the report (an anonymous appeal's publication counts)`,
      ),
      denominator: say(
        '已反馈且已告知或告知已逾期的诉求数',
        'reported appeals whose appellant was told or is overdue',
      ),
    },
    satisfactionRate: {
      name: say('满意率', 'satisfaction rate'),
      numerator: say('非常满意、满意、基本满意的诉求数', 'appeals rated 非常满意, 满意 or 基本满意'),
      denominator: say(
        '已测评的诉求数（每件按诉求人本人评价，无则按最近一次评价计一次）',
        "surveyed appeals (each once: the appellant's own rating, else the latest)",
      ),
    },
    remedyRate: {
      name: say('不满意整改率', 'remedy rate'),
      numerator: say('有整改措施和时限的不满意诉求数', '不满意 appeals with remedy measures and a deadline'),
      denominator: say('不满意诉求数', 'appeals rated 不满意'),
    },
  };
}

/** Formats a rate as printed: one decimal and %, or — for a zero denominator. */
export const formatRate = (n: number, d: number): string =>
  d === 0 ? '—' : `${((n / d) * 100).toFixed(1)}%`;

/** Counting options: when the report is made, on which calendar, with which rules. */
export interface FigureOptions {
  readonly asOf: string;
  readonly calendar: WorkingCalendar;
  readonly rules: Pick<UnitSettings, 'reportWithinDays' | 'tellWithinDays'>;
}

/** The counts behind the rates, so several periods or units can be added up. */
export type Tally = Record<RateKey, [number, number]> & { received: number };

/** An empty tally. */
export const emptyTally = (): Tally => ({
  received: 0,
  closedRate: [0, 0],
  onTimeFinishRate: [0, 0],
  onTimeReportRate: [0, 0],
  onTimeTellRate: [0, 0],
  satisfactionRate: [0, 0],
  remedyRate: [0, 0],
});

const bump = (pair: [number, number], hit: boolean): void => {
  pair[1]++;
  if (hit) pair[0]++;
};

/** Adds one appeal to a tally (the appeal must be received in the period). */
export function tallyAppeal(t: Tally, c: AppealCase, o: FigureOptions): void {
  const a = c.appeal;
  const asOf = o.asOf;
  const s = deriveState(c, asOf);
  t.received++;
  bump(t.closedRate, s.closed);
  if (s.finished && a.dueOn) bump(t.onTimeFinishRate, (a.finishedOn as string) <= a.dueOn);
  if (s.closed) {
    const made = a.reportedOn !== undefined && a.reportedOn <= asOf;
    // 按时反馈率 counts finished appeals only: one judged impossible is closed, not finished.
    if (s.finished) {
      const due = workingDeadline(a.finishedOn as string, o.rules.reportWithinDays, o.calendar).date;
      if (made || asOf > due) bump(t.onTimeReportRate, made && (a.reportedOn as string) <= due);
    }
    if (made) {
      const tellDue = workingDeadline(a.reportedOn as string, o.rules.tellWithinDays, o.calendar).date;
      const toldOn = toldDate(a);
      const told = toldOn !== undefined && toldOn <= asOf;
      if (told || asOf > tellDue) bump(t.onTimeTellRate, told && (toldOn as string) <= tellDue);
    }
  }
  const counted = s.counted;
  if (counted) {
    bump(t.satisfactionRate, counted.rating !== DISSATISFIED);
    if (counted.rating === DISSATISFIED) bump(t.remedyRate, !!counted.remedy && !!counted.remedyDueOn);
  }
}

/** Adds tally `b` into `a` (for unit trees and years). */
export function addTally(a: Tally, b: Tally): Tally {
  a.received += b.received;
  for (const k of RATE_KEYS) {
    a[k][0] += b[k][0];
    a[k][1] += b[k][1];
  }
  return a;
}

/**
 * Turns a tally into figures with every numerator and denominator in words; the words name the
 * unit's working-day limits (the handbook's defaults when none are given).
 */
export function figuresFromTally(
  t: Tally,
  period: Period,
  asOf: string,
  rules: RateRules = DEFAULT_SETTINGS,
): Figures {
  const rates = {} as Record<RateKey, Rate>;
  const defs = rateDefinitions(rules);
  for (const key of RATE_KEYS) {
    const [n, d] = t[key];
    const def = defs[key];
    rates[key] = {
      key,
      name: def.name,
      numerator: n,
      denominator: d,
      value: d === 0 ? null : n / d,
      text: formatRate(n, d),
      numeratorText: def.numerator,
      denominatorText: def.denominator,
    };
  }
  return { period, asOf, received: t.received, rates };
}

/** The tally of the appeals received in a period (by 受理时间, up to asOf). */
export function tallyPeriod(cases: readonly AppealCase[], period: Period, o: FigureOptions): Tally {
  const t = emptyTally();
  const { from, to } = periodRange(period);
  const last = to < o.asOf ? to : o.asOf;
  for (const c of cases) {
    const r = c.appeal.receivedOn;
    if (r !== undefined && r >= from && r <= last) tallyAppeal(t, c, o);
  }
  return t;
}

/** The figures of a period: counts the appeals received in it, as they stood on `asOf`. */
export function computeFigures(cases: readonly AppealCase[], period: Period, o: FigureOptions): Figures {
  return figuresFromTally(tallyPeriod(cases, period, o), period, o.asOf, o.rules);
}

/** Whether an appeal was received in a period (re-exported for ledgers). */
export const receivedIn = (c: AppealCase, p: Period): boolean => inPeriod(c.appeal.receivedOn, p);
