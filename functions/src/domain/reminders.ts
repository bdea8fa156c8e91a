import {
  chinaDay,
  appealReminders,
  escalationReminders,
  type ReminderView,
  unitReminders,
} from '../../../shared';
import type { Store, StoredRecord } from '../storage';
import { unitData } from './unitData';

/** The due and overdue items of a unit's own appeals and duties, on its own calendar and rules. */
export async function ownReminders(store: Store, unitId: string, today: string): Promise<ReminderView[]> {
  const [records, profile] = await Promise.all([store.records.load(unitId), store.units.get(unitId)]);
  const d = unitData(records);
  return [
    ...appealReminders(d.cases, d.settings, d.calendar, today),
    ...unitReminders({
      meetings: d.meetings,
      ledgersBuilt: profile?.ledgersBuilt ?? [],
      settings: d.settings,
      calendar: d.calendar,
      today,
    }),
  ];
}

/**
 * The reminders of appeals handed up to this unit: each origin appeal's deadlines, computed from the
 * origin unit's live records on its own calendar and rules (keys prefixed with the origin unit so
 * they never collide), and the escalations still waiting on this unit's answer, on this unit's.
 */
export async function escalatedReminders(
  store: Store,
  unitId: string,
  today: string,
): Promise<ReminderView[]> {
  const incoming = (await store.escalations.list(unitId)).filter((e) => e.direction === 'in');
  const settingsOf = new Map<string, Promise<StoredRecord[]>>();
  const registersOf = (unit: string) => {
    if (!settingsOf.has(unit))
      settingsOf.set(unit, store.records.loadRegisters(unit, ['settings', 'calendarDays']));
    return settingsOf.get(unit) as Promise<StoredRecord[]>;
  };
  const out: ReminderView[] = [];
  for (const e of incoming) {
    const { unitId: originUnit, appealId } = e.origin;
    const [rows, settings] = await Promise.all([
      store.records.loadAppeal(originUnit, appealId),
      registersOf(originUnit),
    ]);
    const d = unitData([...rows, ...settings]);
    for (const r of appealReminders(d.cases, d.settings, d.calendar, today))
      out.push({ ...r, fromUnit: originUnit, key: `${originUnit}|${r.key}` });
  }
  const waiting = incoming.filter((e) => e.status === 'open');
  if (waiting.length > 0) {
    const own = unitData(await registersOf(unitId));
    for (const e of waiting) {
      const item = {
        fromUnit: e.fromUnit,
        originUnit: e.origin.unitId,
        originAppealId: e.origin.appealId,
        sentOn: chinaDay(e.escalatedAt),
      };
      for (const r of escalationReminders([item], own.settings, own.calendar, today))
        out.push({ ...r, fromUnit: e.fromUnit });
    }
  }
  return out;
}

/** Everything a unit should be reminded of today: its own items, then those escalated to it. */
export async function remindersFor(store: Store, unitId: string, today: string): Promise<ReminderView[]> {
  const [own, escalated] = await Promise.all([
    ownReminders(store, unitId, today),
    escalatedReminders(store, unitId, today),
  ]);
  return [...own, ...escalated];
}
