import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDocument,
  layoutDocument,
  type DocumentRequest,
  type PrintDocument,
} from '../../../addin/documents';
import { columnsWidth, printableWidth } from '../../../addin/documents/page';
import { BuildRefused, GENERATED_SETTING } from '../../../addin/excel/build';
import { MISSING_PAGE_SETUP } from '../../../addin/excel/capabilities';
import { formatBytes, formatDocument, printDocument } from '../../../addin/excel/print';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../../addin/simulator';
import { filledWorkbook } from '../documents/fixture';
import { runOf } from './helpers';

const w = filledWorkbook();

function documentOf(request: Omit<DocumentRequest, 'issuedOn'>): PrintDocument {
  const r = buildDocument(w.check, { issuedOn: w.g.today, ...request });
  if (r.status !== 'ready') throw new Error(`${request.kind} not ready`);
  return r.document;
}

const minutes = documentOf({ kind: 'minutes', meetingId: w.meetingId });
const layout = layoutDocument(minutes);
const sheet = layout.content.name;
const header = (layout.content.blocks[0]?.rows.findIndex((r) => r[0] === '序号') ?? -1) + 1;

describe('printing a document to a sheet', () => {
  let wb: SimulatedWorkbook;
  beforeAll(async () => {
    wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      // The registry build.ts keeps: printing must extend it, not replace it.
      context.workbook.settings.add(GENERATED_SETTING, JSON.stringify(['台账2025Q1']));
      await context.sync();
    });
  });

  it('writes the document in two syncs, shows it, and records it as generated', async () => {
    wb.resetStats();
    const report = await printDocument(runOf(wb), minutes, wb.isSetSupported);
    expect(report).toEqual({ sheet, rows: layout.rowHeights.length, syncs: 2, missing: [] });
    expect(wb.stats.syncs).toBe(2);
    expect(wb.activeSheet()).toBe(sheet);
    expect(wb.getValues(sheet, layout.page.printArea)).toEqual(layout.content.blocks[0]?.rows);
    expect(JSON.parse(String(wb.settings()[GENERATED_SETTING]))).toEqual(['台账2025Q1', sheet]);
  });

  it('sets up an A4 landscape page with margins, the print area and the table header repeated', () => {
    const page = wb.pageLayout(sheet);
    expect(page).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      leftMargin: 54,
      rightMargin: 54,
      topMargin: 56.7,
      centerHorizontally: true,
      printArea: layout.page.printArea,
    });
    expect(String(page.printTitleRows)).toMatch(new RegExp(`^\\$?${header}:\\$?${header}$`));
    const widths = Object.values(wb.columnWidths(sheet)).reduce((a, b) => a + b, 0);
    expect(widths).toBeLessThanOrEqual(printableWidth('landscape'));
    expect(widths).toBe(columnsWidth(layout.content.widths));
  });

  it('merges titles and paragraphs across the page, wraps text, bolds and rules the table', () => {
    expect(wb.merges(sheet)).toEqual(expect.arrayContaining(['A1:F1', 'A2:F2', 'A4:F4']));
    expect(wb.cellFormat(sheet, 'A4', 'wrapText')).toEqual([[true]]);
    expect(wb.cellFormat(sheet, `A${header}:F${header}`, 'font.bold')).toEqual([
      [true, true, true, true, true, true],
    ]);
    expect(wb.cellFormat(sheet, `B${header}:B${header + 1}`, 'border.top.style')[0]).toEqual(['Continuous']);
    expect(wb.cellFormat(sheet, `B${header}:B${header + 1}`, 'border.bottom.style')).toEqual([
      ['Continuous'],
      ['Continuous'],
    ]);
    expect(wb.cellFormat(sheet, 'B4', 'border.bottom.style')).toEqual([[null]]);
    expect(wb.cellFormat(sheet, 'A1', 'font.size')).toEqual([[18]]);
  });

  it('keeps 编号 and phones as text', async () => {
    const appeal = w.g.appeals.find((a) => a.phone && a.appellant !== '匿名');
    // The union's own copy: the copy for departments hides the phone.
    const form = documentOf({ kind: 'appealForm', appealId: appeal?.id, showAppellant: true });
    await printDocument(runOf(wb), form, wb.isSetSupported);
    const cells = wb.getValues(form.sheet, layoutDocument(form).page.printArea).flat();
    expect(cells).toContain(appeal?.phone);
    expect(cells).not.toContain(Number(appeal?.phone));
  });

  it('printing again replaces its own sheet; a sheet the clerk made is never overwritten', async () => {
    const before = wb.sheetNames().length;
    await printDocument(runOf(wb), minutes, wb.isSetSupported);
    expect(wb.sheetNames()).toHaveLength(before);
    expect(wb.sheetNames().filter((s) => s === sheet)).toHaveLength(1);
    const other = createSimulatedWorkbook();
    await other.run(async (context) => {
      context.workbook.worksheets.add(sheet).getRange('A1').values = [['我的笔记']];
      await context.sync();
    });
    await expect(printDocument(runOf(other), minutes, other.isSetSupported)).rejects.toBeInstanceOf(
      BuildRefused,
    );
    expect(other.getValues(sheet, 'A1')).toEqual([['我的笔记']]);
    // Even as the workbook's only sheet, a printed sheet is replaced (Excel keeps one sheet at all times).
    const alone = createSimulatedWorkbook();
    await printDocument(runOf(alone), minutes, alone.isSetSupported);
    await alone.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').delete();
      await context.sync();
    });
    await printDocument(runOf(alone), minutes, alone.isSetSupported);
    expect(alone.sheetNames()).toEqual([sheet]);
  });
});

// Worksheet.pageLayout is ExcelApi 1.9; Office 2019 has 1.8
// (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
describe('a document’s formatting is sized as Excel on the web counts it', () => {
  it('the estimate the writer splits requests by is at least what the simulator counts', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.add('Doc');
      await context.sync();
    });
    const bytes = async (times: number): Promise<number> => {
      wb.resetStats();
      await wb.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Doc');
        for (let i = 0; i < times; i++) formatDocument(sheet, layout);
        await context.sync();
      });
      return wb.stats.totalRequestBytes;
    };
    const measured = (await bytes(2)) - (await bytes(1));
    expect(formatBytes(layout)).toBeGreaterThanOrEqual(measured);
    expect(formatBytes(layout)).toBeLessThanOrEqual(measured * 1.5);
  });
});

describe('printing a document in an Excel without ExcelApi 1.9 (Office 2019)', () => {
  it('asks Office for ExcelApi 1.9 with the version as a string, before any page setup', async () => {
    const asked: [string, string | undefined][] = [];
    const wb = createSimulatedWorkbook();
    await printDocument(runOf(wb), minutes, (name, version) => (asked.push([name, version]), true));
    expect(asked).toContainEqual(['ExcelApi', '1.9']);
    expect(wb.pageLayout(sheet)).toMatchObject({ paperSize: 'A4', printArea: layout.page.printArea });
  });

  it('still writes and formats the sheet, sets no page up, and reports what is missing and where it is', async () => {
    const wb = createSimulatedWorkbook({ excelApi: 8 });
    expect(wb.isSetSupported('ExcelApi', '1.9')).toBe(false);
    const report = await printDocument(runOf(wb), minutes, wb.isSetSupported);
    expect(report.sheet).toBe(sheet);
    expect(wb.getValues(sheet, layout.page.printArea)).toEqual(layout.content.blocks[0]?.rows);
    expect(wb.merges(sheet)).toEqual(expect.arrayContaining(['A1:F1']));
    expect(wb.cellFormat(sheet, 'A1', 'font.size')).toEqual([[18]]);
    const page = wb.pageLayout(sheet);
    expect(page.printArea).toBeUndefined();
    expect(page.printTitleRows).toBeUndefined();
    expect(page.paperSize).not.toBe('A4');
    expect(report.missing).toEqual([MISSING_PAGE_SETUP]);
    expect(report.missing[0]?.what.zh).toContain('打印区域');
    expect(report.missing[0]?.where.zh).toContain('Excel 2021');
    expect(report.missing[0]?.where.en).toContain('ExcelApi 1.9');
  });

  it('needs its check: told 1.9 is there when it is not, it meets office.js refusing pageLayout', async () => {
    const wb = createSimulatedWorkbook({ excelApi: 8 });
    await expect(printDocument(runOf(wb), minutes, () => true)).rejects.toMatchObject({
      code: 'ApiNotFound',
    });
  });
});
