/**
 * Range.text is "the text values of the specified range ... will not depend on the cell width"
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-text-member):
 * each value through its number format, as the cell shows it, without the grid's "####" substitution.
 */
import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

/** Writes one row of values under one row of number formats and reads `text` back through the API. */
async function textOf(values: unknown[], formats: string[]): Promise<string[]> {
  const wb = createSimulatedWorkbook();
  return wb.run(async (context) => {
    const range = context.workbook.worksheets
      .getItem('Sheet1')
      .getRange(`A1:${String.fromCharCode(64 + values.length)}1`);
    range.numberFormat = [formats];
    range.values = [values];
    range.load('text');
    await context.sync();
    return range.text[0] ?? [];
  });
}

describe('Range.text applies the number format (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-text-member)', () => {
  it('shows dates as their format says, never the serial', async () => {
    expect(
      await textOf(
        [46209, 46209, 46209, 46209.5],
        ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'm月d日', 'yyyy/m/d h:mm'],
      ),
    ).toEqual(['2026-07-06', '2026年7月6日', '7月6日', '2026/7/6 12:00']);
  });

  it('rounds to the decimals of 0 and 0.00, groups thousands, and shows percentages', async () => {
    expect(await textOf([2.5, 1.5, 1234567.5, 0.125, 0.125], ['0', '0.00', '#,##0', '0%', '0.0%'])).toEqual([
      '3',
      '1.50',
      '1,234,568',
      '13%',
      '12.5%',
    ]);
  });

  it('keeps text as typed in @ and in number formats, and shows booleans and error values as themselves', async () => {
    expect(
      await textOf(
        ['00123', '计划', 'n/a', true, false, '#N/A'],
        ['@', '@', 'yyyy-mm-dd', '0.00', 'General', '0.00'],
      ),
    ).toEqual(['00123', '计划', 'n/a', 'TRUE', 'FALSE', '#N/A']);
  });

  it('formats text through the text section of a four-section format', async () => {
    expect(await textOf(['甲', -2], ['0;-0;0;"类别："@', '0;(0);0;@'])).toEqual(['类别：甲', '(2)']);
  });

  // General shows at most 11 characters: 12 or more digits go to scientific notation, and so do
  // numbers below 1E-9. Excel's thresholds as reported in https://github.com/denoland/std/issues/6080
  // (1E+10 stays plain, 1E+11 does not; 1E-9 stays plain, 1E-10 does not); numfmt follows them.
  it("follows General's 11-character rule for large and small numbers", async () => {
    expect(
      await textOf(
        [10000000000, 100000000000, 123456789012, 0.000000001, 0.0000000001, 1 / 3, 0.1 + 0.2],
        ['General', 'General', 'General', 'General', 'General', 'General', 'General'],
      ),
    ).toEqual(['10000000000', '1E+11', '1.23457E+11', '0.000000001', '1E-10', '0.333333333', '0.3']);
  });
});
