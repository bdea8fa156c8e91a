// @vitest-environment happy-dom
// What the cloud panel tells the clerk about the queue and the pull (issue 10 review): a queue kept in
// memory only (storage blocked: https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings#storage-partitioning),
// a queue that could not be saved (localStorage full: setItem throws QuotaExceededError,
// https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-setitem), records from the cloud
// the workbook refused, and hidden text after a failed sync as still to be sent.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openCloud } from '../../../addin/cloud/operations';
import { generateWorkbook } from '../../../addin/demo/generate';
import { ApiFailure, type SyncApi } from '../../../addin/sync/api';
import { memoryStore, webStorageStore, type KeyValueStore } from '../../../addin/sync/kv';
import { say } from '../../../shared';
import { runOf } from '../excel/helpers';
import { fakeCloud } from '../sync/fakeCloud';
import { fullingStorage } from '../sync/fullStorage';
import { renderPane, simulatedWorkbook } from './helpers';

async function pane(
  o: { store?: KeyValueStore; persistent?: boolean; api?: (base: SyncApi) => SyncApi } = {},
) {
  const g = generateWorkbook({ appeals: 4, seed: 3 });
  const sheet = g.input.appeals as NonNullable<typeof g.input.appeals>;
  const rows = sheet.rows as unknown[][];
  (rows[0] as unknown[])[sheet.header.indexOf('诉求内容')] = '电话138 0000 1111';
  const first = String((rows[0] as unknown[])[0]);
  const { wb, operations } = await simulatedWorkbook({ input: g.input });
  const cloudSide = fakeCloud();
  const cloud = await openCloud({
    run: runOf(wb),
    baseUrl: 'http://127.0.0.1:1',
    unitId: 'u-notice',
    token: () => Promise.resolve('unused'),
    store: o.store ?? memoryStore(),
    api: o.api ? o.api(cloudSide.api) : cloudSide.api,
    ...(o.persistent === undefined ? {} : { persistent: o.persistent }),
  });
  await renderPane({ ...operations, cloud }, { initialStep: 'check', today: g.today });
  return { cloudSide, first, user: userEvent.setup() };
}

describe('the cloud panel’s notices', () => {
  it('says when the queue lives in memory only', async () => {
    await pane({ persistent: false });
    expect(screen.getByText(/待上传的变化只保存在本次打开的窗格中/)).toBeTruthy();
  });

  it('says nothing of memory when the queue is saved', async () => {
    await pane();
    expect(screen.queryByText(/只保存在本次打开的窗格中/)).toBeNull();
  });

  it('says when storage is full and changes are not saved on this machine, and still syncs', async () => {
    const { user, cloudSide } = await pane({ store: webStorageStore(fullingStorage(200)) });
    await user.click(screen.getByRole('button', { name: '查看将上传的内容' }));
    expect(await screen.findByText(/本机存储已满：变化未能保存在本机/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '立即同步' }));
    expect(await screen.findByText(/已同步：上传 \d+ 条/)).toBeTruthy();
    expect(cloudSide.records.size).toBeGreaterThan(0);
  });

  it('lists records from the cloud the workbook refused', async () => {
    const { user, cloudSide } = await pane();
    cloudSide.changes.push({
      register: 'appeals',
      key: '2025-900',
      revision: 'b1',
      values: { id: '2025-900', receivedOn: '2025-06-10', content: '宿舍漏水', category: '住房' },
      deleted: false,
      purged: false,
      updatedAt: '2025-06-10T08:00:00.000Z',
      updatedBy: 'clerk-b',
    });
    await user.click(screen.getByRole('button', { name: '立即同步' }));
    const list = await screen.findByRole('list', { name: /云端收到的记录未能写入本表（1）/ });
    expect(within(list).getByText(/^职工诉求记录表 2025-900 · 受理类别：/)).toBeTruthy();
  });

  it('shows hidden text as still to be sent when the sync failed', async () => {
    const refuse = (base: SyncApi): SyncApi => ({
      ...base,
      sync: () => Promise.reject(new ApiFailure(401, 'unauthenticated', say('未登录', 'not signed in'))),
    });
    const { user, first } = await pane({ api: refuse });
    await user.click(screen.getByRole('button', { name: '立即同步' }));
    const list = await screen.findByRole('list', { name: '将隐去身份号码后上传的文字' });
    expect(within(list).getByText(`职工诉求记录表 ${first} · 诉求内容：电话（已隐去）`)).toBeTruthy();
    expect(screen.queryByRole('list', { name: /已隐去后发送/ })).toBeNull();
  });
});
