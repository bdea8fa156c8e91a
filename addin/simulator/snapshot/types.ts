import type { CellValue } from '../model/cell-input';
import type { ConditionalFormatStyle } from '../model/conditional-model';
import type { ValidationModel } from '../model/validation-model';

/** One stored cell: A1 address, value (null for a formula without a cached value), formula text if any. */
export type CellEntry = [address: string, value: CellValue | null, formula?: string];

/** One stored attribute value: per cell, or over an area (both as A1 addresses). */
export type AttrEntry<T> = [address: string, value: T];

/** An attribute's per-cell values and areas, areas applying first. */
export interface AttrSnapshot<T> {
  readonly cells: AttrEntry<T>[];
  readonly areas: AttrEntry<T>[];
}

/** A conditional format as plain data. */
export interface ConditionalFormatSnapshot {
  readonly id: string;
  readonly type: string;
  readonly addresses: string[];
  readonly priority: number;
  readonly stopIfTrue: boolean;
  readonly rule: Record<string, unknown>;
  readonly format: ConditionalFormatStyle;
}

/** A worksheet as plain data. Column widths are keyed by letter, row heights by 1-based row number, in points. */
export interface SheetSnapshot {
  readonly id: string;
  readonly name: string;
  readonly visibility: string;
  readonly tabColor: string;
  readonly showGridlines: boolean;
  readonly cells: CellEntry[];
  readonly formats: Record<string, AttrSnapshot<unknown>>;
  readonly validation: AttrSnapshot<ValidationModel>;
  readonly conditionalFormats: ConditionalFormatSnapshot[];
  readonly columnWidths: Record<string, number>;
  readonly rowHeights: Record<string, number>;
  readonly hiddenRows: number[];
  readonly hiddenColumns: string[];
  readonly merges: string[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly pageLayout: Record<string, unknown>;
  readonly printArea?: string;
  readonly printTitleRows?: string;
  readonly printTitleColumns?: string;
  /** Present while the sheet is protected: the options it allows and its password, if it has one. */
  readonly protection?: { readonly options: Record<string, boolean>; readonly password?: string };
  /** Pictures over the cells, bottom first (absent in snapshots from before shapes). */
  readonly shapes?: ShapeSnapshot[];
}

/** A picture as plain data: the image as given (base64) and its place and size in points. */
export interface ShapeSnapshot {
  readonly id: string;
  readonly name: string;
  readonly format: 'PNG' | 'JPEG';
  readonly base64: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly altTextTitle: string;
  readonly altTextDescription: string;
}

/** A table as plain data. */
export interface TableSnapshot {
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  readonly style: string;
  readonly showHeaders: boolean;
  readonly showTotals: boolean;
  readonly showBandedRows: boolean;
  readonly showBandedColumns: boolean;
  readonly showFilterButton: boolean;
  readonly highlightFirstColumn: boolean;
  readonly highlightLastColumn: boolean;
  readonly columnIds: number[];
}

/** A defined name as plain data (`scope` is the sheet name for sheet-scoped names). */
export interface NameSnapshot {
  readonly name: string;
  readonly scope?: string;
  readonly formula: string;
  readonly comment: string;
  readonly visible: boolean;
}

/** The whole workbook as JSON-safe plain data, enough to rebuild it or to export it as .xlsx. */
export interface WorkbookSnapshot {
  readonly version: 1;
  readonly sheets: SheetSnapshot[];
  readonly tables: TableSnapshot[];
  readonly names: NameSnapshot[];
  readonly settings: Record<string, unknown>;
  readonly activeSheet: string;
  readonly selection: { readonly sheet: string; readonly address: string };
  readonly calculationMode: string;
}
