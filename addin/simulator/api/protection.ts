import { setFormat, uniformFormat } from '../model/formats';
import { protectionOptions, protectSheet, refuseOnProtected, unprotectSheet } from '../model/protection';
import type { RangeTarget } from '../model/range-target';
import type { SheetModel } from '../model/sheet-model';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import type { PropSpec, TypeSchema } from '../proxy/schema';
import { bool } from './checks';

/** `Excel.WorksheetProtection` (ExcelApi 1.2): whether the sheet is protected, and with which options. */
export const WORKSHEET_PROTECTION_SCHEMA: TypeSchema<SheetModel> = {
  typeName: 'WorksheetProtection',
  props: {
    protected: { get: (s) => s.protection !== undefined },
    options: { get: protectionOptions },
  },
  isDead: (s) => s.deleted,
};

/** The simulator's `Excel.WorksheetProtection`. */
export class WorksheetProtectionProxy extends ClientObject<SheetModel> {
  /** @internal */ readonly _schema = WORKSHEET_PROTECTION_SCHEMA;
  declare readonly protected: boolean;
  declare readonly options: Record<string, boolean>;

  /** Protects the sheet; fails (AccessDenied) when it already is. */
  protect(options?: Record<string, unknown>, password?: string): void {
    this._call('protect', [options, password], (s) =>
      protectSheet(s, options, password, 'WorksheetProtection.protect'),
    );
  }
  /** Lifts the protection; the password must match the one given to `protect`. */
  unprotect(password?: string): void {
    this._call('unprotect', [password], (s) => unprotectSheet(s, password, 'WorksheetProtection.unprotect'));
  }
}
defineProperties(WorksheetProtectionProxy, WORKSHEET_PROTECTION_SCHEMA as TypeSchema<never>);

/** A per-cell protection flag; Excel will not change which cells are locked while the sheet is protected. */
function flag(key: 'locked' | 'formulaHidden', fallback: boolean): PropSpec<RangeTarget> {
  const location = `FormatProtection.${key}`;
  return {
    get: (t) => uniformFormat(t.sheet, key, t.rect, fallback),
    set: (t, v) => {
      const value = bool(v, location) as boolean;
      refuseOnProtected(t.sheet, location, 'which cells are locked or hidden cannot change');
      setFormat(t.sheet, key, t.rect, value === fallback ? undefined : value);
    },
  };
}

/** `Excel.FormatProtection` (ExcelApi 1.2): cells are locked and formulas shown unless set otherwise. */
export const FORMAT_PROTECTION_SCHEMA: TypeSchema<RangeTarget> = {
  typeName: 'FormatProtection',
  props: { locked: flag('locked', true), formulaHidden: flag('formulaHidden', false) },
  isDead: (t) => t.sheet.deleted,
};

/** The simulator's `Excel.FormatProtection`. */
export class FormatProtectionProxy extends ClientObject<RangeTarget> {
  /** @internal */ readonly _schema = FORMAT_PROTECTION_SCHEMA;
  declare locked: boolean | null;
  declare formulaHidden: boolean | null;
}
defineProperties(FormatProtectionProxy, FORMAT_PROTECTION_SCHEMA as TypeSchema<never>);
