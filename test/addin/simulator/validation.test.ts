import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('data validation', () => {
  it('stores list, date and custom data validation with prompts and alerts', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const list = sheet.getRange('B2:B5000').dataValidation;
      list.rule = { list: { inCellDropDown: true, source: '谈话,电话,转达,网络' } };
      list.prompt = { showPrompt: true, title: '受理方式', message: '请选择' };
      list.errorAlert = { showAlert: true, style: 'Stop', title: '无效', message: '只能选列表中的值' };
      sheet.getRange('C2:C10').dataValidation.rule = {
        date: { formula1: '2020-01-01', operator: 'GreaterThan' },
      };
      sheet.getRange('D2').dataValidation.rule = {
        list: { inCellDropDown: false, source: sheet.getRange('H1:H4') },
      };
      const read = sheet.getRange('B3').dataValidation.load('type, rule, prompt');
      await context.sync();
      expect(read.type).toBe('List');
      expect(read.rule).toEqual({ list: { inCellDropDown: true, source: '谈话,电话,转达,网络' } });
      expect(read.prompt).toEqual({ showPrompt: true, title: '受理方式', message: '请选择' });
    });
    expect(wb.dataValidation('Sheet1', 'B2:B5000')).toEqual({
      rule: { list: { inCellDropDown: true, source: '谈话,电话,转达,网络' } },
      prompt: { showPrompt: true, title: '受理方式', message: '请选择' },
      errorAlert: { showAlert: true, style: 'Stop', title: '无效', message: '只能选列表中的值' },
      ignoreBlanks: true,
    });
    expect(wb.dataValidation('Sheet1', 'C5')?.rule).toEqual({
      date: { formula1: '2020-01-01', operator: 'GreaterThan' },
    });
    expect(wb.dataValidation('Sheet1', 'D2')?.rule).toEqual({
      list: { inCellDropDown: false, source: '=$H$1:$H$4' },
    });
    expect(wb.dataValidation('Sheet1', 'A1')).toBeUndefined();
    expect(() => wb.dataValidation('Sheet1', 'B1:B2')).toThrow(/mixed/);
  });

  it('refuses list sources over 255 characters and malformed rules, and clears validation', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').dataValidation;
      dv.rule = {
        list: { inCellDropDown: true, source: Array.from({ length: 60 }, (_, i) => `item${i}`).join(',') },
      };
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      dv.rule = {} as Excel.DataValidationRule;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      dv.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } };
      await context.sync();
      expect(wb.dataValidation('Sheet1', 'A1:A3')?.rule).toEqual({
        wholeNumber: { formula1: 0, operator: 'GreaterThan' },
      });
      dv.clear();
      await context.sync();
    });
    expect(wb.dataValidation('Sheet1', 'A1:A3')).toBeUndefined();
  });
});
