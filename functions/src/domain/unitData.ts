import {
  buildCases,
  calendarFromSettings,
  parseSettings,
  type AgendaRecord,
  type AppealCase,
  type AppealRecord,
  type CalendarDayRecord,
  type MeetingRecord,
  type ReadRow,
  type SettingsRecord,
  type SurveyRecord,
  type TrackingRecord,
  type UnitSettings,
  type WorkingCalendar,
} from '../../../shared';
import type { StoredRecord } from '../storage';

/** A unit's synced registers turned into what the core computes with. */
export interface UnitData {
  readonly settings: UnitSettings;
  readonly calendar: WorkingCalendar;
  readonly cases: AppealCase[];
  readonly meetings: MeetingRecord[];
  /** Every live record by the appeal it belongs to ('' for none). */
  readonly byAppeal: ReadonlyMap<string, StoredRecord[]>;
}

/** Builds a unit's settings, calendar and appeal cases from its records, with the core's own functions. */
export function unitData(records: readonly StoredRecord[]): UnitData {
  const by = new Map<string, unknown[]>();
  const byAppeal = new Map<string, StoredRecord[]>();
  for (const r of records) {
    if (r.deleted) continue;
    const list = by.get(r.register) ?? [];
    list.push(r.values);
    by.set(r.register, list);
    const a = String((r.register === 'appeals' ? r.values.id : r.values.appealId) ?? '');
    const rel = byAppeal.get(a) ?? [];
    rel.push(r);
    byAppeal.set(a, rel);
  }
  const rows = <T>(register: string) => (by.get(register) ?? []) as T[];
  const settingRows = rows<SettingsRecord>('settings').map((values, i): ReadRow<SettingsRecord> => ({
    row: i + 2,
    values,
    hasError: false,
  }));
  const settings = parseSettings(settingRows).settings;
  return {
    settings,
    calendar: calendarFromSettings(rows<CalendarDayRecord>('calendarDays'), settings),
    cases: buildCases(rows<AppealRecord>('appeals'), {
      surveys: rows<SurveyRecord>('surveys'),
      tracking: rows<TrackingRecord>('tracking'),
      agenda: rows<AgendaRecord>('agenda'),
    }),
    meetings: rows<MeetingRecord>('meetings'),
    byAppeal,
  };
}
