import type { AgendaRecord, WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import { appellantIdentities, identityScrubber } from './identities';
import type { MeetingFacts } from './meeting';
import { chineseDate, listOf, splitList } from './words';

/** One agenda topic as the meeting documents print it: names of appellants already scrubbed. */
export interface TopicText {
  readonly seq: number;
  readonly topic: string;
  readonly employeeRep: string;
  /** '' when the administration has not answered yet. */
  readonly reply: string;
  readonly departments: readonly string[];
  readonly owner: string;
  /** Chinese date, '' when there is no reply (and so no deadline) yet. */
  readonly due: string;
  readonly chairSummary: string;
}

/**
 * The meeting's topics for documents the administration and departments read. Free text passes
 * through the identity scrubber: the agenda may quote an appellant, the documents must not.
 * A topic answered without a deadline asks for one (the register requires it with a reply); the
 * minutes, written after the meeting, also ask for a reply the agenda lacks.
 */
export function topicTexts(
  check: WorkbookCheck,
  facts: MeetingFacts,
  ask: Asker,
  options: { readonly needReply?: boolean } = {},
): TopicText[] {
  const scrub = identityScrubber(appellantIdentities(check));
  return facts.agenda.map((a: AgendaRecord, i) => {
    const seq = a.seq ?? i + 1;
    const recorded = options.needReply
      ? ask.text(a.adminReply, {
          field: `agenda.${seq}.adminReply`,
          zh: `第${seq}个议题“${scrub(a.topic ?? '')}”的行政方答复`,
          en: `The administration's reply to topic ${seq} of meeting ${facts.meeting.id}`,
        })
      : a.adminReply;
    const reply = scrub(recorded ?? '');
    const due = reply
      ? ask.date(a.dueOn, {
          field: `agenda.${seq}.dueOn`,
          zh: `第${seq}个议题“${scrub(a.topic ?? '')}”的完成时限`,
          en: `Deadline of topic ${seq} of meeting ${facts.meeting.id}`,
        })
      : '';
    return {
      seq,
      topic: scrub(a.topic ?? ''),
      employeeRep: a.employeeRep ?? '',
      reply,
      departments: splitList(a.departments),
      owner: a.owner ?? '',
      due: chineseDate(due),
      chairSummary: scrub(a.chairSummary ?? ''),
    };
  });
}

/** The administration's reply as one sentence, with departments, owner and deadline. */
export function replySentence(t: TopicText): string {
  const parts = [
    t.departments.length ? `责任部门：${listOf(t.departments)}` : '',
    t.owner ? `责任人：${t.owner}` : '',
    t.due ? `完成时限：${t.due}` : '',
  ].filter(Boolean);
  const reply = /[。！；]$/.test(t.reply) ? t.reply : `${t.reply}。`;
  return parts.length ? `${reply}${parts.join('；')}。` : reply;
}

/** The chair's summary of a topic: as recorded, else what the meeting decided in one sentence. */
export function summarySentence(t: TopicText): string {
  if (t.chairSummary) return t.chairSummary;
  if (!t.reply) return '请与会各方围绕本议题充分沟通，明确责任部门和完成时限。';
  const who = t.departments.length ? listOf(t.departments) : '承办部门';
  const when = t.due ? `于${t.due}前` : '按期';
  return `本议题已协商一致，请${who}${when}落实到位，办结后及时反馈工会。`;
}
