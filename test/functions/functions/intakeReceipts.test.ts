// A receipt after filing (issue 14, "The employee gets a receipt code and a private link … when it is
// finished, asks for a rating"; "the receipt secret stored only hashed"; "every refusal a clear 4xx"):
// the pane publishes statuses encrypted to the phone's reply key, the phone's link reads them with its
// secret and rates; ratings wait for the pane as pending items of their own kind.
import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTAKE_LIMITS,
  INTAKE_RATE_LIMITS,
  RECEIPT_RATE_LIMITS,
  receiptStatusResponseSchema,
  receiptViewSchema,
  VALUE_LISTS,
  type ApiError,
  type IntakeReceipt,
  type IntakeSubmissionList,
  type ReceiptView,
} from '../../../shared';
import { encryptStatus, encryptToUnion, newReplyKey } from '../../../addin/intake/envelope';
import {
  intakeKeyFunction,
  intakeListFunction,
  intakeSubmitFunction,
  intakeTakenFunction,
} from '../../../functions/src/functions/intake';
import {
  intakeStatusesFunction,
  receiptLookupFunction,
  receiptRatingFunction,
} from '../../../functions/src/functions/intakeReceipts';
import { RECEIPT_KEEP_DAYS, retentionTimer } from '../../../functions/src/functions/retentionTimer';
import { openTables, TABLE_NAMES } from '../../../functions/src/storage/tables';
import { unionKey, type UnionKey } from '../fixtures';
import { call, refused, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
let clerk: string;
const UNIT = 'co-rcpt';
const [VERY, SATISFIED, , DISSATISFIED] = VALUE_LISTS.satisfaction.values;

let key: UnionKey;

const form = { workshops: ['一车间'], categories: [] };
let address = 0;
/** A fresh address per call unless one is given: the per-address limits are tested on their own. */
const from = (a?: string) => ({
  'x-forwarded-for': `${a ?? `198.18.${Math.floor(address / 250)}.${(address++ % 250) + 1}`}:4000`,
});

/** Files an appeal as the phone does, with a reply key; answers the receipt and the reply key. */
async function file(unit = UNIT): Promise<IntakeReceipt & { replyKey: string }> {
  const replyKey = newReplyKey();
  const jwe = await encryptToUnion(
    'appeal',
    {
      content: '食堂热饭',
      workshop: '一车间',
      anonymous: true,
      submittedAt: env.services.now().toISOString(),
      replyKey,
    },
    key.publicJwk,
    key.kid,
  );
  const r = await call<IntakeReceipt>(intakeSubmitFunction, {
    params: { unitId: unit },
    body: { kid: key.kid, jwe, website: '' },
    headers: from(),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { ...r.body, replyKey };
}

const taken = (itemId: string, appealId: string, unit = UNIT) =>
  call<{ appealId: string; already: boolean } & ApiError>(intakeTakenFunction, {
    token: clerk,
    params: { unitId: unit, receiptId: itemId },
    body: { appealId },
  });

const pull = async (unit = UNIT) =>
  (await call<IntakeSubmissionList>(intakeListFunction, { token: clerk, params: { unitId: unit } })).body
    .submissions;

const publishStatuses = (statuses: unknown[], unit = UNIT, token = clerk) =>
  call<{ updated: number; unknown: string[] } & ApiError>(intakeStatusesFunction, {
    token,
    params: { unitId: unit },
    body: { statuses },
  });

async function status(appealId: string, replyKey: string, rateable: boolean): Promise<string> {
  return encryptStatus(
    { appealId, stage: '已办结', finished: rateable, rateable, updatedAt: env.services.now().toISOString() },
    replyKey,
  );
}

const lookup = (receiptId: string, receiptSecret: string, a?: string, unit = UNIT) =>
  call<ReceiptView & ApiError>(receiptLookupFunction, {
    params: { unitId: unit, receiptId },
    body: { receiptSecret },
    headers: from(a),
  });

async function ratingJwe(receiptId: string, rating = SATISFIED as string, reason?: string): Promise<string> {
  return encryptToUnion(
    'rating',
    {
      kind: 'rating',
      receiptId,
      rating: rating as typeof SATISFIED,
      ...(reason ? { reason } : {}),
      ratedAt: env.services.now().toISOString(),
    },
    key.publicJwk,
    key.kid,
  );
}

const rate = (receiptId: string, body: Record<string, unknown>, a?: string, unit = UNIT) =>
  call<{ ratingPending: boolean } & ApiError>(receiptRatingFunction, {
    params: { unitId: unit, receiptId },
    body: { kid: key.kid, website: '', ...body },
    headers: from(a),
  });

/** Files an appeal, takes it in as `appealId` and publishes a status: a receipt as the phone meets it. */
async function finished(appealId: string, rateable = true) {
  const r = await file();
  expect((await taken(r.receiptId, appealId)).status).toBe(200);
  const jwe = await status(appealId, r.replyKey, rateable);
  expect((await publishStatuses([{ receiptId: r.receiptId, jwe, rateable }])).status).toBe(200);
  return { ...r, jwe };
}

async function everyStoredText(): Promise<string> {
  const tables = openTables(env.azurite.connectionString, 't');
  const out: string[] = [];
  for (const name of TABLE_NAMES)
    for await (const e of tables[name].listEntities()) out.push(JSON.stringify(e));
  return out.join('\n');
}

beforeAll(async () => {
  env = await startEnv('2026-12-01T02:00:00Z');
  clerk = await tokenFor('clerk', [UNIT, 'co-rcpt-b']);
  key = await unionKey();
  for (const unitId of [UNIT, 'co-rcpt-b'])
    expect(
      (
        await call(intakeKeyFunction, {
          token: clerk,
          params: { unitId },
          body: { publicJwk: key.publicJwk, kid: key.kid, form },
        })
      ).status,
    ).toBe(200);
});
afterAll(() => env.stop());

describe('PUT units/{unitId}/intake/receipts (the pane publishes statuses)', () => {
  it('stores statuses on taken receipts only; the others come back unknown', async () => {
    const done = await file();
    const waiting = await file();
    expect((await taken(done.receiptId, 'A-0001')).status).toBe(200);
    const jwe = await status('A-0001', done.replyKey, false);
    const never = 'N'.repeat(22);
    const r = await publishStatuses([
      { receiptId: done.receiptId, jwe, rateable: false },
      { receiptId: waiting.receiptId, jwe, rateable: false },
      { receiptId: never, jwe, rateable: false },
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(receiptStatusResponseSchema.parse(r.body)).toEqual({
      updated: 1,
      unknown: [waiting.receiptId, never],
    });
    const view = receiptViewSchema.parse((await lookup(done.receiptId, done.receiptSecret)).body);
    expect(view).toMatchObject({ taken: true, status: jwe, rateable: false, ratingPending: false });
    // A status never creates a link: the never-issued receipt is still unknown.
    expect((await lookup(never, 'x'.repeat(43))).status).toBe(404);
  });

  it('takes a full batch of 100 in one call, the last of a receipt named twice winning', async () => {
    const receipts = [];
    for (let i = 0; i < 99; i++) {
      const r = await file('co-rcpt-b');
      expect((await taken(r.receiptId, `B-${i}`, 'co-rcpt-b')).status).toBe(200);
      receipts.push(r);
    }
    const first = receipts[0] as (typeof receipts)[number];
    const statuses = receipts.map((r, i) => ({ receiptId: r.receiptId, jwe: `s.${i}`, rateable: false }));
    statuses.push({ receiptId: first.receiptId, jwe: 'last', rateable: true });
    const r = await publishStatuses(statuses, 'co-rcpt-b');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ updated: 99, unknown: [] });
    const view = (await lookup(first.receiptId, first.receiptSecret, undefined, 'co-rcpt-b')).body;
    expect(view).toMatchObject({ status: 'last', rateable: true });
  });

  it('refuses 101 statuses, an oversized status, a malformed receipt id and an empty list (400)', async () => {
    const s = (i: number) => ({ receiptId: `r${String(i).padStart(21, '0')}`, jwe: 'x', rateable: false });
    refused(
      await publishStatuses(Array.from({ length: INTAKE_LIMITS.statusBatch + 1 }, (_, i) => s(i))),
      'statuses',
    );
    refused(
      await publishStatuses([{ ...s(1), jwe: 'x'.repeat(INTAKE_LIMITS.statusJweChars + 1) }]),
      'statuses[0].jwe',
    );
    refused(await publishStatuses([{ ...s(1), receiptId: 'bad/id' }]), 'statuses[0].receiptId');
    refused(await publishStatuses([]), 'statuses');
  });

  it('is for clerk, chair and admin of the unit: management 403, another unit 403, no token 401', async () => {
    const s = [{ receiptId: 'r'.repeat(22), jwe: 'x', rateable: false }];
    expect((await publishStatuses(s, UNIT, await tokenFor('management', [UNIT]))).status).toBe(403);
    expect((await publishStatuses(s, 'co-other')).status).toBe(403);
    const anonymous = await call(intakeStatusesFunction, { params: { unitId: UNIT }, body: { statuses: s } });
    expect(anonymous.status).toBe(401);
  });
});

describe('POST public/units/{unitId}/intake/receipts/{receiptId} (the receipt link)', () => {
  it('answers a receipt still waiting for the pane as not taken, then taken with its status', async () => {
    const r = await file();
    const before = await lookup(r.receiptId, r.receiptSecret);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.headers.get('cache-control')).toBe('no-store');
    expect(receiptViewSchema.parse(before.body)).toEqual({
      receiptId: r.receiptId,
      submittedAt: env.services.now().toISOString(),
      taken: false,
      rateable: false,
      ratingPending: false,
    });
    expect((await taken(r.receiptId, 'A-0002')).status).toBe(200);
    const after = receiptViewSchema.parse((await lookup(r.receiptId, r.receiptSecret)).body);
    expect(after).toMatchObject({ taken: true, rateable: false, ratingPending: false });
    expect(after.status).toBeUndefined();
  });

  it('answers a wrong secret exactly as an unknown receipt (404), before and after taken', async () => {
    const r = await file();
    const wrong = 'W'.repeat(43);
    const unknown = await lookup('U'.repeat(22), wrong);
    const bad = await lookup(r.receiptId, wrong);
    expect(unknown.status).toBe(404);
    expect(bad.status).toBe(404);
    expect(bad.body).toEqual(unknown.body);
    expect(bad.body.error.code).toBe('receipt-unknown');
    expect((await taken(r.receiptId, 'A-0003')).status).toBe(200);
    expect((await lookup(r.receiptId, wrong)).body).toEqual(unknown.body);
  });

  it('never answers a rating or sign-in item as a receipt (they have no secret)', async () => {
    const r = await finished('A-0004');
    expect(
      (await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: await ratingJwe(r.receiptId) })).status,
    ).toBe(201);
    const item = (await pull()).find((s) => s.kind === 'rating' && s.ratesReceiptId === r.receiptId);
    expect(item).toBeDefined();
    expect((await lookup(item?.receiptId as string, r.receiptSecret)).status).toBe(404);
  });

  it('refuses a malformed receipt id or secret (400) and garbage bodies with 4xx', async () => {
    refused((await lookup('short', 'x'.repeat(43))) as never, 'receiptId');
    refused((await lookup('r'.repeat(22), 'short')) as never, 'receiptSecret');
    for (const rawBody of ['', '{', '[]', 'null', '{"receiptSecret":1}']) {
      const r = await call(receiptLookupFunction, {
        params: { unitId: UNIT, receiptId: 'r'.repeat(22) },
        rawBody,
      });
      expect(r.status, rawBody).toBeGreaterThanOrEqual(400);
      expect(r.status, rawBody).toBeLessThan(500);
    }
  });

  it(`answers 429 with Retry-After past ${RECEIPT_RATE_LIMITS.addressPerMinute} lookups a minute from one address`, async () => {
    env.setNow('2026-12-01T04:00:20Z');
    const r = await file();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof lookup>> | undefined;
    for (let i = 0; i < RECEIPT_RATE_LIMITS.addressPerMinute + 1; i++) {
      last = await lookup(r.receiptId, r.receiptSecret, '192.0.2.77');
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(RECEIPT_RATE_LIMITS.addressPerMinute);
    expect(last?.status).toBe(429);
    expect(last?.headers.get('retry-after')).toBe('40');
    expect(last?.body.error.message.en).toMatch(/lookups/);
    // Lookups have their own counters: the same address may still file an appeal.
    const jwe = await encryptToUnion(
      'appeal',
      { content: 'x', workshop: '一车间', anonymous: true, submittedAt: env.services.now().toISOString() },
      key.publicJwk,
      key.kid,
    );
    const filed = await call(intakeSubmitFunction, {
      params: { unitId: UNIT },
      body: { kid: key.kid, jwe, website: '' },
      headers: from('192.0.2.77'),
    });
    expect(filed.status).toBe(201);
  });
});

describe('POST public/units/{unitId}/intake/receipts/{receiptId}/rating', () => {
  it('refuses a rating before the status says rateable (409 not-rateable), then takes it', async () => {
    env.setNow('2026-12-02T02:00:00Z');
    const r = await file();
    const early = await rate(r.receiptId, {
      receiptSecret: r.receiptSecret,
      jwe: await ratingJwe(r.receiptId),
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not-rateable');
    expect(early.body.error.message.zh).toMatch(/评价/);
    expect((await taken(r.receiptId, 'A-0010')).status).toBe(200);
    const jwe0 = await status('A-0010', r.replyKey, false);
    expect((await publishStatuses([{ receiptId: r.receiptId, jwe: jwe0, rateable: false }])).status).toBe(
      200,
    );
    expect(
      (await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: await ratingJwe(r.receiptId) })).status,
    ).toBe(409);
    const jwe1 = await status('A-0010', r.replyKey, true);
    expect((await publishStatuses([{ receiptId: r.receiptId, jwe: jwe1, rateable: true }])).status).toBe(200);
    const rating = await ratingJwe(r.receiptId, DISSATISFIED, '食堂仍然没有热饭');
    const ok = await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: rating });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect((await lookup(r.receiptId, r.receiptSecret)).body).toMatchObject({
      ratingPending: true,
      rateable: true,
    });
    const items = (await pull()).filter((s) => s.kind === 'rating' && s.ratesReceiptId === r.receiptId);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'rating',
        ratesReceiptId: r.receiptId,
        appealId: 'A-0010',
        jwe: rating,
        kid: key.kid,
      }),
    ]);
  });

  it('a second rating while the first waits is refused (409 rating-pending): the pane may have written the first', async () => {
    const r = await finished('A-0011');
    const first = await ratingJwe(r.receiptId, SATISFIED);
    const second = await ratingJwe(r.receiptId, VERY);
    const ok = await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: first });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ receiptId: r.receiptId, ratingPending: true });
    const again = await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: second });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('rating-pending');
    expect(again.body.error.message.zh).toBe('评价已提交，等待工会接收；如需修改请联系工会');
    expect(again.body.error.message.en).toMatch(/waiting/);
    const items = (await pull()).filter((s) => s.ratesReceiptId === r.receiptId);
    expect(items.map((s) => s.jwe)).toEqual([first]);
    // The pane's confirmation of the first still finds it.
    expect((await taken(items[0]?.receiptId as string, 'A-0011')).status).toBe(200);
  });

  it('eight ratings of one receipt racing: one waits, the rest are refused with 4xx, never a 5xx', async () => {
    const r = await finished('A-0012');
    const jwes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => ratingJwe(r.receiptId, i % 2 ? VERY : SATISFIED)),
    );
    const all = await Promise.all(
      jwes.map((jwe) => rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe })),
    );
    const statuses = all.map((b) => b.status);
    expect(
      statuses.filter((s) => s === 201),
      JSON.stringify(statuses),
    ).toHaveLength(1);
    expect(
      statuses.every((s) => s === 201 || s === 409 || s === 429),
      JSON.stringify(statuses),
    ).toBe(true);
    const items = (await pull()).filter((s) => s.ratesReceiptId === r.receiptId);
    expect(items).toHaveLength(1);
  });

  it('a rating that loses every race on its link answers 429 Retry-After: 1 with the bilingual busy text, not a 5xx', async () => {
    const r = await finished('A-0018');
    const store = env.services.store.intake;
    const real = store.rate;
    // The storage's answer after eight lost races (its link changed under each attempt).
    store.rate = async () => ({ ok: false, reason: 'busy' });
    try {
      const lost = await rate(r.receiptId, {
        receiptSecret: r.receiptSecret,
        jwe: await ratingJwe(r.receiptId),
      });
      expect(lost.status).toBe(429);
      expect(lost.headers.get('retry-after')).toBe('1');
      expect(lost.body.error.message).toEqual({
        zh: '服务繁忙，请稍后重试',
        en: 'the service is busy; retry shortly',
      });
    } finally {
      store.rate = real;
    }
  });

  it('taken deletes the rating (its appeal named), refuses another 编号 (409), answers a repeat, closes rating', async () => {
    const r = await finished('A-0013');
    expect(
      (await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: await ratingJwe(r.receiptId) })).status,
    ).toBe(201);
    const item = (await pull()).find((s) => s.ratesReceiptId === r.receiptId);
    const itemId = item?.receiptId as string;
    const wrong = await taken(itemId, 'A-9999');
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('intake-not-this-record');
    expect((await pull()).map((s) => s.receiptId)).toContain(itemId);
    const ok = await taken(itemId, 'A-0013');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ appealId: 'A-0013', already: false });
    expect((await pull()).map((s) => s.receiptId)).not.toContain(itemId);
    expect((await taken(itemId, 'A-0013')).body).toMatchObject({ already: true });
    expect((await taken(itemId, 'A-0014')).status).toBe(409);
    // The receipt link stays; the rating is no longer waiting, and no second comes until a new status.
    expect((await lookup(r.receiptId, r.receiptSecret)).body).toMatchObject({
      taken: true,
      ratingPending: false,
      rateable: false,
    });
    expect(
      (await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: await ratingJwe(r.receiptId) })).status,
    ).toBe(409);
  });

  it('answers a wrong secret as an unknown receipt (404), the same answer as the lookup', async () => {
    const r = await finished('A-0015');
    const bad = await rate(r.receiptId, { receiptSecret: 'W'.repeat(43), jwe: await ratingJwe(r.receiptId) });
    expect(bad.status).toBe(404);
    const unknown = await lookup('U'.repeat(22), 'W'.repeat(43));
    expect(bad.body).toEqual(unknown.body);
    const never = await rate('U'.repeat(22), {
      receiptSecret: r.receiptSecret,
      jwe: await ratingJwe(r.receiptId),
    });
    expect(never.body).toEqual(unknown.body);
  });

  it('refuses a filled honeypot, a malformed envelope, an unknown kid and an oversized body', async () => {
    const r = await finished('A-0016');
    const jwe = await ratingJwe(r.receiptId);
    refused(await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe, website: 'x' }), 'website');
    refused(await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: 'a.b.c.d.e' }), 'jwe');
    const stranger = await unionKey();
    const strangerJwe = await encryptToUnion(
      'rating',
      {
        kind: 'rating',
        receiptId: r.receiptId,
        rating: SATISFIED,
        ratedAt: env.services.now().toISOString(),
      },
      stranger.publicJwk,
      stranger.kid,
    );
    refused(
      await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: strangerJwe, kid: stranger.kid }),
      'kid',
    );
    const big = await call<ApiError>(receiptRatingFunction, {
      params: { unitId: UNIT, receiptId: r.receiptId },
      rawBody: JSON.stringify({
        receiptSecret: r.receiptSecret,
        kid: key.kid,
        jwe: 'a'.repeat(70_000),
        website: '',
      }),
    });
    expect(big.status).toBe(413);
    expect((await pull()).filter((s) => s.ratesReceiptId === r.receiptId)).toEqual([]);
  });

  it('a lookup body over its own 4,096-byte limit answers 413 naming that limit, not the submissions’', async () => {
    const big = await call<ApiError>(receiptLookupFunction, {
      params: { unitId: UNIT, receiptId: 'A'.repeat(22) },
      rawBody: JSON.stringify({ receiptSecret: 'a'.repeat(5000) }),
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('body-too-large');
    expect(big.body.error.message.zh).toContain('4096');
    expect(big.body.error.message.en).toContain('4096');
    expect(big.body.error.message.en).not.toContain('sync');
  });

  it(`counts ratings with receipt lookups per address, before any read: 429 with Retry-After past ${RECEIPT_RATE_LIMITS.addressPerMinute} a minute`, async () => {
    env.setNow('2026-12-02T06:00:30Z');
    const r = await finished('A-0017');
    const jwe = await ratingJwe(r.receiptId);
    const statuses: number[] = [];
    // More than an appeal's five a minute: ratings are not appeals. Wrong secrets count too.
    for (let i = 0; i < INTAKE_RATE_LIMITS.addressPerMinute + 1; i++)
      statuses.push((await rate(r.receiptId, { receiptSecret: 'W'.repeat(43), jwe }, '192.0.2.88')).status);
    expect(new Set(statuses)).toEqual(new Set([404]));
    for (let i = statuses.length; i < RECEIPT_RATE_LIMITS.addressPerMinute; i++)
      expect((await lookup(r.receiptId, r.receiptSecret, '192.0.2.88')).status).toBe(200);
    const last = await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe }, '192.0.2.88');
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('30');
    expect(last.body.error.message.en).toMatch(/ratings/);
  });

  it(`spends none of the unit’s ${INTAKE_RATE_LIMITS.unitPerDay} appeals a day: a wrong secret costs the unit nothing`, async () => {
    const r = await finished('A-0019');
    const unitDay = { subject: `u-${UNIT}`, window: 'day' } as const;
    const before = await env.services.store.rateLimits.read(unitDay);
    for (let i = 0; i < 3; i++)
      expect(
        (await rate(r.receiptId, { receiptSecret: 'W'.repeat(43), jwe: await ratingJwe(r.receiptId) }))
          .status,
      ).toBe(404);
    expect(
      (await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: await ratingJwe(r.receiptId) })).status,
    ).toBe(201);
    expect(await env.services.store.rateLimits.read(unitDay)).toBe(before);
  });
});

describe('pending kinds and storage', () => {
  it('lists appeals and ratings with their kind; an appeal taken keeps its link as before', async () => {
    env.setNow('2026-12-03T02:00:00Z');
    const appeal = await file();
    const items = await pull();
    expect(items.find((s) => s.receiptId === appeal.receiptId)).toMatchObject({ kind: 'appeal' });
    expect(items.find((s) => s.receiptId === appeal.receiptId)?.ratesReceiptId).toBeUndefined();
    expect((await taken(appeal.receiptId, 'A-0020')).body).toMatchObject({ already: false });
    expect((await taken(appeal.receiptId, 'A-0020')).body).toMatchObject({ already: true });
  });

  it('stores no receipt secret and no reply key in any entity, in any readable form', async () => {
    const r = await finished('A-0021');
    await rate(r.receiptId, { receiptSecret: r.receiptSecret, jwe: await ratingJwe(r.receiptId) });
    const stored = await everyStoredText();
    for (const secret of [r.receiptSecret, r.replyKey])
      for (const f of [
        secret,
        Buffer.from(secret, 'base64url').toString('hex'),
        Buffer.from(secret, 'base64url').toString('base64'),
      ])
        expect(stored.includes(f), f).toBe(false);
  });
});

describe('retention', () => {
  it(`deletes receipt links with no status for ${RECEIPT_KEEP_DAYS} days; a link with a later status stays`, async () => {
    env.setNow('2027-01-10T02:00:00Z');
    const quiet = await file();
    expect((await taken(quiet.receiptId, 'A-0030')).status).toBe(200);
    const busy = await finished('A-0031', false);
    env.setNow('2027-06-01T02:00:00Z');
    const later = await status('A-0031', busy.replyKey, true);
    expect((await publishStatuses([{ receiptId: busy.receiptId, jwe: later, rateable: true }])).status).toBe(
      200,
    );
    env.setNow('2028-01-12T18:00:00Z');
    const run = (await retentionTimer.run(
      env.services,
      new InvocationContext({ functionName: 'retention', logHandler: () => {} }),
    )) as { intake: { receiptLinks: number } };
    expect(run.intake.receiptLinks).toBeGreaterThanOrEqual(1);
    expect((await lookup(quiet.receiptId, quiet.receiptSecret)).status).toBe(404);
    expect((await lookup(busy.receiptId, busy.receiptSecret)).body).toMatchObject({
      taken: true,
      status: later,
    });
  });
});
