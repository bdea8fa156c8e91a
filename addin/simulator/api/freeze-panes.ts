import { excelError } from '../errors';
import { type RangeTarget, resolveAddress } from '../model/range-target';
import type { SheetModel } from '../model/sheet-model';
import { ClientObject } from '../proxy/client-object';
import { FREEZE_PANES_SCHEMA } from './worksheet-schema';
import { RangeProxy } from './range';

function count(n: unknown, location: string): number {
  const v = n === undefined ? 1 : n;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw excelError('InvalidArgument', location, 'count must be an integer ≥ 0');
  return v;
}

/** The simulator's `Excel.WorksheetFreezePanes`. */
export class FreezePanesProxy extends ClientObject<SheetModel> {
  /** @internal */ readonly _schema = FREEZE_PANES_SCHEMA;

  /** Freezes the top rows (replacing any frozen columns). */
  freezeRows(rowCount?: number): void {
    this._call('freezeRows', [rowCount], (s) => {
      s.frozenRows = count(rowCount, 'WorksheetFreezePanes.freezeRows');
      s.frozenColumns = 0;
    });
  }
  /** Freezes the left columns (replacing any frozen rows). */
  freezeColumns(columnCount?: number): void {
    this._call('freezeColumns', [columnCount], (s) => {
      s.frozenColumns = count(columnCount, 'WorksheetFreezePanes.freezeColumns');
      s.frozenRows = 0;
    });
  }
  /** Freezes everything above and left of the bottom-right corner of a range. */
  freezeAt(frozenRange: unknown): void {
    this._call('freezeAt', [frozenRange], (s, st) => {
      const t: RangeTarget =
        frozenRange instanceof RangeProxy
          ? frozenRange._require('WorksheetFreezePanes.freezeAt')
          : resolveAddress(st.wb, s, frozenRange, 'WorksheetFreezePanes.freezeAt');
      s.frozenRows = t.rect.r1 + 1;
      s.frozenColumns = t.rect.c1 + 1;
    });
  }
  /** Removes all frozen panes. */
  unfreeze(): void {
    this._call('unfreeze', [], (s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
  /** The frozen cells, or a null object when nothing is frozen. */
  getLocationOrNullObject(): RangeProxy {
    const [path, binding] = this._methodPath('getLocationOrNullObject', [], (s) => {
      if (s.frozenRows === 0 && s.frozenColumns === 0) return null;
      const r1 = s.frozenRows === 0 ? 1_048_575 : s.frozenRows - 1;
      const c1 = s.frozenColumns === 0 ? 16_383 : s.frozenColumns - 1;
      return { sheet: s, rect: { r0: 0, c0: 0, r1, c1 } };
    });
    return new RangeProxy(this.context, path, binding);
  }
}
