import type { RegisterDef } from '../../shared';

/**
 * The fields that name a row of a register with no 编号 of its own, so the same row has the same
 * key in the workbook and the cloud (row numbers move when clerks sort or insert).
 */
const NATURAL_KEYS: Readonly<Record<string, readonly string[]>> = {
  surveys: ['appealId', 'respondent', 'surveyedOn'],
  tracking: ['appealId', 'trackedOn', 'status'],
  agenda: ['meetingId', 'seq'],
  topics: ['workshop', 'seq'],
  calendarDays: ['date', 'type'],
};

/** A row's sync key: its 编号 (or other id field), else its natural key fields joined. */
export function rowKey(register: RegisterDef, values: Readonly<Record<string, unknown>>): string | null {
  const fields = register.idField ? [register.idField] : (NATURAL_KEYS[register.key] ?? []);
  const parts = fields.map((f) => values[f]);
  if (parts.length === 0 || parts.some((p) => p === undefined || p === '')) return null;
  return parts.map(String).join('|');
}
