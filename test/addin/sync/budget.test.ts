// The offline queue must never jam on size (issue 10): the functions limit a request to 1 MiB of
// UTF-8 (functions/src/http/body.ts) and a record to MAX_RECORD_CHARS, and a Chinese character is
// three bytes. Budgeting in UTF-16 units sent 2 MB of Chinese text in one request, answered 413 on
// every retry; a record too large blocked every record after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncApi } from '../../../addin/sync/api';
import { SyncClient } from '../../../addin/sync/client';
import type { WorkbookRecord } from '../../../addin/sync/diff';
import { memoryStore } from '../../../addin/sync/kv';
import { MAX_BODY_BYTES, REQUEST_BUDGET_BYTES } from '../../../addin/sync/size';
import { cachedToken, localDevToken } from '../../../addin/sync/token';
import { getServices } from '../../../functions/src/services';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import { MAX_RECORD_CHARS } from '../../../shared';
import { fakeCloud } from './fakeCloud';

const fast = { attempts: 3, baseMs: 1, maxMs: 2 };
const MiB = 1024 * 1024;

/** Chinese text of `n` characters (three UTF-8 bytes each). */
const chinese = (n: number): string => '职工反映食堂饭菜价格偏高'.repeat(Math.ceil(n / 12)).slice(0, n);

/** The appeal's text fields, each up to the functions' 4,000 characters (functions/src/sync/values.ts). */
const TEXT_FIELDS = [
  'content',
  'unionOpinion',
  'adminApproval',
  'deptOpinion',
  'impossibleReason',
  'unit',
  'escalatedTo',
];

/** Appeals as long as the cloud admits: every text field 4,000 Chinese characters, 28,000 in all (84,000 bytes). */
const longAppeals = (count: number, prefix: string): WorkbookRecord[] =>
  Array.from({ length: count }, (_, i) => {
    const id = `${prefix}-${String(i).padStart(3, '0')}`;
    const values: Record<string, string> = { id };
    for (const f of TEXT_FIELDS) values[f] = chinese(4000);
    return { register: 'appeals', key: id, values };
  });

/** Appeals whose 诉求内容 holds `chars` Chinese characters. */
const appeals = (count: number, chars: number, prefix = 'A'): WorkbookRecord[] =>
  Array.from({ length: count }, (_, i) => {
    const id = `${prefix}-${String(i).padStart(3, '0')}`;
    return { register: 'appeals', key: id, values: { id, content: chinese(chars) } };
  });

describe('the sync request budget, against a transport with the server’s byte rule', () => {
  it('stays below the functions’ body limit, however "1 MB" is counted', () => {
    // Both ends read MAX_BODY_BYTES from the wire contract; the budget leaves room under either reading.
    expect(REQUEST_BUDGET_BYTES).toBeLessThan(Math.min(1_000_000, MAX_BODY_BYTES));
  });

  it('sends 30 records of 28,000 Chinese characters in requests under 1 MiB of UTF-8', async () => {
    const cloud = fakeCloud();
    const c = await SyncClient.open({ unitId: 'u', api: cloud.api, store: memoryStore(), retry: fast });
    await c.stage(longAppeals(30, 'L'), ['appeals']);
    const out = await c.sync();
    expect(out.ok).toBe(true);
    expect(out.pushed).toBe(30);
    expect(cloud.records.size).toBe(30);
    expect(cloud.requests.every((r) => r.status === 200 && r.bytes <= 900_000)).toBe(true);
    expect(c.status()).toMatchObject({ pending: 0, rejected: 0 });
  });

  it('sets a record too large aside for the clerk and sends the ones after it', async () => {
    const cloud = fakeCloud();
    const c = await SyncClient.open({ unitId: 'u', api: cloud.api, store: memoryStore(), retry: fast });
    const rows = [
      ...appeals(2, 100, 'B'),
      ...appeals(1, MAX_RECORD_CHARS + 10, 'HUGE'),
      ...appeals(3, 100, 'C'),
    ];
    await c.stage(rows, ['appeals']);
    const out = await c.sync();
    expect(out.ok).toBe(true);
    expect(out.pushed).toBe(5);
    expect([...cloud.records.keys()].sort()).toEqual(
      ['B-000', 'B-001', 'C-000', 'C-001', 'C-002'].map((k) => `appeals|${k}`),
    );
    expect(c.rejected()).toMatchObject([{ register: 'appeals', key: 'HUGE-000' }]);
    // Unchanged, it is not offered again; changed, it is.
    expect(await c.stage(rows, ['appeals'])).toBe(0);
    const shorter = rows.map((r) =>
      r.key === 'HUGE-000' ? { ...r, values: { id: r.key, content: '已缩短' } } : r,
    );
    expect(await c.stage(shorter, ['appeals'])).toBe(1);
    expect((await c.sync()).pushed).toBe(1);
    expect(c.rejected()).toEqual([]);
    // A refused row deleted from the workbook leaves the list too.
    const other = await SyncClient.open({ unitId: 'u2', api: cloud.api, store: memoryStore(), retry: fast });
    await other.stage(rows, ['appeals']);
    await other.sync();
    expect(other.rejected()).toHaveLength(1);
    await other.stage(
      rows.filter((r) => r.key !== 'HUGE-000'),
      ['appeals'],
    );
    expect(other.rejected()).toEqual([]);
  });

  it('halves the batch when a request is too large as a whole (a stricter proxy in front)', async () => {
    const cloud = fakeCloud({ maxBodyBytes: 200_000 });
    const c = await SyncClient.open({ unitId: 'u', api: cloud.api, store: memoryStore(), retry: fast });
    await c.stage(longAppeals(12, 'H'), ['appeals']);
    const out = await c.sync();
    expect(out.ok).toBe(true);
    expect(out.pushed).toBe(12);
    // 10 fit the client's budget (84,000 bytes each); the proxy takes 2.
    expect(cloud.requests.filter((r) => r.status === 413).map((r) => r.records)).toEqual([10, 5, 3]);
    expect(Math.max(...cloud.requests.filter((r) => r.status === 200).map((r) => r.records))).toBe(2);
    expect(cloud.records.size).toBe(12);
  });
});

describe('the sync request budget, against the local functions host', () => {
  let local: LocalFunctions;
  beforeAll(async () => {
    local = await startLocalFunctions({
      port: 0,
      env: { XIESHANG_DEV_SECRET: 'sync-budget-test-secret-0123456789' },
    });
  });
  afterAll(() => local.stop());

  it('pushes 40 records of 28,000 Chinese characters, each request under 1 MiB of UTF-8, and sets aside one too large', async () => {
    const sizes: number[] = [];
    const measured: typeof fetch = async (input, init) => {
      if (typeof init?.body === 'string') sizes.push(new TextEncoder().encode(init.body).byteLength);
      return fetch(input, init);
    };
    const api = createSyncApi({
      baseUrl: local.url,
      getToken: cachedToken(localDevToken(local.url, 'u-big', 'clerk')),
      fetch: measured,
    });
    const c = await SyncClient.open({ unitId: 'u-big', api, store: memoryStore(), retry: fast });
    // Within every field's 4,000 characters, but over the record's limit once JSON escapes its quotes.
    const escaped = '"\\'.repeat(2_000);
    const huge: WorkbookRecord = {
      register: 'appeals',
      key: 'HUGE-000',
      values: Object.fromEntries([['id', 'HUGE-000'], ...TEXT_FIELDS.map((f) => [f, escaped])]),
    };
    const rows = longAppeals(40, 'D');
    await c.stage([...rows.slice(0, 20), huge, ...rows.slice(20)], ['appeals']);
    const out = await c.sync();
    expect(out.error?.text).toBeUndefined();
    expect(out.pushed).toBe(40);
    expect(c.rejected()).toMatchObject([
      { register: 'appeals', key: 'HUGE-000', path: expect.stringMatching(/^records\[\d+\]/) },
    ]);
    expect(await getServices().store.records.head('u-big')).toBe(40);
    expect(Math.max(...sizes)).toBeLessThan(MiB);
    console.info(
      `requests: ${sizes.length}, bytes each: ${sizes.join(', ')} (limit ${MiB}); 40 records of 28,000 Chinese characters = ${
        40 * 28_000 * 3
      } bytes of text`,
    );
  });
});
