// Keys saved before the pane partitioned its storage move under Office.context.partitionKey once
// (issue 10 review): "any private data should be stored in partitioned localStorage"
// (https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings#storage-partitioning).
import { describe, expect, it } from 'vitest';
import { migrateUnpartitioned, paneStore } from '../../../addin/sync/kv';
import { OfflineQueue } from '../../../addin/sync/queue';
import { fullingStorage } from './fullStorage';

describe('moving unpartitioned keys under the partition', () => {
  it('moves the add-in’s plain keys, keeps a partitioned value that is already there, and removes the plain ones', async () => {
    const storage = fullingStorage(1_000_000);
    const queue = JSON.stringify([{ id: 'appeals|2025-001', changeId: 'c1' }]);
    storage.setItem('xieshang.sync.u1.queue', queue);
    storage.setItem('xieshang.language', 'en');
    storage.setItem('pk:xieshang.language', 'zh');
    storage.setItem('other.app', 'x');
    expect(migrateUnpartitioned(storage, 'pk:').sort()).toEqual([
      'xieshang.language',
      'xieshang.sync.u1.queue',
    ]);
    expect(Object.fromEntries(storage.data)).toEqual({
      'pk:xieshang.sync.u1.queue': queue,
      'pk:xieshang.language': 'zh',
      'other.app': 'x',
    });
    // The pane's store now finds the queue saved before partitioning.
    const { store } = paneStore({ localStorage: () => storage, partitionKey: 'pk:' });
    const q = await OfflineQueue.open(store, 'u1', () => 'n');
    expect(q.size).toBe(1);
  });

  it('does nothing where Office does not partition (Windows desktop)', () => {
    const storage = fullingStorage(1_000_000);
    storage.setItem('xieshang.sync.u1.queue', '[]');
    expect(migrateUnpartitioned(storage, undefined)).toEqual([]);
    expect([...storage.data.keys()]).toEqual(['xieshang.sync.u1.queue']);
  });
});
