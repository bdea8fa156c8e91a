import {
  REPRESENTATIVES_GROUP,
  suggestDepartments,
  type AgendaRecord,
  type AppealCase,
  type MeetingRecord,
  type WorkbookCheck,
} from '../../shared';
import { agendaOf, caseById, categoryTable, signInOf } from './source';
import { chineseNumber, distinct, splitList } from './words';

/** What every meeting document says about its meeting, gathered once from the registers. */
export interface MeetingFacts {
  readonly meeting: MeetingRecord & { readonly id: string; readonly date: string };
  readonly year: number;
  /** 本年第几次, from 届次 or else counted among the year's meetings of the same form. */
  readonly ordinal: number;
  /** 2025年第一次工会与行政沟通协商会议 */
  readonly name: string;
  readonly agenda: readonly AgendaRecord[];
  /** The appeal behind each agenda topic (undefined for a topic not raised as an appeal). */
  readonly cases: readonly (AppealCase | undefined)[];
  /** 受理类别 of the topics' appeals, in agenda order. */
  readonly categories: readonly string[];
  /** Departments named on the agenda, then those the category table suggests. */
  readonly departments: readonly string[];
  /** Employee representatives: who presents a topic, then who signed in as one. */
  readonly employeeReps: readonly string[];
  /** Workshops whose employees raised the topics (never the appellants themselves). */
  readonly workshops: readonly string[];
}

/** The meeting's facts, or undefined when no meeting has that 会议编号 or it has no date. */
export function meetingFacts(check: WorkbookCheck, meetingId: string | undefined): MeetingFacts | undefined {
  const m = check.meetings.find((x) => x.id === meetingId);
  if (!m?.id || !m.date) return undefined;
  const meeting = { ...m, id: m.id, date: m.date };
  const year = Number(meeting.date.slice(0, 4));
  const agenda = agendaOf(check, meeting.id);
  const cases = agenda.map((a) => caseById(check, a.appealId));
  const categories = distinct(cases.map((c) => c?.appeal.category));
  const departments = distinct([
    ...agenda.flatMap((a) => splitList(a.departments)),
    ...suggestDepartments(categories, categoryTable(check)),
  ]);
  const reps = signInOf(check, meeting.id).filter((s) => s.group === REPRESENTATIVES_GROUP);
  const ordinal = meeting.ordinal ?? ordinalOf(check.meetings, meeting);
  return {
    meeting,
    year,
    ordinal,
    name: `${year}年第${chineseNumber(ordinal)}次工会与行政沟通协商会议`,
    agenda,
    cases,
    categories,
    departments,
    employeeReps: distinct([...agenda.map((a) => a.employeeRep), ...reps.map((s) => s.name)]),
    workshops: distinct(cases.map((c) => c?.appeal.unit)),
  };
}

/** The meeting's place in its year among meetings of the same form, by date then 编号. */
function ordinalOf(
  meetings: readonly MeetingRecord[],
  m: { id: string; date: string; type?: string },
): number {
  const year = m.date.slice(0, 4);
  const key = (x: MeetingRecord): string => `${x.date ?? ''}|${x.id ?? ''}`;
  return (
    meetings.filter((x) => x.date?.startsWith(year) && x.type === m.type && key(x) < key(m as MeetingRecord))
      .length + 1
  );
}
