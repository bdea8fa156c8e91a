import { deriveState, type TrackingRecord, type WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import type { MeetingFacts } from './meeting';
import type { DocCell, PrintDocument } from './model';
import { unitName } from './source';
import { topicTexts, type TopicText } from './topics';
import { chineseDate, chineseNumber, distinct, listOf, sheetNameFor } from './words';

/** The latest supervision of the meeting's topics between the meeting and the circular. */
function supervision(facts: MeetingFacts, issuedOn: string, ask: Asker) {
  const visits = facts.cases
    .flatMap((c) => c?.tracking ?? [])
    .filter((t): t is TrackingRecord & { trackedOn: string } => !!t.trackedOn)
    .filter((t) => t.trackedOn >= facts.meeting.date && t.trackedOn <= issuedOn)
    .sort((a, b) => (a.trackedOn < b.trackedOn ? -1 : 1));
  const last = visits.at(-1);
  const sameDay = visits.filter((v) => v.trackedOn === last?.trackedOn);
  const on = ask.date(last?.trackedOn, {
    field: 'supervisedOn',
    zh: '督导日期',
    en: 'Date of the supervision visit',
  });
  const who = ask.text(listOf(distinct(sameDay.map((v) => v.supervisors))), {
    field: 'supervisors',
    zh: '督导组成员（如：工会、人力资源部、职工代表）',
    en: 'Who supervised (e.g. the union, HR, employee representatives)',
  });
  const how = ask.text(distinct(sameDay.map((v) => v.method))[0], {
    field: 'supervisionMethod',
    zh: '督导方式（如：实地走访、暗访）',
    en: 'How it was supervised (site visit, unannounced visit…)',
  });
  return { on: chineseDate(on), who, how };
}

/** 办理情况 of one topic on the day of the circular, and whether it was done in time. */
function outcome(t: TopicText, facts: MeetingFacts, i: number, issuedOn: string) {
  const c = facts.cases[i];
  const dept = t.departments.length ? listOf(t.departments) : '承办部门';
  const say = (text: string, onTime = false) => ({ text, onTime });
  if (!c) return say(`尚无办理记录，请${dept}及时反馈工会`);
  const state = deriveState(c, issuedOn);
  const a = c.appeal;
  if (state.impossible) return say(`不具备条件无法执行（${a.impossibleReason}），已作出解释说明`);
  const due = facts.agenda[i]?.dueOn ?? a.dueOn;
  if (state.finished) {
    const late = due !== undefined && (a.finishedOn ?? '') > due;
    const when = late ? `，晚于完成时限${chineseDate(due)}` : '，在规定时间内完成';
    return say(`已于${chineseDate(a.finishedOn)}办结${when}`, !late);
  }
  if (due && due < issuedOn) return say(`已超过完成时限${chineseDate(due)}，仍在办理中，请${dept}抓紧办理`);
  return say(due ? `正在进行中，请${dept}于${chineseDate(due)}前办结` : '正在进行中');
}

/**
 * 情况通报 (step 6): who supervised the meeting's decisions, when and how, and how each topic
 * stands on the day of the circular (from the appeals' dates, as the core derives them).
 */
export function circular(
  check: WorkbookCheck,
  facts: MeetingFacts,
  issuedOn: string,
  ask: Asker,
): PrintDocument {
  const unit = unitName(check, ask);
  const visit = supervision(facts, issuedOn, ask);
  const topics = topicTexts(check, facts, ask);
  const outcomes = topics.map((t, i) => outcome(t, facts, i, issuedOn));
  const onTime = topics.filter((_, i) => outcomes[i]?.onTime);
  const held = chineseDate(facts.meeting.date);
  const title = `关于对${facts.year}年第${chineseNumber(facts.ordinal)}次工会与行政沟通协商机制会议确定事项进行督导的情况通报`;
  const rows: DocCell[][] = [
    ['序号', '议题', '责任部门', '完成时限', '办理情况'].map((text) => ({
      text,
      bold: true,
      align: 'center',
    })),
    ...topics.map((t, i): DocCell[] => [
      { text: String(i + 1), align: 'center' },
      { text: t.topic },
      { text: listOf(t.departments) },
      { text: t.due, align: 'center' },
      { text: outcomes[i]?.text ?? '' },
    ]),
  ];
  const praise = onTime.length
    ? `通过督导情况来看，${listOf(distinct(onTime.flatMap((t) => t.departments)))}等部门，认真落实会议精神，按照会议提出的要求，在规定时间内高质量的完成了${listOf(onTime.map((t) => `“${t.topic}”`))}事项的办理。`
    : '通过督导情况来看，各事项办理情况如下。';
  return {
    kind: 'circular',
    sheet: sheetNameFor('情况通报', facts.meeting.id),
    title,
    orientation: 'portrait',
    columns: [5, 20, 11, 10, 19],
    blocks: [
      { type: 'title', text: `关于对${facts.year}年第${chineseNumber(facts.ordinal)}次` },
      { type: 'title', text: '工会与行政沟通协商机制会议确定事项' },
      { type: 'title', text: '进行督导的情况通报' },
      { type: 'gap' },
      { type: 'paragraph', text: '公司各车间（分厂）、班组、各行政部门：' },
      {
        type: 'paragraph',
        indent: true,
        text: `${visit.on}，由${visit.who}组成的督导组采用${visit.how}的方式，对${held}通过协商研究确定解决的事项进行了督导，现对有关情况进行通报。`,
      },
      {
        type: 'paragraph',
        indent: true,
        text: `${held}，企业召开工会与行政沟通协商会议，研究了${listOf(topics.map((t) => `“${t.topic}”`))}事项的解决办法、责任部门和完成时限。${visit.on}对会议研究落实情况进行了督导。${praise}`,
      },
      { type: 'table', rows, headerRows: 1 },
      { type: 'gap' },
      { type: 'signature', lines: [`${unit}工会（章）`, chineseDate(issuedOn)] },
    ],
  };
}
