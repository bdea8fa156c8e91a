import type { AgendaRecord, AppealRecord, SurveyRecord, TrackingRecord } from '../schema/registers';
import { ANONYMOUS, CANNOT_BE_DONE, DISSATISFIED, RESPONDENT_APPELLANT } from '../schema/valueLists';

/** An appeal with the rows of other registers that belong to it. */
export interface AppealCase {
  readonly appeal: AppealRecord;
  readonly surveys: readonly SurveyRecord[];
  readonly tracking: readonly TrackingRecord[];
  readonly agenda: readonly AgendaRecord[];
}

/** The related rows of every appeal, by 编号. */
export interface Related {
  readonly surveys?: readonly SurveyRecord[];
  readonly tracking?: readonly TrackingRecord[];
  readonly agenda?: readonly AgendaRecord[];
}

function index<T extends { appealId?: string }>(rows: readonly T[] | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  const all = rows ?? [];
  for (let i = 0; i < all.length; i++) {
    const r = all[i] as T;
    if (!r.appealId) continue;
    const list = m.get(r.appealId);
    if (!list) m.set(r.appealId, [r]);
    // Most appeals have one or two entries. Pushing the second would grow the array to V8's next
    // capacity of 17 slots, which every case then keeps (and the collector copies): a new pair is
    // exactly two (4 MB less to copy in a check of 50,000 appeals).
    else if (list.length === 1) m.set(r.appealId, [list[0] as T, r]);
    else list.push(r);
  }
  return m;
}

/** Gathers each appeal's surveys, tracking entries and agenda items (one pass over each register). */
export function buildCases(appeals: readonly AppealRecord[], related: Related): AppealCase[] {
  const surveys = index(related.surveys);
  const tracking = index(related.tracking);
  const agenda = index(related.agenda);
  const none: never[] = [];
  return appeals.map((appeal) => ({
    appeal,
    surveys: (appeal.id && surveys.get(appeal.id)) || none,
    tracking: (appeal.id && tracking.get(appeal.id)) || none,
    agenda: (appeal.id && agenda.get(appeal.id)) || none,
  }));
}

const later = (a: SurveyRecord | undefined, b: SurveyRecord): boolean =>
  !a || (a.surveyedOn ?? '') <= (b.surveyedOn as string);

/**
 * The survey an appeal is counted by: the appellant's own latest rating where there is one,
 * else the latest rating of anyone surveyed (DOMAIN: "an appeal counts once").
 */
export function countedSurvey(
  surveys: readonly SurveyRecord[],
  asOf = '9999-12-31',
): SurveyRecord | undefined {
  let own: SurveyRecord | undefined;
  let any: SurveyRecord | undefined;
  for (const s of surveys) {
    if (!s.rating || !s.surveyedOn || s.surveyedOn > asOf) continue;
    if (later(any, s)) any = s;
    if (s.respondent === RESPONDENT_APPELLANT && later(own, s)) own = s;
  }
  return own ?? any;
}

/** Whether the counted rating is 不满意. */
export const isDissatisfied = (s: SurveyRecord | undefined): boolean => s?.rating === DISSATISFIED;

/**
 * The tracking entry that judges an appeal impossible (docs/domain.md, "judged impossible"): the
 * latest entry on or before `asOf` says 不具备条件无法执行 with its 受理结果反馈; of a run of such
 * entries at the end, the first dates the judgment. A later 正在进行中 or 已完成 entry undoes it.
 */
export function trackedImpossibility(
  tracking: readonly TrackingRecord[],
  asOf = '9999-12-31',
): TrackingRecord | undefined {
  // Most appeals have no such entry: decide without sorting or allocating.
  let any = false;
  for (let i = 0; i < tracking.length && !any; i++) any = tracking[i]?.status === CANNOT_BE_DONE;
  if (!any) return undefined;
  const dated = tracking
    .filter((t) => t.trackedOn !== undefined && t.trackedOn <= asOf)
    .sort((a, b) =>
      (a.trackedOn as string) < (b.trackedOn as string) ? -1 : a.trackedOn === b.trackedOn ? 0 : 1,
    );
  let judged: TrackingRecord | undefined;
  for (let i = dated.length - 1; i >= 0; i--) {
    const t = dated[i] as TrackingRecord;
    if (t.status !== CANNOT_BE_DONE || !t.feedback) break;
    judged = t;
  }
  return judged;
}

/**
 * The day an appeal's appellant counts as told: the 告知诉求人日期, or for an anonymous appeal,
 * which cannot be told one by one, the earlier of it and the 公示日期 (docs/domain.md).
 */
export function toldDate(a: AppealRecord): string | undefined {
  if (a.appellant !== ANONYMOUS || a.publishedOn === undefined) return a.toldOn;
  return a.toldOn !== undefined && a.toldOn < a.publishedOn ? a.toldOn : a.publishedOn;
}
