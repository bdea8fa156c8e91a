import type { JWTPayload } from 'jose';
import { WIRE_ROLES, type CallerView, type WireRole } from '../../../shared';

/** What a caller may be: a union clerk, the union chair, management (aggregates only) or an administrator. */
export type Role = WireRole;

/** Every role, in the order the policy table lists them (the wire contract's list). */
export const ROLES: readonly Role[] = WIRE_ROLES;

/** An authenticated caller: who, in which roles, for which units ('*': every unit, admin only). */
export interface Caller {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly units: readonly string[] | '*';
  /** How the caller signed in: an Entra ID token, a development token or a pairing credential. */
  readonly via?: CallerView['via'];
}

/** Which claims carry the roles and the units (Entra app roles arrive in `roles`). */
export interface ClaimNames {
  readonly roles: string;
  readonly units: string;
}

const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string'
      ? v.split(/[\s,]+/).filter(Boolean)
      : [];

// Entra app roles are usually named like "Xieshang.Clerk"; the last segment is the role.
const roleOf = (s: string): Role | undefined => {
  const r = s.split('.').pop()?.toLowerCase();
  return ROLES.find((x) => x === r);
};

/** Maps a verified token's claims to a caller; null when it carries no known role. */
export function callerFromClaims(payload: JWTPayload, names: ClaimNames): Caller | null {
  const roles = [
    ...new Set(
      list(payload[names.roles])
        .map(roleOf)
        .filter((r): r is Role => !!r),
    ),
  ];
  if (roles.length === 0) return null;
  const units = list(payload[names.units]);
  const id = typeof payload.oid === 'string' ? payload.oid : (payload.sub ?? '');
  if (!id) return null;
  // Only an administrator may hold every unit; '*' from anyone else grants nothing.
  if (units.includes('*'))
    return { id, roles, units: roles.includes('admin') ? '*' : units.filter((u) => u !== '*') };
  return { id, roles, units };
}
