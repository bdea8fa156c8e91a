import type { RemindersResponse } from '../../shared';
import { ApiFailure, type SyncApi } from './api';
import type { KeyValueStore } from './kv';

/** The reminders panel's data: the latest list, and whether it came from the cache while offline. */
export interface RemindersView extends RemindersResponse {
  readonly fetchedAt: string;
  readonly stale: boolean;
}

/**
 * Fetches the unit's reminders from the API, keeping the last list so the panel still shows it
 * (marked stale) when the cloud cannot be reached.
 */
export async function fetchReminders(
  api: SyncApi,
  store: KeyValueStore,
  unitId: string,
  now: () => Date = () => new Date(),
): Promise<RemindersView> {
  const key = `xieshang.reminders.${unitId}`;
  try {
    const fresh: RemindersView = {
      ...(await api.reminders(unitId)),
      fetchedAt: now().toISOString(),
      stale: false,
    };
    // The cache is a convenience: storage that is full (QuotaExceededError) does not lose the fresh list.
    await store.setItem(key, JSON.stringify(fresh)).catch(() => undefined);
    return fresh;
  } catch (e) {
    const cached = await store.getItem(key);
    if (e instanceof ApiFailure && e.retryable && cached)
      return { ...(JSON.parse(cached) as RemindersView), stale: true };
    throw e;
  }
}
