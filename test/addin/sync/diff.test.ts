import { describe, expect, it } from 'vitest';
import { cloudValues, diffWorkbook, fingerprint } from '../../../addin/sync/diff';
import type { KnownRecord } from '../../../addin/sync/state';

const row = {
  id: '2025-001',
  appellant: '张三',
  phone: '13812345678',
  content: '班车时间',
  receivedOn: '2025-03-05',
  category: '其他类',
};

describe('staging the workbook', () => {
  it("strips the appellant's name and phone before anything leaves", () => {
    expect(cloudValues('appeals', row)).toEqual({
      id: '2025-001',
      content: '班车时间',
      receivedOn: '2025-03-05',
      category: '其他类',
    });
    expect(
      cloudValues('topics', { workshop: '一车间', seq: 1, name: '李四', signature: '李四', content: '食堂' }),
    ).toEqual({ workshop: '一车间', seq: 1, content: '食堂' });
  });

  it('stages new and changed rows with the changed fields, deletions of rows the workbook held, and nothing else', () => {
    const synced = cloudValues('appeals', row);
    const known: Record<string, KnownRecord> = {
      'appeals|2025-001': { rev: 'r1', ...fingerprint('appeals', synced), held: true },
      'appeals|2025-002': { rev: 'r2', ...fingerprint('appeals', { id: '2025-002' }), held: true },
      // Pulled from the cloud and never written into the workbook: its absence deletes nothing.
      'appeals|2025-004': { rev: 'r4', ...fingerprint('appeals', { id: '2025-004' }) },
      'roster|x': { rev: 'r3', hash: 'h', fields: '' },
    };
    const none = () => undefined;
    expect(
      diffWorkbook(
        [
          { register: 'appeals', key: '2025-001', values: row },
          { register: 'appeals', key: '2025-002', values: { id: '2025-002' } },
        ],
        ['appeals'],
        known,
        none,
      ),
    ).toEqual([]);
    const edited = { ...row, phone: '13900000000', department: '后勤部' };
    const edits = diffWorkbook(
      [
        { register: 'appeals', key: '2025-001', values: edited },
        { register: 'appeals', key: '2025-003', values: { id: '2025-003', content: '新' } },
        { register: 'roster', key: 'y', values: { name: '组长' } },
      ],
      ['appeals', 'roster'],
      known,
      none,
    );
    expect(edits.map((e) => [e.key, e.baseRevision, e.deleted, e.changed])).toEqual([
      ['2025-001', 'r1', false, ['department']],
      ['2025-003', null, false, ['id', 'content']],
      ['2025-002', 'r2', true, []],
    ]);
    expect(JSON.stringify(edits)).not.toContain('13900000000');
    expect(JSON.stringify(edits)).not.toContain('张三');
  });
});
