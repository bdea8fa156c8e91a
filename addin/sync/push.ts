import { type PushRecord, say, SCHEMA_VERSION, type SyncRequest, type SyncResponse } from '../../shared';
import { ApiFailure, type SyncApi } from './api';
import { DEFAULT_RETRY, sleep, withRetry, type RetryPolicy } from './backoff';
import type { OfflineQueue, QueuedChange } from './queue';
import { jsonBytes } from './size';
import { recordId, rememberPurged, type SyncState } from './state';

/** How a push is sent: the API and the retry policy (time and randomness injectable for tests). */
export interface PushOptions {
  readonly api: SyncApi;
  readonly unitId: string;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** A queued change as it travels in a sync request. */
export const toPush = (c: QueuedChange): PushRecord => ({
  register: c.register,
  key: c.key,
  changeId: c.changeId,
  baseRevision: c.baseRevision,
  ...(c.deleted ? { deleted: true } : { values: c.values }),
  ...(c.changed.length ? { changed: c.changed } : {}),
});

/** A change's bytes in a request body: its JSON and the comma before the next. */
export const pushBytes = (c: QueuedChange): number => jsonBytes(toPush(c)) + 1;

/** The request that pushes `batch` and pulls from the state's cursor. */
export const syncRequest = (batch: readonly QueuedChange[], state: SyncState): SyncRequest => ({
  schemaVersion: SCHEMA_VERSION,
  cursor: state.cursor,
  records: batch.map(toPush),
  ...(state.ledgersBuilt ? { ledgersBuilt: state.ledgersBuilt } : {}),
  ...(state.escalationsSince ? { escalationsSince: state.escalationsSince } : {}),
});

/** How one request ended: an answer, or what was set aside so the next round can go on. */
export type BatchResult =
  | { readonly kind: 'response'; readonly response: SyncResponse }
  /** One record was refused (400 with its path, or too large) and set aside for the clerk. */
  | { readonly kind: 'set-aside' }
  /** The request was too large as a whole: send fewer records at a time. */
  | { readonly kind: 'too-large' }
  /** Records the cloud purged by retention ("register|key"), dropped from the queue; nothing was written. */
  | { readonly kind: 'purged'; readonly purged: readonly string[] };

const tooLargeForAnyRequest = say(
  '这条记录太大，单独也无法上传到云端；请缩短其中的文字后再同步',
  'this record is too large to upload even on its own; shorten its text and sync again',
);

/** The `purged` list of a 409 record-purged body, at the top level or inside `error`. */
function purgedOf(body: unknown): { register: string; key: string }[] {
  const b = body as { purged?: unknown; error?: { purged?: unknown } } | null;
  const list = b?.purged ?? b?.error?.purged;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (p): p is { register: string; key: string } =>
      typeof (p as { register?: unknown } | null)?.register === 'string' &&
      typeof (p as { key?: unknown }).key === 'string',
  );
}

/** Sets a refused change aside for the clerk, in place of an earlier refusal of the same record. */
function setAside(
  queue: OfflineQueue,
  state: SyncState,
  bad: QueuedChange,
  e: ApiFailure,
  text = e.text,
): void {
  const newest = queue.drop(bad.id).at(-1) ?? bad;
  state.rejected = [
    ...state.rejected.filter((r) => recordId(r.register, r.key) !== bad.id),
    { register: bad.register, key: bad.key, path: e.path ?? '', message: text, hash: newest.hash },
  ];
}

/**
 * Sends one sync request, retrying transient failures with backoff (the same change ids, so the
 * cloud applies nothing twice). What the cloud refuses never blocks the queue: a record it refuses
 * as invalid (400) or too large (413 record-too-large), both naming `records[i]`, is set aside for
 * the clerk; a request too large as a whole (413) asks for a smaller batch, or sets its only record
 * aside; records it purged by retention (409 record-purged) are dropped and remembered.
 */
export async function sendBatch(
  o: PushOptions,
  batch: readonly QueuedChange[],
  queue: OfflineQueue,
  state: SyncState,
): Promise<BatchResult> {
  const body = syncRequest(batch, state);
  try {
    const response = await withRetry(
      () => o.api.sync(o.unitId, body),
      (e) => e instanceof ApiFailure && e.retryable,
      o.retry ?? DEFAULT_RETRY,
      o.sleep ?? sleep,
      o.random,
    );
    return { kind: 'response', response };
  } catch (e) {
    if (!(e instanceof ApiFailure)) throw e;
    const at = /^records\[(\d+)\]/.exec(e.path ?? '');
    const named = at ? batch[Number(at[1])] : undefined;
    if (e.status === 409 && e.code === 'record-purged') {
      const sent = new Set(batch.map((c) => c.id));
      const ids = purgedOf(e.body)
        .map((p) => recordId(p.register, p.key))
        .filter((id) => sent.has(id));
      if (ids.length === 0 && named) ids.push(named.id);
      if (ids.length === 0) throw e;
      for (const id of ids) queue.drop(id);
      rememberPurged(state, ids);
      return { kind: 'purged', purged: ids };
    }
    if (e.status === 413 && !named) {
      if (batch.length > 1) return { kind: 'too-large' };
      const only = batch[0];
      if (!only) throw e;
      setAside(queue, state, only, e, tooLargeForAnyRequest);
      return { kind: 'set-aside' };
    }
    if ((e.status === 400 || e.status === 413) && named) {
      setAside(queue, state, named, e);
      return { kind: 'set-aside' };
    }
    throw e;
  }
}
