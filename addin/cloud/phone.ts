// The pane's phone links: the unit's appeal form (the QR code on the poster and the 实施意见) and a
// meeting's QR sign-in. The site — where the phone page is served and the API it calls — comes from
// the pane (its own folder and the cloud's address); the keys come from the workbook.
import { base64url } from 'jose';
import {
  type Bilingual,
  checkWorkbook,
  DEFAULT_VALUE_LISTS,
  INTAKE_LIMITS,
  meetingRegister,
  readRegister,
  phoneLink,
  say,
  type MeetingSignInOpened,
  type PhoneSite,
} from '../../shared';
import { appellantIdentities, identityScrubber } from '../documents/identities';
import type { DocumentRequest } from '../documents/model';
import { meetingFacts } from '../documents/meeting';
import { coreInput } from '../excel/check';
import type { ExcelRun } from '../excel/context';
import { currentIntakeKey } from '../excel/intakeKeys';
import { readMeetingKeys, rememberMeetingKey } from '../excel/meetingKeys';
import { readRegisters } from '../excel/read';
import { clip } from '../excel/rules';
import { noIntakeKeys } from '../intake/keys';
import { apiRoot } from '../sync/api';
import type { IntakeApi } from '../sync';

/** A meeting open for QR sign-in: what its code carries and the one day it works. */
export interface SignInLink {
  readonly meetingId: string;
  readonly title: string;
  readonly day: string;
  readonly link: string;
}

/** The phone links of this unit, as QR codes carry them. */
export interface PhoneCloud {
  readonly site: PhoneSite;
  /** The unit's appeal form, or null before the workbook has an intake key. */
  fileLink(): Promise<string | null>;
  /**
   * What a document's QR code carries now: the appeal form on the 实施意见, a meeting's sign-in on its
   * notice and sign-in sheet once the meeting was opened for it; undefined for the rest.
   */
  documentLink(request: Pick<DocumentRequest, 'kind' | 'meetingId'>): Promise<string | undefined>;
  /** The meetings this workbook opened for QR sign-in, by 会议编号. */
  signIns(): Promise<ReadonlyMap<string, { readonly day: string; readonly link: string }>>;
  /**
   * Opens QR sign-in for a meeting of 协商会议 on its 会议日期: its key is made once (16 random bytes)
   * and kept in the workbook, so a reopen (a changed date or title) keeps the codes already printed.
   */
  openSignIn(meetingId: string, today: string): Promise<SignInLink>;
}

/** The site of phone links: the page beside the pane's own and the API root the pane's requests go to. */
export const phoneSiteOf = (pageUrl: string, baseUrl: string): PhoneSite => ({
  pageUrl,
  apiBase: apiRoot(baseUrl),
});

/** The phone page beside the pane's own page (its folder + phone.html), without the pane's query or hash. */
export function phonePageUrl(paneHref: string): string {
  const url = new URL('phone.html', paneHref);
  url.search = '';
  url.hash = '';
  return url.href;
}

/** A meeting's sign-in key: 128 random bits, base64url (MEETING_KEY). */
export const newMeetingKey = (): string => base64url.encode(crypto.getRandomValues(new Uint8Array(16)));

/** A phone link that cannot be made now, with the reason in both languages. */
export class PhoneLinkRefused extends Error {
  constructor(readonly reason: Bilingual) {
    super(`${reason.zh} / ${reason.en}`);
    this.name = 'PhoneLinkRefused';
  }
}

/** The phone links over a workbook reached through `run`, for the unit `unitId`. */
export function createPhoneCloud(o: {
  readonly run: ExcelRun;
  readonly unitId: string;
  readonly site: PhoneSite;
  readonly api: Pick<IntakeApi, 'openMeeting'>;
}): PhoneCloud {
  const kid = async (): Promise<string | null> => (await currentIntakeKey(o.run))?.kid ?? null;
  const signInOf = (k: string, meetingKey: string): string =>
    phoneLink(o.site, { mode: 'signIn', unitId: o.unitId, kid: k, meetingKey });
  const fileLink = async (): Promise<string | null> => {
    const k = await kid();
    return k ? phoneLink(o.site, { mode: 'file', unitId: o.unitId, kid: k }) : null;
  };
  const signIns = async (): Promise<Map<string, { day: string; link: string }>> => {
    const k = await kid();
    if (!k) return new Map();
    const held = await readMeetingKeys(o.run);
    return new Map([...held].map(([id, e]) => [id, { day: e.day, link: signInOf(k, e.key) }]));
  };
  return {
    site: o.site,
    fileLink,
    signIns,
    documentLink: async (request) => {
      if (request.kind === 'implementation') return (await fileLink()) ?? undefined;
      if (request.kind !== 'meetingNotice' && request.kind !== 'signInSheet') return undefined;
      const opened = (await signIns()).get(request.meetingId ?? '');
      if (!opened) return undefined;
      // A code opened for another day than the meeting now has would answer 410 on the day printed.
      // Only the meetings register is read: its 会议日期 is all this needs.
      const read = (await o.run((context) => readRegisters(context, [meetingRegister]))).meetings;
      const meetings = read
        ? readRegister(meetingRegister, read.raw, { lists: DEFAULT_VALUE_LISTS }).rows
        : [];
      const date = meetings.find((r) => r.values['id'] === request.meetingId)?.values['date'];
      if (date && date !== opened.day)
        throw new PhoneLinkRefused(
          say(
            `会议日期已改为 ${date}，扫码签到却是为 ${opened.day} 开启的：请在第二步重新“开启扫码签到”后再生成`,
            `the meeting is now on ${date} but its QR sign-in was opened for ${opened.day}: open QR sign-in again in step 2, then print`,
          ),
        );
      return opened.link;
    },
    openSignIn: async (meetingId, today) => {
      const k = await kid();
      if (!k) throw noIntakeKeys();
      const read = await o.run((context) => readRegisters(context));
      const check = checkWorkbook(coreInput(read), { today });
      const facts = meetingFacts(check, meetingId);
      if (!facts)
        throw new PhoneLinkRefused(
          say(
            `协商会议表中没有会议编号为“${meetingId}”且有会议日期的会议`,
            `no meeting ${meetingId} with a date`,
          ),
        );
      const day = facts.meeting.date;
      // A code for a day gone by would never work: refused here, not printed.
      if (day < today)
        throw new PhoneLinkRefused(
          say(
            `会议“${meetingId}”的会议日期（${day}）已过，无法开启扫码签到`,
            `meeting ${meetingId} was on ${day}; QR sign-in can no longer open`,
          ),
        );
      const meetingKey = (await readMeetingKeys(o.run)).get(meetingId)?.key ?? newMeetingKey();
      // The title travels in clear for the sign-in page: no appellant's name or phone in it.
      const title = clip(
        identityScrubber(appellantIdentities(check))(facts.name),
        INTAKE_LIMITS.meetingTitleChars,
      );
      const opened: MeetingSignInOpened = await o.api.openMeeting(o.unitId, meetingKey, {
        meetingId,
        title,
        day,
      });
      // Kept only once the cloud holds it: a key the cloud never heard of would print a dead code.
      await rememberMeetingKey(o.run, meetingId, { key: opened.meetingKey, day: opened.day });
      return { meetingId, title: opened.title, day: opened.day, link: signInOf(k, opened.meetingKey) };
    },
  };
}
