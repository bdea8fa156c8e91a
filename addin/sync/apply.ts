import type { EscalationView, PulledRecord, SyncConflict, SyncResponse } from '../../shared';
import { fingerprint } from './diff';
import type { OfflineQueue, QueuedChange } from './queue';
import { recordId, rememberPurged, type SyncState } from './state';

/** What one sync response changed on this side. */
export interface Applied {
  readonly pushed: number;
  /** Records changed in the cloud by others, for the pane to write into the workbook. */
  readonly pulled: PulledRecord[];
  readonly conflicts: SyncConflict[];
  readonly escalations: EscalationView[];
}

const escalationKey = (e: EscalationView) => `${e.direction}|${e.fromUnit}|${e.toUnit}|${e.appealId}`;

/**
 * Takes a sync response in: settled changes leave the queue and become the known revision;
 * conflicts keep the clerk's newest values as "yours"; pulled changes the client did not make
 * itself are returned; escalations are merged by appeal.
 */
export function applyResponse(
  res: SyncResponse,
  sent: readonly QueuedChange[],
  queue: OfflineQueue,
  state: SyncState,
): Applied {
  const byChange = new Map(sent.map((c) => [c.changeId, c]));
  let pushed = 0;
  for (const r of res.results) {
    const q = byChange.get(r.changeId);
    if (!q) continue;
    queue.settle(r.changeId, r.revision);
    state.known[q.id] = {
      rev: r.revision,
      hash: q.hash,
      fields: q.fields,
      ...(q.deleted ? { deleted: true } : {}),
      // Staged from the workbook's rows, so the workbook held it.
      held: true,
    };
    pushed++;
  }
  const conflicts: SyncConflict[] = [];
  for (const c of res.conflicts) {
    const q = byChange.get(c.changeId);
    if (!q) continue;
    const newest = queue.drop(q.id).at(-1) ?? q;
    const conflict: SyncConflict = {
      ...c,
      yours: { baseRevision: q.baseRevision, values: newest.values, deleted: newest.deleted },
    };
    state.conflicts = [...state.conflicts.filter((x) => recordId(x.register, x.key) !== q.id), conflict];
    conflicts.push(conflict);
  }
  const pulled: PulledRecord[] = [];
  for (const ch of res.changes) {
    const id = recordId(ch.register, ch.key);
    // Our own change coming back (same revision as we now know) is not news.
    if (state.known[id]?.rev === ch.revision) continue;
    const fp = fingerprint(ch.register, ch.values);
    state.known[id] = {
      rev: ch.revision,
      hash: ch.deleted ? '' : fp.hash,
      fields: fp.fields,
      ...(ch.deleted ? { deleted: true } : {}),
      // Held only if the workbook held it before: the pull may never reach the workbook.
      ...(state.known[id]?.held ? { held: true as const } : {}),
    };
    // Purged by retention: the row the workbook still holds is not offered for sync again.
    if (ch.purged) {
      queue.drop(id);
      rememberPurged(state, [id]);
    }
    pulled.push(ch);
  }
  state.cursor = res.cursor;
  const merged = new Map(state.escalations.map((e) => [escalationKey(e), e]));
  for (const e of res.escalations) merged.set(escalationKey(e), e);
  state.escalations = [...merged.values()];
  const newest = res.escalations.reduce(
    (m, e) => (e.updatedAt > m ? e.updatedAt : m),
    state.escalationsSince ?? '',
  );
  if (newest) state.escalationsSince = newest;
  return { pushed, pulled, conflicts, escalations: [...res.escalations] };
}
