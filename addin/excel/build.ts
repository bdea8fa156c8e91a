import { appealRegister, checkWorkbook, mapHeaders, say, type Bilingual } from '../../shared';
import { rowHeight } from '../documents/page';
import {
  declaredExcelApiOnly,
  MISSING_PAGE_SETUP,
  supportsExcelApi,
  type IsSetSupported,
  type MissingFeature,
} from './capabilities';
import { coreInput } from './check';
import { columnLetter, widthInPoints } from './columns';
import { noProgress, type ExcelRun, type Progress } from './context';
import {
  blockAddress,
  buildContents,
  WORKDAY_SHEET,
  WORKDAY_TABLE,
  type CellBlock,
  type SheetContent,
} from './generated';
import { readRegisters } from './read';
import { jsonBytes, wire } from './payload';
import { BatchWriter } from './writer';

/** The workbook setting listing the sheets this add-in generated (and may replace). */
export const GENERATED_SETTING = 'xieshang.generated';

/** A build that cannot go ahead, with the reason in both languages. */
export class BuildRefused extends Error {
  constructor(readonly reason: Bilingual) {
    super(`${reason.zh} / ${reason.en}`);
  }
}

/** What a build made. */
export interface BuildReport {
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
  readonly syncs: number;
  /** What this Excel could not do (page setup before ExcelApi 1.9); the sheets are written all the same. */
  readonly missing: readonly MissingFeature[];
}

/**
 * Builds the year's generated sheets from the registers: a work ledger per quarter begun
 * (台账2025Q3 …) and, when asked, per month begun (台账2025-03 …), the satisfaction ledger, the
 * classification table and the annual summary with live formulas beside the core's figures, each
 * laid out to print as the handbook's form (see `SheetContent.print`; the page itself only where
 * `isSetSupported` says ExcelApi 1.9 is there, else the report names what is missing). Rebuilding
 * replaces only sheets it generated before; registers are never written.
 *
 * Define before use: Excel refuses a formula naming a table that does not exist when it is
 * written, so the 工作日历 table the summary's formulas read is made (or, on a rebuild, updated in
 * place, never deleted under a formula) before any formula is written.
 */
export async function buildLedgers(
  run: ExcelRun,
  options: {
    year: number;
    asOf: string;
    monthly?: boolean;
    progress?: Progress;
    /** Office's answer; without one, only the declared ExcelApi 1.8 is assumed (no page setup). */
    isSetSupported?: IsSetSupported;
  },
): Promise<BuildReport> {
  const progress = options.progress ?? noProgress;
  const isSetSupported = options.isSetSupported ?? declaredExcelApiOnly;
  return run(async (context) => {
    progress(0, 4, '读取登记表');
    const read = await readRegisters(context);
    const appeals = read.appeals;
    if (!appeals)
      throw new BuildRefused(
        say(
          '工作簿中没有职工诉求记录表，请先“建立工作簿”',
          'the workbook has no appeal register; set the workbook up first',
        ),
      );
    const check = checkWorkbook(coreInput(read), { today: options.asOf });
    const headers = mapHeaders(appealRegister, appeals.raw.header).headerOf;
    const contents = buildContents({
      year: options.year,
      asOf: options.asOf,
      monthly: options.monthly,
      check,
      // A column the clerk removed has no header: its figures are then written as values.
      sources: { appeals: appealRegister.table, header: (k) => headers.get(k) },
    });
    progress(1, 4, '准备生成表');
    const sheets = context.workbook.worksheets.load('items/name');
    const registry = context.workbook.settings.getItemOrNullObject(GENERATED_SETTING).load('value');
    const calendarTable = context.workbook.tables
      .getItemOrNullObject(WORKDAY_TABLE)
      .load('showHeaders,showTotals');
    await context.sync();
    const ours = generatedNames(registry);
    const existing = new Set(sheets.items.map((s) => s.name));
    refuseForeignSheets(contents.filter((c) => existing.has(c.name) && !ours.has(c.name)).map((c) => c.name));
    // Where the calendar sits and how big it is, asked only of a table that exists: what Excel does
    // with calls on a null object is not documented.
    const calendarAt = calendarTable.isNullObject
      ? null
      : {
          sheet: calendarTable.worksheet.load('name'),
          range: calendarTable.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
        };
    if (calendarAt) await context.sync();
    const calendarSheet = calendarAt?.sheet.name;
    if (calendarAt && calendarSheet !== WORKDAY_SHEET) {
      throw new BuildRefused(
        say(
          `工作簿中已有名为“${WORKDAY_TABLE}”的表格（在工作表“${calendarSheet}”上），请先改名后重试`,
          `the workbook already has a table named ${WORKDAY_TABLE} (on sheet ${calendarSheet}); rename it and try again`,
        ),
      );
    }
    // Our own calendar, as we made it (one column from A1, no totals), is updated in place.
    const calendarRange = calendarAt?.range;
    const calendarRows =
      calendarRange &&
      calendarRange.rowIndex === 0 &&
      calendarRange.columnIndex === 0 &&
      calendarRange.columnCount === 1 &&
      calendarTable.showHeaders &&
      !calendarTable.showTotals
        ? calendarRange.rowCount
        : null;
    const calendar = contents.find((c) => c.name === WORKDAY_SHEET);
    const others = contents.filter((c) => c !== calendar);
    const writer = new BatchWriter(context);
    const worksheets = context.workbook.worksheets;
    // The summary, which reads the calendar, goes before the calendar can.
    for (const c of others) if (existing.has(c.name)) worksheets.getItem(c.name).delete();
    progress(2, 4, '写入台账与汇总');
    if (calendar) {
      const sheet =
        calendarRows === null
          ? replaceSheet(worksheets, calendar.name, existing.has(calendar.name))
          : worksheets.getItem(calendar.name);
      if (calendarRows !== null) await resizeCalendar(writer, sheet, calendar, calendarRows);
      await writeValues(writer, sheet, calendar);
      format(sheet, calendar, calendarRows === null);
    }
    const added = others.map((c) => ({ content: c, sheet: worksheets.add(c.name) }));
    for (const { content, sheet } of added) await writeValues(writer, sheet, content);
    progress(3, 4, '设置格式');
    for (const { content, sheet } of added) {
      format(sheet, content, true);
      if (content.print) await printForm(writer, sheet, content, isSetSupported);
    }
    context.workbook.settings.add(
      GENERATED_SETTING,
      JSON.stringify([...new Set([...ours, ...contents.map((c) => c.name)])]),
    );
    await writer.flush();
    progress(4, 4, '完成');
    return {
      sheets: contents.map((c) => ({ name: c.name, rows: c.blocks.reduce((n, b) => n + b.rows.length, 0) })),
      syncs: writer.syncs,
      missing: supportsExcelApi(isSetSupported, 9) ? [] : [MISSING_PAGE_SETUP],
    };
  });
}

/**
 * Writes one generated sheet onto a fresh worksheet as the ledgers are written: number formats,
 * values, title, header, widths, and (when `content.print`) the ledgers' printed form. For sheets
 * built outside a ledger build (the group summary), so they print exactly as the ledgers do.
 */
export async function writeGeneratedSheet(
  writer: BatchWriter,
  sheet: Excel.Worksheet,
  content: SheetContent,
  isSetSupported: IsSetSupported,
): Promise<void> {
  await writeValues(writer, sheet, content);
  format(sheet, content, true);
  if (content.print) await printForm(writer, sheet, content, isSetSupported);
}

/** A fresh sheet of the name, deleting the old one first when there is one. */
function replaceSheet(sheets: Excel.WorksheetCollection, name: string, exists: boolean): Excel.Worksheet {
  if (exists) sheets.getItem(name).delete();
  return sheets.add(name);
}

/**
 * Makes the calendar table as long as the new list, keeping the table (and so every formula that
 * reads it) alive: rows are added to it, or whole sheet rows below the list deleted, which shrinks it.
 * The sheet holds nothing but the table.
 */
async function resizeCalendar(
  writer: BatchWriter,
  sheet: Excel.Worksheet,
  content: SheetContent,
  tableRows: number,
): Promise<void> {
  const rows = content.blocks[0]?.rows ?? [];
  const table = sheet.tables.getItem(WORKDAY_TABLE);
  if (rows.length > tableRows) {
    const extra = rows.slice(tableRows) as (string | number)[][];
    await writer.add(jsonBytes(extra), () => table.rows.add(undefined, extra));
  } else if (rows.length < tableRows) {
    await writer.add(100, () => sheet.getRange(`${rows.length + 1}:${tableRows}`).delete('Up'));
  }
}

/** Number formats that decide how a value is stored go first (text stays text); then the values. */
async function writeValues(
  writer: BatchWriter,
  sheet: Excel.Worksheet,
  content: SheetContent,
): Promise<void> {
  for (const block of content.blocks) {
    if (block.formats && block.rows.length) {
      const formats = block.formats;
      await writer.add(200 * formats.length, () => {
        formats.forEach((f, i) => {
          const column = columnLetter(i);
          sheet.getRange(`${column}${block.row + 1}:${column}${block.row + block.rows.length}`).numberFormat =
            f as unknown as string[][];
        });
      });
    }
    await writer.writeRows(
      block.rows,
      (start, count) => sheet.getRange(blockAddress(block, start, count)),
      block.formulas === true,
    );
  }
}

/** Cosmetic formats, after the values: title, header rows, widths, frozen header, the lookup table, print. */
function format(sheet: Excel.Worksheet, content: SheetContent, addTable: boolean): void {
  content.widths.forEach((w, i) => {
    const column = columnLetter(i);
    sheet.getRange(`${column}:${column}`).format.columnWidth = widthInPoints(w);
  });
  if (content.table) {
    const block = content.blocks[content.table.block];
    if (block && addTable) sheet.tables.add(blockAddress(block), true).name = content.table.name;
  } else {
    const title = sheet.getRange('A1');
    title.format.font.bold = true;
    title.format.font.size = LEDGER_TITLE_SIZE;
  }
  for (const block of content.blocks) {
    if (!block.header) continue;
    const header = sheet.getRange(blockAddress(block));
    header.format.font.bold = true;
    header.format.fill.color = '#DDEBF7';
    header.format.wrapText = true;
  }
  const firstHeader = content.blocks.find((b) => b.header);
  if (firstHeader) sheet.freezePanes.freezeRows(firstHeader.row + 1);
  if (content.hidden) sheet.visibility = 'Hidden';
}

/** The sheets the add-in generated, from the GENERATED_SETTING registry as loaded. */
const generatedNames = (registry: Excel.Setting): Set<string> =>
  new Set(registry.isNullObject ? [] : (JSON.parse(String(registry.value)) as string[]));

/** Refuses to write over sheets a clerk made that bear a generated sheet's name (BuildRefused). */
function refuseForeignSheets(names: readonly string[]): void {
  if (!names.length) return;
  const en =
    names.length > 1
      ? `sheets ${names.join(', ')} exist and were not generated by Xieshang; rename them and try again`
      : `sheet ${names[0]} exists and was not generated by Xieshang; rename it and try again`;
  throw new BuildRefused(
    say(`工作表“${names.join('”“')}”已存在且不是本工具生成的，为免覆盖，请先改名后重试`, en),
  );
}

/**
 * Makes a fresh sheet `name` for a generated page (a document or the group summary): a sheet the
 * add-in generated before (the GENERATED_SETTING registry) is replaced, a clerk's own sheet of that
 * name is refused (BuildRefused). The old sheet is renamed out of the way before the new one is
 * added — Excel will not delete a workbook's last visible sheet, and the new sheet needs the name —
 * and the name joins the registry. One sync to look; the rest is queued for the caller's sync.
 */
export async function replaceGeneratedSheet(
  context: Excel.RequestContext,
  name: string,
): Promise<Excel.Worksheet> {
  const sheets = context.workbook.worksheets.load('items/name');
  const registry = context.workbook.settings.getItemOrNullObject(GENERATED_SETTING).load('value');
  await context.sync();
  const ours = generatedNames(registry);
  const exists = sheets.items.some((s) => s.name === name);
  refuseForeignSheets(exists && !ours.has(name) ? [name] : []);
  const old = exists ? context.workbook.worksheets.getItem(name) : undefined;
  if (old) old.name = [...`~${name}`].slice(0, 31).join('');
  const sheet = context.workbook.worksheets.add(name);
  old?.delete();
  context.workbook.settings.add(GENERATED_SETTING, JSON.stringify([...new Set([...ours, name])]));
  return sheet;
}

/** The border edges a ruled table draws: its outline and every inside line (ledgers and documents alike). */
export const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
] as const;

/** The font size a ledger prints in, which the row heights are worked out for. */
const LEDGER_FONT_SIZE = 11;
const LEDGER_TITLE_SIZE = 14;

/** Where a generated sheet's printed form lies: its page, its rules, its merged lines and row heights. */
export interface LedgerPrintLayout {
  /** The whole form: title to note. */
  readonly printArea: string;
  /** The rows repeated on every page: title, report line and header (Excel's `$1:$3`). */
  readonly titleRows: string;
  /** Header plus data of each table, ruled on every edge. */
  readonly ruled: readonly string[];
  /** Single-cell lines merged across the form: the title (centred) and the handbook's note. */
  readonly title: string;
  readonly notes: readonly string[];
  /** Blocks whose long text wraps within the column. */
  readonly wrapped: readonly string[];
  /** Row heights in points by 1-based sheet row, for rows whose text wraps (Excel never grows merged ones). */
  readonly heights: ReadonlyMap<number, number>;
}

/** Works out a printed form's ranges from its content (pure, so tests can read it without Excel). */
export function printLayout(content: SheetContent): LedgerPrintLayout {
  const width = Math.max(1, content.widths.length);
  const last = columnLetter(width - 1);
  const lastRow = Math.max(...content.blocks.map((b) => b.row + b.rows.length));
  const firstHeader = content.blocks.find((b) => b.header);
  const ruled: string[] = [];
  const wrapped: string[] = [];
  const notes: string[] = [];
  const heights = new Map<number, number>();
  const fit = (block: CellBlock): void =>
    block.rows.forEach((cells, i) => {
      const need = Math.max(
        ...cells.map((v, c) => rowHeight(String(v ?? ''), content.widths[c] ?? 12, LEDGER_FONT_SIZE)),
      );
      heights.set(block.row + i + 1, need);
    });
  // The title is merged across the form, and Excel grows no merged row to its font: its height is set.
  const titleText = String(content.blocks[0]?.rows[0]?.[0] ?? '');
  heights.set(
    1,
    rowHeight(
      titleText,
      content.widths.reduce((a, b) => a + b, 0),
      LEDGER_TITLE_SIZE,
    ),
  );
  content.blocks.forEach((block, i) => {
    if (block.note) {
      const address = `A${block.row + 1}:${last}${block.row + 1}`;
      notes.push(address);
      const text = String(block.rows[0]?.[0] ?? '');
      heights.set(
        block.row + 1,
        rowHeight(
          text,
          content.widths.reduce((a, b) => a + b, 0),
          LEDGER_FONT_SIZE,
        ),
      );
      return;
    }
    if (!block.header) return;
    fit(block);
    const data = content.blocks[i + 1];
    const body = data && !data.header && !data.note && data.rows.length ? data : undefined;
    const columns = columnLetter(Math.max(1, ...block.rows.map((r) => r.length)) - 1);
    const end = body ? body.row + body.rows.length : block.row + 1;
    ruled.push(`A${block.row + 1}:${columns}${end}`);
    // Formula rows hold numbers and short words; their long text may run on into the empty cells.
    if (body && !body.formulas) {
      wrapped.push(blockAddress(body));
      fit(body);
    }
  });
  return {
    printArea: `A1:${last}${lastRow}`,
    titleRows: `$1:$${(firstHeader?.row ?? 0) + 1}`,
    ruled,
    title: `A1:${last}1`,
    notes,
    wrapped,
    heights,
  };
}

/**
 * Lays a generated sheet out as its printed form: rules, merged title and note, wrapped text and row
 * heights (ExcelApi 1.1–1.8), then the page where ExcelApi 1.9 is there. Through the writer, so a long
 * ledger's row heights are split over requests within the payload limit.
 */
async function printForm(
  writer: BatchWriter,
  sheet: Excel.Worksheet,
  content: SheetContent,
  isSetSupported: IsSetSupported,
): Promise<void> {
  const layout = printLayout(content);
  const form =
    PRINT_COMMAND_BYTES.title(layout.title) +
    layout.ruled.reduce((n, a) => n + PRINT_COMMAND_BYTES.ruled(a), 0) +
    layout.wrapped.reduce((n, a) => n + PRINT_COMMAND_BYTES.wrapped(a), 0) +
    layout.notes.reduce((n, a) => n + PRINT_COMMAND_BYTES.note(a), 0);
  await writer.add(form, () => formatForPrint(sheet, layout));
  for (const { rows, height } of heightCommands(layout.heights)) {
    await writer.add(PRINT_COMMAND_BYTES.rowHeight(rows, height), () => {
      sheet.getRange(rows).format.rowHeight = height;
    });
  }
  await writer.add(PRINT_COMMAND_BYTES.page(layout), () => {
    if (supportsExcelApi(isSetSupported, 9)) setUpLedgerPage(sheet, layout);
  });
}

/**
 * The row-height commands that give every row in `heights` its height, in the order to send them:
 * the commonest height over each span of consecutive rows first, then the other heights over their
 * own runs, which override it. A run per height change cost a quarter's ledger of 1,252 appeals about
 * 400 commands (440 bytes each on the wire); most rows share one height, so this is about half.
 */
export function heightCommands(
  heights: ReadonlyMap<number, number>,
): { readonly rows: string; readonly height: number }[] {
  const rows = [...heights].sort((a, b) => a[0] - b[0]);
  const counts = new Map<number, number>();
  for (const [, h] of rows) counts.set(h, (counts.get(h) ?? 0) + 1);
  let common = rows[0]?.[1] ?? 0;
  for (const [h, n] of counts) if (n > (counts.get(common) ?? 0)) common = h;
  const out: { rows: string; height: number }[] = [];
  // Spans of consecutive rows, each once, at the common height where it has a row of that height.
  for (let i = 0; i < rows.length;) {
    let j = i + 1;
    let hasCommon = rows[i]?.[1] === common;
    while (j < rows.length && rows[j]?.[0] === (rows[j - 1]?.[0] as number) + 1) {
      hasCommon ||= rows[j]?.[1] === common;
      j++;
    }
    if (hasCommon) out.push({ rows: `${rows[i]?.[0]}:${rows[j - 1]?.[0]}`, height: common });
    i = j;
  }
  // Then each run of consecutive rows of one other height.
  for (let i = 0; i < rows.length;) {
    const [first, height] = rows[i] as [number, number];
    let j = i + 1;
    while (j < rows.length && rows[j]?.[0] === first + (j - i) && rows[j]?.[1] === height) j++;
    if (height !== common) out.push({ rows: `${first}:${first + (j - i) - 1}`, height });
    i = j;
  }
  return out;
}

/** The page's numeric and flag settings setUpLedgerPage makes, each one action. */
const PAGE_SETTINGS = [
  'PaperSize',
  'Orientation',
  'LeftMargin',
  'RightMargin',
  'TopMargin',
  'BottomMargin',
  'HeaderMargin',
  'FooterMargin',
  'CenterHorizontally',
] as const;

/** A range and its format, each instantiated: where every command of a printed form starts. */
export const rangeFormatBytes = (address: string): number =>
  2 * wire.instantiate + wire.path('GetRange', [address]) + wire.path('Format');

/**
 * What each command of a printed form costs in a request, sized by `wire` as office.js sends it
 * (test/addin/excel/ledger-print.test.ts holds each at or above what the simulator counts). Guessed
 * at 200–1,000 bytes before, a row height cost 442 and a ruled table 2,272: building 50,000 appeals'
 * ledgers sent 8.5 MB in one request, which Excel on the web refuses.
 */
export const PRINT_COMMAND_BYTES = {
  title: (address: string): number =>
    rangeFormatBytes(address) +
    wire.action('Merge', [false]) +
    wire.action('HorizontalAlignment', ['Center']),
  ruled: (address: string): number =>
    rangeFormatBytes(address) +
    wire.instantiate +
    wire.path('Borders') +
    EDGES.length *
      (wire.instantiate + wire.path('GetItem', ['InsideHorizontal']) + wire.action('Style', ['Continuous'])),
  wrapped: (address: string): number =>
    rangeFormatBytes(address) + wire.action('WrapText', [true]) + wire.action('VerticalAlignment', ['Top']),
  note: (address: string): number =>
    rangeFormatBytes(address) +
    wire.action('Merge', [false]) +
    wire.action('WrapText', [true]) +
    wire.action('VerticalAlignment', ['Top']),
  rowHeight: (rows: string, height: number): number =>
    rangeFormatBytes(rows) + wire.action('RowHeight', [height]),
  page: (layout: { readonly printArea: string; readonly titleRows?: string }): number =>
    wire.path('PageLayout') +
    wire.path('HeadersFooters') +
    wire.path('DefaultForAllPages') +
    PAGE_SETTINGS.reduce((n, name) => n + wire.action(name, [99.99]), 0) +
    wire.action('Zoom', [{ horizontalFitToPages: 1 }]) +
    wire.action('SetPrintArea', [layout.printArea]) +
    wire.action('SetPrintTitleRows', [layout.titleRows ?? '']) +
    wire.action('CenterFooter', [LEDGER_FOOTER]),
} as const;

/** Rules, merged title and note, wrapped text: all ExcelApi 1.1–1.8. */
function formatForPrint(sheet: Excel.Worksheet, layout: LedgerPrintLayout): void {
  const title = sheet.getRange(layout.title);
  title.merge(false);
  title.format.horizontalAlignment = 'Center';
  for (const address of layout.ruled) {
    const range = sheet.getRange(address);
    for (const edge of EDGES) range.format.borders.getItem(edge).style = 'Continuous';
  }
  for (const address of layout.wrapped) {
    const range = sheet.getRange(address);
    range.format.wrapText = true;
    range.format.verticalAlignment = 'Top';
  }
  for (const address of layout.notes) {
    const note = sheet.getRange(address);
    note.merge(false);
    note.format.wrapText = true;
    note.format.verticalAlignment = 'Top';
  }
}

/** The footer every printed ledger carries, in Excel's codes: &P the page, &N the pages. */
export const LEDGER_FOOTER = '第 &P 页 共 &N 页';

/**
 * A4 landscape, one page wide and as many down as the rows need, title rows repeated, the page
 * number below, through `Worksheet.pageLayout`
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout) and its `headersFooters`
 * (https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup).
 * @excelApi 1.9
 */
export function setUpLedgerPage(sheet: Excel.Worksheet, layout: LedgerPrintLayout): void {
  const pl = sheet.pageLayout;
  pl.paperSize = 'A4';
  pl.orientation = 'Landscape';
  pl.leftMargin = 36;
  pl.rightMargin = 36;
  pl.topMargin = 43.2;
  pl.bottomMargin = 50.4;
  pl.headerMargin = 21.6;
  pl.footerMargin = 21.6;
  pl.centerHorizontally = true;
  // Pages across only: the reference gives no way to say "any number down" but leaving it out.
  pl.zoom = { horizontalFitToPages: 1 };
  pl.setPrintArea(layout.printArea);
  pl.setPrintTitleRows(layout.titleRows);
  pl.headersFooters.defaultForAllPages.centerFooter = LEDGER_FOOTER;
}
