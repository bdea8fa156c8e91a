import { excelError } from '../errors';
import { entireColumns, entireRows } from '../model/range-geometry';
import { type RangeTarget, resolveAddress } from '../model/range-target';
import type { Rect } from '../model/rect';
import type { SheetModel } from '../model/sheet-model';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import type { TypeSchema } from '../proxy/schema';
import { HeaderFooterGroupProxy } from './header-footer';
import { PAGE_LAYOUT_SCHEMA } from './page-layout-schema';
import { RangeProxy } from './range';

type Slot = 'printArea' | 'printTitleRows' | 'printTitleColumns';

/** The simulator's `Excel.PageLayout`: properties and print areas are stored for inspection. */
export class PageLayoutProxy extends ClientObject<SheetModel> {
  /** @internal */ readonly _schema = PAGE_LAYOUT_SCHEMA;
  declare orientation: string;
  declare paperSize: string;
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare blackAndWhite: boolean;
  declare draftMode: boolean;
  declare printGridlines: boolean;
  declare printHeadings: boolean;
  declare printComments: string;
  declare printErrors: string;
  declare printOrder: string;
  declare firstPageNumber: number | '';
  declare zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };

  /** Headers and footers (`Excel.HeaderFooterGroup`), stored with the rest of the page setup. */
  get headersFooters(): HeaderFooterGroupProxy {
    return this._child('headersFooters', (p, b) => new HeaderFooterGroupProxy(this.context, p, b));
  }

  private store(name: string, slot: Slot, value: unknown, shape: (r: Rect) => Rect): void {
    this._call(name, [value], (s, st) => {
      const t: RangeTarget =
        value instanceof RangeProxy
          ? value._require(`PageLayout.${name}`)
          : resolveAddress(st.wb, s, value, `PageLayout.${name}`);
      if (t.sheet !== s)
        throw excelError('InvalidArgument', `PageLayout.${name}`, 'the range is on another sheet');
      s[slot] = shape(t.rect);
    });
  }
  private read(name: string, slot: Slot, nullable: boolean): RangeProxy {
    const [path, binding] = this._methodPath(name, [], (s) => {
      const area = s[slot];
      if (!area && !nullable) throw excelError('ItemNotFound', `PageLayout.${name}`, `no ${slot} is set`);
      return area ? { sheet: s, rect: area } : null;
    });
    return new RangeProxy(this.context, path, binding);
  }

  /** Sets the print area (a Range or an address on this sheet). */
  setPrintArea(printArea: unknown): void {
    this.store('setPrintArea', 'printArea', printArea, (r) => r);
  }
  /** Sets the rows repeated at the top of each page (widened to whole rows). */
  setPrintTitleRows(titleRows: unknown): void {
    this.store('setPrintTitleRows', 'printTitleRows', titleRows, entireRows);
  }
  /** Sets the columns repeated at the left of each page (widened to whole columns). */
  setPrintTitleColumns(titleColumns: unknown): void {
    this.store('setPrintTitleColumns', 'printTitleColumns', titleColumns, entireColumns);
  }
  getPrintArea(): RangeProxy {
    return this.read('getPrintArea', 'printArea', false);
  }
  getPrintAreaOrNullObject(): RangeProxy {
    return this.read('getPrintAreaOrNullObject', 'printArea', true);
  }
  getPrintTitleRows(): RangeProxy {
    return this.read('getPrintTitleRows', 'printTitleRows', false);
  }
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return this.read('getPrintTitleRowsOrNullObject', 'printTitleRows', true);
  }
  getPrintTitleColumns(): RangeProxy {
    return this.read('getPrintTitleColumns', 'printTitleColumns', false);
  }
  getPrintTitleColumnsOrNullObject(): RangeProxy {
    return this.read('getPrintTitleColumnsOrNullObject', 'printTitleColumns', true);
  }
}
defineProperties(PageLayoutProxy, PAGE_LAYOUT_SCHEMA as TypeSchema<never>);
