// A full localStorage must not jam syncing (issue 10 review, HIGH). Web Storage's setItem throws a
// QuotaExceededError DOMException when the value cannot be stored
// (https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-setitem); the client then keeps
// the queue in memory, says so, and still stages and sends.
import { describe, expect, it } from 'vitest';
import { SyncClient } from '../../../addin/sync/client';
import { webStorageStore } from '../../../addin/sync/kv';
import { fetchReminders } from '../../../addin/sync/reminders';
import { fakeCloud } from './fakeCloud';
import { fullingStorage } from './fullStorage';

const rows = Array.from({ length: 20 }, (_, i) => {
  const id = `2025-${String(i + 1).padStart(3, '0')}`;
  return { register: 'appeals', key: id, values: { id, content: `食堂${i}`.padEnd(1000, '菜') } };
});

describe('the sync client when local storage is full', () => {
  it('stages and syncs from memory, says the changes are not saved, and clears that once it can save', async () => {
    const storage = fullingStorage(20_000);
    const cloudSide = fakeCloud();
    const client = await SyncClient.open({
      unitId: 'u-full',
      api: cloudSide.api,
      store: webStorageStore(storage),
    });
    const seen: boolean[] = [];
    client.subscribe((s) => seen.push(!!s.unsaved));
    expect(await client.stage(rows, ['appeals'])).toBe(20);
    expect(client.status()).toMatchObject({ pending: 20, unsaved: true });
    // The queue never reached storage (too large), yet the sync sends all of it.
    expect(storage.data.get('xieshang.sync.u-full.queue') ?? '[]').toBe('[]');
    const out = await client.sync();
    expect(out.ok).toBe(true);
    expect(out.pushed).toBe(20);
    expect(cloudSide.records.size).toBe(20);
    // Synced, the (now empty) queue and the state fit again.
    expect(client.status().unsaved).toBeUndefined();
    expect(seen).toContain(true);
    expect(seen.at(-1)).toBe(false);
  });

  it('still shows fresh reminders when they cannot be cached', async () => {
    const cloudSide = fakeCloud();
    const api = {
      ...cloudSide.api,
      reminders: (unitId: string) => Promise.resolve({ unitId, today: '2025-06-16', reminders: [] }),
    };
    const view = await fetchReminders(api, webStorageStore(fullingStorage(10)), 'u-full');
    expect(view).toMatchObject({ unitId: 'u-full', stale: false, reminders: [] });
  });
});
