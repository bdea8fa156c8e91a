import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appealDeadlines,
  appealRegister,
  buildCases,
  checkWorkbook,
  DEFAULT_SETTINGS,
  defaultCalendar,
  deriveState,
  eachDeadline,
  isOverdue,
  linkCases,
  SCHEMA_VERSION,
  stageText,
  type AppealRecord,
  type AppealStage,
  type SurveyRecord,
} from '../../shared';
import { workbookOf } from '../fixtures/workbook';

const base: AppealRecord = {
  id: '2025-001',
  intakeMethod: '谈话',
  receivedOn: '2025-03-03',
  category: '生活保障类',
  appellant: '张伟',
  content: '食堂饭菜价格偏高',
};

// Each step adds the fields of the next moment in the appeal's life (docs/domain.md).
const steps: [AppealStage, Partial<AppealRecord>, SurveyRecord[]][] = [
  ['registered', {}, []],
  ['opinion', { unionOpinion: '建议后勤部办理', unionChair: '孙建国' }, []],
  ['approved', { adminApproval: '同意', adminSigner: '周海燕' }, []],
  ['inProgress', { handling: '部门直接办理', department: '后勤部', owner: '王磊', dueOn: '2025-03-20' }, []],
  ['finished', { finishedOn: '2025-03-14' }, []],
  ['reported', { reportedOn: '2025-03-17' }, []],
  ['told', { toldOn: '2025-03-18', toldHow: '电话' }, []],
  [
    'surveyed',
    {},
    [
      {
        appealId: '2025-001',
        respondent: '诉求人',
        method: '电话回访',
        rating: '满意',
        surveyedOn: '2025-03-20',
      },
    ],
  ],
];

describe('the life of an appeal', () => {
  it.each(steps.map((s, i) => [s[0], i] as const))('reaches %s', (stage, i) => {
    const appeal = Object.assign({}, base, ...steps.slice(0, i + 1).map((s) => s[1])) as AppealRecord;
    const c = buildCases([appeal], { surveys: steps[i]?.[2] ?? [] })[0];
    expect(c && deriveState(c).stage).toBe(stage);
  });

  it('goes to a meeting when the route is 提交协商会议, and on once it is on an agenda', () => {
    const a = {
      ...base,
      unionOpinion: 'x',
      adminApproval: '同意',
      handling: '提交协商会议',
      department: '人力资源部',
    };
    const [waiting] = buildCases([a], {});
    expect(waiting && deriveState(waiting).stage).toBe('awaitingMeeting');
    const [onAgenda] = buildCases([a], { agenda: [{ meetingId: 'M1', seq: 1, appealId: a.id, topic: 'x' }] });
    expect(onAgenda && deriveState(onAgenda).stage).toBe('inProgress');
  });

  it('an explained impossibility closes the appeal without finishing it', () => {
    const [c] = buildCases(
      [{ ...base, department: '后勤部', finishedOn: '2025-03-10', impossibleReason: '不具备条件' }],
      {},
    );
    const s = c && deriveState(c);
    expect(s).toMatchObject({ stage: 'impossible', closed: true, finished: false, impossible: true });
  });

  it('不满意 reopens it for remediation; the remedy done leaves it awaiting a new survey; a new 满意 archives it', () => {
    const done = {
      ...base,
      department: '后勤部',
      finishedOn: '2025-03-14',
      reportedOn: '2025-03-17',
      toldOn: '2025-03-18',
      toldHow: '电话',
    };
    const bad: SurveyRecord = {
      appealId: base.id,
      respondent: '诉求人',
      method: '电话回访',
      rating: '不满意',
      surveyedOn: '2025-03-20',
      reason: '价格未降',
      remedyDepartment: '后勤部',
      remedy: '调整菜价',
      remedyDueOn: '2025-04-10',
    };
    const stage = (surveys: SurveyRecord[], asOf?: string): AppealStage | undefined => {
      const [c] = buildCases([done], { surveys });
      return c && deriveState(c, asOf).stage;
    };
    expect(stage([bad])).toBe('remediating');
    expect(stage([{ ...bad, remedyDoneOn: '2025-04-08' }])).toBe('remedied');
    expect(stage([{ ...bad, remedyDoneOn: '2025-04-08' }], '2025-04-01')).toBe('remediating');
    const again: SurveyRecord = {
      appealId: base.id,
      respondent: '诉求人',
      method: '电话回访',
      rating: '基本满意',
      surveyedOn: '2025-04-12',
    };
    expect(stage([{ ...bad, remedyDoneOn: '2025-04-08' }, again])).toBe('surveyed');
  });

  it('escalation marks an open appeal, not a closed one', () => {
    const [open] = buildCases(
      [{ ...base, department: '后勤部', escalatedOn: '2025-03-05', escalatedTo: '集团公司工会' }],
      {},
    );
    expect(open && deriveState(open).escalated).toBe(true);
    const [closed] = buildCases(
      [
        {
          ...base,
          department: '后勤部',
          escalatedOn: '2025-03-05',
          escalatedTo: '集团公司工会',
          finishedOn: '2025-03-20',
        },
      ],
      {},
    );
    expect(closed && deriveState(closed).escalated).toBe(false);
  });

  it('the state as of a past day ignores later facts', () => {
    const [c] = buildCases(
      [{ ...base, department: '后勤部', finishedOn: '2025-03-14', reportedOn: '2025-03-17' }],
      {},
    );
    expect(c && deriveState(c, '2025-03-13').stage).toBe('inProgress');
    expect(c && deriveState(c, '2025-03-15').stage).toBe('finished');
  });
});

describe('impossible combinations are errors that name the clashing fields', () => {
  const today = '2025-12-31';
  const okAppeal = { ...base, department: '后勤部' };
  const cases: [
    string,
    Parameters<typeof workbookOf>[0],
    { sheet: string; column: string; code: string; mentions: string[] },
  ][] = [
    [
      'finished before received',
      { appeals: [{ ...okAppeal, finishedOn: '2025-03-01' }] },
      {
        sheet: '职工诉求记录表',
        column: 'finishedOn',
        code: 'date-order',
        mentions: ['办结日期', '受理时间'],
      },
    ],
    [
      'appellant told before the department reported',
      {
        appeals: [
          {
            ...okAppeal,
            finishedOn: '2025-03-10',
            reportedOn: '2025-03-12',
            toldOn: '2025-03-11',
            toldHow: '电话',
          },
        ],
      },
      {
        sheet: '职工诉求记录表',
        column: 'toldOn',
        code: 'date-order',
        mentions: ['告知诉求人日期', '部门反馈日期'],
      },
    ],
    [
      'appellant told with no report at all',
      { appeals: [{ ...okAppeal, finishedOn: '2025-03-10', toldOn: '2025-03-11', toldHow: '电话' }] },
      {
        sheet: '职工诉求记录表',
        column: 'toldOn',
        code: 'needs',
        mentions: ['告知诉求人日期', '部门反馈日期'],
      },
    ],
    [
      'a report before finishing',
      { appeals: [{ ...okAppeal, reportedOn: '2025-03-12' }] },
      {
        sheet: '职工诉求记录表',
        column: 'reportedOn',
        code: 'needs',
        mentions: ['部门反馈日期', '办结日期'],
      },
    ],
    [
      'an impossibility with no date',
      { appeals: [{ ...okAppeal, impossibleReason: '不具备条件' }] },
      {
        sheet: '职工诉求记录表',
        column: 'impossibleReason',
        code: 'needs',
        mentions: ['无法办理说明', '办结日期'],
      },
    ],
    [
      'a survey before finishing',
      {
        appeals: [okAppeal],
        surveys: [
          {
            appealId: base.id,
            respondent: '诉求人',
            method: '电话回访',
            rating: '满意',
            surveyedOn: '2025-03-20',
          },
        ],
      },
      {
        sheet: '满意度调查表',
        column: 'surveyedOn',
        code: 'survey-before-finish',
        mentions: ['2025-001', '办结日期'],
      },
    ],
    [
      'a survey dated before the finish',
      {
        appeals: [{ ...okAppeal, finishedOn: '2025-03-25' }],
        surveys: [
          {
            appealId: base.id,
            respondent: '诉求人',
            method: '电话回访',
            rating: '满意',
            surveyedOn: '2025-03-20',
          },
        ],
      },
      {
        sheet: '满意度调查表',
        column: 'surveyedOn',
        code: 'survey-before-finish',
        mentions: ['满意度调查时间', '办结日期'],
      },
    ],
    [
      'escalation after closing',
      {
        appeals: [
          { ...okAppeal, finishedOn: '2025-03-10', escalatedOn: '2025-03-12', escalatedTo: '集团公司工会' },
        ],
      },
      {
        sheet: '职工诉求记录表',
        column: 'escalatedOn',
        code: 'escalated-after-close',
        mentions: ['上报日期', '办结日期'],
      },
    ],
    [
      'escalation with no parent unit',
      { appeals: [{ ...okAppeal, escalatedOn: '2025-03-12' }] },
      {
        sheet: '职工诉求记录表',
        column: 'escalatedTo',
        code: 'required-when',
        mentions: ['上级单位', '上报日期'],
      },
    ],
    [
      'an anonymous appeal with a phone',
      { appeals: [{ ...okAppeal, appellant: '匿名', phone: '13812345678' }] },
      { sheet: '职工诉求记录表', column: 'phone', code: 'forbidden-when', mentions: ['电话', '匿名'] },
    ],
    [
      '不满意 without reason, department and remedy',
      {
        appeals: [{ ...okAppeal, finishedOn: '2025-03-10' }],
        surveys: [
          {
            appealId: base.id,
            respondent: '诉求人',
            method: '电话回访',
            rating: '不满意',
            surveyedOn: '2025-03-20',
          },
        ],
      },
      { sheet: '满意度调查表', column: 'remedy', code: 'required-when', mentions: ['解决措施', '不满意'] },
    ],
    [
      '不具备条件无法执行 with no explanation',
      {
        appeals: [okAppeal],
        tracking: [{ appealId: base.id, trackedOn: '2025-03-05', status: '不具备条件无法执行' }],
      },
      {
        sheet: '进展情况跟踪表',
        column: 'feedback',
        code: 'required-when',
        mentions: ['受理结果反馈', '不具备条件无法执行'],
      },
    ],
    [
      'tracking before the appeal was received',
      {
        appeals: [okAppeal],
        tracking: [{ appealId: base.id, trackedOn: '2025-03-01', status: '正在进行中' }],
      },
      {
        sheet: '进展情况跟踪表',
        column: 'trackedOn',
        code: 'date-order',
        mentions: ['跟踪时间', '受理时间'],
      },
    ],
    [
      'a finish date in the future',
      { appeals: [{ ...okAppeal, finishedOn: '2026-01-05' }] },
      { sheet: '职工诉求记录表', column: 'finishedOn', code: 'future-date', mentions: ['办结日期'] },
    ],
    [
      'a duplicate 编号',
      { appeals: [okAppeal, { ...okAppeal, content: '另一件' }] },
      { sheet: '职工诉求记录表', column: 'id', code: 'duplicate', mentions: ['2025-001', '第 2 行'] },
    ],
    [
      'a tracking row for a missing 编号',
      {
        appeals: [okAppeal],
        tracking: [{ appealId: '2025-999', trackedOn: '2025-03-05', status: '正在进行中' }],
      },
      {
        sheet: '进展情况跟踪表',
        column: 'appealId',
        code: 'dangling-ref',
        mentions: ['2025-999', '职工诉求记录表'],
      },
    ],
  ];

  it.each(cases)('%s', (_name, records, want) => {
    const problems = checkWorkbook(workbookOf(records), { today }).problems.filter(
      (p) => p.severity === 'error',
    );
    const hit = problems.find(
      (p) => p.sheet === want.sheet && p.column === want.column && p.code === want.code,
    );
    expect(hit, JSON.stringify(problems.map((p) => [p.sheet, p.column, p.code]))).toBeDefined();
    for (const word of want.mentions) expect(hit?.message.zh).toContain(word);
    expect(hit?.message.en.length).toBeGreaterThan(10);
    expect(hit?.row).toBeGreaterThanOrEqual(2);
  });

  it('a consistent appeal has no error', () => {
    const full = {
      ...okAppeal,
      unionOpinion: 'x',
      adminApproval: '同意',
      handling: '部门直接办理',
      dueOn: '2025-03-20',
      finishedOn: '2025-03-14',
      reportedOn: '2025-03-17',
      toldOn: '2025-03-18',
      toldHow: '电话',
    };
    const problems = checkWorkbook(
      workbookOf({
        appeals: [full],
        surveys: [
          {
            appealId: base.id,
            respondent: '诉求人',
            method: '电话回访',
            rating: '满意',
            surveyedOn: '2025-03-20',
          },
        ],
      }),
      { today },
    );
    expect(problems.problems).toEqual([]);
  });
});

describe('cases and their links', () => {
  it('puts each related row with its appeal and says where it went; a repeated 编号 shares the first one’s rows', () => {
    const first: AppealRecord = { ...base, id: 'A1' };
    const other: AppealRecord = { ...base, id: 'A2' };
    const repeat: AppealRecord = { ...base, id: 'A1', content: '重复登记' };
    const noId: AppealRecord = { ...base, id: undefined };
    const tracking = [
      { appealId: 'A2', trackedOn: '2025-03-04' },
      { appealId: 'A9', trackedOn: '2025-03-04' },
      { appealId: 'A1', trackedOn: '2025-03-05' },
      { appealId: 'A1', trackedOn: '2025-03-06' },
      { appealId: 'A1', trackedOn: '2025-03-07' },
      { trackedOn: '2025-03-07' },
    ];
    const surveys = [{ appealId: 'A2', rating: '满意' as const }];
    const { cases, links } = linkCases([first, other, repeat, noId], { tracking, surveys });
    expect([...links.first]).toEqual([0, 1, 0, -1]);
    expect([...links.tracking]).toEqual([1, -1, 0, 0, 0, -1]);
    expect([...links.surveys]).toEqual([1]);
    expect([...links.agenda]).toEqual([]);
    expect(links.positionOf.get('A1')).toBe(0);
    expect(cases.map((c) => c.tracking.length)).toEqual([3, 1, 3, 0]);
    expect(cases[2]?.tracking).toBe(cases[0]?.tracking);
    expect(cases[2]?.appeal.content).toBe('重复登记');
    expect(cases[1]?.surveys).toEqual(surveys);
    expect(buildCases([first, other, repeat, noId], { tracking, surveys })).toEqual(cases);
  });
});

describe('deadlines computed from an appeal row', () => {
  const row: AppealRecord = {
    ...base,
    department: '后勤部',
    dueOn: '2025-10-10',
    finishedOn: '2025-09-30',
    reportedOn: '2025-10-13',
    toldOn: '2025-10-14',
    toldHow: '电话',
  };
  it('lists every duty with its status on the working-day calendar', () => {
    const [c] = buildCases([row], {
      surveys: [
        {
          appealId: base.id,
          respondent: '诉求人',
          rating: '不满意',
          surveyedOn: '2025-10-20',
          remedy: '整改',
          remedyDueOn: '2025-11-05',
          remedyDepartment: '财务部',
        },
      ],
    });
    const d = c ? appealDeadlines(c, DEFAULT_SETTINGS, defaultCalendar, '2025-11-10') : [];
    const byKind = Object.fromEntries(d.map((x) => [x.kind, x]));
    expect(byKind['handling']).toMatchObject({ due: '2025-10-10', status: 'met' });
    // 9/30 + 3 working days across National Day: 10/9, 10/10, 10/11 (make-up Saturday).
    expect(byKind['report']).toMatchObject({ due: '2025-10-11', status: 'late', doneOn: '2025-10-13' });
    expect(byKind['tell']).toMatchObject({ due: '2025-10-16', status: 'met' });
    // Survey within 5 working days of telling: 10/15, 16, 17, 20, 21.
    expect(byKind['survey']).toMatchObject({ due: '2025-10-21', status: 'met', doneOn: '2025-10-20' });
    expect(byKind['remedy']).toMatchObject({ due: '2025-11-05', status: 'overdue', department: '财务部' });
  });

  it('eachDeadline visits the same duties without building them; isOverdue agrees with the status', () => {
    const [c] = buildCases([{ ...row, toldOn: undefined }], {});
    if (!c) throw new Error('no case');
    for (const today of ['2025-10-01', '2025-10-15', '2025-10-17', '2026-01-05']) {
      const visited: [string, string, string | undefined, string][] = [];
      eachDeadline(c, DEFAULT_SETTINGS, defaultCalendar, (kind, due, doneOn, department) =>
        visited.push([kind, due, doneOn, department]),
      );
      const listed = appealDeadlines(c, DEFAULT_SETTINGS, defaultCalendar, today);
      expect(visited).toEqual(listed.map((d) => [d.kind, d.due, d.doneOn, d.department]));
      expect(listed.map((d) => isOverdue(d.due, d.doneOn, today))).toEqual(
        listed.map((d) => d.status === 'overdue'),
      );
    }
    // 10/13 + 3 working days = 10/16: not told, so overdue from the 17th.
    expect(isOverdue('2025-10-16', undefined, '2025-10-17')).toBe(true);
    expect(isOverdue('2025-10-16', undefined, '2025-10-16')).toBe(false);
  });

  it('warns when a deadline runs into a year with no holiday schedule', () => {
    const late = {
      ...row,
      finishedOn: '2026-12-30',
      reportedOn: undefined,
      toldOn: undefined,
      toldHow: undefined,
      dueOn: undefined,
    };
    const problems = checkWorkbook(workbookOf({ appeals: [late] }), { today: '2026-12-31' }).problems;
    const warn = problems.find((p) => p.code === 'no-schedule');
    expect(warn?.severity).toBe('warning');
    expect(warn?.message.zh).toContain('2027');
    expect(warn?.message.en).toContain('2027');
  });
});

// docs/domain.md, "judged impossible": by 无法办理说明 on the register, or by a tracking entry
// 不具备条件无法执行 with its 受理结果反馈, dated by that entry's 跟踪时间.
describe('judged impossible through the tracking form (docs/domain.md)', () => {
  const open: AppealRecord = { ...base, department: '后勤部', receivedOn: '2026-03-02' };
  const judged = {
    appealId: base.id,
    trackedOn: '2026-03-06',
    status: '不具备条件无法执行',
    feedback: '设备已停产，无法更换',
  };

  it('closes the appeal as impossible on the entry’s 跟踪时间, without a 办结日期', () => {
    const [c] = buildCases([open], { tracking: [judged] });
    const s = deriveState(c as NonNullable<typeof c>, '2026-03-31');
    expect(s).toMatchObject({
      stage: 'impossible',
      closed: true,
      finished: false,
      impossible: true,
      closedOn: '2026-03-06',
      explanation: '设备已停产，无法更换',
    });
    // The report is due 3 working days after the judgment: Fri 3/6 → 3/9, 3/10, 3/11.
    const report = appealDeadlines(
      c as NonNullable<typeof c>,
      DEFAULT_SETTINGS,
      defaultCalendar,
      '2026-03-31',
    ).find((d) => d.kind === 'report');
    expect(report).toMatchObject({ due: '2026-03-11', status: 'overdue' });
    // Before the entry's day it was still open.
    expect(deriveState(c as NonNullable<typeof c>, '2026-03-05').closed).toBe(false);
  });

  it('does not close without its 受理结果反馈, nor when a later entry says work goes on', () => {
    const { feedback: _dropped, ...bare } = judged;
    const [a] = buildCases([open], { tracking: [bare] });
    expect(deriveState(a as NonNullable<typeof a>).closed).toBe(false);
    const [b] = buildCases([open], {
      tracking: [judged, { appealId: base.id, trackedOn: '2026-03-12', status: '正在进行中' }],
    });
    expect(deriveState(b as NonNullable<typeof b>).closed).toBe(false);
  });

  it('a report after the judgment needs no 办结日期 in the check', () => {
    const problems = checkWorkbook(
      workbookOf({ appeals: [{ ...open, reportedOn: '2026-03-09' }], tracking: [judged] }),
      { today: '2026-03-31' },
    ).problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  const errorsOf = (records: Parameters<typeof workbookOf>[0], code: string) =>
    checkWorkbook(workbookOf(records), { today: '2026-03-31' }).problems.filter((p) => p.code === code);

  it('register 办结 without 无法办理说明 vs tracking 不具备条件无法执行: both cells named, both languages', () => {
    const hits = errorsOf(
      { appeals: [{ ...open, finishedOn: '2026-03-06' }], tracking: [judged] },
      'impossible-clash',
    );
    expect(hits.map((p) => [p.sheet, p.row, p.column, p.header, p.severity])).toEqual([
      ['职工诉求记录表', 2, 'impossibleReason', '无法办理说明', 'error'],
      ['进展情况跟踪表', 2, 'status', '办理状态', 'error'],
    ]);
    for (const p of hits) {
      expect(p.message.zh).toContain('“进展情况跟踪表”第 2 行“办理状态”');
      expect(p.message.zh).toContain('“职工诉求记录表”第 2 行');
      expect(p.message.en).toContain('进展情况跟踪表 row 2 (status)');
      expect(p.message.en).toContain('职工诉求记录表 row 2');
    }
  });

  it('register 无法办理说明 vs a tracking form whose last word is 已完成: both cells named', () => {
    const hits = errorsOf(
      {
        appeals: [{ ...open, finishedOn: '2026-03-06', impossibleReason: '不具备场地条件' }],
        tracking: [{ appealId: base.id, trackedOn: '2026-03-06', status: '已完成' }],
      },
      'impossible-clash',
    );
    expect(hits.map((p) => [p.sheet, p.column])).toEqual([
      ['职工诉求记录表', 'impossibleReason'],
      ['进展情况跟踪表', 'status'],
    ]);
    expect(hits[0]?.message.zh).toContain('“进展情况跟踪表”第 2 行');
    expect(hits[0]?.message.en).toContain('says 已完成');
  });

  it('both judge it impossible on different days: a warning on 办结日期 and 跟踪时间', () => {
    const hits = errorsOf(
      {
        appeals: [{ ...open, finishedOn: '2026-03-04', impossibleReason: '不具备场地条件' }],
        tracking: [judged],
      },
      'impossible-date-clash',
    );
    expect(hits.map((p) => [p.sheet, p.column, p.severity])).toEqual([
      ['职工诉求记录表', 'finishedOn', 'warning'],
      ['进展情况跟踪表', 'trackedOn', 'warning'],
    ]);
    expect(hits[0]?.message.zh).toContain('2026-03-04');
    expect(hits[0]?.message.zh).toContain('2026-03-06');
  });

  it('agreeing register and tracking form raise nothing', () => {
    const problems = checkWorkbook(
      workbookOf({
        appeals: [{ ...open, finishedOn: '2026-03-06', impossibleReason: '设备已停产' }],
        tracking: [judged],
      }),
      { today: '2026-03-31' },
    ).problems;
    expect(problems.filter((p) => p.code.startsWith('impossible'))).toEqual([]);
  });
});

// docs/domain.md: an anonymous appellant cannot be told one by one; the 公示日期 counts as telling.
describe('an anonymous appeal is told by publication (docs/domain.md)', () => {
  const anon: AppealRecord = {
    ...base,
    appellant: '匿名',
    department: '后勤部',
    receivedOn: '2026-04-01',
    finishedOn: '2026-04-02',
    // Reported Fri 4/3; 4/4–4/6 is the Qingming holiday: tell due 4/7, 4/8, 4/9 → Thu 4/9.
    reportedOn: '2026-04-03',
  };
  const tell = (a: AppealRecord) => {
    const [c] = buildCases([a], {});
    return appealDeadlines(c as NonNullable<typeof c>, DEFAULT_SETTINGS, defaultCalendar, '2026-04-30').find(
      (d) => d.kind === 'tell',
    );
  };

  it('the 公示日期 meets the "tell the appellant" deadline', () => {
    expect(tell({ ...anon, publishedOn: '2026-04-09' })).toMatchObject({
      due: '2026-04-09',
      status: 'met',
      doneOn: '2026-04-09',
    });
    expect(tell(anon)).toMatchObject({ due: '2026-04-09', status: 'overdue' });
  });

  it('a named appeal is not told by a publication', () => {
    expect(tell({ ...anon, appellant: '张伟', publishedOn: '2026-04-09' })).toMatchObject({
      status: 'overdue',
    });
  });

  it('the register has a 公示日期 column, new in schema version 3, after the report', () => {
    const f = appealRegister.fields.find((x) => x.key === 'publishedOn');
    expect(f).toMatchObject({ header: '公示日期', type: 'date', since: 3, notBefore: ['reportedOn'] });
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
  });
});

// docs/domain.md, working days: every "N 个工作日" a clerk reads comes from the unit's 设置.
describe('working-day limits in words come from the settings', () => {
  it('the next step names the unit’s report and telling limits', () => {
    const rules = { reportWithinDays: 5, tellWithinDays: 2 };
    expect(stageText('finished', rules).next).toEqual({
      zh: '承办部门 5 个工作日内反馈工会',
      en: 'the department reports within 5 working days',
    });
    expect(stageText('impossible', rules).next.zh).toContain('5 个工作日');
    expect(stageText('reported', rules).next.zh).toContain('2 个工作日内告知诉求人');
    expect(stageText('reported', rules).next.en).toContain('within 2 working days');
  });

  it('no source text in shared/ or addin/ writes a working-day count as a literal', () => {
    // “最后一个工作日” (the last working day) is a day, not a count.
    const literal = /(?<!最后)[0-9０-９一二三四五六七八九十]+\s*个工作日|within \d+ working days?/;
    const offending: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(e.name))
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              // Comments may explain the rule with an example; text a clerk reads may not.
              if (literal.test(line) && !/^\s*(\*|\/\/|\/\*)/.test(line)) offending.push(`${path}:${i + 1}`);
            });
      }
    };
    walk('shared');
    walk('addin');
    expect(offending).toEqual([]);
  });
});
