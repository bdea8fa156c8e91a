import { app } from '@azure/functions';
import { chinaDay, dayFromIso, isoFromDay } from '../../../shared';
import { retentionPlan } from '../domain/retention';
import { eachUnit, timerFunction } from '../http/timer';
import { underFunctionsHost } from '../http/runtime';
import type { Services } from '../services';

/** Nightly at 02:00 China time (18:00 UTC). */
export const RETENTION_SCHEDULE = '0 0 18 * * *';

/** Delivery records are kept this many days: long enough to answer "was it sent?". */
export const DELIVERY_KEEP_DAYS = 90;

/**
 * A phone's submission the pane has not taken is deleted after this many days, whatever the unit's
 * retention: that period counts from an appeal's archiving in the register, and an untaken
 * submission is not yet an appeal. Thirty days is twice the 部门反馈期限 a clerk works to (a union
 * that syncs at all takes it long before), and ciphertext kept longer only waits for a key to leak.
 */
export const INTAKE_KEEP_DAYS = 30;

/**
 * A receipt link (receipt → 编号, the last status) goes when its appeal has had no status for this
 * many days: by then the appeal is long finished and rated, and the employee's link reads as unknown.
 */
export const RECEIPT_KEEP_DAYS = 365;

const SYSTEM = { id: 'system:retention', roles: ['system'] } as const;

/** Purges one unit's expired appeals; null when it had nothing to purge. */
async function purgeUnit(
  store: Services['store'],
  unitId: string,
  today: string,
): Promise<{ unitId: string; appeals: number; records: number } | null> {
  const plan = retentionPlan(await store.records.load(unitId), today);
  if (plan.writes.length === 0) return null;
  const outcomes = await store.records.commit(unitId, plan.writes, SYSTEM, 'retention.purge');
  const done = outcomes.filter((o) => o.status !== 'conflict').length;
  // An appeal edited while the job ran keeps its row (a conflict): only the purged ones lose escalations.
  const gone = new Set(
    plan.writes
      .filter((w, i) => w.register === 'appeals' && outcomes[i]?.status !== 'conflict')
      .map((w) => w.key),
  );
  const outgoing = (await store.escalations.list(unitId)).filter((e) => e.direction === 'out');
  for (const e of outgoing)
    if (gone.has(e.appealId)) await store.escalations.remove(unitId, e.toUnit, e.appealId);
  await store.audit.write(unitId, SYSTEM, 'retention.summary', {
    retentionMonths: plan.retentionMonths,
    appealIds: [...gone],
    records: done,
    keptAsChanged: outcomes.length - done,
  });
  return { unitId, appeals: gone.size, records: done };
}

/**
 * Timer `retention`: purges appeals archived longer than each unit's retention period (with every
 * row referring to them and their escalations) and writes what it purged to the audit log; deletes
 * phone submissions untaken after INTAKE_KEEP_DAYS, meetings held that long ago, receipt links
 * without a status for RECEIPT_KEEP_DAYS and rate-limit windows that have ended. A unit
 * that fails is logged and listed in `failed`; the others are purged all the same.
 */
export const retentionTimer = timerFunction({
  name: 'retention',
  schedule: RETENTION_SCHEDULE,
  async run(services, context) {
    const { store } = services;
    const today = chinaDay(services.now());
    const units = await store.units.list();
    // One unit at a time: each purge commits, cleans escalations and audits many rows.
    const { done, failed } = await eachUnit('retention', units, 1, context, (unit) =>
      purgeUnit(store, unit.unitId, today),
    );
    const purged = done.filter((d) => d !== null);
    // Delivery records are one table for every unit: their purge is tried whatever happened above.
    let deliveries: number | { error: string };
    try {
      deliveries = await store.deliveries.purgeBefore(
        isoFromDay((dayFromIso(today) as number) - DELIVERY_KEEP_DAYS),
      );
    } catch (e) {
      context.error('retention of delivery records failed', e);
      deliveries = { error: String(e) };
    }
    // Untaken submissions and spent rate-limit windows: also tried whatever happened above.
    let intake:
      | { submissions: number; rateLimitRows: number; meetings: number; receiptLinks: number; took: number }
      | { error: string };
    try {
      const keepFrom = new Date(services.now().getTime() - INTAKE_KEEP_DAYS * 86_400_000);
      const receipts = await store.intake.purgeReceipts(
        new Date(services.now().getTime() - RECEIPT_KEEP_DAYS * 86_400_000),
        keepFrom,
      );
      intake = {
        submissions: await store.intake.purgeBefore(keepFrom),
        rateLimitRows: await store.rateLimits.purgeExpired(),
        // A meeting's sign-ins come on its day; its row waits as long as an untaken submission would.
        meetings: await store.intake.meetings.purgeBefore(
          isoFromDay((dayFromIso(today) as number) - INTAKE_KEEP_DAYS),
        ),
        receiptLinks: receipts.links,
        took: receipts.took,
      };
    } catch (e) {
      context.error('retention of intake submissions failed', e);
      intake = { error: String(e) };
    }
    return { today, purged, deliveries, intake, failed };
  },
});

if (underFunctionsHost()) {
  app.timer(retentionTimer.name, { schedule: retentionTimer.schedule, handler: retentionTimer.handler });
}
