import {
  DEFAULT_CATEGORY_DEPARTMENTS,
  type AgendaRecord,
  type AppealCase,
  type CategoryDepartmentRecord,
  type RosterRecord,
  type SignInRecord,
  type WorkbookCheck,
} from '../../shared';
import type { Asker } from './ask';

const rowsOf = <T>(check: WorkbookCheck, key: keyof WorkbookCheck['read']): T[] =>
  (check.read[key]?.rows ?? []).map((r) => r.values as T);

/** The leading group's roster as read from 领导小组. */
export const rosterOf = (check: WorkbookCheck): RosterRecord[] => rowsOf<RosterRecord>(check, 'roster');

/** The sign-in rows of one meeting. */
export const signInOf = (check: WorkbookCheck, meetingId: string): SignInRecord[] =>
  rowsOf<SignInRecord>(check, 'signIn').filter((r) => r.meetingId === meetingId);

/** The agenda of one meeting, in 议题序号 order. */
export const agendaOf = (check: WorkbookCheck, meetingId: string): AgendaRecord[] =>
  rowsOf<AgendaRecord>(check, 'agenda')
    .filter((r) => r.meetingId === meetingId)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));

/** The category → departments table in force (the handbook's examples when the sheet is empty). */
export function categoryTable(check: WorkbookCheck): readonly CategoryDepartmentRecord[] {
  const rows = rowsOf<CategoryDepartmentRecord>(check, 'categoryDepartments');
  return rows.length ? rows : DEFAULT_CATEGORY_DEPARTMENTS;
}

/** The appeal with a 编号, with its related rows. */
export const caseById = (check: WorkbookCheck, id: string | undefined): AppealCase | undefined =>
  id === undefined ? undefined : check.cases.find((c) => c.appeal.id === id);

/** The unit's name, printed in titles and signatures. */
export const unitName = (check: WorkbookCheck, ask: Asker): string =>
  ask.text(check.settings.unitName, {
    field: 'unitName',
    zh: '单位名称（印在标题和落款上）',
    en: 'Name of the unit (printed in titles and signatures)',
    setting: 'unitName',
  });

/** The union chair: the group's office director and the meetings' moderator. */
export const unionChair = (check: WorkbookCheck, ask: Asker): string =>
  ask.text(check.settings.unionChair, {
    field: 'unionChair',
    zh: '工会主席姓名',
    en: 'Name of the union chair',
    setting: 'unionChair',
  });

/** The head of the administration: the group's leader. */
export const adminHead = (check: WorkbookCheck, ask: Asker, known?: string): string =>
  ask.text(known || check.settings.adminHead, {
    field: 'adminHead',
    zh: '企业行政负责人姓名',
    en: 'Name of the head of the administration',
    setting: 'adminHead',
  });
