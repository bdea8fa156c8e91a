import {
  checkWire,
  MAX_RECORD_CHARS,
  MAX_RECORDS,
  say,
  syncRequestSchema,
  type WireValue,
} from '../../../shared';
import { HttpError, wireError } from '../http/errors';
import type { RecordWrite } from '../storage';
import { canonicalJson } from '../storage/keys';

/** A sync request after checking: typed, identity-free, within limits. */
export interface ParsedSync {
  readonly cursor: number;
  readonly writes: RecordWrite[];
  readonly ledgersBuilt?: string[];
  readonly escalationsSince?: string;
}

const tooMany = (n: number) =>
  new HttpError(
    413,
    'too-many-records',
    say(
      `每次最多同步 ${MAX_RECORDS} 条记录，本次 ${n} 条`,
      `at most ${MAX_RECORDS} records per sync request; got ${n}`,
    ),
    { path: 'records', limit: MAX_RECORDS },
  );

const tooLarge = (i: number) =>
  new HttpError(
    413,
    'record-too-large',
    say(
      `单条记录不得超过 ${MAX_RECORD_CHARS} 个字符`,
      `one record may take at most ${MAX_RECORD_CHARS} characters`,
    ),
    { path: `records[${i}].values`, limit: MAX_RECORD_CHARS },
  );

// Empty text is an empty cell: the cloud does not keep it.
const kept = (values: Readonly<Record<string, WireValue>> | undefined): Record<string, WireValue> =>
  Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== ''));

/**
 * Checks a sync body against the wire schema (shared/wire/schema.ts): 400 invalid-body or
 * identity-in-text naming the first bad field's path; 413 above the record count or one record's size.
 */
export function parseSync(body: unknown): ParsedSync {
  // The count is a size limit (413, the client sends fewer), judged before any record is read.
  const records = (body as { records?: unknown } | null)?.records;
  if (Array.isArray(records) && records.length > MAX_RECORDS) throw tooMany(records.length);
  const checked = checkWire(syncRequestSchema, body);
  if (!checked.ok) throw wireError(checked);
  const { value } = checked;
  const writes = (value.records ?? []).map((r, i): RecordWrite => {
    const deleted = r.deleted === true;
    const values = deleted ? {} : kept(r.values);
    if (canonicalJson(values).length > MAX_RECORD_CHARS) throw tooLarge(i);
    return {
      register: r.register,
      key: r.key,
      changeId: r.changeId,
      baseRevision: r.baseRevision,
      values,
      deleted,
      ...(r.changed ? { changed: r.changed } : {}),
    };
  });
  return {
    cursor: Number(value.cursor ?? '0'),
    writes,
    ...(value.ledgersBuilt ? { ledgersBuilt: value.ledgersBuilt } : {}),
    ...(value.escalationsSince ? { escalationsSince: value.escalationsSince } : {}),
  };
}
