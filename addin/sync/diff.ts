import {
  registerByKey,
  scrubTextIdentities,
  stripIdentity,
  SYNC_REGISTERS,
  type WireValue,
} from '../../shared';
import { changedFields, fieldHashes, recordHash } from './hash';
import type { Edit } from './queue';
import { recordId, type KnownRecord } from './state';

/** A row as the pane reads it from the workbook: typed values, identity still in. */
export interface WorkbookRecord {
  readonly register: string;
  readonly key: string;
  readonly values: Readonly<Record<string, unknown>>;
}

const SYNCED = new Set(SYNC_REGISTERS.map((r) => r.key));

/**
 * A row's values as they may leave the machine, and the text fields that had identity numbers:
 * identity fields removed (the core's stripIdentity), mobile, landline and ID numbers typed into
 * text replaced by （已隐去） (the core's scrubTextIdentities), empty cells left out. The record's
 * own key is left as it is: the cloud checks it equals the key, and refuses one carrying a number.
 */
export function stagedValues(
  register: string,
  values: Readonly<Record<string, unknown>>,
): { values: Record<string, WireValue>; scrubbed: string[] } {
  const def = registerByKey(register);
  const out: Record<string, WireValue> = {};
  const scrubbed: string[] = [];
  for (const [k, v] of Object.entries(stripIdentity(def, values))) {
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    if (typeof v !== 'string' || v === '') continue;
    const clean = k === def.idField ? v : scrubTextIdentities(v);
    if (clean !== v) scrubbed.push(k);
    out[k] = clean;
  }
  return { values: out, scrubbed };
}

/** A row's values as they may leave the machine (see stagedValues); the workbook's cells are never changed. */
export const cloudValues = (
  register: string,
  values: Readonly<Record<string, unknown>>,
): Record<string, WireValue> => stagedValues(register, values).values;

/** The fingerprints of a row's cloud values. */
export function fingerprint(
  register: string,
  values: Readonly<Record<string, WireValue>>,
): { hash: string; fields: string } {
  return {
    hash: recordHash(values),
    fields: fieldHashes(
      registerByKey(register).fields.map((f) => f.key),
      values,
    ),
  };
}

/**
 * The edits that bring the cloud up to the workbook: rows whose cloud values differ from what was
 * last synced or queued, and deletions of rows the workbook held (KnownRecord.held) and no longer has. Only registers the
 * cloud keeps, and only those in `covered` (the registers the snapshot actually read), take part.
 */
export function diffWorkbook(
  rows: readonly WorkbookRecord[],
  covered: readonly string[],
  known: Readonly<Record<string, KnownRecord>>,
  pending: (id: string) => { hash: string; deleted: boolean } | undefined,
): Edit[] {
  const registers = new Set(covered.filter((r) => SYNCED.has(r)));
  const edits: Edit[] = [];
  const present = new Set<string>();
  for (const row of rows) {
    if (!registers.has(row.register)) continue;
    const id = recordId(row.register, row.key);
    present.add(id);
    const { values, scrubbed } = stagedValues(row.register, row.values);
    const { hash, fields } = fingerprint(row.register, values);
    const queued = pending(id);
    const was = known[id];
    if (queued ? queued.hash === hash && !queued.deleted : was && was.hash === hash && !was.deleted) continue;
    const keys = registerByKey(row.register).fields.map((f) => f.key);
    const changed = was && !was.deleted ? changedFields(keys, was.fields, fields) : Object.keys(values);
    edits.push({
      id,
      register: row.register,
      key: row.key,
      baseRevision: was?.rev ?? null,
      values,
      deleted: false,
      changed,
      hash,
      fields,
      ...(scrubbed.length ? { scrubbed } : {}),
    });
  }
  for (const [id, was] of Object.entries(known)) {
    const register = id.slice(0, id.indexOf('|'));
    // Only a record the workbook held is deleted by its absence: one pulled but never written is not.
    if (!registers.has(register) || present.has(id) || !was.held || was.deleted || pending(id)?.deleted)
      continue;
    edits.push({
      id,
      register,
      key: id.slice(register.length + 1),
      baseRevision: was.rev,
      values: {},
      deleted: true,
      changed: [],
      hash: '',
      fields: '',
    });
  }
  return edits;
}
