import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncApi, type SyncApi } from '../../../addin/sync/api';
import { SyncClient } from '../../../addin/sync/client';
import type { WorkbookRecord } from '../../../addin/sync/diff';
import { memoryStore } from '../../../addin/sync/kv';
import { fetchReminders } from '../../../addin/sync/reminders';
import { cachedToken, localDevToken } from '../../../addin/sync/token';
import { freePort } from '../../../functions/src/local/freePort';
import { getServices } from '../../../functions/src/services';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import { generateWorkbook } from '../../../addin/demo/generate';

let local: LocalFunctions;
const fast = { attempts: 4, baseMs: 5, maxMs: 20 };

beforeAll(async () => {
  local = await startLocalFunctions({
    port: 0,
    env: { XIESHANG_DEV_SECRET: 'sync-client-test-secret-0123456789' },
  });
});
afterAll(() => local.stop());

const apiFor = (unit: string, f: typeof fetch = fetch, base = local.url): SyncApi =>
  createSyncApi({ baseUrl: base, getToken: cachedToken(localDevToken(local.url, unit, 'clerk')), fetch: f });

const client = (unit: string, store = memoryStore(), api = apiFor(unit)) =>
  SyncClient.open({ unitId: unit, api, store, retry: fast, newId: () => globalThis.crypto.randomUUID() });

/** The workbook's rows as the pane reads them: identity still in. */
function workbookRows(seed: number): WorkbookRecord[] {
  const g = generateWorkbook({ appeals: 42, seed });
  return [
    ...g.appeals.map((values) => ({ register: 'appeals', key: values.id as string, values })),
    ...g.surveys.map((values, i) => ({ register: 'surveys', key: `s${i}`, values })),
    ...g.tracking.map((values, i) => ({ register: 'tracking', key: `t${i}`, values })),
    ...g.meetings.map((values) => ({ register: 'meetings', key: values.id as string, values })),
  ];
}
const COVERED = ['appeals', 'surveys', 'tracking', 'meetings'];

/** The whole appeals register with one row's content changed (a snapshot covers its registers fully). */
const withContent = (rows: readonly WorkbookRecord[], key: string, content: string): WorkbookRecord[] =>
  rows
    .filter((r) => r.register === 'appeals')
    .map((r) => (r.key === key ? { ...r, values: { ...r.values, content } } : r));

describe('the sync client against the local functions host', () => {
  it('pushes a workbook without identity, and a second Excel pulls it all', async () => {
    const rows = workbookRows(5);
    const a = await client('u-share');
    expect(await a.stage(rows, COVERED)).toBe(rows.length);
    const out = await a.sync();
    expect(out.ok).toBe(true);
    expect(out.pushed).toBe(rows.length);
    expect(a.status()).toMatchObject({ phase: 'idle', pending: 0, conflicts: 0 });
    const stored = await getServices().store.records.load('u-share');
    expect(stored).toHaveLength(rows.length);
    // No name and no phone; only 匿名 may stand where a name was, saying the appeal is anonymous.
    expect(stored.some((r) => 'phone' in r.values)).toBe(false);
    const appellants = new Set(stored.flatMap((r) => ('appellant' in r.values ? [r.values.appellant] : [])));
    expect([...appellants]).toEqual(['匿名']);
    expect(await a.stage(rows, COVERED)).toBe(0);
    const b = await client('u-share');
    const pulled = await b.sync();
    expect(pulled.pulled).toHaveLength(rows.length);
    expect(await b.stage(rows, COVERED)).toBe(0);
  });

  it('shows a stale edit as a conflict with both versions, and settles it by the clerk’s choice', async () => {
    const rows = workbookRows(6);
    const a = await client('u-conf');
    await a.stage(rows, COVERED);
    await a.sync();
    const b = await client('u-conf');
    await b.sync();
    const target = rows[0] as WorkbookRecord;
    expect(await b.stage(withContent(rows, target.key, '乙的修改'), ['appeals'])).toBe(1);
    expect((await b.sync()).pushed).toBe(1);
    await a.stage(withContent(rows, target.key, '甲的修改'), ['appeals']);
    const out = await a.sync();
    expect(out.conflicts).toHaveLength(1);
    expect(out.conflicts[0]?.yours.values.content).toBe('甲的修改');
    expect(out.conflicts[0]?.theirs?.values.content).toBe('乙的修改');
    expect(a.status().conflicts).toBe(1);
    // While the conflict is open the record is not pushed again.
    expect(await a.stage(withContent(rows, target.key, '甲再改'), ['appeals'])).toBe(0);
    await a.resolve('appeals', target.key, 'mine');
    expect((await a.sync()).pushed).toBe(1);
    const seen = await b.sync();
    expect(seen.pulled.map((r) => r.values.content)).toEqual(['甲的修改']);
  });

  it('keeps changes while offline, across closing Excel, and sends each once when back', async () => {
    const store = memoryStore();
    const dead = `http://127.0.0.1:${await freePort()}`;
    const offline = await client('u-off', store, apiFor('u-off', fetch, dead));
    const rows = workbookRows(7).slice(0, 30);
    await offline.stage(rows, COVERED);
    const failed = await offline.sync();
    expect(failed.ok).toBe(false);
    expect(offline.status()).toMatchObject({ phase: 'offline', pending: 30 });
    // Excel closes; the next session opens the same store.
    const later = await client('u-off', store);
    expect(later.status().pending).toBe(30);
    expect((await later.sync()).pushed).toBe(30);
    expect(await getServices().store.records.head('u-off')).toBe(30);
  });

  it('retries when the response is lost, and the cloud applies the push only once', async () => {
    let lost = 0;
    // The request reaches the host and is applied; the answer never arrives (twice).
    const flaky: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes('/sync') && lost < 2) {
        lost++;
        throw new TypeError('network connection lost');
      }
      return res;
    };
    const c = await client('u-lost', memoryStore(), apiFor('u-lost', flaky));
    const rows = workbookRows(8).slice(0, 25);
    await c.stage(rows, COVERED);
    const out = await c.sync();
    expect(out.ok).toBe(true);
    expect(lost).toBe(2);
    expect(await getServices().store.records.head('u-lost')).toBe(25);
    expect(c.status().pending).toBe(0);
  });

  it('sets aside a record the cloud refuses and sends the rest', async () => {
    const c = await client('u-bad');
    await c.stage(
      [
        { register: 'appeals', key: 'ok-1', values: { id: 'ok-1', content: '正常' } },
        { register: 'appeals', key: 'bad-1', values: { id: 'bad-1', receivedOn: '2025-13-45' } },
      ],
      ['appeals'],
    );
    const out = await c.sync();
    expect(out.ok).toBe(true);
    expect(c.rejected()).toMatchObject([{ key: 'bad-1', path: 'records[1].values.receivedOn' }]);
    expect((await getServices().store.records.load('u-bad')).map((r) => r.key)).toEqual(['ok-1']);
  });

  it('feeds the reminders panel, from the cache when the cloud is unreachable', async () => {
    const store = memoryStore();
    const live = await fetchReminders(apiFor('u-share'), store, 'u-share');
    expect(live.stale).toBe(false);
    expect(live.reminders.length).toBeGreaterThan(0);
    const dead = `http://127.0.0.1:${await freePort()}`;
    const cached = await fetchReminders(apiFor('u-share', fetch, dead), store, 'u-share');
    expect(cached.stale).toBe(true);
    expect(cached.reminders).toEqual(live.reminders);
  });
});
