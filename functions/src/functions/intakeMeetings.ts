// Meeting sign-in by QR (issue 14): the pane opens a meeting under the key its QR code carries; on
// the meeting day (China time) attendees' phones read what to sign and post a sign-in encrypted to
// the union's key, which waits for the pane as a pending item of kind 'signIn'.
import { randomBytes } from 'node:crypto';
import {
  chinaDay,
  INTAKE_LIMITS,
  meetingOpenRequestSchema,
  meetingSignInSubmitSchema,
  meetingViewRequestSchema,
  say,
  type MeetingSignInOpened,
  type MeetingSignInView,
} from '../../../shared';
import { clientAddress } from '../http/clientAddress';
import { httpFunction, publicFunction, registerHttp, type HttpEntry } from '../http/define';
import { readJson } from '../http/body';
import { HttpError, parseWire } from '../http/errors';
import type { Services } from '../services';
import {
  admitCiphertext,
  meetingViewCounters,
  publishedIntake,
  rateLimited,
  screenCiphertext,
  signInCounters,
  signInUnitCounter,
} from './intake';

const NO_MEETING = say(
  '找不到该会议的签到，请扫描会议通知或签到表上的二维码',
  'no sign-in is open for this meeting; scan the QR code on the meeting notice or sign-in sheet',
);
const NO_KEY = say(
  '本单位尚未开通扫码签到，请在签到表上签名',
  'this unit does not take sign-ins by QR code yet; sign the sheet instead',
);
const VIEW_RATE = {
  minute: say(
    '打开签到页过于频繁，请稍后再试',
    'too many sign-in page loads from this network; try again shortly',
  ),
  day: say(
    '今天从本网络打开签到页的次数已达上限，请在签到表上签名',
    'this network has reached today’s limit of sign-in page loads; sign the sheet instead',
  ),
};

/** 410: the QR code works on the meeting day only; the message names that day. */
const notToday = (day: string): HttpError =>
  new HttpError(
    410,
    'meeting-not-today',
    say(
      `该会议只能在会议当天（${day}）扫码签到`,
      `sign-in for this meeting is open on its day (${day}) only`,
    ),
  );

/** The meeting under the key, refused unless it is open today (China time, by the services' clock). */
async function meetingToday(
  services: Services,
  unitId: string,
  meetingKey: string,
): Promise<MeetingSignInOpened> {
  const meeting = await services.store.intake.meetings.get(unitId, meetingKey);
  if (!meeting) throw new HttpError(404, 'meeting-unknown', NO_MEETING);
  if (meeting.day !== chinaDay(services.now())) throw notToday(meeting.day);
  return meeting;
}

// The meeting key is a secret (whoever holds it signs in on the meeting day) and every request URL
// lands in the request logs (Application Insights), so no route carries it: it travels in the body.
// That holds for the pane's authenticated open too: its URL is logged alongside the phones'.

/**
 * PUT units/{unitId}/intake/meetings (clerk, chair, admin), body `{meetingKey, meetingId, title, day}`:
 * opens QR sign-in for a meeting on its day; opening the same key again replaces what it names.
 */
export const meetingOpenFunction = httpFunction({
  name: 'intake-meeting',
  route: 'units/{unitId}/intake/meetings',
  methods: ['PUT'],
  access: 'sync',
  scope: 'unitId',
  async run({ request, services, caller, unitId }) {
    const { meetingKey, ...body } = parseWire(meetingOpenRequestSchema, await readJson(request, 4096));
    const opened = await services.store.intake.meetings.open(unitId, meetingKey, body, {
      actor: caller,
      action: 'intake.meeting',
      detail: { meetingId: body.meetingId, day: body.day },
    });
    return { status: 200, jsonBody: opened };
  },
});

/**
 * POST public/units/{unitId}/intake/meetings/view (no token), body `{meetingKey}`: what the sign-in
 * page shows. A POST because the key may not ride in the URL. Counted per address before any read
 * (each answer costs several).
 */
export const meetingViewFunction = publicFunction({
  name: 'intake-meeting-public',
  route: 'public/units/{unitId}/intake/meetings/view',
  methods: ['POST'],
  scope: 'unitId',
  async run({ request, services, unitId }) {
    const { meetingKey } = parseWire(meetingViewRequestSchema, await readJson(request, 1024));
    const counted = await services.store.rateLimits.count(meetingViewCounters(clientAddress(request)));
    if (!counted.ok) return rateLimited(counted, VIEW_RATE);
    const meeting = await meetingToday(services, unitId, meetingKey);
    const { setup, unitName } = await publishedIntake(services, unitId, NO_KEY);
    const view: MeetingSignInView = {
      unitName,
      meetingId: meeting.meetingId,
      title: meeting.title,
      day: meeting.day,
      key: { publicJwk: setup.publicJwk, kid: setup.kid },
    };
    // Not cached: at midnight the same request turns 410.
    return { status: 200, jsonBody: view, headers: { 'Cache-Control': 'no-store' } };
  },
});

/**
 * POST public/units/{unitId}/intake/meetings/signins (no token), body `{meetingKey, kid, jwe, website}`:
 * an attendee's sign-in, checked as a submission is (honeypot, envelope, rate limits, kid) and on the
 * meeting day only. The address is counted before the meeting is read, the unit only once the key has
 * found a meeting.
 */
export const meetingSignInFunction = publicFunction({
  name: 'intake-signin',
  route: 'public/units/{unitId}/intake/meetings/signins',
  methods: ['POST'],
  scope: 'unitId',
  async run({ request, services, unitId }) {
    const { meetingKey, ...body } = parseWire(
      meetingSignInSubmitSchema,
      await readJson(request, INTAKE_LIMITS.submitBodyBytes),
    );
    screenCiphertext(body);
    const counted = await services.store.rateLimits.count(signInCounters(clientAddress(request)));
    if (!counted.ok) return rateLimited(counted);
    const meeting = await meetingToday(services, unitId, meetingKey);
    const limited = await admitCiphertext(services, unitId, body.kid, [signInUnitCounter(unitId)]);
    if (limited) return limited;
    const submittedAt = await services.store.intake.add(unitId, {
      receiptId: randomBytes(16).toString('base64url'),
      kind: 'signIn',
      kid: body.kid,
      jwe: body.jwe,
      meetingId: meeting.meetingId,
    });
    return {
      status: 201,
      jsonBody: { meetingId: meeting.meetingId, submittedAt },
      headers: { 'Cache-Control': 'no-store' },
    };
  },
});

/** The meeting endpoints, in the order the function list names them. */
export const INTAKE_MEETING_FUNCTIONS: readonly HttpEntry[] = [
  meetingOpenFunction,
  meetingViewFunction,
  meetingSignInFunction,
];

registerHttp(...INTAKE_MEETING_FUNCTIONS);
