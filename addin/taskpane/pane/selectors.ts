import {
  DEFAULT_CATEGORY_DEPARTMENTS,
  DEFAULT_VALUE_LISTS,
  type AppealCase,
  type CategoryDepartmentRecord,
  type ValueLists,
} from '../../../shared';
import type { PaneWorkbook, SelectedRecord } from '../operations';

/** The value lists in force (the defaults until the workbook is read). */
export const listsOf = (wb: PaneWorkbook | null): ValueLists => wb?.check.lists ?? DEFAULT_VALUE_LISTS;

/** The 编号 of every appeal, to keep a new one unique. */
export const appealIds = (wb: PaneWorkbook | null): Set<string> =>
  new Set((wb?.check.cases ?? []).flatMap((c) => (c.appeal.id ? [c.appeal.id] : [])));

/** The appeal a selected row is about: an appeal row itself, or a row that refers to one. */
export const selectedAppealId = (s: SelectedRecord | null): string | undefined =>
  !s ? undefined : s.register === 'appeals' ? s.values.id || undefined : s.values.appealId || undefined;

/** The appeal with a 编号, with its related rows. */
export const caseOf = (wb: PaneWorkbook | null, id: string | undefined): AppealCase | undefined =>
  id === undefined ? undefined : wb?.check.cases.find((c) => c.appeal.id === id);

/** The category → departments table in force (the handbook's examples when the sheet is empty). */
export function categoryRows(wb: PaneWorkbook | null): readonly CategoryDepartmentRecord[] {
  const rows = (wb?.check.read.categoryDepartments?.rows ?? []).map(
    (r) => r.values as CategoryDepartmentRecord,
  );
  return rows.length ? rows : DEFAULT_CATEGORY_DEPARTMENTS;
}

/** The next free 编号 of the year, as 2025-018 after 2025-017 (the core's generator). */
export { nextId } from '../../../shared';
