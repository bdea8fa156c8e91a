import { runBatch, type Batch } from './batch';
import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook, WEB_PAYLOAD_LIMIT } from '../../../addin/simulator';

// Excel's limits, each refused with Excel's error code. One `it` per rule; every rule names its source.
const SPECS =
  'https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3';
const OI29500 =
  'https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64';
const XLSB_DVAL =
  'https://learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/b8894965-c186-4bba-8a0b-8ec2a37a1cbe';
const RENAME_SHEET =
  'https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9';
const RENAME_TABLE =
  'https://support.microsoft.com/office/rename-an-excel-table-fbf49a4f-82a3-43eb-8ba2-44d21233b114';
const NAMES =
  'https://support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64';
const ERRORS =
  'https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling';
const RESOURCE_LIMITS =
  'https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins';

/** Runs one batch (on a fresh workbook unless one is given) and returns its error. */
const attempt = (batch: Batch, wb = createSimulatedWorkbook()): Promise<unknown> => runBatch(wb, batch);

const sheet1 = (context: Excel.RequestContext): Excel.Worksheet =>
  context.workbook.worksheets.getItem('Sheet1');

describe(`cell contents (${SPECS})`, () => {
  it('refuses text over 32,767 characters with InvalidArgument and writes nothing of that batch', async () => {
    const wb = createSimulatedWorkbook();
    expect(await attempt((c) => void (sheet1(c).getRange('A1').values = [['x'.repeat(32_767)]]), wb)).toBe(
      undefined,
    );
    const error = await attempt(
      (c) => void (sheet1(c).getRange('B1:C1').values = [['short', 'x'.repeat(32_768)]]),
      wb,
    );
    expect(error).toMatchObject({ code: 'InvalidArgument' });
    expect(wb.getValues('Sheet1', 'B1:C1')).toEqual([['', '']]);
    for (const text of [`'${'y'.repeat(32_768)}`, 'z'.repeat(40_000)]) {
      expect(await attempt((c) => void (sheet1(c).getRange('D1').values = [[text]]), wb)).toMatchObject({
        code: 'InvalidArgument',
      });
    }
    expect(wb.getValues('Sheet1', 'A1')[0]?.[0]).toHaveLength(32_767);
  });

  it('refuses a formula over 8,192 characters with InvalidArgument', async () => {
    const formula = (length: number): string => `="${'a'.repeat(length - 3)}"`;
    const wb = createSimulatedWorkbook();
    expect(await attempt((c) => void (sheet1(c).getRange('A1').formulas = [[formula(8_192)]]), wb)).toBe(
      undefined,
    );
    expect(
      await attempt((c) => void (sheet1(c).getRange('A2').formulas = [[formula(8_193)]]), wb),
    ).toMatchObject({ code: 'InvalidArgument' });
    // "+…" and "-…" entries become formulas too, so they meet the formula limit, not the text one.
    expect(
      await attempt((c) => void (sheet1(c).getRange('A3').values = [[`+${'1'.repeat(8_200)}a`]]), wb),
    ).toMatchObject({ code: 'InvalidArgument' });
    expect(wb.getFormulas('Sheet1', 'A2:A3')).toEqual([[''], ['']]);
  });
});

describe('data validation', () => {
  const dv = (c: Excel.RequestContext): Excel.DataValidation => sheet1(c).getRange('A1:A5').dataValidation;

  it('refuses a literal list source over 255 characters; 255 Chinese characters pass (https://github.com/qax-os/excelize/issues/972)', async () => {
    const items = (n: number): string => Array.from({ length: n }, () => '谈').join(',');
    expect(items(128)).toHaveLength(255);
    expect(
      await attempt((c) => void (dv(c).rule = { list: { inCellDropDown: true, source: items(128) } })),
    ).toBe(undefined);
    expect(
      await attempt((c) => void (dv(c).rule = { list: { inCellDropDown: true, source: `${items(128)},x` } })),
    ).toMatchObject({ code: 'InvalidArgument' });
  });

  it(`refuses a prompt title over 32 characters (${OI29500}, ${XLSB_DVAL})`, async () => {
    const prompt = (title: string): Excel.DataValidationPrompt => ({ showPrompt: true, title, message: 'm' });
    expect(await attempt((c) => void (dv(c).prompt = prompt('标'.repeat(32))))).toBe(undefined);
    expect(await attempt((c) => void (dv(c).prompt = prompt('标'.repeat(33))))).toMatchObject({
      code: 'InvalidArgument',
    });
  });

  it(`refuses a prompt message over 255 characters (${OI29500})`, async () => {
    const prompt = (message: string): Excel.DataValidationPrompt => ({
      showPrompt: true,
      title: 't',
      message,
    });
    expect(await attempt((c) => void (dv(c).prompt = prompt('说'.repeat(255))))).toBe(undefined);
    expect(await attempt((c) => void (dv(c).prompt = prompt('说'.repeat(256))))).toMatchObject({
      code: 'InvalidArgument',
    });
  });

  it(`refuses an error alert title over 32 characters (${OI29500}, ${XLSB_DVAL})`, async () => {
    const alert = (title: string): Excel.DataValidationErrorAlert => ({
      showAlert: true,
      style: 'Stop',
      title,
      message: 'm',
    });
    expect(await attempt((c) => void (dv(c).errorAlert = alert('错'.repeat(32))))).toBe(undefined);
    expect(await attempt((c) => void (dv(c).errorAlert = alert('错'.repeat(33))))).toMatchObject({
      code: 'InvalidArgument',
    });
  });

  it(`refuses an error alert message over 224 characters, the stricter of 224 (${OI29500}) and 225 (${XLSB_DVAL})`, async () => {
    const alert = (message: string): Excel.DataValidationErrorAlert => ({
      showAlert: true,
      style: 'Stop',
      title: 't',
      message,
    });
    expect(await attempt((c) => void (dv(c).errorAlert = alert('误'.repeat(224))))).toBe(undefined);
    expect(await attempt((c) => void (dv(c).errorAlert = alert('误'.repeat(225))))).toMatchObject({
      code: 'InvalidArgument',
    });
  });
});

describe(`sheet names (${RENAME_SHEET})`, () => {
  const add =
    (name: string): Batch =>
    (c) =>
      void c.workbook.worksheets.add(name);

  it('allows at most 31 characters', async () => {
    expect(await attempt(add('表'.repeat(31)))).toBe(undefined);
    expect(await attempt(add('表'.repeat(32)))).toMatchObject({ code: 'InvalidArgument' });
  });
  it('refuses each of : \\ / ? * [ ]', async () => {
    for (const ch of [':', '\\', '/', '?', '*', '[', ']'])
      expect(await attempt(add(`a${ch}b`)), ch).toMatchObject({ code: 'InvalidArgument' });
  });
  it('refuses a blank name', async () => {
    for (const name of ['', '   '])
      expect(await attempt(add(name))).toMatchObject({ code: 'InvalidArgument' });
  });
  it('refuses an apostrophe first or last, not in between', async () => {
    for (const name of ["'a", "a'"])
      expect(await attempt(add(name))).toMatchObject({ code: 'InvalidArgument' });
    expect(await attempt(add("工会's"))).toBe(undefined);
  });
  it('refuses "History", in any case', async () => {
    for (const name of ['History', 'history'])
      expect(await attempt(add(name))).toMatchObject({ code: 'InvalidArgument' });
  });
  it('refuses a renamed sheet the same rules', async () => {
    expect(await attempt((c) => void (sheet1(c).name = 'x'.repeat(32)))).toMatchObject({
      code: 'InvalidArgument',
    });
  });
});

describe(`table names (${RENAME_TABLE}, ${NAMES})`, () => {
  /** Creates a table and names it, in one batch. */
  const named =
    (name: string): Batch =>
    (c) =>
      void (c.workbook.tables.add('Sheet1!A1:B2', true).name = name);

  it('starts with a letter, an underscore or a backslash', async () => {
    for (const ok of ['值列表', 'Appeals', '_x', '\\x']) expect(await attempt(named(ok)), ok).toBe(undefined);
    for (const bad of ['1st', '.x', '?x'])
      expect(await attempt(named(bad)), bad).toMatchObject({ code: 'InvalidArgument' });
  });
  it('continues with letters, numbers, periods and underscores only (no backslash after the first)', async () => {
    expect(await attempt(named('a1.b_2'))).toBe(undefined);
    for (const bad of ['a-b', 'a\\b', 'a(b)', 'a,b'])
      expect(await attempt(named(bad)), bad).toMatchObject({ code: 'InvalidArgument' });
  });
  it('has no spaces', async () => {
    expect(await attempt(named('has space'))).toMatchObject({ code: 'InvalidArgument' });
  });
  it('has at most 255 characters', async () => {
    expect(await attempt(named(`T${'x'.repeat(254)}`))).toBe(undefined);
    expect(await attempt(named(`T${'x'.repeat(255)}`))).toMatchObject({ code: 'InvalidArgument' });
  });
  it('does not read as a cell reference (A1, XFD1048576, R1C1, RC)', async () => {
    for (const bad of ['A1', 'xfd1048576', 'R1C1', 'RC', 'r2c'])
      expect(await attempt(named(bad)), bad).toMatchObject({ code: 'InvalidArgument' });
    for (const ok of ['XFE1', 'A0', 'A1048577']) expect(await attempt(named(ok)), ok).toBe(undefined);
  });
  it('is not C, c, R or r', async () => {
    for (const bad of ['C', 'c', 'R', 'r'])
      expect(await attempt(named(bad)), bad).toMatchObject({ code: 'InvalidArgument' });
  });
  it('is not TRUE or FALSE (http://webapp.docx4java.org/OnlineDemo/ecma376/SpreadsheetML/Names.html)', async () => {
    for (const bad of ['TRUE', 'false'])
      expect(await attempt(named(bad)), bad).toMatchObject({ code: 'InvalidArgument' });
  });
  it('is unique among tables and defined names, ignoring case', async () => {
    const wb = createSimulatedWorkbook();
    expect(await attempt(named('Appeals'), wb)).toBe(undefined);
    const again = await attempt(
      (c) => void (c.workbook.tables.add('Sheet1!D1:E2', true).name = 'APPEALS'),
      wb,
    );
    expect(again).toMatchObject({ code: 'ItemAlreadyExists' });
    const clash = await attempt((c) => {
      c.workbook.names.add('Lists', sheet1(c).getRange('H1:H3'));
      c.workbook.tables.add('Sheet1!J1:K2', true).name = 'lists';
    }, wb);
    expect(clash).toMatchObject({ code: 'ItemAlreadyExists' });
  });
});

describe(`tables and merged cells (${ERRORS})`, () => {
  it('refuses a table over a range that holds part of a merged area with MergedRangeConflict', async () => {
    const wb = createSimulatedWorkbook();
    const error = await attempt((c) => {
      sheet1(c).getRange('C3:D3').merge();
      c.workbook.tables.add('Sheet1!A1:C4', true);
    }, wb);
    expect(error).toMatchObject({ code: 'MergedRangeConflict' });
    expect(wb.tableNames()).toEqual([]);
    const resized = await attempt((c) => {
      const table = c.workbook.tables.add('Sheet1!A1:B4', true);
      table.resize('A1:C4');
    }, wb);
    expect(resized).toMatchObject({ code: 'MergedRangeConflict' });
  });

  // Excel will not merge cells in (part of) a table: https://github.com/EPPlusSoftware/EPPlus/issues/439 (the
  // maintainer), https://github.com/exceljs/exceljs/issues/2234 (Excel repairs such a file). The code is not
  // documented; InvalidOperation is kept.
  it('refuses merging cells inside a table (EPPlus issue 439) with InvalidOperation', async () => {
    const wb = createSimulatedWorkbook();
    const error = await attempt((c) => {
      c.workbook.tables.add('Sheet1!A1:C4', true);
      sheet1(c).getRange('A2:B2').merge();
    }, wb);
    expect(error).toMatchObject({ code: 'InvalidOperation' });
    expect(wb.merges('Sheet1')).toEqual([]);
  });
});

describe(`request payloads on the web (${RESOURCE_LIMITS})`, () => {
  it('refuses a request over 5 MB with RequestPayloadSizeLimitExceeded; desktop has no such limit', async () => {
    expect(WEB_PAYLOAD_LIMIT).toBe(5 * 1024 * 1024);
    const big: Batch = (c) => void (sheet1(c).getRange('A1').values = [['x'.repeat(32_000)]]);
    const many: Batch = (c) => {
      for (let i = 0; i < 170; i++) big(c);
    };
    expect(await attempt(many)).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(await attempt(many, createSimulatedWorkbook({ platform: 'desktop' }))).toBe(undefined);
  });
});
