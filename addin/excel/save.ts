import { supportsExcelApi, type IsSetSupported } from './capabilities';
import type { ExcelRun } from './context';

/**
 * Saves the workbook where this Excel can be told to (`Workbook.save`, ExcelApi 1.9;
 * https://learn.microsoft.com/javascript/api/excel/excel.savebehavior): 'Save' never asks, and a
 * never-saved file goes to the default place. Answers false where it cannot (Office 2019): then
 * nothing that depends on the file being saved may happen yet.
 */
export async function saveWorkbook(run: ExcelRun, isSetSupported: IsSetSupported): Promise<boolean> {
  if (!supportsExcelApi(isSetSupported, 9)) return false;
  await run(async (context) => {
    context.workbook.save('Save');
    await context.sync();
  });
  return true;
}
