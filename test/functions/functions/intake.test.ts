// The cloud's intake endpoints (issue 14, "The cloud's side"): a union publishes its public key,
// phones post ciphertext without a token, the pane pulls it and confirms; rate limits in Table
// Storage; nothing a client sends gets a 5xx; no plaintext anywhere in the tables.
import { createHash } from 'node:crypto';
import { CompactEncrypt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTAKE_RATE_LIMITS,
  intakePublicResponseSchema,
  intakeReceiptSchema,
  intakeSubmissionListSchema,
  type ApiError,
  type IntakeReceipt,
  type IntakeSubmissionList,
} from '../../../shared';
import {
  intakeCounters,
  intakeKeyFunction,
  intakeListFunction,
  intakePublicFunction,
  intakeSubmitFunction,
  intakeTakenFunction,
} from '../../../functions/src/functions/intake';
import { INTAKE_KEEP_DAYS, retentionTimer } from '../../../functions/src/functions/retentionTimer';
import { secretHash } from '../../../functions/src/auth/pairing';
import { openTables, TABLE_NAMES } from '../../../functions/src/storage/tables';
import { InvocationContext } from '@azure/functions';
import { unionKey, type UnionKey } from '../fixtures';
import { call, refused, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;
let clerk: string;
const UNIT = 'co-intake';
const SENTENCE = '三号车间夜班食堂没有热饭，工人反映多次未解决';

/** A submission as the phone page makes it: jose's CompactEncrypt to the union's key (ephemeral P-256). */
async function encrypt(
  key: UnionKey,
  text = SENTENCE,
  header: Record<string, unknown> = {},
): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ content: text, anonymous: true })))
    .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: key.kid, ...header })
    .encrypt(key.publicKey);
}

const form = { workshops: ['一车间', '二车间', '三号车间'], categories: ['生活保障类'] };

const publish = (key: UnionKey, body: Record<string, unknown> = {}, unit = UNIT, token = clerk) =>
  call<{ kid: string; keptKids: string[] } & ApiError>(intakeKeyFunction, {
    token,
    params: { unitId: unit },
    body: { publicJwk: key.publicJwk, kid: key.kid, form, ...body },
  });

const submit = (body: unknown, address = '203.0.113.7', unit = UNIT) =>
  call<IntakeReceipt & ApiError>(intakeSubmitFunction, {
    params: { unitId: unit },
    body,
    headers: { 'x-forwarded-for': `${address}:51234` },
  });

const pull = (unit = UNIT, continuation?: string) =>
  call<IntakeSubmissionList>(intakeListFunction, {
    token: clerk,
    params: { unitId: unit },
    ...(continuation ? { query: { continuation } } : {}),
  });

const taken = (receiptId: string, appealId: string, unit = UNIT) =>
  call<{ appealId: string; already: boolean } & ApiError>(intakeTakenFunction, {
    token: clerk,
    params: { unitId: unit, receiptId },
    body: { appealId },
  });

/** Every entity of every cloud table, as text. */
async function everyStoredText(): Promise<string> {
  const tables = openTables(env.azurite.connectionString, 't');
  const out: string[] = [];
  for (const name of TABLE_NAMES)
    for await (const e of tables[name].listEntities()) out.push(JSON.stringify(e));
  return out.join('\n');
}

let key: UnionKey;

beforeAll(async () => {
  env = await startEnv('2026-12-01T02:00:00Z');
  clerk = await tokenFor('clerk', [UNIT, 'co-a', 'co-b', 'co-c', 'co-d', 'co-e']);
  await env.services.store.units.configure(UNIT, { name: '示范公司工会' });
  key = await unionKey();
});
afterAll(() => env.stop());

describe('PUT units/{unitId}/intake/key', () => {
  it('publishes a P-256 public key under its RFC 7638 thumbprint and keeps earlier keys by kid', async () => {
    const first = await publish(key);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.kid).toBe(key.kid);
    const next = await unionKey();
    const second = await publish(next, {}, 'co-e');
    expect(second.status).toBe(200);
    const again = await publish(await unionKey(), {}, 'co-e');
    expect(again.body.keptKids).toContain(next.kid);
    expect(again.body.keptKids).toHaveLength(2);
  });

  it('refuses a kid that is not the key thumbprint (400 path kid)', async () => {
    const other = await unionKey();
    refused(await publish(key, { kid: other.kid }), 'kid');
  });

  it('refuses a private key (400 path publicJwk.d)', async () => {
    refused(await publish(key, { publicJwk: { ...key.publicJwk, d: 'A'.repeat(43) } }), 'publicJwk.d');
  });

  it('refuses another curve and an oversized form', async () => {
    refused(await publish(key, { publicJwk: { ...key.publicJwk, crv: 'P-384' } }), 'publicJwk.crv');
    const many = { workshops: Array.from({ length: 201 }, (_, i) => `车间${i}`), categories: [] };
    refused(await publish(key, { form: many }), 'form.workshops');
    refused(
      await publish(key, { form: { workshops: ['一'.repeat(61)], categories: [] } }),
      'form.workshops[0]',
    );
  });

  it('is for clerk, chair and admin only: management gets 403, no token 401', async () => {
    expect((await publish(key, {}, UNIT, await tokenFor('management', [UNIT]))).status).toBe(403);
    const anonymous = await call(intakeKeyFunction, { params: { unitId: UNIT }, body: {} });
    expect(anonymous.status).toBe(401);
  });
});

describe('GET public/units/{unitId}/intake (no token)', () => {
  it('answers the unit name, form and current key, cached briefly', async () => {
    const r = await call(intakePublicFunction, { params: { unitId: UNIT } });
    expect(r.status).toBe(200);
    const view = intakePublicResponseSchema.parse(r.body);
    expect(view).toEqual({ unitName: '示范公司工会', form, key: { publicJwk: key.publicJwk, kid: key.kid } });
    expect(r.headers.get('cache-control')).toMatch(/max-age=60/);
  });

  it('answers 404 with a bilingual message for a unit without a key', async () => {
    const r = await call<ApiError>(intakePublicFunction, { params: { unitId: 'no-key' } });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('intake-not-open');
    expect(r.body.error.message.zh).toMatch(/二维码/);
    expect(r.body.error.message.en).toMatch(/QR code/);
  });
});

describe('POST public/units/{unitId}/intake/submissions (no token)', () => {
  it('stores the ciphertext and answers a receipt whose secret is kept only hashed', async () => {
    const jwe = await encrypt(key);
    const r = await submit({ kid: key.kid, jwe, website: '' }, '198.51.100.1');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const receipt = intakeReceiptSchema.parse(r.body);
    const stored = await everyStoredText();
    expect(stored).toContain(secretHash(receipt.receiptSecret));
    expect(stored).not.toContain(receipt.receiptSecret);
    const page = intakeSubmissionListSchema.parse((await pull()).body);
    expect(page.submissions).toContainEqual(
      expect.objectContaining({ receiptId: receipt.receiptId, kid: key.kid, jwe }),
    );
  });

  it('refuses a filled honeypot', async () => {
    refused(await submit({ kid: key.kid, jwe: await encrypt(key), website: 'http://spam' }), 'website');
  });

  it('refuses malformed envelopes, naming jwe', async () => {
    const good = await encrypt(key);
    const parts = good.split('.');
    const header = (h: Record<string, unknown>) =>
      [Buffer.from(JSON.stringify(h)).toString('base64url'), ...parts.slice(1)].join('.');
    for (const jwe of [
      'not-a-jwe',
      parts.slice(0, 4).join('.'),
      [parts[0], 'AAAA', ...parts.slice(2)].join('.'),
      ['!!!!', ...parts.slice(1)].join('.'),
      header({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: key.kid }),
      header({ alg: 'ECDH-ES', enc: 'A128GCM', kid: key.kid }),
      header({ alg: 'ECDH-ES', enc: 'A256GCM', kid: 'x'.repeat(43) }),
      ['eyJub3QganNvbg', ...parts.slice(1)].join('.'),
    ])
      refused(await submit({ kid: key.kid, jwe, website: '' }), 'jwe');
  });

  it('refuses an oversized JWE (400) and an oversized body (413)', async () => {
    refused(await submit({ kid: key.kid, jwe: 'a'.repeat(48 * 1024 + 1), website: '' }), 'jwe');
    const r = await call<ApiError>(intakeSubmitFunction, {
      params: { unitId: UNIT },
      rawBody: JSON.stringify({ kid: key.kid, jwe: 'a'.repeat(70_000), website: '' }),
    });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('body-too-large');
  });

  it('refuses a kid the unit never published (400 path kid)', async () => {
    const stranger = await unionKey();
    refused(
      await submit({ kid: stranger.kid, jwe: await encrypt(stranger), website: '' }, '198.51.100.2'),
      'kid',
    );
  });

  it('accepts a submission to a kept earlier key', async () => {
    const older = await unionKey();
    expect((await publish(older, {}, 'co-d')).status).toBe(200);
    expect((await publish(await unionKey(), {}, 'co-d')).status).toBe(200);
    const r = await submit(
      { kid: older.kid, jwe: await encrypt(older), website: '' },
      '198.51.100.3',
      'co-d',
    );
    expect(r.status).toBe(201);
  });

  it('refuses garbage bodies with 4xx, never 5xx', async () => {
    for (const rawBody of ['', '{', '[]', 'null', '{"kid":1}', JSON.stringify({ kid: key.kid, jwe: 'x' })]) {
      const r = await call(intakeSubmitFunction, { params: { unitId: UNIT }, rawBody });
      expect(r.status, rawBody).toBeGreaterThanOrEqual(400);
      expect(r.status, rawBody).toBeLessThan(500);
    }
  });
});

describe('rate limits in Table Storage', () => {
  it(`answers 429 with Retry-After past ${INTAKE_RATE_LIMITS.addressPerMinute} a minute from one address`, async () => {
    env.setNow('2026-12-01T03:00:10Z');
    const jwe = await encrypt(key);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof submit>> | undefined;
    for (let i = 0; i < INTAKE_RATE_LIMITS.addressPerMinute + 2; i++) {
      last = await submit({ kid: key.kid, jwe, website: '' }, '192.0.2.10');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    expect(last?.headers.get('retry-after')).toBe('50');
    expect(last?.body.error.code).toBe('rate-limited');
    expect(last?.body.error.message.zh).toMatch(/频繁/);
    // The next minute, the same address may submit again.
    env.setNow('2026-12-01T03:01:00Z');
    expect((await submit({ kid: key.kid, jwe, website: '' }, '192.0.2.10')).status).toBe(201);
  });

  it(`answers 429 until tomorrow past ${INTAKE_RATE_LIMITS.addressPerDay} a day from one address`, async () => {
    const jwe = await encrypt(key, '日限额');
    let minute = 0;
    const statuses: number[] = [];
    for (let i = 0; i < INTAKE_RATE_LIMITS.addressPerDay + 1; i++) {
      if (i % INTAKE_RATE_LIMITS.addressPerMinute === 0)
        env.setNow(`2026-12-01T05:${String(minute++).padStart(2, '0')}:00Z`);
      statuses.push((await submit({ kid: key.kid, jwe, website: '' }, '192.0.2.20')).status);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(INTAKE_RATE_LIMITS.addressPerDay);
    env.setNow('2026-12-01T23:59:30Z');
    const r = await submit({ kid: key.kid, jwe, website: '' }, '192.0.2.20');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('30');
    expect(r.body.error.message.en).toMatch(/today/);
  });

  it(`answers 429 past ${INTAKE_RATE_LIMITS.unitPerDay} a day for one unit, whatever the address`, async () => {
    env.setNow('2026-12-02T08:00:00Z');
    expect((await publish(key, {}, 'co-c')).status).toBe(200);
    // Fill the unit's day counter through the same store call the endpoint makes, less one.
    const { rateLimits } = env.services.store;
    const unitCounter = intakeCounters('co-c', 'x')[2] as Parameters<typeof rateLimits.count>[0][number];
    // Ten at a time: hundreds racing on one row would exhaust the bounded retries (answered as busy).
    for (let i = 0; i < INTAKE_RATE_LIMITS.unitPerDay - 1; i += 10)
      await Promise.all(
        Array.from({ length: Math.min(10, INTAKE_RATE_LIMITS.unitPerDay - 1 - i) }, () =>
          rateLimits.count([unitCounter]),
        ),
      );
    expect(await rateLimits.read(unitCounter)).toBe(INTAKE_RATE_LIMITS.unitPerDay - 1);
    const jwe = await encrypt(key);
    expect((await submit({ kid: key.kid, jwe, website: '' }, '192.0.2.31', 'co-c')).status).toBe(201);
    const r = await submit({ kid: key.kid, jwe, website: '' }, '192.0.2.32', 'co-c');
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBe(16 * 3600);
    expect(r.body.error.message.zh).toMatch(/本单位/);
  });
});

describe('concurrency', () => {
  it('50 submissions at once from 50 addresses: 50 stored, none lost, none twice', async () => {
    env.setNow('2026-12-03T08:00:00Z');
    expect((await publish(key, {}, 'co-a')).status).toBe(200);
    const jwes = await Promise.all(Array.from({ length: 50 }, (_, i) => encrypt(key, `并发 ${i}`)));
    const answers = await Promise.all(
      jwes.map((jwe, i) => submit({ kid: key.kid, jwe, website: '' }, `10.0.${i}.1`, 'co-a')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const seen: string[] = [];
    let continuation: string | undefined;
    do {
      const page = (await pull('co-a', continuation)).body;
      seen.push(...page.submissions.map((s) => s.jwe));
      continuation = page.continuation;
    } while (continuation);
    expect(seen.sort()).toEqual([...jwes].sort());
    expect(new Set(answers.map((a) => a.body.receiptId)).size).toBe(50);
    const unitCounter = intakeCounters('co-a', 'x')[2] as { subject: string; window: 'day' };
    expect(await env.services.store.rateLimits.read(unitCounter)).toBe(50);
  });

  it('20 at once from one address: exactly 5 stored, the rest 429, the counter exact', async () => {
    env.setNow('2026-12-03T09:00:00Z');
    expect((await publish(key, {}, 'co-b')).status).toBe(200);
    const jwes = await Promise.all(Array.from({ length: 20 }, (_, i) => encrypt(key, `同一地址 ${i}`)));
    const answers = await Promise.all(
      jwes.map((jwe) => submit({ kid: key.kid, jwe, website: '' }, '10.9.9.9', 'co-b')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(INTAKE_RATE_LIMITS.addressPerMinute);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - INTAKE_RATE_LIMITS.addressPerMinute);
    expect((await pull('co-b')).body.submissions).toHaveLength(INTAKE_RATE_LIMITS.addressPerMinute);
    const [perMinute] = intakeCounters('co-b', '10.9.9.9');
    expect(await env.services.store.rateLimits.read(perMinute as { subject: string; window: 'minute' })).toBe(
      INTAKE_RATE_LIMITS.addressPerMinute,
    );
  });
});

describe('pull and taken', () => {
  it('pages through more than a page with a continuation', async () => {
    env.setNow('2026-12-04T08:00:00Z');
    expect((await publish(key, {}, 'co-e')).status).toBe(200);
    const { intake } = env.services.store;
    for (let i = 0; i < 130; i++)
      await intake.add('co-e', {
        receiptId: `r${String(i).padStart(21, '0')}`,
        kid: key.kid,
        jwe: `x.${i}`,
        secretHash: 'h',
      });
    const first = (await pull('co-e')).body;
    expect(first.submissions).toHaveLength(100);
    expect(first.continuation).toBe(`r${String(99).padStart(21, '0')}`);
    const second = (await pull('co-e', first.continuation)).body;
    expect(second.submissions).toHaveLength(30);
    expect(second.continuation).toBeUndefined();
    refused(
      (await call(intakeListFunction, {
        token: clerk,
        params: { unitId: 'co-e' },
        query: { continuation: 'eyJuZXh0UGFydGl0aW9uS2V5Ijoib3RoZXIifQ' },
      })) as never,
      'continuation',
    );
  });

  it('deletes the ciphertext only on taken, keeps receipt → 编号, and answers the same twice', async () => {
    env.setNow('2026-12-05T08:00:00Z');
    const r = await submit({ kid: key.kid, jwe: await encrypt(key), website: '' }, '198.51.100.50');
    const { receiptId } = r.body;
    // A pull that fails halfway loses nothing: pulling twice still lists it.
    expect((await pull()).body.submissions.map((s) => s.receiptId)).toContain(receiptId);
    expect((await pull()).body.submissions.map((s) => s.receiptId)).toContain(receiptId);
    const first = await taken(receiptId, 'A-0042');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ appealId: 'A-0042', already: false });
    expect((await pull()).body.submissions.map((s) => s.receiptId)).not.toContain(receiptId);
    const twice = await taken(receiptId, 'A-0042');
    expect(twice.status).toBe(200);
    expect(twice.body).toMatchObject({ appealId: 'A-0042', already: true });
    const other = await taken(receiptId, 'A-0043');
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('intake-taken-as-other');
    const stored = await everyStoredText();
    expect(stored).toContain('A-0042');
    expect(stored).toContain(secretHash(r.body.receiptSecret));
    // The confirmation's audit entry committed with it, once (the repeat wrote nothing).
    const audits = (await everyStoredText()).match(/"action":"intake\.taken"[^}]*A-0042/g) ?? [];
    expect(audits).toHaveLength(1);
  });

  it('two confirmations racing: one takes it, the other answers already', async () => {
    const r = await submit({ kid: key.kid, jwe: await encrypt(key), website: '' }, '198.51.100.51');
    const both = await Promise.all([taken(r.body.receiptId, 'A-0050'), taken(r.body.receiptId, 'A-0050')]);
    expect(both.map((b) => b.status)).toEqual([200, 200]);
    expect(both.map((b) => b.body.already).sort()).toEqual([false, true]);
  });

  it('answers 404 for a receipt never submitted and 400 for one that cannot be', async () => {
    const r = await taken('Z'.repeat(22), 'A-1');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('intake-not-pending');
    refused((await taken('bad', 'A-1')) as never, 'receiptId');
  });
});

describe('retention', () => {
  it(`deletes untaken submissions after ${INTAKE_KEEP_DAYS} days and spent rate-limit windows`, async () => {
    env.setNow('2026-12-10T08:00:00Z');
    expect((await publish(key, {}, 'co-d')).status).toBe(200);
    const old = await submit({ kid: key.kid, jwe: await encrypt(key), website: '' }, '198.51.100.60', 'co-d');
    env.setNow(`2026-12-${10 + INTAKE_KEEP_DAYS - 20}T08:00:00Z`);
    const young = await submit(
      { kid: key.kid, jwe: await encrypt(key), website: '' },
      '198.51.100.61',
      'co-d',
    );
    env.setNow('2027-01-09T18:00:00Z');
    const run = (await retentionTimer.run(
      env.services,
      new InvocationContext({ functionName: 'retention', logHandler: () => {} }),
    )) as { intake: { submissions: number; rateLimitRows: number } };
    expect(run.intake.submissions).toBeGreaterThanOrEqual(1);
    expect(run.intake.rateLimitRows).toBeGreaterThan(0);
    const left = (await pull('co-d')).body.submissions.map((s) => s.receiptId);
    expect(left).not.toContain(old.body.receiptId);
    expect(left).toContain(young.body.receiptId);
    const tables = openTables(env.azurite.connectionString, 't');
    const windows: string[] = [];
    for await (const e of tables.ratelimits.listEntities()) windows.push(String(e.partitionKey));
    expect(windows.every((w) => w >= 'd-20270109' || w.startsWith('m-202701091800'))).toBe(true);
  });
});

describe('no plaintext in the cloud', () => {
  it('finds the sentence the phone encrypted in no table, in any readable form', async () => {
    env.setNow('2026-12-20T08:00:00Z');
    const r = await submit({ kid: key.kid, jwe: await encrypt(key, SENTENCE), website: '' }, '198.51.100.70');
    expect(r.status).toBe(201);
    const stored = await everyStoredText();
    const forms = [
      SENTENCE,
      SENTENCE.slice(0, 8),
      Buffer.from(SENTENCE).toString('base64'),
      Buffer.from(SENTENCE).toString('base64url'),
      Buffer.from(SENTENCE).toString('hex'),
      encodeURIComponent(SENTENCE),
      JSON.stringify(SENTENCE).slice(1, -1),
      createHash('sha256').update(SENTENCE).digest('hex'),
    ];
    for (const f of forms) expect(stored.includes(f), f).toBe(false);
    // The addresses the tests submitted from are not stored either (counters hold hashes).
    expect(stored).not.toContain('198.51.100.70');
  });
});
