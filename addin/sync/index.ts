// The add-in's sync library: pure TypeScript over fetch, no React and no Excel; the pane wires it up.

/** The sync client, its status and outcome types. */
export {
  SyncClient,
  type ScrubbedText,
  type SyncClientOptions,
  type SyncOutcome,
  type SyncStatus,
} from './client';
/** The API client, token provider type and failures. */
export { ApiFailure, createSyncApi, type ApiOptions, type SyncApi, type TokenProvider } from './api';
/** Who the pane is signed in as, the unit's pairings (administrators), and redeeming a pairing code. */
export { createAccountApi, redeemPairingCode, type AccountApi } from './api';
/** Phone intake: publish the unit's key, pull ciphertext, confirm it is written. */
export { createIntakeApi, type IntakeApi } from './api';
/** A parent unit's actions on escalations handed up to it, and the unit tree. */
export { createEscalationApi, type EscalationApi, type IncomingRef } from './api';
/** Token caching and the local development token. */
export { cachedToken, localDevToken, tokenExpiry } from './token';
/** Persistence for the queue and state. */
export {
  memoryStore,
  migrateUnpartitioned,
  paneStore,
  partitionedKey,
  partitionedWebStorageStore,
  tolerantStore,
  webStorageStore,
  type KeyValueStore,
  type PaneStorageEnvironment,
  type WebStorageLike,
  type WebStorageLikeWithKeys,
} from './kv';
/** The reminders panel's fetcher with its offline cache. */
export { fetchReminders, type RemindersView } from './reminders';
/** Workbook rows as the sync client takes them, and their identity-free cloud values. */
export { cloudValues, stagedValues, type WorkbookRecord } from './diff';
/** Retry policy and backoff. */
export { backoffDelay, DEFAULT_RETRY, withRetry, type RetryPolicy } from './backoff';
/** Conflicts and refusals the pane shows. */
export type { RejectedChange } from './state';
/** The wire types the pane reads. */
export type { EscalationView, PulledRecord, ReminderView, SyncConflict } from '../../shared';
