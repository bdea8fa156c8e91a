import { widthInPoints } from '../excel/columns';

/** A4 in points, portrait. */
export const A4 = { width: 595.3, height: 841.9 } as const;

/** Page margins in points: 1.9 cm left and right, 2 cm top and bottom, as official documents are set. */
export const MARGINS = { left: 54, right: 54, top: 56.7, bottom: 56.7, header: 21.6, footer: 21.6 } as const;

/** The width the columns may take on an A4 page in the given orientation, in points. */
export const printableWidth = (orientation: 'portrait' | 'landscape'): number =>
  (orientation === 'portrait' ? A4.width : A4.height) - MARGINS.left - MARGINS.right;

/** The printed width of columns given in characters, in points (as Excel will set them). */
export const columnsWidth = (chars: readonly number[]): number =>
  chars.reduce((sum, c) => sum + widthInPoints(c), 0);

/** Column widths narrowed in proportion until they fit the page (never widened). */
export function fitColumns(chars: readonly number[], orientation: 'portrait' | 'landscape'): number[] {
  const room = printableWidth(orientation);
  if (columnsWidth(chars) <= room) return [...chars];
  const total = chars.reduce((a, b) => a + b, 0);
  let factor = (room - 5 * chars.length) / (7.5 * total);
  let fitted = chars.map((c) => Math.floor(c * factor * 10) / 10);
  // widthInPoints rounds each column: shave until the rounded sum fits too.
  while (columnsWidth(fitted) > room) {
    factor -= 0.005;
    fitted = chars.map((c) => Math.floor(c * factor * 10) / 10);
  }
  return fitted;
}

/** Width of text in points at a font size: CJK characters are square, others about half as wide. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return (units * size) / 2;
}

/**
 * The height a wrapped cell needs, in points. Excel never grows a merged cell to fit its text,
 * so every row's height is computed here from the text and the width it is given.
 */
export function rowHeight(text: string, chars: number, size: number, minLines = 1): number {
  const room = Math.max(1, widthInPoints(chars) - 6);
  const lines = text
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line, size) / room)), 0);
  return Math.round((Math.max(lines, minLines) * size * 1.35 + 6) * 10) / 10;
}
