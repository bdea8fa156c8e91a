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

/**
 * Which appeal each row belongs to, as positions among the appeals given to linkCases (-1: none).
 * The check reads duplicates, dangling references and each appeal's life from these instead of
 * looking every 编号 up again: one lookup per row serves the cases and the checks.
 */
export interface AppealLinks {
  /** Per appeal: the position of the first appeal with its 编号 (its own unless repeated; -1 without one). */
  readonly first: Int32Array;
  /** Each 编号's first appeal. */
  readonly positionOf: ReadonlyMap<string, number>;
  /** Per survey, tracking entry and agenda item: the position of its appeal, or -1. */
  readonly surveys: Int32Array;
  readonly tracking: Int32Array;
  readonly agenda: Int32Array;
}

type RelatedKey = keyof Related;
type CaseUnderConstruction = { -readonly [K in keyof AppealCase]: AppealCase[K] };

/** Puts each related row into its appeal's list, and says where each one went. */
function link(
  rows: readonly { readonly appealId?: string }[] | undefined,
  key: RelatedKey,
  positionOf: ReadonlyMap<string, number>,
  cases: readonly CaseUnderConstruction[],
): Int32Array {
  const all = rows ?? [];
  const at = new Int32Array(all.length).fill(-1);
  for (let i = 0; i < all.length; i++) {
    const r = all[i] as { readonly appealId?: string };
    const p = r.appealId ? positionOf.get(r.appealId) : undefined;
    if (p === undefined) continue;
    at[i] = p;
    const c = cases[p] as unknown as Record<RelatedKey, unknown[]>;
    const list = c[key];
    // Most appeals have one or two entries. Pushing the second would grow the array to V8's next
    // capacity of 17 slots, which every case then keeps (and the collector copies): a new pair is
    // exactly two (4 MB less to copy in a check of 50,000 appeals).
    if (list.length === 0) c[key] = [r];
    else if (list.length === 1) c[key] = [list[0], r];
    else list.push(r);
  }
  return at;
}

/**
 * Gathers each appeal's surveys, tracking entries and agenda items (one pass over each register),
 * and says which appeal each of those rows went to. An appeal whose 编号 repeats an earlier one's
 * gets the same rows as the first.
 */
export function linkCases(
  appeals: readonly AppealRecord[],
  related: Related,
): { readonly cases: AppealCase[]; readonly links: AppealLinks } {
  const positionOf = new Map<string, number>();
  const first = new Int32Array(appeals.length);
  const none: never[] = [];
  const cases: CaseUnderConstruction[] = new Array(appeals.length);
  for (let i = 0; i < appeals.length; i++) {
    const appeal = appeals[i] as AppealRecord;
    cases[i] = { appeal, surveys: none, tracking: none, agenda: none };
    const id = appeal.id;
    const p = id ? positionOf.get(id) : -1;
    if (p === undefined) positionOf.set(id as string, i);
    first[i] = p ?? i;
  }
  const links: AppealLinks = {
    first,
    positionOf,
    surveys: link(related.surveys, 'surveys', positionOf, cases),
    tracking: link(related.tracking, 'tracking', positionOf, cases),
    agenda: link(related.agenda, 'agenda', positionOf, cases),
  };
  for (let i = 0; i < cases.length; i++) {
    const f = first[i] as number;
    if (f < 0 || f === i) continue;
    const c = cases[i] as CaseUnderConstruction;
    const firstCase = cases[f] as CaseUnderConstruction;
    c.surveys = firstCase.surveys;
    c.tracking = firstCase.tracking;
    c.agenda = firstCase.agenda;
  }
  return { cases, links };
}

/** Gathers each appeal's surveys, tracking entries and agenda items (one pass over each register). */
export function buildCases(appeals: readonly AppealRecord[], related: Related): AppealCase[] {
  return linkCases(appeals, related).cases;
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
