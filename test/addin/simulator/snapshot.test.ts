import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

async function populated(): Promise<ReturnType<typeof createSimulatedWorkbook>> {
  const wb = createSimulatedWorkbook();
  wb.setValues('登记', 'A1:C3', [
    ['编号', '日期', '金额'],
    ['0012', '2025-03-05', '=C3*2'],
    ['x', 'y', 7],
  ]);
  await wb.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('登记');
    const table = sheet.tables.add('A1:C3', true);
    table.name = 'Register';
    sheet.getRange('A2:A3').numberFormat = [['@'], ['@']];
    sheet.getRange('A2').values = [['0012']];
    sheet.getRange('A:A').format.columnWidth = 90;
    sheet.getRange('A1:C1').format.fill.color = '#DDEBF7';
    sheet.getRange('B2:B5000').dataValidation.rule = {
      date: { formula1: '2020-01-01', operator: 'GreaterThan' },
    };
    sheet.getRange('A2:C99').conditionalFormats.add('Custom').custom.rule.formula = '=$C2>5';
    sheet.freezePanes.freezeRows(1);
    sheet.pageLayout.orientation = 'Landscape';
    sheet.pageLayout.setPrintArea('A1:C99');
    sheet.getRange('E1:F1').merge();
    context.workbook.names.add('Amounts', sheet.getRange('C2:C3'));
    context.workbook.settings.add('schema', { version: 2 });
    sheet.activate();
    sheet.getRange('B2').select();
    await context.sync();
  });
  return wb;
}

describe('snapshots', () => {
  it('round-trips the whole workbook through plain JSON', async () => {
    const original = await populated();
    const json = JSON.stringify(original.toJSON());
    const copy = createSimulatedWorkbook();
    copy.fromJSON(JSON.parse(json));
    expect(copy.toJSON()).toEqual(original.toJSON());
    expect(copy.sheetNames()).toEqual(['Sheet1', '登记']);
    expect(copy.getFormulas('登记', 'A2:C2')).toEqual([['0012', 45721, '=C3*2']]);
    expect(copy.table('Register')).toEqual({
      sheet: '登记',
      address: 'A1:C3',
      name: 'Register',
      headers: ['编号', '日期', '金额'],
    });
    expect(copy.dataValidation('登记', 'B2:B5000')?.rule).toEqual({
      date: { formula1: '2020-01-01', operator: 'GreaterThan' },
    });
    expect(copy.conditionalFormats('登记')[0]?.formula).toBe('=$C2>5');
    expect(copy.columnWidths('登记')).toEqual({ A: 90 });
    expect(copy.frozenRows('登记')).toBe(1);
    expect(copy.names()).toEqual({ Amounts: '=登记!$C$2:$C$3' });
    expect(copy.settings()).toEqual({ schema: { version: 2 } });
    expect(copy.selection()).toEqual({ sheet: '登记', address: 'B2' });
    expect(copy.merges('登记')).toEqual(['E1:F1']);
    expect(copy.pageLayout('登记')).toMatchObject({ orientation: 'Landscape', printArea: 'A1:C99' });
  });

  it('gives a restored workbook a working API', async () => {
    const copy = createSimulatedWorkbook();
    copy.fromJSON((await populated()).toJSON());
    await copy.run(async (context) => {
      const table = context.workbook.tables.getItem('Register');
      table.rows.add(undefined, [['0099', '2025-04-01', 1]]);
      context.workbook.worksheets.add('New');
      context.workbook.tables.add('New!A1:B2', true);
      const body = table.getDataBodyRange().load('values');
      await context.sync();
      expect(body.values[2]).toEqual(['0099', 45748, 1]);
    });
    const ids = copy.toJSON().sheets.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(copy.tableNames()).toEqual(['Register', 'Table2']);
  });

  it('rejects malformed snapshots', () => {
    const wb = createSimulatedWorkbook();
    const snapshot = wb.toJSON();
    expect(() => wb.fromJSON({ ...snapshot, sheets: [] })).toThrow(/at least one sheet/);
    expect(() => wb.fromJSON({ ...snapshot, activeSheet: 'Nope' })).toThrow(/no sheet 'Nope'/);
  });
});
