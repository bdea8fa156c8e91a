import { linkCases, trackedImpossibility, type AppealCase } from '../appeal/case';
import {
  DEADLINE_TEXT,
  eachDeadline,
  isOverdue,
  type DeadlineKind,
  type DeadlineVisitor,
} from '../appeal/deadlines';
import type { WorkingCalendar } from '../calendar/calendar';
import type { CellProblem } from '../cells/problem';
import { readRegister, recordTemplate, type RawTable, type ReadRegister, type ReadRow } from '../cells/rows';
import {
  appealRegister,
  calendarRegister,
  categoryDepartmentRegister,
  INPUT_REGISTERS,
  settingsRegister,
  valueListRegister,
  type AgendaRecord,
  type AppealRecord,
  type CalendarDayRecord,
  type InputRegisterKey,
  type MeetingRecord,
  type SettingsRecord,
  type SurveyRecord,
  type TrackingRecord,
} from '../schema/registers';
import {
  calendarFromSettings,
  parseSettings,
  resolveValueLists,
  type UnitSettings,
} from '../schema/settings';
import type { RegisterDef } from '../schema/types';
import { DEFAULT_VALUE_LISTS, type ValueLists } from '../schema/valueLists';
import { say, type Bilingual } from '../text';
import { crossChecks } from './cross';
import { rosterChecks } from './roster';

/** A workbook's registers as raw cells; a register whose sheet is absent is simply left out. */
export type WorkbookInput = Partial<Record<InputRegisterKey, RawTable>>;

/** Everything a check of the workbook learns. */
export interface WorkbookCheck {
  readonly problems: CellProblem[];
  readonly read: Partial<Record<InputRegisterKey, ReadRegister>>;
  readonly lists: ValueLists;
  readonly settings: UnitSettings;
  readonly calendar: WorkingCalendar;
  readonly cases: AppealCase[];
  readonly meetings: MeetingRecord[];
}

/** Options of a check: the day it runs on, and whether the cells came from outside the workbook. */
export interface CheckOptions {
  readonly today: string;
  readonly external?: boolean;
}

const INPUT_KEYS: readonly string[] = INPUT_REGISTERS.map((r) => r.key);

const values = <T>(r: ReadRegister | undefined): T[] => (r?.rows ?? []).map((x) => x.values as T);

/**
 * Reads and checks every register of a workbook with the core's rules: types, required and
 * conditional fields, duplicates, references, the life of each appeal, deadlines passed and
 * dates in years without a holiday schedule. Changes nothing; every problem names sheet, row and column.
 */
export function checkWorkbook(input: WorkbookInput, options: CheckOptions): WorkbookCheck {
  // Every register's key from the start (undefined until read): the object keeps one shape that
  // outlives the check, and the code compiled for it is kept (see recordTemplate).
  const read: Partial<Record<InputRegisterKey, ReadRegister>> = { ...recordTemplate(INPUT_KEYS) };
  const problems: CellProblem[] = [];
  const readOne = (reg: RegisterDef, lists: ValueLists): ReadRegister | undefined => {
    const table = input[reg.key as InputRegisterKey];
    if (!table) return undefined;
    const r = readRegister(reg, table, {
      lists,
      today: options.today,
      ...(options.external ? { external: true } : {}),
    });
    read[reg.key as InputRegisterKey] = r;
    for (const p of r.problems) problems.push(p);
    return r;
  };
  const lists = resolveValueLists(readOne(valueListRegister, DEFAULT_VALUE_LISTS)?.rows ?? []);
  const settingsRead = readOne(settingsRegister, lists);
  const parsed = parseSettings((settingsRead?.rows ?? []) as ReadRow<SettingsRecord>[]);
  const settingRows = (settingsRead?.rows ?? []) as ReadRow<SettingsRecord>[];
  for (const p of parsed.problems) {
    problems.push({
      sheet: settingsRegister.sheet,
      row: p.row,
      column: 'value',
      header: settingsRead?.headers.headerOf.get('value') ?? '值',
      message: p.message,
      raw: settingRows.find((r) => r.row === p.row)?.values.value,
      severity: p.severity,
      // An absurd value is refused; a limit longer than the handbook's is used, with a warning.
      code: p.severity === 'error' ? 'bad-setting' : 'setting-above-handbook',
    });
  }
  readOne(categoryDepartmentRegister, lists);
  const calendar = calendarFromSettings(
    values<CalendarDayRecord>(readOne(calendarRegister, lists)),
    parsed.settings,
  );
  for (const reg of INPUT_REGISTERS) if (!read[reg.key]) readOne(reg, lists);

  const appealRows = (read.appeals?.rows ?? []) as ReadRow<AppealRecord>[];
  const { cases, links } = linkCases(
    appealRows.map((r) => r.values),
    {
      surveys: values<SurveyRecord>(read.surveys),
      tracking: values<TrackingRecord>(read.tracking),
      agenda: values<AgendaRecord>(read.agenda),
    },
  );
  // An appeal judged impossible on the tracking form needs no 办结日期: its report and
  // explanation depend on that judgment instead (docs/domain.md, "judged impossible").
  const closedByTracking = new Set<number>();
  cases.forEach((c, i) => {
    if (c.appeal.finishedOn === undefined && trackedImpossibility(c.tracking))
      closedByTracking.add(appealRows[i]?.row ?? 0);
  });
  if (closedByTracking.size)
    for (let i = problems.length - 1; i >= 0; i--) {
      const p = problems[i] as CellProblem;
      if (
        p.code === 'needs' &&
        p.sheet === appealRegister.sheet &&
        (p.column === 'reportedOn' || p.column === 'impossibleReason') &&
        closedByTracking.has(p.row)
      )
        problems.splice(i, 1);
    }
  for (const p of crossChecks(read, links)) problems.push(p);
  for (const p of rosterChecks(read.roster)) problems.push(p);
  deadlineProblems(appealRows, cases, parsed.settings, calendar, options.today, problems);
  return {
    problems,
    read,
    lists,
    settings: parsed.settings,
    calendar,
    cases,
    meetings: values<MeetingRecord>(read.meetings),
  };
}

const COLUMN_OF: Readonly<Record<DeadlineKind, keyof AppealRecord>> = {
  handling: 'finishedOn',
  report: 'reportedOn',
  tell: 'toldOn',
  survey: 'id',
  remedy: 'id',
};

/** Adds to `out` a warning for every deadline passed, and for every one counted on weekends alone. */
function deadlineProblems(
  rows: readonly ReadRow<AppealRecord>[],
  cases: readonly AppealCase[],
  settings: UnitSettings,
  calendar: WorkingCalendar,
  today: string,
  out: CellProblem[],
): void {
  const headers = new Map<string, string>(appealRegister.fields.map((f) => [f.key, f.header]));
  const headerOf = (kind: DeadlineKind): string => headers.get(COLUMN_OF[kind]) ?? COLUMN_OF[kind];
  // Overdue appeals share their due dates and departments: one message per kind, due date and
  // department spares a check of 50,000 appeals some 20,000 copies of the same words (built, then
  // kept with the problems). Nested by the strings themselves, so a lookup builds no key.
  const overdueWords = new Map<DeadlineKind, Map<string, Map<string, Bilingual>>>();
  const overdueMessage = (kind: DeadlineKind, due: string, department: string): Bilingual => {
    let byDue = overdueWords.get(kind);
    if (!byDue) overdueWords.set(kind, (byDue = new Map()));
    let byDepartment = byDue.get(due);
    if (!byDepartment) byDue.set(due, (byDepartment = new Map()));
    let message = byDepartment.get(department);
    if (!message) {
      const what = DEADLINE_TEXT[kind];
      message = say(
        `${what.zh}已逾期（期限 ${due}，承办部门：${department || '未指定'}）`,
        `${what.en} is overdue (due ${due}, department: ${department || 'none'})`,
      );
      byDepartment.set(department, message);
    }
    return message;
  };
  // One visitor for every appeal, reading the appeal in hand from here: a closure per appeal
  // would be 50,000 more objects for the collector in a large check.
  let appeal: AppealRecord = {};
  let row = 0;
  const warn = (kind: DeadlineKind, code: 'overdue' | 'no-schedule', message: Bilingual): void => {
    const column = COLUMN_OF[kind];
    out.push({
      sheet: appealRegister.sheet,
      row,
      column,
      header: headerOf(kind),
      raw: appeal[column],
      severity: 'warning',
      code,
      message,
    });
  };
  const visit: DeadlineVisitor = (kind, due, doneOn, department, warning) => {
    if (isOverdue(due, doneOn, today)) warn(kind, 'overdue', overdueMessage(kind, due, department));
    if (warning) warn(kind, 'no-schedule', warning);
  };
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i] as AppealCase;
    appeal = c.appeal;
    row = rows[i]?.row ?? 0;
    eachDeadline(c, settings, calendar, visit);
  }
}
