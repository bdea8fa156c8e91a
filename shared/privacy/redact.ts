import type { FieldDef, RegisterDef } from '../schema/types';
import { ANONYMOUS } from '../schema/valueLists';

/** The fields of a register that identify an appellant (derived from the schema's identity marks). */
export const identityFields = (register: RegisterDef): FieldDef[] =>
  register.fields.filter((f) => f.identity !== undefined);

/**
 * A copy of a record without appellant identity, for the cloud and anything sent away: identity
 * fields are left out entirely, except a name that is 匿名 — that an appeal is anonymous names no
 * one, and the figures need it (an anonymous appeal is told by its 公示日期, docs/domain.md).
 */
export function stripIdentity<T extends Record<string, unknown>>(
  register: RegisterDef,
  record: T,
): Partial<T> {
  const out: Record<string, unknown> = { ...record };
  for (const f of identityFields(register))
    if (!(f.identity === 'name' && out[f.key] === ANONYMOUS)) delete out[f.key];
  return out as Partial<T>;
}

/** What a removed name shows in the management copy. */
export const REDACTED = '（已隐去）';

/**
 * A copy of a ledger or register row for the management copy: names become （已隐去）, phones
 * empty; 匿名 stays 匿名. The row keeps its columns so the sheet keeps its layout.
 */
export function redactRow<T extends Record<string, unknown>>(register: RegisterDef, row: T): T {
  const out: Record<string, unknown> = { ...row };
  for (const f of identityFields(register)) {
    const v = out[f.key];
    if (v === undefined || v === '') continue;
    out[f.key] = f.identity === 'phone' ? '' : v === ANONYMOUS ? ANONYMOUS : REDACTED;
  }
  return out as T;
}

/** Masks a name for screens that show who, but not fully: 张三 → 张*, 欧阳娜娜 → 欧***; 匿名 stays. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (name.trim() === ANONYMOUS || chars.length === 0) return name.trim();
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Masks a phone: 13812345678 → 138****5678; 0531-87654321 → 0531-****4321. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  const last4 = digits.slice(-4);
  if (digits.startsWith('0')) {
    const area = /^0(10|2\d)/.test(digits) ? digits.slice(0, 3) : digits.slice(0, 4);
    return `${area}-****${last4}`;
  }
  const local = digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits;
  return `${local.slice(0, 3)}****${local.slice(-4)}`;
}
