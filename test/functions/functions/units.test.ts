// Issue 13: an administrator sees the unit tree (GET /api/orgs/{orgId}/units) to set parents from the
// pane, and the group's figures mark units that have not synced since the period ended ("never
// silently counted as zero"), each with its depth in the tree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SummaryResponse,
  summaryResponseSchema,
  type UnitsResponse,
  unitsResponseSchema,
} from '../../../shared';
import { summaryFunction } from '../../../functions/src/functions/summary';
import { unitsFunction } from '../../../functions/src/functions/units';
import { appealRecord as appeal, pushAll } from '../fixtures';
import { call, startEnv, tokenFor, type TestEnv } from '../support';

let env: TestEnv;

// 2026-03-31 01:00 UTC is 09:00 on 31 March in China: Q4 2025 is over, Q1 2026 is not.
beforeAll(async () => {
  env = await startEnv('2026-03-31T01:00:00Z');
  const { store } = env.services;
  await store.units.configure('grp', { name: '集团工会' });
  await store.units.configure('co-a', { name: '甲公司', parentId: 'grp' });
  await store.units.configure('co-b', { name: '乙公司', parentId: 'grp' });
  await store.units.configure('ws-a1', { name: '甲一车间', parentId: 'co-a' });
  await store.units.configure('else', { name: '外单位' });
  // co-b last synced on 20 December 2025, inside Q4: its Q4 figures may be incomplete.
  env.setNow('2025-12-20T02:00:00Z');
  await pushAll('co-b', await tokenFor('clerk', ['co-b']), [appeal('B-1')]);
  env.setNow('2026-03-31T01:00:00Z');
  await pushAll('co-a', await tokenFor('clerk', ['co-a']), [appeal('A-1')]);
});
afterAll(() => env.stop());

describe('GET /api/orgs/{orgId}/units', () => {
  it("lists the org's subtree with parents and last syncs, and which units the admin may configure", async () => {
    const token = await tokenFor('admin', ['grp', 'co-a', 'ws-a1']);
    const r = await call<UnitsResponse>(unitsFunction, { token, params: { orgId: 'grp' } });
    expect(r.status).toBe(200);
    expect(unitsResponseSchema.safeParse(r.body).success).toBe(true);
    expect(r.body.orgId).toBe('grp');
    expect(r.body.units.map((u) => [u.unitId, u.parentId, u.configurable])).toEqual([
      ['grp', '', true],
      ['co-a', 'grp', true],
      ['ws-a1', 'co-a', true],
      ['co-b', 'grp', false],
    ]);
    expect(r.body.units.find((u) => u.unitId === 'co-a')?.lastSyncAt).toBe('2026-03-31T01:00:00.000Z');
    expect(r.body.units.find((u) => u.unitId === 'ws-a1')).toMatchObject({
      name: '甲一车间',
      lastSyncAt: '',
    });
  });

  it('is for administrators of the org, and 404 for a unit the cloud does not know', async () => {
    const clerk = await tokenFor('clerk', ['grp']);
    expect((await call(unitsFunction, { token: clerk, params: { orgId: 'grp' } })).status).toBe(403);
    const admin = await tokenFor('admin', ['*']);
    expect((await call(unitsFunction, { token: admin, params: { orgId: 'nobody' } })).status).toBe(404);
  });
});

describe('the summary marks units by sync and depth', () => {
  it('gives each unit its level and last sync, and whether it synced since the period ended', async () => {
    const token = await tokenFor('management', ['grp']);
    const ask = (year: string, quarter: string) =>
      call<SummaryResponse>(summaryFunction, { token, params: { orgId: 'grp' }, query: { year, quarter } });
    const q4 = await ask('2025', '4');
    expect(q4.status).toBe(200);
    expect(summaryResponseSchema.safeParse(q4.body).success).toBe(true);
    const row = (r: typeof q4, id: string) => r.body.units.find((u) => u.unitId === id);
    expect(row(q4, 'grp')).toMatchObject({ level: 0, synced: false, lastSyncAt: '' });
    expect(row(q4, 'co-a')).toMatchObject({ level: 1, synced: true });
    expect(row(q4, 'ws-a1')).toMatchObject({ level: 2, synced: false });
    expect(row(q4, 'co-b')).toMatchObject({
      level: 1,
      synced: false,
      lastSyncAt: '2025-12-20T02:00:00.000Z',
    });
    // Q3 ended before co-b's last sync: synced.
    expect(row(await ask('2025', '3'), 'co-b')?.synced).toBe(true);
    // The current quarter, not yet over: a sync today counts, an older one does not.
    const q1 = await ask('2026', '1');
    expect([row(q1, 'co-a')?.synced, row(q1, 'co-b')?.synced]).toEqual([true, false]);
  });
});
