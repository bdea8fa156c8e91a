import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

const ROWS = 50_000;
const COLUMNS = 30;
const BLOCK = 5_000;

function cell(r: number, c: number): string | number {
  return c === 0 ? r : `r${r}c${c}`;
}

describe('bulk writes', () => {
  it('writes 50,000 × 30 cells in blocks of 5,000 rows and reads them back', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      for (let start = 0; start < ROWS; start += BLOCK) {
        const values = Array.from({ length: BLOCK }, (_, i) =>
          Array.from({ length: COLUMNS }, (_, c) => cell(start + i, c)),
        );
        sheet.getRangeByIndexes(start, 0, BLOCK, COLUMNS).values = values;
        await context.sync();
      }
      const tail = sheet.getRange('A49999:AD50000').load('values');
      const used = sheet.getUsedRange(true).load('address, rowCount, columnCount');
      await context.sync();
      expect(tail.values[1]?.[0]).toBe(49_999);
      expect(tail.values[1]?.[29]).toBe('r49999c29');
      expect(used.address).toBe('Sheet1!A1:AD50000');
      expect([used.rowCount, used.columnCount]).toEqual([ROWS, COLUMNS]);
    });
    expect(wb.stats.syncs).toBe(ROWS / BLOCK + 1);
    expect(wb.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    const samples: [string, number, number][] = [
      ['A1', 0, 0],
      ['R12346', 12_345, 17],
      ['AD25001', 25_000, 29],
      ['B50000', 49_999, 1],
    ];
    for (const [address, r, c] of samples) expect(wb.getValues('Sheet1', address)).toEqual([[cell(r, c)]]);
  });
});
