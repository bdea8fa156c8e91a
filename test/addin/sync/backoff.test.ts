import { describe, expect, it } from 'vitest';
import { backoffDelay, withRetry } from '../../../addin/sync/backoff';

const policy = { attempts: 5, baseMs: 100, maxMs: 1000 };

describe('backoff', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 0.999999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(3, policy)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('retries retryable failures until success, and stops at the first other failure', async () => {
    const waits: number[] = [];
    let n = 0;
    const out = await withRetry(
      async () => {
        if (++n < 3) throw new Error('offline');
        return 'done';
      },
      () => true,
      policy,
      async (ms) => void waits.push(ms),
      () => 0.5,
    );
    expect(out).toBe('done');
    expect(waits).toEqual([50, 100]);
    let m = 0;
    await expect(
      withRetry(
        async () => {
          m++;
          throw new Error('bad request');
        },
        () => false,
        policy,
        async () => {},
      ),
    ).rejects.toThrow('bad request');
    expect(m).toBe(1);
    let k = 0;
    await expect(
      withRetry(
        async () => {
          k++;
          throw new Error('down');
        },
        () => true,
        policy,
        async () => {},
      ),
    ).rejects.toThrow('down');
    expect(k).toBe(5);
  });
});
