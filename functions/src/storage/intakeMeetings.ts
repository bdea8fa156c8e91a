// Meetings opened for QR sign-in: under the key their QR code carries, the 会议编号, title and day
// (China time) the pane opened them for. Sign-ins themselves are pending items (storage/intake.ts).
// The key is a secret (whoever holds it signs in on the day), so its row is named by its SHA-256, as a
// receipt secret is kept: a copy of the table lets no one sign in.
import { createHash } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { MeetingSignInOpened, MeetingSignInRequest } from '../../../shared';
import { auditRow, type AuditInput } from './audit';
import { isNotFound } from './intake';
import { prefixEnd, readText, storedText } from './keys';
import { checkEntity, checkKey, under } from './limits';
import { collect, deleteFound, type Tables } from './tables';

const MEETING = 'mtg-';

interface MeetingEntity {
  meetingId?: string;
  title?: string;
  day?: string;
  openedAt?: string;
}

/** The row of the meeting opened under `meetingKey`: `mtg-` and the key's SHA-256, base64url. */
const meetingKeyRow = (meetingKey: string): string => {
  const k = `${MEETING}${createHash('sha256').update(meetingKey, 'utf8').digest('base64url')}`;
  checkKey(k, 'meetingKey');
  return k;
};

/** Opens (or reopens, replacing) a meeting for sign-in; its audit entry commits with it. */
export async function openMeeting(
  t: Tables,
  unitId: string,
  meetingKey: string,
  m: MeetingSignInRequest,
  audit: AuditInput,
  at: Date,
): Promise<MeetingSignInOpened> {
  const openedAt = at.toISOString();
  const row = {
    partitionKey: unitId,
    rowKey: meetingKeyRow(meetingKey),
    meetingId: storedText(m.meetingId),
    title: storedText(m.title),
    day: m.day,
    openedAt,
  };
  checkEntity(row, under('meeting'));
  await t.intake.submitTransaction([
    ['upsert', row, 'Replace'],
    ['create', auditRow(unitId, audit, at)],
  ]);
  return { meetingKey, meetingId: m.meetingId, title: m.title, day: m.day, openedAt };
}

/** The meeting opened under `meetingKey`, or null. */
export async function getMeeting(
  t: Tables,
  unitId: string,
  meetingKey: string,
): Promise<MeetingSignInOpened | null> {
  try {
    const e = await t.intake.getEntity<MeetingEntity>(unitId, meetingKeyRow(meetingKey));
    return {
      meetingKey,
      meetingId: readText(e.meetingId),
      title: readText(e.title),
      day: e.day ?? '',
      openedAt: e.openedAt ?? '',
    };
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/** Deletes every unit's meetings held before `beforeDay` (YYYY-MM-DD); answers how many. */
export async function purgeMeetings(t: Tables, beforeDay: string): Promise<number> {
  const old = await collect(
    t.intake.listEntities<MeetingEntity>({
      queryOptions: {
        filter: odata`RowKey ge ${MEETING} and RowKey lt ${prefixEnd(MEETING)} and day lt ${beforeDay}`,
        select: ['PartitionKey', 'RowKey'],
      },
    }),
  );
  return deleteFound(t.intake, old);
}
