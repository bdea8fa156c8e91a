import type { WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import type { MeetingFacts } from './meeting';
import { meetingPlace } from './meetingNotice';
import { meetingReps } from './participants';
import type { DocCell, PrintDocument } from './model';
import { adminHead, unitName } from './source';
import { topicTexts } from './topics';
import { chineseDate, distinct, listOf, sheetNameFor } from './words';

const HEADER = ['序号', '议题内容', '行政方答复', '责任部门', '责任人', '完成时限'];

/**
 * 会议纪要 (step 5): what the meeting decided, topic by topic, for the departments that must act.
 * Landscape: the decisions table is six columns wide.
 */
export function minutes(
  check: WorkbookCheck,
  facts: MeetingFacts,
  issuedOn: string,
  ask: Asker,
): PrintDocument {
  const unit = unitName(check, ask);
  const { meeting } = facts;
  const place = meetingPlace(facts, ask);
  const moderator = ask.text(meeting.moderator || check.settings.unionChair, {
    field: 'moderator',
    zh: `${facts.name}的主持人（一般为工会主席）`,
    en: `Moderator of meeting ${meeting.id} (usually the union chair)`,
  });
  const topics = topicTexts(check, facts, ask, { needReply: true });
  const departments = distinct(topics.flatMap((t) => t.departments));
  const attendees =
    meeting.participants ||
    listOf([
      `企业行政负责人${adminHead(check, ask, meeting.adminHead)}`,
      ...departments.map((d) => `${d}负责人`),
      `职工代表${listOf(meetingReps(facts, ask))}`,
    ]);
  const rows: DocCell[][] = [
    HEADER.map((text) => ({ text, bold: true, align: 'center' })),
    ...topics.map((t, i): DocCell[] => [
      { text: String(i + 1), align: 'center' },
      { text: t.topic },
      { text: t.reply },
      { text: listOf(t.departments) },
      { text: t.owner, align: 'center' },
      { text: t.due, align: 'center' },
    ]),
  ];
  const type = meeting.type ? `（${meeting.type}）` : '';
  const { reportWithinDays, tellWithinDays } = check.settings;
  return {
    kind: 'minutes',
    sheet: sheetNameFor('会议纪要', meeting.id),
    title: `${facts.name}纪要`,
    orientation: 'landscape',
    columns: [5, 27, 27, 13, 8, 12],
    blocks: [
      { type: 'title', text: unit },
      { type: 'title', text: `${facts.name}纪要` },
      { type: 'gap' },
      {
        type: 'paragraph',
        indent: true,
        text: `${chineseDate(meeting.date)}，${unit}在${place}召开${facts.name}${type}。会议由${moderator}主持，${attendees}参加。会议就以下${topics.length}项议题进行了沟通协商，形成纪要如下：`,
      },
      { type: 'table', rows, headerRows: 1 },
      {
        type: 'paragraph',
        indent: true,
        text: `会议要求：各责任部门要按照会议确定的内容认真落实，在事项办结后${reportWithinDays}个工作日内将办理结果反馈工会；工会在收到反馈后${tellWithinDays}个工作日内将办理过程和结果告知诉求提出者，并在职工中开展满意度测评。无法解决或短期内难以解决的，应向诉求者做出合理的解释说明。`,
      },
      {
        type: 'paragraph',
        text: `送：${departments.length ? listOf(departments) : '企业行政各部门'}、各职工代表。`,
      },
      { type: 'gap' },
      { type: 'signature', lines: [`${unit}工会`, chineseDate(issuedOn)] },
    ],
  };
}
