import { Layer, type ShiftOp } from './layer';
import { type Rect, cellCount, contains, containsCell, intersects, subtract } from './rect';
import { shiftSplittable } from './shift';

/** Writes up to this many cells go cell by cell; larger uniform writes become one area. */
const AREA_THRESHOLD = 4096;

/** A uniform value over a block, e.g. a number format applied to `B2:B1048576`. */
export interface Area<T> {
  readonly rect: Rect;
  readonly value: T;
}

/**
 * One formatting attribute (number format, fill colour, a validation rule…) over a sheet. Small writes are
 * stored per cell; large uniform writes as areas, so formatting a whole column costs one entry. A cell value
 * always postdates any area under it, because large writes erase the cells they cover.
 */
export class AttrStore<T> {
  readonly cells = new Layer<T>();
  areas: Area<T>[] = [];

  /** The value in force at a cell, undefined when none. */
  get(r: number, c: number): T | undefined {
    const own = this.cells.get(r, c);
    if (own !== undefined) return own;
    for (let i = this.areas.length - 1; i >= 0; i--) {
      const area = this.areas[i] as Area<T>;
      if (containsCell(area.rect, r, c)) return area.value;
    }
    return undefined;
  }

  /** Sets one value over a block (undefined clears it back to the default). */
  fill(block: Rect, value: T | undefined): void {
    if (value === undefined) return this.clear(block);
    if (cellCount(block) <= AREA_THRESHOLD) {
      for (let r = block.r0; r <= block.r1; r++)
        for (let c = block.c0; c <= block.c1; c++) this.cells.set(r, c, value);
      return;
    }
    this.cells.clearRect(block);
    this.areas = this.areas.filter((a) => !contains(block, a.rect));
    this.areas.push({ rect: block, value });
  }

  /** Sets one cell (undefined clears it). */
  setCell(r: number, c: number, value: T | undefined): void {
    if (value === undefined) this.clear({ r0: r, c0: c, r1: r, c1: c });
    else this.cells.set(r, c, value);
  }

  /** Removes the attribute from a block. */
  clear(block: Rect): void {
    this.cells.clearRect(block);
    if (!this.areas.some((a) => intersects(a.rect, block))) return;
    this.areas = this.areas.flatMap((a) => subtract(a.rect, block).map((rect) => ({ rect, value: a.value })));
  }

  /** Applies an insert/delete shift to cells and areas alike. */
  shift(op: ShiftOp): void {
    this.cells.shift(op);
    this.areas = this.areas.flatMap((a) =>
      shiftSplittable(a.rect, op).map((rect) => ({ rect, value: a.value })),
    );
  }

  /** Every distinct value in force somewhere inside a block (areas counted only where they reach it). */
  valuesIn(block: Rect): Set<T> {
    const found = new Set<T>();
    this.cells.forEachIn(block, (_r, _c, v) => found.add(v));
    for (const a of this.areas) if (intersects(a.rect, block)) found.add(a.value);
    return found;
  }

  /** Whether nothing is stored. */
  get empty(): boolean {
    return this.cells.empty && this.areas.length === 0;
  }
}
