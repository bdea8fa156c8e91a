// Absence from the workbook is a deletion only for records the workbook held (issue 10 review, HIGH):
// a pulled record that was never written must not be deleted in the cloud by the next sync.
import { describe, expect, it } from 'vitest';
import { SyncClient } from '../../../addin/sync/client';
import { memoryStore } from '../../../addin/sync/kv';
import type { PulledRecord, SyncRequest } from '../../../shared';
import { fakeCloud } from './fakeCloud';

const theirs = (key: string): PulledRecord => ({
  register: 'appeals',
  key,
  revision: `b-${key}`,
  values: { id: key, receivedOn: '2025-06-10', content: '宿舍漏水', category: '其他类' },
  deleted: false,
  purged: false,
  updatedAt: '2025-06-10T08:00:00.000Z',
  updatedBy: 'clerk-b',
});

const mine = { register: 'appeals', key: '2025-001', values: { id: '2025-001', content: '班车' } };

async function setUp() {
  const cloudSide = fakeCloud();
  const bodies: SyncRequest[] = [];
  const api = {
    ...cloudSide.api,
    sync: (unit: string, body: SyncRequest) => (bodies.push(body), cloudSide.api.sync(unit, body)),
  };
  const client = await SyncClient.open({ unitId: 'u-held', api, store: memoryStore() });
  const deletes = () => bodies.flatMap((b) => (b.records ?? []).filter((r) => r.deleted).map((r) => r.key));
  return { cloudSide, client, deletes };
}

describe('deletions staged from the workbook', () => {
  it('leave alone a pulled record the workbook never held, and delete one it held', async () => {
    const { cloudSide, client, deletes } = await setUp();
    await client.stage([mine], ['appeals']);
    cloudSide.changes.push(theirs('2025-900'), theirs('2025-901'));
    expect((await client.sync()).pulled).toHaveLength(2);
    // Neither pulled record reached the workbook: the next syncs delete nothing.
    expect(await client.stage([mine], ['appeals'])).toBe(0);
    await client.sync();
    expect(deletes()).toEqual([]);
    // One is written into the workbook; once its row is gone, that is the clerk's deletion.
    await client.markWritten([{ register: 'appeals', key: '2025-900' }]);
    expect(await client.stage([mine], ['appeals'])).toBe(1);
    await client.sync();
    expect(deletes()).toEqual(['2025-900']);
    // A row the workbook had (seen when staging) and then lost is deleted too.
    await client.stage([], ['appeals']);
    await client.sync();
    expect(deletes()).toEqual(['2025-900', '2025-001']);
  });
});
