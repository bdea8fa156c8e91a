import { describe, expect, it } from 'vitest';
import { columnReference, exactCriterion, stringLiteral } from '../../../addin/excel/references';

describe('structured references and criteria built from clerks’ names', () => {
  // https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
  it('always uses Table[[column]] and escapes the special characters with an apostrophe', () => {
    expect(columnReference('诉求表', '受理时间')).toBe('诉求表[[受理时间]]');
    expect(columnReference('诉求表', '诉求 内容')).toBe('诉求表[[诉求 内容]]');
    expect(columnReference('T', "a[b]#c'd@e")).toBe("T[[a'[b']'#c''d'@e]]");
  });

  it('doubles quotes in a string literal', () => {
    expect(stringLiteral('说"明"')).toBe('"说""明"""');
  });

  // https://support.microsoft.com/office/countifs-function-dda3dc6e-f74e-4aee-88bc-aa8c2a866842
  it('makes a COUNTIFS criterion match the value itself: wildcards and leading operators escaped', () => {
    expect(exactCriterion('工资福利')).toBe('"=工资福利"');
    expect(exactCriterion('*其他?')).toBe('"=~*其他~?"');
    expect(exactCriterion('~x')).toBe('"=~~x"');
    expect(exactCriterion('<10')).toBe('"=<10"');
    expect(exactCriterion('=a"b')).toBe('"==a""b"');
  });
});
