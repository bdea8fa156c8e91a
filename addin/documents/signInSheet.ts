import type { SignInRecord, WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import type { MeetingFacts } from './meeting';
import { meetingReps } from './meetingNotice';
import type { DocCell, PrintDocument } from './model';
import { signInOf, unitName } from './source';
import { chineseDate, sheetNameFor } from './words';

type Line = { readonly group: string; readonly who: string; readonly contact: string };

/** The handbook's default lines when nobody has been entered on 会议签到表 for the meeting. */
function defaultLines(check: WorkbookCheck, facts: MeetingFacts, ask: Asker): Line[] {
  const line = (group: string, who: string): Line => ({ group, who, contact: '' });
  const chair = check.settings.unionChair ? '工会主席\u3000' + check.settings.unionChair : '工会主席';
  const departments = facts.departments.length ? facts.departments : ['人力资源部'];
  const reps = facts.workshops.length ? facts.workshops : meetingReps(facts, ask);
  return [
    line('企业行政', '总经理'),
    line('企业行政', '副总经理'),
    line('企业工会', chair),
    line('企业工会', '工会副主席'),
    ...departments.map((d) => line('行政部门', d)),
    ...reps.map((r) => line('职工代表', r)),
  ];
}

const fromRegister = (rows: readonly SignInRecord[], groups: readonly string[]): Line[] =>
  [...rows]
    .sort((a, b) => groups.indexOf(a.group ?? '') - groups.indexOf(b.group ?? ''))
    .map((r) => ({
      group: r.group ?? '',
      who: [r.position, r.name].filter(Boolean).join('　'),
      contact: r.contact ?? '',
    }));

/**
 * 会议签到表 (step 5): the handbook's groups 企业行政 / 企业工会 / 行政部门 / 职工代表 with a
 * 本人签字 and a 联系方式 column; the lines come from 会议签到表, else from the agenda's departments
 * and the workshops that raised its topics.
 */
export function signInSheet(check: WorkbookCheck, facts: MeetingFacts, ask: Asker): PrintDocument {
  const unit = unitName(check, ask);
  const registered = signInOf(check, facts.meeting.id);
  const lines = registered.length
    ? fromRegister(registered, check.lists.signInGroup)
    : defaultLines(check, facts, ask);
  const rows: DocCell[][] = [
    [
      { text: '会议参加人员', span: 2, bold: true, align: 'center' },
      { text: '本人签字', bold: true, align: 'center' },
      { text: '联系方式', bold: true, align: 'center' },
    ],
  ];
  lines.forEach((l, i) => {
    const first = i === 0 || lines[i - 1]?.group !== l.group;
    let size = 1;
    while (lines[i + size]?.group === l.group) size++;
    const rest: DocCell[] = [{ text: l.who }, { text: '' }, { text: l.contact }];
    rows.push(first ? [{ text: l.group, rowSpan: size, align: 'center', bold: true }, ...rest] : rest);
  });
  return {
    kind: 'signInSheet',
    sheet: sheetNameFor('签到表', facts.meeting.id),
    title: `${facts.name}签到表`,
    orientation: 'portrait',
    columns: [10, 20, 15, 15],
    blocks: [
      { type: 'title', text: unit },
      { type: 'title', text: `${facts.name}签到表`, size: 16 },
      { type: 'paragraph', align: 'center', text: chineseDate(facts.meeting.date) },
      { type: 'table', rows, headerRows: 1 },
    ],
  };
}
