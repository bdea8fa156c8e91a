/** How failed calls are retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

/** The default policy: 6 attempts, from about a second up to half a minute apart. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 1000, maxMs: 30_000 };

/**
 * The wait before retry number `attempt` (0-based): exponential with full jitter, so many
 * clients coming back online at once do not retry in step.
 */
export const backoffDelay = (attempt: number, p: RetryPolicy, random: () => number = Math.random): number =>
  Math.floor(random() * Math.min(p.maxMs, p.baseMs * 2 ** attempt));

/** Waits some milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Calls `fn` until it succeeds, a failure is not retryable, or the attempts run out. */
export async function withRetry<T>(
  fn: () => Promise<T>,
  retryable: (e: unknown) => boolean,
  p: RetryPolicy,
  wait: (ms: number) => Promise<void> = sleep,
  random: () => number = Math.random,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt + 1 >= p.attempts || !retryable(e)) throw e;
      await wait(backoffDelay(attempt, p, random));
    }
  }
}
