import type { Caller, Role } from './caller';

/** What an endpoint does, as far as permissions go. */
export type Access = 'sync' | 'reminders' | 'escalate' | 'summary' | 'configure' | 'identify';

/**
 * Who may do what. Management sees aggregates only (docs/domain.md: summaries carry no appellant and no
 * single appeal); configuring units (tree and channels) is for administrators.
 */
export const POLICY: Readonly<Record<Access, readonly Role[]>> = {
  sync: ['clerk', 'chair', 'admin'],
  reminders: ['clerk', 'chair', 'admin'],
  escalate: ['clerk', 'chair', 'admin'],
  summary: ['clerk', 'chair', 'management', 'admin'],
  configure: ['admin'],
  identify: ['clerk', 'chair', 'management', 'admin'],
};

/** Whether a caller may act for a unit. */
export const inScope = (caller: Caller, unitId: string): boolean =>
  caller.units === '*' || caller.units.includes(unitId);

/** Whether a caller may do `access` on `unitId`. */
export const allowed = (caller: Caller, access: Access, unitId: string): boolean =>
  caller.roles.some((r) => POLICY[access].includes(r)) && inScope(caller, unitId);

/**
 * Whether a caller may put `unitId` under `parentId`: a parent reads its children's escalations and
 * figures, so attaching needs the configure right over both units, not just the one being moved.
 */
export const mayAttach = (caller: Caller, unitId: string, parentId: string): boolean =>
  allowed(caller, 'configure', unitId) && allowed(caller, 'configure', parentId);
