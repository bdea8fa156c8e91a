import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

// The reference does not say what Range.select does on a sheet that is not active; in Excel it
// often does nothing (https://github.com/OfficeDev/office-js/issues/5118) or fails
// (https://github.com/OfficeDev/office-js-docs/issues/605), so the simulator refuses it.
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-select-member
describe('Range.select only on the active sheet', () => {
  it('refuses to select a range on a sheet that is not active, leaving the selection alone', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.add('Other');
      await context.sync();
    });
    const attempt = wb.run(async (context) => {
      context.workbook.worksheets.getItem('Other').getRange('B2').select();
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'InvalidOperation',
      debugInfo: { errorLocation: 'Range.select' },
    });
    expect(wb.selection()).toEqual({ sheet: 'Sheet1', address: 'A1' });
    expect(wb.activeSheet()).toBe('Sheet1');
  });

  it('selects there once the sheet is activated', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const other = context.workbook.worksheets.add('Other');
      other.activate();
      other.getRange('B2:C3').select();
      await context.sync();
    });
    expect(wb.selection()).toEqual({ sheet: 'Other', address: 'B2:C3' });
    expect(wb.activeSheet()).toBe('Other');
  });
});
