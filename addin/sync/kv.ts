/**
 * Where the sync client keeps its queue and state between sessions: the shape of
 * OfficeRuntime.storage (async, string values), which survives closing Excel.
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

/** A store over OfficeRuntime.storage (shared runtime and task pane), which already has this shape. */
export const officeRuntimeStore = (storage: KeyValueStore): KeyValueStore => storage;

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
