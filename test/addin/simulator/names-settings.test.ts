import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('defined names and settings', () => {
  it('defines names for ranges and constants, following sheet renames', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      context.workbook.names.add('List_Methods', sheet.getRange('A1:A4'), 'value list');
      context.workbook.names.add('Rate', '=0.5');
      context.workbook.names.add('Unit', '="工会"');
      sheet.names.add('Local', '=Sheet1!$B$2');
      sheet.name = '值列表';
      const items = context.workbook.names.load('items/name, items/type, items/value, items/formula');
      const range = context.workbook.names.getItem('list_methods').getRange().load('address');
      const missing = context.workbook.names.getItemOrNullObject('Nope');
      await context.sync();
      expect(items.items.map((n) => [n.name, n.type, n.value, n.formula])).toEqual([
        ['List_Methods', 'Range', '值列表!$A$1:$A$4', '=值列表!$A$1:$A$4'],
        ['Rate', 'Double', 0.5, '=0.5'],
        ['Unit', 'String', '工会', '="工会"'],
      ]);
      expect(range.address).toBe('值列表!A1:A4');
      expect(missing.isNullObject).toBe(true);
      context.workbook.names.add('Rate', '=1');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      context.workbook.names.getItem('Rate').delete();
      await context.sync();
    });
    expect(wb.names()).toEqual({
      List_Methods: '=值列表!$A$1:$A$4',
      Unit: '="工会"',
      '值列表!Local': '=值列表!$B$2',
    });
  });

  it('stores settings as JSON and deletes them', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const settings = context.workbook.settings;
      settings.add('schemaVersion', 3);
      settings.add('unit', { name: '某公司', since: new Date(Date.UTC(2025, 0, 2)) });
      const missing = settings.getItemOrNullObject('absent');
      const version = settings.getItem('schemaVersion').load('key, value');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(version.value).toBe(3);
      version.value = 4;
      settings.getItem('unit').delete();
      settings.getItem('absent');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
    expect(wb.settings()).toEqual({ schemaVersion: 4 });
    await wb.run(async (context) => {
      context.workbook.settings.add('unit', { since: new Date(Date.UTC(2025, 0, 2)) });
      await context.sync();
    });
    expect(wb.settings().unit).toEqual({ since: '2025-01-02T00:00:00.000Z' });
  });
});
