// A browser's localStorage as it behaves when full: setItem throws a QuotaExceededError DOMException
// (https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-setitem).
import type { WebStorageLikeWithKeys } from '../../../addin/sync/kv';

/** A Web Storage that, like a browser's, refuses to hold more than `limit` characters in all. */
export function fullingStorage(
  limit: number,
): WebStorageLikeWithKeys & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem(key, value) {
      const before = data.get(key);
      const after =
        used() - (before === undefined ? 0 : key.length + before.length) + key.length + value.length;
      if (after > limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(key, value);
    },
    removeItem: (key) => void data.delete(key),
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
  };
}
