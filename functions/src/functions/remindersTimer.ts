import { chinaDay } from '../../../shared';
import { app } from '@azure/functions';
import { deliverDaily } from '../delivery/daily';
import { remindersFor } from '../domain/reminders';
import { sealLegacyChannels } from '../delivery/legacy';
import { eachUnit, timerFunction } from '../http/timer';
import { underFunctionsHost } from '../http/runtime';

/**
 * Daily at 08:30 China time. Timer schedules are evaluated in UTC unless WEBSITE_TIME_ZONE is set,
 * and Linux Consumption plans do not support that setting; China keeps UTC+8 all year (no daylight
 * saving), so 00:30 UTC is 08:30 in Beijing on every plan.
 */
export const REMINDERS_SCHEDULE = '0 30 0 * * *';

/** Timer `reminders`: delivers each unit's due and overdue items to its WeCom, DingTalk and Teams robots. */
export const remindersTimer = timerFunction({
  name: 'reminders',
  schedule: REMINDERS_SCHEDULE,
  async run(services, context) {
    const today = chinaDay(services.now());
    // Robots an older build stored in the clear are sealed (or dropped) before anything is posted.
    const legacy = await sealLegacyChannels(services.store, services.webhooks, (m) => context.error(m));
    if (legacy.units.length > 0)
      context.warn(
        `sealed ${legacy.sealed} and removed ${legacy.dropped} robot(s) stored unsealed, in ${legacy.units.join(', ')}`,
      );
    const all = await services.store.units.list();
    // A unit whose robots cannot be read gets no reminders until an admin configures them again.
    for (const u of all.filter((x) => x.unreadable.includes('channels')))
      context.error(`reminders for ${u.unitId}: its stored robots cannot be read; configure them again`);
    const units = all.filter((u) => u.channels.length > 0);
    const { done, failed } = await eachUnit('reminders', units, 4, context, async (unit) => {
      const reminders = await remindersFor(services.store, unit.unitId, today);
      return {
        unitId: unit.unitId,
        ...(await deliverDaily(services.store, services.webhooks, unit, today, reminders)),
      };
    });
    return { today, units: done, failed };
  },
});

if (underFunctionsHost()) {
  app.timer(remindersTimer.name, { schedule: remindersTimer.schedule, handler: remindersTimer.handler });
}
