// What the cloud keeps and the limits of one sync, shared so the add-in batches by the same numbers
// the functions enforce.
import {
  agendaRegister,
  appealRegister,
  calendarRegister,
  meetingRegister,
  settingsRegister,
  surveyRegister,
  topicRegister,
  trackingRegister,
} from '../schema/registers';
import type { RegisterDef } from '../schema/types';

/**
 * The registers the cloud keeps: what reminders, escalation and summaries need, and no more
 * (the roster and sign-in sheets, with staff names and phones, stay in the workbook).
 */
export const SYNC_REGISTERS: readonly RegisterDef[] = [
  appealRegister,
  surveyRegister,
  trackingRegister,
  agendaRegister,
  meetingRegister,
  topicRegister,
  settingsRegister,
  calendarRegister,
];

/** A synced register by key, or undefined. */
export const syncRegister = (key: string): RegisterDef | undefined =>
  SYNC_REGISTERS.find((r) => r.key === key);

/** The largest request body the functions read: 1 MiB of UTF-8 (more gets 413 body-too-large). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** At most this many records per sync request (more gets 413). */
export const MAX_RECORDS = 500;

/** A record's values may take at most this many characters as JSON (a table property holds 32K). */
export const MAX_RECORD_CHARS = 30_000;

/** At most this many changes come back per pull; the client syncs again while `more` is true. */
export const PULL_LIMIT = 500;
