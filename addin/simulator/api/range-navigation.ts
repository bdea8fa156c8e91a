import { excelError } from '../errors';
import {
  adjacent,
  cellAt,
  entireColumns,
  entireRows,
  lineAt,
  offset,
  resized,
} from '../model/range-geometry';
import { type RangeTarget, resolveAddress } from '../model/range-target';
import { boundingRect, intersection, type Rect } from '../model/rect';
import { usedRect } from '../model/used-range';
import type { WorkbookModel } from '../model/workbook-model';
import { type Binding, ClientObject, type PathSpec } from '../proxy/client-object';

/** The target of another range given as a proxy or an address on the same sheet. */
export function otherRange(
  wb: WorkbookModel,
  base: RangeTarget,
  other: unknown,
  location: string,
): RangeTarget {
  const t =
    other instanceof RangeNavigation
      ? other._require(location)
      : resolveAddress(wb, base.sheet, other, location);
  if (t.sheet !== base.sheet)
    throw excelError('InvalidArgument', location, 'the ranges are on different sheets');
  return t;
}

/** The Range methods that return other ranges: each resolves, when its instantiate action runs, from this range. */
export abstract class RangeNavigation extends ClientObject<RangeTarget> {
  /** @internal Builds a proxy of the concrete Range class. */
  protected abstract _make(path: PathSpec, binding: Binding): this;

  /** @internal A range derived from this one when its instantiate action runs; null rect = null object. */
  _derive(
    name: string,
    args: readonly unknown[],
    rect: (t: RangeTarget, wb: WorkbookModel) => Rect | null,
  ): this {
    const [path, binding] = this._methodPath(name, args, (t, wb) => {
      const r = rect(t, wb);
      return r ? { sheet: t.sheet, rect: r } : null;
    });
    return this._make(path, binding);
  }

  getCell(row: number, column: number): this {
    return this._derive('getCell', [row, column], (t) => cellAt(t.rect, row, column, 'Range.getCell'));
  }
  getRow(row: number): this {
    return this._derive('getRow', [row], (t) => lineAt(t.rect, 'row', row, 'Range.getRow'));
  }
  getColumn(column: number): this {
    return this._derive('getColumn', [column], (t) => lineAt(t.rect, 'column', column, 'Range.getColumn'));
  }
  getRowsAbove(count?: number): this {
    return this._derive('getRowsAbove', [count], (t) =>
      adjacent(t.rect, 'above', count, 'Range.getRowsAbove'),
    );
  }
  getRowsBelow(count?: number): this {
    return this._derive('getRowsBelow', [count], (t) =>
      adjacent(t.rect, 'below', count, 'Range.getRowsBelow'),
    );
  }
  getColumnsBefore(count?: number): this {
    return this._derive('getColumnsBefore', [count], (t) =>
      adjacent(t.rect, 'before', count, 'Range.getColumnsBefore'),
    );
  }
  getColumnsAfter(count?: number): this {
    return this._derive('getColumnsAfter', [count], (t) =>
      adjacent(t.rect, 'after', count, 'Range.getColumnsAfter'),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): this {
    return this._derive('getResizedRange', [deltaRows, deltaColumns], (t) =>
      resized(t.rect, deltaRows, deltaColumns, 'Range.getResizedRange'),
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): this {
    return this._derive('getOffsetRange', [rowOffset, columnOffset], (t) =>
      offset(t.rect, rowOffset, columnOffset, 'Range.getOffsetRange'),
    );
  }
  getLastRow(): this {
    return this._derive('getLastRow', [], (t) => ({ ...t.rect, r0: t.rect.r1 }));
  }
  getLastColumn(): this {
    return this._derive('getLastColumn', [], (t) => ({ ...t.rect, c0: t.rect.c1 }));
  }
  getLastCell(): this {
    return this._derive('getLastCell', [], (t) => ({
      r0: t.rect.r1,
      c0: t.rect.c1,
      r1: t.rect.r1,
      c1: t.rect.c1,
    }));
  }
  getEntireColumn(): this {
    return this._derive('getEntireColumn', [], (t) => entireColumns(t.rect));
  }
  getEntireRow(): this {
    return this._derive('getEntireRow', [], (t) => entireRows(t.rect));
  }
  getBoundingRect(anotherRange: unknown): this {
    return this._derive('getBoundingRect', [anotherRange], (t, wb) =>
      boundingRect(t.rect, otherRange(wb, t, anotherRange, 'Range.getBoundingRect').rect),
    );
  }
  getIntersection(anotherRange: unknown): this {
    return this._derive('getIntersection', [anotherRange], (t, wb) => {
      const hit = intersection(t.rect, otherRange(wb, t, anotherRange, 'Range.getIntersection').rect);
      if (!hit) throw excelError('ItemNotFound', 'Range.getIntersection', 'the ranges do not intersect');
      return hit;
    });
  }
  getIntersectionOrNullObject(anotherRange: unknown): this {
    return this._derive(
      'getIntersectionOrNullObject',
      [anotherRange],
      (t, wb) =>
        intersection(t.rect, otherRange(wb, t, anotherRange, 'Range.getIntersectionOrNullObject').rect) ??
        null,
    );
  }
  getUsedRange(valuesOnly?: boolean): this {
    return this._derive('getUsedRange', [valuesOnly], (t) => {
      const used = usedRect(t.sheet, valuesOnly === true);
      const hit = used && intersection(used, t.rect);
      if (!hit) throw excelError('ItemNotFound', 'Range.getUsedRange', 'the range has no used cells');
      return hit;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): this {
    return this._derive('getUsedRangeOrNullObject', [valuesOnly], (t) => {
      const used = usedRect(t.sheet, valuesOnly === true);
      return (used && intersection(used, t.rect)) ?? null;
    });
  }
}
