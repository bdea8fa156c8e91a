import { app } from '@azure/functions';
import { chinaDay, previousQuarter, quarterOf, type Period } from '../../../shared';
import { aggregateUnit, periodKey } from '../domain/figures';
import { eachUnit, timerFunction } from '../http/timer';
import { underFunctionsHost } from '../http/runtime';

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
 * records. Its work grows with the units whose records changed (or whose tallies reach a date they
 * depend on), not with all records: an unchanged unit costs two point reads. A unit that fails is
 * logged and listed in `failed`; the others are computed all the same.
 */
export const aggregateTimer = timerFunction({
  name: 'aggregate',
  schedule: AGGREGATE_SCHEDULE,
  async run(services, context) {
    const { store } = services;
    const today = chinaDay(services.now());
    const periods = periodsToPrecompute(today);
    const units = await store.units.list();
    const { done, failed } = await eachUnit('aggregate', units, 8, context, async (u) =>
      aggregateUnit(store, u.unitId, periods, today),
    );
    const counted = done.filter(Boolean).length;
    return { today, units: units.length, counted, periods: periods.map(periodKey), failed };
  },
});

if (underFunctionsHost()) {
  app.timer(aggregateTimer.name, { schedule: aggregateTimer.schedule, handler: aggregateTimer.handler });
}
