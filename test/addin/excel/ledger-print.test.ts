import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../../addin/demo/generate';
import {
  buildLedgers,
  EDGES,
  heightCommands,
  LEDGER_FOOTER,
  PRINT_COMMAND_BYTES,
  printLayout,
  setUpLedgerPage,
} from '../../../addin/excel/build';
import { MISSING_PAGE_SETUP } from '../../../addin/excel/capabilities';
import { setUpWorkbook } from '../../../addin/excel/setup';
import { createSimulatedWorkbook, WEB_PAYLOAD_LIMIT, type SimulatedWorkbook } from '../../../addin/simulator';
import { BatchWriter } from '../../../addin/excel/writer';
import { buildContents } from '../../../addin/excel/generated';
import {
  appealRegister,
  buildSatisfactionLedger,
  buildWorkLedger,
  checkWorkbook,
  computeFigures,
  HANDBOOK_NOTES,
  isLedgerSheet,
  ledgerSheetName,
  monthOfLedgerSheet,
  monthPeriod,
  periodOfLedgerSheet,
  periodRange,
  satisfactionLedgerSheet,
  workLedgerSheet,
} from '../../../shared';
import { loadRegisters, runOf } from './helpers';

const g = generateWorkbook({ appeals: 160, seed: 11 });
const core = checkWorkbook(g.input, { today: g.today });
const YEAR = 2025;

/** The page a generated ledger prints on, as the handbook's form (step 八) asks for it. */
function expectHandbookPage(wb: SimulatedWorkbook, sheet: string, lastColumn: string, lastRow: number): void {
  // Page setup through Worksheet.pageLayout (ExcelApi 1.9):
  // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout (paperSize, orientation, zoom,
  // setPrintArea, setPrintTitleRows) and https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup;
  // &P/&N are Excel's page codes:
  // https://learn.microsoft.com/office/vba/excel/concepts/workbooks-and-worksheets/formatting-and-vba-codes-for-headers-and-footers
  expect(wb.pageLayout(sheet)).toMatchObject({
    paperSize: 'A4',
    orientation: 'Landscape',
    zoom: { horizontalFitToPages: 1 },
    printArea: `A1:${lastColumn}${lastRow}`,
    printTitleRows: '1:3',
    headersFooters: { defaultForAllPages: { centerFooter: '第 &P 页 共 &N 页' } },
  });
  expect((wb.pageLayout(sheet).zoom as Record<string, unknown>).verticalFitToPages).toBeUndefined();
}

describe('generated ledgers print as the handbook’s forms', () => {
  let wb: SimulatedWorkbook;
  beforeAll(async () => {
    wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    await loadRegisters(wb, g.input);
  });

  it('sets up each ledger’s page: A4 landscape, one page wide, title rows repeated, 第 N 页 共 M 页', async () => {
    const report = await buildLedgers(runOf(wb), {
      year: YEAR,
      asOf: g.today,
      isSetSupported: wb.isSetSupported,
    });
    expect(report.missing).toEqual([]);
    expect(LEDGER_FOOTER).toBe('第 &P 页 共 &N 页');
    const q3 = buildWorkLedger(core.cases, { year: YEAR, quarter: 3 }, g.today);
    expectHandbookPage(wb, '台账2025Q3', 'L', 3 + q3.length);
    const satisfaction = buildSatisfactionLedger(core.cases, { year: YEAR, quarter: 0 }, g.today);
    // The satisfaction ledger's handbook note is one row under the table, inside the print area.
    expectHandbookPage(wb, satisfactionLedgerSheet.sheet, 'G', 4 + satisfaction.length);
    for (const sheet of ['议题梳理汇总分类表', '分类汇总表'])
      expect(wb.pageLayout(sheet)).toMatchObject({ paperSize: 'A4', orientation: 'Landscape' });
    // The hidden working-day list is not a form and is never set up for print.
    expect(wb.pageLayout('工作日历')).toEqual({});
  });

  it('rules the header and every data row, and leaves the rows around the table bare', () => {
    const q3 = buildWorkLedger(core.cases, { year: YEAR, quarter: 3 }, g.today);
    const last = 3 + q3.length;
    // Every cell's bottom and right edge is ruled (EdgeBottom/Right and the inside borders), the header's
    // top and column A's left are the frame; the simulator keeps a shared edge on the upper/left cell.
    for (const edge of ['bottom', 'right']) {
      const styles = wb.cellFormat('台账2025Q3', `A3:L${last}`, `border.${edge}.style`).flat();
      expect(new Set(styles), edge).toEqual(new Set(['Continuous']));
    }
    expect(new Set(wb.cellFormat('台账2025Q3', 'A3:L3', 'border.top.style').flat())).toEqual(
      new Set(['Continuous']),
    );
    expect(new Set(wb.cellFormat('台账2025Q3', `A3:A${last}`, 'border.left.style').flat())).toEqual(
      new Set(['Continuous']),
    );
    expect(wb.cellFormat('台账2025Q3', 'A2:L2', 'border.bottom.style').flat()).not.toContain('Continuous');
    expect(
      wb.cellFormat('台账2025Q3', `A${last + 1}:L${last + 1}`, 'border.bottom.style').flat(),
    ).not.toContain('Continuous');
    expect(wb.cellFormat('台账2025Q3', `M3:M${last}`, 'border.left.style').flat()).not.toContain(
      'Continuous',
    );
    // The title spans the form, centred; long text wraps inside its column.
    expect(wb.merges('台账2025Q3')).toContain('A1:L1');
    expect(wb.cellFormat('台账2025Q3', 'E4', 'wrapText')).toEqual([[true]]);
  });

  it('puts the handbook’s note under the table, merged across it', () => {
    const rows = buildSatisfactionLedger(core.cases, { year: YEAR, quarter: 0 }, g.today).length;
    const noteRow = 4 + rows;
    const note = HANDBOOK_NOTES[satisfactionLedgerSheet.key];
    expect(note).toMatch(/^注：诉求满意度为“非常满意、满意、基本满意”的诉求只填写表格前四项/);
    expect(wb.getValues(satisfactionLedgerSheet.sheet, `A${noteRow}:A${noteRow + 1}`)).toEqual([
      [note],
      [''],
    ]);
    expect(wb.merges(satisfactionLedgerSheet.sheet)).toContain(`A${noteRow}:G${noteRow}`);
    // Above it the table's bottom rule; the note itself is not ruled.
    expect(wb.cellFormat(satisfactionLedgerSheet.sheet, `A${noteRow - 1}`, 'border.bottom.style')).toEqual([
      ['Continuous'],
    ]);
    for (const edge of ['bottom', 'left', 'right'])
      expect(
        wb
          .cellFormat(satisfactionLedgerSheet.sheet, `A${noteRow}:G${noteRow}`, `border.${edge}.style`)
          .flat(),
        edge,
      ).not.toContain('Continuous');
    expect(wb.cellFormat(satisfactionLedgerSheet.sheet, `A${noteRow}`, 'wrapText')).toEqual([[true]]);
    const classification = HANDBOOK_NOTES.classification ?? '';
    expect(classification).toMatch(/^注：此表由工会负责进行梳理/);
    expect(wb.getValues('议题梳理汇总分类表', 'A1:A400').flat()).toContain(classification);
  });

  it('a rebuild keeps the page set up and writes the note once', async () => {
    const before = wb.pageLayout(satisfactionLedgerSheet.sheet);
    await buildLedgers(runOf(wb), { year: YEAR, asOf: g.today, isSetSupported: wb.isSetSupported });
    expect(wb.pageLayout(satisfactionLedgerSheet.sheet)).toEqual(before);
    const note = HANDBOOK_NOTES[satisfactionLedgerSheet.key];
    const cells = wb.getValues(satisfactionLedgerSheet.sheet, 'A1:A400').flat();
    expect(cells.filter((c) => c === note)).toHaveLength(1);
    expect(wb.merges(satisfactionLedgerSheet.sheet).filter((m) => m.startsWith('A1:'))).toHaveLength(1);
  });

  it('below ExcelApi 1.9 writes the same sheets, sets no page, and says what is missing', async () => {
    const old = createSimulatedWorkbook({ excelApi: 8 });
    await setUpWorkbook(runOf(old));
    await loadRegisters(old, g.input);
    const report = await buildLedgers(runOf(old), {
      year: YEAR,
      asOf: g.today,
      isSetSupported: old.isSetSupported,
    });
    expect(report.missing).toEqual([MISSING_PAGE_SETUP]);
    expect(old.pageLayout('台账2025Q3')).toEqual({});
    expect(old.getValues('台账2025Q3', 'A4:L40')).toEqual(wb.getValues('台账2025Q3', 'A4:L40'));
    expect(old.merges('台账2025Q3')).toContain('A1:L1');
  });
});

describe('the monthly work ledger (the handbook: 也可根据情况每月整理一次)', () => {
  it('names a month 台账2025-03: never read as a quarter, and kept out of the register matching', () => {
    expect(ledgerSheetName(monthPeriod(2025, 3))).toBe('台账2025-03');
    expect(ledgerSheetName(monthPeriod(2025, 12))).toBe('台账2025-12');
    expect(periodRange(monthPeriod(2024, 2))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange(monthPeriod(2025, 12))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(monthOfLedgerSheet('台账2025-03')).toEqual({ year: 2025, quarter: 1, month: 3 });
    expect(periodOfLedgerSheet('台账2025-03')).toBeNull();
    expect(monthOfLedgerSheet('台账2025-13')).toBeNull();
    expect(['台账2025-03', '台账2025Q1', '台账2025-3', '台账'].map(isLedgerSheet)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('builds one per month begun, each row and count equal to the core’s for that month', async () => {
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    await loadRegisters(wb, g.input);
    const report = await buildLedgers(runOf(wb), {
      year: YEAR,
      asOf: g.today,
      monthly: true,
      isSetSupported: wb.isSetSupported,
    });
    const months = report.sheets.map((s) => s.name).filter((n) => monthOfLedgerSheet(n));
    expect(months[0]).toBe('台账2025-01');
    expect(months.length).toBe(
      [...Array(12).keys()].filter((m) => `${YEAR}-${String(m + 1).padStart(2, '0')}-01` <= g.today).length,
    );
    let total = 0;
    for (const name of months) {
      const p = monthOfLedgerSheet(name);
      if (!p) throw new Error(name);
      const expected = buildWorkLedger(core.cases, p, g.today);
      const figures = computeFigures(core.cases, p, {
        asOf: g.today,
        calendar: core.calendar,
        rules: core.settings,
      });
      expect(expected.length, name).toBe(figures.received);
      expect(wb.getValues(name, 'A1')[0]?.[0]).toMatch(
        new RegExp(`职工诉求工作台账（${YEAR}年${p.month}月）$`),
      );
      expect(wb.getValues(name, 'A3:L3')[0]).toEqual(workLedgerSheet.fields.map((f) => f.header));
      if (expected.length) {
        const rows = wb.getValues(name, `A4:L${3 + expected.length}`);
        expect(rows.map((r) => r[0])).toEqual(expected.map((e) => e.id));
        expect(rows.map((r) => r[7])).toEqual(expected.map((e) => e.progress));
        expect(rows.map((r) => r[8])).toEqual(expected.map((e) => e.rating));
      }
      expect(wb.getValues(name, `A${4 + expected.length}:A${4 + expected.length}`)).toEqual([['']]);
      expectHandbookPage(wb, name, 'L', 3 + Math.max(expected.length, 0));
      total += expected.length;
    }
    // The months of the first quarter together are its quarterly ledger, row for row.
    const q1 = buildWorkLedger(core.cases, { year: YEAR, quarter: 1 }, g.today).map((r) => r.id);
    const q1Months = ['台账2025-01', '台账2025-02', '台账2025-03'].flatMap((n) =>
      buildWorkLedger(core.cases, monthOfLedgerSheet(n) ?? monthPeriod(YEAR, 1), g.today).map((r) => r.id),
    );
    expect(q1Months).toEqual(q1);
    expect(total).toBeGreaterThan(0);
    // Without the option, no month is built.
    const plain = await buildLedgers(runOf(wb), {
      year: YEAR,
      asOf: g.today,
      isSetSupported: wb.isSetSupported,
    });
    expect(plain.sheets.some((s) => monthOfLedgerSheet(s.name))).toBe(false);
  });
});

describe('setting up a workbook that holds a monthly ledger', () => {
  it('never takes 台账2025-03 (the appeal register’s headers, repeated) for the appeal register', async () => {
    const wb = createSimulatedWorkbook();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.add('台账2025-03');
      const headers = workLedgerSheet.fields.map((f) => f.header);
      sheet.getRange('A1:L1').values = [headers];
      sheet.getRange('A2:L2').values = [
        ['2025-0001', '2025-03-03', '生活保障类', '张三', '食堂', '后勤部', '', '', '', '', '', ''],
      ];
      await context.sync();
    });
    const before = wb.getValues('台账2025-03', 'A1:L2');
    await setUpWorkbook(runOf(wb));
    expect(wb.getValues('台账2025-03', 'A1:L2')).toEqual(before);
    expect(wb.tableNames().some((t) => wb.table(t)?.sheet === '台账2025-03')).toBe(false);
  });
});

describe('a printed form’s commands are sized as Excel on the web counts them', () => {
  // Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded:
  // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
  // The writer splits requests by these estimates; guessed at 200 bytes a row height, building
  // 50,000 appeals' ledgers sent 8.5 MB at once (npm run bench:excel).
  const wb = createSimulatedWorkbook();
  /** The bytes one more such command adds to a request, as the simulator counts office.js's JSON. */
  async function measured(command: (sheet: Excel.Worksheet) => void): Promise<number> {
    const bytes = async (times: number): Promise<number> => {
      wb.resetStats();
      await wb.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Form');
        for (let i = 0; i < times; i++) command(sheet);
        await context.sync();
      });
      return wb.stats.totalRequestBytes;
    };
    return (await bytes(2)) - (await bytes(1));
  }
  beforeAll(async () => {
    await wb.run(async (context) => {
      context.workbook.worksheets.add('Form');
      await context.sync();
    });
  });
  const layout = printLayout({
    name: '台账2025Q1',
    title: '题'.repeat(20),
    widths: [6, 12, 30, 12, 12, 12, 12, 12, 12, 30, 12],
    blocks: [
      { row: 0, rows: [['题'.repeat(20)]] },
      { row: 2, header: true, rows: [Array.from({ length: 11 }, (_, i) => `列${i}`)] },
      { row: 3, rows: Array.from({ length: 12_000 }, (_, i) => Array(11).fill(`第${i}行`)) },
      { row: 12_004, note: true, rows: [['注：'.repeat(40)]] },
    ],
  });

  it('a row height, a ruled table, wrapped text, the title, the note and the page: none above its estimate', async () => {
    const rule = layout.ruled[0] as string;
    const cases: [string, number, (sheet: Excel.Worksheet) => void][] = [
      [
        'row height',
        PRINT_COMMAND_BYTES.rowHeight('12345:12346', 409.5),
        (s) => void (s.getRange('12345:12346').format.rowHeight = 409.5),
      ],
      [
        'ruled',
        PRINT_COMMAND_BYTES.ruled(rule),
        (s) => {
          const r = s.getRange(rule);
          for (const edge of EDGES) r.format.borders.getItem(edge).style = 'Continuous';
        },
      ],
      [
        'wrapped',
        PRINT_COMMAND_BYTES.wrapped(layout.wrapped[0] as string),
        (s) => {
          const r = s.getRange(layout.wrapped[0] as string);
          r.format.wrapText = true;
          r.format.verticalAlignment = 'Top';
        },
      ],
      [
        'title',
        PRINT_COMMAND_BYTES.title(layout.title),
        (s) => {
          const r = s.getRange(layout.title);
          r.merge(false);
          r.format.horizontalAlignment = 'Center';
        },
      ],
      [
        'note',
        PRINT_COMMAND_BYTES.note(layout.notes[0] as string),
        (s) => {
          const r = s.getRange(layout.notes[0] as string);
          r.merge(false);
          r.format.wrapText = true;
          r.format.verticalAlignment = 'Top';
        },
      ],
      ['page', PRINT_COMMAND_BYTES.page(layout), (s) => setUpLedgerPage(s, layout)],
    ];
    for (const [what, estimate, command] of cases) {
      const bytes = await measured(command);
      expect({ what, fits: estimate >= bytes }).toEqual({ what, fits: true });
      // Not so high that a long ledger takes needless round trips.
      expect({ what, close: estimate <= bytes * 1.5 }).toEqual({ what, close: true });
    }
  });

  it('row heights: the commonest over each span first, the others over their runs; every row ends at its own', () => {
    // Rows 1, 3–8 and 10–12: mostly 35.7, with single-line and three-line rows among them.
    const heights = new Map<number, number>([
      [1, 24.9],
      [3, 35.7],
      [4, 20.9],
      [5, 35.7],
      [6, 35.7],
      [7, 50.6],
      [8, 35.7],
      [10, 20.9],
      [11, 20.9],
      [12, 35.7],
    ]);
    const commands = heightCommands(heights);
    expect(commands).toEqual([
      { rows: '3:8', height: 35.7 },
      { rows: '10:12', height: 35.7 },
      { rows: '1:1', height: 24.9 },
      { rows: '4:4', height: 20.9 },
      { rows: '7:7', height: 50.6 },
      { rows: '10:11', height: 20.9 },
    ]);
    // Applied in order, each row ends at its height, and no row outside the map is touched.
    const applied = new Map<number, number>();
    for (const { rows, height } of commands) {
      const [from, to] = rows.split(':').map(Number) as [number, number];
      for (let r = from; r <= to; r++) applied.set(r, height);
    }
    expect(applied).toEqual(heights);
  });

  it('a built quarter ledger’s rows carry the heights its layout works out', async () => {
    const wb = createSimulatedWorkbook();
    await setUpWorkbook(runOf(wb));
    await loadRegisters(wb, g.input);
    await buildLedgers(runOf(wb), { year: YEAR, asOf: g.today });
    const content = buildContents({
      year: YEAR,
      asOf: g.today,
      check: core,
      sources: { appeals: appealRegister.table, header: (k) => k },
    }).find((c) => c.name === '台账2025Q3');
    if (!content) throw new Error('no 台账2025Q3');
    const expected = Object.fromEntries([...printLayout(content).heights].map(([r, h]) => [String(r), h]));
    const built = wb.toJSON().sheets.find((x) => x.name === '台账2025Q3')?.rowHeights ?? {};
    expect(Object.keys(expected).length).toBeGreaterThan(40);
    expect(built).toEqual(expected);
  });

  it('a ledger of 12,000 rows of different heights is written in requests within the limit', async () => {
    const big = createSimulatedWorkbook();
    await big.run(async (context) => {
      context.workbook.worksheets.add('Form');
      await context.sync();
    });
    let requests = 0;
    await big.run(async (context) => {
      const writer = new BatchWriter(context);
      const sheet = context.workbook.worksheets.getItem('Form');
      for (let row = 1; row <= 12_000; row++) {
        const height = 15 + (row % 7);
        await writer.add(PRINT_COMMAND_BYTES.rowHeight(`${row}:${row}`, height), () => {
          sheet.getRange(`${row}:${row}`).format.rowHeight = height;
        });
      }
      await writer.flush();
      requests = writer.syncs;
    });
    expect(big.stats.maxRequestBytes).toBeLessThanOrEqual(WEB_PAYLOAD_LIMIT);
    expect(requests).toBeGreaterThan(1);
  });
});
