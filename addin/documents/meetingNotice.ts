import type { WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import type { MeetingFacts } from './meeting';
import type { PrintDocument } from './model';
import { meetingParticipants } from './participants';
import { unitName } from './source';
import { chineseDate, listOf, sheetNameFor } from './words';

/** The place of a meeting, asked for when 协商会议 does not say. */
export const meetingPlace = (facts: MeetingFacts, ask: Asker): string =>
  ask.text(facts.meeting.place, {
    field: 'place',
    zh: `${facts.name}的地点`,
    en: `Where meeting ${facts.meeting.id} is held`,
  });

/**
 * 会议通知 (step 4): the handbook's notice with the meeting's date and place and the meeting's
 * participant list: the administration head, the union's leaders, each department's head by name
 * (from 部门负责人) and the employee representatives. The caller refuses a notice dated after its meeting.
 */
export function meetingNotice(
  check: WorkbookCheck,
  facts: MeetingFacts,
  issuedOn: string,
  ask: Asker,
): PrintDocument {
  const unit = unitName(check, ask);
  const { meeting } = facts;
  const people = meetingParticipants(check, facts, ask);
  const departments = people.departments.length
    ? `${listOf(people.departments.map((d) => `${d.department}负责人${d.head}`))}（根据协商议题确定）`
    : '根据协商议题确定的职能部门负责人';
  const replyBy = ask.date(meeting.replyBy, {
    field: 'replyBy',
    zh: '与会人员名单报送工会办公室的截止日期',
    en: 'Date by which attendees must report their names to the union office',
  });
  const place = meetingPlace(facts, ask);
  const type = meeting.type ? `（${meeting.type}）` : '';
  return {
    kind: 'meetingNotice',
    sheet: sheetNameFor('会议通知', meeting.id),
    title: `关于召开${facts.name}的通知`,
    orientation: 'portrait',
    columns: [10, 10, 10, 10, 10, 10],
    blocks: [
      { type: 'title', text: unit },
      { type: 'title', text: `关于召开${facts.name}的通知` },
      { type: 'gap' },
      { type: 'paragraph', text: '企业行政各部门、工会、各职工代表：' },
      {
        type: 'paragraph',
        indent: true,
        text: `根据《进一步畅通职工群众诉求渠道切实维护职工群众利益工作的实施意见》，为进一步解决职工合理诉求，报经企业行政负责人同意，定于${chineseDate(meeting.date)}在${place}召开工会与行政沟通协商会议${type}，现将与会人员通知如下：`,
      },
      {
        type: 'paragraph',
        indent: true,
        text: `1、企业行政负责人${people.adminHead}；`,
      },
      { type: 'paragraph', indent: true, text: `2、工会负责人${listOf(people.union)}；` },
      { type: 'paragraph', indent: true, text: `3、企业有关职能部门负责人：${departments}；` },
      { type: 'paragraph', indent: true, text: `4、职工代表${listOf(people.employeeReps)}。` },
      {
        type: 'paragraph',
        indent: true,
        text: `因会议内容较为重要，请与会人员于${chineseDate(replyBy)}前将参会人员名单报工会办公室，无特殊情况不得请假、不得替会。`,
      },
      { type: 'gap' },
      { type: 'signature', lines: [`${unit}（章）`, `${unit}工会（章）`, chineseDate(issuedOn)] },
    ],
  };
}
