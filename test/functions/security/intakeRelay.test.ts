// Attacks on the intake's relay (issue 14, "The cloud's side": public endpoints without sign-in, the
// receipt secret stored only hashed, every refusal a clear 4xx), over HTTP on the local host: guessing
// receipts, reading or rating another unit's receipt, poisoning another unit's statuses, taking
// another unit's items, confirming a rating or sign-in as another record, signing in on another day,
// the secret in a URL. And the pane's own client (createIntakeApi) driving the relay end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALUE_LISTS, REPRESENTATIVES_GROUP, type IntakeReceipt } from '../../../shared';
import { encryptStatus, encryptToUnion, newReplyKey } from '../../../addin/intake/envelope';
import { ApiFailure, createIntakeApi, type IntakeApi } from '../../../addin/sync/api';
import { HTTP_FUNCTIONS } from '../../../functions/src/functionList';
import { unionKey, type UnionKey } from '../fixtures';
import { startHost, storedAnywhere, type Answer, type ErrorBody, type SecurityHost } from './harness';

const A = 'relay-a';
const B = 'relay-b';
const [, SATISFIED] = VALUE_LISTS.satisfaction.values;
let host: SecurityHost;
let paneA: IntakeApi;
let clerkB = '';
let key: UnionKey;

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const lookup = (unit: string, receiptId: string, receiptSecret: string) =>
  host.fetch(`/api/public/units/${unit}/intake/receipts/${receiptId}`, json({ receiptSecret })) as Promise<
    Answer<ErrorBody & { taken?: boolean; rateable?: boolean; status?: string }>
  >;

// Every request comes from 127.0.0.1: each filing moves to a minute of its own, under the 5 a minute.
let minute = 0;
async function file(unit = A): Promise<IntakeReceipt & { replyKey: string }> {
  host.setNow(`2026-12-01T02:${String(++minute).padStart(2, '0')}:00Z`);
  const replyKey = newReplyKey();
  const jwe = await encryptToUnion(
    'appeal',
    {
      content: '夜班食堂',
      workshop: '一车间',
      anonymous: true,
      submittedAt: '2026-12-01T02:00:00Z',
      replyKey,
    },
    key.publicJwk,
    key.kid,
  );
  const r = await host.fetch(
    `/api/public/units/${unit}/intake/submissions`,
    json({ kid: key.kid, jwe, website: '' }),
  );
  expect(r.status, r.text).toBe(201);
  return { ...(r.body as IntakeReceipt), replyKey };
}

const rating = (receiptId: string) =>
  encryptToUnion(
    'rating',
    { kind: 'rating', receiptId, rating: SATISFIED, ratedAt: '2026-12-01T03:00:00Z' },
    key.publicJwk,
    key.kid,
  );

beforeAll(async () => {
  host = await startHost({ nowIso: '2026-12-01T02:00:00Z' });
  key = await unionKey();
  const clerkA = await host.token('clerk', [A], 'clerk-a');
  clerkB = await host.token('clerk', [B], 'clerk-b');
  paneA = createIntakeApi({ baseUrl: host.url, getToken: () => Promise.resolve(clerkA) });
  const paneB = createIntakeApi({ baseUrl: host.url, getToken: () => Promise.resolve(clerkB) });
  const form = { workshops: ['一车间'], categories: [] };
  await paneA.publishKey(A, { publicJwk: key.publicJwk, kid: key.kid, form });
  await paneB.publishKey(B, { publicJwk: key.publicJwk, kid: key.kid, form });
}, 60_000);
afterAll(() => host.stop());

describe('the pane’s client over HTTP (createIntakeApi)', () => {
  it('publishStatuses, openMeeting and pending() with kinds: an appeal, its rating and a sign-in, each taken', async () => {
    const r = await file();
    const first = await paneA.pending(A);
    expect(first.submissions.find((s) => s.receiptId === r.receiptId)?.kind).toBe('appeal');
    await paneA.taken(A, r.receiptId, 'A-0001');
    const status = await encryptStatus(
      {
        appealId: 'A-0001',
        stage: '已办结',
        finished: true,
        rateable: true,
        updatedAt: '2026-12-01T02:30:00Z',
      },
      r.replyKey,
    );
    expect(
      await paneA.publishStatuses(A, [
        { receiptId: r.receiptId, jwe: status, rateable: true },
        { receiptId: 'Q'.repeat(22), jwe: status, rateable: true },
      ]),
    ).toEqual({ updated: 1, unknown: ['Q'.repeat(22)] });
    const rated = await host.fetch(
      `/api/public/units/${A}/intake/receipts/${r.receiptId}/rating`,
      json({ receiptSecret: r.receiptSecret, kid: key.kid, jwe: await rating(r.receiptId), website: '' }),
    );
    expect(rated.status, rated.text).toBe(201);

    const meetingKey = 'K'.repeat(22);
    const opened = await paneA.openMeeting(A, meetingKey, {
      meetingId: 'H-01',
      title: '职代会',
      day: '2026-12-01',
    });
    expect(opened).toMatchObject({ meetingKey, meetingId: 'H-01', day: '2026-12-01' });
    const jwe = await encryptToUnion(
      'signIn',
      {
        kind: 'signIn',
        meetingId: 'H-01',
        group: REPRESENTATIVES_GROUP,
        position: '一车间',
        name: '李四',
        signedAt: '2026-12-01T02:40:00Z',
      },
      key.publicJwk,
      key.kid,
    );
    const signed = await host.fetch(
      `/api/public/units/${A}/intake/meetings/signins`,
      json({ meetingKey, kid: key.kid, jwe, website: '' }),
    );
    expect(signed.status, signed.text).toBe(201);

    const items = (await paneA.pending(A)).submissions;
    const rate = items.find((s) => s.kind === 'rating');
    const sign = items.find((s) => s.kind === 'signIn');
    expect(rate).toMatchObject({ ratesReceiptId: r.receiptId, appealId: 'A-0001' });
    expect(sign).toMatchObject({ meetingId: 'H-01' });
    expect((await paneA.taken(A, rate?.receiptId as string, 'A-0001')).already).toBe(false);
    expect((await paneA.taken(A, sign?.receiptId as string, 'H-01')).already).toBe(false);
    expect((await paneA.pending(A)).submissions.filter((s) => s.kind !== 'appeal')).toEqual([]);
    // The client surfaces the cloud's refusal as an ApiFailure with its code.
    const bad = await paneA
      .openMeeting(A, 'short', { meetingId: 'H-01', title: 'x', day: '2026-12-01' })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiFailure);
    expect((bad as ApiFailure).status).toBe(400);
  });
});

describe('attacks on receipts', () => {
  it('a wrong secret and an unknown receipt answer byte for byte the same 404', async () => {
    const r = await file();
    const wrong = await lookup(A, r.receiptId, 'W'.repeat(43));
    const unknown = await lookup(A, 'U'.repeat(22), 'W'.repeat(43));
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('receipt-unknown');
    expect(wrong.text).toBe(unknown.text);
  });

  it('a receipt of unit A read or rated under unit B is unknown there', async () => {
    const r = await file();
    expect((await lookup(A, r.receiptId, r.receiptSecret)).status).toBe(200);
    expect((await lookup(B, r.receiptId, r.receiptSecret)).status).toBe(404);
    const rated = await host.fetch(
      `/api/public/units/${B}/intake/receipts/${r.receiptId}/rating`,
      json({ receiptSecret: r.receiptSecret, kid: key.kid, jwe: await rating(r.receiptId), website: '' }),
    );
    expect(rated.status).toBe(404);
  });

  it('a clerk of B cannot publish A’s statuses (403) nor poison them under B (unknown there)', async () => {
    const r = await file();
    await paneA.taken(A, r.receiptId, 'A-0100');
    const put = (unit: string) =>
      host.fetch(`/api/units/${unit}/intake/receipts`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${clerkB}`, 'content-type': 'application/json' },
        body: JSON.stringify({ statuses: [{ receiptId: r.receiptId, jwe: 'forged', rateable: true }] }),
      });
    expect((await put(A)).status).toBe(403);
    const underB = await put(B);
    expect(underB.status).toBe(200);
    expect(underB.body).toEqual({ updated: 0, unknown: [r.receiptId] });
    const view = await lookup(A, r.receiptId, r.receiptSecret);
    expect(view.body).toMatchObject({ taken: true, rateable: false });
    expect(view.body.status).toBeUndefined();
  });

  it('a clerk of B cannot take A’s items: under B they are not pending', async () => {
    const r = await file();
    const taken = await host.fetch(`/api/units/${B}/intake/submissions/${r.receiptId}/taken`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerkB}`, 'content-type': 'application/json' },
      body: JSON.stringify({ appealId: 'B-1' }),
    });
    expect(taken.status).toBe(404);
    expect((await paneA.pending(A)).submissions.map((s) => s.receiptId)).toContain(r.receiptId);
  });

  it('the secret never rides in a URL: the lookup is POST only, and the answer is never cached', async () => {
    const r = await file();
    const get = await host.fetch(
      `/api/public/units/${A}/intake/receipts/${r.receiptId}?receiptSecret=${r.receiptSecret}`,
    );
    expect(get.status).toBeGreaterThanOrEqual(400);
    expect(get.status).toBeLessThan(500);
    const ok = await lookup(A, r.receiptId, r.receiptSecret);
    expect(ok.headers.get('cache-control')).toBe('no-store');
  });

  it('stores no receipt secret and no reply key anywhere', async () => {
    const r = await file();
    expect(await storedAnywhere(host, r.receiptSecret)).toEqual([]);
    expect(await storedAnywhere(host, r.replyKey)).toEqual([]);
  });
});

describe('attacks on meeting sign-in', () => {
  it('a meeting of A is unknown under B, and a sign-in the day after is refused 410', async () => {
    const meetingKey = 'L'.repeat(22);
    await paneA.openMeeting(A, meetingKey, { meetingId: 'H-02', title: '职代会', day: '2026-12-01' });
    expect(
      (await host.fetch(`/api/public/units/${B}/intake/meetings/view`, json({ meetingKey }))).status,
    ).toBe(404);
    host.setNow('2026-12-01T16:00:00Z');
    const late = await host.fetch(`/api/public/units/${A}/intake/meetings/view`, json({ meetingKey }));
    expect(late.status).toBe(410);
    expect((late.body as ErrorBody).error.code).toBe('meeting-not-today');
    host.setNow('2026-12-01T02:00:00Z');
  });
});

describe('the secret in a URL', () => {
  // Request logs (Application Insights' requests table keeps each request's url) hold every path, so
  // a secret in one is a secret in the logs: a meeting key signs in on its day, a receipt secret reads
  // and rates a receipt. Every route's parameters are ids that are not secrets; keys and secrets go
  // in bodies. https://learn.microsoft.com/en-us/azure/azure-monitor/reference/tables/apprequests (Url)
  // and https://learn.microsoft.com/en-us/azure/azure-monitor/app/data-model-complete#request
  const NOT_SECRETS = new Set(['unitId', 'orgId', 'receiptId', 'credentialId']);

  it('no route names a meeting key or receipt secret in its path: every parameter is a plain id', () => {
    const params = HTTP_FUNCTIONS.flatMap((f) =>
      [...f.route.matchAll(/\{([^}:?]+)[^}]*\}/g)].map((m) => ({ route: f.route, param: m[1] ?? '' })),
    );
    expect(params.length).toBeGreaterThan(HTTP_FUNCTIONS.length);
    expect(params.filter((p) => !NOT_SECRETS.has(p.param))).toEqual([]);
    const publicRoutes = HTTP_FUNCTIONS.filter((f) => f.route.startsWith('public/')).map((f) => f.route);
    expect(publicRoutes).toContain('public/units/{unitId}/intake/meetings/view');
    expect(publicRoutes).toContain('public/units/{unitId}/intake/meetings/signins');
    expect(params.map((p) => p.param)).not.toContain('meetingKey');
    expect(params.map((p) => p.param)).not.toContain('receiptSecret');
  });

  it('the old paths with the key in them answer 404; the key in the body opens the meeting', async () => {
    const meetingKey = 'P'.repeat(22);
    await paneA.openMeeting(A, meetingKey, { meetingId: 'H-03', title: '职代会', day: '2026-12-01' });
    expect((await host.fetch(`/api/public/units/${A}/intake/meetings/${meetingKey}`)).status).toBe(404);
    const oldSignIn = await host.fetch(
      `/api/public/units/${A}/intake/meetings/${meetingKey}/signins`,
      json({ kid: key.kid, jwe: 'x', website: '' }),
    );
    expect(oldSignIn.status).toBe(404);
    const oldOpen = await host.fetch(`/api/units/${A}/intake/meetings/${meetingKey}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await host.token('clerk', [A], 'clerk-a')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ meetingId: 'H-03', title: '职代会', day: '2026-12-01' }),
    });
    expect(oldOpen.status).toBe(404);
    const view = await host.fetch(`/api/public/units/${A}/intake/meetings/view`, json({ meetingKey }));
    expect(view.status, view.text).toBe(200);
    expect(view.body).toMatchObject({ meetingId: 'H-03', day: '2026-12-01' });
  });
});
