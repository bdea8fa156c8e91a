import { columnLetter, widthInPoints } from '../excel/columns';
import type { SheetContent } from '../excel/generated';
import type { Align, DocBlock, DocCell, PrintDocument } from './model';
import { fitColumns, MARGINS, rowHeight } from './page';

/** Formatting of one range of a printed sheet. */
export interface RangeStyle {
  readonly address: string;
  readonly bold?: boolean;
  readonly size?: number;
  readonly align?: 'Left' | 'Center' | 'Right';
  readonly vertical?: 'Top' | 'Center';
  /** Thin rules around and inside the range. */
  readonly borders?: boolean;
}

/** Page setup of a printed sheet, in the terms of Excel's PageLayout. */
export interface PageSetup {
  readonly orientation: 'Portrait' | 'Landscape';
  readonly paperSize: 'A4';
  readonly margins: typeof MARGINS;
  readonly printArea: string;
  /** Rows repeated at the top of every page ($5:$5), when the document has a table with a header. */
  readonly titleRows?: string;
}

/** Where a QR code goes on a printed sheet, in points from the sheet's top-left corner. */
export interface QrPlacement {
  readonly link: string;
  readonly left: number;
  readonly top: number;
  readonly size: number;
  /** The (merged) cell the code stands over, which holds `fallback` where no picture can be placed. */
  readonly cell: string;
  readonly fallback: string;
}

/** A document laid out on a sheet: the cells as a generated sheet's blocks, plus merges, styles and the page. */
export interface PrintLayout {
  readonly content: SheetContent;
  readonly merges: readonly string[];
  readonly styles: readonly RangeStyle[];
  /** Height of every row, in points. */
  readonly rowHeights: readonly number[];
  readonly page: PageSetup;
  readonly font: { readonly name: string; readonly size: number };
  /** QR codes, centred across the columns in rows kept for them. */
  readonly images: readonly QrPlacement[];
}

/** Room above and below a QR code in its row, in points. */
const QR_PADDING = 6;

const BODY = 12;
/** Two ideographic spaces: the first-line indent of Chinese body text. */
const INDENT = '\u3000\u3000';
const TABLE = 11;
const ALIGN: Readonly<Record<Align, RangeStyle['align']>> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};

/** Lays a document out on a sheet fitted to A4: every row, merge, style and height decided here, as data. */
export function layoutDocument(doc: PrintDocument): PrintLayout {
  const widths = fitColumns(doc.columns, doc.orientation);
  const n = widths.length;
  const last = columnLetter(n - 1);
  const rows: string[][] = [];
  const heights: number[] = [];
  const merges: string[] = [];
  const styles: RangeStyle[] = [];
  const images: QrPlacement[] = [];
  let titleRows: string | undefined;
  const span = (c0: number, c1: number): number => widths.slice(c0, c1 + 1).reduce((a, b) => a + b, 0);
  const fullLine = (
    text: string,
    size: number,
    style: Omit<RangeStyle, 'address'>,
    height?: number,
  ): void => {
    const r = rows.length + 1;
    rows.push([text, ...new Array<string>(n - 1).fill('')]);
    heights.push(height ?? rowHeight(text, span(0, n - 1), size));
    if (n > 1) merges.push(`A${r}:${last}${r}`);
    styles.push({ address: `A${r}:${last}${r}`, size, ...style });
  };
  const table = (block: Extract<DocBlock, { type: 'table' }>): void => {
    const top = rows.length;
    const taken = new Set<string>();
    block.rows.forEach((cells, i) => {
      const r = top + i;
      rows.push(new Array<string>(n).fill(''));
      let height = rowHeight('', widths[0] ?? 10, TABLE);
      let c = 0;
      cells.forEach((cell: DocCell, k) => {
        while (taken.has(`${r},${c}`)) c++;
        let end = k === cells.length - 1 ? n - 1 : Math.min(n - 1, c + (cell.span ?? 1) - 1);
        while (k === cells.length - 1 && taken.has(`${r},${end}`)) end--;
        const down = cell.rowSpan ?? 1;
        for (let dr = 0; dr < down; dr++) for (let cc = c; cc <= end; cc++) taken.add(`${r + dr},${cc}`);
        (rows[r] as string[])[c] = cell.text;
        const address = `${columnLetter(c)}${r + 1}:${columnLetter(end)}${r + down}`;
        if (end > c || down > 1) merges.push(address);
        styles.push({
          address,
          size: TABLE,
          ...(cell.bold ? { bold: true } : {}),
          align: ALIGN[cell.align ?? 'left'],
          vertical: cell.minLines ? 'Top' : 'Center',
        });
        if (down === 1) height = Math.max(height, rowHeight(cell.text, span(c, end), TABLE, cell.minLines));
        c = end + 1;
      });
      heights.push(height);
    });
    const area = `A${top + 1}:${last}${rows.length}`;
    if (block.borders !== false) styles.push({ address: area, borders: true });
    if (block.headerRows && titleRows === undefined) titleRows = `$${top + 1}:$${top + block.headerRows}`;
  };
  for (const block of doc.blocks) {
    if (block.type === 'title') fullLine(block.text, block.size ?? 18, { bold: true, align: 'Center' });
    else if (block.type === 'paragraph') {
      const text = block.indent ? INDENT + block.text : block.text;
      fullLine(text, BODY, { align: ALIGN[block.align ?? 'left'], ...(block.bold ? { bold: true } : {}) });
    } else if (block.type === 'signature')
      for (const line of block.lines) fullLine(line, BODY, { align: 'Right' });
    else if (block.type === 'gap') fullLine('', BODY, {}, 12);
    else if (block.type === 'qr') {
      const row = rows.length + 1;
      const top = heights.reduce((a, b) => a + b, 0) + QR_PADDING;
      const across = widths.reduce((a, w) => a + widthInPoints(w), 0);
      fullLine('', BODY, { align: 'Center' }, block.size + 2 * QR_PADDING);
      images.push({
        link: block.link,
        left: Math.max(0, Math.round(((across - block.size) / 2) * 10) / 10),
        top,
        size: block.size,
        cell: `A${row}`,
        fallback: block.fallback,
      });
      if (block.showLink) fullLine(block.link, 10, { align: 'Center' });
      fullLine(block.caption, 14, { align: 'Center', bold: true });
    } else table(block);
  }
  const printArea = `A1:${last}${rows.length}`;
  return {
    content: {
      name: doc.sheet,
      title: doc.title,
      widths,
      blocks: [{ row: 0, rows, formats: widths.map(() => '@') }],
    },
    merges,
    styles,
    rowHeights: heights,
    font: { name: '宋体', size: BODY },
    images,
    page: {
      orientation: doc.orientation === 'portrait' ? 'Portrait' : 'Landscape',
      paperSize: 'A4',
      margins: MARGINS,
      printArea,
      ...(titleRows ? { titleRows } : {}),
    },
  };
}
