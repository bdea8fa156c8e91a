import { appealReminders, type ReminderView, unitReminders } from '../../../shared';
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
 * The reminders of appeals handed up to this unit, computed from the child unit's live records on
 * the child's calendar and rules; keys are prefixed with the child so they never collide.
 */
export async function escalatedReminders(
  store: Store,
  unitId: string,
  today: string,
): Promise<ReminderView[]> {
  const incoming = (await store.escalations.list(unitId)).filter((e) => e.direction === 'in');
  const settingsOf = new Map<string, Promise<StoredRecord[]>>();
  const out: ReminderView[] = [];
  for (const e of incoming) {
    if (!settingsOf.has(e.fromUnit))
      settingsOf.set(e.fromUnit, store.records.loadRegisters(e.fromUnit, ['settings', 'calendarDays']));
    const [rows, settings] = await Promise.all([
      store.records.loadAppeal(e.fromUnit, e.appealId),
      settingsOf.get(e.fromUnit) as Promise<StoredRecord[]>,
    ]);
    const d = unitData([...rows, ...settings]);
    for (const r of appealReminders(d.cases, d.settings, d.calendar, today))
      out.push({ ...r, fromUnit: e.fromUnit, key: `${e.fromUnit}|${r.key}` });
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
