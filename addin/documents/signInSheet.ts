import type { WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import type { MeetingFacts } from './meeting';
import type { DocCell, PrintDocument } from './model';
import { meetingParticipants } from './participants';
import { unitName } from './source';
import { chineseDate, sheetNameFor } from './words';

/**
 * 会议签到表 (step 5): the handbook's groups 企业行政 / 企业工会 / 行政部门 / 职工代表 with a
 * 本人签字 and a 联系方式 column, one line for each person on the meeting's participant list (the
 * same people the notice invites and the moderator script introduces).
 */
export function signInSheet(check: WorkbookCheck, facts: MeetingFacts, ask: Asker): PrintDocument {
  const unit = unitName(check, ask);
  const lines = meetingParticipants(check, facts, ask).all.map((p) => ({
    group: p.group,
    who: p.position && p.position !== p.group ? `${p.position}\u3000${p.name}` : p.name,
    contact: p.contact,
  }));
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
