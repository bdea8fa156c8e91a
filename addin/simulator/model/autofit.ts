import { readText } from './cells';
import type { RangeTarget } from './range-target';
import { DEFAULT_ROW_HEIGHT } from './sheet-model';
import { clipToUsed } from './used-range';

/** Display width of text in Calibri-11 "characters": East Asian full-width characters count double. */
function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return units;
}

/**
 * Estimates what Excel's autofit would do: ~7 px per character plus 5 px padding (converted to points) for
 * columns, and one default row height per line for rows. Empty columns and rows keep their size.
 */
export function autofit(t: RangeTarget, axis: 'rows' | 'columns'): void {
  const area = clipToUsed(t.sheet, t.rect);
  const text = readText(t.sheet, area);
  const widest = new Map<number, number>();
  const tallest = new Map<number, number>();
  text.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (cell === '') return;
      const lines = cell.split('\n');
      const units = lines.reduce((m, line) => Math.max(m, textUnits(line)), 0);
      widest.set(area.c0 + j, Math.max(widest.get(area.c0 + j) ?? 0, units));
      tallest.set(area.r0 + i, Math.max(tallest.get(area.r0 + i) ?? 0, lines.length));
    }),
  );
  if (axis === 'columns') {
    for (const [c, units] of widest)
      t.sheet.columnWidths.set(c, Math.round((units * 7 + 5) * 0.75 * 100) / 100);
  } else {
    for (const [r, lines] of tallest) t.sheet.rowHeights.set(r, lines * DEFAULT_ROW_HEIGHT);
  }
}
