import { say, type Bilingual } from '../text';
import { dayFromIso, dayFromYmd, isoFromDay, requireDay, weekday, yearOfDay, type DayNumber } from './dates';
import { BUILT_IN_SCHEDULES, type YearSchedule } from './schedules';

/** How a unit counts working days: the statutory schedules plus its own overrides. */
export interface CalendarOptions {
  /** Year schedules in force; defaults to the built-in ones. A later entry for the same year wins. */
  readonly schedules?: readonly YearSchedule[];
  /** Extra schedules added to the built-in ones (a new year published after this release). */
  readonly extraSchedules?: readonly YearSchedule[];
  /** The unit's own extra rest days (YYYY-MM-DD). */
  readonly unitRestDays?: readonly string[];
  /** The unit's own extra working days (YYYY-MM-DD). */
  readonly unitWorkDays?: readonly string[];
  /** Whether make-up working days (调休上班) count as working days; the default is yes. */
  readonly countMakeUpDays?: boolean;
}

/** A working-day calendar ready for counting; build one with createCalendar. */
export interface WorkingCalendar {
  readonly schedules: ReadonlyMap<number, YearSchedule>;
  readonly countMakeUpDays: boolean;
  readonly unitRestDays: ReadonlySet<DayNumber>;
  readonly unitWorkDays: ReadonlySet<DayNumber>;
  /** Per-year flags (1 = working day), filled lazily; index = day of year. */
  readonly flags: Map<number, Uint8Array>;
  readonly holidays: ReadonlySet<DayNumber>;
  readonly makeUpDays: ReadonlySet<DayNumber>;
  /** Deadlines already computed, by days then start: thousands of appeals share few dates. */
  readonly memo: Map<number, Map<string, WorkingDeadline>>;
}

function daySet(dates: readonly string[] | undefined, what: string): Set<DayNumber> {
  return new Set((dates ?? []).map((d) => requireDay(d, what)));
}

/** Builds a working-day calendar from schedules and a unit's overrides. */
export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const schedules = new Map<number, YearSchedule>();
  for (const s of [...(options.schedules ?? BUILT_IN_SCHEDULES), ...(options.extraSchedules ?? [])]) {
    schedules.set(s.year, s);
  }
  const holidays = new Set<DayNumber>();
  const makeUpDays = new Set<DayNumber>();
  for (const s of schedules.values()) {
    for (const [a, b] of s.holidays) {
      for (let d = requireDay(a, 'holiday'); d <= requireDay(b, 'holiday'); d++) holidays.add(d);
    }
    for (const m of s.makeUpWorkdays) makeUpDays.add(requireDay(m, 'make-up day'));
  }
  return {
    schedules,
    countMakeUpDays: options.countMakeUpDays ?? true,
    unitRestDays: daySet(options.unitRestDays, 'unit rest day'),
    unitWorkDays: daySet(options.unitWorkDays, 'unit working day'),
    flags: new Map(),
    holidays,
    makeUpDays,
    memo: new Map(),
  };
}

/** The calendar with the built-in 2025–2026 schedules and no unit overrides. */
export const defaultCalendar: WorkingCalendar = createCalendar();

function computeWorking(cal: WorkingCalendar, day: DayNumber): boolean {
  if (cal.unitRestDays.has(day)) return false;
  if (cal.unitWorkDays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  if (cal.makeUpDays.has(day)) return cal.countMakeUpDays;
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/** Whether a day number is a working day (fast path used by all counting). */
export function isWorkingDayNumber(day: DayNumber, cal: WorkingCalendar = defaultCalendar): boolean {
  const year = yearOfDay(day);
  let flags = cal.flags.get(year);
  const jan1 = dayFromYmd(year, 1, 1);
  if (!flags) {
    const next = dayFromYmd(year + 1, 1, 1);
    flags = new Uint8Array(next - jan1);
    for (let d = jan1; d < next; d++) flags[d - jan1] = computeWorking(cal, d) ? 1 : 0;
    cal.flags.set(year, flags);
  }
  return flags[day - jan1] === 1;
}

/** Whether a YYYY-MM-DD date is a working day on the calendar (default: built-in schedules). */
export function isWorkingDay(date: string, calendar: WorkingCalendar = defaultCalendar): boolean {
  return isWorkingDayNumber(requireDay(date, 'date'), calendar);
}

/** Whether the statutory schedule for a year is loaded in the calendar. */
export function hasYearSchedule(year: number, calendar: WorkingCalendar = defaultCalendar): boolean {
  return calendar.schedules.has(year);
}

/** The years whose statutory schedules are loaded, ascending. */
export function loadedYears(calendar: WorkingCalendar = defaultCalendar): number[] {
  return [...calendar.schedules.keys()].sort((a, b) => a - b);
}

/** Day number `days` working days after `start` (the start day never counts); negative counts back. */
export function addWorkingDayNumbers(
  start: DayNumber,
  days: number,
  cal: WorkingCalendar = defaultCalendar,
): DayNumber {
  if (!Number.isInteger(days))
    throw new RangeError(`工作日数应为整数 / days must be an integer, got ${days}`);
  const step = days < 0 ? -1 : 1;
  let d = start;
  for (let left = Math.abs(days); left > 0;) {
    d += step;
    if (isWorkingDayNumber(d, cal)) left--;
  }
  return d;
}

/**
 * The date `days` working days after `start` (YYYY-MM-DD). "Within 3 working days of D" ends on
 * addWorkingDays(D, 3). Years without a loaded schedule count weekends only; see workingDeadline.
 */
export function addWorkingDays(
  start: string,
  days: number,
  calendar: WorkingCalendar = defaultCalendar,
): string {
  return isoFromDay(addWorkingDayNumbers(requireDay(start, 'start'), days, calendar));
}

/**
 * Working days after `a` up to and including `b` (so 0 when b is a or earlier-equal with no working
 * day between); negative when b is before a. addWorkingDays(a, workingDaysBetween(a, b)) ≤ b.
 */
export function workingDaysBetween(
  a: string,
  b: string,
  calendar: WorkingCalendar = defaultCalendar,
): number {
  const from = requireDay(a, 'from');
  const to = requireDay(b, 'to');
  if (to === from) return 0;
  const [lo, hi, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let n = 0;
  for (let d = lo + 1; d <= hi; d++) if (isWorkingDayNumber(d, calendar)) n++;
  return n === 0 ? 0 : sign * n; // never -0
}

/** The years in (from, to] whose schedules are not loaded. */
export function uncoveredYears(from: DayNumber, to: DayNumber, cal: WorkingCalendar): number[] {
  const out: number[] = [];
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  for (let y = yearOfDay(lo === hi ? lo : lo + 1); y <= yearOfDay(hi); y++)
    if (!cal.schedules.has(y)) out.push(y);
  return out;
}

/** A computed deadline, with a warning when it crosses a year whose schedule is not loaded. */
export interface WorkingDeadline {
  readonly date: string;
  readonly day: DayNumber;
  readonly warning?: Bilingual;
}

/** The warning shown beside a deadline computed on weekends alone. */
export function missingScheduleWarning(years: readonly number[]): Bilingual {
  const list = years.join('、');
  return say(
    `${list} 年的法定节假日安排尚未载入，此期限仅按周末计算，请在“日历调整”中补充该年安排后核对`,
    `the statutory holiday schedule for ${years.join(', ')} is not loaded; this deadline counts weekends only — add that year's schedule under 日历调整 and re-check`,
  );
}

/** `days` working days after a day number, with the missing-schedule warning when it applies. */
export function workingDeadlineFromDay(
  start: DayNumber,
  days: number,
  cal: WorkingCalendar,
): WorkingDeadline {
  const day = addWorkingDayNumbers(start, days, cal);
  const missing = uncoveredYears(start, day, cal);
  const date = isoFromDay(day);
  // Two literals, not a spread: each keeps its shape between checks (see recordTemplate).
  return missing.length ? { date, day, warning: missingScheduleWarning(missing) } : { date, day };
}

/** `days` working days after a YYYY-MM-DD date, with the missing-schedule warning when it applies. */
export function workingDeadline(
  start: string,
  days: number,
  calendar: WorkingCalendar = defaultCalendar,
): WorkingDeadline {
  // Keyed by days then start, so a lookup builds no key string.
  let byStart = calendar.memo.get(days);
  if (!byStart) calendar.memo.set(days, (byStart = new Map()));
  let hit = byStart.get(start);
  if (!hit) {
    hit = workingDeadlineFromDay(requireDay(start, 'start'), days, calendar);
    byStart.set(start, hit);
  }
  return hit;
}

/** Whether a string is a valid YYYY-MM-DD date (a convenience for forms). */
export const isIsoDate = (s: string): boolean => dayFromIso(s) !== null;
