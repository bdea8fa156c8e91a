import type { CellProblem } from '../cells/problem';
import type { ReadRegister, ReadRow } from '../cells/rows';
import { rosterRegister } from '../schema/registers';
import type { VALUE_LISTS } from '../schema/valueLists';
import { say } from '../text';

/** A role of the leading group (the 小组职务 list). */
type RosterRole = (typeof VALUE_LISTS)['rosterRole']['values'][number];

/** The group's head: the enterprise's administrative head (docs/domain.md, step 1). */
export const GROUP_LEADER: RosterRole = '组长';
/** The director of the group's office, which sits in the union: the union chair. */
export const OFFICE_DIRECTOR: RosterRole = '办公室主任';
/** What a member's 单位职务 says when the member is an employee representative. */
export const EMPLOYEE_REPRESENTATIVE = '职工代表';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Checks the leading group's roster (领导小组, docs/domain.md step 1): it has a 组长, an
 * 办公室主任 and at least one member whose 单位职务 is 职工代表, and a single 组长 and 办公室主任.
 * An empty roster is not judged (nothing has been entered yet). A missing role is addressed to
 * the 小组职务 header cell; a second holder of a single role to that holder's row.
 */
export function rosterChecks(roster: ReadRegister | undefined): CellProblem[] {
  const rows = roster?.rows ?? [];
  if (rows.length === 0) return [];
  const out: CellProblem[] = [];
  const headerOf = (key: 'role' | 'position'): string =>
    roster?.headers.headerOf.get(key) ?? (rosterRegister.fields.find((f) => f.key === key)?.header as string);
  const headerRow = Math.max(1, (rows[0]?.row ?? 2) - 1);
  const sheet = rosterRegister.sheet;
  const missing = (code: string, zh: string, en: string): void => {
    out.push({
      sheet,
      row: headerRow,
      column: 'role',
      header: headerOf('role'),
      raw: headerOf('role'),
      severity: 'warning',
      code,
      message: say(zh, en),
    });
  };
  for (const role of [GROUP_LEADER, OFFICE_DIRECTOR]) {
    const holders = rows.filter((r: ReadRow) => str(r.values['role']) === role);
    if (holders.length === 0)
      missing(
        'roster-missing-role',
        `领导小组名单中没有“${role}”：${role === GROUP_LEADER ? '组长一般由企业行政负责人担任' : '办公室主任由工会主席兼任'}`,
        `the leading group has no ${role} (${role === GROUP_LEADER ? 'usually the enterprise head' : 'the union chair'})`,
      );
    for (const extra of holders.slice(1))
      out.push({
        sheet,
        row: extra.row,
        column: 'role',
        header: headerOf('role'),
        raw: extra.values['role'],
        severity: 'warning',
        code: 'roster-duplicate-role',
        message: say(
          `领导小组只设一名“${role}”，第 ${holders[0]?.row} 行已有`,
          `the leading group has one ${role}; row ${holders[0]?.row} already holds it`,
        ),
      });
  }
  if (!rows.some((r) => str(r.values['position'])?.includes(EMPLOYEE_REPRESENTATIVE)))
    missing(
      'roster-no-representative',
      `领导小组成员中没有职工代表：至少一名成员的“${headerOf('position')}”应为“${EMPLOYEE_REPRESENTATIVE}”`,
      `the leading group has no employee representative: at least one member's position (${headerOf('position')}) must be ${EMPLOYEE_REPRESENTATIVE}`,
    );
  return out;
}
