import { runBatch, type Batch } from './batch';
import { describe, expect, it } from 'vitest';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';

// Worksheet protection, ExcelApi 1.2:
const PROTECTION = 'https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection';
const OPTIONS = 'https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions';
const FORMAT_PROTECTION = 'https://learn.microsoft.com/javascript/api/excel/excel.formatprotection';
// Writes Excel refuses on a protected sheet fail with AccessDenied ("You cannot perform the requested
// operation."), as the Excel service answers a write into locked cells:
const ACCESS_DENIED = 'https://github.com/microsoftgraph/microsoft-graph-docs/issues/4546';
const ERRORS =
  'https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling';

const attempt = runBatch;

const sheet1 = (c: Excel.RequestContext): Excel.Worksheet => c.workbook.worksheets.getItem('Sheet1');

/** A workbook whose Sheet1 holds a value in A1 and is protected with the given options. */
async function protectedBook(
  options?: Excel.WorksheetProtectionOptions,
  before?: Batch,
): Promise<SimulatedWorkbook> {
  const wb = createSimulatedWorkbook();
  wb.setValues('Sheet1', 'A1', [['keep']]);
  const error = await attempt(wb, (c) => {
    before?.(c);
    sheet1(c).protection.protect(options);
  });
  expect(error).toBeUndefined();
  return wb;
}

const denied = { code: 'AccessDenied' };

describe(`Worksheet.protection (${PROTECTION})`, () => {
  it(`protects and unprotects, reporting protected and the options (${OPTIONS})`, async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const protection = sheet1(context).protection.load('protected, options');
      await context.sync();
      expect(protection.protected).toBe(false);
      protection.protect({ allowFormatCells: true, allowInsertRows: true });
      protection.load('protected, options');
      await context.sync();
      expect(protection.protected).toBe(true);
      expect(protection.options).toMatchObject({
        allowFormatCells: true,
        allowInsertRows: true,
        allowDeleteRows: false,
        allowFormatColumns: false,
      });
      protection.unprotect();
      protection.load('protected');
      await context.sync();
      expect(protection.protected).toBe(false);
    });
  });

  it('fails to protect a sheet that is already protected (the reference; office-js issue 6784 shows AccessDenied)', async () => {
    const wb = await protectedBook();
    expect(await attempt(wb, (c) => sheet1(c).protection.protect())).toMatchObject(denied);
  });

  it(`unprotects only with the password it was protected with (BadPassword, ${ERRORS})`, async () => {
    const wb = createSimulatedWorkbook();
    expect(await attempt(wb, (c) => sheet1(c).protection.unprotect())).toBeUndefined();
    expect(await attempt(wb, (c) => sheet1(c).protection.protect({}, '工会'))).toBeUndefined();
    expect(await attempt(wb, (c) => sheet1(c).protection.unprotect())).toMatchObject({ code: 'BadPassword' });
    expect(await attempt(wb, (c) => sheet1(c).protection.unprotect('x'))).toMatchObject({
      code: 'BadPassword',
    });
    expect(await attempt(wb, (c) => sheet1(c).protection.unprotect('工会'))).toBeUndefined();
    expect(await attempt(wb, (c) => void (sheet1(c).getRange('A1').values = [['free']]))).toBeUndefined();
  });

  it('keeps protection, its options and password, and unlocked cells through a snapshot', async () => {
    const wb = await protectedBook({ allowFormatCells: true }, (c) => {
      sheet1(c).getRange('B1').format.protection.locked = false;
    });
    const copy = createSimulatedWorkbook();
    copy.fromJSON(JSON.parse(JSON.stringify(wb.toJSON())) as ReturnType<SimulatedWorkbook['toJSON']>);
    expect(await attempt(copy, (c) => void (sheet1(c).getRange('A1').values = [['x']]))).toMatchObject(
      denied,
    );
    expect(await attempt(copy, (c) => void (sheet1(c).getRange('B1').values = [['x']]))).toBeUndefined();
    expect(
      await attempt(copy, (c) => void (sheet1(c).getRange('A1').format.font.bold = true)),
    ).toBeUndefined();
    expect(await attempt(copy, (c) => sheet1(c).protection.protect())).toMatchObject(denied);
  });
});

describe(`writes into a protected sheet are refused with AccessDenied (${ACCESS_DENIED})`, () => {
  it('refuses values and formulas in locked cells, changing nothing', async () => {
    const wb = await protectedBook();
    expect(await attempt(wb, (c) => void (sheet1(c).getRange('A1').values = [['x']]))).toMatchObject(denied);
    expect(await attempt(wb, (c) => void (sheet1(c).getRange('B1').formulas = [['=1+1']]))).toMatchObject(
      denied,
    );
    expect(wb.getValues('Sheet1', 'A1:B1')).toEqual([['keep', '']]);
  });

  it(`accepts values in cells unlocked before protecting (${FORMAT_PROTECTION})`, async () => {
    const wb = await protectedBook(undefined, (c) => {
      sheet1(c).getRange('B1:B3').format.protection.locked = false;
    });
    expect(
      await attempt(wb, (c) => void (sheet1(c).getRange('B1:B3').values = [[1], [2], [3]])),
    ).toBeUndefined();
    expect(await attempt(wb, (c) => void (sheet1(c).getRange('B3:B4').values = [[1], [2]]))).toMatchObject(
      denied,
    );
    await wb.run(async (context) => {
      const a = sheet1(context).getRange('A1').format.protection.load('locked');
      const b = sheet1(context).getRange('B1:B3').format.protection.load('locked');
      const mixed = sheet1(context).getRange('A1:B1').format.protection.load('locked');
      await context.sync();
      expect([a.locked, b.locked, mixed.locked]).toEqual([true, false, null]);
    });
  });

  it('refuses changing which cells are locked while the sheet is protected', async () => {
    const wb = await protectedBook({ allowFormatCells: true });
    expect(
      await attempt(wb, (c) => void (sheet1(c).getRange('A1').format.protection.locked = false)),
    ).toMatchObject(denied);
  });

  it('refuses number formats unless allowFormatCells', async () => {
    const wb = await protectedBook();
    expect(await attempt(wb, (c) => void (sheet1(c).getRange('A1').numberFormat = [['@']]))).toMatchObject(
      denied,
    );
    const allowed = await protectedBook({ allowFormatCells: true });
    expect(
      await attempt(allowed, (c) => void (sheet1(c).getRange('A1').numberFormat = [['@']])),
    ).toBeUndefined();
  });

  it('refuses fonts, fills, borders and alignment unless allowFormatCells', async () => {
    const wb = await protectedBook();
    const writes: Batch[] = [
      (c) => void (sheet1(c).getRange('A1').format.font.bold = true),
      (c) => void (sheet1(c).getRange('A1').format.fill.color = '#FFFF00'),
      (c) => sheet1(c).getRange('A1').format.fill.clear(),
      (c) => void (sheet1(c).getRange('A1').format.borders.getItem('EdgeTop').style = 'Continuous'),
      (c) => void (sheet1(c).getRange('A1').format.horizontalAlignment = 'Center'),
    ];
    for (const write of writes) expect(await attempt(wb, write)).toMatchObject(denied);
    const allowed = await protectedBook({ allowFormatCells: true });
    for (const write of writes) expect(await attempt(allowed, write)).toBeUndefined();
  });

  it('refuses row heights, column widths, hiding and autofit unless rows or columns may be formatted', async () => {
    const wb = await protectedBook();
    const rows: Batch[] = [
      (c) => void (sheet1(c).getRange('A1').format.rowHeight = 30),
      (c) => void (sheet1(c).getRange('A1').rowHidden = true),
      (c) => sheet1(c).getRange('A1').format.autofitRows(),
    ];
    const columns: Batch[] = [
      (c) => void (sheet1(c).getRange('A1').format.columnWidth = 90),
      (c) => void (sheet1(c).getRange('A1').columnHidden = true),
      (c) => sheet1(c).getRange('A1').format.autofitColumns(),
    ];
    for (const write of [...rows, ...columns]) expect(await attempt(wb, write)).toMatchObject(denied);
    const allowed = await protectedBook({ allowFormatRows: true, allowFormatColumns: true });
    for (const write of [...rows, ...columns]) expect(await attempt(allowed, write)).toBeUndefined();
  });

  it('refuses inserting or deleting cells; whole rows and columns only where the options allow', async () => {
    const wb = await protectedBook({ allowInsertRows: true, allowDeleteRows: true });
    expect(await attempt(wb, (c) => void sheet1(c).getRange('A2:B2').insert('Down'))).toMatchObject(denied);
    expect(await attempt(wb, (c) => sheet1(c).getRange('A2:B2').delete('Up'))).toMatchObject(denied);
    expect(await attempt(wb, (c) => void sheet1(c).getRange('B:B').insert('Right'))).toMatchObject(denied);
    expect(await attempt(wb, (c) => void sheet1(c).getRange('1:1').insert('Down'))).toBeUndefined();
    expect(wb.getValues('Sheet1', 'A2')).toEqual([['keep']]);
    // Rows to delete must hold no locked cell (VBA Protection.AllowDeletingRows).
    expect(await attempt(wb, (c) => sheet1(c).getRange('2:2').delete('Up'))).toMatchObject(denied);
  });

  it('refuses creating and changing tables', async () => {
    const wb = createSimulatedWorkbook();
    expect(await attempt(wb, (c) => void c.workbook.tables.add('Sheet1!D1:E3', true))).toBeUndefined();
    expect(
      await attempt(wb, (c) => sheet1(c).protection.protect({ allowFormatCells: true })),
    ).toBeUndefined();
    const writes: Batch[] = [
      (c) => void c.workbook.tables.add('Sheet1!A1:B3', true),
      (c) => void c.workbook.tables.getItem('Table1').rows.add(undefined, [['a', 'b']]),
      (c) => void (c.workbook.tables.getItem('Table1').name = 'Renamed'),
      (c) => c.workbook.tables.getItem('Table1').delete(),
    ];
    for (const write of writes) expect(await attempt(wb, write)).toMatchObject(denied);
    expect(wb.tableNames()).toEqual(['Table1']);
  });

  it('refuses data validation', async () => {
    const wb = await protectedBook({ allowFormatCells: true });
    const dv = (c: Excel.RequestContext): Excel.DataValidation => sheet1(c).getRange('A1:A3').dataValidation;
    expect(
      await attempt(wb, (c) => void (dv(c).rule = { list: { inCellDropDown: true, source: 'a,b' } })),
    ).toMatchObject(denied);
    expect(await attempt(wb, (c) => dv(c).clear())).toMatchObject(denied);
    expect(wb.dataValidation('Sheet1', 'A1:A3')).toBeUndefined();
  });

  it('refuses conditional formats', async () => {
    const wb = await protectedBook({ allowFormatCells: true });
    expect(
      await attempt(wb, (c) => void sheet1(c).getRange('A1:A3').conditionalFormats.add('Custom')),
    ).toMatchObject(denied);
    expect(await attempt(wb, (c) => sheet1(c).getRange('A1:A3').conditionalFormats.clearAll())).toMatchObject(
      denied,
    );
    expect(wb.conditionalFormats('Sheet1')).toEqual([]);
  });

  it('refuses merging and unmerging', async () => {
    const wb = await protectedBook({ allowFormatCells: true });
    expect(await attempt(wb, (c) => sheet1(c).getRange('B2:C2').merge())).toMatchObject(denied);
    expect(await attempt(wb, (c) => sheet1(c).getRange('B2:C2').unmerge())).toMatchObject(denied);
    expect(wb.merges('Sheet1')).toEqual([]);
  });

  it('refuses clearing locked contents, and clearing formats unless allowFormatCells', async () => {
    const wb = await protectedBook();
    for (const applyTo of ['All', 'Contents', 'Formats'] as const)
      expect(await attempt(wb, (c) => sheet1(c).getRange('A1').clear(applyTo))).toMatchObject(denied);
    expect(wb.getValues('Sheet1', 'A1')).toEqual([['keep']]);
    const unlocked = await protectedBook(undefined, (c) => {
      sheet1(c).getRange('B1').format.protection.locked = false;
    });
    expect(await attempt(unlocked, (c) => sheet1(c).getRange('B1').clear('Contents'))).toBeUndefined();
  });
});
