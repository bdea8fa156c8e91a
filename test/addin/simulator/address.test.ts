import { describe, expect, it } from 'vitest';
import {
  columnIndex,
  columnLetters,
  formatAddress,
  formatRect,
  parseAddress,
  quoteSheetName,
} from '../../../addin/simulator/model/address';
import { subtract } from '../../../addin/simulator/model/rect';

describe('A1 addresses', () => {
  it('converts column letters both ways up to XFD', () => {
    expect([0, 25, 26, 701, 702, 16_383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    expect(['A', 'z', 'AA', 'XFD', 'XFE', 'A1', ''].map(columnIndex)).toEqual([
      0, 25, 26, 16_383, -1, -1, -1,
    ]);
  });

  it('parses cells, blocks, whole columns and rows, absolute and sheet-qualified forms', () => {
    expect(parseAddress('B3')).toEqual({ rect: { r0: 2, c0: 1, r1: 2, c1: 1 } });
    expect(parseAddress('$C$4:a1')).toEqual({ rect: { r0: 0, c0: 0, r1: 3, c1: 2 } });
    expect(parseAddress('A:C')).toEqual({ rect: { r0: 0, c0: 0, r1: 1_048_575, c1: 2 } });
    expect(parseAddress('2:3')).toEqual({ rect: { r0: 1, c0: 0, r1: 2, c1: 16_383 } });
    expect(parseAddress("'It''s'!A1")).toEqual({ sheet: "It's", rect: { r0: 0, c0: 0, r1: 0, c1: 0 } });
    expect(parseAddress('设置!XFD1048576')).toEqual({
      sheet: '设置',
      rect: { r0: 1_048_575, c0: 16_383, r1: 1_048_575, c1: 16_383 },
    });
    for (const bad of ['A0', 'A1048577', 'XFE1', 'A', '1', 'A1:B', 'A1:B2:C3', '!A1', 'hello world'])
      expect(parseAddress(bad)).toBeUndefined();
  });

  it('formats addresses as Excel reports them, quoting sheet names only when needed', () => {
    expect(formatRect({ r0: 0, c0: 0, r1: 0, c1: 0 })).toBe('A1');
    expect(formatRect({ r0: 1, c0: 0, r1: 9, c1: 2 }, true)).toBe('$A$2:$C$10');
    expect(formatRect({ r0: 0, c0: 1, r1: 1_048_575, c1: 1 })).toBe('B:B');
    expect(formatRect({ r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 })).toBe('1:1048576');
    expect(['Sheet1', '设置', 'My Sheet', "It's", '2024', 'A1', 'R1C1'].map(quoteSheetName)).toEqual([
      'Sheet1',
      '设置',
      "'My Sheet'",
      "'It''s'",
      "'2024'",
      "'A1'",
      "'R1C1'",
    ]);
    expect(formatAddress('Q1 data', { r0: 0, c0: 0, r1: 1, c1: 1 })).toBe("'Q1 data'!A1:B2");
  });

  it('subtracts one block from another into disjoint pieces', () => {
    const pieces = subtract({ r0: 0, c0: 0, r1: 9, c1: 9 }, { r0: 3, c0: 3, r1: 5, c1: 12 });
    expect(pieces).toEqual([
      { r0: 0, c0: 0, r1: 2, c1: 9 },
      { r0: 6, c0: 0, r1: 9, c1: 9 },
      { r0: 3, c0: 0, r1: 5, c1: 2 },
    ]);
    expect(pieces.reduce((n, p) => n + (p.r1 - p.r0 + 1) * (p.c1 - p.c0 + 1), 0)).toBe(100 - 21);
  });
});
