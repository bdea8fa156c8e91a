import { type PushRecord, SCHEMA_VERSION, type SyncRequest, type SyncResponse } from '../../shared';
import { ApiFailure, type SyncApi } from './api';
import { DEFAULT_RETRY, sleep, withRetry, type RetryPolicy } from './backoff';
import type { OfflineQueue, QueuedChange } from './queue';
import type { SyncState } from './state';

/** How a push is sent: the API and the retry policy (time and randomness injectable for tests). */
export interface PushOptions {
  readonly api: SyncApi;
  readonly unitId: string;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

const toPush = (c: QueuedChange): PushRecord => ({
  register: c.register,
  key: c.key,
  changeId: c.changeId,
  baseRevision: c.baseRevision,
  ...(c.deleted ? { deleted: true } : { values: c.values }),
  ...(c.changed.length ? { changed: c.changed } : {}),
});

/** The request that pushes `batch` and pulls from the state's cursor. */
export const syncRequest = (batch: readonly QueuedChange[], state: SyncState): SyncRequest => ({
  schemaVersion: SCHEMA_VERSION,
  cursor: state.cursor,
  records: batch.map(toPush),
  ...(state.ledgersBuilt ? { ledgersBuilt: state.ledgersBuilt } : {}),
  ...(state.escalationsSince ? { escalationsSince: state.escalationsSince } : {}),
});

/**
 * Sends one sync request, retrying transient failures with backoff (the same change ids, so the
 * cloud applies nothing twice). A record the cloud refuses as invalid (400 with its path) is set
 * aside for the clerk and null returned, so the rest go on the next round.
 */
export async function sendBatch(
  o: PushOptions,
  batch: readonly QueuedChange[],
  queue: OfflineQueue,
  state: SyncState,
): Promise<SyncResponse | null> {
  const body = syncRequest(batch, state);
  try {
    return await withRetry(
      () => o.api.sync(o.unitId, body),
      (e) => e instanceof ApiFailure && e.retryable,
      o.retry ?? DEFAULT_RETRY,
      o.sleep ?? sleep,
      o.random,
    );
  } catch (e) {
    const m = e instanceof ApiFailure && e.status === 400 ? /^records\[(\d+)\]/.exec(e.path ?? '') : null;
    const bad = m ? batch[Number(m[1])] : undefined;
    if (!bad || !(e instanceof ApiFailure)) throw e;
    queue.drop(bad.id);
    state.rejected.push({ register: bad.register, key: bad.key, path: e.path ?? '', message: e.text });
    return null;
  }
}
