import { describe, expect, it } from 'vitest';
import { rowKey } from '../../../addin/cloud/keys';
import { appealRegister, surveyRegister, trackingRegister } from '../../../shared';

describe('sync keys of workbook rows', () => {
  it('uses the 编号 where the register has one', () => {
    expect(rowKey(appealRegister, { id: '2026-001', content: 'x' })).toBe('2026-001');
  });

  it('names other rows by their natural key, so sorting or inserting rows keeps it', () => {
    expect(
      rowKey(surveyRegister, {
        appealId: '2026-001',
        respondent: '诉求人',
        surveyedOn: '2026-07-20',
        rating: '满意',
      }),
    ).toBe('2026-001|诉求人|2026-07-20');
    expect(
      rowKey(trackingRegister, { appealId: '2026-001', trackedOn: '2026-07-08', status: '正在进行中' }),
    ).toBe('2026-001|2026-07-08|正在进行中');
  });

  it('gives no key to a row missing part of it (it is not synced until complete)', () => {
    expect(rowKey(appealRegister, { content: 'x' })).toBeNull();
    expect(
      rowKey(surveyRegister, { appealId: '2026-001', respondent: '', surveyedOn: '2026-07-20' }),
    ).toBeNull();
  });
});
