import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedWorkbook } from '../../../addin/simulator';
import { pointsToCharacters, simulatedWorkbookToXlsx } from '../../../addin/simulator/xlsx';

// The export carries what a sheet looks like on paper, as Excel's formatting and page layout API set
// it: https://learn.microsoft.com/javascript/api/excel/excel.rangeformat and
// https://learn.microsoft.com/javascript/api/excel/excel.pagelayout — written by exceljs, read back
// by exceljs, each property compared with what was set through the simulated API.
describe('the .xlsx export keeps the layout set through RangeFormat and PageLayout', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const sim = createSimulatedWorkbook();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.name = '纪要';
      sheet.getRange('A1:D3').values = [
        ['会议纪要', '', '', ''],
        ['序号', '议题', '金额', '日期'],
        ['1', '食堂晚班供餐时间延长至二十一点，夜班职工反映强烈', 1234.5, 45658],
      ];
      sheet.getRange('A1:D1').merge(false);
      const title = sheet.getRange('A1:D1').format;
      title.font.bold = true;
      title.font.size = 18;
      title.font.name = '宋体';
      title.horizontalAlignment = 'Center';
      const table = sheet.getRange('A2:D3');
      for (const edge of [
        'EdgeTop',
        'EdgeBottom',
        'EdgeLeft',
        'EdgeRight',
        'InsideHorizontal',
        'InsideVertical',
      ] as const)
        table.format.borders.getItem(edge).style = 'Continuous';
      sheet.getRange('A2:D2').format.fill.color = '#D9E1F2';
      sheet.getRange('B3').format.wrapText = true;
      sheet.getRange('B3').format.verticalAlignment = 'Top';
      sheet.getRange('C3').numberFormat = [['#,##0.00']];
      sheet.getRange('D3').numberFormat = [['yyyy-mm-dd']];
      sheet.getRange('B:B').format.columnWidth = 120;
      sheet.getRange('3:3').format.rowHeight = 40.5;
      sheet.showGridlines = false;
      const page = sheet.pageLayout;
      page.paperSize = 'A4';
      page.orientation = 'Landscape';
      page.leftMargin = 54;
      page.topMargin = 56.7;
      page.centerHorizontally = true;
      page.zoom = { horizontalFitToPages: 1 };
      page.setPrintArea('A1:D3');
      page.setPrintTitleRows('$2:$2');
      await context.sync();
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await simulatedWorkbookToXlsx(sim));
    ws = book.getWorksheet('纪要') as ExcelJS.Worksheet;
  });

  it('merges, fonts and alignment', () => {
    expect(ws.getCell('A1').isMerged && ws.getCell('D1').master.address).toBe('A1');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 18, name: '宋体' });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('B3').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('borders on every edge of the ruled block (on the cell or its neighbour), none on the title', () => {
    const NEXT = {
      top: [-1, 0, 'bottom'],
      bottom: [1, 0, 'top'],
      left: [0, -1, 'right'],
      right: [0, 1, 'left'],
    } as const;
    const drawn: string[] = [];
    for (let r = 2; r <= 3; r++)
      for (let c = 1; c <= 4; c++)
        for (const [edge, [dr, dc, other]] of Object.entries(NEXT)) {
          const own = ws.getCell(r, c).border?.[edge as keyof typeof NEXT]?.style;
          const theirs =
            r + dr >= 1 && c + dc >= 1 ? ws.getCell(r + dr, c + dc).border?.[other]?.style : undefined;
          if ((own ?? theirs) === 'thin') drawn.push(`${ws.getCell(r, c).address}.${edge}`);
        }
    expect(drawn).toHaveLength(2 * 4 * 4);
    expect(ws.getCell('A1').border ?? {}).toEqual({});
    expect(ws.getCell('D1').border ?? {}).toEqual({});
  });

  it('fills and number formats', () => {
    expect(ws.getCell('C2').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFD9E1F2' },
    });
    expect(ws.getCell('C3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('D3').numFmt).toBe('yyyy-mm-dd');
  });

  it('column widths and row heights in points', () => {
    expect(ws.getColumn('B').width).toBe(pointsToCharacters(120));
    // Excel: pixels = characters × 7 + 5 for Calibri 11 at 96 dpi; 120 pt is 160 px.
    expect(((ws.getColumn('B').width ?? 0) * 7 + 5) * 0.75).toBeCloseTo(120, 0);
    expect(ws.getRow(3).height).toBe(40.5);
  });

  it('page setup: A4 landscape, one page wide, margins, print area and title rows, no gridlines', () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printArea: 'A1:D3',
      printTitlesRow: '2:2',
    });
    expect(ws.pageSetup.margins).toMatchObject({ left: 54 / 72, top: 56.7 / 72 });
    expect(ws.views[0]?.showGridLines).toBe(false);
  });
});

// https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup: the page number codes
// (&P of &N) are kept as written; the export puts each section behind its &L/&C/&R code.
describe('the .xlsx export keeps headers and footers', () => {
  it('the default set as the odd (every) page header and footer', async () => {
    const sim = createSimulatedWorkbook();
    const snap = sim.toJSON();
    const sheet = snap.sheets[0];
    if (!sheet) throw new Error('no sheet');
    sim.fromJSON({
      ...snap,
      sheets: [
        {
          ...sheet,
          pageLayout: {
            headersFooters: {
              defaultForAllPages: { centerFooter: '第 &P 页 共 &N 页', rightHeader: '台账' },
            },
          },
        },
      ],
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await simulatedWorkbookToXlsx(sim));
    expect(book.worksheets[0]?.headerFooter).toMatchObject({
      oddFooter: '&C第 &P 页 共 &N 页',
      oddHeader: '&R台账',
    });
  });
});
