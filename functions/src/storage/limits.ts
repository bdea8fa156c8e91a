// The limits of Azure Table Storage, checked before every SDK call so a value the service cannot
// hold is a 400/413 naming the field, never the SDK's error turned into a 500.
// Source: "Understanding the Table service data model"
// https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model
// (keys: up to 1 KiB, no / \ # ? or control characters U+0000–U+001F, U+007F–U+009F; at most 255
// properties with PartitionKey, RowKey and Timestamp; a string property up to 64 KiB; an entity up
// to 1 MiB, sized by the formula of its "Size of an entity" note) and "Performing entity group
// transactions" https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions
// (at most 100 entities and a 4 MiB payload per transaction).
import { say } from '../../../shared';
import { HttpError } from '../http/errors';

/** A key holds at most 1 KiB: 512 UTF-16 code units. */
export const MAX_KEY_UNITS = 512;
/** PartitionKey, RowKey and Timestamp count among the 255. */
export const MAX_PROPERTIES = 255;
/** A string property holds at most 64 KiB: 32,767 UTF-16 code units (the 64 KiB less its length word). */
export const MAX_STRING_UNITS = 32_767;
/** An entity holds at most 1 MiB by the documented size formula. */
export const MAX_ENTITY_BYTES = 1024 * 1024;
/** A transaction holds at most 100 entities. */
export const MAX_BATCH_ENTITIES = 100;
/** A transaction's payload holds at most 4 MiB. */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** What a transaction's multipart envelope adds per operation (headers, boundaries, URL): a generous bound. */
const BATCH_OP_OVERHEAD = 2048;

/**
 * Text longer than one string property, split over `${name}0`, `${name}1`… each within
 * MAX_STRING_UNITS (a surrogate pair is never cut); empty text has no column.
 */
export function textColumns(name: string, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let start = 0, n = 0; start < text.length; n++) {
    let end = Math.min(start + MAX_STRING_UNITS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out[`${name}${n}`] = text.slice(start, end);
    start = end;
  }
  return out;
}

/** The text textColumns split: `${name}0`, `${name}1`… joined up to the first absent one. */
export function columnsText(entity: object, name: string): string {
  const e = entity as Readonly<Record<string, unknown>>;
  let text = '';
  for (let n = 0; typeof e[`${name}${n}`] === 'string'; n++) text += e[`${name}${n}`] as string;
  return text;
}

const SYSTEM_PROPERTIES = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag']);

// Forbidden in keys: / \ # ? and the control characters.
// eslint-disable-next-line no-control-regex
const BAD_KEY_CHAR = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

/** Raises the limit error: 400, or 413 when it is the size of the thing that is too much. */
function refuse(status: 400 | 413, path: string, zh: string, en: string, limit?: number): never {
  throw new HttpError(status, 'storage-limit', say(`${path}：${zh}`, `${path}: ${en}`), {
    path,
    ...(limit !== undefined ? { limit } : {}),
  });
}

/** Checks a PartitionKey or RowKey value. */
export function checkKey(value: string, path: string): void {
  if (value.length === 0) refuse(400, path, '存储键不能为空', 'a storage key may not be empty');
  if (value.length > MAX_KEY_UNITS)
    refuse(400, path, '存储键超过 1 KiB', 'a storage key may hold at most 1 KiB', MAX_KEY_UNITS);
  if (BAD_KEY_CHAR.test(value))
    refuse(
      400,
      path,
      '存储键不能包含 / \\ # ? 或控制字符',
      'a storage key may not hold / \\ # ? or control characters',
    );
}

/** The bytes a property value takes by the documented formula (numbers as 8-byte Int64/Double). */
function valueBytes(v: unknown): number {
  if (typeof v === 'string') return v.length * 2 + 4;
  if (typeof v === 'boolean') return 1;
  if (typeof v === 'number' || typeof v === 'bigint') return 8;
  if (v instanceof Date) return 8;
  if (v instanceof Uint8Array) return v.byteLength + 4;
  if (v && typeof v === 'object' && 'value' in v) return valueBytes((v as { value: unknown }).value);
  return 0;
}

/**
 * The size of an entity by the documented formula: 4 bytes + Len(PartitionKey + RowKey) * 2 +
 * for each property (8 bytes + Len(name) * 2 + the size of its value).
 */
export function entityBytes(e: Readonly<Record<string, unknown>>): number {
  let n = 4 + (String(e.partitionKey ?? '').length + String(e.rowKey ?? '').length) * 2;
  for (const [name, v] of Object.entries(e)) {
    if (SYSTEM_PROPERTIES.has(name) || v === undefined) continue;
    n += 8 + name.length * 2 + valueBytes(v);
  }
  return n;
}

/** Where a property of an entity came from, for the error's path. */
export type PathOf = (property: string) => string;

/** Checks one entity against every per-entity limit before it goes to the service. */
export function checkEntity(e: Readonly<Record<string, unknown>>, pathOf: PathOf): void {
  checkKey(String(e.partitionKey ?? ''), pathOf('partitionKey'));
  checkKey(String(e.rowKey ?? ''), pathOf('rowKey'));
  const names = Object.keys(e).filter((k) => !SYSTEM_PROPERTIES.has(k) && e[k] !== undefined);
  // The user's properties plus PartitionKey, RowKey and Timestamp.
  if (names.length + 3 > MAX_PROPERTIES)
    refuse(
      400,
      pathOf(names[MAX_PROPERTIES - 3] ?? ''),
      `属性超过 ${MAX_PROPERTIES} 个`,
      `an entity holds at most ${MAX_PROPERTIES} properties`,
      MAX_PROPERTIES,
    );
  for (const name of names) {
    const v = e[name];
    if (typeof v === 'string' && v.length > MAX_STRING_UNITS)
      refuse(
        413,
        pathOf(name),
        `文字超过 64 KiB（${MAX_STRING_UNITS} 个 UTF-16 单位）`,
        `a text may hold at most 64 KiB (${MAX_STRING_UNITS} UTF-16 units)`,
        MAX_STRING_UNITS,
      );
  }
  const bytes = entityBytes(e);
  if (bytes > MAX_ENTITY_BYTES)
    refuse(
      413,
      pathOf(''),
      '一条存储记录超过 1 MiB',
      'one stored entity may hold at most 1 MiB',
      MAX_ENTITY_BYTES,
    );
}

/** The payload a transaction of these entities takes at most (JSON in UTF-8 plus envelope). */
export function batchBytes(entities: readonly Readonly<Record<string, unknown>>[]): number {
  let n = 0;
  for (const e of entities) n += Buffer.byteLength(JSON.stringify(e), 'utf8') + BATCH_OP_OVERHEAD;
  return n;
}

/** Checks a transaction: each entity, then at most 100 of them and 4 MiB in all. */
export function checkBatch(
  entities: readonly Readonly<Record<string, unknown>>[],
  pathOf: (i: number) => PathOf,
  path: string,
): void {
  entities.forEach((e, i) => checkEntity(e, pathOf(i)));
  if (entities.length > MAX_BATCH_ENTITIES)
    refuse(
      413,
      path,
      `一次事务超过 ${MAX_BATCH_ENTITIES} 条`,
      `a transaction holds at most ${MAX_BATCH_ENTITIES} entities`,
      MAX_BATCH_ENTITIES,
    );
  if (batchBytes(entities) > MAX_BATCH_BYTES)
    refuse(413, path, '一次事务超过 4 MiB', 'a transaction holds at most 4 MiB', MAX_BATCH_BYTES);
}

/** A path function naming properties under one base path (`base.property`, or `base` for the whole). */
export const under =
  (base: string, rename: Readonly<Record<string, string>> = {}): PathOf =>
  (property) =>
    property === '' ? base : `${base}.${rename[property] ?? property}`;
