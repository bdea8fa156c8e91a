import { excelError } from '../errors';
import type { WorkbookModel } from '../model/workbook-model';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import { CollectionProxy } from '../proxy/collection';
import type { TypeSchema } from '../proxy/schema';
import { SETTING_SCHEMA, type SettingTarget, SETTINGS_SCHEMA, toStored } from './settings-schema';

/** The simulator's `Excel.Setting`. */
export class SettingProxy extends ClientObject<SettingTarget> {
  /** @internal */ readonly _schema = SETTING_SCHEMA;
  declare readonly key: string;
  declare value: unknown;

  /** Removes the setting. */
  delete(): void {
    this._call('delete', [], (s) => void s.settings.delete(s.key));
  }
}
defineProperties(SettingProxy, SETTING_SCHEMA as TypeSchema<never>);

/** The simulator's `Excel.SettingCollection` (`workbook.settings`). */
export class SettingCollectionProxy extends CollectionProxy<WorkbookModel, SettingProxy> {
  /** @internal */ readonly _schema = SETTINGS_SCHEMA;

  private item(
    name: string,
    args: readonly unknown[],
    resolve: (wb: WorkbookModel) => SettingTarget | null,
  ): SettingProxy {
    const [path, binding] = this._methodPath(name, args, resolve);
    return new SettingProxy(this.context, path, binding);
  }

  /** Adds or replaces a setting (values are stored as JSON). */
  add(key: string, value: unknown): SettingProxy {
    return this.item('add', [key, value], (wb) => {
      if (typeof key !== 'string' || key === '')
        throw excelError('InvalidArgument', 'SettingCollection.add', 'a key is non-empty text');
      wb.settings.set(key, toStored(value, 'SettingCollection.add'));
      return { key, settings: wb.settings };
    });
  }
  /** A setting; ItemNotFound at sync when missing. */
  getItem(key: string): SettingProxy {
    return this.item('getItem', [key], (wb) => {
      if (!wb.settings.has(key))
        throw excelError('ItemNotFound', 'SettingCollection.getItem', `no setting '${key}'`);
      return { key, settings: wb.settings };
    });
  }
  /** A setting, or a null object. */
  getItemOrNullObject(key: string): SettingProxy {
    return this.item('getItemOrNullObject', [key], (wb) =>
      wb.settings.has(key) ? { key, settings: wb.settings } : null,
    );
  }
  /** @internal */
  protected _itemProxy(target: unknown): SettingProxy {
    const s = target as SettingTarget;
    return new SettingProxy(
      this.context,
      { parent: this, type: 'indexer', name: 'getItem', args: [s.key] },
      { kind: 'fixed', target },
    );
  }
}
