import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDocument,
  buildPoster,
  DOCUMENTS,
  type DocumentKind,
  type DocumentRequest,
} from '../../addin/documents';
import { buildLedgers, GENERATED_SETTING } from '../../addin/excel/build';
import { printDocument } from '../../addin/excel/print';
import { setUpWorkbook } from '../../addin/excel/setup';
import { createSimulatedWorkbook, type SimulatedWorkbook } from '../../addin/simulator';
import { simulatedWorkbookToXlsx } from '../../addin/simulator/xlsx';
import { filledWorkbook } from '../addin/documents/fixture';
import { loadRegisters, runOf } from '../addin/excel/helpers';
import { demoWorkbook } from '../../addin/preview/demo';
import { ledgerSheetName, phoneLink, previousQuarter, quarterOf } from '../../shared';
import {
  convertAll,
  excelColumnPoints,
  forLibreOffice,
  libreOfficeDigit,
  pdfPages,
  type PdfPage,
} from './render';
import { findSoffice } from './soffice';

// Every printable document of the catalog and every generated ledger, as the add-in writes them to a
// sheet, exported to .xlsx and printed to PDF by LibreOffice: A4 in the sheet's orientation
// (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout), one page wide, as many pages as
// the layout says, and no text taller than its row. Rows are given their heights because a
// spreadsheet grows no merged row to its text ("Excel defaults to ignore merged cells when fitting the
// row height": https://reference.aspose.com/net/cells/aspose.cells/autofitteroptions/properties/autofitmergedcellstype),
// and LibreOffice keeps a row without a height at the default 15 pt whatever its font.

const soffice = findSoffice();
if (!soffice && process.env['CI'] === 'true')
  throw new Error('LibreOffice is required under CI: apt-get install -y libreoffice-calc');
if (!soffice)
  console.warn(
    '跳过打印核对 / skipping the print check: install LibreOffice with `apt-get install -y libreoffice-calc`',
  );

/** A4 in PDF points (210 × 297 mm). */
const A4 = { short: 595.3, long: 841.9 };

const w = filledWorkbook();

/**
 * The requests to try for each kind of subject a document can have, from the demo company's data. A
 * subject this does not know fails the test: a new kind of document must be printed here too.
 */
const SUBJECTS: Readonly<Record<string, () => Omit<DocumentRequest, 'kind' | 'issuedOn'>[]>> = {
  unit: () => [{}],
  meeting: () => [{ meetingId: w.meetingId }],
  // The appeal with the most to say first: the longest text is what a row must hold.
  appeal: () =>
    [...w.check.cases]
      .sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)
      .map((c) => ({ appealId: c.appeal.id ?? '' })),
  workshop: () =>
    [...new Set(w.g.topics.map((t) => t.workshop ?? ''))].filter(Boolean).map((workshop) => ({ workshop })),
  period: () => [{ from: `${w.g.year}-01-01`, to: `${w.g.year}-12-31` }],
};

/** The first request for a kind that yields a document, or why none does. */
function documentOf(kind: DocumentKind) {
  const reasons: string[] = [];
  const subject: string = DOCUMENTS[kind].subject;
  const requests = SUBJECTS[subject];
  if (!requests) throw new Error(`${kind}: the print check has no request for a document about “${subject}”`);
  for (const request of requests()) {
    // A notice goes out before its meeting (on the day at the latest); the rest are dated today.
    const meetingDay = w.check.meetings.find((m) => m.id === request.meetingId)?.date;
    const issuedOn = kind === 'meetingNotice' && meetingDay ? meetingDay : w.g.today;
    const r = buildDocument(w.check, { kind, issuedOn, ...request });
    if (r.status === 'ready') return r.document;
    reasons.push(r.status === 'blocked' ? r.reason.zh : r.questions.map((q) => q.zh).join('；'));
  }
  throw new Error(`${kind}: no document from the demo data (${reasons.slice(0, 3).join(' / ')})`);
}

/** A rendered sheet: its layout as LibreOffice reads it from the .xlsx, and its PDF's pages. */
interface Rendered {
  readonly sheet: ExcelJS.Worksheet;
  readonly pages: readonly PdfPage[];
  readonly pdf: Buffer;
}

/** Column width in points as Excel draws it from the characters the file stores. */
const columnPoints = (ws: ExcelJS.Worksheet, c: number): number =>
  excelColumnPoints(ws.getColumn(c).width ?? 8.43);
/** Row height in points; a row without one gets the file's default. */
const rowPoints = (ws: ExcelJS.Worksheet, r: number): number =>
  ws.getRow(r).height ?? ws.properties.defaultRowHeight ?? 15;
/** A row's height as it is drawn: whole pixels at 96 dpi (LibreOffice floors a row of 35.7 pt to 35.25 pt). */
const drawnPoints = (ws: ExcelJS.Worksheet, r: number): number => Math.floor(rowPoints(ws, r) / 0.75) * 0.75;

/** The print area's block, 1-based, inclusive. */
function printBlock(ws: ExcelJS.Worksheet): { r0: number; c0: number; r1: number; c1: number } {
  const area = ws.pageSetup.printArea ?? `A1:${ws.getColumn(ws.columnCount).letter}${ws.rowCount}`;
  const [from, to] = area.replace(/\$/g, '').split(':') as [string, string];
  const a = ws.getCell(from);
  const b = ws.getCell(to);
  return { r0: Number(a.row), c0: Number(a.col), r1: Number(b.row), c1: Number(b.col) };
}

/**
 * The pages a sheet's layout asks for: the print area's rows stacked down the printable height of A4
 * in the sheet's orientation, the title rows repeated at the top of every page after the first, a
 * row never split; and how many pages wide it is. Fitted to one page wide, the rows shrink with the
 * columns; the spreadsheet settles the zoom in whole percents with its own rounding, so a fitted
 * sheet may take the pages of a zoom up to 3 points smaller.
 */
function designedPages(ws: ExcelJS.Worksheet): { fewest: number; most: number; wide: number } {
  const setup = ws.pageSetup;
  const m = setup.margins ?? { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7, header: 0.3, footer: 0.3 };
  const landscape = setup.orientation === 'landscape';
  const width = (landscape ? A4.long : A4.short) - (m.left + m.right) * 72;
  const height = (landscape ? A4.short : A4.long) - (m.top + m.bottom) * 72;
  const b = printBlock(ws);
  let columns = 0;
  for (let c = b.c0; c <= b.c1; c++) columns += columnPoints(ws, c);
  const fitted = setup.fitToPage === true && setup.fitToWidth === 1 && columns > width;
  const scale = fitted ? width / columns : 1;
  const titles = (setup.printTitlesRow ?? '').replace(/\$/g, '').split(':').map(Number);
  let repeated = 0;
  if (titles.length === 2)
    for (let r = titles[0] ?? 0; r <= (titles[1] ?? 0); r++) repeated += drawnPoints(ws, r);
  const pagesAt = (zoom: number): number => {
    let pages = 1;
    let used = 0;
    for (let r = b.r0; r <= b.r1; r++) {
      const h = drawnPoints(ws, r) * zoom;
      if (used + h > height + 0.01) {
        pages++;
        used = repeated * zoom;
      }
      used += h;
    }
    return pages;
  };
  return {
    fewest: pagesAt(fitted ? scale - 0.03 : scale),
    most: pagesAt(scale),
    wide: Math.ceil((columns * scale) / width - 0.001),
  };
}

/** How wide text sets at a size, in points: CJK and full-width forms one em, anything else 0.55 em. */
function textPoints(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
  return em * size;
}

/** Line height as Excel sets 宋体 (11 pt → 14.25 pt rows): 1.3 em. */
const LINE = 1.3;
/** Room a cell keeps at its left and right edges, in points. */
const PADDING = 4;

/** Cells whose text needs more lines than their row (or merged rows) hold, wrapped at the cell's width. */
function clipped(ws: ExcelJS.Worksheet): string[] {
  const b = printBlock(ws);
  const out: string[] = [];
  for (let r = b.r0; r <= b.r1; r++)
    for (let c = b.c0; c <= b.c1; c++) {
      const cell = ws.getCell(r, c);
      if (cell.isMerged && cell.master !== cell) continue;
      const text = typeof cell.value === 'string' ? cell.value : '';
      if (!text) continue;
      const wrap = cell.alignment?.wrapText === true;
      let r1 = r;
      let c1 = c;
      while (c1 < b.c1 && ws.getCell(r, c1 + 1).isMerged && ws.getCell(r, c1 + 1).master === cell) c1++;
      while (r1 < b.r1 && ws.getCell(r1 + 1, c).isMerged && ws.getCell(r1 + 1, c).master === cell) r1++;
      // A row without a height of its own, not merged down, is grown to fit by the spreadsheet.
      if (r1 === r && ws.getRow(r).height === undefined && !cell.isMerged) continue;
      let width = -PADDING;
      for (let cc = c; cc <= c1; cc++) width += columnPoints(ws, cc);
      let height = 0;
      for (let rr = r; rr <= r1; rr++) height += rowPoints(ws, rr);
      const size = cell.font?.size ?? 11;
      // Unwrapped text keeps to one line a paragraph (it runs on sideways, never down).
      const lines = text
        .split('\n')
        .reduce((n, line) => n + (wrap ? Math.max(1, Math.ceil(textPoints(line, size) / width)) : 1), 0);
      const needs = lines * size * LINE;
      if (height < needs - 0.05)
        out.push(
          `${cell.address}: ${lines} 行 ${needs.toFixed(1)}pt > ${height.toFixed(1)}pt「${text.slice(0, 24)}」`,
        );
    }
  return out;
}

const rendered = new Map<string, Rendered>();
let seconds = 0;

/** Sheets of a workbook to print, by the name they are reported under. */
type Printable = { readonly label: string; readonly sheet: string; readonly xlsx: ArrayBuffer };

/** The filled workbook: every ledger of its year (monthly too) and every document of the catalog. */
async function filledSheets(): Promise<Printable[]> {
  const wb = createSimulatedWorkbook();
  await setUpWorkbook(runOf(wb));
  await loadRegisters(wb, w.input);
  await buildLedgers(runOf(wb), {
    year: w.g.year,
    asOf: w.g.today,
    monthly: true,
    isSetSupported: wb.isSetSupported,
  });
  for (const kind of Object.keys(DOCUMENTS) as DocumentKind[])
    await printDocument(runOf(wb), documentOf(kind), wb.isSetSupported);
  // The QR poster, with its code as a picture (Worksheet.shapes.addImage), as the pane prints it.
  await printDocument(runOf(wb), POSTER, wb.isSetSupported);
  return generatedSheets(wb, '');
}

/** The poster 扫码反映诉求 of a unit whose phone page is on addin.example.cn. */
const POSTER = (() => {
  const link = phoneLink(
    { pageUrl: 'https://addin.example.cn/phone.html', apiBase: 'https://fn.example.cn/api' },
    { mode: 'file', unitId: 'U-0001', kid: 'Qw1xbZ3Lr8m2Y7vN5kT0aPcD9eFgHiJkLmNoPqRsTuV' },
  );
  const r = buildPoster(w.check, { issuedOn: w.g.today, link });
  if (r.status !== 'ready') throw new Error(`poster: ${JSON.stringify(r)}`);
  return r.document;
})();

/** The preview's demo company (56 appeals in one quarter): its quarterly ledger runs over several pages. */
async function demoSheets(): Promise<Printable[]> {
  const today = w.g.today;
  const quarter = previousQuarter(quarterOf(today));
  const wb = createSimulatedWorkbook();
  await setUpWorkbook(runOf(wb));
  await loadRegisters(wb, demoWorkbook(today).input);
  await buildLedgers(runOf(wb), { year: quarter.year, asOf: today, isSetSupported: wb.isSetSupported });
  const ledger = ledgerSheetName(quarter);
  return (await generatedSheets(wb, '演示公司 ')).filter((p) => p.sheet === ledger);
}

/** The visible sheets the add-in generated, exported with their layout. */
async function generatedSheets(wb: SimulatedWorkbook, prefix: string): Promise<Printable[]> {
  const generated = JSON.parse(String(wb.settings()[GENERATED_SETTING])) as string[];
  const visible = new Set(
    wb
      .toJSON()
      .sheets.filter((s) => s.visibility === 'Visible')
      .map((s) => s.name),
  );
  const xlsx = await simulatedWorkbookToXlsx(wb);
  return generated
    .filter((name) => visible.has(name))
    .map((sheet) => ({ label: prefix + sheet, sheet, xlsx }));
}

/** The pages shown in the README (docs/rendered/), by label: a notice, a form, a table, a ledger. */
const README_PAGES: Readonly<Record<string, string>> = {
  '打印-会议纪要-': 'minutes',
  '打印-诉求记录表-': 'appeal-form',
  '打印-签到表-': 'sign-in-sheet',
  '演示公司 台账': 'ledger',
  '打印-扫码反映诉求': 'qr-poster',
};

async function renderAll(): Promise<void> {
  const printable = [...(await filledSheets()), ...(await demoSheets())];
  const digit = libreOfficeDigit();
  const files = new Map<string, ArrayBuffer>();
  for (const [i, p] of printable.entries()) files.set(`s${i}`, await forLibreOffice(p.xlsx, p.sheet, digit));
  const started = performance.now();
  const pdfs = convertAll(soffice as string, files, 'pdf');
  seconds = (performance.now() - started) / 1000;
  const books = new Map<ArrayBuffer, ExcelJS.Workbook>();
  for (const [i, p] of printable.entries()) {
    let book = books.get(p.xlsx);
    if (!book) {
      book = new ExcelJS.Workbook();
      await book.xlsx.load(p.xlsx);
      books.set(p.xlsx, book);
    }
    const pdf = pdfs.get(`s${i}`) as Buffer;
    rendered.set(p.label, {
      sheet: book.getWorksheet(p.sheet) as ExcelJS.Worksheet,
      pages: pdfPages(pdf),
      pdf,
    });
  }
  keep();
}

/**
 * XIESHANG_RENDER_OUT=dir keeps every PDF to look at; XIESHANG_RENDER_PNG=dir draws the README's
 * pages (first page of each) as PNG with Ghostscript, which only this needs.
 */
function keep(): void {
  const out = process.env['XIESHANG_RENDER_OUT'];
  if (out) {
    mkdirSync(out, { recursive: true });
    for (const [label, r] of rendered) writeFileSync(join(out, `${label}.pdf`), r.pdf);
  }
  const png = process.env['XIESHANG_RENDER_PNG'];
  if (!png) return;
  mkdirSync(png, { recursive: true });
  for (const [prefix, file] of Object.entries(README_PAGES)) {
    const r = [...rendered].find(([label]) => label.startsWith(prefix))?.[1];
    if (!r) throw new Error(`no rendered sheet for ${prefix}`);
    const pdf = join(png, `${file}.pdf`);
    writeFileSync(pdf, r.pdf);
    execFileSync('gs', [
      '-q',
      '-dNOPAUSE',
      '-dBATCH',
      '-dSAFER',
      '-sDEVICE=pnggray',
      '-dTextAlphaBits=4',
      '-dGraphicsAlphaBits=4',
      '-r90',
      '-dFirstPage=1',
      '-dLastPage=1',
      `-sOutputFile=${join(png, `${file}.png`)}`,
      pdf,
    ]);
    rmSync(pdf);
  }
}

describe.skipIf(!soffice)('every document and ledger printed by LibreOffice', () => {
  beforeAll(async () => {
    await renderAll();
    console.log(
      `打印核对 / print check: ${[...rendered].map(([n, r]) => `${n} ${r.pages.length}`).join('，')} (${seconds.toFixed(1)} s in LibreOffice)`,
    );
  }, 600_000);

  it('prints every document of the catalog and every generated ledger', () => {
    const names = [...rendered.keys()];
    for (const kind of Object.keys(DOCUMENTS) as DocumentKind[])
      expect(names).toContain(documentOf(kind).sheet);
    expect(names.some((n) => /^台账\d{4}Q\d$/.test(n))).toBe(true);
    // The poster is one A4 page, its QR code drawn as an image (the .xlsx carries the picture).
    const poster = rendered.get(POSTER.sheet);
    expect(poster?.pages.length).toBe(1);
    expect(poster?.pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    // The demo company's quarter is long enough to run over pages, its header row repeated on each.
    const demo = [...rendered].find(([n]) => n.startsWith('演示公司 台账'))?.[1];
    expect(demo?.pages.length).toBeGreaterThan(1);
    expect(demo?.sheet.pageSetup.printTitlesRow).toBeTruthy();
  });

  it("A4 in the sheet's orientation, every page", () => {
    const wrong = [...rendered].flatMap(([name, r]) => {
      const landscape = r.sheet.pageSetup.orientation === 'landscape';
      const a4 = landscape ? { width: A4.long, height: A4.short } : { width: A4.short, height: A4.long };
      const off = r.pages.filter(
        (p) => Math.abs(p.width - a4.width) > 1 || Math.abs(p.height - a4.height) > 1,
      );
      return off.length ? [`${name}: ${off.length} 页 ${off[0]?.width}×${off[0]?.height}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('as many pages as the layout designs, one page wide', () => {
    const wrong = [...rendered].flatMap(([name, r]) => {
      const d = designedPages(r.sheet);
      const n = r.pages.length;
      if (d.wide > 1) return [`${name}: ${d.wide} 页宽`];
      return n >= d.fewest && n <= d.most ? [] : [`${name}: ${n} 页, 应为 ${d.fewest}–${d.most}`];
    });
    expect(wrong).toEqual([]);
  });

  it('no wrapped text taller than its row', () => {
    expect([...rendered].flatMap(([name, r]) => clipped(r.sheet).map((c) => `${name} ${c}`))).toEqual([]);
  });
});

// The clipping check itself, on sheets made by hand: it must catch a row too short for its text.
describe('the clipping check', () => {
  const sheet = (height: number, text: string): ExcelJS.Worksheet => {
    const ws = new ExcelJS.Workbook().addWorksheet('纸');
    ws.getColumn(1).width = 20;
    ws.getColumn(2).width = 20;
    ws.mergeCells('A1:B1');
    ws.getCell('A1').value = text;
    ws.getCell('A1').alignment = { wrapText: true };
    ws.getCell('A1').font = { size: 12 };
    ws.getRow(1).height = height;
    ws.pageSetup.printArea = 'A1:B1';
    return ws;
  };
  // 30 CJK characters of 12 pt (360 pt) in two columns of 20 characters (2 × 108.75 pt, less 4): 2 lines.
  const text = '职工诉求记录'.repeat(5);

  it('reports merged wrapped text taller than its row', () => {
    expect(clipped(sheet(15, text))).toEqual([expect.stringMatching(/^A1: 2 行 31\.2pt > 15\.0pt/)]);
  });

  it('passes a row that holds it, and counts latin at 0.55 em', () => {
    expect(clipped(sheet(31.2, text))).toEqual([]);
    // 68 digits at 6.6 pt are 448.8 pt: three lines of 213.5 pt, where half an em (408 pt) would make two.
    expect(clipped(sheet(31.2, '1'.repeat(68)))).toHaveLength(1);
  });
});
