import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook, isPayloadLimitError, SimulatedExcelError } from '../../../addin/simulator';

describe('errors at sync', () => {
  it('rejects getItem on a missing sheet with ItemNotFound shaped like OfficeExtension.Error', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Missing');
      const error = await context.sync().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SimulatedExcelError);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({
        name: 'RichApi.Error',
        code: 'ItemNotFound',
        message: "The requested resource doesn't exist.",
        debugInfo: {
          code: 'ItemNotFound',
          message: "The requested resource doesn't exist.",
          errorLocation: 'WorksheetCollection.getItem',
        },
      });
      expect(String(error)).toBe("ItemNotFound: The requested resource doesn't exist.");
    });
  });

  it('gives isNullObject after a sync for *OrNullObject results, loaded or not', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Missing');
      const present = context.workbook.worksheets.getItemOrNullObject('sheet1');
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      const loaded = context.workbook.worksheets.getItemOrNullObject('Nope').load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(loaded.isNullObject).toBe(true);
      expect(loaded.name).toBeUndefined();
    });
  });

  it('fails writes through a null object with ItemNotFound', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Missing');
      missing.getRange('A1').values = [['x']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('applies the commands before a failure and none after it', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [['before']];
      const early = sheet.getRange('A1').load('values');
      sheet.getRange('A2:B2').values = [['too', 'many', 'columns']];
      sheet.getRange('A3').values = [['after']];
      await expect(context.sync()).rejects.toMatchObject({
        code: 'InvalidArgument',
        debugInfo: { errorLocation: 'Range.values' },
      });
      expect(wb.getValues('Sheet1', 'A1:A3')).toEqual([['before'], [''], ['']]);
      expect(() => early.values).toThrow(/not available/);
      await context.sync();
      expect(wb.getValues('Sheet1', 'A3')).toEqual([['']]);
    });
  });

  it('re-resolves an object whose instantiation failed once it exists', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const later = context.workbook.worksheets.getItem('Later');
      later.load('name');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      context.workbook.worksheets.add('Later');
      later.load('position');
      await context.sync();
      expect(later.position).toBe(1);
    });
  });

  it('refuses objects from another request context', async () => {
    const wb = createSimulatedWorkbook();
    let foreign: Excel.Range | undefined;
    await wb.run(async (context) => {
      foreign = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      await context.sync();
      await wb.run(async (other) => {
        expect(() => other.workbook.names.add('Foreign', foreign as Excel.Range)).toThrow(
          expect.objectContaining({ code: 'InvalidRequestContext' }),
        );
      });
    });
  });

  it('reports unknown load properties as InvalidArgument at sync', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('valuez');
      await expect(context.sync()).rejects.toMatchObject({
        code: 'InvalidArgument',
        debugInfo: { detail: expect.stringContaining('valuez') },
      });
    });
  });

  it('recognises payload limit errors, simulated or from Excel', () => {
    expect(isPayloadLimitError(new SimulatedExcelError('RequestPayloadSizeLimitExceeded'))).toBe(true);
    expect(isPayloadLimitError({ code: 'ResponsePayloadSizeLimitExceeded' })).toBe(true);
    expect(
      isPayloadLimitError({
        code: 'GeneralException',
        message: 'The request payload size has exceeded the limit.',
      }),
    ).toBe(true);
    expect(isPayloadLimitError(new SimulatedExcelError('ItemNotFound'))).toBe(false);
    expect(isPayloadLimitError('RequestPayloadSizeLimitExceeded')).toBe(false);
    expect(isPayloadLimitError(null)).toBe(false);
  });
});
