// What an employee's receipt link shows of their appeal: derived from the workbook's rows by the
// same lifecycle and deadlines as the pane's, then encrypted by the pane to the phone's reply key.
import { appealDeadlines, DEADLINE_TEXT } from '../appeal/deadlines';
import { deriveState, STAGE_NAME, type AppealState } from '../appeal/lifecycle';
import type { AppealCase } from '../appeal/case';
import type { WorkingCalendar } from '../calendar/calendar';
import type { UnitSettings } from '../schema/settings';
import type { AppealRecord } from '../schema/registers';
import { MAX_STATUS_RESULT, type ReceiptStatus } from './envelope';

/**
 * The result of a closed appeal in the words the union posts (办理结果公示) and the receipt shows:
 * 已办结 with the department's measures, or why it cannot be done.
 */
export function resultWords(a: AppealRecord, state: Pick<AppealState, 'impossible' | 'explanation'>): string {
  return state.impossible
    ? `不具备条件无法办理：${state.explanation ?? a.impossibleReason ?? ''}`
    : `已办结${a.deptOpinion ? `：${a.deptOpinion}` : ''}`;
}

// The stages after which the appellant has been told (or the result published): the result may show.
const TOLD = new Set(['told', 'remediating', 'remedied', 'surveyed']);
// The stages in which the appellant's rating is asked for: told and not yet rated, or remedied after 不满意.
const RATEABLE = new Set(['told', 'remedied']);

/**
 * The receipt status of an appeal on `today`: its stage, the earliest deadline not yet met, the
 * result once the appellant has been told, and whether a rating is asked for. `scrub` removes
 * other people's names and phones from the result (the pane's identity scrubber); the appellant's
 * own identity is never part of a status.
 */
export function receiptStatus(
  c: AppealCase,
  rules: Pick<UnitSettings, 'reportWithinDays' | 'tellWithinDays' | 'surveyWithinDays' | 'dueSoonDays'>,
  calendar: WorkingCalendar,
  today: string,
  updatedAt: string,
  scrub: (text: string) => string,
  /** The union's current key's fingerprint, which the phone's rating must be encrypted to. */
  kid?: string,
): ReceiptStatus {
  const state = deriveState(c, today);
  const open = appealDeadlines(c, rules, calendar, today)
    .filter((d) => d.doneOn === undefined)
    .sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : 0))[0];
  const result = TOLD.has(state.stage) ? scrub(resultWords(c.appeal, state)).slice(0, MAX_STATUS_RESULT) : '';
  return {
    appealId: c.appeal.id ?? '',
    stage: STAGE_NAME[state.stage].zh,
    ...(open ? { deadline: open.due, deadlineLabel: DEADLINE_TEXT[open.kind].zh } : {}),
    ...(result ? { result } : {}),
    finished: state.closed,
    rateable: RATEABLE.has(state.stage),
    ...(kid ? { kid } : {}),
    updatedAt,
  };
}

/** What changes a status for the phone (its time aside): the pane republishes only when this changes. */
export function statusFingerprint(s: ReceiptStatus): string {
  return JSON.stringify([
    s.appealId,
    s.stage,
    s.deadline,
    s.deadlineLabel,
    s.result,
    s.finished,
    s.rateable,
    s.kid,
  ]);
}
