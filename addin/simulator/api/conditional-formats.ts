import { excelError } from '../errors';
import {
  addConditionalFormat,
  clearConditionalFormats,
  conditionalFormatsIn,
  deleteConditionalFormat,
} from '../model/conditional-ops';
import { refuseOnProtected } from '../model/protection';
import type { RangeTarget } from '../model/range-target';
import { ClientObject } from '../proxy/client-object';
import { CollectionProxy } from '../proxy/collection';
import { defineProperties } from '../proxy/define-properties';
import type { TypeSchema } from '../proxy/schema';
import { CustomConditionalFormatProxy, RuleConditionalFormatProxy } from './conditional-format-parts';
import {
  CELL_VALUE_CF_SCHEMA,
  type CfTarget,
  CONDITIONAL_FORMAT_SCHEMA,
  CONDITIONAL_FORMATS_SCHEMA,
  TEXT_CF_SCHEMA,
} from './conditional-format-schema';
import { RangeProxy } from './range';

/** `Excel.ConditionalFormat`. */
export class ConditionalFormatProxy extends ClientObject<CfTarget> {
  /** @internal */ readonly _schema = CONDITIONAL_FORMAT_SCHEMA;
  declare readonly id: string;
  declare readonly type: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  get custom(): CustomConditionalFormatProxy {
    return this._child('custom', (p, b) => new CustomConditionalFormatProxy(this.context, p, b));
  }
  get cellValue(): RuleConditionalFormatProxy {
    return this._child(
      'cellValue',
      (p, b) => new RuleConditionalFormatProxy(this.context, p, b, CELL_VALUE_CF_SCHEMA),
    );
  }
  get textComparison(): RuleConditionalFormatProxy {
    return this._child(
      'textComparison',
      (p, b) => new RuleConditionalFormatProxy(this.context, p, b, TEXT_CF_SCHEMA),
    );
  }

  /** Removes the conditional format. */
  delete(): void {
    this._call('delete', [], (t) => {
      refuseOnProtected(t.sheet, 'ConditionalFormat.delete', 'conditional formats cannot change');
      deleteConditionalFormat(t.sheet, t.cf);
    });
  }
  /** The range it applies to (its first area). */
  getRange(): RangeProxy {
    const [path, binding] = this._methodPath('getRange', [], (t) => ({
      sheet: t.sheet,
      rect: t.cf.areas[0],
    }));
    return new RangeProxy(this.context, path, binding);
  }
}
defineProperties(ConditionalFormatProxy, CONDITIONAL_FORMAT_SCHEMA as TypeSchema<never>);

/** `Excel.ConditionalFormatCollection` of a range. */
export class ConditionalFormatCollectionProxy extends CollectionProxy<RangeTarget, ConditionalFormatProxy> {
  /** @internal */ readonly _schema = CONDITIONAL_FORMATS_SCHEMA;

  /** Adds a conditional format of a type (`Custom`, `CellValue`, `ContainsText`…) over the range. */
  add(type: string): ConditionalFormatProxy {
    const [path, binding] = this._methodPath('add', [type], (t, wb) => {
      const location = 'ConditionalFormatCollection.add';
      refuseOnProtected(t.sheet, location, 'conditional formats cannot change');
      return { sheet: t.sheet, cf: addConditionalFormat(wb, t.sheet, t.rect, type, location) };
    });
    return new ConditionalFormatProxy(this.context, path, binding);
  }
  /** Removes conditional formatting from the range. */
  clearAll(): void {
    this._call('clearAll', [], (t) => {
      refuseOnProtected(t.sheet, 'ConditionalFormatCollection.clearAll', 'conditional formats cannot change');
      clearConditionalFormats(t.sheet, t.rect);
    });
  }
  /** A conditional format by id. */
  getItem(id: string): ConditionalFormatProxy {
    const [path, binding] = this._methodPath('getItem', [id], (t) => {
      const cf = conditionalFormatsIn(t.sheet, t.rect).find((c) => c.id === id);
      if (!cf)
        throw excelError(
          'ItemNotFound',
          'ConditionalFormatCollection.getItem',
          `no conditional format '${id}'`,
        );
      return { sheet: t.sheet, cf };
    });
    return new ConditionalFormatProxy(this.context, path, binding);
  }
  /** A conditional format by position in priority order. */
  getItemAt(index: number): ConditionalFormatProxy {
    const [path, binding] = this._methodPath('getItemAt', [index], (t) => {
      const cf = conditionalFormatsIn(t.sheet, t.rect)[index];
      if (!cf)
        throw excelError(
          'ItemNotFound',
          'ConditionalFormatCollection.getItemAt',
          `no conditional format at ${index}`,
        );
      return { sheet: t.sheet, cf };
    });
    return new ConditionalFormatProxy(this.context, path, binding);
  }
  /** @internal */
  protected _itemProxy(target: unknown): ConditionalFormatProxy {
    const t = target as CfTarget;
    return new ConditionalFormatProxy(
      this.context,
      { parent: this, type: 'indexer', name: 'getItem', args: [t.cf.id] },
      { kind: 'fixed', target },
    );
  }
}
