import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedWorkbook, installExcelGlobals, SimulatedExcelError } from '../../../addin/simulator';

const g = globalThis as Record<string, unknown>;
let restore: (() => void) | undefined;

afterEach(() => {
  restore?.();
  restore = undefined;
});

describe('installExcelGlobals', () => {
  it('defines the Excel enums without Excel.run, and OfficeExtension.Error as the simulated error', async () => {
    expect(g.Excel).toBeUndefined();
    restore = installExcelGlobals();
    expect(Excel.ConditionalFormatType.custom).toBe('Custom');
    expect(Excel.ClearApplyTo.contents).toBe('Contents');
    expect(Excel.DeleteShiftDirection.up).toBe('Up');
    expect(Excel.SheetVisibility.veryHidden).toBe('VeryHidden');
    expect((g.Excel as Record<string, unknown>).run).toBeUndefined();
    const wb = createSimulatedWorkbook();
    const error = await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A5');
      range.conditionalFormats.add(Excel.ConditionalFormatType.custom).custom.rule.formula = '=A1>0';
      context.workbook.worksheets.getItem('Nope');
      return context.sync().then(
        () => undefined,
        (e: unknown) => e,
      );
    });
    expect(error).toBeInstanceOf(OfficeExtension.Error);
    expect(error).toBeInstanceOf(SimulatedExcelError);
    expect(wb.conditionalFormats('Sheet1').map((c) => c.formula)).toEqual(['=A1>0']);
  });

  it('restores whatever was there before', () => {
    g.Excel = { marker: true };
    restore = installExcelGlobals();
    expect((g.Excel as Record<string, unknown>).marker).toBe(true);
    restore();
    restore = undefined;
    expect(g.Excel).toEqual({ marker: true });
    expect(g.OfficeExtension).toBeUndefined();
    delete g.Excel;
  });
});
