// Rate-limit counters in Table Storage: one partition per time window (m-YYYYMMDDHHmm, d-YYYYMMDD,
// UTC), one row per counted subject (an address's hash, a unit). An increment is a conditional
// write on the row's ETag, retried a bounded number of times, so concurrent requests on several
// instances lose no increment and never pass a limit together.
import { odata } from '@azure/data-tables';
import { checkKey } from './limits';
import { collect, deleteFound, statusOf, type Tables } from './tables';

/** A window's length. */
export type WindowKind = 'minute' | 'day';

/** One counter to take a unit from: subject (row), window and its limit. */
export interface Counter {
  readonly subject: string;
  readonly window: WindowKind;
  readonly limit: number;
}

/** The outcome: counted, or refused with the seconds until the window that refused ends. */
export type CountOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'limit'; readonly counter: Counter; readonly retryAfter: number }
  | { readonly ok: false; readonly reason: 'contended'; readonly retryAfter: number };

/** Tries an increment this many times before answering "busy, retry" (each loser of a race retries). */
export const MAX_ATTEMPTS = 64;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The partition of the window containing `at`, and when that window ends. */
export function windowOf(kind: WindowKind, at: Date): { readonly key: string; readonly endsAt: number } {
  const day = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  if (kind === 'day')
    return {
      key: `d-${day}`,
      endsAt: Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1),
    };
  const startMs = Math.floor(at.getTime() / 60_000) * 60_000;
  return { key: `m-${day}${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}`, endsAt: startMs + 60_000 };
}

interface CounterEntity {
  count?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Adds one to a counter unless it has reached its limit. Create when absent (409: someone else
 * created it, retry), else replace on the read ETag (412: someone else counted, retry).
 */
async function increment(t: Tables, c: Counter, at: Date): Promise<'ok' | 'limit' | 'contended'> {
  const { key } = windowOf(c.window, at);
  checkKey(c.subject, 'address');
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) await sleep(Math.floor(Math.random() * Math.min(50, 2 * attempt)) + 1);
    let current: (CounterEntity & { etag: string }) | null = null;
    try {
      current = await t.ratelimits.getEntity<CounterEntity>(key, c.subject);
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
    }
    const count = typeof current?.count === 'number' ? current.count : 0;
    if (count >= c.limit) return 'limit';
    try {
      if (current === null)
        await t.ratelimits.createEntity({ partitionKey: key, rowKey: c.subject, count: 1 });
      else
        await t.ratelimits.updateEntity(
          { partitionKey: key, rowKey: c.subject, count: count + 1 },
          'Replace',
          { etag: current.etag },
        );
      return 'ok';
    } catch (e) {
      const status = statusOf(e);
      if (status !== 409 && status !== 412) throw e;
    }
  }
  return 'contended';
}

/**
 * Counts one request against each counter in order; the first at its limit refuses (those before
 * it keep their count: an attempt beyond a later limit still spent the earlier allowance).
 */
export async function countRequest(t: Tables, counters: readonly Counter[], at: Date): Promise<CountOutcome> {
  for (const c of counters) {
    const r = await increment(t, c, at);
    if (r === 'ok') continue;
    if (r === 'contended') return { ok: false, reason: 'contended', retryAfter: 1 };
    const ends = windowOf(c.window, at).endsAt;
    return {
      ok: false,
      reason: 'limit',
      counter: c,
      retryAfter: Math.max(1, Math.ceil((ends - at.getTime()) / 1000)),
    };
  }
  return { ok: true };
}

/** A counter's value now (0 when absent): for tests and operators. */
export async function readCount(t: Tables, c: Omit<Counter, 'limit'>, at: Date): Promise<number> {
  try {
    const e = await t.ratelimits.getEntity<CounterEntity>(windowOf(c.window, at).key, c.subject);
    return typeof e.count === 'number' ? e.count : 0;
  } catch (e) {
    if (statusOf(e) === 404) return 0;
    throw e;
  }
}

/** Deletes every counter of windows that ended before `at`; returns how many rows went. */
export async function purgeWindows(t: Tables, at: Date): Promise<number> {
  const minute = windowOf('minute', at).key;
  const day = windowOf('day', at).key;
  const old = await collect(
    t.ratelimits.listEntities({
      queryOptions: {
        filter: odata`(PartitionKey ge 'd-' and PartitionKey lt ${day}) or (PartitionKey ge 'm-' and PartitionKey lt ${minute})`,
        select: ['PartitionKey', 'RowKey'],
      },
    }),
  );
  return deleteFound(t.ratelimits, old);
}
