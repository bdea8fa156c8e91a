/**
 * Where the sync client keeps its queue and state between sessions: async, string values (the shape
 * OfficeRuntime.storage also has). Inside Excel it is the pane's localStorage, partitioned as Office
 * asks; see `paneStore`.
 */
export interface KeyValueStore {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** The synchronous Web Storage API (window.localStorage). */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A store over window.localStorage (or any Web Storage). */
export function webStorageStore(storage: WebStorageLike): KeyValueStore {
  return {
    getItem: async (key) => storage.getItem(key),
    setItem: async (key, value) => storage.setItem(key, value),
    removeItem: async (key) => storage.removeItem(key),
  };
}

/**
 * A key under Office's storage partition: "any private data should be stored in partitioned
 * localStorage", prefixing keys with `Office.context.partitionKey`, which is undefined where the
 * browser control does not partition (Windows desktop)
 * (https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings#storage-partitioning).
 */
export const partitionedKey = (key: string, partitionKey: string | undefined): string =>
  partitionKey ? `${partitionKey}${key}` : key;

/** A Web Storage store whose keys all live under `partitionKey` (plain keys when it is undefined). */
export function partitionedWebStorageStore(
  storage: WebStorageLike,
  partitionKey: string | undefined,
): KeyValueStore {
  const inner = webStorageStore(storage);
  return {
    getItem: (key) => inner.getItem(partitionedKey(key, partitionKey)),
    setItem: (key, value) => inner.setItem(partitionedKey(key, partitionKey), value),
    removeItem: (key) => inner.removeItem(partitionedKey(key, partitionKey)),
  };
}

/**
 * Moves the add-in's keys saved before they were partitioned (plain `xieshang.` keys) under the
 * partition key, then removes the plain ones; a partitioned value already there wins. Nothing to
 * do where there is no partition. Returns the keys moved.
 */
export function migrateUnpartitioned(
  storage: WebStorageLikeWithKeys,
  partitionKey: string | undefined,
): string[] {
  if (!partitionKey) return [];
  const plain: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith('xieshang.')) plain.push(key);
  }
  for (const key of plain) {
    const value = storage.getItem(key);
    const target = partitionedKey(key, partitionKey);
    if (value !== null && storage.getItem(target) === null) storage.setItem(target, value);
    storage.removeItem(key);
  }
  return plain;
}

/** Web Storage with its keys listed (length and key(i)), as migration needs. */
export interface WebStorageLikeWithKeys extends WebStorageLike {
  readonly length: number;
  key(index: number): string | null;
}

/** What the pane's store is made from: the window's storage (if reachable) and Office's partition key. */
export interface PaneStorageEnvironment {
  /** window.localStorage, or a function that throws where the browser blocks it. */
  readonly localStorage: () => WebStorageLike;
  readonly partitionKey: string | undefined;
}

const PROBE_KEY = 'xieshang.storage-probe';

/**
 * The store for the queue inside Excel: localStorage under the partition key, tested first because
 * browsers and their settings may block it (same page as `partitionedKey`). Blocked, the queue lives
 * in memory: it lasts while the pane is open, and `persistent` says so.
 */
export function paneStore(env: PaneStorageEnvironment): { store: KeyValueStore; persistent: boolean } {
  try {
    const storage = env.localStorage();
    const probe = partitionedKey(PROBE_KEY, env.partitionKey);
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return { store: partitionedWebStorageStore(storage, env.partitionKey), persistent: true };
  } catch {
    return { store: memoryStore(), persistent: false };
  }
}

/**
 * A store whose failed saves do not throw: Web Storage throws QuotaExceededError when full
 * (https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-setitem), and a queue that
 * cannot be saved must still be staged and sent from memory. `unsaved` tells whether the last save
 * of some key failed (its value on this machine is older than in memory); `onChange` hears it change.
 */
export function tolerantStore(
  inner: KeyValueStore,
  onChange: (unsaved: boolean) => void = () => undefined,
): KeyValueStore & { unsaved(): boolean } {
  const failing = new Set<string>();
  const note = (key: string, failed: boolean) => {
    const before = failing.size > 0;
    if (failed) failing.add(key);
    else failing.delete(key);
    if (before !== failing.size > 0) onChange(failing.size > 0);
  };
  return {
    getItem: (key) => inner.getItem(key),
    async setItem(key, value) {
      try {
        await inner.setItem(key, value);
        note(key, false);
      } catch {
        note(key, true);
      }
    },
    async removeItem(key) {
      try {
        await inner.removeItem(key);
      } catch {
        // Nothing to lose: the value stays as it was.
      }
    },
    unsaved: () => failing.size > 0,
  };
}

/** A store in memory, for tests; `snapshot` shows what would have been persisted. */
export function memoryStore(
  initial: Record<string, string> = {},
): KeyValueStore & { snapshot(): Record<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    getItem: async (key) => data.get(key) ?? null,
    setItem: async (key, value) => void data.set(key, value),
    removeItem: async (key) => void data.delete(key),
    snapshot: () => Object.fromEntries(data),
  };
}
