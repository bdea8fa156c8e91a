import { dayFromIso, MEETING_KEY } from '../../shared';
import type { ExcelRun } from './context';
import { settingMap } from './settingMap';

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

// An entry that is not a key and a day is left out.
const keys = settingMap<MeetingKeyEntry>(MEETING_KEYS_SETTING, (e) => {
  const entry = e as Partial<MeetingKeyEntry> | null;
  return typeof entry?.key === 'string' &&
    MEETING_KEY.test(entry.key) &&
    typeof entry.day === 'string' &&
    dayFromIso(entry.day) !== null
    ? { key: entry.key, day: entry.day }
    : undefined;
});

/** The meetings opened for QR sign-in, 会议编号 → key and day. */
export const readMeetingKeys = (run: ExcelRun): Promise<Map<string, MeetingKeyEntry>> => keys.read(run);

/** Notes a meeting's key (merged into what the setting holds). */
export const rememberMeetingKey = (run: ExcelRun, meetingId: string, entry: MeetingKeyEntry): Promise<void> =>
  keys.merge(run, new Map([[meetingId, entry]]));
