import { AttrStore } from './attr-store';
import type { CellValue } from './cell-input';
import type { ConditionalFormatModel } from './conditional-model';
import { Layer } from './layer';
import type { SheetProtection } from './protection';
import type { ShapeModel } from './shape-model';
import type { Rect } from './rect';
import type { ValidationModel } from './validation-model';

/** One worksheet's content: sparse cell layers plus sheet-level settings. */
export class SheetModel {
  /** Constants, and the cached results of formulas. */
  readonly values = new Layer<CellValue>();
  /** Formula text (starting with `=`) of formula cells. */
  readonly formulas = new Layer<string>();
  /** Formatting attributes by key (see styles.ts), created on first use. */
  readonly formats = new Map<string, AttrStore<unknown>>();
  readonly validation = new AttrStore<ValidationModel>();
  conditionalFormats: ConditionalFormatModel[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  merges: Rect[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  visibility = 'Visible';
  tabColor = '';
  showGridlines = true;
  /** Set while the sheet is protected (`Worksheet.protection.protect`). */
  protection: SheetProtection | undefined = undefined;
  /** Page layout properties that were set, by name (orientation, leftMargin, zoom…). */
  readonly pageLayout: Record<string, unknown> = {};
  printArea: Rect | undefined;
  printTitleRows: Rect | undefined;
  printTitleColumns: Rect | undefined;
  /** Pictures over the cells (`Worksheet.shapes`, ExcelApi 1.9), bottom first; they go with the sheet. */
  shapes: ShapeModel[] = [];
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  /** The store for one formatting attribute. */
  format(key: string): AttrStore<unknown> {
    let store = this.formats.get(key);
    if (!store) this.formats.set(key, (store = new AttrStore<unknown>()));
    return store;
  }
}

/** The default column width in points (8.43 characters of Calibri 11, 64 px). */
export const DEFAULT_COLUMN_WIDTH = 48;
/** The default row height in points (20 px). */
export const DEFAULT_ROW_HEIGHT = 15;
