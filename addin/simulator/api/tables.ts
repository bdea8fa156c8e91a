import { excelError } from '../errors';
import { type RangeTarget, resolveAddress, resolveWorkbookAddress } from '../model/range-target';
import { sameName } from '../model/naming';
import type { TableModel } from '../model/table-model';
import { addTable } from '../model/table-ops';
import { CollectionProxy } from '../proxy/collection';
import { defineProperties } from '../proxy/define-properties';
import type { TypeSchema } from '../proxy/schema';
import { RangeProxy } from './range';
import { TableProxy } from './table';
import { tablesIn, TABLES_SCHEMA, type TablesScope } from './table-schema';

function find(scope: TablesScope, key: unknown): TableModel | undefined {
  return tablesIn(scope).find((t) => (typeof key === 'string' && sameName(t.name, key)) || t.id === key);
}

/** The simulator's `Excel.TableCollection` (workbook-wide or one sheet's). */
export class TableCollectionProxy extends CollectionProxy<TablesScope, TableProxy> {
  /** @internal */ readonly _schema = TABLES_SCHEMA;
  declare readonly count: number;

  private table(
    name: string,
    args: readonly unknown[],
    resolve: (scope: TablesScope) => TableModel | null,
  ): TableProxy {
    const [path, binding] = this._methodPath(name, args, resolve);
    return new TableProxy(this.context, path, binding);
  }

  /** Creates a table over a range or address; `hasHeaders` false makes Excel insert a header row. */
  add(address: unknown, hasHeaders: boolean): TableProxy {
    return this.table('add', [address, hasHeaders], (scope) => {
      const location = 'TableCollection.add';
      let t: RangeTarget;
      if (address instanceof RangeProxy) t = address._require(location);
      else
        t = scope.sheet
          ? resolveAddress(scope.wb, scope.sheet, address, location)
          : resolveWorkbookAddress(scope.wb, address, location);
      if (scope.sheet && t.sheet !== scope.sheet)
        throw excelError('InvalidArgument', location, 'the range is on another sheet');
      return addTable(scope.wb, t.sheet, t.rect, hasHeaders === true, location);
    });
  }
  /** A table by name or id; ItemNotFound at sync when missing. */
  getItem(key: string): TableProxy {
    return this.table('getItem', [key], (scope) => {
      const t = find(scope, key);
      if (!t) throw excelError('ItemNotFound', 'TableCollection.getItem', `no table named '${key}'`);
      return t;
    });
  }
  /** A table by name or id, or a null object. */
  getItemOrNullObject(key: string): TableProxy {
    return this.table('getItemOrNullObject', [key], (scope) => find(scope, key) ?? null);
  }
  /** A table by position. */
  getItemAt(index: number): TableProxy {
    return this.table('getItemAt', [index], (scope) => {
      const t = tablesIn(scope)[index];
      if (!t) throw excelError('ItemNotFound', 'TableCollection.getItemAt', `no table at ${index}`);
      return t;
    });
  }
  /** @internal */
  protected _itemProxy(target: unknown): TableProxy {
    const t = target as TableModel;
    return new TableProxy(
      this.context,
      { parent: this, type: 'indexer', name: 'getItem', args: [t.name] },
      { kind: 'fixed', target },
    );
  }
}
defineProperties(TableCollectionProxy, TABLES_SCHEMA as TypeSchema<never>);
