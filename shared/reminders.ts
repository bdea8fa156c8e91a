import { appealDeadlines, DEADLINE_KINDS, DEADLINE_TEXT } from './appeal/deadlines';
import type { AppealCase } from './appeal/case';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from './calendar/calendar';
import { dayFromIso, isoFromDay } from './calendar/dates';
import { periodRange, periodTitle, previousQuarter, quarterOf } from './ledger/period';
import type { MeetingRecord } from './schema/registers';
import type { UnitSettings } from './schema/settings';
import { say, type Bilingual } from './text';

/** Every kind of reminder: an appeal's deadlines, then the unit's own duties. */
export const REMINDER_KINDS = [
  ...DEADLINE_KINDS,
  'quarterlyLedger',
  'groupMeeting',
  'schedulingMeeting',
  /** An escalation handed up to this unit still waiting on its answer (its 部门反馈期限 from sending). */
  'escalationWaiting',
] as const;

/** What a reminder is about: an appeal's deadline, or a duty of the unit. */
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A due or overdue item. Names the 编号 and department, never the appellant. */
export interface Reminder {
  readonly kind: ReminderKind;
  readonly status: 'dueSoon' | 'overdue';
  readonly due: string;
  readonly appealId?: string;
  readonly department?: string;
  readonly message: Bilingual;
  readonly warning?: Bilingual;
  /** Stable identity of the item, so a channel never gets the same one twice on a day. */
  readonly key: string;
}

/** The due and overdue deadlines of every appeal on `today`. */
export function appealReminders(
  cases: readonly AppealCase[],
  rules: Pick<UnitSettings, 'reportWithinDays' | 'tellWithinDays' | 'surveyWithinDays' | 'dueSoonDays'>,
  cal: WorkingCalendar,
  today: string,
): Reminder[] {
  const out: Reminder[] = [];
  for (const c of cases) {
    for (const d of appealDeadlines(c, rules, cal, today)) {
      if (d.status !== 'dueSoon' && d.status !== 'overdue') continue;
      const what = DEADLINE_TEXT[d.kind];
      const dept = d.department || '未指定部门';
      const state = d.status === 'overdue' ? say('已逾期', 'overdue') : say('即将到期', 'due soon');
      out.push({
        kind: d.kind,
        status: d.status,
        due: d.due,
        appealId: d.appealId,
        department: d.department,
        message: say(
          `诉求 ${d.appealId}（${dept}）：${what.zh}${state.zh}，期限 ${d.due}`,
          `appeal ${d.appealId} (${dept}): ${what.en} ${state.en}, due ${d.due}`,
        ),
        ...(d.warning ? { warning: d.warning } : {}),
        key: `${d.kind}|${d.appealId}|${d.due}`,
      });
    }
  }
  return out;
}

/** An escalation handed up to a unit and still waiting on its answer (status open at that level). */
export interface WaitingEscalation {
  /** The unit it came from (the child), and the unit and 编号 it started from. */
  readonly fromUnit: string;
  readonly originUnit: string;
  readonly originAppealId: string;
  /** The China date it was sent at this level. */
  readonly sentOn: string;
}

/**
 * Reminders of escalations waiting on this unit's answer. The answer is due within the unit's own
 * 部门反馈期限 (reportWithinDays, the handbook's 3 working days) from the day it was sent: to the
 * child, the parent is the one it hands a matter to, as a department is to the union, and the
 * setting is the unit's to change. Each level counts from when the escalation reached it.
 */
export function escalationReminders(
  waiting: readonly WaitingEscalation[],
  rules: Pick<UnitSettings, 'reportWithinDays' | 'dueSoonDays'>,
  cal: WorkingCalendar,
  today: string,
): Reminder[] {
  const out: Reminder[] = [];
  for (const w of waiting) {
    const due = addWorkingDays(w.sentOn, rules.reportWithinDays, cal);
    const overdue = today > due;
    if (!overdue && workingDaysBetween(today, due, cal) > rules.dueSoonDays) continue;
    const state = overdue ? say('已逾期', 'overdue') : say('即将到期', 'due soon');
    const origin = w.originUnit === w.fromUnit ? '' : `（源自 ${w.originUnit}）`;
    out.push({
      kind: 'escalationWaiting',
      status: overdue ? 'overdue' : 'dueSoon',
      due,
      appealId: w.originAppealId,
      message: say(
        `${w.fromUnit} 上报的诉求 ${w.originAppealId}${origin}：本级答复${state.zh}，期限 ${due}`,
        `appeal ${w.originAppealId} handed up by ${w.fromUnit}${w.originUnit === w.fromUnit ? '' : ` (from ${w.originUnit})`}: this unit's answer is ${state.en}, due ${due}`,
      ),
      key: `escalationWaiting|${w.originUnit}|${w.originAppealId}|${due}`,
    });
  }
  return out;
}

/** Inputs for the unit's own duties. */
export interface UnitDutyInput {
  readonly meetings: readonly MeetingRecord[];
  /** Quarters whose work ledger exists, as '2025Q3'. */
  readonly ledgersBuilt: readonly string[];
  readonly settings: Pick<UnitSettings, 'ledgerWithinDays'>;
  readonly calendar: WorkingCalendar;
  readonly today: string;
}

const held = (meetings: readonly MeetingRecord[], type: string, from: string, to: string): boolean =>
  meetings.some((m) => m.type === type && m.date !== undefined && m.date >= from && m.date <= to);

/** Working days before a meeting's due day from which it is reminded of. */
export const MEETING_NOTICE_DAYS: Readonly<Record<'groupMeeting' | 'schedulingMeeting', number>> = {
  groupMeeting: 10,
  schedulingMeeting: 5,
};

/**
 * The unit's recurring duties: the previous quarter's work ledger, the quarterly leading-group
 * meeting (领导小组工作会议) and the monthly scheduling meeting (调度会议), each due by the last
 * working day of its quarter or month.
 */
export function unitReminders(input: UnitDutyInput): Reminder[] {
  const { today, calendar } = input;
  const out: Reminder[] = [];
  const now = quarterOf(today);
  const prev = previousQuarter(now);
  const prevRange = periodRange(prev);
  const ledgerDue = addWorkingDays(prevRange.to, input.settings.ledgerWithinDays, calendar);
  const prevId = `${prev.year}Q${prev.quarter}`;
  if (!input.ledgersBuilt.includes(prevId)) {
    const overdue = today > ledgerDue;
    out.push({
      kind: 'quarterlyLedger',
      status: overdue ? 'overdue' : 'dueSoon',
      due: ledgerDue,
      message: say(
        `${periodTitle(prev)}职工诉求工作台账${overdue ? '已逾期未整理' : '待整理'}，期限 ${ledgerDue}`,
        `the ${prevId} work ledger is ${overdue ? 'overdue' : 'due'} by ${ledgerDue}`,
      ),
      key: `quarterlyLedger|${prevId}`,
    });
  }
  const nowRange = periodRange(now);
  // A meeting is due by the last working day of its period (never a weekend or holiday), and
  // reminded of from a number of working days before it (docs/domain.md, reminders).
  const lastWorkingDay = (to: string): string =>
    addWorkingDays(isoFromDay((dayFromIso(to) as number) + 1), -1, calendar);
  const meetingDuty = (
    kind: 'groupMeeting' | 'schedulingMeeting',
    type: string,
    from: string,
    to: string,
    lastFrom: string,
    lastTo: string,
    label: string,
  ): void => {
    const lastDue = lastWorkingDay(lastTo);
    if (!held(input.meetings, type, lastFrom, lastTo)) {
      out.push({
        kind,
        status: 'overdue',
        due: lastDue,
        message: say(
          `${label}：${lastFrom} 至 ${lastTo} 未召开${type}`,
          `no ${kind} was held ${lastFrom}–${lastTo}`,
        ),
        key: `${kind}|${lastDue}`,
      });
    }
    const due = lastWorkingDay(to);
    const soonFrom = addWorkingDays(due, -MEETING_NOTICE_DAYS[kind], calendar);
    if (today >= soonFrom && !held(input.meetings, type, from, to)) {
      const overdue = today > due;
      out.push({
        kind,
        status: overdue ? 'overdue' : 'dueSoon',
        due,
        message: overdue
          ? say(`${label}：本期最后一个工作日 ${due} 已过，尚未召开${type}`, `the ${kind} was due by ${due}`)
          : say(`${label}：请在 ${due} 前召开${type}`, `hold the ${kind} by ${due}`),
        key: `${kind}|${due}`,
      });
    }
  };
  const back = (iso: string, days: number): string => isoFromDay((dayFromIso(iso) as number) - days);
  meetingDuty(
    'groupMeeting',
    '领导小组工作会议',
    nowRange.from,
    nowRange.to,
    prevRange.from,
    prevRange.to,
    '领导小组每季度召开一次会议',
  );
  const monthFrom = `${today.slice(0, 7)}-01`;
  const monthTo = back(`${back(monthFrom, -32).slice(0, 7)}-01`, 1);
  const lastMonthTo = back(monthFrom, 1);
  const lastMonthFrom = `${lastMonthTo.slice(0, 7)}-01`;
  meetingDuty(
    'schedulingMeeting',
    '调度会议',
    monthFrom,
    monthTo,
    lastMonthFrom,
    lastMonthTo,
    '每月召开调度会议',
  );
  return out;
}
