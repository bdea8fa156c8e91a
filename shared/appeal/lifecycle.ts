import { chineseDate } from '../calendar/dates';
import type { SurveyRecord } from '../schema/registers';
import { DISSATISFIED, TO_MEETING } from '../schema/valueLists';
import { say, type Bilingual } from '../text';
import { countedSurvey, type AppealCase } from './case';

/** Where an appeal stands in its life (docs/domain.md), derived from its rows; nothing is stored. */
export type AppealStage =
  | 'registered'
  | 'opinion'
  | 'approved'
  | 'awaitingMeeting'
  | 'inProgress'
  | 'finished'
  | 'impossible'
  | 'reported'
  | 'told'
  | 'remediating'
  | 'remedied'
  | 'surveyed';

/** Every stage, in the order of an appeal's life. */
export const APPEAL_STAGES: readonly AppealStage[] = [
  'registered',
  'opinion',
  'approved',
  'awaitingMeeting',
  'inProgress',
  'finished',
  'impossible',
  'reported',
  'told',
  'remediating',
  'remedied',
  'surveyed',
];

/** The stage's name and the next step, as a clerk reads them. */
export const STAGE_TEXT: Readonly<
  Record<AppealStage, { readonly name: Bilingual; readonly next: Bilingual }>
> = {
  registered: {
    name: say('已登记', 'registered'),
    next: say('工会提出初步办理意见', 'the union gives its preliminary opinion'),
  },
  opinion: {
    name: say('工会已提出意见', 'union opinion given'),
    next: say('报行政分管负责人审批', 'the administration approves'),
  },
  approved: {
    name: say('行政已审批', 'approved'),
    next: say('确定办理方式和承办部门', 'choose the handling route and department'),
  },
  awaitingMeeting: {
    name: say('待提交协商会议', 'awaiting a meeting'),
    next: say('列入协商会议议题', 'put it on a meeting agenda'),
  },
  inProgress: {
    name: say('办理中', 'in progress'),
    next: say('承办部门办结后填写办结日期', 'the department finishes it'),
  },
  finished: {
    name: say('已办结', 'finished'),
    next: say('承办部门 3 个工作日内反馈工会', 'the department reports within 3 working days'),
  },
  impossible: {
    name: say('无法办理（已说明）', 'cannot be done (explained)'),
    next: say('承办部门 3 个工作日内反馈工会', 'the department reports within 3 working days'),
  },
  reported: {
    name: say('部门已反馈', 'reported'),
    next: say('工会 3 个工作日内告知诉求人', 'tell the appellant within 3 working days'),
  },
  told: {
    name: say('已告知诉求人', 'appellant told'),
    next: say('开展满意度测评', 'run the satisfaction survey'),
  },
  remediating: {
    name: say('不满意整改中', 'remediating after 不满意'),
    next: say('责任部门按时限整改', 'the department remedies by its deadline'),
  },
  remedied: { name: say('整改已完成', 'remedied'), next: say('再次测评满意度', 'survey satisfaction again') },
  surveyed: { name: say('已测评归档', 'surveyed and archived'), next: say('无', 'none') },
};

/** An appeal's derived state. */
export interface AppealState {
  readonly stage: AppealStage;
  /** Finished (办结) or judged impossible with an explanation. */
  readonly closed: boolean;
  /** Finished (办结), not judged impossible. */
  readonly finished: boolean;
  readonly impossible: boolean;
  /** Handed up to the parent unit and not closed. */
  readonly escalated: boolean;
  /** The survey the appeal is counted by, if any. */
  readonly counted?: SurveyRecord;
}

const on = (date: string | undefined, asOf: string): date is string => date !== undefined && date <= asOf;

/**
 * Derives an appeal's state from its own row and related rows, as it stood on `asOf`
 * (facts dated after it are ignored, so past reports can be rebuilt exactly).
 */
export function deriveState(c: AppealCase, asOf = '9999-12-31'): AppealState {
  const a = c.appeal;
  const closed = on(a.finishedOn, asOf);
  const impossible = closed && !!a.impossibleReason;
  const finished = closed && !impossible;
  const escalated = on(a.escalatedOn, asOf) && !closed;
  const counted = closed && c.surveys.length > 0 ? countedSurvey(c.surveys, asOf) : undefined;
  let stage: AppealStage;
  if (counted?.rating === DISSATISFIED) stage = on(counted.remedyDoneOn, asOf) ? 'remedied' : 'remediating';
  else if (counted) stage = 'surveyed';
  else if (closed && on(a.toldOn, asOf)) stage = 'told';
  else if (closed && on(a.reportedOn, asOf)) stage = 'reported';
  else if (closed) stage = impossible ? 'impossible' : 'finished';
  else if (a.handling === TO_MEETING && c.agenda.length === 0) stage = 'awaitingMeeting';
  else if (a.handling || a.department) stage = 'inProgress';
  else if (a.adminApproval) stage = 'approved';
  else if (a.unionOpinion) stage = 'opinion';
  else stage = 'registered';
  return counted
    ? { stage, closed, finished, impossible, escalated, counted }
    : { stage, closed, finished, impossible, escalated };
}

/** The progress text the quarterly ledger shows in 办理情况. */
export function progressText(c: AppealCase, state: AppealState): string {
  const a = c.appeal;
  const name = STAGE_TEXT[state.stage].name.zh;
  const parts = [name];
  if (state.finished && a.finishedOn) parts.push(`办结于${chineseDate(a.finishedOn)}`);
  if (state.impossible && a.impossibleReason) parts.push(`说明：${a.impossibleReason}`);
  if (!state.closed && a.department) parts.push(`承办部门：${a.department}`);
  if (!state.closed && a.dueOn) parts.push(`完成时限：${chineseDate(a.dueOn)}`);
  if (state.escalated && a.escalatedTo) parts.push(`已上报${a.escalatedTo}`);
  return parts.join('，');
}
