import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

const NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

describe('the proxy model', () => {
  it('queues writes and applies nothing before sync', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [['a', 'b']];
      range.format.fill.color = '#FF0000';
      context.workbook.worksheets.add('Later');
      expect(wb.getValues('Sheet1', 'A1:B1')).toEqual([['', '']]);
      expect(wb.fill('Sheet1', 'A1')).toEqual([[null]]);
      expect(wb.sheetNames()).toEqual(['Sheet1']);
      await context.sync();
      expect(wb.getValues('Sheet1', 'A1:B1')).toEqual([['a', 'b']]);
      expect(wb.fill('Sheet1', 'A1')).toEqual([['#FF0000']]);
      expect(wb.sheetNames()).toEqual(['Sheet1', 'Later']);
    });
  });

  it("throws PropertyNotLoaded with Excel's message when reading an unloaded property", async () => {
    const wb = createSimulatedWorkbook();
    wb.setValues('Sheet1', 'A1', [[1]]);
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.values).toThrow(NOT_LOADED);
      range.load('address');
      await context.sync();
      expect(range.address).toBe('Sheet1!A1');
      let caught: unknown;
      try {
        void range.values;
      } catch (e) {
        caught = e;
      }
      expect(caught).toMatchObject({
        name: 'RichApi.Error',
        code: 'PropertyNotLoaded',
        debugInfo: { errorLocation: 'Range.values' },
      });
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/property 'items' is not available/);
      expect(() => context.workbook.worksheets.getItem('Sheet1').name).toThrow(/'name' is not available/);
    });
  });

  it('makes a value you set readable at once, as office.js does, without loading', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.name = 'Renamed';
      expect(sheet.name).toBe('Renamed');
      expect(wb.sheetNames()).toEqual(['Sheet1']);
      await context.sync();
      expect(wb.sheetNames()).toEqual(['Renamed']);
    });
  });

  it('runs a closing sync for work left queued, and refuses proxies used after run', async () => {
    const wb = createSimulatedWorkbook();
    let leaked: Excel.Range | undefined;
    const result = await wb.run(async (context) => {
      leaked = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      leaked.values = [['queued']];
      return 'done';
    });
    expect(result).toBe('done');
    expect(wb.getValues('Sheet1', 'A1')).toEqual([['queued']]);
    expect(wb.stats.syncs).toBe(1);
    expect(() => {
      if (leaked) leaked.values = [['late']];
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  it('rejects a batch that does not return a promise', async () => {
    const wb = createSimulatedWorkbook();
    const notAsync = (() => 'nope') as unknown as (c: Excel.RequestContext) => Promise<string>;
    await expect(wb.run(notAsync)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  it('supports set() on several properties and toJSON() of loaded ones', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('B2');
      range.set({ values: [[5]], format: { font: { bold: true }, columnWidth: 80 } });
      range.load('values, address');
      await context.sync();
      expect(range.toJSON()).toEqual({ values: [[5]], address: 'Sheet1!B2' });
    });
    expect(wb.cellFormat('Sheet1', 'B2', 'font.bold')).toEqual([[true]]);
    expect(wb.columnWidths('Sheet1')).toEqual({ B: 80 });
  });
});
