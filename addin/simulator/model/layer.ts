import { MAX_COLUMNS, MAX_ROWS, type Rect } from './rect';

/** A shift of cells along one axis: rows (or columns) from `at` move by `count` (negative deletes), within `lo..hi` of the other axis. */
export interface ShiftOp {
  readonly axis: 'rows' | 'columns';
  readonly at: number;
  readonly count: number;
  readonly lo: number;
  readonly hi: number;
}

/**
 * A sparse grid: a Map from row to a (holey) array of columns. Rows are the unit Excel data comes in,
 * so a 50,000 × 30 sheet is 50,000 small arrays rather than 1.5 M map entries.
 */
export class Layer<T> {
  private readonly rows = new Map<number, (T | undefined)[]>();

  /** The value at a cell, undefined when unset. */
  get(r: number, c: number): T | undefined {
    return this.rows.get(r)?.[c];
  }

  /** Sets (or, with undefined, clears) a cell. */
  set(r: number, c: number, value: T | undefined): void {
    let row = this.rows.get(r);
    if (value === undefined) {
      if (!row || row[c] === undefined) return;
      row[c] = undefined;
      while (row.length > 0 && row[row.length - 1] === undefined) row.length -= 1;
      if (row.length === 0) this.rows.delete(r);
      return;
    }
    if (!row) this.rows.set(r, (row = []));
    row[c] = value;
  }

  /** The stored array of one row (hot loops read it once per row instead of once per cell). */
  row(r: number): readonly (T | undefined)[] | undefined {
    return this.rows.get(r);
  }

  /** The array of one row for direct writes, created if missing; pair with `settle(r)` after writing. */
  rowForWrite(r: number): (T | undefined)[] {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = []));
    return row;
  }

  /** Trims a row written through `rowForWrite`, dropping it when nothing is left. */
  settle(r: number): void {
    const row = this.rows.get(r);
    if (!row) return;
    while (row.length > 0 && row[row.length - 1] === undefined) row.length -= 1;
    if (row.length === 0) this.rows.delete(r);
  }

  /** Whether nothing is stored. */
  get empty(): boolean {
    return this.rows.size === 0;
  }

  /** Visits every set cell inside a rect, walking whichever is smaller: the rect's rows or the stored rows. */
  forEachIn(area: Rect, visit: (r: number, c: number, value: T) => void): void {
    const visitRow = (r: number, row: (T | undefined)[]): void => {
      const end = Math.min(area.c1, row.length - 1);
      for (let c = area.c0; c <= end; c++) {
        const v = row[c];
        if (v !== undefined) visit(r, c, v);
      }
    };
    if (area.r1 - area.r0 + 1 < this.rows.size) {
      for (let r = area.r0; r <= area.r1; r++) {
        const row = this.rows.get(r);
        if (row) visitRow(r, row);
      }
    } else {
      for (const [r, row] of this.rows) if (r >= area.r0 && r <= area.r1) visitRow(r, row);
    }
  }

  /** Every set cell, in no particular order. */
  forEach(visit: (r: number, c: number, value: T) => void): void {
    for (const [r, row] of this.rows) row.forEach((v, c) => v !== undefined && visit(r, c, v));
  }

  /** Clears every cell inside a rect. */
  clearRect(area: Rect): void {
    const hits: [number, number][] = [];
    this.forEachIn(area, (r, c) => hits.push([r, c]));
    for (const [r, c] of hits) this.set(r, c, undefined);
  }

  /** The bounding box of all set cells. */
  extent(): Rect | undefined {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const [r, row] of this.rows) {
      let first = 0;
      while (first < row.length && row[first] === undefined) first++;
      if (first >= row.length) continue;
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, first);
      c1 = Math.max(c1, row.length - 1);
    }
    return r1 < 0 ? undefined : { r0, c0, r1, c1 };
  }

  /** Moves cells as Excel's insert/delete does; cells in the deleted band are dropped. */
  shift(op: ShiftOp): void {
    const moved: [number, number, T][] = [];
    const end = op.count < 0 ? op.at - op.count : op.at;
    const along = (r: number, c: number): number => (op.axis === 'rows' ? r : c);
    const across = (r: number, c: number): number => (op.axis === 'rows' ? c : r);
    this.forEach((r, c, v) => {
      const a = along(r, c);
      const b = across(r, c);
      if (a < op.at || b < op.lo || b > op.hi) return;
      moved.push([r, c, v]);
    });
    for (const [r, c] of moved) this.set(r, c, undefined);
    for (const [r, c, v] of moved) {
      const a = along(r, c);
      if (op.count < 0 && a < end) continue;
      const target = a + op.count;
      if (target >= (op.axis === 'rows' ? MAX_ROWS : MAX_COLUMNS)) continue;
      if (op.axis === 'rows') this.set(target, c, v);
      else this.set(r, target, v);
    }
  }
}
