import { isHoliday as cdIsHoliday, isWorkday as cdIsWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  BUILT_IN_SCHEDULES,
  checkYearSchedule,
  createCalendar,
  defaultCalendar,
  hasYearSchedule,
  isWorkingDay,
  loadedYears,
  SCHEDULE_2025,
  SCHEDULE_2026,
  workingDaysBetween,
  workingDeadline,
  type WorkingCalendar,
  type YearSchedule,
} from '../../shared';

// ---------------------------------------------------------------------------------------------
// Independent date helpers (plain UTC Date arithmetic, not the code under test).

const shift = (iso: string, n: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const weekdayOf = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string): boolean => weekdayOf(iso) === 0 || weekdayOf(iso) === 6;
const daysOfYear = (year: number): string[] => {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}-`); d = shift(d, 1)) out.push(d);
  return out;
};
const HAN = /[\u4e00-\u9fff]/;
const LATIN_WORD = /[A-Za-z]{4,}/;

/** Make-up working days switched off: 调休上班 days become ordinary rest days. */
const noMakeUp = createCalendar({ countMakeUpDays: false });

// ---------------------------------------------------------------------------------------------

describe('the built-in schedules are exactly the ones in docs/domain.md', () => {
  it('2025: off 1/1; 1/28–2/4; 4/4–4/6; 5/1–5/5; 5/31–6/2; 10/1–10/8; make-up 1/26, 2/8, 4/27, 9/28, 10/11', () => {
    expect(SCHEDULE_2025.year).toBe(2025);
    expect(SCHEDULE_2025.holidays).toEqual([
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ]);
    expect(SCHEDULE_2025.makeUpWorkdays).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
  });

  it('2026: off 1/1–1/3; 2/15–2/23; 4/4–4/6; 5/1–5/5; 6/19–6/21; 9/25–9/27; 10/1–10/7; make-up 1/4, 2/14, 2/28, 5/9, 9/20, 10/10', () => {
    expect(SCHEDULE_2026.year).toBe(2026);
    expect(SCHEDULE_2026.holidays).toEqual([
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ]);
    expect(SCHEDULE_2026.makeUpWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it.each(BUILT_IN_SCHEDULES.map((s) => [s.year, s] as const))(
    '%i passes checkYearSchedule and every make-up day is a weekend',
    (_y, s) => {
      expect(checkYearSchedule(s)).toEqual([]);
      expect(s.source).not.toBe('');
      for (const m of s.makeUpWorkdays) expect(isWeekend(m), m).toBe(true);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Day by day around every holiday block. Letters, one per day from `from`:
//   W working weekday, M make-up working day (调休上班), H statutory holiday, R weekend rest.
// With make-up days on, W and M are working; with them off, only W is.

interface Window {
  readonly name: string;
  readonly from: string;
  readonly days: string;
}

const WINDOWS: readonly Window[] = [
  // 12/28六 12/29日 12/30一 12/31二 | 1/1三 holiday | 1/2四 1/3五 1/4六 1/5日 1/6一
  { name: '2025 元旦 1/1', from: '2024-12-28', days: 'RRWW H WWRRW' },
  // 1/22三 1/23四 1/24五 1/25六 1/26日(M) 1/27一 | 1/28二 … 2/4二 (8 days) | 2/5三 2/6四 2/7五 2/8六(M) 2/9日 2/10一 2/11二 2/12三
  {
    name: '2025 春节 1/28–2/4, make-up 1/26 (Sun) and 2/8 (Sat)',
    from: '2025-01-22',
    days: 'WWWRMW HHHHHHHH WWWMRWWW',
  },
  // 3/31一 4/1二 4/2三 4/3四 | 4/4五 4/5六 4/6日 | 4/7一 4/8二 4/9三
  { name: '2025 清明 4/4–4/6', from: '2025-03-31', days: 'WWWW HHH WWW' },
  // 4/24四 4/25五 4/26六 4/27日(M) 4/28一 4/29二 4/30三 | 5/1四 … 5/5一 | 5/6二 5/7三 5/8四 5/9五
  { name: '2025 劳动节 5/1–5/5, make-up 4/27 (Sun)', from: '2025-04-24', days: 'WWRMWWW HHHHH WWWW' },
  // 5/27二 5/28三 5/29四 5/30五 | 5/31六 6/1日 6/2一 | 6/3二 6/4三 6/5四
  { name: '2025 端午 5/31–6/2', from: '2025-05-27', days: 'WWWW HHH WWW' },
  // 9/24三 9/25四 9/26五 9/27六 9/28日(M) 9/29一 9/30二 | 10/1三 … 10/8三 (8 days) | 10/9四 10/10五 10/11六(M) 10/12日 10/13一 10/14二 10/15三
  {
    name: '2025 国庆中秋 10/1–10/8, make-up 9/28 (Sun) and 10/11 (Sat)',
    from: '2025-09-24',
    days: 'WWWRMWW HHHHHHHH WWMRWWW',
  },
  // 12/27六 12/28日 12/29一 12/30二 12/31三 | 1/1四 1/2五 1/3六 | 1/4日(M) 1/5一 1/6二 1/7三 1/8四
  { name: '2026 元旦 1/1–1/3, make-up 1/4 (Sun)', from: '2025-12-27', days: 'RRWWW HHH MWWWW' },
  // 2/10二 2/11三 2/12四 2/13五 2/14六(M) | 2/15日 … 2/23一 (9 days) | 2/24二 2/25三 2/26四 2/27五 2/28六(M) 3/1日 3/2一 3/3二 3/4三
  {
    name: '2026 春节 2/15–2/23, make-up 2/14 (Sat) and 2/28 (Sat)',
    from: '2026-02-10',
    days: 'WWWWM HHHHHHHHH WWWWMRWWW',
  },
  // 4/1三 4/2四 4/3五 | 4/4六 4/5日 4/6一 | 4/7二 4/8三 4/9四
  { name: '2026 清明 4/4–4/6', from: '2026-04-01', days: 'WWW HHH WWW' },
  // 4/28二 4/29三 4/30四 | 5/1五 … 5/5二 | 5/6三 5/7四 5/8五 5/9六(M) 5/10日 5/11一 5/12二
  { name: '2026 劳动节 5/1–5/5, make-up 5/9 (Sat)', from: '2026-04-28', days: 'WWW HHHHH WWWMRWW' },
  // 6/16二 6/17三 6/18四 | 6/19五 6/20六 6/21日 | 6/22一 6/23二 6/24三
  { name: '2026 端午 6/19–6/21', from: '2026-06-16', days: 'WWW HHH WWW' },
  // 9/17四 9/18五 9/19六 9/20日(M) 9/21一 9/22二 9/23三 9/24四 | 9/25五 9/26六 9/27日 | 9/28一 9/29二 9/30三
  { name: '2026 中秋 9/25–9/27, make-up 9/20 (Sun)', from: '2026-09-17', days: 'WWRMWWWW HHH WWW' },
  // 9/28一 9/29二 9/30三 | 10/1四 … 10/7三 | 10/8四 10/9五 10/10六(M) 10/11日 10/12一 10/13二 10/14三
  { name: '2026 国庆 10/1–10/7, make-up 10/10 (Sat)', from: '2026-09-28', days: 'WWW HHHHHHH WWMRWWW' },
];

const windowDays = (w: Window): { date: string; kind: string }[] =>
  [...w.days.replace(/\s/g, '')].map((kind, i) => ({ date: shift(w.from, i), kind }));

describe.each(WINDOWS)('day by day: $name', (w) => {
  const days = windowDays(w);

  it('the hand-written window is consistent with the weekdays (H aside, W only Mon–Fri, R and M only weekends)', () => {
    for (const { date, kind } of days) {
      if (kind === 'W') expect(isWeekend(date), date).toBe(false);
      if (kind === 'R' || kind === 'M') expect(isWeekend(date), date).toBe(true);
    }
  });

  it.each(days)('$date ($kind) with make-up days counted', ({ date, kind }) => {
    expect(isWorkingDay(date)).toBe(kind === 'W' || kind === 'M');
    expect(isWorkingDay(date, defaultCalendar)).toBe(kind === 'W' || kind === 'M');
  });

  it.each(days)('$date ($kind) with make-up days switched off', ({ date, kind }) => {
    expect(isWorkingDay(date, noMakeUp)).toBe(kind === 'W');
  });
});

// ---------------------------------------------------------------------------------------------

describe('addWorkingDays around every holiday block (start day never counts)', () => {
  // [start, days, expected with make-up days, expected without]
  const CASES: readonly (readonly [string, number, string, string])[] = [
    // --- 2025 元旦 (1/1 Wed) ---
    // 1/1 holiday → 1/2 is the 1st working day after 12/31.
    ['2024-12-31', 1, '2025-01-02', '2025-01-02'],
    // 1/2 (1), 1/3 (2), weekend, 1/6 (3).
    ['2024-12-31', 3, '2025-01-06', '2025-01-06'],
    // --- 2025 春节 1/28–2/4, make-up 1/26 Sun, 2/8 Sat ---
    // 1/25 Sat rest; 1/26 Sun is make-up (on) / rest (off) → 1/27 Mon.
    ['2025-01-24', 1, '2025-01-26', '2025-01-27'],
    // on: 1/26, 1/27. off: 1/27, then 1/28–2/4 off, 2/5.
    ['2025-01-24', 2, '2025-01-27', '2025-02-05'],
    // 1/28–2/4 off, 2/5 Wed is the next working day either way.
    ['2025-01-27', 1, '2025-02-05', '2025-02-05'],
    // on: 2/6, 2/7, 2/8 (Sat make-up). off: 2/6, 2/7, 2/10.
    ['2025-02-05', 3, '2025-02-08', '2025-02-10'],
    // on: 1/26, 1/27, 2/5, 2/6, 2/7. off: 1/27, 2/5, 2/6, 2/7, 2/10.
    ['2025-01-24', 5, '2025-02-07', '2025-02-10'],
    // start inside the holiday: 2/5 is the 1st.
    ['2025-01-30', 1, '2025-02-05', '2025-02-05'],
    // --- 2025 清明 4/4 Fri–4/6 Sun ---
    // 4/4–4/6 off → 4/7 Mon.
    ['2025-04-03', 1, '2025-04-07', '2025-04-07'],
    // 4/3 (1), 4/7 (2).
    ['2025-04-02', 2, '2025-04-07', '2025-04-07'],
    // --- 2025 劳动节 5/1–5/5, make-up 4/27 Sun ---
    // 4/26 Sat rest; 4/27 Sun make-up (on) / rest → 4/28 (off).
    ['2025-04-25', 1, '2025-04-27', '2025-04-28'],
    // 5/1–5/5 off → 5/6 Tue.
    ['2025-04-30', 1, '2025-05-06', '2025-05-06'],
    // on: 4/27, 4/28, 4/29, 4/30. off: 4/28, 4/29, 4/30, 5/6.
    ['2025-04-25', 4, '2025-04-30', '2025-05-06'],
    // --- 2025 端午 5/31 Sat–6/2 Mon ---
    // 5/31–6/2 off → 6/3 Tue.
    ['2025-05-30', 1, '2025-06-03', '2025-06-03'],
    // 5/30 (1), 6/3 (2).
    ['2025-05-29', 2, '2025-06-03', '2025-06-03'],
    // --- 2025 国庆中秋 10/1–10/8, make-up 9/28 Sun, 10/11 Sat ---
    // 9/27 Sat rest; 9/28 Sun make-up (on) / rest → 9/29 Mon (off).
    ['2025-09-26', 1, '2025-09-28', '2025-09-29'],
    // 10/1–10/8 off → 10/9 Thu.
    ['2025-09-30', 1, '2025-10-09', '2025-10-09'],
    // on: 10/10, 10/11 (Sat make-up). off: 10/10, then 10/11–10/12 rest, 10/13.
    ['2025-10-09', 2, '2025-10-11', '2025-10-13'],
    // on: 9/28, 9/29, 9/30. off: 9/29, 9/30, 10/9.
    ['2025-09-26', 3, '2025-09-30', '2025-10-09'],
    // start on the Saturday before: same count as from Friday.
    ['2025-09-27', 3, '2025-09-30', '2025-10-09'],
    // on: 10/9, 10/10, 10/11. off: 10/9, 10/10, 10/13.
    ['2025-09-30', 3, '2025-10-11', '2025-10-13'],
    // start inside the holiday: 10/9 is the 1st.
    ['2025-10-01', 1, '2025-10-09', '2025-10-09'],
    // --- 2026 元旦 1/1 Thu–1/3 Sat, make-up 1/4 Sun ---
    // 1/1–1/3 off; 1/4 Sun make-up (on) / rest → 1/5 Mon (off).
    ['2025-12-31', 1, '2026-01-04', '2026-01-05'],
    // on: 1/4, 1/5. off: 1/5, 1/6.
    ['2025-12-31', 2, '2026-01-05', '2026-01-06'],
    // --- 2026 春节 2/15–2/23, make-up 2/14 Sat, 2/28 Sat ---
    // 2/14 Sat make-up (on); off: 2/14 rest, 2/15–2/23 off → 2/24 Tue.
    ['2026-02-13', 1, '2026-02-14', '2026-02-24'],
    // on: 2/13, 2/14. off: 2/13, 2/24.
    ['2026-02-12', 2, '2026-02-14', '2026-02-24'],
    // 2/15–2/23 off → 2/24 either way.
    ['2026-02-14', 1, '2026-02-24', '2026-02-24'],
    // on: 2/14, 2/24, 2/25. off: 2/24, 2/25, 2/26.
    ['2026-02-13', 3, '2026-02-25', '2026-02-26'],
    // on: 2/25, 2/26, 2/27, 2/28 (Sat make-up). off: 2/25, 2/26, 2/27, then 2/28–3/1 rest, 3/2.
    ['2026-02-24', 4, '2026-02-28', '2026-03-02'],
    // --- 2026 清明 4/4 Sat–4/6 Mon ---
    // 4/4–4/6 off → 4/7 Tue.
    ['2026-04-03', 1, '2026-04-07', '2026-04-07'],
    // --- 2026 劳动节 5/1 Fri–5/5 Tue, make-up 5/9 Sat ---
    // 5/1–5/5 off → 5/6 Wed.
    ['2026-04-30', 1, '2026-05-06', '2026-05-06'],
    // on: 5/7, 5/8, 5/9 (Sat make-up). off: 5/7, 5/8, 5/11.
    ['2026-05-06', 3, '2026-05-09', '2026-05-11'],
    // --- 2026 端午 6/19 Fri–6/21 Sun ---
    // 6/19–6/21 off → 6/22 Mon.
    ['2026-06-18', 1, '2026-06-22', '2026-06-22'],
    // --- 2026 中秋 9/25 Fri–9/27 Sun, make-up 9/20 Sun ---
    // 9/19 Sat rest; 9/20 Sun make-up (on) / rest → 9/21 Mon (off).
    ['2026-09-18', 1, '2026-09-20', '2026-09-21'],
    // 9/25–9/27 off → 9/28 Mon.
    ['2026-09-24', 1, '2026-09-28', '2026-09-28'],
    // --- 2026 国庆 10/1 Thu–10/7 Wed, make-up 10/10 Sat ---
    // 10/1–10/7 off → 10/8 Thu.
    ['2026-09-30', 1, '2026-10-08', '2026-10-08'],
    // on: 10/9, 10/10 (Sat make-up). off: 10/9, 10/12.
    ['2026-10-08', 2, '2026-10-10', '2026-10-12'],
    // on: 9/29, 9/30, 10/8, 10/9, 10/10. off: 9/29, 9/30, 10/8, 10/9, 10/12.
    ['2026-09-28', 5, '2026-10-10', '2026-10-12'],
  ];

  it.each(CASES)('addWorkingDays(%s, %i) = %s with make-up days, %s without', (start, days, on, off) => {
    expect(addWorkingDays(start, days)).toBe(on);
    expect(addWorkingDays(start, days, defaultCalendar)).toBe(on);
    expect(addWorkingDays(start, days, noMakeUp)).toBe(off);
    expect(workingDeadline(start, days).date).toBe(on);
    expect(workingDeadline(start, days, noMakeUp).date).toBe(off);
  });

  // [start, days, expected with make-up days, expected without]
  const NEGATIVE: readonly (readonly [string, number, string, string])[] = [
    // Back from 10/9: 10/8–10/1 off → 9/30 Tue.
    ['2025-10-09', -1, '2025-09-30', '2025-09-30'],
    // Back from 10/13: 10/12 Sun rest, 10/11 Sat make-up (on) / rest, then 10/10 Fri (off).
    ['2025-10-13', -1, '2025-10-11', '2025-10-10'],
    // Back from 9/29: 9/28 Sun make-up (on) / rest, 9/27 Sat rest, 9/26 Fri (off).
    ['2025-09-29', -1, '2025-09-28', '2025-09-26'],
    // Back from 2/24: 2/23–2/15 off, 2/14 Sat make-up (on) / rest, 2/13 Fri (off).
    ['2026-02-24', -1, '2026-02-14', '2026-02-13'],
    // Back from 2/5/2025: 2/4–1/28 off → 1/27 (1), 1/26 Sun make-up (2) / 1/24 Fri (2, off).
    ['2025-02-05', -2, '2025-01-26', '2025-01-24'],
    // Back from a Monday: Friday.
    ['2025-03-10', -1, '2025-03-07', '2025-03-07'],
  ];

  it.each(NEGATIVE)(
    'addWorkingDays(%s, %i) = %s with make-up days, %s without (negative counts back)',
    (start, days, on, off) => {
      expect(addWorkingDays(start, days)).toBe(on);
      expect(addWorkingDays(start, days, noMakeUp)).toBe(off);
    },
  );

  it.each([
    // 0 days: the start itself, working day or not.
    ['2025-03-03', 0, '2025-03-03'],
    ['2025-03-08', 0, '2025-03-08'],
    ['2025-10-01', 0, '2025-10-01'],
    // Monday + 1 = Tuesday: the start day (a working day) does not count.
    ['2025-03-03', 1, '2025-03-04'],
    // Friday + 1 = Monday.
    ['2025-03-07', 1, '2025-03-10'],
    // Saturday + 1 = Monday.
    ['2025-03-08', 1, '2025-03-10'],
    // "within 3 working days of" Wed 3/5: 3/6, 3/7, 3/10.
    ['2025-03-05', 3, '2025-03-10'],
    // Ten ordinary weeks later: 50 working days after Mon 2025-03-03 is Mon 2025-05-12? No: it crosses
    // 清明 (4/4) and 劳动节 (5/1, 5/2, 5/5) minus make-up 4/27 → 4 days lost, 1 gained: 50 + 3 = 53 weekdays.
    // 53 weekdays after Mon 3/3 = 10 weeks (to Mon 5/12) + 3 = Thu 5/15.
    ['2025-03-03', 50, '2025-05-15'],
  ] as const)('addWorkingDays(%s, %i) = %s', (start, days, expected) => {
    expect(addWorkingDays(start, days)).toBe(expected);
  });

  it('a whole year: 248 working days in 2025 and in 2026 with make-up days, 243 and 242 without', () => {
    // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days = 248.
    // 2026: 261 weekdays − 19 weekday holidays + 6 make-up days = 248.
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    expect(workingDaysBetween('2024-12-31', '2025-12-31', noMakeUp)).toBe(243);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', noMakeUp)).toBe(242);
    // The 248th working day after 2024-12-31 is the last working day of 2025: Wed 12/31.
    expect(addWorkingDays('2024-12-31', 248)).toBe('2025-12-31');
  });

  it('rejects a non-integer number of days with a bilingual RangeError', () => {
    for (const days of [1.5, Number.NaN, Infinity]) {
      let caught: unknown;
      try {
        addWorkingDays('2025-03-03', days);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(RangeError);
      expect((caught as Error).message).toMatch(HAN);
      expect((caught as Error).message).toMatch(LATIN_WORD);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('workingDaysBetween', () => {
  // [a, b, with make-up days, without]
  const CASES: readonly (readonly [string, string, number, number])[] = [
    // Same day: 0.
    ['2025-03-05', '2025-03-05', 0, 0],
    // Mon → Tue: 1 (a itself never counts).
    ['2025-03-03', '2025-03-04', 1, 1],
    // Fri → Sat/Sun: no working day after Friday up to the weekend.
    ['2025-03-07', '2025-03-09', 0, 0],
    // Whole holiday: nothing between 9/30 and 10/8.
    ['2025-09-30', '2025-10-08', 0, 0],
    ['2025-09-30', '2025-10-09', 1, 1],
    // (9/26, 10/11]: on 9/28, 9/29, 9/30, 10/9, 10/10, 10/11 = 6; off 9/29, 9/30, 10/9, 10/10 = 4.
    ['2025-09-26', '2025-10-11', 6, 4],
    // (2/13, 2/28] 2026: on 2/14, 2/24–2/27, 2/28 = 6; off 2/24–2/27 = 4.
    ['2026-02-13', '2026-02-28', 6, 4],
    // (1/24, 2/8] 2025: on 1/26, 1/27, 2/5, 2/6, 2/7, 2/8 = 6; off 1/27, 2/5–2/7 = 4.
    ['2025-01-24', '2025-02-08', 6, 4],
    // Backwards: negative of the forward count.
    ['2025-10-11', '2025-09-26', -6, -4],
    ['2026-02-28', '2026-02-13', -6, -4],
  ];

  it.each(CASES)('workingDaysBetween(%s, %s) = %i with make-up days, %i without', (a, b, on, off) => {
    expect(workingDaysBetween(a, b)).toBe(on);
    expect(workingDaysBetween(a, b, noMakeUp)).toBe(off);
  });

  it.each([
    // Backwards over a stretch with no working day: (9/30, 10/8] holds none.
    ['2025-10-08', '2025-09-30'],
    // Sunday back to Friday: (Fri, Sun] holds none.
    ['2025-03-09', '2025-03-07'],
  ])('workingDaysBetween(%s, %s) is a plain 0, not −0 (it would print as "-0" in Intl formats)', (a, b) => {
    expect(workingDaysBetween(a, b)).toBe(0);
  });

  const SAMPLE = [
    '2025-01-01',
    '2025-01-24',
    '2025-01-26',
    '2025-02-05',
    '2025-04-27',
    '2025-05-31',
    '2025-09-27',
    '2025-09-28',
    '2025-10-05',
    '2025-10-11',
    '2025-12-31',
    '2026-01-04',
    '2026-02-14',
    '2026-02-20',
    '2026-02-28',
    '2026-09-20',
    '2026-10-10',
  ];

  it.each(SAMPLE)('is antisymmetric from %s: between(a, b) = −between(b, a)', (a) => {
    for (const b of SAMPLE) {
      // === so that 0 and −0 compare equal here; the sign of zero is checked separately below.
      expect(workingDaysBetween(a, b) === -workingDaysBetween(b, a), `${a}→${b}`).toBe(true);
      expect(
        workingDaysBetween(a, b, noMakeUp) === -workingDaysBetween(b, a, noMakeUp),
        `${a}→${b} off`,
      ).toBe(true);
    }
  });

  it.each(SAMPLE)('is the inverse of addWorkingDays from %s', (a) => {
    for (const cal of [defaultCalendar, noMakeUp]) {
      for (let n = 0; n <= 25; n++) {
        const end = addWorkingDays(a, n, cal);
        // n working days after a ends on a working day (or a itself for n = 0) and counts back to n.
        expect(workingDaysBetween(a, end, cal), `${a}+${n}`).toBe(n);
        if (n > 0) expect(isWorkingDay(end, cal)).toBe(true);
        // Going back n working days from the end: to a when a is a working day, never after a.
        const back = addWorkingDays(end, -n, cal);
        if (isWorkingDay(a, cal)) expect(back).toBe(a);
        else expect(back <= a).toBe(true);
      }
      for (const b of SAMPLE) {
        if (b < a) continue;
        const k = workingDaysBetween(a, b, cal);
        const reached = addWorkingDays(a, k, cal);
        // addWorkingDays(a, workingDaysBetween(a, b)) ≤ b, and = b when b is a working day.
        expect(reached <= b, `${a}..${b}`).toBe(true);
        if (isWorkingDay(b, cal) && b !== a) expect(reached).toBe(b);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('cross-check with the chinese-days package (make-up days counted)', () => {
  it.each([2025, 2026])('every day of %i agrees on working or not', (year) => {
    const mismatches = daysOfYear(year)
      .filter((d) => isWorkingDay(d) !== cdIsWorkday(d))
      .map((d) => `${d}: ours ${isWorkingDay(d)}, chinese-days ${cdIsWorkday(d)}`);
    expect(mismatches).toEqual([]);
    expect(daysOfYear(year)).toHaveLength(365);
  });

  it.each([2025, 2026])(
    'with make-up days off, every day of %i is working exactly when chinese-days says working and it is Mon–Fri',
    (year) => {
      const mismatches = daysOfYear(year).filter(
        (d) => isWorkingDay(d, noMakeUp) !== (cdIsWorkday(d) && !isWeekend(d)),
      );
      expect(mismatches).toEqual([]);
    },
  );

  it.each([SCHEDULE_2025, SCHEDULE_2026])(
    '$year: every day of every holiday block is a holiday and every make-up day a weekend workday in chinese-days',
    (s) => {
      for (const [a, b] of s.holidays) {
        for (let d = a; d <= b; d = shift(d, 1)) expect(cdIsHoliday(d), d).toBe(true);
      }
      for (const m of s.makeUpWorkdays) {
        expect(cdIsWorkday(m), m).toBe(true);
        expect(isWeekend(m), m).toBe(true);
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------

describe('unit overrides and calendar options', () => {
  it.each([
    // A unit rest day on an ordinary Wednesday.
    ['unit rest day on a weekday', { unitRestDays: ['2025-03-05'] }, '2025-03-05', false],
    // A unit rest day on a make-up day beats the make-up day.
    ['unit rest day on a make-up day', { unitRestDays: ['2025-09-28'] }, '2025-09-28', false],
    // A unit working day on a Saturday.
    ['unit working day on a Saturday', { unitWorkDays: ['2025-03-08'] }, '2025-03-08', true],
    // A unit working day inside a statutory holiday beats the holiday.
    ['unit working day in a holiday', { unitWorkDays: ['2025-10-08'] }, '2025-10-08', true],
    // A unit working day on a make-up day still works when make-up days are off.
    [
      'unit working day with make-up days off',
      { unitWorkDays: ['2025-10-11'], countMakeUpDays: false },
      '2025-10-11',
      true,
    ],
    // countMakeUpDays: false makes the make-up day a rest day.
    ['make-up days off', { countMakeUpDays: false }, '2025-10-11', false],
    ['make-up days on explicitly', { countMakeUpDays: true }, '2025-10-11', true],
    // Without any schedules, 10/1 (Wed) is a working day and 9/28 (Sun) is not.
    ['no schedules: former holiday', { schedules: [] }, '2025-10-01', true],
    ['no schedules: former make-up day', { schedules: [] }, '2025-09-28', false],
  ] as const)('%s', (_name, options, date, expected) => {
    const cal = createCalendar(options);
    expect(isWorkingDay(date, cal)).toBe(expected);
  });

  it('overrides change counting: addWorkingDays around them', () => {
    // Unit rest day Thu 3/6: from Wed 3/5, 1 working day is Fri 3/7.
    expect(addWorkingDays('2025-03-05', 1, createCalendar({ unitRestDays: ['2025-03-06'] }))).toBe(
      '2025-03-07',
    );
    // Unit working day Sat 3/8: from Fri 3/7, 1 working day is Sat 3/8.
    expect(addWorkingDays('2025-03-07', 1, createCalendar({ unitWorkDays: ['2025-03-08'] }))).toBe(
      '2025-03-08',
    );
    // Unit working day 10/3 inside National Day: from 9/30, 1 working day is 10/3.
    expect(addWorkingDays('2025-09-30', 1, createCalendar({ unitWorkDays: ['2025-10-03'] }))).toBe(
      '2025-10-03',
    );
  });

  it('the overrides do not leak into the default calendar', () => {
    createCalendar({ unitRestDays: ['2025-03-05'], unitWorkDays: ['2025-03-08'], countMakeUpDays: false });
    expect(isWorkingDay('2025-03-05')).toBe(true);
    expect(isWorkingDay('2025-03-08')).toBe(false);
    expect(isWorkingDay('2025-10-11')).toBe(true);
  });

  it('hasYearSchedule and loadedYears on the default calendar', () => {
    expect(hasYearSchedule(2025)).toBe(true);
    expect(hasYearSchedule(2026)).toBe(true);
    expect(hasYearSchedule(2024)).toBe(false);
    expect(hasYearSchedule(2027)).toBe(false);
    expect(hasYearSchedule(2025, defaultCalendar)).toBe(true);
    expect(loadedYears()).toEqual([2025, 2026]);
  });

  it('schedules replaces the built-in ones; a later entry for the same year wins', () => {
    const only2025 = createCalendar({ schedules: [SCHEDULE_2025] });
    expect(hasYearSchedule(2025, only2025)).toBe(true);
    expect(hasYearSchedule(2026, only2025)).toBe(false);
    // 2026-10-01 (Thu) is an ordinary weekday without the 2026 schedule.
    expect(isWorkingDay('2026-10-01', only2025)).toBe(true);
    const replaced: YearSchedule = {
      year: 2025,
      holidays: [['2025-03-05', '2025-03-05']],
      makeUpWorkdays: [],
      source: 'test',
    };
    const cal = createCalendar({ extraSchedules: [replaced] });
    expect(isWorkingDay('2025-03-05', cal)).toBe(false);
    expect(isWorkingDay('2025-10-01', cal)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('a deadline running into a year without a schedule', () => {
  /** A 2027 schedule made up for the test: New Year 1/1 (Fri)–1/3 (Sun), make-up Sat 1/9; a block 2/8 (Mon)–2/12 (Fri). */
  const SCHEDULE_2027: YearSchedule = {
    year: 2027,
    holidays: [
      ['2027-01-01', '2027-01-03'],
      ['2027-02-08', '2027-02-12'],
    ],
    makeUpWorkdays: ['2027-01-09'],
    source: 'test schedule',
  };
  const with2027 = createCalendar({ extraSchedules: [SCHEDULE_2027] });

  it('2027 is not loaded by default, and is once added with extraSchedules (the built-in years stay)', () => {
    expect(hasYearSchedule(2027)).toBe(false);
    expect(hasYearSchedule(2027, with2027)).toBe(true);
    expect(hasYearSchedule(2025, with2027)).toBe(true);
    expect(hasYearSchedule(2026, with2027)).toBe(true);
    expect(loadedYears(with2027)).toEqual([2025, 2026, 2027]);
  });

  it('without 2027: computed on weekends alone, with a warning in both languages naming 2027', () => {
    // From Wed 2026-12-30: 12/31 (1), Fri 2027-01-01 (2, weekends only), Mon 1/4 (3).
    const d = workingDeadline('2026-12-30', 3);
    expect(d.date).toBe('2027-01-04');
    expect(d.warning).toBeDefined();
    expect(d.warning?.zh).toContain('2027');
    expect(d.warning?.en).toContain('2027');
    expect(d.warning?.zh).toMatch(HAN);
    expect(d.warning?.en).toMatch(LATIN_WORD);
    expect(addWorkingDays('2026-12-30', 3)).toBe('2027-01-04');
  });

  it('with 2027 added: no warning, and the 2027 holiday changes the result', () => {
    // 12/31 (1); 1/1–1/3 off; 1/4 (2), 1/5 (3).
    const d = workingDeadline('2026-12-30', 3, with2027);
    expect(d.date).toBe('2027-01-05');
    expect(d.warning).toBeUndefined();
  });

  it.each([
    // Fri 2/5 + 1: without 2027, Mon 2/8; with it, 2/8–2/12 off → Mon 2/15.
    ['2027-02-05', 1, '2027-02-08', '2027-02-15'],
    // Fri 1/8 + 1: without 2027, Mon 1/11; with it, Sat 1/9 is a make-up day.
    ['2027-01-08', 1, '2027-01-11', '2027-01-09'],
    // Thu 2026-12-31 + 1: without 2027, Fri 1/1; with it, 1/1–1/3 off → Mon 1/4.
    ['2026-12-31', 1, '2027-01-01', '2027-01-04'],
  ] as const)(
    'workingDeadline(%s, %i): %s on weekends alone (warned), %s with 2027',
    (start, days, weekendsOnly, scheduled) => {
      const bare = workingDeadline(start, days);
      expect(bare.date).toBe(weekendsOnly);
      expect(bare.warning?.en).toContain('2027');
      const loaded = workingDeadline(start, days, with2027);
      expect(loaded.date).toBe(scheduled);
      expect(loaded.warning).toBeUndefined();
    },
  );

  it('a deadline that stays inside loaded years has no warning, and `day` matches `date`', () => {
    const d = workingDeadline('2025-09-30', 1);
    expect(d).toEqual({ date: '2025-10-09', day: Date.UTC(2025, 9, 9) / 86_400_000 });
    expect(d.warning).toBeUndefined();
    expect(workingDeadline('2026-12-30', 1).warning).toBeUndefined();
  });

  it('counting back into 2024 (not loaded) also warns, naming 2024', () => {
    // Back from Thu 2025-01-02: 1/1 off, Tue 12/31 (1), Mon 12/30 (2).
    const d = workingDeadline('2025-01-02', -2);
    expect(d.date).toBe('2024-12-30');
    expect(d.warning?.zh).toContain('2024');
    expect(d.warning?.en).toContain('2024');
  });
});

// ---------------------------------------------------------------------------------------------

describe('malformed dates throw a bilingual RangeError', () => {
  const BAD = [
    '2025-2-3',
    '2025-02-30',
    '2025-13-01',
    '20250203',
    '2025/02/03',
    '',
    'abc',
    ' 2025-02-03',
    '2025-02-03T00:00',
  ];

  const expectBilingualRangeError = (fn: () => unknown): void => {
    let caught: unknown;
    try {
      fn();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RangeError);
    const message = (caught as Error).message;
    expect(message).toMatch(HAN);
    expect(message).toMatch(LATIN_WORD);
  };

  it.each(BAD)('%j', (bad) => {
    expectBilingualRangeError(() => addWorkingDays(bad, 1));
    expectBilingualRangeError(() => isWorkingDay(bad));
    expectBilingualRangeError(() => workingDaysBetween(bad, '2025-03-05'));
    expectBilingualRangeError(() => workingDaysBetween('2025-03-05', bad));
    expectBilingualRangeError(() => workingDeadline(bad, 3, createCalendar()));
    expectBilingualRangeError(() => createCalendar({ unitRestDays: [bad] }));
    expectBilingualRangeError(() => createCalendar({ unitWorkDays: [bad] }));
  });

  it('a schedule with a malformed date is rejected by createCalendar too', () => {
    const bad: YearSchedule = {
      year: 2027,
      holidays: [['2027-02-30', '2027-03-01']],
      makeUpWorkdays: [],
      source: 'x',
    };
    expectBilingualRangeError(() => createCalendar({ extraSchedules: [bad] }));
  });
});

// ---------------------------------------------------------------------------------------------

describe('checkYearSchedule', () => {
  const ok: YearSchedule = {
    year: 2027,
    holidays: [
      ['2027-01-01', '2027-01-03'],
      ['2027-02-06', '2027-02-13'],
    ],
    makeUpWorkdays: ['2027-02-14'],
    source: 'x',
  };

  it('a good schedule (as JSON) has no problems', () => {
    expect(checkYearSchedule(JSON.parse(JSON.stringify(ok)))).toEqual([]);
  });

  it.each([
    [
      'a bad date in the second block',
      {
        ...ok,
        holidays: [
          ['2027-01-01', '2027-01-03'],
          ['2027-02-30', '2027-03-02'],
        ],
      },
      ['holidays[1][0]'],
    ],
    ['a date not as YYYY-MM-DD', { ...ok, holidays: [['2027-1-1', '2027-01-03']] }, ['holidays[0][0]']],
    ['a date outside the year', { ...ok, holidays: [['2027-12-31', '2028-01-02']] }, ['holidays[0][1]']],
    [
      'a reversed range',
      {
        ...ok,
        holidays: [
          ['2027-01-01', '2027-01-03'],
          ['2027-02-13', '2027-02-06'],
        ],
      },
      ['holidays[1]'],
    ],
    [
      'a make-up day inside a holiday',
      { ...ok, makeUpWorkdays: ['2027-02-14', '2027-02-10'] },
      ['makeUpWorkdays[1]'],
    ],
    ['a bad make-up date', { ...ok, makeUpWorkdays: ['2027-02-31'] }, ['makeUpWorkdays[0]']],
    ['a make-up day outside the year', { ...ok, makeUpWorkdays: ['2026-12-27'] }, ['makeUpWorkdays[0]']],
    ['a block that is not a pair', { ...ok, holidays: [['2027-01-01']] }, ['holidays[0]']],
    ['holidays missing', { year: 2027, makeUpWorkdays: [] }, ['holidays']],
    ['make-up days missing', { year: 2027, holidays: [] }, ['makeUpWorkdays']],
    ['a year that is not a year', { ...ok, year: '2027' }, ['year']],
    ['not an object', 'holidays', ['']],
    ['null', null, ['']],
  ] as const)('%s', (_name, input, paths) => {
    const problems = checkYearSchedule(JSON.parse(JSON.stringify(input)));
    expect(problems.map((p) => p.path)).toEqual(paths);
    for (const p of problems) {
      expect(p.message.zh).toMatch(HAN);
      expect(p.message.en).toMatch(LATIN_WORD);
    }
  });

  it('reports several problems at once, each at its own path', () => {
    const input = {
      year: 2027,
      holidays: [
        ['2027-01-01', '2027-01-03'],
        ['2027-02-30', '2027-02-10'],
        ['2027-05-05', '2027-05-01'],
      ],
      makeUpWorkdays: ['2027-01-02', 'soon'],
    };
    expect(
      checkYearSchedule(input)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['holidays[1][0]', 'holidays[2]', 'makeUpWorkdays[0]', 'makeUpWorkdays[1]'].sort());
  });

  it('a checked schedule makes a working calendar', () => {
    const cal: WorkingCalendar = createCalendar({ extraSchedules: [ok] });
    expect(isWorkingDay('2027-02-08', cal)).toBe(false);
    expect(isWorkingDay('2027-02-14', cal)).toBe(true);
  });
});
