import { excelError } from '../errors';
import { type RangeTarget, resolveAddress, targetByIndexes } from '../model/range-target';
import type { SheetModel } from '../model/sheet-model';
import { usedRect } from '../model/used-range';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import type { TypeSchema } from '../proxy/schema';
import { FreezePanesProxy } from './freeze-panes';
import { NamedItemCollectionProxy } from './names';
import { PageLayoutProxy } from './page-layout';
import { WorksheetProtectionProxy } from './protection';
import { RangeProxy } from './range';
import { ShapeCollectionProxy } from './shapes';
import { TableCollectionProxy } from './tables';
import { WORKSHEET_SCHEMA } from './worksheet-schema';

/** The simulator's `Excel.Worksheet`. */
export class WorksheetProxy extends ClientObject<SheetModel> {
  /** @internal */ readonly _schema = WORKSHEET_SCHEMA;
  declare readonly id: string;
  declare name: string;
  declare position: number;
  declare visibility: string;
  declare tabColor: string;
  declare showGridlines: boolean;
  declare readonly standardWidth: number;
  declare readonly standardHeight: number;

  get tables(): TableCollectionProxy {
    return this._child('tables', (p, b) => new TableCollectionProxy(this.context, p, b));
  }
  get names(): NamedItemCollectionProxy {
    return this._child('names', (p, b) => new NamedItemCollectionProxy(this.context, p, b));
  }
  get freezePanes(): FreezePanesProxy {
    return this._child('freezePanes', (p, b) => new FreezePanesProxy(this.context, p, b));
  }
  get pageLayout(): PageLayoutProxy {
    this.context._requireApi('Worksheet.pageLayout', 9);
    return this._child('pageLayout', (p, b) => new PageLayoutProxy(this.context, p, b));
  }
  get shapes(): ShapeCollectionProxy {
    this.context._requireApi('Worksheet.shapes', 9);
    return this._child('shapes', (p, b) => new ShapeCollectionProxy(this.context, p, b));
  }
  get protection(): WorksheetProtectionProxy {
    return this._child('protection', (p, b) => new WorksheetProtectionProxy(this.context, p, b));
  }

  private range(
    name: string,
    args: readonly unknown[],
    resolve: (s: SheetModel) => RangeTarget | null,
  ): RangeProxy {
    const [path, binding] = this._methodPath(name, args, resolve);
    return new RangeProxy(this.context, path, binding);
  }

  /** A range by A1 address (or defined name); the whole sheet without one. */
  getRange(address?: string): RangeProxy {
    return this.range('getRange', [address], (s) =>
      resolveAddress(this.context._model(), s, address, 'Worksheet.getRange'),
    );
  }
  /** A range by zero-based start row/column and size. */
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): RangeProxy {
    return this.range('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], (s) =>
      targetByIndexes(s, startRow, startColumn, rowCount, columnCount, 'Worksheet.getRangeByIndexes'),
    );
  }
  /** One cell by zero-based indexes. */
  getCell(row: number, column: number): RangeProxy {
    return this.range('getCell', [row, column], (s) =>
      targetByIndexes(s, row, column, 1, 1, 'Worksheet.getCell'),
    );
  }
  /** The used range; A1 on an empty sheet, as Excel returns. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.range('getUsedRange', [valuesOnly], (s) => ({
      sheet: s,
      rect: usedRect(s, valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 },
    }));
  }
  /** The used range, or a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.range('getUsedRangeOrNullObject', [valuesOnly], (s) => {
      const used = usedRect(s, valuesOnly === true);
      return used ? { sheet: s, rect: used } : null;
    });
  }
  /** Deletes the sheet (never the last visible one). */
  delete(): void {
    this._call('delete', [], (s, st) => st.wb.deleteSheet(s, 'Worksheet.delete'));
  }
  /** Makes the sheet active (hidden sheets cannot be). */
  activate(): void {
    this._call('activate', [], (s, st) => {
      if (s.visibility !== 'Visible')
        throw excelError('InvalidOperation', 'Worksheet.activate', 'the sheet is hidden');
      st.wb.activate(s);
    });
  }
}
defineProperties(WorksheetProxy, WORKSHEET_SCHEMA as TypeSchema<never>);
