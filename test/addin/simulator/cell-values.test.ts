import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

type Wb = ReturnType<typeof createSimulatedWorkbook>;

async function write(wb: Wb, address: string, values: unknown, numberFormat?: unknown): Promise<void> {
  await wb.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Sheet1').getRange(address);
    if (numberFormat !== undefined) range.numberFormat = numberFormat as string[][];
    range.values = values as unknown[][];
    await context.sync();
  });
}

describe('writing values the way Excel interprets them', () => {
  it('turns =… strings into formulas in General cells, and reads back their cached value', async () => {
    const wb = createSimulatedWorkbook();
    await write(wb, 'A1:B1', [[2, '=A1*2']]);
    expect(wb.getFormulas('Sheet1', 'A1:B1')).toEqual([[2, '=A1*2']]);
    expect(wb.getValues('Sheet1', 'B1')).toEqual([['']]);
  });

  it("keeps =… as text in '@' cells and after a leading apostrophe", async () => {
    const wb = createSimulatedWorkbook();
    await write(wb, 'A1', [['=SUM(1,2)']], [['@']]);
    await write(wb, 'B1', [["'=SUM(1,2)"]]);
    await write(wb, 'C1', [["'0012"]]);
    expect(wb.getFormulas('Sheet1', 'A1:C1')).toEqual([['=SUM(1,2)', '=SUM(1,2)', '0012']]);
    expect(wb.getValues('Sheet1', 'A1:C1')).toEqual([['=SUM(1,2)', '=SUM(1,2)', '0012']]);
    expect(wb.getNumberFormats('Sheet1', 'A1:C1')).toEqual([['@', 'General', 'General']]);
  });

  it('converts numeric strings in General cells, losing leading zeros and digits past 15', async () => {
    const wb = createSimulatedWorkbook();
    await write(wb, 'A1:E1', [['123', '0012', '-4.5', '110101199003071234', '1e3']]);
    expect(wb.getValues('Sheet1', 'A1:E1')).toEqual([[123, 12, -4.5, 110101199003071000, 1000]]);
  });

  it("leaves numeric strings alone in '@' cells", async () => {
    const wb = createSimulatedWorkbook();
    await write(wb, 'A1:C1', [['0012', '110101199003071234', '2025-03-05']], '@');
    expect(wb.getValues('Sheet1', 'A1:C1')).toEqual([['0012', '110101199003071234', '2025-03-05']]);
  });

  it('converts ISO dates to serials and gives General cells a date format', async () => {
    const wb = createSimulatedWorkbook();
    await write(wb, 'A1:D1', [['2025-03-05', '1900-01-01', '2025-03-05 12:00', '2025-02-30']]);
    expect(wb.getValues('Sheet1', 'A1:D1')).toEqual([[45721, 1, 45721.5, '2025-02-30']]);
    expect(wb.getNumberFormats('Sheet1', 'A1:D1')).toEqual([
      ['yyyy-mm-dd', 'yyyy-mm-dd', 'yyyy-mm-dd h:mm', 'General'],
    ]);
    await write(wb, 'E1', [['2025-03-05']], [['0.00']]);
    expect(wb.getValues('Sheet1', 'E1')).toEqual([[45721]]);
    expect(wb.getNumberFormats('Sheet1', 'E1')).toEqual([['0.00']]);
  });

  it('converts booleans, percentages and grouped numbers, and takes +/- text as formulas', async () => {
    const wb = createSimulatedWorkbook();
    // '+86 138 0000' would become '=+86 138 0000', which does not parse and is refused (formula-refs.test.ts).
    await write(wb, 'A1:E1', [['true', 'FALSE', '50%', '1,234', '+86-138-0000']]);
    expect(wb.getValues('Sheet1', 'A1:D1')).toEqual([[true, false, 0.5, 1234]]);
    expect(wb.getFormulas('Sheet1', 'E1')).toEqual([['=+86-138-0000']]);
    expect(wb.getNumberFormats('Sheet1', 'C1:D1')).toEqual([['0%', '#,##0']]);
  });

  it('leaves cells alone for null, clears them for empty strings', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:C1', [['a', 'b', 'c']]);
    await write(wb, 'A1:C1', [[null, '', 'z']]);
    expect(wb.getValues('Sheet1', 'A1:C1')).toEqual([['a', '', 'z']]);
    expect(wb.usedRange('Sheet1', true)).toBe('A1:C1');
  });

  it('fills a multi-cell range from a single value, and rejects mismatched matrices', async () => {
    const wb = createSimulatedWorkbook();
    await write(wb, 'A1:B2', 'x');
    expect(wb.getValues('Sheet1', 'A1:B2')).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    await expect(write(wb, 'A1:B2', [['only one row', 'x']])).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(write(wb, 'A1:B2', [['x'], ['y']])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write(wb, 'A1', [[{ an: 'object' }]])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write(wb, 'A1', [[Number.NaN]])).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(wb.getValues('Sheet1', 'A1:B2')).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  it('reads formulas, text and value types, and writes number formats cell by cell', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:D1');
      range.numberFormat = [['@', null, '0.00', 'yyyy-mm-dd']];
      range.formulas = [['=1+1', true, 1.5, 45721]];
      range.load('values, formulas, text, valueTypes, numberFormat');
      await context.sync();
      expect(range.formulas).toEqual([['=1+1', true, 1.5, 45721]]);
      // text applies the number format: 0.00 shows two decimals (see text.test.ts).
      expect(range.text).toEqual([['=1+1', 'TRUE', '1.50', '2025-03-05']]);
      expect(range.valueTypes).toEqual([['String', 'Boolean', 'Double', 'Double']]);
      expect(range.numberFormat).toEqual([['@', 'General', '0.00', 'yyyy-mm-dd']]);
    });
  });

  it('reads a whole column as its used rows', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B3', [
      ['h', 'i'],
      [1, 2],
      [3, 4],
    ]);
    await wb.run(async (context) => {
      const column = context.workbook.worksheets.getItem('Sheet1').getRange('B:B').load('values, address');
      const below = context.workbook.worksheets.getItem('Sheet1').getRange('A2:A1048576').load('values');
      await context.sync();
      expect(column.address).toBe('Sheet1!B:B');
      expect(column.values).toEqual([['i'], [2], [4]]);
      expect(below.values).toEqual([[1], [3]]);
    });
  });

  it('lets the inspection helper type like a user, creating the sheet', () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Data', 'B2:C2', [['0012', '=B2']]);
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Data']);
    expect(wb.getFormulas('Data', 'B2:C2')).toEqual([[12, '=B2']]);
  });
});
