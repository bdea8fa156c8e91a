// Retention is not undone by the next sync (issue 10): the cloud refuses a write to a record its
// retention job purged (409 record-purged, `purged` in the body, nothing of the request written).
// The pane stops offering those rows, sends the rest, and says why once.
import { describe, expect, it } from 'vitest';
import { SyncClient } from '../../../addin/sync/client';
import type { WorkbookRecord } from '../../../addin/sync/diff';
import { memoryStore } from '../../../addin/sync/kv';
import { fakeCloud } from './fakeCloud';

const fast = { attempts: 3, baseMs: 1, maxMs: 2 };
const row = (id: string, content = '班车时间调整'): WorkbookRecord => ({
  register: 'appeals',
  key: id,
  values: { id, content },
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
    cloud.changes.push({
      register: 'appeals',
      key: 'Q-1',
      revision: 'r99',
      values: {},
      deleted: true,
      purged: true,
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: 'retention',
    });
    const out = await c.sync();
    expect(out.purged).toEqual([{ register: 'appeals', key: 'Q-1' }]);
    // The workbook still holds the row: it is not re-created in the cloud.
    expect(await c.stage([row('Q-1'), row('Q-2')], ['appeals'])).toBe(0);
    // Nor is its removal from the workbook sent as a deletion.
    expect(await c.stage([row('Q-2')], ['appeals'])).toBe(0);
  });
});
