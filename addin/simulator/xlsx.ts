import ExcelJS from 'exceljs';
import { columnLetters, parseAddress } from './model/address';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from './model/sheet-model';
import { FORMAT_DEFAULTS } from './model/styles';
import type { SimulatedWorkbook } from './simulated-workbook';
import type { ShapeSnapshot, SheetSnapshot } from './snapshot/types';

/** A block as exceljs counts it (1-based rows and columns), from the simulator's own parser. */
function rect(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`not an A1 address: ${address}`);
  const { r0, c0, r1, c1 } = parsed.rect;
  return { r0: r0 + 1, c0: c0 + 1, r1: r1 + 1, c1: c1 + 1 };
}

// Excel.PaperType names → the OOXML paperSize codes, which follow Excel's XlPaperSize numbering
// (https://learn.microsoft.com/office/vba/api/excel.xlpapersize).
const PAPER: Readonly<Record<string, number>> = {
  Letter: 1,
  LetterSmall: 2,
  Tabloid: 3,
  Ledger: 4,
  Legal: 5,
  Statement: 6,
  Executive: 7,
  A3: 8,
  A4: 9,
  A4Small: 10,
  A5: 11,
  B4: 12,
  B5: 13,
  Folio: 14,
  Quatro: 15,
  Paper10x14: 16,
  Paper11x17: 17,
  Note: 18,
  Envelope9: 19,
  Envelope10: 20,
  Envelope11: 21,
  Envelope12: 22,
  Envelope14: 23,
  Csheet: 24,
  Dsheet: 25,
  Esheet: 26,
  EnvelopeDL: 27,
  EnvelopeC5: 28,
  EnvelopeC3: 29,
  EnvelopeC4: 30,
  EnvelopeC6: 31,
  EnvelopeC65: 32,
  EnvelopeB4: 33,
  EnvelopeB5: 34,
  EnvelopeB6: 35,
  EnvelopeItaly: 36,
  EnvelopeMonarch: 37,
  EnvelopePersonal: 38,
  FanfoldUS: 39,
  FanfoldStdGerman: 40,
  FanfoldLegalGerman: 41,
};

const HORIZONTAL: Readonly<Record<string, ExcelJS.Alignment['horizontal'] | undefined>> = {
  General: undefined,
  Left: 'left',
  Center: 'center',
  Right: 'right',
  Fill: 'fill',
  Justify: 'justify',
  CenterAcrossSelection: 'centerContinuous',
  Distributed: 'distributed',
};
const VERTICAL: Readonly<Record<string, ExcelJS.Alignment['vertical'] | undefined>> = {
  Top: 'top',
  Center: 'middle',
  Bottom: undefined,
  Justify: 'justify',
  Distributed: 'distributed',
};
const UNDERLINE: Readonly<Record<string, ExcelJS.Font['underline'] | undefined>> = {
  None: undefined,
  Single: 'single',
  Double: 'double',
  SingleAccountant: 'singleAccounting',
  DoubleAccountant: 'doubleAccounting',
};

/** Excel's RangeBorder style and weight as one OOXML line style. */
function lineStyle(style: string, weight: string): ExcelJS.BorderStyle {
  const medium = weight === 'Medium' || weight === 'Thick';
  switch (style) {
    case 'Continuous':
      return weight === 'Hairline'
        ? 'hair'
        : weight === 'Medium'
          ? 'medium'
          : weight === 'Thick'
            ? 'thick'
            : 'thin';
    case 'Dash':
      return medium ? 'mediumDashed' : 'dashed';
    case 'DashDot':
      return medium ? 'mediumDashDot' : 'dashDot';
    case 'DashDotDot':
      return medium ? 'mediumDashDotDot' : 'dashDotDot';
    case 'Dot':
      return 'dotted';
    case 'Double':
      return 'double';
    default:
      return 'slantDashDot';
  }
}

const argb = (hex: unknown): { argb: string } => ({ argb: `FF${String(hex).replace('#', '')}` });

/** Points → the character widths OOXML stores: Calibri 11's 7-pixel digit plus 5 pixels of padding, at 96 dpi. */
export const pointsToCharacters = (points: number): number =>
  Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);

/** Reads every stored formatting attribute of a block, key by key, as the simulator reports it. */
function formatReader(
  sim: SimulatedWorkbook,
  sheet: SheetSnapshot,
  area: string,
): (key: string, i: number, j: number) => unknown {
  const matrices = new Map<string, unknown[][]>();
  for (const key of Object.keys(sheet.formats)) matrices.set(key, sim.cellFormat(sheet.name, area, key));
  return (key, i, j) => {
    const m = matrices.get(key);
    return m ? m[i]?.[j] : key === 'fill.color' ? null : (FORMAT_DEFAULTS as Record<string, unknown>)[key];
  };
}

/** The cell's style as exceljs writes it, or undefined when the cell has nothing but defaults. */
function styleOf(at: (key: string) => unknown): Partial<ExcelJS.Style> | undefined {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (at('font.name') !== FORMAT_DEFAULTS['font.name']) font.name = String(at('font.name'));
  if (at('font.size') !== FORMAT_DEFAULTS['font.size']) font.size = Number(at('font.size'));
  if (at('font.bold') === true) font.bold = true;
  if (at('font.italic') === true) font.italic = true;
  if (at('font.strikethrough') === true) font.strike = true;
  const underline = UNDERLINE[String(at('font.underline'))];
  if (underline) font.underline = underline;
  if (at('font.color') !== FORMAT_DEFAULTS['font.color']) font.color = argb(at('font.color'));
  if (Object.keys(font).length) style.font = font;
  const fill = at('fill.color');
  if (typeof fill === 'string') style.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(fill) };
  const alignment: Partial<ExcelJS.Alignment> = {};
  const horizontal = HORIZONTAL[String(at('horizontalAlignment'))];
  const vertical = VERTICAL[String(at('verticalAlignment'))];
  if (horizontal) alignment.horizontal = horizontal;
  if (vertical) alignment.vertical = vertical;
  if (at('wrapText') === true) alignment.wrapText = true;
  const indent = Number(at('indentLevel'));
  if (indent > 0) alignment.indent = indent;
  if (Object.keys(alignment).length) style.alignment = alignment;
  const border: Partial<ExcelJS.Borders> = {};
  for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
    const line = at(`border.${edge}.style`);
    if (typeof line !== 'string' || line === 'None') continue;
    const color = at(`border.${edge}.color`);
    border[edge] = {
      style: lineStyle(line, String(at(`border.${edge}.weight`) ?? 'Thin')),
      ...(typeof color === 'string' ? { color: argb(color) } : {}),
    };
  }
  const down = at('border.diagonalDown.style');
  const up = at('border.diagonalUp.style');
  const diagonal = [down, up].find((s) => typeof s === 'string' && s !== 'None');
  if (typeof diagonal === 'string') {
    const edge = diagonal === down ? 'diagonalDown' : 'diagonalUp';
    border.diagonal = {
      up: typeof up === 'string' && up !== 'None',
      down: typeof down === 'string' && down !== 'None',
      style: lineStyle(diagonal, String(at(`border.${edge}.weight`) ?? 'Thin')),
    };
  }
  if (Object.keys(border).length) style.border = border;
  const format = at('numberFormat');
  if (typeof format === 'string' && format !== 'General') style.numFmt = format;
  return Object.keys(style).length ? style : undefined;
}

const inches = (points: unknown, fallback: number): number =>
  (typeof points === 'number' ? points : fallback) / 72;

/** Excel's PageLayout as OOXML page setup: paper, orientation, margins, fit, print area and titles. */
function pageSetupOf(sheet: SheetSnapshot): Partial<ExcelJS.PageSetup> {
  const p = sheet.pageLayout;
  const setup: Partial<ExcelJS.PageSetup> = {};
  if (p['paperSize'] !== undefined) {
    const code = PAPER[String(p['paperSize'])];
    if (code === undefined) throw new Error(`paper size ${String(p['paperSize'])} has no OOXML code here`);
    setup.paperSize = code as ExcelJS.PaperSize;
  }
  if (p['orientation'] !== undefined)
    setup.orientation = p['orientation'] === 'Landscape' ? 'landscape' : 'portrait';
  // Excel's defaults for a new sheet, in points (0.7", 0.75", 0.3"), as page-layout-schema.ts keeps them.
  setup.margins = {
    left: inches(p['leftMargin'], 50.4),
    right: inches(p['rightMargin'], 50.4),
    top: inches(p['topMargin'], 54),
    bottom: inches(p['bottomMargin'], 54),
    header: inches(p['headerMargin'], 21.6),
    footer: inches(p['footerMargin'], 21.6),
  };
  if (p['centerHorizontally'] === true) setup.horizontalCentered = true;
  if (p['centerVertically'] === true) setup.verticalCentered = true;
  if (p['blackAndWhite'] === true) setup.blackAndWhite = true;
  if (p['draftMode'] === true) setup.draft = true;
  if (p['printGridlines'] === true) setup.showGridLines = true;
  if (p['printHeadings'] === true) setup.showRowColHeaders = true;
  if (p['printOrder'] === 'OverThenDown') setup.pageOrder = 'overThenDown';
  if (typeof p['firstPageNumber'] === 'number') setup.firstPageNumber = p['firstPageNumber'];
  const zoom = p['zoom'] as
    { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } | undefined;
  if (zoom?.horizontalFitToPages !== undefined || zoom?.verticalFitToPages !== undefined) {
    // 0 pages in a direction is OOXML's "as many as needed".
    setup.fitToPage = true;
    setup.fitToWidth = zoom.horizontalFitToPages ?? 0;
    setup.fitToHeight = zoom.verticalFitToPages ?? 0;
  } else if (zoom?.scale !== undefined) setup.scale = zoom.scale;
  if (sheet.printArea) setup.printArea = sheet.printArea.replace(/\$/g, '');
  if (sheet.printTitleRows) setup.printTitlesRow = sheet.printTitleRows.replace(/\$/g, '');
  if (sheet.printTitleColumns) setup.printTitlesColumn = sheet.printTitleColumns.replace(/\$/g, '');
  return setup;
}

type Sections = Readonly<Record<string, unknown>> | undefined;

/** One set's left/center/right texts as OOXML's single string with &L/&C/&R section codes. */
const sectionsOf = (set: Sections, place: 'Header' | 'Footer'): string =>
  (['left', 'center', 'right'] as const)
    .map((side, i) => {
      const text = set?.[`${side}${place}`];
      return typeof text === 'string' && text ? `&${'LCR'[i] ?? ''}${text}` : '';
    })
    .join('');

/**
 * Headers and footers set through `PageLayout.headersFooters` (stored in the sheet's page layout by
 * api/header-footer.ts): the default set, or the first/odd/even sets its `state` selects.
 */
function headerFooterOf(sheet: SheetSnapshot): Partial<ExcelJS.HeaderFooter> | undefined {
  const group = sheet.pageLayout['headersFooters'] as Record<string, Sections> | undefined;
  if (!group) return undefined;
  const state = String(group['state'] ?? 'Default');
  const first = state === 'FirstAndDefault' || state === 'FirstOddAndEven';
  const oddEven = state === 'OddAndEven' || state === 'FirstOddAndEven';
  const odd = oddEven ? group['oddPages'] : group['defaultForAllPages'];
  const out: Partial<ExcelJS.HeaderFooter> = {
    oddHeader: sectionsOf(odd, 'Header'),
    oddFooter: sectionsOf(odd, 'Footer'),
    ...(oddEven
      ? {
          differentOddEven: true,
          evenHeader: sectionsOf(group['evenPages'], 'Header'),
          evenFooter: sectionsOf(group['evenPages'], 'Footer'),
        }
      : {}),
    ...(first
      ? {
          differentFirst: true,
          firstHeader: sectionsOf(group['firstPage'], 'Header'),
          firstFooter: sectionsOf(group['firstPage'], 'Footer'),
        }
      : {}),
  };
  const written = Object.entries(out).filter(([, v]) => v !== '');
  return written.length ? (Object.fromEntries(written) as Partial<ExcelJS.HeaderFooter>) : undefined;
}

/** EMU (the drawing unit of OOXML) in a point. */
const EMU_PER_POINT = 12700;

/**
 * A picture anchored where it stands: the cell under its top-left corner plus the offset into it (EMU),
 * found by walking the column widths and row heights in points; its size in pixels at 96 dpi.
 */
function placeImage(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  sheet: SheetSnapshot,
  shape: ShapeSnapshot,
): void {
  const hiddenColumns = new Set(sheet.hiddenColumns);
  const hiddenRows = new Set(sheet.hiddenRows);
  const column = (c: number): number => {
    const letter = columnLetters(c);
    return hiddenColumns.has(letter) ? 0 : (sheet.columnWidths[letter] ?? DEFAULT_COLUMN_WIDTH);
  };
  const row = (r: number): number =>
    hiddenRows.has(r + 1) ? 0 : (sheet.rowHeights[String(r + 1)] ?? DEFAULT_ROW_HEIGHT);
  const anchor = (at: number, size: (i: number) => number): [number, number] => {
    let i = 0;
    let start = 0;
    // Bounded by Excel's last row, so a run of hidden (zero) lines cannot go on for ever.
    while (i < 1_048_576 && start + size(i) <= at) start += size(i++);
    return [i, Math.round((at - start) * EMU_PER_POINT)];
  };
  const [nativeCol, nativeColOff] = anchor(shape.left, column);
  const [nativeRow, nativeRowOff] = anchor(shape.top, row);
  const imageId = wb.addImage({ base64: shape.base64, extension: shape.format === 'PNG' ? 'png' : 'jpeg' });
  ws.addImage(imageId, {
    tl: { nativeCol, nativeColOff, nativeRow, nativeRowOff } as unknown as ExcelJS.Anchor,
    ext: { width: shape.width / 0.75, height: shape.height / 0.75 },
    editAs: 'oneCell',
  });
}

/**
 * Exports the simulated workbook as .xlsx with exceljs: values, formulas (with no cached result,
 * so a spreadsheet engine must compute them), number formats, fonts, fills, alignment and wrapping,
 * borders, merges, column widths, row heights, hidden rows and columns, gridlines, frozen rows, page
 * setup (paper, orientation, margins, fit to pages, print area, print titles, header and footer) and
 * tables, which structured references in formulas need, and pictures: what the sheet looks like on paper survives.
 */
export async function simulatedWorkbookToXlsx(sim: SimulatedWorkbook): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const snapshot = sim.toJSON();
  const tables = sim
    .tableNames()
    .map((name) => sim.table(name))
    .filter((t) => t !== undefined);
  for (const sheet of snapshot.sheets) {
    const name = sheet.name;
    const view: Partial<ExcelJS.WorksheetView> = {
      ...(sheet.frozenRows ? { state: 'frozen' as const, ySplit: sheet.frozenRows } : {}),
      ...(sheet.showGridlines ? {} : { showGridLines: false }),
    };
    const headerFooter = headerFooterOf(sheet);
    const ws = wb.addWorksheet(name, {
      ...(Object.keys(view).length ? { views: [view] } : {}),
      pageSetup: pageSetupOf(sheet),
      ...(headerFooter ? { headerFooter } : {}),
      ...(sheet.visibility === 'Hidden' ? { state: 'hidden' as const } : {}),
      ...(sheet.visibility === 'VeryHidden' ? { state: 'veryHidden' as const } : {}),
    });
    for (const [letter, points] of Object.entries(sheet.columnWidths))
      ws.getColumn(letter).width = pointsToCharacters(points);
    for (const letter of sheet.hiddenColumns) ws.getColumn(letter).hidden = true;
    for (const [row, points] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row)).height = points;
    for (const row of sheet.hiddenRows) ws.getRow(row).hidden = true;
    // Merged without exceljs copying the first cell's style over the others: each cell keeps its own
    // borders, so a merged block's right and bottom rules survive.
    for (const merge of sheet.merges) ws.mergeCellsWithoutStyle(merge.replace(/\$/g, ''));
    for (const shape of sheet.shapes ?? []) placeImage(wb, ws, sheet, shape);
    const used = sim.usedRange(name);
    if (!used) continue;
    const area = used.replace(/^.*!/, '');
    const values = sim.getValues(name, area);
    const formulas = sim.getFormulas(name, area);
    const formatAt = formatReader(sim, sheet, area);
    const { r0, c0 } = rect(area);
    const inTable = (r: number, c: number): boolean =>
      tables.some(
        (t) => t.sheet === name && ((b) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1)(rect(t.address)),
      );
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const r = r0 + i;
        const c = c0 + j;
        const formula = formulas[i]?.[j];
        const cell = ws.getCell(r, c);
        const style = styleOf((key) => formatAt(key, i, j));
        // A fresh object per cell: exceljs shares style objects, and a later edit must not reach a neighbour.
        if (style) cell.style = structuredClone(style);
        if (inTable(r, c)) return; // written by addTable below
        if (typeof formula === 'string' && formula.startsWith('='))
          cell.value = { formula: formula.slice(1) };
        // A merged block's value is its first cell's; exceljs would pass a write to another cell on to it.
        else if (value !== '' && value !== null && value !== undefined && cell.master === cell)
          cell.value = value as ExcelJS.CellValue;
      }),
    );
  }
  for (const t of tables) {
    const b = rect(t.address);
    const ws = wb.getWorksheet(t.sheet);
    if (!ws) continue;
    const body = b.r1 > b.r0 ? sim.getValues(t.sheet, t.address.replace(/^.*!/, '')).slice(1) : [];
    ws.addTable({
      name: t.name,
      ref: ws.getCell(b.r0, b.c0).address,
      headerRow: true,
      columns: t.headers.map((h) => ({ name: h })),
      rows: body.length ? body.map((r) => r.map((v) => (v === '' ? null : v))) : [t.headers.map(() => null)],
    });
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
