// @vitest-environment happy-dom
// The pane tells the cloud panel whether its queue outlives the pane: paneStore falls back to memory
// where the browser blocks localStorage
// (https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings#storage-partitioning),
// and connectCloud must not drop that (issue 10 review).
import { describe, expect, it } from 'vitest';
import { connectCloud } from '../../../addin/cloud/connect';
import { paneStore } from '../../../addin/sync/kv';
import { runOf } from '../excel/helpers';
import { simulatedWorkbook } from '../taskpane/helpers';

describe('connecting the pane to the cloud', () => {
  it('keeps paneStore’s word that the queue is in memory only', async () => {
    const { wb, operations } = await simulatedWorkbook();
    await operations.saveSettingItems({ 单位代码: 'u-connect' });
    const blocked = paneStore({
      localStorage: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      partitionKey: 'pk:',
    });
    expect(blocked.persistent).toBe(false);
    const connect = (persistent?: boolean) =>
      connectCloud({
        run: runOf(wb),
        operations,
        api: 'http://127.0.0.1:1',
        token: () => () => Promise.resolve('unused'),
        store: blocked.store,
        ...(persistent === undefined ? {} : { persistent }),
      });
    const cloud = await connect(blocked.persistent);
    expect(cloud?.unitId).toBe('u-connect');
    expect(cloud?.persistent).toBe(false);
    expect((await connect())?.persistent).toBe(true);
  });
});
