/**
 * One participant list per meeting (docs/domain.md, "Meeting papers"): the notice, the sign-in sheet
 * and the moderator script name the same people; department heads come from the 部门负责人 table;
 * a notice dated after its meeting is refused.
 */
import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  layoutDocument,
  meetingFacts,
  type DocumentKind,
  type DocumentResult,
} from '../../../addin/documents';
import { Asker } from '../../../addin/documents/ask';
import { meetingParticipants } from '../../../addin/documents/participants';
import { DEMO_DEPARTMENT_HEADS } from '../../../addin/demo/raw';
import { addWorkingDays, checkWorkbook } from '../../../shared';
import { filledWorkbook, textOf } from './fixture';

const w = filledWorkbook();
const meeting = w.check.meetings.find((m) => m.id === w.meetingId);
const meetingDate = meeting?.date ?? '';
const before = addWorkingDays(meetingDate, -5);

const build = (kind: DocumentKind, check = w.check, answers = {}, issuedOn = before): DocumentResult =>
  buildDocument(check, { kind, issuedOn, meetingId: w.meetingId }, answers);

const text = (r: DocumentResult): string => {
  if (r.status !== 'ready') throw new Error(JSON.stringify(r));
  return textOf(layoutDocument(r.document));
};

describe('one participant list per meeting', () => {
  const facts = meetingFacts(w.check, w.meetingId);
  if (!facts) throw new Error('no meeting');
  const people = meetingParticipants(w.check, facts, new Asker({}));

  it('invites every department the topics need, each head by name from 部门负责人', () => {
    expect(facts.departments.length).toBeGreaterThan(1);
    const notice = text(build('meetingNotice'));
    for (const department of facts.departments) {
      const head = DEMO_DEPARTMENT_HEADS.find((d) => d.department === department)?.head;
      // 人力资源部 signed in under its own name on 会议签到表 (王立新, also its head).
      expect(notice, department).toContain(`${department}负责人${head}`);
    }
    expect(notice).not.toMatch(/负责人[、（；，]/);
  });

  it('the notice, the sign-in sheet and the moderator script name the same people', () => {
    const names = people.all.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['周海燕', '孙建国', '王立新', '黄德胜']));
    const papers = (['meetingNotice', 'signInSheet', 'moderatorScript'] as const).map((k) => [
      k,
      text(build(k)),
    ]);
    for (const [kind, paper] of papers)
      for (const name of names) expect(paper, `${kind} ${name}`).toContain(name);
    const sheet = papers[1]?.[1] ?? '';
    for (const d of people.departments) expect(sheet).toContain(`${d.department}\u3000${d.head}`);
  });

  it('a department missing from 部门负责人 is asked for, pointing at that table, and the answer is printed', () => {
    const input = { ...w.input };
    delete input.departmentHeads;
    const check = checkWorkbook(input, { today: w.g.today });
    const asked = build('meetingNotice', check);
    expect(asked.status).toBe('questions');
    if (asked.status !== 'questions') return;
    const missing = facts.departments.filter((d) => d !== '人力资源部');
    expect(asked.questions.map((q) => q.field)).toEqual(missing.map((d) => `departmentHead.${d}`));
    expect(asked.questions[0]).toMatchObject({ setting: 'departmentHeads', kind: 'text' });
    const answers = Object.fromEntries(missing.map((d, i) => [`departmentHead.${d}`, `负责人${i}号`]));
    for (const kind of ['meetingNotice', 'signInSheet', 'moderatorScript'] as const)
      expect(text(build(kind, check, answers)), kind).toContain(`${missing[0]}`);
    expect(text(build('meetingNotice', check, answers))).toContain(`${missing[0]}负责人负责人0号`);
  });

  it('refuses a notice dated after its meeting, naming 落款日期 and 会议日期 in both languages', () => {
    const late = build('meetingNotice', w.check, {}, addWorkingDays(meetingDate, 1));
    expect(late.status).toBe('blocked');
    if (late.status !== 'blocked') return;
    expect(late.reason.zh).toContain('落款日期');
    expect(late.reason.zh).toContain('会议日期');
    expect(late.reason.en).toContain('issue date');
    expect(late.reason.en).toContain('会议日期');
    expect(build('meetingNotice', w.check, {}, meetingDate).status).toBe('ready');
    // The other papers of a meeting may well be printed after it.
    expect(build('signInSheet', w.check, {}, addWorkingDays(meetingDate, 1)).status).toBe('ready');
  });
});
