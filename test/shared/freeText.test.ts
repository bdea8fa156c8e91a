import { describe, expect, it } from 'vitest';
import { findTextIdentities, hasTextIdentity, scrubTextIdentities } from '../../shared';

describe('identity numbers in free text', () => {
  it.each([
    ['联系电话13800001111，请回电', 'mobile'],
    ['手机 138 0000 1111', 'mobile'],
    ['手机138-0000-1111', 'mobile'],
    ['+86 13800001111', 'mobile'],
    ['８６１３８００００１１１１', 'mobile'],
    ['座机0531-87654321转分机', 'landline'],
    ['电话(010)12345678', 'landline'],
    ['电话（0755）1234567', 'landline'],
    ['身份证110101199003071234', 'idCard'],
    ['身份证号11010119900307123X。', 'idCard'],
    ['身份证 110101 19900307 1234', 'idCard'],
  ] as const)('finds %s as %s', (text, kind) => {
    const found = findTextIdentities(text);
    expect(found.map((f) => f.kind)).toEqual([kind]);
    expect(scrubTextIdentities(text)).toContain('（已隐去）');
    expect(hasTextIdentity(scrubTextIdentities(text))).toBe(false);
  });

  it.each([
    '诉求编号2025-017，2026年3月5日受理',
    '加班费少发了1200元，涉及35人',
    '订单号12345678901234567890',
    '合同号 2026-0001-0002',
    '车间温度超过38度，已持续12天',
  ])('leaves %s alone', (text) => {
    expect(findTextIdentities(text)).toEqual([]);
    expect(scrubTextIdentities(text)).toBe(text);
  });

  it('scrubs several in one text and keeps the rest as typed', () => {
    expect(scrubTextIdentities('张师傅13800001111，身份证110101199003071234，家0531-87654321')).toBe(
      '张师傅（已隐去），身份证（已隐去），家（已隐去）',
    );
  });
});
