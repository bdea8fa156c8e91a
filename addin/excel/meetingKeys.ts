import { MEETING_KEY } from '../../shared';
import type { ExcelRun } from './context';

/**
 * The QR sign-in keys of meetings, by 会议编号, in the workbook's settings: a notice or sign-in sheet
 * printed again (or the meeting reopened) carries the same code as before, so codes already printed
 * stay good. A key names no one; it only lets phones sign in on the meeting's day.
 */
export const MEETING_KEYS_SETTING = 'xieshang.meetingKeys';

/** One meeting's sign-in key and the day it was opened for. */
export interface MeetingKeyEntry {
  readonly key: string;
  readonly day: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// Read leniently: an entry that is not a key and a day is left out, never a crash.
function parseKeys(value: unknown): Record<string, MeetingKeyEntry> {
  try {
    const parsed = JSON.parse(String(value)) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).flatMap(([id, e]) => {
        const entry = e as Partial<MeetingKeyEntry> | null;
        return typeof entry?.key === 'string' &&
          MEETING_KEY.test(entry.key) &&
          typeof entry.day === 'string' &&
          DAY.test(entry.day)
          ? [[id, { key: entry.key, day: entry.day }]]
          : [];
      }),
    );
  } catch {
    return {};
  }
}

/** The meetings opened for QR sign-in, 会议编号 → key and day. */
export function readMeetingKeys(run: ExcelRun): Promise<Map<string, MeetingKeyEntry>> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(MEETING_KEYS_SETTING).load('value');
    await context.sync();
    return new Map(Object.entries(item.isNullObject ? {} : parseKeys(item.value)));
  });
}

/** Notes a meeting's key (merged into what the setting holds). */
export function rememberMeetingKey(run: ExcelRun, meetingId: string, entry: MeetingKeyEntry): Promise<void> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(MEETING_KEYS_SETTING).load('value');
    await context.sync();
    const held = item.isNullObject ? {} : parseKeys(item.value);
    context.workbook.settings.add(MEETING_KEYS_SETTING, JSON.stringify({ ...held, [meetingId]: entry }));
    await context.sync();
  });
}
