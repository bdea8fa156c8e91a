import { describe, expect, it } from 'vitest';
import { SheetHidden, selectAddress } from '../../../addin/excel/selection';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { runOf } from './helpers';

// Range.select works only on the active sheet: elsewhere Excel often does nothing
// (https://github.com/OfficeDev/office-js/issues/5118), and the simulator refuses it.
// https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-select-member
describe('selecting a problem cell', () => {
  async function twoSheets() {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.add("职工's 诉求");
      await context.sync();
    });
    expect(wb.activeSheet()).toBe('Sheet1');
    return wb;
  }

  it('activates the cell’s sheet first, then selects the cell', async () => {
    const wb = await twoSheets();
    await selectAddress(runOf(wb), "'职工''s 诉求'!D5");
    expect(wb.activeSheet()).toBe("职工's 诉求");
    expect(wb.selection()).toEqual({ sheet: "职工's 诉求", address: 'D5' });
  });

  it('shows a whole sheet named alone at its top', async () => {
    const wb = await twoSheets();
    await selectAddress(runOf(wb), "职工's 诉求");
    expect(wb.selection()).toEqual({ sheet: "职工's 诉求", address: 'A1' });
  });

  it('selects an unqualified address on the active sheet', async () => {
    const wb = await twoSheets();
    await selectAddress(runOf(wb), 'B2:C3');
    expect(wb.selection()).toEqual({ sheet: 'Sheet1', address: 'B2:C3' });
  });
});

// Worksheet.activate fails on a hidden sheet ("the worksheet must be visible"), and clerks often hide 值列表.
// https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1)
// https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member
describe('selecting a problem on a hidden sheet', () => {
  it('asks the clerk to unhide the sheet, in both languages, and leaves it hidden', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.add('值列表').visibility = 'Hidden';
      await context.sync();
    });
    for (const address of ["'值列表'!B3", '值列表']) {
      const error = await selectAddress(runOf(wb), address).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SheetHidden);
      expect(String((error as Error).message)).toBe(
        '工作表“值列表”已隐藏，请先取消隐藏 / the sheet 值列表 is hidden; unhide it first',
      );
    }
    const visibility = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('值列表').load('visibility');
      await context.sync();
      return ws.visibility;
    });
    expect(visibility).toBe('Hidden');
    expect(wb.activeSheet()).toBe('Sheet1');
  });
});
