import type { Timer } from '@azure/functions';

/**
 * The next time (after `from`) a daily NCRONTAB schedule fires, in UTC as the Functions host
 * evaluates it. Only the daily form "s m h * * *" is supported: it is all this app uses.
 */
export function nextDaily(schedule: string, from: Date): Date {
  const m = /^(\d{1,2}) (\d{1,2}) (\d{1,2}) \* \* \*$/.exec(schedule.trim());
  if (!m) throw new Error(`unsupported schedule "${schedule}": only "s m h * * *"`);
  const [s, min, h] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const next = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), h, min, s));
  if (next.getTime() <= from.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Runs `fire` at every occurrence of a daily schedule until the returned stop function is called. */
export function everyDay(
  schedule: string,
  fire: () => Promise<void>,
  now: () => Date = () => new Date(),
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = (): void => {
    if (stopped) return;
    // setTimeout caps at ~24.8 days; a day is well inside it.
    timer = setTimeout(
      () =>
        void fire()
          .catch((e: unknown) => console.error(`scheduled run of "${schedule}" failed`, e))
          .finally(arm),
      nextDaily(schedule, now()).getTime() - now().getTime(),
    );
    timer.unref();
  };
  arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/** The Timer object the local host hands a timer handler (not late; no schedule monitor). */
export const localTick = (now: Date): Timer => ({
  isPastDue: false,
  schedule: { adjustForDST: false },
  scheduleStatus: { last: '', next: '', lastUpdated: now.toISOString() },
});
