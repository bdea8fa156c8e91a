// Meeting sign-in by QR (issue 14: "the meeting notice and the sign-in sheet carry a QR code valid on
// the meeting day only; attendees sign in on their phones and the rows arrive in 会议签到表"): the pane
// opens a meeting under its QR key, phones read it and post encrypted sign-ins on its day (China
// time), which wait for the pane as pending items of kind 'signIn'.
import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  meetingSignInOpenedSchema,
  meetingSignInViewSchema,
  REPRESENTATIVES_GROUP,
  SIGN_IN_RATE_LIMITS,
  type ApiError,
  type IntakeSubmissionList,
  type MeetingSignInView,
} from '../../../shared';
import { encryptToUnion } from '../../../addin/intake/envelope';
import {
  intakeKeyFunction,
  intakeListFunction,
  intakeTakenFunction,
} from '../../../functions/src/functions/intake';
import {
  meetingOpenFunction,
  meetingSignInFunction,
  meetingViewFunction,
} from '../../../functions/src/functions/intakeMeetings';
import { INTAKE_KEEP_DAYS, retentionTimer } from '../../../functions/src/functions/retentionTimer';
import { openTables, TABLE_NAMES } from '../../../functions/src/storage/tables';
import { unionKey, type UnionKey } from '../fixtures';
import { call, refused, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
let clerk: string;
const UNIT = 'co-meet';
const KEY = 'M'.repeat(21) + 'a';
const NAME = '王小明';

let key: UnionKey;

const open = (meetingKey: string, body: Record<string, unknown>, unit = UNIT, token = clerk) =>
  call<{ day: string } & ApiError>(meetingOpenFunction, {
    token,
    params: { unitId: unit },
    body: {
      meetingKey,
      meetingId: 'H-2026-01',
      title: '第三届职工代表大会第二次会议',
      day: '2026-12-01',
      ...body,
    },
  });

const view = (meetingKey = KEY, unit = UNIT, a?: string) =>
  call<MeetingSignInView & ApiError>(meetingViewFunction, {
    params: { unitId: unit },
    body: { meetingKey },
    ...(a ? { headers: { 'x-forwarded-for': `${a}:5000` } } : {}),
  });

async function signInJwe(meetingId = 'H-2026-01', k = key): Promise<string> {
  return encryptToUnion(
    'signIn',
    {
      kind: 'signIn',
      meetingId,
      group: REPRESENTATIVES_GROUP,
      position: '一车间',
      name: NAME,
      signedAt: env.services.now().toISOString(),
    },
    k.publicJwk,
    k.kid,
  );
}

let address = 0;
const signIn = (body: Record<string, unknown>, a?: string, meetingKey = KEY, unit = UNIT) =>
  call<{ meetingId: string } & ApiError>(meetingSignInFunction, {
    params: { unitId: unit },
    body: { meetingKey, kid: key.kid, website: '', ...body },
    headers: { 'x-forwarded-for': `${a ?? `198.19.0.${(address++ % 250) + 1}`}:5000` },
  });

const pull = async (unit = UNIT) =>
  (await call<IntakeSubmissionList>(intakeListFunction, { token: clerk, params: { unitId: unit } })).body
    .submissions;

const taken = (itemId: string, appealId: string) =>
  call<{ appealId: string; already: boolean } & ApiError>(intakeTakenFunction, {
    token: clerk,
    params: { unitId: UNIT, receiptId: itemId },
    body: { appealId },
  });

beforeAll(async () => {
  // 2026-12-01 01:00 in China.
  env = await startEnv('2026-11-30T17:00:00Z');
  clerk = await tokenFor('clerk', [UNIT, 'co-meet-nokey']);
  await env.services.store.units.configure(UNIT, { name: '示范公司工会' });
  key = await unionKey();
  const published = await call(intakeKeyFunction, {
    token: clerk,
    params: { unitId: UNIT },
    body: { publicJwk: key.publicJwk, kid: key.kid, form: { workshops: ['一车间'], categories: [] } },
  });
  expect(published.status).toBe(200);
});
afterAll(() => env.stop());

describe('PUT units/{unitId}/intake/meetings (the key in the body)', () => {
  it('opens a meeting for sign-in and answers what it holds', async () => {
    const r = await open(KEY, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(meetingSignInOpenedSchema.parse(r.body)).toEqual({
      meetingKey: KEY,
      meetingId: 'H-2026-01',
      title: '第三届职工代表大会第二次会议',
      day: '2026-12-01',
      openedAt: '2026-11-30T17:00:00.000Z',
    });
  });

  it('refuses a malformed key, day, 会议编号 and title (400 naming each), and others than the clerk', async () => {
    refused((await open('short', {})) as never, 'meetingKey');
    refused(await open(KEY, { day: '2026-13-01' }), 'day');
    refused(await open(KEY, { meetingId: '' }), 'meetingId');
    refused(await open(KEY, { title: 'x'.repeat(101) }), 'title');
    refused(await open(KEY, { extra: 1 }), 'extra');
    expect((await open(KEY, {}, UNIT, await tokenFor('management', [UNIT]))).status).toBe(403);
    expect((await open(KEY, {}, 'co-other')).status).toBe(403);
    const anonymous = await call(meetingOpenFunction, {
      params: { unitId: UNIT },
      body: { meetingKey: KEY },
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('POST public/units/{unitId}/intake/meetings/view (the key in the body)', () => {
  it('answers the meeting and the unit’s current key on the meeting day (China time), not cached', async () => {
    const r = await view();
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(meetingSignInViewSchema.parse(r.body)).toEqual({
      unitName: '示范公司工会',
      meetingId: 'H-2026-01',
      title: '第三届职工代表大会第二次会议',
      day: '2026-12-01',
      key: { publicJwk: key.publicJwk, kid: key.kid },
    });
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 410 meeting-not-today naming the day, the evening before and the day after in China', async () => {
    // 23:59 on 11-30 in China is still 11-30; 00:00 on 12-02 is past.
    for (const now of ['2026-11-30T15:59:00Z', '2026-12-01T16:00:00Z']) {
      env.setNow(now);
      const r = await view();
      expect(r.status, now).toBe(410);
      expect(r.body.error.code).toBe('meeting-not-today');
      expect(r.body.error.message.zh).toContain('2026-12-01');
      expect(r.body.error.message.en).toContain('2026-12-01');
    }
    env.setNow('2026-12-01T15:59:00Z');
    expect((await view()).status).toBe(200);
  });

  it('answers 404 for a meeting never opened, 400 for a malformed key, 404 when the unit has no key', async () => {
    const unknown = await view('U'.repeat(22));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('meeting-unknown');
    refused((await view('bad')) as never, 'meetingKey');
    const extra = await call<ApiError>(meetingViewFunction, {
      params: { unitId: UNIT },
      body: { meetingKey: KEY, unitId: UNIT },
    });
    refused(extra as never, 'unitId');
    expect((await open(KEY, { day: '2026-12-01' }, 'co-meet-nokey')).status).toBe(200);
    const nokey = await view(KEY, 'co-meet-nokey');
    expect(nokey.status).toBe(404);
    expect(nokey.body.error.code).toBe('intake-not-open');
  });

  it(`counts views per address before any read: past ${SIGN_IN_RATE_LIMITS.addressPerMinute} a minute, 429 with Retry-After, made-up keys included`, async () => {
    env.setNow('2026-12-01T02:30:50Z');
    const statuses: number[] = [];
    // Made-up keys: each is counted, though no meeting is ever read for them.
    for (let i = 0; i < SIGN_IN_RATE_LIMITS.addressPerMinute; i++)
      statuses.push((await view(`U${String(i).padStart(21, '0')}`, UNIT, '10.7.7.7')).status);
    expect(new Set(statuses)).toEqual(new Set([404]));
    const limited = await view(KEY, UNIT, '10.7.7.7');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(limited.body.error.message.zh).toMatch(/签到页/);
    expect(limited.body.error.message.en).toMatch(/sign-in page/);
    // Views have their own rows: the same room may still sign in, and another address still views.
    expect((await signIn({ jwe: await signInJwe() }, '10.7.7.7')).status).toBe(201);
    expect((await view(KEY, UNIT, '10.7.7.8')).status).toBe(200);
  });

  it('names the union as it published itself with its key, before the unit tree’s name (as the intake view does)', async () => {
    const republished = await call(intakeKeyFunction, {
      token: clerk,
      params: { unitId: UNIT },
      body: {
        publicJwk: key.publicJwk,
        kid: key.kid,
        form: { unitName: '示范公司', workshops: ['一车间'], categories: [] },
      },
    });
    expect(republished.status).toBe(200);
    expect((await view()).body.unitName).toBe('示范公司');
  });
});

describe('POST public/units/{unitId}/intake/meetings/signins (the key in the body)', () => {
  it('stores the sign-in as a pending item of kind signIn naming the 会议编号; taken deletes it', async () => {
    env.setNow('2026-12-01T02:00:00Z');
    const jwe = await signInJwe();
    const r = await signIn({ jwe });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const item = (await pull()).find((s) => s.jwe === jwe);
    expect(item).toMatchObject({ kind: 'signIn', meetingId: 'H-2026-01', kid: key.kid });
    expect(item?.ratesReceiptId).toBeUndefined();
    const itemId = item?.receiptId as string;
    const wrong = await taken(itemId, 'H-2026-02');
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('intake-not-this-record');
    expect((await taken(itemId, 'H-2026-01')).body).toMatchObject({ appealId: 'H-2026-01', already: false });
    expect((await pull()).map((s) => s.receiptId)).not.toContain(itemId);
    expect((await taken(itemId, 'H-2026-01')).body).toMatchObject({ already: true });
  });

  it('refuses sign-ins outside the meeting day (410), to an unknown meeting (404) and never stores them', async () => {
    env.setNow('2026-12-02T02:00:00Z');
    const jwe = await signInJwe();
    const late = await signIn({ jwe });
    expect(late.status).toBe(410);
    expect(late.body.error.message.zh).toContain('2026-12-01');
    expect((await signIn({ jwe }, undefined, 'U'.repeat(22))).status).toBe(404);
    expect((await pull()).map((s) => s.jwe)).not.toContain(jwe);
    env.setNow('2026-12-01T02:00:00Z');
  });

  it('refuses a filled honeypot, a malformed envelope, an unknown kid and an oversized body', async () => {
    const jwe = await signInJwe();
    refused(await signIn({ jwe, website: 'http://spam' }), 'website');
    refused(await signIn({ jwe, meetingKey: 'bad' }), 'meetingKey');
    refused(await signIn({ jwe: jwe.split('.').slice(0, 4).join('.') }), 'jwe');
    const stranger = await unionKey();
    refused(await signIn({ jwe: await signInJwe('H-2026-01', stranger), kid: stranger.kid }), 'kid');
    const big = await call<ApiError>(meetingSignInFunction, {
      params: { unitId: UNIT },
      rawBody: JSON.stringify({ meetingKey: KEY, kid: key.kid, jwe: 'a'.repeat(70_000), website: '' }),
    });
    expect(big.status).toBe(413);
    for (const rawBody of [
      '',
      '{',
      'null',
      '{"kid":1}',
      JSON.stringify({ kid: key.kid, jwe, website: '' }),
    ]) {
      const r = await call(meetingSignInFunction, { params: { unitId: UNIT }, rawBody });
      expect(r.status, rawBody).toBeGreaterThanOrEqual(400);
      expect(r.status, rawBody).toBeLessThan(500);
    }
  });

  it('counts the address before reading the meeting, and the unit only once the key found one', async () => {
    env.setNow('2026-12-01T03:30:50Z');
    const jwe = await signInJwe();
    const unitDay = { subject: `u-s-${UNIT}`, window: 'day' } as const;
    const before = await env.services.store.rateLimits.read(unitDay);
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_RATE_LIMITS.addressPerMinute; i++)
      statuses.push((await signIn({ jwe }, '10.8.8.8', `U${String(i).padStart(21, '0')}`)).status);
    expect(new Set(statuses)).toEqual(new Set([404]));
    // Made-up keys spent the address's minute, not the unit's day.
    expect(await env.services.store.rateLimits.read(unitDay)).toBe(before);
    const limited = await signIn({ jwe }, '10.8.8.8');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect((await signIn({ jwe }, '10.8.8.9')).status).toBe(201);
    expect(await env.services.store.rateLimits.read(unitDay)).toBe(before + 1);
  });

  it(`a meeting room on one address: ${SIGN_IN_RATE_LIMITS.addressPerMinute} a minute, then 429 with Retry-After`, async () => {
    env.setNow('2026-12-01T03:00:45Z');
    const jwe = await signInJwe();
    const answers = [];
    for (let i = 0; i < SIGN_IN_RATE_LIMITS.addressPerMinute + 3; i++)
      answers.push(await signIn({ jwe }, '10.20.30.40'));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(SIGN_IN_RATE_LIMITS.addressPerMinute);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    const refusedOne = answers.find((a) => a.status === 429);
    expect(refusedOne?.headers.get('retry-after')).toBe('15');
  });
});

describe('retention and storage', () => {
  it('stores no attendee name and no meeting key (a secret: it signs in) in any entity; meetings go with the retention timer', async () => {
    const tables = openTables(env.azurite.connectionString, 't');
    const out: string[] = [];
    for (const name of TABLE_NAMES)
      for await (const e of tables[name].listEntities()) out.push(JSON.stringify(e));
    const stored = out.join('\n');
    expect(stored).not.toContain(NAME);
    expect(stored).toContain('H-2026-01');
    for (const f of [KEY, Buffer.from(KEY, 'base64url').toString('hex')]) expect(stored, f).not.toContain(f);
    expect((await open('N'.repeat(22), { day: '2026-12-20' })).status).toBe(200);
    env.setNow('2027-01-02T18:00:00Z');
    const run = (await retentionTimer.run(
      env.services,
      new InvocationContext({ functionName: 'retention', logHandler: () => {} }),
    )) as { intake: { meetings: number } };
    // 12-01 is more than INTAKE_KEEP_DAYS before 01-03 (China); 12-20 is not.
    expect(INTAKE_KEEP_DAYS).toBe(30);
    expect(run.intake.meetings).toBeGreaterThanOrEqual(1);
    expect((await view()).status).toBe(404);
    expect((await view('N'.repeat(22))).status).toBe(410);
  });
});
