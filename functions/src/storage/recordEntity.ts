import type { PulledRecord, WireValue } from '../../../shared';
import { canonicalJson, readText, recordRowKey, storedText } from './keys';

/** A write the sync endpoint (or a cloud job) asks the records table to make. */
export interface RecordWrite {
  readonly register: string;
  readonly key: string;
  readonly changeId: string;
  readonly baseRevision: string | null;
  readonly values: Readonly<Record<string, WireValue>>;
  readonly deleted: boolean;
  /** Set by the retention job: the tombstone of a purged record. */
  readonly purged?: boolean;
  /** Field keys the clerk changed, for the audit log. */
  readonly changed?: readonly string[];
}

/** A record as stored, with the change sequence number that orders pulls. */
export interface StoredRecord extends PulledRecord {
  readonly seq: number;
  readonly changeId: string;
}

/** The entity's properties as the table holds them. */
export type RecordEntity = {
  partitionKey: string;
  rowKey: string;
  register: string;
  key: string;
  /** The appeal a row belongs to (its own 编号 for an appeal), so related rows are found by query. */
  appealId: string;
  values: string;
  deleted: boolean;
  purged: boolean;
  seq: number;
  changeId: string;
  updatedAt: string;
  updatedBy: string;
};

const appealIdOf = (register: string, values: Readonly<Record<string, WireValue>>): string => {
  const v = register === 'appeals' ? values.id : values.appealId;
  return typeof v === 'string' ? v : '';
};

/** The entity for a write, stamped with its sequence number and author. */
export function toEntity(unit: string, w: RecordWrite, seq: number, at: string, by: string): RecordEntity {
  const values = w.deleted ? {} : w.values;
  return {
    partitionKey: unit,
    rowKey: recordRowKey(w.register, w.key),
    register: w.register,
    key: storedText(w.key),
    appealId: storedText(appealIdOf(w.register, values)),
    values: canonicalJson(values),
    deleted: w.deleted,
    purged: w.purged ?? false,
    seq,
    changeId: w.changeId,
    updatedAt: at,
    updatedBy: by,
  };
}

/** Reads an entity back into a stored record; its ETag is the record's revision. */
export function fromEntity(e: Partial<RecordEntity> & { etag?: string }): StoredRecord {
  return {
    register: String(e.register ?? ''),
    key: readText(e.key),
    revision: String(e.etag ?? ''),
    values: JSON.parse(e.values ?? '{}') as Record<string, WireValue>,
    deleted: e.deleted === true,
    purged: e.purged === true,
    seq: Number(e.seq ?? 0),
    changeId: String(e.changeId ?? ''),
    updatedAt: String(e.updatedAt ?? ''),
    updatedBy: String(e.updatedBy ?? ''),
  };
}

/** Whether a stored record already holds exactly what a write would put there. */
export function sameContent(cur: StoredRecord, w: RecordWrite): boolean {
  if (cur.purged !== (w.purged ?? false) || cur.deleted !== w.deleted) return false;
  return w.deleted || canonicalJson(cur.values) === canonicalJson(w.values);
}
