import { excelError } from '../errors';
import { refuseOnProtected, refuseShift } from '../model/protection';
import { clearRange, merge, unmerge } from '../model/range-ops';
import { shiftCells } from '../model/structure';
import { oneOf } from '../model/styles';
import type { Binding, PathSpec } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import type { TypeSchema } from '../proxy/schema';
import { ConditionalFormatCollectionProxy } from './conditional-formats';
import { DataValidationProxy } from './data-validation';
import { RangeFormatProxy } from './range-format';
import { RangeNavigation } from './range-navigation';
import { RANGE_SCHEMA } from './range-schema';
import { WorksheetProxy } from './worksheet';

export { otherRange } from './range-navigation';

type Scalar = string | number | boolean;

/** The simulator's `Excel.Range`. */
export class RangeProxy extends RangeNavigation {
  /** @internal */ readonly _schema = RANGE_SCHEMA;

  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly cellCount: number;
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;
  declare values: Scalar[][];
  declare formulas: Scalar[][];
  declare formulasLocal: Scalar[][];
  declare numberFormat: string[][];
  declare numberFormatLocal: string[][];
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  declare columnHidden: boolean | null;
  declare rowHidden: boolean | null;
  declare readonly hidden: boolean;

  get format(): RangeFormatProxy {
    return this._child('format', (p, b) => new RangeFormatProxy(this.context, p, b));
  }
  get dataValidation(): DataValidationProxy {
    return this._child('dataValidation', (p, b) => new DataValidationProxy(this.context, p, b));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child(
      'conditionalFormats',
      (p, b) => new ConditionalFormatCollectionProxy(this.context, p, b),
    );
  }
  get worksheet(): WorksheetProxy {
    return this._child('worksheet', (p, b) => new WorksheetProxy(this.context, p, b));
  }

  /** @internal */
  protected _make(path: PathSpec, binding: Binding): this {
    return new RangeProxy(this.context, path, binding) as this;
  }

  /** Inserts cells (shifting Down or Right) and returns the inserted block. */
  insert(shift: string): this {
    return this._derive('insert', [shift], (t, wb) => {
      const direction = oneOf(shift, ['Down', 'Right'], 'Range.insert');
      refuseShift(t.sheet, t.rect, direction, 'Range.insert');
      shiftCells(wb, t.sheet, t.rect, direction, 'Range.insert');
      return t.rect;
    });
  }
  /** Deletes the cells, shifting the rest Up or Left. */
  delete(shift: string): void {
    this._call('delete', [shift], (t, s) => {
      const direction = oneOf(shift, ['Up', 'Left'], 'Range.delete');
      refuseShift(t.sheet, t.rect, direction, 'Range.delete');
      shiftCells(s.wb, t.sheet, t.rect, direction, 'Range.delete');
    });
  }
  clear(applyTo?: string): void {
    this._call('clear', [applyTo], (t) => clearRange(t.sheet, t.rect, applyTo, 'Range.clear'));
  }
  /**
   * Selects the range on the active sheet. The reference does not say what happens on another
   * sheet, and Excel there often does nothing (office-js issue 5118) or fails (office-js-docs
   * issue 605), so the simulator refuses it: activate the sheet first.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-select-member
   */
  select(): void {
    this._call('select', [], (t, s) => {
      if (t.sheet !== s.wb.activeSheet)
        throw excelError(
          'InvalidOperation',
          'Range.select',
          `the range is on '${t.sheet.name}', not on the active sheet '${s.wb.activeSheet.name}'; activate its sheet first`,
        );
      s.wb.activate(t.sheet, t.rect);
    });
  }
  merge(across?: boolean): void {
    this._call('merge', [across], (t, s) => {
      refuseOnProtected(t.sheet, 'Range.merge', 'cells cannot be merged');
      merge(s.wb, t.sheet, t.rect, across, 'Range.merge');
    });
  }
  unmerge(): void {
    this._call('unmerge', [], (t) => {
      refuseOnProtected(t.sheet, 'Range.unmerge', 'cells cannot be unmerged');
      unmerge(t.sheet, t.rect);
    });
  }
  /** No-op: the simulator does not calculate. */
  calculate(): void {
    this._call('calculate', [], () => undefined);
  }
}
defineProperties(RangeProxy, RANGE_SCHEMA as TypeSchema<never>);
