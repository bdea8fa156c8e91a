import { chineseDate } from '../calendar/dates';
import type { SurveyRecord } from '../schema/registers';
import { DISSATISFIED, TO_MEETING } from '../schema/valueLists';
import type { UnitSettings } from '../schema/settings';
import { say, type Bilingual } from '../text';
import { countedSurvey, toldDate, trackedImpossibility, type AppealCase } from './case';

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

/** The working-day limits the next steps name: the unit's settings, never a literal. */
export type StageRules = Pick<UnitSettings, 'reportWithinDays' | 'tellWithinDays'>;

/** The stage's name and the next step, as a clerk reads them, with the unit's working-day limits. */
export function stageText(
  stage: AppealStage,
  rules: StageRules,
): { readonly name: Bilingual; readonly next: Bilingual } {
  const report = say(
    `承办部门 ${rules.reportWithinDays} 个工作日内反馈工会`,
    `the department reports within ${rules.reportWithinDays} working days`,
  );
  const tell = say(
    `工会 ${rules.tellWithinDays} 个工作日内告知诉求人（匿名诉求予以公示）`,
    `tell the appellant within ${rules.tellWithinDays} working days (publish it for an anonymous appeal)`,
  );
  const next: Record<AppealStage, Bilingual> = {
    registered: say('工会提出初步办理意见', 'the union gives its preliminary opinion'),
    opinion: say('报行政分管负责人审批', 'the administration approves'),
    approved: say('确定办理方式和承办部门', 'choose the handling route and department'),
    awaitingMeeting: say('列入协商会议议题', 'put it on a meeting agenda'),
    inProgress: say('承办部门办结后填写办结日期', 'the department finishes it'),
    finished: report,
    impossible: report,
    reported: tell,
    told: say('开展满意度测评', 'run the satisfaction survey'),
    remediating: say('责任部门按时限整改', 'the department remedies by its deadline'),
    remedied: say('再次测评满意度', 'survey satisfaction again'),
    surveyed: say('无', 'none'),
  };
  return { name: STAGE_NAME[stage], next: next[stage] };
}

/** Each stage's name, as a clerk reads it. */
export const STAGE_NAME: Readonly<Record<AppealStage, Bilingual>> = {
  registered: say('已登记', 'registered'),
  opinion: say('工会已提出意见', 'union opinion given'),
  approved: say('行政已审批', 'approved'),
  awaitingMeeting: say('待提交协商会议', 'awaiting a meeting'),
  inProgress: say('办理中', 'in progress'),
  finished: say('已办结', 'finished'),
  impossible: say('无法办理（已说明）', 'cannot be done (explained)'),
  reported: say('部门已反馈', 'reported'),
  told: say('已告知诉求人', 'appellant told'),
  remediating: say('不满意整改中', 'remediating after 不满意'),
  remedied: say('整改已完成', 'remedied'),
  surveyed: say('已测评归档', 'surveyed and archived'),
};

/** An appeal's derived state. */
export interface AppealState {
  readonly stage: AppealStage;
  /** Finished (办结) or judged impossible with an explanation. */
  readonly closed: boolean;
  /** The day it closed: its 办结日期, or the 跟踪时间 of the tracking entry that judged it impossible. */
  readonly closedOn?: string;
  /** Finished (办结), not judged impossible. */
  readonly finished: boolean;
  readonly impossible: boolean;
  /** Why it cannot be done: the register's 无法办理说明, else the tracking entry's 受理结果反馈. */
  readonly explanation?: string;
  /** Handed up to the parent unit and not closed. */
  readonly escalated: boolean;
  /** The survey the appeal is counted by, if any. */
  readonly counted?: SurveyRecord;
}

const on = (date: string | undefined, asOf: string): date is string => date !== undefined && date <= asOf;

/**
 * Derives an appeal's state from its own row and related rows, as it stood on `asOf`
 * (facts dated after it are ignored, so past reports can be rebuilt exactly). Without a 办结日期, a
 * tracking entry 不具备条件无法执行 with its 受理结果反馈 judges it impossible on that entry's day.
 */
export function deriveState(c: AppealCase, asOf = '9999-12-31'): AppealState {
  const a = c.appeal;
  const finishedOn = on(a.finishedOn, asOf) ? a.finishedOn : undefined;
  // The register's 办结日期 decides when it has one; the tracking form closes an appeal without one
  // (a disagreement between them is the check's to report).
  const byTracking = finishedOn === undefined ? trackedImpossibility(c.tracking, asOf) : undefined;
  const closedOn = finishedOn ?? byTracking?.trackedOn;
  const closed = closedOn !== undefined;
  const explanation = finishedOn && a.impossibleReason ? a.impossibleReason : byTracking?.feedback;
  const impossible = closed && explanation !== undefined;
  const finished = closed && !impossible;
  const escalated = on(a.escalatedOn, asOf) && !closed;
  const counted = closed && c.surveys.length > 0 ? countedSurvey(c.surveys, asOf) : undefined;
  let stage: AppealStage;
  if (counted?.rating === DISSATISFIED) stage = on(counted.remedyDoneOn, asOf) ? 'remedied' : 'remediating';
  else if (counted) stage = 'surveyed';
  else if (closed && on(toldDate(a), asOf)) stage = 'told';
  else if (closed && on(a.reportedOn, asOf)) stage = 'reported';
  else if (closed) stage = impossible ? 'impossible' : 'finished';
  else if (a.handling === TO_MEETING && c.agenda.length === 0) stage = 'awaitingMeeting';
  else if (a.handling || a.department) stage = 'inProgress';
  else if (a.adminApproval) stage = 'approved';
  else if (a.unionOpinion) stage = 'opinion';
  else stage = 'registered';
  // One shape for every state (absent facts undefined): figures derive thousands of them.
  return {
    stage,
    closed,
    closedOn,
    finished,
    impossible,
    explanation: impossible ? explanation : undefined,
    escalated,
    counted,
  };
}

/** The progress text the quarterly ledger shows in 办理情况. */
export function progressText(c: AppealCase, state: AppealState): string {
  const a = c.appeal;
  const name = STAGE_NAME[state.stage].zh;
  const parts = [name];
  if (state.finished && a.finishedOn) parts.push(`办结于${chineseDate(a.finishedOn)}`);
  if (state.impossible && state.explanation) parts.push(`说明：${state.explanation}`);
  if (!state.closed && a.department) parts.push(`承办部门：${a.department}`);
  if (!state.closed && a.dueOn) parts.push(`完成时限：${chineseDate(a.dueOn)}`);
  if (state.escalated && a.escalatedTo) parts.push(`已上报${a.escalatedTo}`);
  return parts.join('，');
}
