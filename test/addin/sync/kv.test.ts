// Where the pane keeps the offline queue inside Excel. The manifest declares no shared runtime, so
// OfficeRuntime.storage is not the store; Office's advice for a task pane is localStorage under
// Office.context.partitionKey, undefined where the browser control does not partition (Windows), and
// a check first because browsers may block storage:
// https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings#storage-partitioning
import { describe, expect, it } from 'vitest';
import {
  paneStore,
  partitionedKey,
  partitionedWebStorageStore,
  type WebStorageLike,
} from '../../../addin/sync';
import { OfflineQueue } from '../../../addin/sync/queue';

/** A Web Storage over a Map: what the browser control's localStorage keeps, key by key. */
function fakeLocalStorage(): WebStorageLike & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
  };
}

describe('the offline queue in partitioned localStorage', () => {
  it('prefixes every key with Office.context.partitionKey, and leaves keys plain without one', () => {
    expect(partitionedKey('xieshang.queue', 'p-1234')).toBe('p-1234xieshang.queue');
    expect(partitionedKey('xieshang.queue', undefined)).toBe('xieshang.queue');
    expect(partitionedKey('xieshang.queue', '')).toBe('xieshang.queue');
  });

  it('keeps two partitions of the same storage apart', async () => {
    const storage = fakeLocalStorage();
    const a = partitionedWebStorageStore(storage, 'excel.example/book-a|');
    const b = partitionedWebStorageStore(storage, 'excel.example/book-b|');
    await a.setItem('q', 'from a');
    await b.setItem('q', 'from b');
    expect(await a.getItem('q')).toBe('from a');
    expect(await b.getItem('q')).toBe('from b');
    await a.removeItem('q');
    expect(await a.getItem('q')).toBeNull();
    expect([...storage.data]).toEqual([['excel.example/book-b|q', 'from b']]);
  });

  it('is the pane’s store: a queued change survives a new pane (and Excel restart) under the same partition', async () => {
    const storage = fakeLocalStorage();
    const env = { localStorage: () => storage, partitionKey: 'pk:' };
    const first = paneStore(env);
    expect(first.persistent).toBe(true);
    const newId = () => 'c-1';
    const queue = await OfflineQueue.open(first.store, 'unit-1', newId);
    await queue.add([
      {
        id: 'A-1',
        register: 'appeals',
        key: 'A-1',
        baseRevision: null,
        values: { status: '受理' },
        deleted: false,
        changed: ['status'],
        hash: 'h',
        fields: 'f',
      },
    ]);
    expect([...storage.data.keys()]).toEqual(['pk:xieshang.sync.unit-1.queue']);
    const reopened = await OfflineQueue.open(paneStore(env).store, 'unit-1', newId);
    expect(reopened.entries().map((c) => c.id)).toEqual(['A-1']);
    const otherBook = await OfflineQueue.open(
      paneStore({ ...env, partitionKey: 'other:' }).store,
      'unit-1',
      newId,
    );
    expect(otherBook.size).toBe(0);
  });

  it('falls back to memory, and says so, where the browser blocks localStorage', async () => {
    const blocked = paneStore({
      localStorage: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      partitionKey: 'pk:',
    });
    expect(blocked.persistent).toBe(false);
    await blocked.store.setItem('k', 'v');
    expect(await blocked.store.getItem('k')).toBe('v');
    const full: WebStorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(paneStore({ localStorage: () => full, partitionKey: undefined }).persistent).toBe(false);
  });
});
