import { layoutDocument, type PrintDocument, type PrintLayout } from '../documents';
import { EDGES, heightCommands, PRINT_COMMAND_BYTES, rangeFormatBytes, replaceGeneratedSheet } from './build';
import {
  MISSING_PAGE_SETUP,
  supportsExcelApi,
  type IsSetSupported,
  type MissingFeature,
} from './capabilities';
import { columnLetter, widthInPoints } from './columns';
import type { ExcelRun } from './context';
import { drawQrCodes, queueQrCodes } from './qrImage';
import { blockAddress } from './generated';
import { wire } from './payload';
import { BatchWriter } from './writer';

/** What printing a document to a sheet did. */
export interface PrintReport {
  readonly sheet: string;
  readonly rows: number;
  readonly syncs: number;
  /** What this Excel could not do; the sheet is written all the same. Empty on a current Excel. */
  readonly missing: readonly MissingFeature[];
}

/**
 * Writes a document to its own sheet laid out for A4 (paper, orientation, margins, print area,
 * title rows repeated over a table's pages, merged and wrapped cells, widths that fit the page)
 * and shows it. A sheet of that name is replaced only if the add-in generated it (the
 * `xieshang.generated` registry build.ts keeps, which this extends). Two syncs: one to look, one to write.
 * The page itself is set up only where `isSetSupported` says ExcelApi 1.9 is there (Office 2019 has
 * 1.8); elsewhere the report names what is missing.
 */
export async function printDocument(
  run: ExcelRun,
  document: PrintDocument,
  isSetSupported: IsSetSupported,
): Promise<PrintReport> {
  const layout = layoutDocument(document);
  const name = layout.content.name;
  const codes = await drawQrCodes(layout.images, isSetSupported);
  return run(async (context) => {
    const sheet = await replaceGeneratedSheet(context, name);
    const writer = new BatchWriter(context);
    for (const block of layout.content.blocks) {
      const whole = sheet.getRange(blockAddress(block));
      // Text format first, so 编号 and phones are kept as typed and never read as numbers or dates.
      await writer.add(100, () => void (whole.numberFormat = '@' as unknown as string[][]));
      await writer.writeRows(block.rows, (start, count) => sheet.getRange(blockAddress(block, start, count)));
    }
    await writer.add(formatBytes(layout), () => formatDocument(sheet, layout));
    // Runs of rows of one height share a command, as a ledger's do (a table's rows are mostly alike).
    for (const { rows, height } of heightCommands(new Map(layout.rowHeights.map((h, r) => [r + 1, h])))) {
      await writer.add(PRINT_COMMAND_BYTES.rowHeight(rows, height), () => {
        sheet.getRange(rows).format.rowHeight = height;
      });
    }
    await writer.add(PRINT_COMMAND_BYTES.page(layout.page), () => {
      if (supportsExcelApi(isSetSupported, 9)) setUpPage(sheet, layout.page);
    });
    // A code's picture is a few kilobytes of base64, counted against the request's limit.
    const bytes = codes.reduce((n, c) => n + 2000 + (c.png?.length ?? c.at.fallback.length * 3), 0);
    if (codes.length) await writer.add(bytes, () => queueQrCodes(sheet, codes, isSetSupported));
    sheet.activate();
    await writer.flush();
    return {
      sheet: name,
      rows: layout.rowHeights.length,
      syncs: writer.syncs + 1,
      missing: supportsExcelApi(isSetSupported, 9) ? [] : [MISSING_PAGE_SETUP],
    };
  });
}

/**
 * What format() sends, sized by `wire` as the ledgers' commands are: the sheet's font and wrapping,
 * a width per column, a merge per merged line, and each style's font, alignment and rules.
 */
export function formatBytes(layout: PrintLayout): number {
  const font = wire.instantiate + wire.path('Font');
  const area =
    rangeFormatBytes(layout.page.printArea) + font + 4 * wire.action('VerticalAlignment', ['Center']);
  const widths =
    layout.content.widths.length * (rangeFormatBytes('AA:AA') + wire.action('ColumnWidth', [99.99]));
  const merges = layout.merges.reduce((n, a) => n + rangeFormatBytes(a) + wire.action('Merge', [false]), 0);
  const styles = layout.styles.reduce(
    (n, st) =>
      n +
      (st.borders ? PRINT_COMMAND_BYTES.ruled(st.address) : rangeFormatBytes(st.address)) +
      font +
      4 * wire.action('HorizontalAlignment', ['Center']),
    0,
  );
  return area + widths + merges + styles + wire.action('ShowGridlines', [false]);
}

/** Widths, fonts, merges and rules (ExcelApi 1.8 at most); the row heights are queued after it. */
export function formatDocument(sheet: Excel.Worksheet, layout: PrintLayout): void {
  const { page } = layout;
  const area = sheet.getRange(page.printArea);
  area.format.font.name = layout.font.name;
  area.format.font.size = layout.font.size;
  area.format.wrapText = true;
  area.format.verticalAlignment = 'Center';
  layout.content.widths.forEach((w, i) => {
    sheet.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = widthInPoints(w);
  });
  for (const address of layout.merges) sheet.getRange(address).merge(false);
  for (const s of layout.styles) {
    const range = sheet.getRange(s.address);
    if (s.bold) range.format.font.bold = true;
    if (s.size) range.format.font.size = s.size;
    if (s.align) range.format.horizontalAlignment = s.align;
    if (s.vertical) range.format.verticalAlignment = s.vertical;
    if (s.borders) for (const edge of EDGES) range.format.borders.getItem(edge).style = 'Continuous';
  }
  sheet.showGridlines = false;
}

/**
 * Paper, orientation, margins, print area and title rows, through `Worksheet.pageLayout`
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout).
 * @excelApi 1.9
 */
function setUpPage(sheet: Excel.Worksheet, page: PrintLayout['page']): void {
  const pl = sheet.pageLayout;
  pl.paperSize = page.paperSize;
  pl.orientation = page.orientation;
  pl.leftMargin = page.margins.left;
  pl.rightMargin = page.margins.right;
  pl.topMargin = page.margins.top;
  pl.bottomMargin = page.margins.bottom;
  pl.headerMargin = page.margins.header;
  pl.footerMargin = page.margins.footer;
  pl.centerHorizontally = true;
  pl.setPrintArea(page.printArea);
  if (page.titleRows) pl.setPrintTitleRows(page.titleRows);
}
