import type { TableClient } from '@azure/data-tables';
import { auditEntity, RECORD_AUDIT_PREFIX, type Actor } from './audit';
import { HEAD_ROW_KEY, recordRowKey } from './keys';
import { fromEntity, sameContent, toEntity, type RecordWrite, type StoredRecord } from './recordEntity';
import { statusOf, type Action, type Tables } from './tables';

/** What became of one write. */
export type WriteOutcome =
  | { readonly status: 'applied' | 'duplicate' | 'unchanged'; readonly revision: string }
  | { readonly status: 'conflict'; readonly theirs: StoredRecord | null };

/** Thrown when a partition stays too contended to commit; the caller answers 503 and the client retries. */
export class BusyError extends Error {}

// Two slots of each 100-entity transaction carry the partition's head counter and the batch's
// audit entry: records, counter and audit commit together, so pulls never see a gap in the
// sequence and no record changes without its audit entry.
const BATCH = 98;
const MAX_ATTEMPTS = 8;

interface Planned {
  readonly i: number;
  /** The ETag to update against, or null to create. */
  readonly etag: string | null;
}

/** Reads the partition's change counter. */
export async function readHead(
  records: TableClient,
  unit: string,
): Promise<{ seq: number; etag: string | null }> {
  try {
    const e = await records.getEntity<{ headSeq: number }>(unit, HEAD_ROW_KEY);
    return { seq: Number(e.headSeq), etag: e.etag };
  } catch (err) {
    if (statusOf(err) === 404) return { seq: 0, etag: null };
    throw err;
  }
}

/** Reads one record, or null when the cloud has none. */
export async function readRecord(
  records: TableClient,
  unit: string,
  register: string,
  key: string,
): Promise<StoredRecord | null> {
  try {
    return fromEntity(await records.getEntity(unit, recordRowKey(register, key)));
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
}

/**
 * Applies writes to a unit's records with optimistic concurrency on ETags, in transactions of at
 * most 100 entities, each carrying its audit entry (who, when, what) atomically.
 */
export async function commitWrites(
  t: Tables,
  unit: string,
  writes: readonly RecordWrite[],
  actor: Actor,
  action: string,
  now: () => Date,
): Promise<WriteOutcome[]> {
  const out: WriteOutcome[] = new Array<WriteOutcome>(writes.length);
  // The head read once; each commit returns its new ETag, so later batches need no read.
  let head = await readHead(t.records, unit);
  for (let from = 0; from < writes.length; from += BATCH) {
    const idx = Array.from({ length: Math.min(BATCH, writes.length - from) }, (_, j) => from + j);
    head = await commitBatch(t, unit, writes, idx, { actor, action, now }, head, out);
  }
  return out;
}

const auditLine = (w: RecordWrite, seq: number) => ({
  target: `${w.register}|${w.key}`,
  changeId: w.changeId,
  base: w.baseRevision,
  seq,
  op: w.purged ? 'purge' : w.deleted ? 'delete' : w.baseRevision ? 'update' : 'create',
  fields: w.changed ?? Object.keys(w.values),
});

type Head = { seq: number; etag: string | null };

async function commitBatch(
  t: Tables,
  unit: string,
  writes: readonly RecordWrite[],
  idx: readonly number[],
  who: { actor: Actor; action: string; now: () => Date },
  start: Head,
  out: WriteOutcome[],
): Promise<Head> {
  let pending: Planned[] = idx.map((i) => ({ i, etag: (writes[i] as RecordWrite).baseRevision }));
  let head = start;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= MAX_ATTEMPTS) throw new BusyError(`partition ${unit} is busy`);
    const at = who.now();
    const headEntity = { partitionKey: unit, rowKey: HEAD_ROW_KEY, headSeq: head.seq + pending.length };
    const lines = pending.map((p, j) => auditLine(writes[p.i] as RecordWrite, head.seq + 1 + j));
    const actions: Action[] = [
      head.etag ? ['update', headEntity, 'Merge', { etag: head.etag }] : ['create', headEntity],
      ['create', auditEntity(unit, RECORD_AUDIT_PREFIX, who.actor, who.action, lines, at)],
    ];
    pending.forEach((p, j) => {
      const e = toEntity(unit, writes[p.i] as RecordWrite, head.seq + 1 + j, at.toISOString(), who.actor.id);
      actions.push(p.etag ? ['update', e, 'Replace', { etag: p.etag }] : ['create', e]);
    });
    try {
      const res = await t.records.submitTransaction(actions);
      pending.forEach((p, j) => {
        const revision = res.subResponses[j + 2]?.etag;
        if (!revision) throw new Error('the table service returned no ETag for a committed record');
        out[p.i] = { status: 'applied', revision };
      });
      return { seq: head.seq + pending.length, etag: res.subResponses[0]?.etag ?? null };
    } catch (err) {
      const status = statusOf(err);
      if (status !== 409 && status !== 412 && status !== 404) throw err;
      pending = await replan(t.records, unit, writes, pending, out);
      // Another writer may hold the head counter: read it afresh, backing off a little after the first retry.
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      head = await readHead(t.records, unit);
    }
  }
  return head;
}

/** After a failed transaction, reads each record to sort out duplicates, no-ops and conflicts. */
async function replan(
  records: TableClient,
  unit: string,
  writes: readonly RecordWrite[],
  pending: readonly Planned[],
  out: WriteOutcome[],
): Promise<Planned[]> {
  const current = await Promise.all(
    pending.map((p) =>
      readRecord(records, unit, (writes[p.i] as RecordWrite).register, (writes[p.i] as RecordWrite).key),
    ),
  );
  const next: Planned[] = [];
  pending.forEach((p, j) => {
    const w = writes[p.i] as RecordWrite;
    const cur = current[j] ?? null;
    if (cur && cur.changeId === w.changeId) out[p.i] = { status: 'duplicate', revision: cur.revision };
    else if (cur && sameContent(cur, w)) out[p.i] = { status: 'unchanged', revision: cur.revision };
    else if (w.baseRevision === null) {
      // A record deleted in the cloud may be created again; a live one may not be overwritten.
      if (!cur) next.push({ i: p.i, etag: null });
      else if (cur.deleted) next.push({ i: p.i, etag: cur.revision });
      else out[p.i] = { status: 'conflict', theirs: cur };
    } else if (cur && cur.revision === w.baseRevision) next.push({ i: p.i, etag: w.baseRevision });
    else out[p.i] = { status: 'conflict', theirs: cur };
  });
  return next;
}
