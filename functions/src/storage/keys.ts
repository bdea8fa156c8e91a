// Row keys: the service forbids / \ # ? and control characters in keys and holds at most 1 KiB
// (512 UTF-16 units), so free text is escaped, and a part too long once escaped is hashed.
import { createHash } from 'node:crypto';

/**
 * The longest escaped key part kept readable. Every key the service ever accepted for a record
 * (`register|part` within 512 units) up to this length keeps its row key; a prefix, a unit id and
 * a reply suffix still fit in 512 units.
 */
export const MAX_KEY_PART = 400;

/**
 * Escapes a free-text key part for use in a row key: percent-encoding (which escapes / \ # ? and
 * every control character, and never leaves a bare `|`) when that fits in MAX_KEY_PART, else
 * `|h` and the SHA-256 of the UTF-16 text. The hashed form starts with `|`, which no escaped form
 * holds, so the two never collide nor prefix one another; lone surrogates (which percent-encoding
 * cannot express) take the hashed form too. Every string maps to a legal, bounded part.
 */
export function keyPart(s: string, max = MAX_KEY_PART): string {
  let escaped: string | null = null;
  try {
    escaped = encodeURIComponent(s);
  } catch {
    // URIError: a lone surrogate.
  }
  if (escaped !== null && escaped.length > 0 && escaped.length <= max) return escaped;
  return `|h${createHash('sha256').update(Buffer.from(s, 'utf16le')).digest('hex')}`;
}

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

// U+2028/U+2029 are legal in JSON strings, but Azurite reads each operation of a transaction with
// /{+.+}+/ (node_modules/azurite/dist/src/table/batch/TableBatchSerialization.js), whose `.` stops at
// them: written raw, a record holding one fails the whole transaction. Escaped, JSON.parse gives
// the same text back.
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/** JSON text with its line separators escaped (the same value once parsed). */
export const jsonText = (value: unknown): string =>
  JSON.stringify(value).replace(LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/** Serialises values with sorted keys, so equal values give equal text (line separators escaped). */
export function canonicalJson(values: Readonly<Record<string, unknown>>): string {
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(values).sort()) sorted[k] = values[k];
  return jsonText(sorted);
}

// A raw text property holding a line separator is stored as this mark and its escaped JSON (as is
// one that starts with the mark, a noncharacter no one types), so it travels in a transaction.
const TEXT_MARK = '\uFDD0';
const HAS_LINE_SEPARATOR = /[\u2028\u2029]/;

/** A free text as a raw string property stores it (see TEXT_MARK); readText gives it back. */
export const storedText = (s: string): string =>
  HAS_LINE_SEPARATOR.test(s) || s.startsWith(TEXT_MARK) ? TEXT_MARK + jsonText(s) : s;

/**
 * The free text a raw string property stored with storedText. A value that starts with the mark but
 * is not the mark and a JSON string (written raw before the mark existed, or by hand) comes back as
 * stored: one odd row must not make a unit's profile, a pull or the timers' list of units throw.
 */
export const readText = (s: unknown): string => {
  const text = String(s ?? '');
  if (!text.startsWith(TEXT_MARK)) return text;
  try {
    const v: unknown = JSON.parse(text.slice(1));
    return typeof v === 'string' ? v : text;
  } catch {
    return text;
  }
};

/** A stored JSON list, or null when it is not one (an older build's row, or one damaged by hand). */
export function storedList<T>(json: string | undefined): T[] | null {
  try {
    const v: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? (v as T[]) : null;
  } catch {
    return null;
  }
}
