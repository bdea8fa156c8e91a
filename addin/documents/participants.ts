import { DEFAULT_VALUE_LISTS, type DepartmentHeadRecord, type WorkbookCheck } from '../../shared';
import type { Asker } from './ask';
import type { MeetingFacts } from './meeting';
import { adminHead, signInOf, unionChair } from './source';
import { distinct } from './words';

// The sign-in sheet's four groups, in the handbook's order (企业行政, 企业工会, 行政部门, 职工代表).
const [ADMIN, UNION, DEPARTMENTS, REPS] = DEFAULT_VALUE_LISTS.signInGroup as readonly [
  string,
  string,
  string,
  string,
];

/** One person (or, for the sign-in sheet, one line) of a meeting's participant list. */
export interface Participant {
  /** 企业行政 / 企业工会 / 行政部门 / 职工代表, or a group the clerk added to the list. */
  readonly group: string;
  /** Their office, department or workshop: 企业行政负责人, 财务部, 一车间. */
  readonly position: string;
  readonly name: string;
  readonly contact: string;
}

/** A meeting's participants by group, as the notice, the sign-in sheet and the moderator script print them. */
export interface ParticipantList {
  readonly all: readonly Participant[];
  readonly adminHead: string;
  /** The union's people: the chair first. */
  readonly union: readonly string[];
  /** Each department with its head, in list order: the notice's 财务部负责人冯丽华. */
  readonly departments: readonly { readonly department: string; readonly head: string }[];
  readonly employeeReps: readonly string[];
}

/**
 * The 部门负责人 table by department. A department listed twice keeps its first row (the check
 * reports the repeat, the column being unique).
 */
function headsOf(check: WorkbookCheck): ReadonlyMap<string, DepartmentHeadRecord> {
  const out = new Map<string, DepartmentHeadRecord>();
  for (const row of check.read.departmentHeads?.rows ?? []) {
    const r = row.values as DepartmentHeadRecord;
    if (r.department && r.head && !out.has(r.department)) out.set(r.department, r);
  }
  return out;
}

/** The employee representatives of a meeting, asked for when neither the agenda nor the sign-in names one. */
export const meetingReps = (facts: MeetingFacts, ask: Asker): string[] =>
  ask.names(facts.employeeReps, {
    field: 'employeeReps',
    zh: `参加${facts.name}的职工代表姓名，用“、”分隔`,
    en: `Employee representatives attending meeting ${facts.meeting.id}, separated by 、`,
  });

/** The head of a department from the 部门负责人 table, else an answer, else a question. */
export function departmentHead(check: WorkbookCheck, department: string, ask: Asker, known?: string): string {
  return ask.text(known || headsOf(check).get(department)?.head, {
    field: `departmentHead.${department}`,
    zh: `${department}负责人姓名（可在“部门负责人”表中登记）`,
    en: `Name of the head of ${department} (can be kept on the 部门负责人 sheet)`,
    setting: 'departmentHeads',
  });
}

/**
 * The one participant list of a meeting. It starts from the meeting's rows on 会议签到表 and adds
 * whoever the meeting needs and the sheet lacks: the administration head, the union chair, the head
 * of every department the agenda names or the category table suggests (named from 部门负责人), and
 * the employee representatives. The notice, the sign-in sheet and the moderator script all print
 * this list, so the three papers of a meeting name the same people.
 */
export function meetingParticipants(check: WorkbookCheck, facts: MeetingFacts, ask: Asker): ParticipantList {
  const registered = signInOf(check, facts.meeting.id);
  const heads = headsOf(check);
  const rows: Participant[] = registered.map((r) => {
    const group = r.group ?? '';
    const position = r.position ?? '';
    const name = group === DEPARTMENTS && !r.name ? departmentHead(check, position, ask) : (r.name ?? '');
    return { group, position, name, contact: r.contact ?? '' };
  });
  const inGroup = (group: string): Participant[] => rows.filter((p) => p.group === group);
  const head = adminHead(check, ask, facts.meeting.adminHead);
  if (!inGroup(ADMIN).some((p) => p.name === head))
    rows.push({ group: ADMIN, position: '企业行政负责人', name: head, contact: '' });
  const chair = unionChair(check, ask);
  if (!inGroup(UNION).some((p) => p.name === chair))
    rows.push({ group: UNION, position: '工会主席', name: chair, contact: '' });
  for (const department of facts.departments)
    if (!inGroup(DEPARTMENTS).some((p) => p.position === department)) {
      const row = heads.get(department);
      rows.push({
        group: DEPARTMENTS,
        position: department,
        name: departmentHead(check, department, ask),
        contact: row?.phone ?? '',
      });
    }
  const reps = meetingReps(facts, ask);
  for (const rep of reps)
    if (!inGroup(REPS).some((p) => p.name === rep))
      rows.push({ group: REPS, position: '职工代表', name: rep, contact: '' });
  const groups = check.lists.signInGroup;
  const rank = (g: string): number => (groups.includes(g) ? groups.indexOf(g) : groups.length);
  const all = rows
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.group) - rank(b.p.group) || a.i - b.i)
    .map(({ p }) => p);
  const names = (group: string): string[] =>
    distinct(all.filter((p) => p.group === group).map((p) => p.name));
  return {
    all,
    adminHead: head,
    union: distinct([chair, ...names(UNION)]),
    departments: all
      .filter((p) => p.group === DEPARTMENTS)
      .map((p) => ({ department: p.position, head: p.name })),
    employeeReps: names(REPS),
  };
}
