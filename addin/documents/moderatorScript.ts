import type { WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import { SCRIPT_CLOSING } from './handbook';
import type { MeetingFacts } from './meeting';
import type { DocBlock, PrintDocument } from './model';
import { meetingParticipants } from './participants';
import { unitName } from './source';
import { replySentence, summarySentence, topicTexts, type TopicText } from './topics';
import { chineseDate, chineseNumber, listOf, sheetNameFor } from './words';

const line = (text: string, indent = true): DocBlock => ({ type: 'paragraph', indent, text });

/** How many topics of each 受理类别: 工资福利类2项，生活保障类1项. */
function categoryCounts(facts: MeetingFacts): string {
  const counts = new Map<string, number>();
  for (const c of facts.cases) {
    const cat = c?.appeal.category ?? '其他';
    counts.set(cat, (counts.get(cat) ?? 0) + 1);
  }
  return [...counts].map(([cat, n]) => `${cat}${n}项`).join('，');
}

/** The handbook's section for one topic: the representative, the administration, the chair. */
function topicSection(t: TopicText, i: number): DocBlock[] {
  const rep = t.employeeRep ? `职工代表${t.employeeRep}` : '职工代表';
  const reply = t.reply
    ? replySentence(t)
    : '（请企业行政就本议题给予答复，明确一个或多个职能部门，明确完成时限。）';
  return [
    line(`${chineseNumber(i + 1)}、下面就第${chineseNumber(i + 1)}个议题进行协商：${t.topic}`, false),
    line(`${rep}：提出诉求——${t.topic}`),
    line(`行政方答复：${reply}`),
    line(`工会主席：${summarySentence(t)}`),
  ];
}

/**
 * 主持词 (step 5): the handbook's script with one section per agenda topic, read aloud in front of
 * the administration, so it names workshops and never an appellant.
 */
export function moderatorScript(check: WorkbookCheck, facts: MeetingFacts, ask: Asker): PrintDocument {
  const unit = unitName(check, ask);
  const chair = ask.text(facts.meeting.moderator || check.settings.unionChair, {
    field: 'moderator',
    zh: `${facts.name}的主持人（一般为工会主席）`,
    en: `Moderator of meeting ${facts.meeting.id} (usually the union chair)`,
  });
  const people = meetingParticipants(check, facts, ask);
  const head = people.adminHead;
  const topics = topicTexts(check, facts, ask);
  // The handbook's moderator is the union chair; another moderator is not given the chair's title.
  const isChair = !check.settings.unionChair || chair === check.settings.unionChair;
  const raisedBy = facts.workshops.length ? `${listOf(facts.workshops)}职工` : '职工';
  const responsible = topics
    .filter((t) => t.departments.length)
    .map((t) => `${listOf(t.departments)}${t.owner ? `（责任人${t.owner}）` : ''}负责“${t.topic}”`);
  return {
    kind: 'moderatorScript',
    sheet: sheetNameFor('主持词', facts.meeting.id),
    title: `${facts.name}主持词`,
    orientation: 'portrait',
    columns: [10, 10, 10, 10, 10, 10],
    blocks: [
      { type: 'title', text: unit },
      { type: 'title', text: facts.name, size: 16 },
      { type: 'title', text: '主 持 词' },
      { type: 'paragraph', align: 'center', text: `（${chineseDate(facts.meeting.date)}）` },
      { type: 'paragraph', align: 'center', text: `主持人：${chair}${isChair ? '（企业工会主席）' : ''}` },
      { type: 'gap' },
      line('各位代表：', false),
      line(
        `现在召开${unit}${facts.name}，主要任务是通过沟通协商会议解决${raisedBy}提出的${listOf(topics.map((t) => `“${t.topic}”`))}等诉求。`,
      ),
      line(
        `参加今天沟通会议人员有：企业行政负责人${head}，${people.departments.map((d) => `${d.department}负责人${d.head}，`).join('')}职工代表${listOf(people.employeeReps)}，我是${isChair ? '工会主席' : ''}${chair}，今天的沟通协商会议由我来主持。前期我们通过多种方式将征集到的议题进行了分类整理汇总，共确定协商议题${topics.length}项，${categoryCounts(facts)}。下面会议正式开始。`,
      ),
      ...topics.flatMap(topicSection),
      line(`${chineseNumber(topics.length + 1)}、企业行政负责人${head}同志讲话`, false),
      line(
        responsible.length
          ? `（根据会议协商议题确定的责任部门，再做进一步强调，明确责任部门、责任人：${responsible.join('；')}。）`
          : '（根据会议协商议题确定的责任部门，再做进一步强调，明确责任部门、责任人。）',
      ),
      ...SCRIPT_CLOSING.map((t) => line(t)),
    ],
  };
}
