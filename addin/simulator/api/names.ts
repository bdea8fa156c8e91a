import { excelError } from '../errors';
import type { NameModel } from '../model/name-model';
import { addName, findName, referenceForNewName } from '../model/name-ops';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import { CollectionProxy } from '../proxy/collection';
import type { TypeSchema } from '../proxy/schema';
import { NAMED_ITEM_SCHEMA, NAMES_SCHEMA, type NamesScope } from './names-schema';
import { RangeProxy } from './range';

/** The simulator's `Excel.NamedItem`. */
export class NamedItemProxy extends ClientObject<NameModel> {
  /** @internal */ readonly _schema = NAMED_ITEM_SCHEMA;
  declare readonly name: string;
  declare readonly type: string;
  declare readonly value: unknown;
  declare readonly scope: string;
  declare formula: string;
  declare comment: string;
  declare visible: boolean;

  private range(name: string, nullable: boolean): RangeProxy {
    const [path, binding] = this._methodPath(name, [], (n) => {
      if (n.ref.kind === 'range') return { sheet: n.ref.sheet, rect: n.ref.rect };
      if (nullable) return null;
      throw excelError('InvalidOperation', `NamedItem.${name}`, `'${n.name}' does not refer to a range`);
    });
    return new RangeProxy(this.context, path, binding);
  }

  /** The range the name refers to. */
  getRange(): RangeProxy {
    return this.range('getRange', false);
  }
  /** The range the name refers to, or a null object for constants and formulas. */
  getRangeOrNullObject(): RangeProxy {
    return this.range('getRangeOrNullObject', true);
  }
  /** Deletes the name. */
  delete(): void {
    this._call('delete', [], (n, s) => {
      n.deleted = true;
      s.wb.names = s.wb.names.filter((x) => x !== n);
    });
  }
}
defineProperties(NamedItemProxy, NAMED_ITEM_SCHEMA as TypeSchema<never>);

/** The simulator's `Excel.NamedItemCollection` (workbook names, or a sheet's). */
export class NamedItemCollectionProxy extends CollectionProxy<NamesScope, NamedItemProxy> {
  /** @internal */ readonly _schema = NAMES_SCHEMA;

  private item(
    name: string,
    args: readonly unknown[],
    resolve: (scope: NamesScope) => NameModel | null,
  ): NamedItemProxy {
    const [path, binding] = this._methodPath(name, args, resolve);
    return new NamedItemProxy(this.context, path, binding);
  }

  private define(
    method: 'add' | 'addFormulaLocal',
    name: string,
    reference: unknown,
    comment: string | undefined,
  ): NamedItemProxy {
    return this.item(method, [name, reference, comment], (scope) => {
      const location = `NamedItemCollection.${method}`;
      let ref: NameModel['ref'];
      if (method === 'add' && reference instanceof RangeProxy) {
        const t = reference._require(location);
        ref = { kind: 'range', sheet: t.sheet, rect: t.rect };
      } else if (typeof reference === 'string' && reference !== '')
        ref = referenceForNewName(scope.wb, reference, scope.sheet, location, method === 'add');
      else throw excelError('InvalidArgument', location, 'reference must be a Range or a formula');
      return addName(scope.wb, scope.sheet, name, ref, comment, location);
    });
  }

  /**
   * Defines a name for a Range or a formula (`=Sheet1!$A$1`, `=0.5`, `="text"`). A lone structured
   * reference is stored as the fixed block it covers now (https://github.com/OfficeDev/office-js/issues/740).
   */
  add(name: string, reference: unknown, comment?: string): NamedItemProxy {
    return this.define('add', name, reference, comment);
  }
  /** Same as add for the simulator's single (en-US) locale, except that a structured reference stays one (office-js#740). */
  addFormulaLocal(name: string, formula: string, comment?: string): NamedItemProxy {
    return this.define('addFormulaLocal', name, formula, comment);
  }
  /** A name; ItemNotFound at sync when missing. */
  getItem(name: string): NamedItemProxy {
    return this.item('getItem', [name], (scope) => {
      const found = findName(scope.wb, name, scope.sheet);
      if (!found) throw excelError('ItemNotFound', 'NamedItemCollection.getItem', `no name '${name}'`);
      return found;
    });
  }
  /** A name, or a null object. */
  getItemOrNullObject(name: string): NamedItemProxy {
    return this.item('getItemOrNullObject', [name], (scope) => findName(scope.wb, name, scope.sheet) ?? null);
  }
  /** @internal */
  protected _itemProxy(target: unknown): NamedItemProxy {
    const n = target as NameModel;
    return new NamedItemProxy(
      this.context,
      { parent: this, type: 'indexer', name: 'getItem', args: [n.name] },
      { kind: 'fixed', target },
    );
  }
}
