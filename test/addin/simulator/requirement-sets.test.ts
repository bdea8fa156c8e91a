// office.js refuses a member of a requirement set the host lacks the moment it is touched:
// `Worksheet.pageLayout` calls _throwIfApiNotSupported("Worksheet.pageLayout", "ExcelApi", "1.9"),
// which throws ApiNotFound (404) with the ApiNotFoundDetails message
// (https://github.com/OfficeDev/office-js/blob/release/dist/excel-web-16.00.debug.js; the same in the
// win32 and mac builds). Office 2019 has ExcelApi 1.8:
// https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook, SimulatedExcelError } from '../../../addin/simulator';

describe('requirement sets', () => {
  it('answers isSetSupported for ExcelApi up to the imitated version, as strings like Office takes them', () => {
    const office2019 = createSimulatedWorkbook({ excelApi: 8 });
    expect(office2019.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(office2019.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(office2019.isSetSupported('ExcelApi')).toBe(true);
    expect(office2019.isSetSupported('SharedRuntime', '1.1')).toBe(false);
    const current = createSimulatedWorkbook();
    expect(current.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(current.isSetSupported('ExcelApi', '1.20')).toBe(true);
    expect(current.isSetSupported('ExcelApi', '1.21')).toBe(false);
  });

  it('below ExcelApi 1.9 refuses Worksheet.pageLayout when touched, before any request', async () => {
    const wb = createSimulatedWorkbook({ excelApi: 8 });
    let thrown: unknown;
    await wb
      .run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        sheet.showGridlines = false; // 1.8: allowed
        try {
          sheet.pageLayout.orientation = 'Landscape';
        } catch (e) {
          thrown = e;
        }
        await context.sync();
      })
      .catch((e: unknown) => (thrown = thrown ?? e));
    expect(thrown).toBeInstanceOf(SimulatedExcelError);
    const error = thrown as SimulatedExcelError;
    expect(error.code).toBe('ApiNotFound');
    expect(error.httpStatusCode).toBe(404);
    expect(error.message).toBe(
      'The method or property Worksheet.pageLayout is part of the ExcelApi 1.9 requirement set, which is not available in your version of Excel.',
    );
    expect(error.debugInfo.errorLocation).toBe('Worksheet.pageLayout');
    expect(wb.pageLayout('Sheet1').orientation).not.toBe('Landscape');
  });

  it('lets a current Excel set the page up', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').pageLayout.orientation = 'Landscape';
      await context.sync();
    });
    expect(wb.pageLayout('Sheet1').orientation).toBe('Landscape');
  });
});
