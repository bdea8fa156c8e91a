import {
  MAX_RECORD_CHARS,
  MAX_RECORDS,
  say,
  SCHEMA_VERSION,
  syncRegister,
  type WireValue,
} from '../../../shared';
import { HttpError, invalidBody } from '../http/errors';
import type { RecordWrite } from '../storage';
import { canonicalJson } from '../storage/keys';
import { expected, isObject, noOtherKeys, Problems } from '../util/problems';
import { checkValues } from './values';

/** A sync request after checking: typed, identity-free, within limits. */
export interface ParsedSync {
  readonly cursor: number;
  readonly writes: RecordWrite[];
  readonly ledgersBuilt?: string[];
  readonly escalationsSince?: string;
}

const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f);

// Row keys may not hold control characters (the table service refuses them).
const validKey = (k: string): boolean =>
  k.length >= 1 && k.length <= 200 && ![...k].some((ch) => isControl(ch.codePointAt(0) ?? 0));
const CHANGE_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

function checkRecord(raw: unknown, i: number, version: number, p: Problems): RecordWrite | null {
  const path = `records[${i}]`;
  if (!isObject(raw)) {
    p.add(path, expected.object);
    return null;
  }
  noOtherKeys(raw, ['register', 'key', 'changeId', 'baseRevision', 'values', 'deleted', 'changed'], path, p);
  const register = typeof raw.register === 'string' ? syncRegister(raw.register) : undefined;
  if (!register) {
    p.add(`${path}.register`, say('不是可同步的登记表', 'not a register the cloud keeps'));
    return null;
  }
  const { key, changeId, baseRevision } = raw;
  if (typeof key !== 'string' || !validKey(key))
    p.add(`${path}.key`, say('记录键应为 1–200 个字符的文字', 'key must be 1–200 characters of text'));
  if (typeof changeId !== 'string' || !CHANGE_ID.test(changeId))
    p.add(
      `${path}.changeId`,
      say('变更标识应为 1–100 个字母、数字或 _.:-', 'changeId must be 1–100 letters, digits or _.:-'),
    );
  if (baseRevision !== null && (typeof baseRevision !== 'string' || baseRevision.length > 200))
    p.add(`${path}.baseRevision`, expected.stringOrNull);
  const deleted = raw.deleted ?? false;
  if (typeof deleted !== 'boolean') p.add(`${path}.deleted`, expected.boolean);
  if (deleted === true && baseRevision === null)
    p.add(`${path}.baseRevision`, say('删除记录须给出其版本', 'a deletion needs the revision it deletes'));
  const values: Record<string, WireValue> =
    deleted === true ? {} : checkValues(register, version, raw.values, `${path}.values`, p);
  if (!deleted && register.idField && typeof key === 'string' && values[register.idField] !== key)
    p.add(`${path}.values.${register.idField}`, say('应与记录键相同', 'must equal the record key'));
  const changed = raw.changed;
  if (
    changed !== undefined &&
    (!Array.isArray(changed) ||
      changed.some((c) => typeof c !== 'string' || !register.fields.some((f) => f.key === c)))
  )
    p.add(
      `${path}.changed`,
      say('应为该登记表的字段名数组', "expected an array of the register's field keys"),
    );
  if (canonicalJson(values).length > MAX_RECORD_CHARS)
    throw new HttpError(
      413,
      'record-too-large',
      say(
        `单条记录不得超过 ${MAX_RECORD_CHARS} 个字符`,
        `one record may take at most ${MAX_RECORD_CHARS} characters`,
      ),
      {
        path: `${path}.values`,
        limit: MAX_RECORD_CHARS,
      },
    );
  return {
    register: register.key,
    key: String(key),
    changeId: String(changeId),
    baseRevision: (baseRevision as string | null) ?? null,
    values,
    deleted: deleted === true,
    ...(Array.isArray(changed) ? { changed: changed as string[] } : {}),
  };
}

/** Checks a sync body; 400 naming the first bad field's path, 413 above the record limit. */
export function parseSync(body: unknown): ParsedSync {
  const p = new Problems();
  if (!isObject(body)) throw invalidBody([{ path: '$', message: expected.object }]);
  noOtherKeys(body, ['schemaVersion', 'cursor', 'records', 'ledgersBuilt', 'escalationsSince'], '$', p);
  const version = body.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > SCHEMA_VERSION)
    p.add(
      'schemaVersion',
      say(`应为 1–${SCHEMA_VERSION} 的整数`, `expected a whole number 1–${SCHEMA_VERSION}`),
    );
  const cursor = body.cursor ?? '0';
  if (typeof cursor !== 'string' || !/^\d{1,15}$/.test(cursor))
    p.add('cursor', say('同步游标无效', 'invalid cursor'));
  const records = body.records ?? [];
  if (!Array.isArray(records)) p.add('records', expected.array);
  else if (records.length > MAX_RECORDS)
    throw new HttpError(
      413,
      'too-many-records',
      say(
        `每次最多同步 ${MAX_RECORDS} 条记录，本次 ${records.length} 条`,
        `at most ${MAX_RECORDS} records per sync request; got ${records.length}`,
      ),
      {
        path: 'records',
        limit: MAX_RECORDS,
      },
    );
  const writes: RecordWrite[] = [];
  const seen = new Set<string>();
  if (Array.isArray(records) && typeof version === 'number') {
    records.forEach((r, i) => {
      const w = checkRecord(r, i, Math.min(Math.max(1, version), SCHEMA_VERSION), p);
      if (!w) return;
      const id = `${w.register}|${w.key}`;
      if (seen.has(id))
        p.add(
          `records[${i}].key`,
          say('同一记录在本次请求中出现两次', 'the same record appears twice in this request'),
        );
      seen.add(id);
      writes.push(w);
    });
  }
  const ledgers = body.ledgersBuilt;
  if (
    ledgers !== undefined &&
    (!Array.isArray(ledgers) ||
      ledgers.length > 400 ||
      ledgers.some((l) => typeof l !== 'string' || !/^\d{4}Q[1-4]$/.test(l)))
  )
    p.add(
      'ledgersBuilt',
      say('应为“2025Q3”形式的季度数组', 'expected an array of quarters such as "2025Q3"'),
    );
  const since = body.escalationsSince;
  if (since !== undefined && (typeof since !== 'string' || Number.isNaN(Date.parse(since))))
    p.add('escalationsSince', say('应为 ISO 时间', 'expected an ISO time'));
  if (!p.ok) throw invalidBody(p.list);
  return {
    cursor: Number(cursor),
    writes,
    ...(ledgers ? { ledgersBuilt: ledgers as string[] } : {}),
    ...(since ? { escalationsSince: since as string } : {}),
  };
}
