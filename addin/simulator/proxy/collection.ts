import { ERROR_MESSAGES, SimulatedExcelError } from '../errors';
import type { WorkbookModel } from '../model/workbook-model';
import { ClientObject } from './client-object';
import type { SimClientResult } from './client-result';
import type { LoadedNode } from './schema';

/** The base of collection proxies: `items` after a load, `getCount()`, and item proxies bound to loaded members. */
export abstract class CollectionProxy<T, I extends ClientObject<unknown>> extends ClientObject<T> {
  private loadedItems: I[] | undefined;

  /** The members delivered by the last synced load. */
  get items(): I[] {
    if (!this.loadedItems) {
      throw new SimulatedExcelError('PropertyNotLoaded', {
        message: ERROR_MESSAGES.PropertyNotLoaded.replace('{0}', 'items'),
        location: `${this._schema.typeName}.items`,
      });
    }
    return this.loadedItems;
  }

  /** Queues a count of the members. */
  getCount(): SimClientResult<number> {
    return this._callForResult('getCount', [], (t, wb) => this._members(t, wb).length);
  }

  /** @internal The members as model objects, in order. */
  protected _members(target: T, wb: WorkbookModel): readonly unknown[] {
    return this._schema.items?.list(target, wb) ?? [];
  }

  /** @internal Builds the proxy for one member delivered by a load (already bound, no instantiate action). */
  protected abstract _itemProxy(target: unknown, index: number): I;

  /** @internal */
  protected override _deliverItems(items: readonly { target: unknown; node: LoadedNode }[]): void {
    const previous = this.context._processingResult;
    this.context._processingResult = true;
    try {
      this.loadedItems = items.map((item, i) => {
        const proxy = this._itemProxy(item.target, i);
        proxy._deliver(item.node);
        return proxy;
      });
    } finally {
      this.context._processingResult = previous;
    }
  }
}
