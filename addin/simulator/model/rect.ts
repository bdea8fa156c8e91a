/** Grid limits of an .xlsx worksheet, which Excel enforces on every address. */
export const MAX_ROWS = 1_048_576;
/** Column XFD is the last one. */
export const MAX_COLUMNS = 16_384;

/** A rectangular block of cells, zero-based and inclusive on both ends. */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** Builds a rect from its corners in any order. */
export function rect(r0: number, c0: number, r1 = r0, c1 = c0): Rect {
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/** Number of rows a rect spans. */
export function rowCount(a: Rect): number {
  return a.r1 - a.r0 + 1;
}

/** Number of columns a rect spans. */
export function columnCount(a: Rect): number {
  return a.c1 - a.c0 + 1;
}

/** Number of cells in a rect. */
export function cellCount(a: Rect): number {
  return rowCount(a) * columnCount(a);
}

/** Whether the rect covers every row of its columns (an `A:C` style range). */
export function isWholeColumns(a: Rect): boolean {
  return a.r0 === 0 && a.r1 === MAX_ROWS - 1;
}

/** Whether the rect covers every column of its rows (a `1:3` style range). */
export function isWholeRows(a: Rect): boolean {
  return a.c0 === 0 && a.c1 === MAX_COLUMNS - 1;
}

/** Whether the rect lies inside the worksheet grid. */
export function inGrid(a: Rect): boolean {
  return a.r0 >= 0 && a.c0 >= 0 && a.r1 < MAX_ROWS && a.c1 < MAX_COLUMNS;
}

/** Whether `inner` lies entirely inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

/** Whether a cell lies inside a rect. */
export function containsCell(a: Rect, r: number, c: number): boolean {
  return r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
}

/** Whether two rects share at least one cell. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** The cells two rects share, if any. */
export function intersection(a: Rect, b: Rect): Rect | undefined {
  if (!intersects(a, b)) return undefined;
  return {
    r0: Math.max(a.r0, b.r0),
    c0: Math.max(a.c0, b.c0),
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
  };
}

/** The smallest rect covering both. */
export function boundingRect(a: Rect, b: Rect): Rect {
  return {
    r0: Math.min(a.r0, b.r0),
    c0: Math.min(a.c0, b.c0),
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
  };
}

/** Whether two rects are the same block. */
export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

/** `a` minus `b` as at most four disjoint rects (bands above, below, left, right). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const cut = intersection(a, b);
  if (!cut) return [a];
  const parts: Rect[] = [];
  if (a.r0 < cut.r0) parts.push({ r0: a.r0, c0: a.c0, r1: cut.r0 - 1, c1: a.c1 });
  if (cut.r1 < a.r1) parts.push({ r0: cut.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < cut.c0) parts.push({ r0: cut.r0, c0: a.c0, r1: cut.r1, c1: cut.c0 - 1 });
  if (cut.c1 < a.c1) parts.push({ r0: cut.r0, c0: cut.c1 + 1, r1: cut.r1, c1: a.c1 });
  return parts;
}
