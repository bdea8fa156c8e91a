import { refuseOnProtected } from '../model/protection';
import type { RangeTarget } from '../model/range-target';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import type { TypeSchema } from '../proxy/schema';
import { DATA_VALIDATION_SCHEMA } from './data-validation-schema';

/** `Excel.DataValidation`. */
export class DataValidationProxy extends ClientObject<RangeTarget> {
  /** @internal */ readonly _schema = DATA_VALIDATION_SCHEMA;
  declare rule: Record<string, unknown>;
  declare readonly type: string;
  declare prompt: { showPrompt?: boolean; title?: string; message?: string };
  declare errorAlert: { showAlert?: boolean; style?: string; title?: string; message?: string };
  declare ignoreBlanks: boolean;

  /** Removes data validation from the range. */
  clear(): void {
    this._call('clear', [], (t) => {
      refuseOnProtected(t.sheet, 'DataValidation.clear', 'data validation cannot change');
      t.sheet.validation.clear(t.rect);
    });
  }
}
defineProperties(DataValidationProxy, DATA_VALIDATION_SCHEMA as TypeSchema<never>);
