import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';

describe('conditional formats', () => {
  it('adds custom conditional formats with a formula, fill and font colour', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A2:F500');
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=AND($F2<>"",$F2<TODAY())';
      cf.custom.format.fill.color = 'yellow';
      cf.custom.format.font.color = '#9c0006';
      const second = range.conditionalFormats.add('Custom');
      second.custom.rule.formula = '=$E2="已完成"';
      const count = range.conditionalFormats.getCount();
      const items = range.conditionalFormats.load('items/type, items/priority, items/custom/rule/formula');
      await context.sync();
      expect(count.value).toBe(2);
      expect(items.items.map((i) => [i.type, i.priority, i.custom.rule.formula])).toEqual([
        ['Custom', 0, '=$E2="已完成"'],
        ['Custom', 1, '=AND($F2<>"",$F2<TODAY())'],
      ]);
    });
    expect(wb.conditionalFormats('Sheet1')).toEqual([
      {
        type: 'Custom',
        address: 'A2:F500',
        priority: 0,
        stopIfTrue: false,
        formula: '=$E2="已完成"',
        rule: { formula: '=$E2="已完成"' },
      },
      {
        type: 'Custom',
        address: 'A2:F500',
        priority: 1,
        stopIfTrue: false,
        formula: '=AND($F2<>"",$F2<TODAY())',
        rule: { formula: '=AND($F2<>"",$F2<TODAY())' },
        fillColor: '#FFFF00',
        fontColor: '#9C0006',
      },
    ]);
  });

  it('clears conditional formats from a range only where it overlaps', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A10').conditionalFormats.add('Custom').custom.rule.formula = '=A1>1';
      sheet.getRange('C1:C10').conditionalFormats.add('CellValue').cellValue.rule = {
        formula1: '5',
        operator: 'GreaterThan',
      };
      sheet.getRange('A6:A10').conditionalFormats.clearAll();
      await context.sync();
    });
    expect(wb.conditionalFormats('Sheet1').map((c) => [c.type, c.address, c.rule])).toEqual([
      ['CellValue', 'C1:C10', { formula1: '5', operator: 'GreaterThan' }],
      ['Custom', 'A1:A5', { formula: '=A1>1' }],
    ]);
  });
});
