// Retention is not undone by the next sync (issue 10): the cloud refuses a write to a record its
// retention job purged (409 record-purged, `purged` in the body, nothing of the request written).
// The pane stops offering those rows, sends the rest, and says why once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncApi } from '../../../addin/sync/api';
import { SyncClient } from '../../../addin/sync/client';
import type { WorkbookRecord } from '../../../addin/sync/diff';
import { memoryStore } from '../../../addin/sync/kv';
import { cachedToken, localDevToken } from '../../../addin/sync/token';
import { getServices } from '../../../functions/src/services';
import { startLocalFunctions, type LocalFunctions } from '../../../scripts/serve-functions';
import type { PulledRecord } from '../../../shared';
import { CLOSED_IN_MARCH_2025 } from '../../functions/fixtures';
import { fakeCloud } from './fakeCloud';

const fast = { attempts: 3, baseMs: 1, maxMs: 2 };
const row = (id: string, content = '班车时间调整'): WorkbookRecord => ({
  register: 'appeals',
  key: id,
  values: { id, content },
});
/** The tombstone a pull brings for an appeal the retention job purged. */
const purgeTombstone = (key: string): PulledRecord => ({
  register: 'appeals',
  key,
  revision: 'r99',
  values: {},
  deleted: true,
  purged: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'retention',
});

describe('records the cloud purged by retention', () => {
  it('are set aside on a 409 record-purged, the rest sent, and never staged again', async () => {
    const cloud = fakeCloud();
    cloud.purged.add('appeals|P-2');
    const store = memoryStore();
    const c = await SyncClient.open({ unitId: 'u', api: cloud.api, store, retry: fast });
    expect(await c.stage([row('P-1'), row('P-2'), row('P-3')], ['appeals'])).toBe(3);
    const out = await c.sync();
    expect(out.ok).toBe(true);
    expect(out.pushed).toBe(2);
    expect(out.purged).toEqual([{ register: 'appeals', key: 'P-2' }]);
    expect([...cloud.records.keys()]).toEqual(['appeals|P-1', 'appeals|P-3']);
    expect(cloud.requests.map((r) => r.status)).toEqual([409, 200]);
    expect(c.status()).toMatchObject({ pending: 0, rejected: 0 });
    // Edited in the workbook, or after closing Excel: still not offered.
    const edited = [row('P-1'), row('P-2', '又改了一次'), row('P-3')];
    expect(await c.stage(edited, ['appeals'])).toBe(0);
    const again = await SyncClient.open({ unitId: 'u', api: cloud.api, store, retry: fast });
    expect(await again.stage(edited, ['appeals'])).toBe(0);
    // Said once: the next sync learns nothing new.
    expect((await again.sync()).purged).toEqual([]);
  });

  it('are not offered again once a pull brings their purge tombstone', async () => {
    const cloud = fakeCloud();
    const c = await SyncClient.open({ unitId: 'u', api: cloud.api, store: memoryStore(), retry: fast });
    await c.stage([row('Q-1'), row('Q-2')], ['appeals']);
    expect((await c.sync()).pushed).toBe(2);
    cloud.changes.push(purgeTombstone('Q-1'));
    const out = await c.sync();
    expect(out.purged).toEqual([{ register: 'appeals', key: 'Q-1' }]);
    // The workbook still holds the row: it is not re-created in the cloud.
    expect(await c.stage([row('Q-1'), row('Q-2')], ['appeals'])).toBe(0);
    // Nor is its removal from the workbook sent as a deletion.
    expect(await c.stage([row('Q-2')], ['appeals'])).toBe(0);
    // A second Excel pulling from the start learns the tombstone without a word: it never had the row.
    cloud.changes.push(purgeTombstone('Q-1'));
    const fresh = await SyncClient.open({ unitId: 'u', api: cloud.api, store: memoryStore(), retry: fast });
    expect((await fresh.sync()).purged).toEqual([]);
    expect(await fresh.stage([row('Q-1')], ['appeals'])).toBe(0);
  });
});

describe('records purged by the retention job of the local functions host', () => {
  let local: LocalFunctions;
  beforeAll(async () => {
    local = await startLocalFunctions({
      port: 0,
      now: () => new Date('2026-03-31T00:30:00Z'),
      env: { XIESHANG_DEV_SECRET: 'sync-purged-test-secret-0123456789' },
    });
  });
  afterAll(() => local.stop());

  it('a row edited after the purge is refused (409), set aside, the rest synced, and not staged again', async () => {
    const unit = 'u-retain';
    const statuses: number[] = [];
    const seen: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      statuses.push(res.status);
      return res;
    };
    const api = createSyncApi({
      baseUrl: local.url,
      getToken: cachedToken(localDevToken(local.url, unit, 'clerk')),
      fetch: seen,
    });
    const c = await SyncClient.open({ unitId: unit, api, store: memoryStore(), retry: fast });
    const closed = { intakeMethod: '电话', category: '生活保障类', ...CLOSED_IN_MARCH_2025 };
    const workbook = (oldContent: string, newContent: string): WorkbookRecord[] => [
      { register: 'settings', key: '诉求保存期限（月）', values: { item: '诉求保存期限（月）', value: '6' } },
      { register: 'appeals', key: 'A-old', values: { id: 'A-old', ...closed, content: oldContent } },
      {
        register: 'surveys',
        key: 's-old',
        values: {
          appealId: 'A-old',
          respondent: '诉求人',
          method: '电话回访',
          rating: '满意',
          surveyedOn: '2025-03-14',
        },
      },
      {
        register: 'appeals',
        key: 'A-new',
        values: { id: 'A-new', receivedOn: '2026-03-02', content: newContent },
      },
    ];
    await c.stage(workbook('宿舍热水', '食堂'), ['settings', 'appeals', 'surveys']);
    expect((await c.sync()).pushed).toBe(4);
    const ran = await fetch(`${local.url}/admin/functions/retention`, { method: 'POST' });
    expect(ran.status).toBe(202);
    // The clerk edits both appeals before the next sync: the old one's base is now a tombstone.
    expect(
      await c.stage(workbook('宿舍热水（补充）', '食堂（补充）'), ['settings', 'appeals', 'surveys']),
    ).toBe(2);
    const out = await c.sync();
    expect(out.error?.text).toBeUndefined();
    // The edited appeal by the 409, its survey (not edited) by the tombstone the pull brought.
    expect(out.purged).toEqual([
      { register: 'appeals', key: 'A-old' },
      { register: 'surveys', key: 's-old' },
    ]);
    expect(out.pushed).toBe(1);
    expect(statuses).toContain(409);
    expect(c.status()).toMatchObject({ pending: 0, rejected: 0, conflicts: 0 });
    expect(await c.stage(workbook('再改一次', '食堂（补充）'), ['settings', 'appeals', 'surveys'])).toBe(0);
    const stored = await getServices().store.records.get(unit, 'appeals', 'A-old');
    expect(stored).toMatchObject({ purged: true, deleted: true });
    expect((await getServices().store.records.get(unit, 'appeals', 'A-new'))?.values.content).toBe(
      '食堂（补充）',
    );
  });
});
