import type { SyncConflict } from '../../shared';
import { fingerprint } from './diff';
import type { OfflineQueue } from './queue';
import { recordId, type SyncState } from './state';

/**
 * Settles a conflict: 'theirs' takes the cloud's version (returned, for the workbook); 'mine'
 * queues the clerk's version again on top of the cloud's revision, so it wins knowingly.
 */
export async function resolveConflict(
  state: SyncState,
  queue: OfflineQueue,
  register: string,
  key: string,
  choice: 'mine' | 'theirs',
): Promise<SyncConflict['theirs']> {
  const id = recordId(register, key);
  const c = state.conflicts.find((x) => recordId(x.register, x.key) === id);
  if (!c) return null;
  state.conflicts = state.conflicts.filter((x) => x !== c);
  const theirs = c.theirs;
  if (theirs) {
    const fp = fingerprint(register, theirs.values);
    const held = state.known[id]?.held;
    state.known[id] = {
      rev: theirs.revision,
      ...fp,
      ...(theirs.deleted ? { deleted: true } : {}),
      ...(held ? { held } : {}),
    };
  } else delete state.known[id];
  if (choice === 'mine') {
    const values = { ...c.yours.values };
    await queue.add([
      {
        id,
        register,
        key,
        baseRevision: theirs?.revision ?? null,
        values,
        deleted: c.yours.deleted,
        changed: Object.keys(values),
        ...fingerprint(register, values),
      },
    ]);
  }
  return choice === 'theirs' ? theirs : null;
}
