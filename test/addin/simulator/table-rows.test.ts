import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('table rows and columns', () => {
  it('keeps one empty body row for a header-only table, which the first added row fills', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:C1', [['Id', 'Name', 'Date']]);
    await wb.run(async (context) => {
      const table = context.workbook.worksheets.getItem('Sheet1').tables.add('A1:C1', true);
      const empty = table.getDataBodyRange().load('address');
      const rows = table.rows.getCount();
      await context.sync();
      expect(empty.address).toBe('Sheet1!A2:C2');
      expect(rows.value).toBe(1);
      table.rows.add(undefined, [
        ['1', 'a', 'x'],
        ['2', 'b', 'y'],
      ]);
      table.rows.add(undefined, [['3', 'c', 'z']]);
      const body = table.getDataBodyRange().load('address, values');
      const range = table.getRange().load('address');
      await context.sync();
      expect(body.address).toBe('Sheet1!A2:C4');
      expect(range.address).toBe('Sheet1!A1:C4');
      expect(body.values).toEqual([
        [1, 'a', 'x'],
        [2, 'b', 'y'],
        [3, 'c', 'z'],
      ]);
    });
  });

  it('inserts rows at an index, shifting cells below the table within its columns only', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:C4', [
      ['K', 'V', 'side'],
      ['a', 1, 's1'],
      ['c', 3, 's2'],
      ['under', '', ''],
    ]);
    await wb.run(async (context) => {
      const table = context.workbook.tables.add('A1:B3', true);
      table.rows.add(1, [['b', 2]]);
      await context.sync();
    });
    expect(wb.table('Table1')?.address).toBe('A1:B4');
    expect(wb.getValues('Sheet1', 'A1:C5')).toEqual([
      ['K', 'V', 'side'],
      ['a', 1, 's1'],
      ['b', 2, 's2'],
      ['c', 3, ''],
      ['under', '', ''],
    ]);
  });

  it("gives added rows the formats of the row above, so a text column keeps '0012'", async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B1', [['Code', 'Qty']]);
    await wb.run(async (context) => {
      const table = context.workbook.tables.add('A1:B2', true);
      table.columns.getItem('Code').getDataBodyRange().numberFormat = [['@']];
      table.rows.add(undefined, [['0012', '7']]);
      table.rows.add(undefined, [['0013', '8']]);
      await context.sync();
    });
    expect(wb.getValues('Sheet1', 'A2:B3')).toEqual([
      ['0012', 7],
      ['0013', 8],
    ]);
    expect(wb.getNumberFormats('Sheet1', 'A3:B3')).toEqual([['@', 'General']]);
  });

  it('rejects rows of the wrong width as InvalidArgument', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B1', [['a', 'b']]);
    await wb.run(async (context) => {
      const table = context.workbook.tables.add('A1:B2', true);
      await context.sync();
      table.rows.add(undefined, [['only one']]);
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('adds, finds, renames and deletes columns', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B2', [
      ['A', 'B'],
      [1, 2],
    ]);
    await wb.run(async (context) => {
      const table = context.workbook.tables.add('A1:B2', true);
      table.columns.add(undefined, [['C'], [3]]);
      table.columns.add(0, undefined, 'First');
      const b = table.columns.getItem('B');
      b.name = 'Bee';
      const cols = table.columns.load('items/name, items/index');
      const missing = table.columns.getItemOrNullObject('Nope');
      await context.sync();
      expect(cols.items.map((c) => [c.name, c.index])).toEqual([
        ['First', 0],
        ['A', 1],
        ['Bee', 2],
        ['C', 3],
      ]);
      expect(missing.isNullObject).toBe(true);
      table.columns.getItem('A').delete();
      await context.sync();
    });
    expect(wb.table('Table1')).toMatchObject({ address: 'A1:C2', headers: ['First', 'Bee', 'C'] });
    expect(wb.getValues('Sheet1', 'A2:C2')).toEqual([['', 2, 3]]);
  });

  it('adds and removes a total row', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B3', [
      ['k', 'v'],
      ['a', 1],
      ['b', 2],
    ]);
    await wb.run(async (context) => {
      const table = context.workbook.tables.add('A1:B3', true);
      table.showTotals = true;
      table.rows.add(undefined, [['c', 3]]);
      const total = table.getTotalRowRange().load('address, values');
      await context.sync();
      expect(total.address).toBe('Sheet1!A5:B5');
      expect(total.values).toEqual([['Total', '']]);
      table.showTotals = false;
      await context.sync();
    });
    expect(wb.table('Table1')?.address).toBe('A1:B4');
  });

  it('lists rows and writes a row by index', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B3', [
      ['k', 'v'],
      ['a', 1],
      ['b', 2],
    ]);
    await wb.run(async (context) => {
      const table = context.workbook.tables.add('A1:B3', true);
      const rows = table.rows.load('items/values, count');
      await context.sync();
      expect(rows.count).toBe(2);
      expect(rows.items.map((r) => r.values)).toEqual([[['a', 1]], [['b', 2]]]);
      table.rows.getItemAt(1).values = [['B', 20]];
      table.rows.getItemAt(0).delete();
      await context.sync();
    });
    expect(wb.table('Table1')?.address).toBe('A1:B2');
    expect(wb.getValues('Sheet1', 'A2:B3')).toEqual([
      ['B', 20],
      ['', ''],
    ]);
  });
});
