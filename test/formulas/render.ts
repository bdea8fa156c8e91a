/**
 * Printing through LibreOffice: .xlsx files converted to PDF (or PNG) in one headless run with a
 * throwaway profile, and the PDF's pages read back — how many, and their size in points.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { convertInLibreOffice } from './soffice';

/**
 * Converts every file in one LibreOffice run (one start-up, which is most of the time) and returns
 * each result by the file's name without its extension.
 */
export function convertAll(
  soffice: string,
  files: ReadonlyMap<string, ArrayBuffer | Buffer>,
  to: 'pdf' | 'png',
): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'xieshang-render-'));
  const profile = join(dir, 'profile');
  mkdirSync(profile, { recursive: true });
  const paths = [...files].map(([name, bytes]) => {
    const path = join(dir, `${name}.xlsx`);
    writeFileSync(path, Buffer.from(bytes as ArrayBuffer));
    return path;
  });
  const out = join(dir, 'out');
  convertInLibreOffice(soffice, { profile, filter: to, outdir: out, files: paths }, 300_000);
  return new Map([...files.keys()].map((name) => [name, readFileSync(join(out, `${name}.${to}`))]));
}

/** The fonts LibreOffice may put in Calibri's place, with the width of a digit at 11 pt, in points. */
const CALIBRI_STAND_INS: Readonly<Record<string, number>> = {
  // Metric-compatible with Calibri: 7 pixels at 96 dpi, as Excel measures.
  Carlito: 5.25,
  // Debian's default sans (fonts-dejavu-core, which fontconfig brings): 1303/2048 em.
  'DejaVu Sans': (1303 / 2048) * 11,
};

/**
 * How wide LibreOffice draws one character of column width: a digit of the font it uses for the
 * workbook's Calibri 11 (column widths are stored in those digits). Measured by hand on
 * LibreOffice 7.4: a 38.9-character column is 38.9 digits wide, without the 5 pixels Excel adds.
 */
export function libreOfficeDigit(): number {
  const family = spawnSync('fc-match', ['-f', '%{family[0]}', 'Calibri'], { encoding: 'utf8' }).stdout.trim();
  const digit = CALIBRI_STAND_INS[family];
  if (digit === undefined)
    throw new Error(
      `LibreOffice would draw Calibri as “${family}”, whose digit width the print check does not know`,
    );
  return digit;
}

/** Excel's width in points of a column stored as `chars` characters of Calibri 11: 7 px a digit and 5 px padding. */
export const excelColumnPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

/**
 * One sheet of an .xlsx as LibreOffice should print it to show what Excel prints: the other sheets
 * hidden (so the PDF is this sheet's pages, while formulas still reach the others' tables), and each
 * column restated in the digits of the font LibreOffice has for Calibri, so it is as many points wide
 * as Excel makes it. Nothing else changes.
 */
export async function forLibreOffice(xlsx: ArrayBuffer, sheet: string, digit: number): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx);
  let index = -1;
  book.worksheets.forEach((ws, i) => {
    if (ws.name === sheet) index = i;
    ws.state = ws.name === sheet ? 'visible' : 'hidden';
  });
  const ws = book.worksheets[index];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  // A sheet of values needs no other: LibreOffice then opens a small file (most of the time it takes).
  let formulas = false;
  ws.eachRow((row) => row.eachCell((cell) => void (formulas ||= cell.type === ExcelJS.ValueType.Formula)));
  if (!formulas) {
    for (const other of [...book.worksheets]) if (other !== ws) book.removeWorksheet(other.id);
    const own = (range: string): boolean => range.replace(/^'|'?!.*$/g, '').replace(/''/g, "'") === ws.name;
    book.definedNames.model = book.definedNames.model.filter((n) => n.ranges.every(own));
    index = 0;
  }
  for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) {
    const column = ws.getColumn(c);
    column.width = Math.round((excelColumnPoints(column.width ?? 8.43) / digit) * 1000) / 1000;
  }
  book.views = [{ activeTab: index, firstSheet: index, visibility: 'visible' } as ExcelJS.WorkbookView];
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

/** A page of a PDF: its MediaBox width and height in points. */
export interface PdfPage {
  readonly width: number;
  readonly height: number;
}

/**
 * The pages of a PDF, from its page objects (`/Type /Page`, not `/Pages`), each with its own MediaBox
 * or the one it inherits from the page tree. LibreOffice writes these dictionaries as plain text
 * (only content streams are compressed); a PDF that packs objects into compressed object streams is
 * refused rather than misread.
 */
export function pdfPages(pdf: Buffer): PdfPage[] {
  const text = pdf.toString('latin1');
  if (/\/Type\s*\/ObjStm/.test(text))
    throw new Error('the PDF keeps its objects in compressed object streams');
  const objects = [...text.matchAll(/\d+\s+\d+\s+obj\b([^]*?)endobj/g)].map((m) => m[1] ?? '');
  const box = (dict: string): PdfPage | undefined => {
    const m = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(dict);
    if (!m) return undefined;
    const [x0, y0, x1, y1] = m.slice(1).map(Number) as [number, number, number, number];
    return { width: Math.round((x1 - x0) * 10) / 10, height: Math.round((y1 - y0) * 10) / 10 };
  };
  const tree = objects
    .filter((o) => /\/Type\s*\/Pages\b/.test(o))
    .map(box)
    .find((b) => b);
  return objects
    .filter((o) => /\/Type\s*\/Page(?![s\w])/.test(o))
    .map((o) => {
      const page = box(o) ?? tree;
      if (!page) throw new Error('a PDF page without a MediaBox');
      return page;
    });
}
