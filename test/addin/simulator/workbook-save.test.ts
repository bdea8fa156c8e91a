// Workbook.save and Excel.SaveBehavior are ExcelApi 1.9
// (https://learn.microsoft.com/javascript/api/excel/excel.savebehavior): 'Save' or 'Prompt'.
import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('Workbook.save', () => {
  it('saves with Save or Prompt and counts it', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.save('Save');
      context.workbook.save('Prompt');
      await context.sync();
    });
    expect(wb.saves()).toBe(2);
  });

  it('refuses another behaviour, and is not found below ExcelApi 1.9 (Office 2019)', async () => {
    const wb = createSimulatedWorkbook();
    await expect(
      wb.run(async (context) => {
        context.workbook.save('Later' as never);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    const office2019 = createSimulatedWorkbook({ excelApi: 8 });
    await expect(
      office2019.run(async (context) => {
        context.workbook.save('Save');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(office2019.saves()).toBe(0);
  });
});
