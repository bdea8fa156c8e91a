import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('range methods', () => {
  it('navigates ranges the way Range methods do', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const base = sheet.getRange('B2:D4');
      const results = [
        base.getCell(1, 1),
        base.getRow(0),
        base.getColumn(2),
        base.getResizedRange(1, -1),
        base.getOffsetRange(2, 1),
        base.getLastRow(),
        base.getEntireColumn(),
        base.getEntireRow(),
        base.getBoundingRect('F8'),
        base.getIntersectionOrNullObject('C3:Z9'),
        sheet.getRangeByIndexes(9, 0, 2, 3),
        sheet.getRange('$A$1:$B$2'),
      ].map((r) => r.load('address'));
      const outside = base.getIntersectionOrNullObject('X1');
      await context.sync();
      expect(results.map((r) => r.address)).toEqual([
        'Sheet1!C3',
        'Sheet1!B2:D2',
        'Sheet1!D2:D4',
        'Sheet1!B2:C5',
        'Sheet1!C4:E6',
        'Sheet1!B4:D4',
        'Sheet1!B:D',
        'Sheet1!2:4',
        'Sheet1!B2:F8',
        'Sheet1!C3:D4',
        'Sheet1!A10:C11',
        'Sheet1!A1:B2',
      ]);
      expect(outside.isNullObject).toBe(true);
      base.getRow(3);
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      sheet.getRange('A0');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      sheet.getRange('Other!A1');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('inserts and deletes cells, moving data, formats and tables with them', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B4', [
      ['h1', 'h2'],
      [1, 2],
      [3, 4],
      ['x', 'y'],
    ]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A4').format.fill.color = 'yellow';
      sheet.tables.add('A1:B3', true);
      sheet.getRange('1:1').insert('Down');
      await context.sync();
      expect(wb.table('Table1')?.address).toBe('A2:B4');
      expect(wb.fill('Sheet1', 'A5')).toEqual([['#FFFF00']]);
      sheet.getRange('A3:A3').delete('Up');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      sheet.getRange('3:3').delete('Up');
      await context.sync();
    });
    expect(wb.getValues('Sheet1', 'A1:B4')).toEqual([
      ['', ''],
      ['h1', 'h2'],
      [3, 4],
      ['x', 'y'],
    ]);
    expect(wb.table('Table1')?.address).toBe('A2:B3');
  });

  it('clears contents, formats or both', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:C1', [['a', 'b', 'c']]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:C1').format.font.bold = true;
      sheet.getRange('A1').clear('Contents');
      sheet.getRange('B1').clear('Formats');
      sheet.getRange('C1').clear();
      await context.sync();
    });
    expect(wb.getValues('Sheet1', 'A1:C1')).toEqual([['', 'b', '']]);
    expect(wb.cellFormat('Sheet1', 'A1:C1', 'font.bold')).toEqual([[true, false, false]]);
  });
});
