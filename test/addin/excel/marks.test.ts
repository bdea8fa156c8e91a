import { describe, expect, it } from 'vitest';
import { checkWorkbookInExcel } from '../../../addin/excel/check';
import { columnLetter } from '../../../addin/excel/columns';
import {
  applyMarks,
  fillLoadBytes,
  fillWriteBytes,
  MARK_FILL,
  MARKS_SETTING,
  MarksRefused,
} from '../../../addin/excel/marks';
import { PAYLOAD_LIMIT_BYTES, wire } from '../../../addin/excel/payload';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { generateWorkbook } from '../../../addin/demo/generate';
import { appealRegister, fieldsAtVersion, SCHEMA_VERSION } from '../../../shared';
import { loadRegisters, runOf } from './helpers';

const headers = fieldsAtVersion(appealRegister, SCHEMA_VERSION).map((f) => f.header);
const colOf = (header: string): string => columnLetter(headers.indexOf(header));

describe('marking problem cells within the 5 MB request limit', () => {
  // Excel on the web refuses a request over 5 MB:
  // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
  it('marks 6,600 error cells on Excel on the web without a request over 5 MB', async () => {
    const appeals = 2200;
    const g = generateWorkbook({ appeals, seed: 11 });
    const wb = createSimulatedWorkbook({ platform: 'web' });
    await setUpWorkbook(runOf(wb));
    await loadRegisters(wb, g.input);
    const last = appeals + 1;
    for (const [header, wrong] of [
      ['受理方式', '面谈室'],
      ['受理渠道', '走廊'],
      ['受理类别', '杂项类'],
    ] as const)
      wb.setValues(
        '职工诉求记录表',
        `${colOf(header)}2:${colOf(header)}${last}`,
        Array.from({ length: appeals }, () => [wrong]),
      );
    wb.resetStats();
    const report = await checkWorkbookInExcel(runOf(wb), { today: g.today });
    expect(report.marked).toBeGreaterThanOrEqual(3 * appeals);
    expect(wb.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(wb.stats.totalRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    // Reading the registers, then the remembered marks, two requests of fills read and one painted.
    expect(wb.stats.syncs).toBeLessThanOrEqual(8);
    expect(wb.fill('职工诉求记录表', `${colOf('受理类别')}${last}`)).toEqual([[MARK_FILL]]);
  }, 60_000);

  it('budgets by the measured wire size of a mark, not a guess', async () => {
    const cells = Array.from(
      { length: 2000 },
      (_, i) => `Sheet1!${columnLetter(i % 20)}${2 + Math.floor(i / 20)}`,
    );
    const wb = createSimulatedWorkbook({ platform: 'web' });
    await wb.run((context) => applyMarks(context, cells));
    // The remembered marks are read, every fill is read in one request, then painted in one.
    const [, loadRequest, paintRequest] = wb.stats.requests as [number, number, number];
    expect(wb.stats.syncs).toBe(3);
    const loadEstimate = cells.reduce((n, a) => n + fillLoadBytes(a.slice(a.indexOf('!') + 1)), 0);
    const remembered = String(wb.settings()[MARKS_SETTING]);
    const paintEstimate =
      cells.reduce((n, a) => n + fillWriteBytes(a.slice(a.indexOf('!') + 1), MARK_FILL), 0) +
      wire.action('Add', [MARKS_SETTING, remembered]) +
      wire.path('Settings');
    // Never under what office.js sends, and not so far over that requests are wasted.
    expect(loadEstimate).toBeGreaterThanOrEqual(loadRequest);
    expect(loadEstimate).toBeLessThanOrEqual(loadRequest * 1.25);
    expect(paintEstimate).toBeGreaterThanOrEqual(paintRequest);
    expect(paintEstimate).toBeLessThanOrEqual(paintRequest * 1.25);
    // The answer to a fill read is smaller than its request, so budgeting requests bounds responses.
    expect(wb.stats.responses[1]).toBeLessThan(loadRequest);
  });

  it('splits a request Excel refuses for size and still remembers the fill each cell had', async () => {
    // A 100 KB limit is far below the budget: every first attempt is refused and must be halved.
    const wb = createSimulatedWorkbook({ platform: 'web', payloadLimitBytes: 100_000 });
    const cells = Array.from({ length: 600 }, (_, i) => `Sheet1!B${i + 1}`);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('B1:B300').format.fill.color = '#FFFF00';
      await context.sync();
    });
    wb.resetStats();
    const marked = await wb.run((context) => applyMarks(context, cells));
    expect(marked).toEqual({ marked: 600, cleared: 0 });
    expect(wb.stats.requests.some((r) => r > 100_000)).toBe(true);
    expect(wb.fill('Sheet1', 'B1:B600').flat()).toEqual(new Array(600).fill(MARK_FILL));
    const remembered = JSON.parse(String(wb.settings()[MARKS_SETTING])) as Record<string, string | null>;
    expect(remembered['Sheet1!B1']).toBe('#FFFF00');
    expect(remembered['Sheet1!B600']).toBeNull();
    // Once fixed, each cell gets back its own fill.
    const cleared = await wb.run((context) => applyMarks(context, []));
    expect(cleared).toEqual({ marked: 0, cleared: 600 });
    expect(wb.fill('Sheet1', 'B300:B301')).toEqual([['#FFFF00'], [null]]);
  });
});

describe('remembered marks on a sheet the clerk has since renamed or deleted', () => {
  // Worksheets.getItem fails the whole request with ItemNotFound for a missing sheet; the marks
  // remembered there can only be forgotten.
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitem-member(1)
  it('forgets them and checks the workbook as it is now', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run((context) => {
      context.workbook.worksheets.add('旧表');
      return context.sync();
    });
    await wb.run((context) => applyMarks(context, ["'旧表'!B2", "'旧表'!C3"]));
    await wb.run((context) => {
      context.workbook.worksheets.getItem('旧表').name = '新表';
      return context.sync();
    });
    wb.setValues('Sheet1', 'A1', [['x']]);
    const report = await wb.run((context) => applyMarks(context, ['Sheet1!A1']));
    expect(report).toEqual({ marked: 1, cleared: 0 });
    expect(wb.fill('Sheet1', 'A1')).toEqual([[MARK_FILL]]);
    const remembered = await wb.run(async (context) => {
      const item = context.workbook.settings.getItem(MARKS_SETTING).load('value');
      await context.sync();
      return JSON.parse(String(item.value)) as Record<string, unknown>;
    });
    expect(Object.keys(remembered)).toEqual(['Sheet1!A1']);
  });
});

describe('a paint that fails partway never loses the clerk’s own fill', () => {
  // A failed request keeps the actions before the failing one; on a protected sheet Excel refuses to
  // format cells unless the protection allows it.
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions#excel-excel-worksheetprotectionoptions-allowformatcells-member
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection
  const YELLOW = '#FFFF00';

  async function yellowAndProtected(options: { payloadLimitBytes?: number } = {}) {
    const wb = createSimulatedWorkbook({ platform: 'web', ...options });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('B1:B300').format.fill.color = YELLOW;
      context.workbook.worksheets.add('第二表').protection.protect();
      await context.sync();
    });
    wb.resetStats();
    return wb;
  }
  const unprotect = (wb: ReturnType<typeof createSimulatedWorkbook>) =>
    wb.run(async (context) => {
      context.workbook.worksheets.getItem('第二表').protection.unprotect();
      await context.sync();
    });

  it('names the protected sheet in both languages, and restores the yellow fill once fixed', async () => {
    const wb = await yellowAndProtected();
    const refused = await wb
      .run((context) => applyMarks(context, ['Sheet1!B2', "'第二表'!C3"]))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(refused).toBeInstanceOf(MarksRefused);
    expect((refused as Error).message).toBe(
      '工作表“第二表”受保护，无法标记问题单元格；请取消保护后重新检查 / the sheet 第二表 is protected, so its problem cells cannot be marked; unprotect it and check again',
    );
    // Sheet1!B2 was painted before the protected sheet refused its cell.
    expect(wb.fill('Sheet1', 'B2')).toEqual([[MARK_FILL]]);
    await unprotect(wb);
    await wb.run((context) => applyMarks(context, []));
    expect(wb.fill('Sheet1', 'B2')).toEqual([[YELLOW]]);
    expect(wb.fill('第二表', 'C3')).toEqual([[null]]);
  });

  it('marks on the next check the cells the failed paint never reached', async () => {
    const wb = await yellowAndProtected();
    const cells = ['Sheet1!B2', "'第二表'!C3"];
    await expect(wb.run((context) => applyMarks(context, cells))).rejects.toBeInstanceOf(MarksRefused);
    await unprotect(wb);
    await wb.run((context) => applyMarks(context, cells));
    expect(wb.fill('第二表', 'C3')).toEqual([[MARK_FILL]]);
    // A check with nothing new sends nothing once the paint is confirmed.
    wb.resetStats();
    await wb.run((context) => applyMarks(context, cells));
    expect(wb.stats.syncs).toBe(1);
    await wb.run((context) => applyMarks(context, []));
    expect(wb.fill('Sheet1', 'B2')).toEqual([[YELLOW]]);
    expect(wb.fill('第二表', 'C3')).toEqual([[null]]);
  });

  it('records the fills in the first of several requests, before a later one is refused', async () => {
    // A 100 KB limit splits the paint in several requests; the protected sheet's cells come last.
    const wb = await yellowAndProtected({ payloadLimitBytes: 100_000 });
    const cells = [
      ...Array.from({ length: 600 }, (_, i) => `Sheet1!B${i + 1}`),
      ...Array.from({ length: 600 }, (_, i) => `'第二表'!C${i + 1}`),
    ];
    await expect(wb.run((context) => applyMarks(context, cells))).rejects.toBeInstanceOf(MarksRefused);
    expect(wb.stats.requests.filter((r) => r <= 100_000).length).toBeGreaterThan(3);
    expect(wb.fill('Sheet1', 'B1:B600').flat()).toEqual(new Array(600).fill(MARK_FILL));
    await unprotect(wb);
    await wb.run((context) => applyMarks(context, []));
    expect(wb.fill('Sheet1', 'B300:B301')).toEqual([[YELLOW], [null]]);
    expect(wb.fill('Sheet1', 'B1:B300').flat()).toEqual(new Array(300).fill(YELLOW));
  });
});
