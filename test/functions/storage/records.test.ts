import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordWrite, Store } from '../../../functions/src/storage';
import { appealWrite as appeal } from '../fixtures';
import { startEnv, type TestEnv } from '../support';

let env: TestEnv;
let store: Store;
const actor = { id: 'clerk-1', roles: ['clerk'] };

beforeAll(async () => {
  env = await startEnv();
  store = env.services.store;
});
afterAll(() => env.stop());

describe('records in Azurite', () => {
  it('commits 150 records in transactions of at most 100 and pulls them back in sequence pages', async () => {
    const writes = Array.from({ length: 150 }, (_, i) => appeal(`2025-${String(i).padStart(3, '0')}`));
    const out = await store.records.commit('u-pages', writes, actor, 'sync.push');
    expect(out.every((o) => o.status === 'applied' && o.revision.length > 0)).toBe(true);
    expect(await store.records.head('u-pages')).toBe(150);
    const first = await store.records.pull('u-pages', 0, 100);
    expect(first.changes).toHaveLength(100);
    expect(first.more).toBe(true);
    expect(first.changes.map((c) => c.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const second = await store.records.pull('u-pages', first.cursor, 100);
    expect(second.changes).toHaveLength(50);
    expect(second.more).toBe(false);
    expect(new Set([...first.changes, ...second.changes].map((c) => c.key)).size).toBe(150);
    // Two transactions, each with its audit entry: who, and every record written with its sequence number.
    const audit = await store.audit.list('u-pages');
    expect(audit.filter((a) => a.action === 'sync.push')).toHaveLength(2);
    const lines = audit.flatMap(
      (a) => a.detail as { target: string; seq: number; op: string; fields: string[] }[],
    );
    expect(lines.map((l) => l.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 150 }, (_, i) => i + 1),
    );
    expect(lines[0]).toMatchObject({
      op: 'create',
      fields: expect.arrayContaining(['content', 'receivedOn']),
    });
    expect(audit.every((a) => a.actor === 'clerk-1')).toBe(true);
  });

  it('applies an edit from the current revision, refuses a stale one with both versions, and keeps retries single', async () => {
    const [created] = await store.records.commit('u-cc', [appeal('A-1')], actor, 'sync.push');
    if (created?.status !== 'applied') throw new Error('not applied');
    const edit = { ...appeal('A-1', '新内容'), changeId: 'edit-1', baseRevision: created.revision };
    const [edited] = await store.records.commit('u-cc', [edit], actor, 'sync.push');
    expect(edited?.status).toBe('applied');
    // The same change again (a retried request): nothing is written twice.
    const [retried] = await store.records.commit('u-cc', [edit], actor, 'sync.push');
    expect(retried).toEqual({ status: 'duplicate', revision: (edited as { revision: string }).revision });
    expect(await store.records.head('u-cc')).toBe(2);
    // Another clerk's edit from the first revision is stale: conflict, nothing overwritten.
    const stale = {
      ...appeal('A-1', '另一位干事的修改'),
      changeId: 'edit-2',
      baseRevision: created.revision,
    };
    const [conflict] = await store.records.commit('u-cc', [stale], actor, 'sync.push');
    expect(conflict?.status).toBe('conflict');
    if (conflict?.status !== 'conflict') return;
    expect(conflict.theirs?.values.content).toBe('新内容');
    expect((await store.records.get('u-cc', 'appeals', 'A-1'))?.values.content).toBe('新内容');
    // A stale edit that says what the cloud already has is not a conflict.
    const same = { ...appeal('A-1', '新内容'), changeId: 'edit-3', baseRevision: created.revision };
    expect((await store.records.commit('u-cc', [same], actor, 'sync.push'))[0]?.status).toBe('unchanged');
    expect(await store.records.head('u-cc')).toBe(2);
  });

  it('commits the good records of a transaction that held one conflict', async () => {
    await store.records.commit('u-mixed', [appeal('M-0')], actor, 'sync.push');
    const batch = [appeal('M-1'), { ...appeal('M-0', 'x'), changeId: 'dup-create' }, appeal('M-2')];
    const out = await store.records.commit('u-mixed', batch, actor, 'sync.push');
    expect(out.map((o) => o.status)).toEqual(['applied', 'conflict', 'applied']);
    const page = await store.records.pull('u-mixed', 0, 100);
    expect(page.changes.map((c) => [c.key, c.seq])).toEqual([
      ['M-0', 1],
      ['M-1', 2],
      ['M-2', 3],
    ]);
  });

  it('gives concurrent writers to one unit distinct, gap-free sequence numbers', async () => {
    const a = Array.from({ length: 120 }, (_, i) => appeal(`P-a${i}`));
    const b = Array.from({ length: 120 }, (_, i) => appeal(`P-b${i}`));
    const [ra, rb] = await Promise.all([
      store.records.commit('u-par', a, actor, 'sync.push'),
      store.records.commit('u-par', b, actor, 'sync.push'),
    ]);
    expect([...ra, ...rb].every((o) => o.status === 'applied')).toBe(true);
    const all = await store.records.pull('u-par', 0, 1000);
    expect(all.changes.map((c) => c.seq)).toEqual(Array.from({ length: 240 }, (_, i) => i + 1));
  });

  it('keeps a deletion as a tombstone that pulls report and loads leave out', async () => {
    const [c] = await store.records.commit('u-del', [appeal('D-1'), appeal('D-2')], actor, 'sync.push');
    const del: RecordWrite = {
      ...appeal('D-1'),
      changeId: 'del-1',
      baseRevision: (c as { revision: string }).revision,
      deleted: true,
    };
    expect((await store.records.commit('u-del', [del], actor, 'sync.push'))[0]?.status).toBe('applied');
    const page = await store.records.pull('u-del', 2, 10);
    expect(page.changes).toMatchObject([{ key: 'D-1', deleted: true, values: {} }]);
    expect((await store.records.load('u-del')).map((r) => r.key)).toEqual(['D-2']);
  });

  it('finds an appeal with the rows that refer to it', async () => {
    const survey: RecordWrite = {
      register: 'surveys',
      key: 'S-1',
      changeId: 's1',
      baseRevision: null,
      values: {
        appealId: 'R-1',
        respondent: '诉求人',
        method: '电话回访',
        rating: '满意',
        surveyedOn: '2025-04-01',
      },
      deleted: false,
    };
    await store.records.commit('u-rel', [appeal('R-1'), appeal('R-2'), survey], actor, 'sync.push');
    const rows = await store.records.loadAppeal('u-rel', 'R-1');
    expect(rows.map((r) => r.register).sort()).toEqual(['appeals', 'surveys']);
  });
});

describe('units, escalations, deliveries and summaries in Azurite', () => {
  it('keeps unit profiles with parents, channels and built ledgers', async () => {
    await store.units.configure('grp', { name: '集团工会' });
    await store.units.configure('co-1', {
      name: '一公司',
      parentId: 'grp',
      channels: [{ id: 'wx', kind: 'wecom', origin: 'https://qyapi.weixin.qq.com', sealed: 'a.b.c.d.e' }],
    });
    await store.units.touch('co-1', ['2025Q2', '2025Q1']);
    const co = await store.units.get('co-1');
    expect(co).toMatchObject({ name: '一公司', parentId: 'grp', ledgersBuilt: ['2025Q1', '2025Q2'] });
    expect(co?.channels).toHaveLength(1);
    expect((await store.units.list()).map((u) => u.unitId)).toEqual(expect.arrayContaining(['grp', 'co-1']));
  });

  it('puts an escalation on both sides and a reply reaches both', async () => {
    await store.escalations.put({
      fromUnit: 'co-1',
      toUnit: 'grp',
      appealId: 'E-1',
      snapshot: { id: 'E-1', content: '食堂' },
      note: '',
      at: '2026-03-01T00:00:00Z',
    });
    await store.escalations.reply('grp', 'co-1', 'E-1', {
      at: '2026-03-02T00:00:00Z',
      by: 'chair',
      text: '已协调',
    });
    const [inbound] = await store.escalations.list('grp');
    const [outbound] = await store.escalations.list('co-1');
    expect(inbound).toMatchObject({ direction: 'in', status: 'replied', replies: [{ text: '已协调' }] });
    expect(outbound).toMatchObject({ direction: 'out', status: 'replied', replies: [{ text: '已协调' }] });
    expect(await store.escalations.list('co-1', '2026-03-03T00:00:00Z')).toEqual([]);
  });

  it('records deliveries by channel and day and purges old ones', async () => {
    const d = {
      unit: 'co-1',
      channelId: 'wx',
      channelKind: 'wecom',
      appealId: 'E-1',
      status: 'sent' as const,
      attempts: 1,
      lastError: '',
      sentAt: 'x',
    };
    await store.deliveries.save([
      { ...d, date: '2026-01-01', reminderKey: 'handling|E-1|2026-01-01' },
      { ...d, date: '2026-03-31', reminderKey: 'report|E-1/2|2026-04-03' },
    ]);
    const today = await store.deliveries.list('co-1', '2026-03-31', 'wx');
    expect([...today.keys()]).toEqual(['report|E-1/2|2026-04-03']);
    expect(await store.deliveries.purgeBefore('2026-02-01')).toBe(1);
    expect((await store.deliveries.list('co-1', '2026-01-01', 'wx')).size).toBe(0);
  });
});
