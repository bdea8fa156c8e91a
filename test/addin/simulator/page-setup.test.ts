import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('page setup: headers, footers, fit to pages, paper', () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup and
  // https://learn.microsoft.com/javascript/api/excel/excel.headerfooter (ExcelApi 1.9); &P and &N are
  // Excel's page-number and page-count codes
  // (https://learn.microsoft.com/office/vba/excel/concepts/workbooks-and-worksheets/formatting-and-vba-codes-for-headers-and-footers).
  it('stores footers with their page codes in the page layout, and reads them back', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const hf = context.workbook.worksheets.getItem('Sheet1').pageLayout.headersFooters;
      hf.state = 'Default';
      hf.defaultForAllPages.centerFooter = '第 &P 页 共 &N 页';
      const all = hf.defaultForAllPages.load('centerFooter,leftFooter');
      hf.load('state,useSheetMargins');
      await context.sync();
      expect(all.centerFooter).toBe('第 &P 页 共 &N 页');
      expect(all.leftFooter).toBe('');
      expect(hf.useSheetMargins).toBe(true);
    });
    expect(wb.pageLayout('Sheet1')).toEqual({
      headersFooters: { state: 'Default', defaultForAllPages: { centerFooter: '第 &P 页 共 &N 页' } },
    });
    // The snapshot keeps it, as every other page setting.
    const copy = createSimulatedWorkbook();
    copy.fromJSON(wb.toJSON());
    expect(copy.pageLayout('Sheet1')).toEqual(wb.pageLayout('Sheet1'));
  });

  it('refuses a footer longer than the 255 characters a file can hold, and a state Excel does not have', async () => {
    // MS-XLSB 2.5.73 HeaderFooterString: at most 255 characters, sections joined by &L, &C, &R.
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const all = context.workbook.worksheets.getItem('Sheet1').pageLayout.headersFooters.defaultForAllPages;
      all.leftFooter = 'x'.repeat(200);
      all.rightFooter = 'y'.repeat(60);
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    await wb.run(async (context) => {
      const hf = context.workbook.worksheets.getItem('Sheet1').pageLayout.headersFooters;
      hf.state = 'Everywhere' as Excel.HeaderFooterState;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(wb.pageLayout('Sheet1')).toEqual({
      headersFooters: { defaultForAllPages: { leftFooter: 'x'.repeat(200) } },
    });
  });

  it('is out of reach below ExcelApi 1.9, as the rest of the page layout', async () => {
    const wb = createSimulatedWorkbook({ excelApi: 8 });
    await wb.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem('Sheet1').pageLayout.headersFooters).toThrow(
        expect.objectContaining({ code: 'ApiNotFound' }),
      );
      await context.sync();
    });
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions: a scale of 10–400,
  // or pages to fit across and down, each "null if" the other is used.
  it('fits to one page wide with any number of pages down, and refuses what the reference leaves open', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const layout = context.workbook.worksheets.getItem('Sheet1').pageLayout;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: null as unknown as number };
      layout.paperSize = 'A4';
      await context.sync();
    });
    expect(wb.pageLayout('Sheet1')).toEqual({ zoom: { horizontalFitToPages: 1 }, paperSize: 'A4' });
    for (const zoom of [
      { horizontalFitToPages: 1, verticalFitToPages: 0 },
      { horizontalFitToPages: 1.5 },
      { scale: 80, horizontalFitToPages: 1 },
      {},
      { fitToWidth: 1 },
    ]) {
      await wb.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = zoom;
        await expect(context.sync(), JSON.stringify(zoom)).rejects.toMatchObject({ code: 'InvalidArgument' });
      });
    }
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').pageLayout.paperSize = 'A4Plus' as Excel.PaperType;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(wb.pageLayout('Sheet1')).toEqual({ zoom: { horizontalFitToPages: 1 }, paperSize: 'A4' });
  });
});
