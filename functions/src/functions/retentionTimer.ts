import { app } from '@azure/functions';
import { dayFromIso, isoFromDay } from '../../../shared';
import { chinaToday } from '../domain/clock';
import { retentionPlan } from '../domain/retention';
import { timerFunction } from '../http/timer';
import { underFunctionsHost } from '../http/runtime';

/** Nightly at 02:00 China time (18:00 UTC). */
export const RETENTION_SCHEDULE = '0 0 18 * * *';

/** Delivery records are kept this many days: long enough to answer "was it sent?". */
export const DELIVERY_KEEP_DAYS = 90;

const SYSTEM = { id: 'system:retention', roles: ['system'] } as const;

/**
 * Timer `retention`: purges appeals archived longer than each unit's retention period (with every
 * row referring to them and their escalations) and writes what it purged to the audit log.
 */
export const retentionTimer = timerFunction({
  name: 'retention',
  schedule: RETENTION_SCHEDULE,
  async run(services) {
    const { store } = services;
    const today = chinaToday(services.now());
    const purged: { unitId: string; appeals: number; records: number }[] = [];
    for (const unit of await store.units.list()) {
      const plan = retentionPlan(await store.records.load(unit.unitId), today);
      if (plan.writes.length === 0) continue;
      const outcomes = await store.records.commit(unit.unitId, plan.writes, SYSTEM, 'retention.purge');
      const done = outcomes.filter((o) => o.status !== 'conflict').length;
      // An appeal edited while the job ran keeps its row (a conflict): only the purged ones lose escalations.
      const gone = new Set(
        plan.writes
          .filter((w, i) => w.register === 'appeals' && outcomes[i]?.status !== 'conflict')
          .map((w) => w.key),
      );
      const outgoing = (await store.escalations.list(unit.unitId)).filter((e) => e.direction === 'out');
      for (const e of outgoing)
        if (gone.has(e.appealId)) await store.escalations.remove(unit.unitId, e.toUnit, e.appealId);
      await store.audit.write(unit.unitId, SYSTEM, 'retention.summary', {
        retentionMonths: plan.retentionMonths,
        appealIds: [...gone],
        records: done,
        keptAsChanged: outcomes.length - done,
      });
      purged.push({ unitId: unit.unitId, appeals: gone.size, records: done });
    }
    const deliveries = await store.deliveries.purgeBefore(
      isoFromDay((dayFromIso(today) as number) - DELIVERY_KEEP_DAYS),
    );
    return { today, purged, deliveries };
  },
});

if (underFunctionsHost()) {
  app.timer(retentionTimer.name, { schedule: retentionTimer.schedule, handler: retentionTimer.handler });
}
