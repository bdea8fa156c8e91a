import { excelError } from '../errors';
import { refuseOnProtected } from '../model/protection';
import type { Rect } from '../model/rect';
import { sameName } from '../model/naming';
import { headerNames } from '../model/table-headers';
import { addTableColumn, deleteTableColumn } from '../model/table-columns';
import { bodyRect, type TableModel, totalRect } from '../model/table-model';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import { CollectionProxy } from '../proxy/collection';
import type { TypeSchema } from '../proxy/schema';
import { RangeProxy } from './range';
import {
  type ColumnTarget,
  columnRect,
  TABLE_COLUMN_SCHEMA,
  TABLE_COLUMNS_SCHEMA,
} from './table-parts-schema';

/** The simulator's `Excel.TableColumn`. */
export class TableColumnProxy extends ClientObject<ColumnTarget> {
  /** @internal */ readonly _schema = TABLE_COLUMN_SCHEMA;
  declare readonly id: number;
  declare readonly index: number;
  declare name: string;
  declare values: unknown[][];

  private range(name: string, rows: (t: TableModel) => Pick<Rect, 'r0' | 'r1'> | undefined): RangeProxy {
    const [path, binding] = this._methodPath(name, [], (c) => {
      const span = rows(c.table);
      if (!span) throw excelError('InvalidOperation', `TableColumn.${name}`, 'the table has no such row');
      return { sheet: c.table.sheet, rect: { ...columnRect(c), r0: span.r0, r1: span.r1 } };
    });
    return new RangeProxy(this.context, path, binding);
  }

  /** Header, body and total cells of the column. */
  getRange(): RangeProxy {
    return this.range('getRange', (t) => t.rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this.range('getHeaderRowRange', (t) => ({ r0: t.rect.r0, r1: t.rect.r0 }));
  }
  getDataBodyRange(): RangeProxy {
    return this.range('getDataBodyRange', bodyRect);
  }
  getTotalRowRange(): RangeProxy {
    return this.range('getTotalRowRange', totalRect);
  }
  /** Deletes the column, shifting the table's later columns left. */
  delete(): void {
    this._call('delete', [], (c, s) => {
      refuseOnProtected(c.table.sheet, 'TableColumn.delete', 'tables cannot change');
      deleteTableColumn(s.wb, c.table, c.id, 'TableColumn.delete');
    });
  }
}
defineProperties(TableColumnProxy, TABLE_COLUMN_SCHEMA as TypeSchema<never>);

function findColumn(t: TableModel, key: unknown): number | undefined {
  if (typeof key === 'number') return t.columnIds.includes(key) ? key : undefined;
  const i = headerNames(t).findIndex((n) => typeof key === 'string' && sameName(n, key));
  return i < 0 ? undefined : t.columnIds[i];
}

/** The simulator's `Excel.TableColumnCollection`. */
export class TableColumnCollectionProxy extends CollectionProxy<TableModel, TableColumnProxy> {
  /** @internal */ readonly _schema = TABLE_COLUMNS_SCHEMA;
  declare readonly count: number;

  private column(
    name: string,
    args: readonly unknown[],
    resolve: (t: TableModel) => ColumnTarget | null,
  ): TableColumnProxy {
    const [path, binding] = this._methodPath(name, args, resolve);
    return new TableColumnProxy(this.context, path, binding);
  }

  /** Adds a column at `index` (appends when null); `values` includes the header row. */
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    return this.column('add', [index, values, name], (t) => {
      refuseOnProtected(t.sheet, 'TableColumnCollection.add', 'tables cannot change');
      return {
        table: t,
        id: addTableColumn(this.context._model(), t, index, values, name, 'TableColumnCollection.add'),
      };
    });
  }
  /** A column by name or id; ItemNotFound at sync when missing. */
  getItem(key: number | string): TableColumnProxy {
    return this.column('getItem', [key], (t) => {
      const id = findColumn(t, key);
      if (id === undefined)
        throw excelError('ItemNotFound', 'TableColumnCollection.getItem', `no column '${key}'`);
      return { table: t, id };
    });
  }
  /** A column by name or id, or a null object. */
  getItemOrNullObject(key: number | string): TableColumnProxy {
    return this.column('getItemOrNullObject', [key], (t) => {
      const id = findColumn(t, key);
      return id === undefined ? null : { table: t, id };
    });
  }
  /** A column by position. */
  getItemAt(index: number): TableColumnProxy {
    return this.column('getItemAt', [index], (t) => {
      const id = t.columnIds[index];
      if (id === undefined)
        throw excelError('ItemNotFound', 'TableColumnCollection.getItemAt', `no column at ${index}`);
      return { table: t, id };
    });
  }
  /** @internal */
  protected _itemProxy(target: unknown): TableColumnProxy {
    const c = target as ColumnTarget;
    return new TableColumnProxy(
      this.context,
      { parent: this, type: 'indexer', name: 'getItem', args: [c.id] },
      { kind: 'fixed', target },
    );
  }
}
defineProperties(TableColumnCollectionProxy, TABLE_COLUMNS_SCHEMA as TypeSchema<never>);
