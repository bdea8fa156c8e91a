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
    // Ways around a one-separator pattern a reviewer tried (issue 10): dots, doubled spaces,
    // zero-width characters, the 0086 international prefix.
    ['手机138.1234.5678', 'mobile'],
    ['手机138  1234  5678', 'mobile'],
    ['手机138\u200b1234\u200b5678', 'mobile'],
    ['手机1\u200d38\u20601234\ufeff5678', 'mobile'],
    ['008613812345678', 'mobile'],
    ['0086-138-1234-5678', 'mobile'],
    ['身份证110105.19491231.002X', 'idCard'],
    ['身份证 110105_1949/1231·002X', 'idCard'],
    ['座机0531. 87654321', 'landline'],
    // Every full-width form an input method types is read as ASCII (as a cell is), not a chosen few.
    ['手机１３８／１２３４／５６７８', 'mobile'],
    ['身份证１１０１０５１９４９１２３１００２Ｘ', 'idCard'],
    ['座机０５３１＿８７６５４３２１', 'landline'],
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
    '2026.03.05 召开协商会议',
    '2026/03/05 10:30 第1组 12 人',
    '第1组 12 人，第2组 15 人',
    '工资 3 800.50 元，补 1 200 元',
    '会议时间 2026-03-05 至 2026-03-12',
  ])('leaves %s alone', (text) => {
    expect(findTextIdentities(text)).toEqual([]);
    expect(scrubTextIdentities(text)).toBe(text);
  });

  it('cuts the text as given when format characters sit inside a number', () => {
    const text = '电话138\u200b1234\u200b5678，谢谢';
    expect(findTextIdentities(text)).toEqual([{ kind: 'mobile', start: 2, end: 15 }]);
    expect(scrubTextIdentities(text)).toBe('电话（已隐去），谢谢');
    expect(scrubTextIdentities('\u200b张师傅\u2060008613812345678\u200b。')).toBe(
      '\u200b张师傅\u2060（已隐去）\u200b。',
    );
  });

  it('scrubs several in one text and keeps the rest as typed', () => {
    expect(scrubTextIdentities('张师傅13800001111，身份证110101199003071234，家0531-87654321')).toBe(
      '张师傅（已隐去），身份证（已隐去），家（已隐去）',
    );
  });
});
