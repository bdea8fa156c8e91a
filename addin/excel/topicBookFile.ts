import * as ExcelJsModule from 'exceljs';
import {
  checkWorkbook,
  dayFromIso,
  excelSerialFromDay,
  headerKey,
  headerMatchCount,
  isBlank,
  say,
  topicRegister,
  type Bilingual,
  type RawTable,
  type TopicRecord,
} from '../../shared';
import { chineseDate } from '../documents/words';
import {
  TOPIC_BOOK_HEADERS,
  TOPIC_BOOK_MIN_ROWS,
  TOPIC_BOOK_NOTE,
  workshopsOf,
  workshopTopics,
} from '../documents/topicBook';
import { MARGINS } from '../documents/page';
import { coreInput } from './check';
import { noProgress, type ExcelRun, type Progress } from './context';
import { toBase64, type CreateWorkbook } from './managementCopy';
import { readRegisters } from './read';
import { RecordRefused } from './records';

// Node hands a CommonJS package over as a default export; webpack's browser bundle as the namespace.
const ExcelJs: typeof ExcelJsModule =
  (ExcelJsModule as unknown as { default?: typeof ExcelJsModule }).default ?? ExcelJsModule;

/** The sheet a workshop's topic book is written on. */
export const TOPIC_BOOK_SHEET = topicRegister.sheet;

const WORKSHOP_HEADER =
  topicRegister.fields.find((f) => f.key === 'workshop')?.header ?? '分厂（车间、班组）';
/** The file's columns: the handbook's five, then the 分厂（车间、班组） each row belongs to (a dropdown). */
const HEADERS = [...TOPIC_BOOK_HEADERS, WORKSHOP_HEADER] as const;
const WIDTHS = [6, 10, 44, 14, 12, 16];
const HEADER_ROW = 3;
/** Blank ruled lines the workshop types new topics into, beyond the topics the union already has. */
const BLANK_ROWS = 20;
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
/** Excel keeps an inline list's text to 255 characters. */
const LIST_LIMIT = 255;
const POINTS_PER_INCH = 72;

/** What a topic book file is made from: the unit, the workshop, the day, its topics and the workshops a row may name. */
export interface TopicBookContent {
  readonly unit: string;
  readonly workshop: string;
  readonly issuedOn: string;
  readonly topics: readonly TopicRecord[];
  /** Every 分厂（车间、班组） a row may belong to (the book's own first). */
  readonly workshops: readonly string[];
}

/** The suggested name of a workshop's book file: 征集协商议题记录本-一车间-2026-03-30.xlsx. */
export const topicBookFileName = (workshop: string, issuedOn: string): string =>
  `${TOPIC_BOOK_SHEET}-${workshop.replace(/[\\/:*?"<>|]/g, '_')}-${issuedOn}.xlsx`;

/** An inline list for data validation: values with a comma or quote cannot be listed and are left out. */
function inlineList(values: readonly string[]): string {
  const out: string[] = [];
  for (const v of values) {
    if (!v || /[,"]/.test(v) || out.includes(v)) continue;
    if ([...out, v].join(',').length + 2 > LIST_LIMIT) break;
    out.push(v);
  }
  return `"${out.join(',')}"`;
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * A workshop's 征集协商议题记录本 as a standalone .xlsx for a workshop without the add-in (or on
 * WPS Office): the handbook's title line and date, the header repeated on every printed page, its
 * topics, ruled blank lines to add more, checks on 序号, 时间 and 分厂（车间、班组） held in the
 * cells (inline lists, no reference to another sheet, so WPS and LibreOffice keep them), A4 one
 * page wide with 第 N 页 共 M 页, and the handbook's note under the table.
 */
export async function topicBookXlsx(content: TopicBookContent): Promise<Uint8Array> {
  const book = new ExcelJs.Workbook();
  book.creator = '协商 Xieshang';
  book.created = new Date(`${content.issuedOn}T00:00:00Z`);
  const lastColumn = HEADERS.length;
  const sheet = book.addWorksheet(TOPIC_BOOK_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: {
        left: MARGINS.left / POINTS_PER_INCH,
        right: MARGINS.right / POINTS_PER_INCH,
        top: MARGINS.top / POINTS_PER_INCH,
        bottom: MARGINS.bottom / POINTS_PER_INCH,
        header: MARGINS.header / POINTS_PER_INCH,
        footer: MARGINS.footer / POINTS_PER_INCH,
      },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const font = { name: '宋体', size: 11 };

  sheet.mergeCells(1, 1, 1, lastColumn);
  const title = sheet.getCell(1, 1);
  title.value = [content.unit, `${content.workshop}征集协商议题记录本`].filter(Boolean).join('\u3000');
  title.font = { ...font, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  sheet.mergeCells(2, 1, 2, 3);
  const where = sheet.getCell(2, 1);
  where.value = `${WORKSHOP_HEADER}：${content.workshop}`;
  where.font = font;
  sheet.mergeCells(2, 4, 2, lastColumn);
  const when = sheet.getCell(2, 4);
  when.value = chineseDate(content.issuedOn);
  when.font = font;
  when.alignment = { horizontal: 'right' };

  const header = sheet.getRow(HEADER_ROW);
  HEADERS.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });

  const workshops = inlineList([content.workshop, ...content.workshops]);
  const topics = [...content.topics].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const lines = Math.max(TOPIC_BOOK_MIN_ROWS, topics.length + BLANK_ROWS);
  for (let i = 0; i < lines; i++) {
    const t = topics[i];
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    const day = t?.raisedOn ? dayFromIso(t.raisedOn) : null;
    const values: (string | number | null)[] = t
      ? [
          t.seq ?? null,
          t.name ?? null,
          t.content ?? null,
          day === null ? null : excelSerialFromDay(day),
          t.signature ?? null,
          t.workshop ?? content.workshop,
        ]
      : [null, null, null, null, null, null];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (v !== null) cell.value = v;
      cell.font = font;
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, ...(c === 2 ? {} : { horizontal: 'center' }) };
    });
    row.getCell(1).dataValidation = {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [1],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: '序号',
      error: '序号应为 1 起的整数 / a whole number from 1',
    };
    const date = row.getCell(4);
    date.numFmt = DATE_FORMAT;
    date.dataValidation = {
      type: 'date',
      operator: 'between',
      formulae: [new Date('2000-01-01T00:00:00Z'), new Date('2099-12-31T00:00:00Z')],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: '时间',
      error: '请填写日期，如 2026-3-30 / enter a date such as 2026-3-30',
    };
    row.getCell(6).dataValidation = {
      type: 'list',
      formulae: [workshops],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: WORKSHOP_HEADER,
      error: '请从列表中选择 / choose from the list',
    };
    row.height = 30;
  }
  const noteRow = HEADER_ROW + lines + 1;
  sheet.mergeCells(noteRow, 1, noteRow, lastColumn);
  const note = sheet.getCell(noteRow, 1);
  note.value = TOPIC_BOOK_NOTE;
  note.font = font;
  note.alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(noteRow).height = 32;
  sheet.pageSetup.printArea = `A1:${String.fromCharCode(64 + lastColumn)}${noteRow}`;
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/**
 * Exports one workshop's topic book for a workshop without the add-in: reads the workbook, writes
 * the book (see topicBookXlsx) and hands it to `createWorkbook`, which opens it as a new workbook in
 * Excel (the clerk saves and sends it) or downloads it in the preview. The clerk's workbook is only read.
 */
export async function exportTopicBook(
  run: ExcelRun,
  options: {
    readonly workshop: string;
    readonly issuedOn: string;
    readonly createWorkbook: CreateWorkbook;
    readonly progress?: Progress;
  },
): Promise<{ readonly fileName: string }> {
  const progress = options.progress ?? noProgress;
  const workshop = options.workshop.trim();
  if (!workshop)
    throw new RecordRefused(
      say('请选择或填写分厂（车间、班组）', 'choose or type the branch factory, workshop or team'),
    );
  progress(0, 2, '读取登记表');
  const check = await run(async (context) =>
    checkWorkbook(coreInput(await readRegisters(context)), { today: options.issuedOn }),
  );
  progress(1, 2, '生成议题记录本');
  const bytes = await topicBookXlsx({
    unit: check.settings.unitName ?? '',
    workshop,
    issuedOn: options.issuedOn,
    topics: workshopTopics(check, workshop),
    workshops: workshopsOf(check),
  });
  const fileName = topicBookFileName(workshop, options.issuedOn);
  await options.createWorkbook(toBase64(bytes), fileName);
  progress(2, 2, '完成');
  return { fileName };
}

/** A topic book read back from a file: its workshop, the rows as raw cells, and what could not be read. */
export interface TopicBookFile {
  readonly fileName: string;
  /** The workshop the book names in its second line ('' when the line is gone). */
  readonly workshop: string;
  readonly table: RawTable;
  /** Why the file could not be read at all, with the file's name. */
  readonly refused?: Bilingual;
}

/** A cell as the core reads it: dates as Excel serials, formulas as their result, rich text as text. */
function plainValue(value: ExcelJsModule.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plainValue(value.result as ExcelJsModule.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('text' in value) return String(value.text);
    if ('error' in value) return value.error;
  }
  return value;
}

const isNote = (cells: readonly unknown[]): boolean =>
  cells.some((c) => typeof c === 'string' && /^\s*注[:：]/.test(c));

/**
 * Reads a filled topic book (.xlsx, as Excel, WPS or LibreOffice saved it): finds the header row
 * by its headers (columns in any order, extra columns kept aside), takes the rows down to the
 * note, and fills a row's blank 分厂（车间、班组） with the book's own. Row numbers are the file's.
 */
export async function readTopicBookXlsx(bytes: Uint8Array, fileName: string): Promise<TopicBookFile> {
  const empty: RawTable = { header: [], rows: [], firstRow: 1 };
  const book = new ExcelJs.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return {
      fileName,
      workshop: '',
      table: empty,
      refused: say(
        `文件“${fileName}”不是可读取的 .xlsx 工作簿`,
        `file ${fileName} is not an .xlsx workbook that can be read`,
      ),
    };
  }
  for (const sheet of book.worksheets) {
    const grid: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: unknown[] = [];
      for (let c = 1; c <= Math.max(sheet.columnCount, HEADERS.length); c++)
        cells.push(plainValue(row.getCell(c).value));
      grid[n - 1] = cells;
    });
    const headerAt = grid.slice(0, 10).findIndex((r) => r && headerMatchCount(topicRegister, r) >= 3);
    if (headerAt < 0) continue;
    const header = grid[headerAt] as unknown[];
    const workshopLine = grid
      .slice(0, headerAt)
      .flatMap((r) => r ?? [])
      .find((c) => typeof c === 'string' && headerKey(c).startsWith(headerKey(`${WORKSHOP_HEADER}：`)));
    const workshop = typeof workshopLine === 'string' ? workshopLine.replace(/^[^：:]*[：:]/, '').trim() : '';
    const workshopAt = header.findIndex((h) => headerKey(h) === headerKey(WORKSHOP_HEADER));
    const rows: unknown[][] = [];
    for (let r = headerAt + 1; r < grid.length; r++) {
      const cells = [...(grid[r] ?? [])];
      if (isNote(cells)) break;
      const filled = cells.some((c, i) => i !== workshopAt && !isBlank(c));
      if (filled && workshopAt >= 0 && isBlank(cells[workshopAt])) cells[workshopAt] = workshop;
      rows.push(filled ? cells : cells.map(() => ''));
    }
    if (workshopAt < 0 && workshop) {
      header.push(WORKSHOP_HEADER);
      for (const cells of rows) if (cells.some((c) => !isBlank(c))) cells.push(workshop);
    }
    return { fileName, workshop, table: { header, rows, firstRow: headerAt + 2 } };
  }
  return {
    fileName,
    workshop: '',
    table: empty,
    refused: say(
      `文件“${fileName}”中找不到征集协商议题记录本的表头（序号、姓名、内容、时间）`,
      `file ${fileName} has no topic book header (序号, 姓名, 内容, 时间)`,
    ),
  };
}
