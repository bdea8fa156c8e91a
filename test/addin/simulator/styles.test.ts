import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('cell formats', () => {
  it('stores fills, fonts, alignment, wrap and borders per cell, reading null when mixed', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const header = sheet.getRange('A1:C1');
      header.format.fill.color = '#ddebf7';
      header.format.font.bold = true;
      header.format.horizontalAlignment = 'Center';
      header.format.wrapText = true;
      header.format.borders.getItem('EdgeBottom').style = 'Continuous';
      sheet.getRange('C1').format.fill.color = 'red';
      const mixed = sheet.getRange('A1:C1').format.fill.load('color');
      const same = sheet.getRange('A1:B1').format.fill.load('color');
      const bottom = sheet.getRange('A1:C1').format.borders.getItem('EdgeBottom').load('style, weight');
      const top = sheet.getRange('A1:C1').format.borders.getItem('EdgeTop').load('style');
      await context.sync();
      expect(mixed.color).toBeNull();
      expect(same.color).toBe('#DDEBF7');
      expect(bottom.style).toBe('Continuous');
      expect(bottom.weight).toBe('Thin');
      expect(top.style).toBe('None');
      sheet.getRange('A1').format.fill.clear();
      sheet.getRange('A2').format.fill.color = 'not a colour';
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(wb.fill('Sheet1', 'A1:D1')).toEqual([[null, '#DDEBF7', '#FF0000', null]]);
    expect(wb.cellFormat('Sheet1', 'A1:D1', 'font.bold')).toEqual([[true, true, true, false]]);
    expect(wb.cellFormat('Sheet1', 'B1', 'horizontalAlignment')).toEqual([['Center']]);
    expect(wb.cellFormat('Sheet1', 'A1:A2', 'border.bottom.style')).toEqual([['Continuous'], [null]]);
  });

  it('formats whole columns cheaply and writes into them as text', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('B:B').numberFormat = [['@']] as unknown as string[][];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      sheet.getRange('B:B').numberFormat = '@' as unknown as string[][];
      sheet.getRange('B900000').values = [['0012']];
      await context.sync();
    });
    expect(wb.getValues('Sheet1', 'B900000')).toEqual([['0012']]);
    expect(wb.getNumberFormats('Sheet1', 'B1048576')).toEqual([['@']]);
    expect(wb.usedRange('Sheet1')).toBe('B900000');
  });

  it('sets column widths and row heights, and autofits from content', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'C1:C2', [['short'], ['工会办公室地址']]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A:B').format.columnWidth = 120;
      sheet.getRange('C:C').format.autofitColumns();
      sheet.getRange('2:2').format.rowHeight = 30;
      const widths = sheet.getRange('A1:B1').format.load('columnWidth, rowHeight');
      const mixed = sheet.getRange('A1:D1').format.load('columnWidth');
      await context.sync();
      expect(widths.columnWidth).toBe(120);
      expect(widths.rowHeight).toBe(15);
      expect(mixed.columnWidth).toBeNull();
    });
    expect(wb.columnWidths('Sheet1')).toEqual({ A: 120, B: 120, C: 77.25 });
  });

  it('merges keeping the top-left value', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1:B1', [['title', 'lost']]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:D1').merge();
      await context.sync();
    });
    expect(wb.merges('Sheet1')).toEqual(['A1:D1']);
    expect(wb.getValues('Sheet1', 'A1:B1')).toEqual([['title', '']]);
  });
});
