import { workingDaysBetween, workingDeadline, type WorkingCalendar } from '../calendar/calendar';
import type { UnitSettings } from '../schema/settings';
import { say, type Bilingual } from '../text';
import { countedSurvey, isDissatisfied, toldDate, trackedImpossibility, type AppealCase } from './case';

/** Every duty of docs/domain.md's reminders list that a deadline can be for. */
export const DEADLINE_KINDS = ['handling', 'report', 'tell', 'survey', 'remedy'] as const;

/** Which duty of docs/domain.md's reminders list a deadline is for. */
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Where a deadline stands on a given day. */
export type DeadlineStatus = 'upcoming' | 'dueSoon' | 'overdue' | 'met' | 'late';

/** A deadline computed from an appeal row on the working-day calendar. */
export interface AppealDeadline {
  readonly kind: DeadlineKind;
  readonly appealId: string;
  /** The department responsible (never the appellant). */
  readonly department: string;
  readonly due: string;
  readonly status: DeadlineStatus;
  /** When the duty was done, if it was. */
  readonly doneOn?: string;
  /** Set when the deadline counts weekends only because a year's schedule is missing. */
  readonly warning?: Bilingual;
}

/** What each deadline is, for lists and reminders. */
export const DEADLINE_TEXT: Readonly<Record<DeadlineKind, Bilingual>> = {
  handling: say('办理完成时限', 'handling deadline'),
  report: say('承办部门反馈工会', 'department reports back to the union'),
  tell: say('告知诉求人', 'tell the appellant'),
  survey: say('满意度测评', 'satisfaction survey'),
  remedy: say('不满意整改时限', 'remedy deadline after 不满意'),
};

type Rules = Pick<UnitSettings, 'reportWithinDays' | 'tellWithinDays' | 'surveyWithinDays' | 'dueSoonDays'>;

/** Whether a deadline not yet met has passed on `today` (the check's 逾期). */
export const isOverdue = (due: string, doneOn: string | undefined, today: string): boolean =>
  doneOn === undefined && today > due;

function status(
  due: string,
  doneOn: string | undefined,
  today: string,
  soonDays: number,
  cal: WorkingCalendar,
): DeadlineStatus {
  if (doneOn !== undefined) return doneOn <= due ? 'met' : 'late';
  if (isOverdue(due, doneOn, today)) return 'overdue';
  return workingDaysBetween(today, due, cal) <= soonDays ? 'dueSoon' : 'upcoming';
}

/** Receives one deadline of an appeal as eachDeadline finds it, before any status is worked out. */
export type DeadlineVisitor = (
  kind: DeadlineKind,
  due: string,
  doneOn: string | undefined,
  department: string,
  warning: Bilingual | undefined,
) => void;

/**
 * Every deadline of an appeal (docs/domain.md's reminders list), handed one by one to `visit`:
 * handling deadline, department report (N working days after finishing or being judged
 * impossible), telling the appellant (N after the report; an anonymous appeal's 公示日期 counts),
 * the survey (N after telling) and the remedy after 不满意. Builds nothing, so the check can look
 * at 50,000 appeals' deadlines without making objects for the many it does not report.
 */
export function eachDeadline(
  c: AppealCase,
  rules: Rules,
  cal: WorkingCalendar,
  visit: DeadlineVisitor,
): void {
  const a = c.appeal;
  if (!a.id) return;
  const department = a.department ?? '';
  // Closed by its 办结日期, or judged impossible on the tracking form without one.
  const closedOn = a.finishedOn ?? trackedImpossibility(c.tracking)?.trackedOn;
  const told = toldDate(a);
  if (a.dueOn) visit('handling', a.dueOn, closedOn, department, undefined);
  if (closedOn) {
    const r = workingDeadline(closedOn, rules.reportWithinDays, cal);
    visit('report', r.date, a.reportedOn, department, r.warning);
  }
  if (closedOn && a.reportedOn) {
    const t = workingDeadline(a.reportedOn, rules.tellWithinDays, cal);
    visit('tell', t.date, told, department, t.warning);
  }
  if (closedOn && told) {
    const s = workingDeadline(told, rules.surveyWithinDays, cal);
    let first: string | undefined;
    for (let i = 0; i < c.surveys.length; i++) {
      const on = c.surveys[i]?.surveyedOn;
      if (on && on >= closedOn && (!first || on < first)) first = on;
    }
    visit('survey', s.date, first, department, s.warning);
  }
  const counted = countedSurvey(c.surveys);
  if (isDissatisfied(counted) && counted?.remedyDueOn)
    visit(
      'remedy',
      counted.remedyDueOn,
      counted.remedyDoneOn,
      counted.remedyDepartment ?? department,
      undefined,
    );
}

/** Every deadline of an appeal with where it stands on `today` (see eachDeadline). */
export function appealDeadlines(
  c: AppealCase,
  rules: Rules,
  cal: WorkingCalendar,
  today: string,
): AppealDeadline[] {
  const out: AppealDeadline[] = [];
  const appealId = c.appeal.id as string;
  eachDeadline(c, rules, cal, (kind, due, doneOn, department, warning) => {
    const d: { -readonly [K in keyof AppealDeadline]: AppealDeadline[K] } = {
      kind,
      appealId,
      department,
      due,
      status: status(due, doneOn, today, rules.dueSoonDays, cal),
    };
    if (doneOn !== undefined) d.doneOn = doneOn;
    if (warning) d.warning = warning;
    out.push(d);
  });
  return out;
}
