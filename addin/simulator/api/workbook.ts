import { excelError } from '../errors';
import { WORKBOOK_SCHEMA, APPLICATION_SCHEMA } from './workbook-schema';
import type { WorkbookModel } from '../model/workbook-model';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import type { SimRequestContext } from '../proxy/context';
import type { TypeSchema } from '../proxy/schema';
import { NamedItemCollectionProxy } from './names';
import { RangeProxy } from './range';
import { SettingCollectionProxy } from './settings';
import { TableCollectionProxy } from './tables';
import { WorksheetCollectionProxy } from './worksheets';

/** The simulator's `Excel.Application`: calculation calls are accepted and do nothing. */
export class ApplicationProxy extends ClientObject<WorkbookModel> {
  /** @internal */ readonly _schema = APPLICATION_SCHEMA;
  declare calculationMode: string;

  calculate(calculationType?: string): void {
    this._call('calculate', [calculationType], () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this._call('suspendApiCalculationUntilNextSync', [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._call('suspendScreenUpdatingUntilNextSync', [], () => undefined);
  }
}
defineProperties(ApplicationProxy, APPLICATION_SCHEMA as TypeSchema<never>);

/** The simulator's `Excel.Workbook` (`context.workbook`). */
export class WorkbookProxy extends ClientObject<WorkbookModel> {
  /** @internal */ readonly _schema = WORKBOOK_SCHEMA;
  declare readonly name: string;

  constructor(context: SimRequestContext) {
    super(context, { type: 'root', name: 'workbook' }, { kind: 'fixed', target: context._model() });
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._child('worksheets', (p, b) => new WorksheetCollectionProxy(this.context, p, b));
  }
  get tables(): TableCollectionProxy {
    return this._child('tables', (p, b) => new TableCollectionProxy(this.context, p, b));
  }
  get names(): NamedItemCollectionProxy {
    return this._child('names', (p, b) => new NamedItemCollectionProxy(this.context, p, b));
  }
  get settings(): SettingCollectionProxy {
    return this._child('settings', (p, b) => new SettingCollectionProxy(this.context, p, b));
  }
  get application(): ApplicationProxy {
    return this._child('application', (p, b) => new ApplicationProxy(this.context, p, b));
  }

  /**
   * `Workbook.save` (ExcelApi 1.9, ApiNotFound below): 'Save' saves without asking (a new file goes to
   * the default place under its default name), 'Prompt' asks for a name only if it was never saved
   * (https://learn.microsoft.com/javascript/api/excel/excel.savebehavior). Any other value is refused.
   */
  save(saveBehavior: string = 'Save'): void {
    this.context._requireApi('Workbook.save', 9);
    if (saveBehavior !== 'Save' && saveBehavior !== 'Prompt')
      throw excelError(
        'InvalidArgument',
        'Workbook.save',
        `saveBehavior ${String(saveBehavior)}: use Save or Prompt`,
      );
    this._call('save', [saveBehavior], (wb) => {
      wb.saves++;
    });
  }

  /** The selected range (A1 of the active sheet until something is selected). */
  getSelectedRange(): RangeProxy {
    const [path, binding] = this._methodPath('getSelectedRange', [], (wb) => ({
      sheet: wb.selection.sheet,
      rect: wb.selection.rect,
    }));
    return new RangeProxy(this.context, path, binding);
  }
  /** The active cell: the top-left cell of the selection. */
  getActiveCell(): RangeProxy {
    const [path, binding] = this._methodPath('getActiveCell', [], (wb) => {
      const { r0, c0 } = wb.selection.rect;
      return { sheet: wb.selection.sheet, rect: { r0, c0, r1: r0, c1: c0 } };
    });
    return new RangeProxy(this.context, path, binding);
  }
}
defineProperties(WorkbookProxy, WORKBOOK_SCHEMA as TypeSchema<never>);
