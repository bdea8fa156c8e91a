import type { Bilingual, EscalationView, SyncConflict } from '../../shared';
import type { KeyValueStore } from './kv';

/** What the client knows of a record as last synced: its revision and fingerprints. */
export interface KnownRecord {
  readonly rev: string;
  readonly hash: string;
  readonly fields: string;
  readonly deleted?: boolean;
}

/** A change the cloud refused as invalid (400): shown to the clerk, not retried. */
export interface RejectedChange {
  readonly register: string;
  readonly key: string;
  readonly path: string;
  readonly message: Bilingual;
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
