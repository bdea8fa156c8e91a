import { excelError } from '../errors';
import { refuseOnProtected } from '../model/protection';
import { rowCount } from '../model/rect';
import { bodyRect, type TableModel } from '../model/table-model';
import { addTableRows, deleteTableRow } from '../model/table-rows';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import { CollectionProxy } from '../proxy/collection';
import type { TypeSchema } from '../proxy/schema';
import { RangeProxy } from './range';
import { type RowTarget, rowRect, TABLE_ROW_SCHEMA, TABLE_ROWS_SCHEMA } from './table-parts-schema';

/** The simulator's `Excel.TableRow` (bound to a body row index, as Excel's rows are). */
export class TableRowProxy extends ClientObject<RowTarget> {
  /** @internal */ readonly _schema = TABLE_ROW_SCHEMA;
  declare readonly index: number;
  declare values: unknown[][];

  /** The row's cells. */
  getRange(): RangeProxy {
    const [path, binding] = this._methodPath('getRange', [], (r) => ({
      sheet: r.table.sheet,
      rect: rowRect(r),
    }));
    return new RangeProxy(this.context, path, binding);
  }
  /** Deletes the row, shifting later rows of the table up. */
  delete(): void {
    this._call('delete', [], (r, s) => {
      refuseOnProtected(r.table.sheet, 'TableRow.delete', 'tables cannot change');
      deleteTableRow(s.wb, r.table, rowRect(r).r0, 'TableRow.delete');
    });
  }
}
defineProperties(TableRowProxy, TABLE_ROW_SCHEMA as TypeSchema<never>);

/** The simulator's `Excel.TableRowCollection`. */
export class TableRowCollectionProxy extends CollectionProxy<TableModel, TableRowProxy> {
  /** @internal */ readonly _schema = TABLE_ROWS_SCHEMA;
  declare readonly count: number;

  /** Inserts rows at `index` (appends when null) with `values` (rows × table columns); the table grows. */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): TableRowProxy {
    const [path, binding] = this._methodPath('add', [index, values, alwaysInsert], (t, wb): RowTarget => {
      refuseOnProtected(t.sheet, 'TableRowCollection.add', 'tables cannot change');
      const written = addTableRows(wb, t, index, values, 'TableRowCollection.add');
      return { table: t, index: written.r0 - bodyRect(t).r0 };
    });
    return new TableRowProxy(this.context, path, binding);
  }
  /** A body row by position. */
  getItemAt(index: number): TableRowProxy {
    const [path, binding] = this._methodPath('getItemAt', [index], (t): RowTarget => {
      if (!Number.isInteger(index) || index < 0 || index >= rowCount(bodyRect(t))) {
        throw excelError('ItemNotFound', 'TableRowCollection.getItemAt', `no row at ${index}`);
      }
      return { table: t, index };
    });
    return new TableRowProxy(this.context, path, binding);
  }
  /** @internal */
  protected _itemProxy(target: unknown, index: number): TableRowProxy {
    return new TableRowProxy(
      this.context,
      { parent: this, type: 'indexer', name: 'getItemAt', args: [index] },
      { kind: 'fixed', target },
    );
  }
}
defineProperties(TableRowCollectionProxy, TABLE_ROWS_SCHEMA as TypeSchema<never>);
