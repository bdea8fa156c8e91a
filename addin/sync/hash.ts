// cyrb53: a fast 53-bit string hash. Enough to tell whether a record changed since it was synced
// (a collision would need two versions of one record to hash alike: about 1 in 9·10^15).
function cyrb53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Values as JSON with sorted keys, so equal records give equal text. */
export function canonical(values: Readonly<Record<string, unknown>>): string {
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(values).sort()) sorted[k] = values[k];
  return JSON.stringify(sorted);
}

/** A record's fingerprint. */
export const recordHash = (values: Readonly<Record<string, unknown>>): string =>
  cyrb53(canonical(values)).toString(36);

/**
 * Short per-field fingerprints in the register's field order (3 characters each), kept only to
 * tell the audit log which fields changed; change detection itself uses `recordHash`.
 */
export function fieldHashes(fieldKeys: readonly string[], values: Readonly<Record<string, unknown>>): string {
  return fieldKeys
    .map((k) =>
      values[k] === undefined
        ? '---'
        : (cyrb53(JSON.stringify(values[k])) % 46656).toString(36).padStart(3, '0'),
    )
    .join('');
}

/** The fields whose fingerprints differ between two `fieldHashes` strings. */
export function changedFields(fieldKeys: readonly string[], before: string, after: string): string[] {
  return fieldKeys.filter((_, i) => before.slice(i * 3, i * 3 + 3) !== after.slice(i * 3, i * 3 + 3));
}
