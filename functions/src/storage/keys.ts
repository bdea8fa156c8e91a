// Row keys: the service forbids / \ # ? and control characters in keys, so free text is escaped.

/** Escapes a free-text key part for use in a row key. */
export const keyPart = (s: string): string => encodeURIComponent(s);

/** The row key of a record: register, then the record's own key. */
export const recordRowKey = (register: string, key: string): string => `${register}|${keyPart(key)}`;

/** The row key of a partition's change counter; '~' sorts after every record's row key. */
export const HEAD_ROW_KEY = '~head';

/** Every record row key sorts below this bound (the head counter sorts above it). */
export const RECORDS_UPPER_BOUND = '~';

/** The exclusive upper bound of row keys starting with `prefix` (its last character bumped by one). */
export function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** A row key ordering entries newest first, unique even within one millisecond. */
export function newestFirstKey(at: Date, random: string): string {
  return `${String(9_999_999_999_999 - at.getTime()).padStart(13, '0')}|${random}`;
}

/** Serialises values with sorted keys, so equal values give equal text. */
export function canonicalJson(values: Readonly<Record<string, unknown>>): string {
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(values).sort()) sorted[k] = values[k];
  return JSON.stringify(sorted);
}
