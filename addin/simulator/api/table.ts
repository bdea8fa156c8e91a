import { excelError } from '../errors';
import { refuseOnProtected } from '../model/protection';
import type { RangeTarget } from '../model/range-target';
import type { Rect } from '../model/rect';
import { bodyRect, headerRect, type TableModel, totalRect } from '../model/table-model';
import { removeTable, resizeTable } from '../model/table-ops';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import type { TypeSchema } from '../proxy/schema';
import { otherRange, RangeProxy } from './range';
import { TableColumnCollectionProxy } from './table-columns';
import { TableRowCollectionProxy } from './table-rows';
import { TABLE_SCHEMA } from './table-schema';
import { WorksheetProxy } from './worksheet';

/** The simulator's `Excel.Table`. */
export class TableProxy extends ClientObject<TableModel> {
  /** @internal */ readonly _schema = TABLE_SCHEMA;
  declare readonly id: string;
  declare name: string;
  declare style: string;
  declare showHeaders: boolean;
  declare showTotals: boolean;
  declare showBandedRows: boolean;
  declare showBandedColumns: boolean;
  declare showFilterButton: boolean;
  declare highlightFirstColumn: boolean;
  declare highlightLastColumn: boolean;

  get columns(): TableColumnCollectionProxy {
    return this._child('columns', (p, b) => new TableColumnCollectionProxy(this.context, p, b));
  }
  get rows(): TableRowCollectionProxy {
    return this._child('rows', (p, b) => new TableRowCollectionProxy(this.context, p, b));
  }
  get worksheet(): WorksheetProxy {
    return this._child('worksheet', (p, b) => new WorksheetProxy(this.context, p, b));
  }

  private range(name: string, rect: (t: TableModel) => Rect | undefined): RangeProxy {
    const [path, binding] = this._methodPath(name, [], (t): RangeTarget => {
      const r = rect(t);
      if (!r) throw excelError('InvalidOperation', `Table.${name}`, 'the table has no such row');
      return { sheet: t.sheet, rect: r };
    });
    return new RangeProxy(this.context, path, binding);
  }

  /** The whole table, header (and total row) included. */
  getRange(): RangeProxy {
    return this.range('getRange', (t) => t.rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this.range('getHeaderRowRange', headerRect);
  }
  /** The body: at least one row, even for a table without data. */
  getDataBodyRange(): RangeProxy {
    return this.range('getDataBodyRange', bodyRect);
  }
  getTotalRowRange(): RangeProxy {
    return this.range('getTotalRowRange', totalRect);
  }
  /** Resizes the table to a new range (same header row, overlapping the old one). */
  resize(newRange: unknown): void {
    this._call('resize', [newRange], (t, s) => {
      const target = otherRange(s.wb, { sheet: t.sheet, rect: t.rect }, newRange, 'Table.resize');
      resizeTable(s.wb, t, target.rect, 'Table.resize');
    });
  }
  /** Deletes the table and its cells' contents and formats. */
  delete(): void {
    this._call('delete', [], (t, s) => {
      refuseOnProtected(t.sheet, 'Table.delete', 'tables cannot change');
      removeTable(s.wb, t, false);
    });
  }
  /** Turns the table back into plain cells, keeping its data; returns that range. */
  convertToRange(): RangeProxy {
    const [path, binding] = this._methodPath('convertToRange', [], (t, wb) => {
      refuseOnProtected(t.sheet, 'Table.convertToRange', 'tables cannot change');
      return { sheet: t.sheet, rect: removeTable(wb, t, true) };
    });
    return new RangeProxy(this.context, path, binding);
  }
  /** No-op: the simulator does not filter. */
  clearFilters(): void {
    this._call('clearFilters', [], () => undefined);
  }
  /** No-op: the simulator does not filter. */
  reapplyFilters(): void {
    this._call('reapplyFilters', [], () => undefined);
  }
}
defineProperties(TableProxy, TABLE_SCHEMA as TypeSchema<never>);
