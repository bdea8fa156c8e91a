import { app } from '@azure/functions';
import { previousQuarter, quarterOf, type Period } from '../../../shared';
import { chinaToday } from '../domain/clock';
import { periodKey, tallyOf } from '../domain/figures';
import { unitData } from '../domain/unitData';
import { timerFunction } from '../http/timer';
import { underFunctionsHost } from '../http/runtime';
import { mapLimit } from '../util/mapLimit';
import type { UnitFailure } from './retentionTimer';

/** Nightly at 01:00 China time (17:00 UTC; see the reminders timer on time zones). */
export const AGGREGATE_SCHEDULE = '0 0 17 * * *';

/** The periods a group summary is usually asked for: this and last quarter, this and last quarter's year. */
export function periodsToPrecompute(today: string): Period[] {
  const now = quarterOf(today);
  const prev = previousQuarter(now);
  const years = [...new Set([now.year, prev.year])].map((year): Period => ({ year, quarter: 0 }));
  return [now, prev, ...years];
}

/**
 * Timer `aggregate`: precomputes every unit's tallies so group summaries read them instead of all
 * records. A unit that fails is logged and listed in `failed`; the others are computed all the same.
 */
export const aggregateTimer = timerFunction({
  name: 'aggregate',
  schedule: AGGREGATE_SCHEDULE,
  async run(services, context) {
    const { store } = services;
    const today = chinaToday(services.now());
    const periods = periodsToPrecompute(today);
    const units = await store.units.list();
    const failed: UnitFailure[] = [];
    await mapLimit(units, 4, async (u) => {
      // One unit's bad data must not leave every other unit's figures stale (mapLimit stops at a throw).
      try {
        const head = await store.records.head(u.unitId);
        const data = unitData(await store.records.load(u.unitId));
        for (const p of periods)
          await store.summaries.put(u.unitId, periodKey(p), {
            tally: tallyOf(data, p, today),
            asOf: today,
            headSeq: head,
          });
      } catch (e) {
        context.error(`aggregate for ${u.unitId} failed`, e);
        failed.push({ unitId: u.unitId, error: String(e) });
      }
    });
    if (failed.length > 0)
      context.error(
        `aggregate failed for ${failed.length} of ${units.length} units (${failed.map((f) => f.unitId).join(', ')}); the others were computed`,
      );
    return { today, units: units.length, periods: periods.map(periodKey), failed };
  },
});

if (underFunctionsHost()) {
  app.timer(aggregateTimer.name, { schedule: aggregateTimer.schedule, handler: aggregateTimer.handler });
}
