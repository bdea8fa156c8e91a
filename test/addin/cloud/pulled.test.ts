// @vitest-environment happy-dom
// A record pulled from the cloud that never reaches the workbook is not the clerk's deletion
// (issue 10 review, HIGH): only records the workbook held are deleted in the cloud by their absence.
// Pulled records are written with Excel's range values and the table's rows.add
// (https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)),
// checked against the workbook's own 值列表, and what the workbook refuses is listed for the clerk.
import { describe, expect, it } from 'vitest';
import { openCloud } from '../../../addin/cloud/operations';
import { generateWorkbook } from '../../../addin/demo/generate';
import { memoryStore } from '../../../addin/sync/kv';
import { DEFAULT_VALUE_LISTS, type PulledRecord, type SyncRequest, type WireValue } from '../../../shared';
import { runOf } from '../excel/helpers';
import { fakeCloud } from '../sync/fakeCloud';
import { simulatedWorkbook } from '../taskpane/helpers';

const pulled = (register: string, key: string, values: Record<string, WireValue>): PulledRecord => ({
  register,
  key,
  revision: `b-${key}`,
  values,
  deleted: false,
  purged: false,
  updatedAt: '2025-06-10T08:00:00.000Z',
  updatedBy: 'clerk-b',
});

/** Clerk B's appeal filed under a 受理类别 B added to B's own 值列表, and a tracking row (no 编号). */
const fromClerkB = (): PulledRecord[] => [
  pulled('appeals', '2025-900', {
    id: '2025-900',
    receivedOn: '2025-06-10',
    content: '宿舍漏水',
    category: '住房',
  }),
  pulled('tracking', '2025-900|2025-06-11|正在进行中', {
    appealId: '2025-900',
    trackedOn: '2025-06-11',
    status: '正在进行中',
  }),
];

async function setUp(lists?: Record<string, string[]>) {
  const g = generateWorkbook({ appeals: 3, seed: 7 });
  const { wb, operations } = await simulatedWorkbook({ input: g.input });
  if (lists) await operations.saveValueLists(lists);
  const cloudSide = fakeCloud();
  const bodies: SyncRequest[] = [];
  const api = {
    ...cloudSide.api,
    sync: (unit: string, body: SyncRequest) => (bodies.push(body), cloudSide.api.sync(unit, body)),
  };
  const cloud = await openCloud({
    run: runOf(wb),
    baseUrl: 'http://127.0.0.1:1',
    unitId: 'u-a',
    token: () => Promise.resolve('unused'),
    store: memoryStore(),
    api,
  });
  return { g, wb, cloud, cloudSide, bodies };
}

const deletes = (bodies: readonly SyncRequest[]) =>
  bodies.flatMap((b) => (b.records ?? []).filter((r) => r.deleted).map((r) => `${r.register}|${r.key}`));

describe('records pulled from the cloud', () => {
  it('that the workbook refuses or cannot hold are never deleted in the cloud by the next sync', async () => {
    const { g, cloud, cloudSide, bodies } = await setUp();
    expect((await cloud.syncNow(g.today)).ok).toBe(true);
    cloudSide.changes.push(...fromClerkB());
    const report = await cloud.syncNow(g.today);
    expect(report.ok).toBe(true);
    expect(report.pulled).toBe(2);
    // Not in this workbook's 受理类别: refused, and said so.
    expect(report.unwritten.map((u) => [u.register, u.key, u.field])).toEqual([
      ['appeals', '2025-900', 'category'],
    ]);
    expect(report.unwritten[0]?.message.zh).toBeTruthy();
    expect(report.unwritten[0]?.message.en).toBeTruthy();

    await cloud.syncNow(g.today);
    await cloud.syncNow(g.today);
    expect(deletes(bodies)).toEqual([]);
  });

  it("are written against the workbook's own 值列表 (issue 10 review: not the default lists)", async () => {
    const lists = Object.fromEntries(
      Object.entries(DEFAULT_VALUE_LISTS).map(([k, v]) => [k, [...(v as readonly string[])]]),
    );
    lists.category = [...(lists.category ?? []), '住房'];
    const { g, wb, cloud, cloudSide, bodies } = await setUp(lists);
    await cloud.syncNow(g.today);
    cloudSide.changes.push(...fromClerkB());
    const report = await cloud.syncNow(g.today);
    expect(report.unwritten).toEqual([]);
    expect(JSON.stringify(wb.getValues('职工诉求记录表', 'A1:Z10'))).toContain('2025-900');
    await cloud.syncNow(g.today);
    expect(deletes(bodies)).toEqual([]);
  });
});
