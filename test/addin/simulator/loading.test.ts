import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('loading', () => {
  it('serves what load() fetched after the sync, in every load form', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B2', [
      ['x', 2],
      [true, '=A1'],
    ]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const a = sheet.getRange('A1:B2').load('values, address');
      const b = sheet.getRange('A1:B2').load(['formulas', 'rowCount']);
      const c = sheet.getRange('A1:B2').load({ select: 'columnCount', expand: 'format/font' });
      const d = sheet.getRange('A1').load({ numberFormat: true, format: { fill: { color: true } } });
      const e = sheet.getRange('A1:B1').load();
      await context.sync();
      expect(a.values).toEqual([
        ['x', 2],
        [true, ''],
      ]);
      expect(a.address).toBe('Sheet1!A1:B2');
      expect(b.formulas).toEqual([
        ['x', 2],
        [true, '=A1'],
      ]);
      expect(b.rowCount).toBe(2);
      expect(c.columnCount).toBe(2);
      expect(c.format.font.bold).toBe(false);
      expect(c.format.font.name).toBe('Calibri');
      expect(d.numberFormat).toEqual([['General']]);
      expect(d.format.fill.color).toBe('#FFFFFF');
      expect(e.values).toEqual([['x', 2]]);
      expect(e.cellCount).toBe(2);
    });
  });

  it('loads collection items with items/name and the short form', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.add('Two');
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Sheet1', 'Two']);
      expect(() => sheets.items[0]?.visibility).toThrow(/'visibility' is not available/);
      sheets.load('name, position');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([
        ['Sheet1', 0],
        ['Two', 1],
      ]);
    });
  });

  it('takes loaded values as snapshots at their place in the queue', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1', [['old']]);
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      const before = context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      range.values = [['new']];
      const after = context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      await context.sync();
      expect(before.values).toEqual([['old']]);
      expect(after.values).toEqual([['new']]);
      expect(range.values).toEqual([['new']]);
    });
  });

  it('returns ClientResults whose value throws ValueNotLoaded until synced', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(/The value of the result object has not been loaded yet/);
      context.workbook.worksheets.add();
      const after = context.workbook.worksheets.getCount();
      await context.sync();
      expect(count.value).toBe(1);
      expect(after.value).toBe(2);
    });
  });
});
