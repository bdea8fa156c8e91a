import { describe, expect, it } from 'vitest';
import {
  buildCases,
  checkWorkbook,
  computeFigures,
  createCalendar,
  DEFAULT_SETTINGS,
  defaultCalendar,
  formatRate,
  RATE_KEYS,
  type AppealRecord,
  type RateKey,
  deriveState,
  type SurveyRecord,
  type TrackingRecord,
} from '../../shared';
import { generateWorkbook, type Fate } from '../../addin/demo/generate';

const rules = DEFAULT_SETTINGS;

describe('figures on the generated workbook agree with how each appeal was built', () => {
  const g = generateWorkbook();
  const check = checkWorkbook(g.input, { today: g.today });

  it('reads the generated workbook with no errors', () => {
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(check.cases).toHaveLength(336);
  });

  it.each([1, 2, 3, 4] as const)('quarter %i', (quarter) => {
    const fates = [...g.fates.values()].filter((f) => f.quarter === quarter);
    const count = (pred: (f: Fate) => boolean): number => fates.filter(pred).length;
    const expected: Record<RateKey, [number, number]> = {
      closedRate: [count((f) => f.closed), fates.length],
      onTimeFinishRate: [count((f) => f.finished && f.finishOnTime === true), count((f) => f.finished)],
      onTimeReportRate: [
        count((f) => f.report === 'onTime'),
        count((f) => f.report !== undefined && f.report !== 'notDue'),
      ],
      onTimeTellRate: [
        count((f) => f.tell === 'onTime'),
        count((f) => f.tell !== undefined && f.tell !== 'notDue'),
      ],
      satisfactionRate: [
        count((f) => f.rating !== undefined && f.rating !== '不满意'),
        count((f) => f.rating !== undefined),
      ],
      remedyRate: [count((f) => f.rating === '不满意'), count((f) => f.rating === '不满意')],
    };
    const figures = computeFigures(
      check.cases,
      { year: g.year, quarter },
      { asOf: g.today, calendar: defaultCalendar, rules },
    );
    expect(figures.received).toBe(fates.length);
    for (const key of RATE_KEYS) {
      const r = figures.rates[key];
      expect([key, r.numerator, r.denominator]).toEqual([key, ...expected[key]]);
      expect(r.text).toBe(formatRate(...expected[key]));
    }
  });

  it('every stage of an appeal occurs in every quarter', () => {
    for (const q of [1, 2, 3, 4]) {
      const stages = new Set([...g.fates.values()].filter((f) => f.quarter === q).map((f) => f.stage));
      expect(stages.size).toBe(12);
    }
  });
});

// A hand-built quarter (2025 Q4, around National Day) whose figures were worked out on paper.
// Report and tell deadlines are 3 working days; 10/1–10/8 are off, 9/28 and 10/11 are worked.
const appeals: AppealRecord[] = [
  // A: finished 9/30 by its deadline; report due 10/11 (10/9, 10/10, 10/11); reported 10/11 → on time; told 10/14 (due 10/16) → on time.
  {
    id: 'A',
    receivedOn: '2025-09-01',
    department: '后勤部',
    dueOn: '2025-09-30',
    finishedOn: '2025-09-30',
    reportedOn: '2025-10-11',
    toldOn: '2025-10-14',
    toldHow: '电话',
  },
  // B: finished 10/20 after its deadline 10/15; reported 10/24 (due 10/23) → late; told 10/27 (due 10/29) → on time.
  {
    id: 'B',
    receivedOn: '2025-10-09',
    department: '财务部',
    dueOn: '2025-10-15',
    finishedOn: '2025-10-20',
    reportedOn: '2025-10-24',
    toldOn: '2025-10-27',
    toldHow: '面谈',
  },
  // C: judged impossible 11/3 (explained); not reported, due 11/6 → overdue by the report date.
  {
    id: 'C',
    receivedOn: '2025-10-10',
    department: '工程部',
    finishedOn: '2025-11-03',
    impossibleReason: '不具备场地条件',
  },
  // D: finished 12/29 with no deadline; report due 2026-01-04 (12/30, 12/31, then 1/4, a make-up working Sunday).
  { id: 'D', receivedOn: '2025-11-20', department: '后勤部', finishedOn: '2025-12-29' },
  // E: in progress; F: registered only. Neither is closed.
  { id: 'E', receivedOn: '2025-12-01', department: '人力资源部', dueOn: '2025-12-31' },
  { id: 'F', receivedOn: '2025-12-15' },
  // H: finished Fri 9/26, reported 10/9. Make-up days on: due 9/30 (9/28 Sun worked, 9/29, 9/30) → late.
  // Make-up days off: due 10/9 (9/29, 9/30, then the holiday to 10/8, 10/9) → on time.
  {
    id: 'H',
    receivedOn: '2025-09-01',
    department: '后勤部',
    finishedOn: '2025-09-26',
    reportedOn: '2025-10-09',
  },
  // G: received in Q3 — not counted in Q4.
  { id: 'G', receivedOn: '2025-09-30', department: '后勤部', finishedOn: '2025-10-09' },
];
const surveys: SurveyRecord[] = [
  // A: appellant 满意, representative 不满意 → counted as 满意 (the appellant's own rating).
  { appealId: 'A', respondent: '诉求人', rating: '满意', surveyedOn: '2025-10-20' },
  {
    appealId: 'A',
    respondent: '职工代表',
    rating: '不满意',
    surveyedOn: '2025-10-21',
    reason: '慢',
    remedyDepartment: '后勤部',
    remedy: '加快',
    remedyDueOn: '2025-11-10',
  },
  // B: only a representative, rated 不满意 with no remedy yet.
  { appealId: 'B', respondent: '职工代表', rating: '不满意', surveyedOn: '2025-10-30', reason: '未解决' },
];

describe('figures on a hand-built quarter', () => {
  const cases = buildCases(appeals, { surveys });
  const q4 = { year: 2025, quarter: 4 } as const;

  it('as of 2026-01-02: D not reported and not yet due', () => {
    const f = computeFigures(cases, q4, { asOf: '2026-01-02', calendar: defaultCalendar, rules });
    // Received in Q4: B, C, D, E, F (A was received 9/1, G 9/30).
    expect(f.received).toBe(5);
    expect([f.rates.closedRate.numerator, f.rates.closedRate.denominator]).toEqual([3, 5]); // B, C, D
    expect(f.rates.closedRate.text).toBe('60.0%');
    expect([f.rates.onTimeFinishRate.numerator, f.rates.onTimeFinishRate.denominator]).toEqual([0, 1]); // only B has a deadline, late
    // Report: B late; C judged impossible → not finished, left out; D due 2026-01-05 → left out.
    expect([f.rates.onTimeReportRate.numerator, f.rates.onTimeReportRate.denominator]).toEqual([0, 1]);
    expect([f.rates.onTimeTellRate.numerator, f.rates.onTimeTellRate.denominator]).toEqual([1, 1]); // B told in time
    expect([f.rates.satisfactionRate.numerator, f.rates.satisfactionRate.denominator]).toEqual([0, 1]); // B 不满意
    expect([f.rates.remedyRate.numerator, f.rates.remedyRate.denominator]).toEqual([0, 1]); // B has no remedy
    expect(f.rates.remedyRate.text).toBe('0.0%');
  });

  it('as of 2026-01-06: D is now overdue and counts', () => {
    const f = computeFigures(cases, q4, { asOf: '2026-01-06', calendar: defaultCalendar, rules });
    // B late, D overdue; C (impossible) is never in 按时反馈率.
    expect([f.rates.onTimeReportRate.numerator, f.rates.onTimeReportRate.denominator]).toEqual([0, 2]);
  });

  it('as of 2025-10-25 the later facts are ignored', () => {
    const f = computeFigures(cases, q4, { asOf: '2025-10-25', calendar: defaultCalendar, rules });
    expect(f.received).toBe(2); // B and C
    expect([f.rates.closedRate.numerator, f.rates.closedRate.denominator]).toEqual([1, 2]); // C not yet judged
    expect(f.rates.satisfactionRate.text).toBe('—');
    expect(f.rates.satisfactionRate.value).toBeNull();
  });

  it('Q3 counts A, G and H: A counted as 满意 by the appellant despite the representative', () => {
    const f = computeFigures(
      cases,
      { year: 2025, quarter: 3 },
      { asOf: '2026-01-06', calendar: defaultCalendar, rules },
    );
    expect(f.received).toBe(3);
    expect([f.rates.onTimeReportRate.numerator, f.rates.onTimeReportRate.denominator]).toEqual([1, 3]); // A on time; G overdue; H late
    expect([f.rates.satisfactionRate.numerator, f.rates.satisfactionRate.denominator]).toEqual([1, 1]);
    expect(f.rates.remedyRate.text).toBe('—');
  });

  it('with make-up days not counted, H becomes on time and A stays on time', () => {
    const cal = createCalendar({ countMakeUpDays: false });
    const f = computeFigures(cases, { year: 2025, quarter: 3 }, { asOf: '2026-01-06', calendar: cal, rules });
    // A's report due moves to 10/13 (10/9, 10/10, 10/13): 10/11 still on time. G (finished 10/9) stays overdue.
    expect([f.rates.onTimeReportRate.numerator, f.rates.onTimeReportRate.denominator]).toEqual([2, 3]);
  });

  it('states each numerator and denominator in words', () => {
    const f = computeFigures(cases, q4, { asOf: '2026-01-06', calendar: defaultCalendar, rules });
    for (const key of RATE_KEYS) {
      expect(f.rates[key].numeratorText.zh.length).toBeGreaterThan(4);
      expect(f.rates[key].denominatorText.en.length).toBeGreaterThan(4);
    }
  });
});

// docs/domain.md, figures: 按时反馈率 counts finished appeals only; 按时告知率 counts an anonymous
// appeal's 公示日期; the words name the unit's working-day limits. Worked out by hand on 2026's calendar.
describe('按时反馈率, 按时告知率 and their words (docs/domain.md, figures)', () => {
  const q1 = { year: 2026, quarter: 1 } as const;
  const at = (asOf: string, list: AppealRecord[], tracking: TrackingRecord[] = [], r = rules) =>
    computeFigures(buildCases(list, { tracking }), q1, { asOf, calendar: defaultCalendar, rules: r });

  it('leaves appeals judged impossible out of 按时反馈率, by the register or by the tracking form', () => {
    const list: AppealRecord[] = [
      // Finished Mon 3/2, report due Thu 3/5 (3/3, 3/4, 3/5); reported 3/4 → on time.
      {
        id: 'K1',
        receivedOn: '2026-03-02',
        department: '后勤部',
        finishedOn: '2026-03-02',
        reportedOn: '2026-03-04',
      },
      // Impossible by the register on 3/2, never reported: overdue, but not finished → left out.
      {
        id: 'K2',
        receivedOn: '2026-03-02',
        department: '后勤部',
        finishedOn: '2026-03-02',
        impossibleReason: '无场地',
      },
      // Impossible by the tracking form on 3/3, no 办结日期, never reported → left out too.
      { id: 'K3', receivedOn: '2026-03-02', department: '后勤部' },
    ];
    const tracking: TrackingRecord[] = [
      {
        appealId: 'K3',
        trackedOn: '2026-03-03',
        status: '不具备条件无法执行',
        feedback: '设备停产，无法更换',
      },
    ];
    const f = at('2026-03-31', list, tracking);
    expect([f.rates.closedRate.numerator, f.rates.closedRate.denominator]).toEqual([3, 3]);
    expect([f.rates.onTimeReportRate.numerator, f.rates.onTimeReportRate.denominator]).toEqual([1, 1]);
    expect(f.rates.onTimeReportRate.denominatorText.en).toMatch(/^finished appeals/);
    expect(f.rates.onTimeReportRate.denominatorText.en).not.toMatch(/closed/);
    expect(f.rates.onTimeReportRate.denominatorText.zh).toContain('不含无法办理');
  });

  it("counts an anonymous appeal's 公示日期 as telling it", () => {
    const list: AppealRecord[] = [
      // Reported Fri 2/13; tell due: 2/14 is a make-up working Saturday, then the Spring Festival
      // holiday 2/15–2/23, so 2/24 and 2/25 → due Wed 2/25. Published 2/25 → on time.
      {
        id: 'N1',
        receivedOn: '2026-02-02',
        appellant: '匿名',
        department: '后勤部',
        finishedOn: '2026-02-12',
        reportedOn: '2026-02-13',
        publishedOn: '2026-02-25',
      },
      // Named: a publication is not telling the appellant; due Wed 2/25, not told by 3/31 → overdue.
      {
        id: 'N2',
        receivedOn: '2026-02-02',
        appellant: '张伟',
        department: '后勤部',
        finishedOn: '2026-02-12',
        reportedOn: '2026-02-13',
        publishedOn: '2026-02-25',
      },
      // Anonymous, published Thu 2/26: one working day late.
      {
        id: 'N3',
        receivedOn: '2026-02-02',
        appellant: '匿名',
        department: '后勤部',
        finishedOn: '2026-02-12',
        reportedOn: '2026-02-13',
        publishedOn: '2026-02-26',
      },
    ];
    const f = at('2026-03-31', list);
    expect([f.rates.onTimeTellRate.numerator, f.rates.onTimeTellRate.denominator]).toEqual([1, 3]);
    const states = buildCases(list, {}).map((c) => deriveState(c, '2026-03-31').stage);
    expect(states).toEqual(['told', 'reported', 'told']);
  });

  it('names the unit’s working-day limits, not a literal 3', () => {
    const f = at('2026-03-31', [], [], { ...rules, reportWithinDays: 5, tellWithinDays: 2 });
    expect(f.rates.onTimeReportRate.numeratorText.zh).toContain('办结后 5 个工作日内');
    expect(f.rates.onTimeReportRate.numeratorText.en).toContain('within 5 working days');
    expect(f.rates.onTimeTellRate.numeratorText.zh).toContain('收到反馈后 2 个工作日内');
    expect(f.rates.onTimeTellRate.numeratorText.en).toContain('within 2 working days');
  });
});
