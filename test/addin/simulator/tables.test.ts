import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('tables', () => {
  it('creates a table whose first row holds the headers, with a data body below', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'B2:D4', [
      ['编号', 'Name', 2024],
      ['1', 'a', 'x'],
      ['2', 'b', 'y'],
    ]);
    await wb.run(async (context) => {
      const table = context.workbook.worksheets.getItem('Sheet1').tables.add('B2:D4', true);
      const header = table.getHeaderRowRange().load('values, address');
      const body = table.getDataBodyRange().load('address, rowCount');
      table.load('name, style, showTotals');
      await context.sync();
      expect(table.name).toBe('Table1');
      expect(table.style).toBe('TableStyleMedium2');
      expect(header.values).toEqual([['编号', 'Name', '2024']]);
      expect(header.address).toBe('Sheet1!B2:D2');
      expect(body.address).toBe('Sheet1!B3:D4');
      expect(body.rowCount).toBe(2);
    });
    expect(wb.tableNames()).toEqual(['Table1']);
    expect(wb.table('table1')).toEqual({
      sheet: 'Sheet1',
      address: 'B2:D4',
      name: 'Table1',
      headers: ['编号', 'Name', '2024'],
    });
  });

  it('names blank and duplicate headers as Excel does', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:D1', [['Name', '', 'Name', '']]);
    await wb.run(async (context) => {
      context.workbook.tables.add('Sheet1!A1:D2', true);
      await context.sync();
    });
    expect(wb.table('Table1')?.headers).toEqual(['Name', 'Column2', 'Name2', 'Column4']);
  });

  it('inserts a Column1… header row above data when hasHeaders is false, pushing cells below down', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B3', [
      ['a', 'b'],
      ['c', 'd'],
      ['below', 'too'],
    ]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().tables.add('A1:B2', false);
      await context.sync();
    });
    expect(wb.table('Table1')).toMatchObject({ address: 'A1:B3', headers: ['Column1', 'Column2'] });
    expect(wb.getValues('Sheet1', 'A1:B4')).toEqual([
      ['Column1', 'Column2'],
      ['a', 'b'],
      ['c', 'd'],
      ['below', 'too'],
    ]);
  });

  it('validates names and refuses overlapping tables', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B1', [['a', 'b']]);
    await wb.run(async (context) => {
      const table = context.workbook.tables.add('A1:B2', true);
      table.name = 'Appeals_2025';
      await context.sync();
      for (const bad of ['has space', '1st', 'A1', 'R1C1', '']) {
        table.name = bad;
        await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      }
      context.workbook.tables.add('B2:C3', true);
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      const other = context.workbook.tables.add('E1:F2', true);
      other.name = 'APPEALS_2025';
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      const count = context.workbook.tables.getCount();
      await context.sync();
      expect(count.value).toBe(2);
    });
    expect(wb.tableNames()).toEqual(['Appeals_2025', 'Table2']);
  });

  it('looks tables up by name, scoped to a sheet or not', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const other = context.workbook.worksheets.add('Other');
      other.tables.add('A1:B2', true).name = 'Remote';
      await context.sync();
      const here = context.workbook.worksheets.getItem('Sheet1').tables.getItemOrNullObject('Remote');
      const anywhere = context.workbook.tables.getItem('remote').load('name');
      const all = context.workbook.tables.load('items/name');
      await context.sync();
      expect(here.isNullObject).toBe(true);
      expect(anywhere.name).toBe('Remote');
      expect(all.items.map((t) => t.name)).toEqual(['Remote']);
      context.workbook.tables.getItem('Nope');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('resizes, converts to a range and deletes tables', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B3', [
      ['a', 'b'],
      [1, 2],
      [3, 4],
    ]);
    wb.setValues('Sheet1', 'E1:E2', [['e'], [5]]);
    await wb.run(async (context) => {
      const t1 = context.workbook.tables.add('A1:B2', true);
      t1.resize('A1:C3');
      const t2 = context.workbook.tables.add('E1:E2', true);
      await context.sync();
      expect(wb.table('Table1')).toMatchObject({ address: 'A1:C3', headers: ['a', 'b', 'Column3'] });
      t1.resize('B2:C3');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      const plain = t1.convertToRange().load('address');
      t2.delete();
      await context.sync();
      expect(plain.address).toBe('Sheet1!A1:C3');
    });
    expect(wb.tableNames()).toEqual([]);
    expect(wb.getValues('Sheet1', 'A3:B3')).toEqual([[3, 4]]);
    expect(wb.getValues('Sheet1', 'E1:E2')).toEqual([[''], ['']]);
  });
});
