// Identity typed into free text does not leave the workbook (issue 10): a mobile, landline or ID
// number in 诉求内容 or another text field is replaced by （已隐去） when staged, with the core's one
// pattern set (shared/privacy/freeText.ts); the workbook's cell is never changed, and the clerk is
// shown what will be sent.
import { describe, expect, it } from 'vitest';
import { SyncClient } from '../../../addin/sync/client';
import { cloudValues, diffWorkbook, stagedValues } from '../../../addin/sync/diff';
import { memoryStore } from '../../../addin/sync/kv';
import { fakeCloud } from './fakeCloud';

describe('staging text with identity numbers in it', () => {
  it('stages 电话（已隐去） for 电话138 0000 1111, and leaves the row as it was', () => {
    const row = {
      id: '2025-007',
      content: '电话138 0000 1111',
      deptOpinion: '已联系 0755-8888 6666 转后勤部',
      unionOpinion: '身份证 11010519491231002X 已核对',
      receivedOn: '2025-03-05',
    };
    const before = { ...row };
    expect(stagedValues('appeals', row)).toEqual({
      values: {
        id: '2025-007',
        content: '电话（已隐去）',
        deptOpinion: '已联系 （已隐去） 转后勤部',
        unionOpinion: '身份证 （已隐去） 已核对',
        receivedOn: '2025-03-05',
      },
      scrubbed: ['content', 'deptOpinion', 'unionOpinion'],
    });
    expect(cloudValues('appeals', row).content).toBe('电话（已隐去）');
    expect(row).toEqual(before);
    const [edit] = diffWorkbook(
      [{ register: 'appeals', key: '2025-007', values: row }],
      ['appeals'],
      {},
      () => undefined,
    );
    expect(edit?.scrubbed).toEqual(['content', 'deptOpinion', 'unionOpinion']);
    expect(JSON.stringify(edit)).not.toMatch(/1380000|8888|11010519/);
  });

  it('lists what will be sent before the sync, and sends only that', async () => {
    const cloud = fakeCloud();
    const c = await SyncClient.open({ unitId: 'u', api: cloud.api, store: memoryStore() });
    await c.stage(
      [
        { register: 'appeals', key: '2025-007', values: { id: '2025-007', content: '电话138 0000 1111' } },
        { register: 'appeals', key: '2025-008', values: { id: '2025-008', content: '没有号码' } },
      ],
      ['appeals'],
    );
    expect(c.scrubbed()).toEqual([
      { register: 'appeals', key: '2025-007', field: 'content', text: '电话（已隐去）' },
    ]);
    await c.sync();
    expect(cloud.records.get('appeals|2025-007')).toEqual({ id: '2025-007', content: '电话（已隐去）' });
    // The same cell again is the same scrubbed text: nothing new to send.
    expect(
      await c.stage(
        [
          { register: 'appeals', key: '2025-007', values: { id: '2025-007', content: '电话138 0000 1111' } },
          { register: 'appeals', key: '2025-008', values: { id: '2025-008', content: '没有号码' } },
        ],
        ['appeals'],
      ),
    ).toBe(0);
  });
});
