import { say, type Bilingual } from '../text';
import { dayFromIso } from './dates';

/**
 * One year's statutory schedule as the State Council publishes it: holiday blocks and the
 * make-up working days (调休上班). Data, not code: a new year arrives as one of these.
 */
export interface YearSchedule {
  readonly year: number;
  /** Inclusive [first, last] days off, YYYY-MM-DD. */
  readonly holidays: readonly (readonly [string, string])[];
  /** Weekend days that are worked instead (调休上班), YYYY-MM-DD. */
  readonly makeUpWorkdays: readonly string[];
  /** Where the data comes from, shown beside deadlines. */
  readonly source: string;
}

/** The 2025 schedule (国办发明电〔2024〕12号). */
export const SCHEDULE_2025: YearSchedule = {
  year: 2025,
  holidays: [
    ['2025-01-01', '2025-01-01'],
    ['2025-01-28', '2025-02-04'],
    ['2025-04-04', '2025-04-06'],
    ['2025-05-01', '2025-05-05'],
    ['2025-05-31', '2025-06-02'],
    ['2025-10-01', '2025-10-08'],
  ],
  makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  source: '国务院办公厅关于2025年部分节假日安排的通知',
};

/** The 2026 schedule (国务院办公厅, November 2025). */
export const SCHEDULE_2026: YearSchedule = {
  year: 2026,
  holidays: [
    ['2026-01-01', '2026-01-03'],
    ['2026-02-15', '2026-02-23'],
    ['2026-04-04', '2026-04-06'],
    ['2026-05-01', '2026-05-05'],
    ['2026-06-19', '2026-06-21'],
    ['2026-09-25', '2026-09-27'],
    ['2026-10-01', '2026-10-07'],
  ],
  makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  source: '国务院办公厅关于2026年部分节假日安排的通知',
};

/** The schedules shipped with this release; later years are added as data (settings or the cloud). */
export const BUILT_IN_SCHEDULES: readonly YearSchedule[] = [SCHEDULE_2025, SCHEDULE_2026];

/** A problem found in a year schedule supplied as data, with the path of the offending field. */
export interface ScheduleProblem {
  readonly path: string;
  readonly message: Bilingual;
}

/**
 * Checks a year schedule that arrived as data (JSON from the cloud, rows from the settings sheet):
 * every date real, inside its year, ranges in order, make-up days not inside a holiday.
 */
export function checkYearSchedule(input: unknown): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const add = (path: string, zh: string, en: string): void => {
    problems.push({ path, message: say(zh, en) });
  };
  if (typeof input !== 'object' || input === null) {
    add('', '节假日安排应为对象', 'a year schedule must be an object');
    return problems;
  }
  const s = input as Record<string, unknown>;
  const year = s['year'];
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    add('year', '年份应为 2000–2100 之间的整数', 'year must be an integer between 2000 and 2100');
    return problems;
  }
  const inYear = (path: string, v: unknown): number | null => {
    const day = typeof v === 'string' ? dayFromIso(v) : null;
    if (day === null) {
      add(
        path,
        `“${String(v)}”不是 YYYY-MM-DD 格式的有效日期`,
        `${JSON.stringify(v)} is not a real date as YYYY-MM-DD`,
      );
      return null;
    }
    if (!(v as string).startsWith(`${year}-`)) {
      add(path, `日期 ${String(v)} 不在 ${year} 年内`, `date ${String(v)} is outside year ${year}`);
    }
    return day;
  };
  const holidayDays = new Set<number>();
  if (!Array.isArray(s['holidays']))
    add('holidays', '缺少节假日列表', 'holidays must be a list of [first, last] pairs');
  else
    s['holidays'].forEach((pair: unknown, i: number) => {
      if (!Array.isArray(pair) || pair.length !== 2) {
        add(`holidays[${i}]`, '每段假期应为 [起, 止] 两个日期', 'each holiday block must be [first, last]');
        return;
      }
      const a = inYear(`holidays[${i}][0]`, pair[0]);
      const b = inYear(`holidays[${i}][1]`, pair[1]);
      if (a !== null && b !== null) {
        if (b < a) add(`holidays[${i}]`, '假期结束日期早于开始日期', 'holiday block ends before it starts');
        for (let d = a; d <= b; d++) holidayDays.add(d);
      }
    });
  if (!Array.isArray(s['makeUpWorkdays']))
    add('makeUpWorkdays', '缺少调休上班日列表', 'makeUpWorkdays must be a list of dates');
  else
    s['makeUpWorkdays'].forEach((v: unknown, i: number) => {
      const d = inYear(`makeUpWorkdays[${i}]`, v);
      if (d !== null && holidayDays.has(d)) {
        add(
          `makeUpWorkdays[${i}]`,
          `调休上班日 ${String(v)} 落在假期内`,
          `make-up day ${String(v)} falls inside a holiday`,
        );
      }
    });
  return problems;
}
