import type { Bilingual, EscalationView, SyncConflict } from '../../shared';
import type { KeyValueStore } from './kv';

/** What the client knows of a record as last synced: its revision and fingerprints. */
export interface KnownRecord {
  readonly rev: string;
  readonly hash: string;
  readonly fields: string;
  readonly deleted?: boolean;
  /**
   * The workbook has held this record: seen in a diff of the workbook, or written into it from a
   * pull. Only such a record is deleted in the cloud when its row is gone; one pulled but never
   * written (a register without 编号, a value the workbook refused) is not the clerk's deletion.
   */
  readonly held?: true;
}

/**
 * A change the cloud refused (invalid, or too large for any request): shown to the clerk, not
 * retried until the row changes.
 */
export interface RejectedChange {
  readonly register: string;
  readonly key: string;
  readonly path: string;
  readonly message: Bilingual;
  /** The refused values' fingerprint: the same row is not staged again until it differs. */
  readonly hash?: string;
}

/** Everything the sync client remembers between sessions, apart from the queue. */
export interface SyncState {
  readonly version: 1;
  cursor: string;
  escalationsSince?: string;
  /** By "register|key". */
  known: Record<string, KnownRecord>;
  conflicts: SyncConflict[];
  rejected: RejectedChange[];
  /**
   * Records the cloud purged by its retention period ("register|key"): never staged again, so the
   * rows the workbook still holds cannot bring them back.
   */
  purged?: string[];
  escalations: EscalationView[];
  /** Quarters whose work ledger the workbook has built, sent with every sync. */
  ledgersBuilt?: string[];
  lastSyncAt?: string;
}

const keyOf = (unitId: string) => `xieshang.sync.${unitId}.state`;

/** A fresh state: nothing synced yet. */
export const emptyState = (): SyncState => ({
  version: 1,
  cursor: '0',
  known: {},
  conflicts: [],
  rejected: [],
  purged: [],
  escalations: [],
});

/** Loads the unit's state, or a fresh one when none was saved (or it was unreadable). */
export async function loadState(store: KeyValueStore, unitId: string): Promise<SyncState> {
  const raw = await store.getItem(keyOf(unitId));
  if (!raw) return emptyState();
  try {
    const s = JSON.parse(raw) as SyncState;
    return s.version === 1 ? s : emptyState();
  } catch {
    return emptyState();
  }
}

/** Saves the unit's state. */
export const saveState = (store: KeyValueStore, unitId: string, s: SyncState): Promise<void> =>
  store.setItem(keyOf(unitId), JSON.stringify(s));

/** The id of a record in the client's maps. */
export const recordId = (register: string, key: string): string => `${register}|${key}`;

/** Marks records as held by the workbook (see KnownRecord.held). */
export function markHeld(s: SyncState, ids: Iterable<string>): void {
  for (const id of ids) {
    const k = s.known[id];
    if (k && !k.held) s.known[id] = { ...k, held: true };
  }
}

/** Remembers records the cloud purged (the sync's outcome tells which are news, against its start). */
export function rememberPurged(s: SyncState, ids: readonly string[]): void {
  s.purged = [...new Set([...(s.purged ?? []), ...ids])];
}
