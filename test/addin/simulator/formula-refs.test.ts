import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';

// Rule of the house (issue 9): a formula — in a cell, a conditional format, a data-validation rule or a
// defined name — is parsed (with @borgar/fx) and every sheet, defined name, table and table column it
// refers to must exist when the command runs; otherwise the command fails with InvalidArgument.

const RANGE_FORMULAS =
  'https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member';
const NAMES_ADD =
  'https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection#excel-excel-nameditemcollection-add-member(1)';
const DATA_VALIDATION = 'https://learn.microsoft.com/javascript/api/excel/excel.datavalidation';
const CONDITIONAL_FORMAT = 'https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat';
const STRUCTURED_REFS =
  'https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e';
const ISSUE_740 = 'https://github.com/OfficeDev/office-js/issues/740';

/** A workbook with a table 值列表表 (受理类别, Note's) on 值列表!A1:B4 and a sheet 'My sheet'. */
async function withTable(): Promise<SimulatedWorkbook> {
  const wb = createSimulatedWorkbook();
  await wb.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Sheet1');
    sheet.name = '值列表';
    context.workbook.worksheets.add('My sheet');
    sheet.getRange('A1:B4').values = [
      ['受理类别', "Note's"],
      ['来信', 'a'],
      ['来访', 'b'],
      ['电话', 'c'],
    ];
    sheet.tables.add('值列表!A1:B4', true).name = '值列表表';
    await context.sync();
  });
  return wb;
}

/** Writes one formula into 值列表!D1 and reports the error, if any. */
async function writeFormula(wb: SimulatedWorkbook, formula: string, address = 'D1'): Promise<unknown> {
  return wb
    .run(async (context) => {
      context.workbook.worksheets.getItem('值列表').getRange(address).formulas = [[formula]];
      await context.sync();
    })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
}

describe(`cell formulas name only what exists (${RANGE_FORMULAS})`, () => {
  it('accepts references to existing sheets, tables, columns and names', async () => {
    const wb = await withTable();
    await wb.run(async (context) => {
      context.workbook.names.add('Rate', '=0.5');
      await context.sync();
    });
    for (const formula of [
      "='My sheet'!A1:B2+值列表!$A$1",
      '=COUNTA(值列表表[受理类别])',
      '=COUNTA(值列表表[[受理类别]])',
      '=ROWS(值列表表[[#Headers],[受理类别]:[受理类别]])',
      '=ROWS(值列表表[#All])',
      "=COUNTA(值列表表[[Note''s]])",
      '=COUNTA(值列表表[受理类别])*Rate',
      '=ROWS(值列表表)',
      '=LET(x,1,x+Rate)',
      '=SUM(A1:A3)',
    ]) {
      expect(await writeFormula(wb, formula), formula).toBeUndefined();
    }
    // Excel matches table, column and sheet names case-insensitively (STRUCTURED_REFS).
    expect(await writeFormula(wb, "=COUNTA(值列表表[[NOTE''S]])+'MY SHEET'!A1")).toBeUndefined();
  });

  it('rejects a missing sheet, an external workbook, a missing table, column or name', async () => {
    const wb = await withTable();
    const cases: [string, RegExp][] = [
      ['=Other!A1', /no worksheet named 'Other'/],
      ["='Other sheet'!A1:B2", /no worksheet named 'Other sheet'/],
      ['=[Book1.xlsx]Sheet1!A1', /another workbook/],
      ['=COUNTA(工作日历[日期])', /no table named '工作日历'/],
      ['=COUNTA(值列表表[受理方式])', /no column '受理方式'/],
      ['=COUNTA(值列表表[[受理类别]:[受理方式]])', /no column '受理方式'/],
      ["=COUNTA(值列表表[Note's])", /does not parse/],
      ['=List_Methods', /no defined name or table named 'List_Methods'/],
      ['=SUM(A1)+Missing', /'Missing'/],
    ];
    for (const [formula, detail] of cases) {
      const error = await writeFormula(wb, formula);
      expect(error, formula).toMatchObject({ code: 'InvalidArgument' });
      expect((error as { debugInfo: { detail: string } }).debugInfo.detail, formula).toMatch(detail);
    }
    expect(wb.getFormulas('值列表', 'D1')).toEqual([['']]);
  });

  it('rejects formulas that do not parse, including +/- text taken as a formula', async () => {
    const wb = await withTable();
    for (const formula of ['=SUM(A1', '=SUM(A1))', '=1+', '="open']) {
      expect(await writeFormula(wb, formula), formula).toMatchObject({ code: 'InvalidArgument' });
    }
    // office.js takes "+86 138 0000" as the formula =+86 138 0000, which Excel cannot parse.
    expect(await writeFormula(wb, '+86 138 0000')).toMatchObject({ code: 'InvalidArgument' });
  });

  it('keeps =… text in @ cells unchecked, since it is text there', async () => {
    const wb = await withTable();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('值列表').getRange('D1');
      range.numberFormat = [['@']];
      range.values = [['=Missing!A1']];
      await context.sync();
    });
    expect(wb.getValues('值列表', 'D1')).toEqual([['=Missing!A1']]);
  });

  it('checks against the workbook as it is when the write runs, in queue order', async () => {
    const wb = await withTable();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('值列表');
      sheet.getRange('D1').formulas = [['=COUNTA(工作日历[日期])']];
      context.workbook.worksheets.add('日历').getRange('A1:A2').values = [['日期'], ['2026-01-01']];
      context.workbook.worksheets.getItem('日历').tables.add('日历!A1:A2', true).name = '工作日历';
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    await wb.run(async (context) => {
      context.workbook.worksheets.add('日历').getRange('A1:A2').values = [['日期'], ['2026-01-01']];
      context.workbook.worksheets.getItem('日历').tables.add('日历!A1:A2', true).name = '工作日历';
      context.workbook.worksheets.getItem('值列表').getRange('D1').formulas = [['=COUNTA(工作日历[日期])']];
      await context.sync();
    });
    expect(wb.getFormulas('值列表', 'D1')).toEqual([['=COUNTA(工作日历[日期])']]);
  });

  it('resolves sheet-scoped names from their own sheet only', async () => {
    const wb = await withTable();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('My sheet').names.add('Local', '=1');
      await context.sync();
    });
    expect(await writeFormula(wb, '=Local')).toMatchObject({ code: 'InvalidArgument' });
    expect(await writeFormula(wb, "='My sheet'!Local")).toBeUndefined();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('My sheet').getRange('A1').formulas = [['=Local+1']];
      await context.sync();
    });
  });

  it(`resolves [@column] only inside its table (${STRUCTURED_REFS})`, async () => {
    const wb = await withTable();
    expect(await writeFormula(wb, '=[@受理类别]', 'D2')).toMatchObject({ code: 'InvalidArgument' });
    expect(await writeFormula(wb, '=[@受理类别]', 'B2')).toBeUndefined();
    expect(await writeFormula(wb, '=[@受理方式]', 'B3')).toMatchObject({ code: 'InvalidArgument' });
  });

  it('checks the literal text of INDIRECT as a reference, and leaves computed text alone', async () => {
    const wb = await withTable();
    expect(await writeFormula(wb, '=COUNTA(INDIRECT("值列表表[受理类别]"))')).toBeUndefined();
    expect(await writeFormula(wb, '=COUNTA(INDIRECT("工作日历[日期]"))')).toMatchObject({
      code: 'InvalidArgument',
    });
    expect(await writeFormula(wb, '=COUNTA(INDIRECT("not a reference"))')).toMatchObject({
      code: 'InvalidArgument',
    });
    expect(await writeFormula(wb, '=COUNTA(INDIRECT(A1&"[日期]"))')).toBeUndefined();
  });

  it('checks formulas written through table rows too', async () => {
    const wb = await withTable();
    const error = await wb
      .run(async (context) => {
        context.workbook.tables.getItem('值列表表').rows.add(undefined, [['来件', '=Missing']]);
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidArgument' });
  });
});

describe(`defined names name only what exists (${NAMES_ADD})`, () => {
  it('rejects names.add, addFormulaLocal and NamedItem.formula with a missing reference', async () => {
    const wb = await withTable();
    for (const formula of ['=Missing!$A$1', '=工作日历[日期]', '=值列表表[受理方式]', '=Nope+1']) {
      const error = await wb
        .run(async (context) => {
          context.workbook.names.add('List_X', formula);
          await context.sync();
        })
        .catch((e: unknown) => e);
      expect(error, formula).toMatchObject({ code: 'InvalidArgument' });
      const local = await wb
        .run(async (context) => {
          context.workbook.names.addFormulaLocal('List_X', formula);
          await context.sync();
        })
        .catch((e: unknown) => e);
      expect(local, formula).toMatchObject({ code: 'InvalidArgument' });
    }
    const error = await wb
      .run(async (context) => {
        context.workbook.names.add('List_Y', '=值列表!$A$2:$A$4');
        context.workbook.names.getItem('List_Y').formula = '=Missing!$A$1';
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidArgument' });
    expect(wb.names()).toEqual({ List_Y: '=值列表!$A$2:$A$4' });
  });

  it(`stores a structured reference given to names.add as the fixed block it covers (${ISSUE_740})`, async () => {
    const wb = await withTable();
    await wb.run(async (context) => {
      context.workbook.names.add('List_Category', '=值列表表[受理类别]');
      context.workbook.names.add('Header_Note', "=值列表表[[#Headers],[Note''s]]");
      context.workbook.names.addFormulaLocal('List_Dynamic', '=值列表表[受理类别]');
      await context.sync();
      context.workbook.tables.getItem('值列表表').rows.add(undefined, [['网络', 'd']]);
      const item = context.workbook.names.getItem('List_Category').load('type, formula');
      await context.sync();
      expect([item.type, item.formula]).toEqual(['Range', '=值列表!$A$2:$A$4']);
    });
    // The clerk's new row (A5) is not in the name: since Excel 1904 `add` no longer keeps the table reference.
    expect(wb.names()).toEqual({
      List_Category: '=值列表!$A$2:$A$4',
      Header_Note: '=值列表!$B$1',
      List_Dynamic: '=值列表表[受理类别]',
    });
  });
});

describe(`data validation formulas name only what exists (${DATA_VALIDATION})`, () => {
  async function setRule(wb: SimulatedWorkbook, rule: unknown): Promise<unknown> {
    return wb
      .run(async (context) => {
        context.workbook.worksheets.getItem('My sheet').getRange('A2:A100').dataValidation.rule =
          rule as Excel.DataValidationRule;
        await context.sync();
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
  }

  it('rejects a list source naming a name that is not defined yet, and accepts it once defined', async () => {
    const wb = await withTable();
    const rule = { list: { inCellDropDown: true, source: '=List_Category' } };
    expect(await setRule(wb, rule)).toMatchObject({ code: 'InvalidArgument' });
    await wb.run(async (context) => {
      context.workbook.names.add('List_Category', '=值列表!$A$2:$A$4');
      await context.sync();
    });
    expect(await setRule(wb, rule)).toBeUndefined();
  });

  it('rejects custom and formula1/formula2 formulas with missing references', async () => {
    const wb = await withTable();
    expect(await setRule(wb, { custom: { formula: '=COUNTIF(Missing!A:A,A2)=1' } })).toMatchObject({
      code: 'InvalidArgument',
    });
    expect(
      await setRule(wb, { wholeNumber: { formula1: '=Minimum', operator: 'GreaterThan' } }),
    ).toMatchObject({ code: 'InvalidArgument' });
    expect(await setRule(wb, { wholeNumber: { formula1: 0, operator: 'GreaterThan' } })).toBeUndefined();
  });

  // Excel's Data Validation dialog refuses a table reference as a list source (shown with its error
  // message at https://ameblo.jp/unicom-k/page-24.html); no Microsoft page states it, so per the house
  // rule the simulator rejects it and accepts the INDIRECT("Table[column]") form instead.
  it('rejects a table reference as a list source, but accepts it through INDIRECT text', async () => {
    const wb = await withTable();
    expect(
      await setRule(wb, { list: { inCellDropDown: true, source: '=值列表表[受理类别]' } }),
    ).toMatchObject({
      code: 'InvalidArgument',
    });
    expect(
      await setRule(wb, { list: { inCellDropDown: true, source: '=INDIRECT("值列表表[受理类别]")' } }),
    ).toBeUndefined();
    expect(
      await setRule(wb, { list: { inCellDropDown: true, source: '=INDIRECT("工作日历[日期]")' } }),
    ).toMatchObject({ code: 'InvalidArgument' });
  });
});

describe(`conditional format formulas name only what exists (${CONDITIONAL_FORMAT})`, () => {
  it('rejects custom and cell-value rules with missing references or table references', async () => {
    const wb = await withTable();
    const attempt = (set: (cf: Excel.ConditionalFormat) => void): Promise<unknown> =>
      wb
        .run(async (context) => {
          const range = context.workbook.worksheets.getItem('My sheet').getRange('A2:A100');
          set(range.conditionalFormats.add('Custom'));
          await context.sync();
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
    expect(await attempt((cf) => (cf.custom.rule.formula = '=$A2>Limit'))).toMatchObject({
      code: 'InvalidArgument',
    });
    expect(
      await attempt((cf) => (cf.custom.rule.formula = '=COUNTIF(值列表表[受理类别],$A2)=0')),
    ).toMatchObject({
      code: 'InvalidArgument',
    });
    expect(
      await attempt((cf) => (cf.custom.rule.formula = '=COUNTIF(INDIRECT("值列表表[受理类别]"),$A2)=0')),
    ).toBeUndefined();
    const cellValue = await wb
      .run(async (context) => {
        const range = context.workbook.worksheets.getItem('My sheet').getRange('B2:B100');
        range.conditionalFormats.add('CellValue').cellValue.rule = {
          formula1: '=Limit',
          operator: 'GreaterThan',
        };
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(cellValue).toMatchObject({ code: 'InvalidArgument' });
  });
});

// Deleting what a formula refers to leaves #REF! in the formula's text in place of the reference (shown for
// deleted rows, `=SheetA!#REF!`, at https://koukimra.com/archives/1920). No page found spells out the text
// after deleting a whole sheet or table; the simulator writes `#REF!A1` / `#REF!` so such formulas break.
describe('references to a deleted sheet or table become #REF!', () => {
  async function withCalendar(): Promise<SimulatedWorkbook> {
    const wb = await withTable();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.add('日历');
      sheet.getRange('A1:A3').values = [['日期'], ['2026-01-01'], ['2026-01-02']];
      sheet.tables.add('日历!A1:A3', true).name = '工作日历';
      await context.sync();
      const other = context.workbook.worksheets.getItem('My sheet');
      other.getRange('A1:C1').formulas = [
        ['=COUNTA(工作日历[日期])+日历!$A$1', '=1+1', '=COUNTA(INDIRECT("工作日历[日期]"))'],
      ];
      other.getRange('D1:D9').conditionalFormats.add('Custom').custom.rule.formula = '=D1>日历!$A$2';
      other.getRange('E1:E9').dataValidation.rule = { custom: { formula: '=E1<>日历!$A$2' } };
      context.workbook.names.addFormulaLocal('Days', '=工作日历[日期]');
      await context.sync();
    });
    return wb;
  }

  it('on Worksheet.delete, in cells, conditional formats, data validation and names', async () => {
    const wb = await withCalendar();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('日历').delete();
      await context.sync();
    });
    expect(wb.getFormulas('My sheet', 'A1:C1')).toEqual([
      ['=COUNTA(#REF!)+#REF!$A$1', '=1+1', '=COUNTA(INDIRECT("工作日历[日期]"))'],
    ]);
    expect(wb.getValues('My sheet', 'A1')).toEqual([['#REF!']]);
    expect(wb.conditionalFormats('My sheet')[0]?.formula).toBe('=D1>#REF!$A$2');
    expect(wb.dataValidation('My sheet', 'E5')?.rule).toEqual({ custom: { formula: '=E1<>#REF!$A$2' } });
    expect(wb.names()).toEqual({ Days: '=#REF!' });
  });

  it('on Table.delete, leaving other references alone', async () => {
    const wb = await withCalendar();
    await wb.run(async (context) => {
      context.workbook.tables.getItem('工作日历').delete();
      await context.sync();
    });
    expect(wb.getFormulas('My sheet', 'A1')).toEqual([['=COUNTA(#REF!)+日历!$A$1']]);
    expect(wb.conditionalFormats('My sheet')[0]?.formula).toBe('=D1>日历!$A$2');
    expect(wb.names()).toEqual({ Days: '=#REF!' });
  });
});
