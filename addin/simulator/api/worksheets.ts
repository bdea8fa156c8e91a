import { excelError } from '../errors';
import type { SheetModel } from '../model/sheet-model';
import type { WorkbookModel } from '../model/workbook-model';
import type { SimClientResult } from '../proxy/client-result';
import { CollectionProxy } from '../proxy/collection';
import { WORKSHEETS_SCHEMA } from './worksheet-schema';
import { WorksheetProxy } from './worksheet';

function find(wb: WorkbookModel, key: unknown): SheetModel | undefined {
  return typeof key === 'string' ? (wb.sheet(key) ?? wb.sheets.find((s) => s.id === key)) : undefined;
}

/** The simulator's `Excel.WorksheetCollection`. */
export class WorksheetCollectionProxy extends CollectionProxy<WorkbookModel, WorksheetProxy> {
  /** @internal */ readonly _schema = WORKSHEETS_SCHEMA;

  private sheet(
    name: string,
    args: readonly unknown[],
    resolve: (wb: WorkbookModel) => SheetModel | null,
  ): WorksheetProxy {
    const [path, binding] = this._methodPath(name, args, resolve);
    return new WorksheetProxy(this.context, path, binding);
  }

  /** Adds a sheet at the end (named `SheetN` when no name is given). */
  add(name?: string): WorksheetProxy {
    return this.sheet('add', [name], (wb) => wb.addSheet(name, 'WorksheetCollection.add'));
  }
  /** A sheet by name or id; ItemNotFound at sync when missing. */
  getItem(key: string): WorksheetProxy {
    return this.sheet(
      'getItem',
      [key],
      (wb) => find(wb, key) ?? wb.requireSheet(String(key), 'WorksheetCollection.getItem'),
    );
  }
  /** A sheet by name or id, or a null object. */
  getItemOrNullObject(key: string): WorksheetProxy {
    return this.sheet('getItemOrNullObject', [key], (wb) => find(wb, key) ?? null);
  }
  /** The active sheet. */
  getActiveWorksheet(): WorksheetProxy {
    return this.sheet('getActiveWorksheet', [], (wb) => wb.activeSheet);
  }
  /** The first sheet in tab order. */
  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return this.sheet(
      'getFirst',
      [visibleOnly],
      (wb) => wb.sheets.find((s) => !visibleOnly || s.visibility === 'Visible') ?? null,
    );
  }
  /** The last sheet in tab order. */
  getLast(visibleOnly?: boolean): WorksheetProxy {
    return this.sheet(
      'getLast',
      [visibleOnly],
      (wb) => [...wb.sheets].reverse().find((s) => !visibleOnly || s.visibility === 'Visible') ?? null,
    );
  }
  /** Counts sheets (optionally only visible ones). */
  override getCount(visibleOnly?: boolean): SimClientResult<number> {
    return this._callForResult(
      'getCount',
      [visibleOnly],
      (wb) => wb.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length,
    );
  }
  /** @internal */
  protected _itemProxy(target: unknown): WorksheetProxy {
    const s = target as SheetModel;
    if (!s) throw excelError('GeneralException');
    return new WorksheetProxy(
      this.context,
      { parent: this, type: 'indexer', name: 'getItem', args: [s.name] },
      { kind: 'fixed', target },
    );
  }
}
