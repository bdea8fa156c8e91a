import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('sheet view and print settings', () => {
  it('freezes and unfreezes panes', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const panes = context.workbook.worksheets.getItem('Sheet1').freezePanes;
      panes.freezeRows(2);
      const location = panes.getLocationOrNullObject().load('address');
      await context.sync();
      expect(location.address).toBe('Sheet1!1:2');
      expect(wb.frozenRows('Sheet1')).toBe(2);
      panes.freezeAt('B3');
      await context.sync();
      expect([wb.frozenRows('Sheet1'), wb.frozenColumns('Sheet1')]).toEqual([3, 2]);
      panes.unfreeze();
      const none = panes.getLocationOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
    expect(wb.frozenRows('Sheet1')).toBe(0);
  });

  it('records the selection and serves it back', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const other = context.workbook.worksheets.add('Other');
      const initial = context.workbook.getSelectedRange().load('address');
      other.activate();
      other.getRange('C3:D4').select();
      const selected = context.workbook.getSelectedRange().load('address');
      const active = context.workbook.getActiveCell().load('address');
      const activeSheet = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      expect(initial.address).toBe('Sheet1!A1');
      expect(selected.address).toBe('Other!C3:D4');
      expect(active.address).toBe('Other!C3');
      expect(activeSheet.name).toBe('Other');
    });
    expect(wb.selection()).toEqual({ sheet: 'Other', address: 'C3:D4' });
  });

  it('stores page layout settings and print areas', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const layout = context.workbook.worksheets.getItem('Sheet1').pageLayout;
      layout.orientation = 'Landscape';
      layout.leftMargin = 36;
      layout.centerHorizontally = true;
      layout.zoom = { scale: 80 };
      layout.setPrintArea('A1:H40');
      layout.setPrintTitleRows('$1:$2');
      const area = layout.getPrintAreaOrNullObject().load('address');
      layout.load('orientation, topMargin');
      await context.sync();
      expect(area.address).toBe('Sheet1!A1:H40');
      expect(layout.topMargin).toBe(54);
      layout.orientation = 'Sideways' as Excel.PageOrientation;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(wb.pageLayout('Sheet1')).toEqual({
      orientation: 'Landscape',
      leftMargin: 36,
      centerHorizontally: true,
      zoom: { scale: 80 },
      printArea: 'A1:H40',
      printTitleRows: '1:2',
    });
  });
});
