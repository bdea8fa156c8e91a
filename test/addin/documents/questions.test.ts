import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  layoutDocument,
  type DocumentRequest,
  type DocumentResult,
} from '../../../addin/documents';
import { checkWorkbook, settingsRegister, type WorkbookCheck } from '../../../shared';
import { DEMO_SETTINGS, rawTable } from '../../../addin/demo/raw';
import { cellsOf, filledWorkbook, issueDate, PLACEHOLDER, textOf } from './fixture';

const w = filledWorkbook();
const issuedOn = '2026-03-31';

/** The filled workbook with some settings items left empty. */
function without(...items: string[]): WorkbookCheck {
  const settings = DEMO_SETTINGS.filter(([item]) => !items.includes(item)).map(([item, value]) => ({
    item,
    value,
  }));
  return checkWorkbook(
    { ...w.input, settings: rawTable(settingsRegister, settings, () => 0.95) },
    { today: w.g.today },
  );
}

const build = (
  check: WorkbookCheck,
  request: Omit<DocumentRequest, 'issuedOn'>,
  answers = {},
): DocumentResult =>
  buildDocument(
    check,
    { issuedOn: issueDate(check, request.kind, request.meetingId, issuedOn), ...request },
    answers,
  );

const fields = (r: DocumentResult): string[] =>
  r.status === 'questions' ? r.questions.map((q) => q.field) : [];

describe('what the workbook does not say is asked, never printed blank', () => {
  it('a workbook without the union office address asks for it, and prints the answer', () => {
    const check = without('工会办公室地址');
    const asked = build(check, { kind: 'implementation' });
    expect(asked.status).toBe('questions');
    if (asked.status !== 'questions') return;
    expect(asked.questions).toEqual([
      expect.objectContaining({
        field: 'unionOffice',
        kind: 'text',
        setting: 'unionOffice',
        zh: expect.stringContaining('工会办公室地址'),
      }),
    ]);
    const answered = build(check, { kind: 'implementation' }, { unionOffice: '综合楼二层工会办公室' });
    expect(answered.status).toBe('ready');
    if (answered.status === 'ready')
      expect(textOf(layoutDocument(answered.document))).toContain('工会办公室地址：综合楼二层工会办公室；');
  });

  it('a workbook without a unit name asks for it for every document that prints it', () => {
    const check = without('单位名称');
    for (const kind of [
      'establishment',
      'implementation',
      'meetingNotice',
      'signInSheet',
      'moderatorScript',
      'minutes',
      'circular',
    ] as const)
      expect(fields(build(check, { kind, meetingId: w.meetingId })), kind).toContain('unitName');
    expect(fields(build(check, { kind: 'trackingForm', appealId: w.g.appeals[20]?.id }))).toEqual([
      'unitName',
    ]);
    expect(build(check, { kind: 'appealForm', appealId: w.g.appeals[20]?.id }).status).toBe('ready');
  });

  it('the bare generated workbook asks only for what it lacks; with the answers every document is complete', () => {
    const bare = checkWorkbook(w.g.input, { today: w.g.today });
    expect(fields(build(bare, { kind: 'establishment' }))).toEqual(['members']);
    expect(fields(build(bare, { kind: 'meetingNotice', meetingId: w.meetingId }))).toEqual(['replyBy']);
    const answers = {
      members: '刘晓静、陈家明、王立新',
      replyBy: '2025/2/14',
      supervisors: '工会、职工代表',
    };
    for (const kind of [
      'establishment',
      'meetingNotice',
      'signInSheet',
      'moderatorScript',
      'minutes',
      'circular',
    ] as const) {
      const result = build(bare, { kind, meetingId: w.meetingId }, answers);
      expect(result.status, `${kind} ${JSON.stringify(fields(result))}`).toBe('ready');
      if (result.status !== 'ready') continue;
      for (const cell of cellsOf(layoutDocument(result.document)))
        expect(cell.text, `${kind} ${cell.at}`).not.toMatch(PLACEHOLDER);
    }
    const notice = build(bare, { kind: 'meetingNotice', meetingId: w.meetingId }, answers);
    if (notice.status === 'ready')
      expect(textOf(layoutDocument(notice.document))).toContain('请与会人员于2025年2月14日前');
  });

  it('a date answer that is not a date is asked again with the reason', () => {
    const bare = checkWorkbook(w.g.input, { today: w.g.today });
    const result = build(bare, { kind: 'meetingNotice', meetingId: w.meetingId }, { replyBy: '下周三' });
    expect(result.status).toBe('questions');
    if (result.status === 'questions') {
      expect(result.questions[0]).toMatchObject({ field: 'replyBy', kind: 'date' });
      expect(result.questions[0]?.problem?.zh).toBeTruthy();
    }
  });

  it('refuses what cannot be made: an unknown meeting or appeal, a script with no agenda, a bad issue date', () => {
    expect(build(w.check, { kind: 'meetingNotice', meetingId: 'nope' }).status).toBe('blocked');
    expect(build(w.check, { kind: 'surveyForm', appealId: 'nope' }).status).toBe('blocked');
    const groupMeeting = w.g.meetings.find((m) => m.type === '领导小组工作会议')?.id;
    const script = build(w.check, { kind: 'moderatorScript', meetingId: groupMeeting });
    expect(script).toMatchObject({
      status: 'blocked',
      reason: { zh: expect.stringContaining('还没有议题') },
    });
    expect(build(w.check, { kind: 'meetingNotice', meetingId: groupMeeting }).status).toBe('ready');
    expect(buildDocument(w.check, { kind: 'implementation', issuedOn: '2026-02-30' }).status).toBe('blocked');
  });
});
