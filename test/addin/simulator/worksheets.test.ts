import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('worksheets', () => {
  it('adds, renames, reorders, hides and deletes sheets', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add('设置');
      const auto = sheets.add().load('name');
      const first = sheets.getItem('设置');
      first.position = 0;
      first.tabColor = 'green';
      sheets.getItem('Sheet1').visibility = 'Hidden';
      await context.sync();
      expect(auto.name).toBe('Sheet3');
      expect(wb.sheetNames()).toEqual(['设置', 'Sheet1', 'Sheet3']);
      const listed = sheets.load('items/name, items/visibility, items/tabColor');
      const visible = sheets.getCount(true);
      await context.sync();
      expect(listed.items.map((s) => [s.name, s.visibility, s.tabColor])).toEqual([
        ['设置', 'Visible', '#008000'],
        ['Sheet1', 'Hidden', ''],
        ['Sheet3', 'Visible', ''],
      ]);
      expect(visible.value).toBe(2);
      sheets.getItem('Sheet3').delete();
      await context.sync();
      sheets.getItem('设置').delete();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(wb.sheetNames()).toEqual(['设置', 'Sheet1']);
  });

  it("enforces Excel's sheet name rules and uniqueness", async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      for (const bad of ['a/b', 'x'.repeat(32), "'quoted'", 'History', '']) {
        context.workbook.worksheets.add(bad);
        await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      }
      context.workbook.worksheets.add('SHEET1');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      context.workbook.worksheets.getItem('Sheet1').position = 5;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(wb.sheetNames()).toEqual(['Sheet1']);
  });

  it('reports the used range, A1 for an empty sheet and a null object when asked', async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'B2:D5', [
      ['a', '', ''],
      ['', '', ''],
      ['', '', ''],
      ['', '', 'z'],
    ]);
    await wb.run(async (context) => {
      const empty = context.workbook.worksheets.add('Empty');
      const used = context.workbook.worksheets.getItem('Sheet1').getUsedRange(true).load('address');
      const emptyUsed = empty.getUsedRange().load('address');
      const none = empty.getUsedRangeOrNullObject();
      await context.sync();
      expect(used.address).toBe('Sheet1!B2:D5');
      expect(emptyUsed.address).toBe('Empty!A1');
      expect(none.isNullObject).toBe(true);
    });
    expect(wb.usedRange('Sheet1')).toBe('B2:D5');
    expect(wb.usedRange('Empty')).toBeUndefined();
  });
});
