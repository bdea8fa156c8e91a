import { columnLetters, formatRect } from '../model/address';
import type { AttrStore } from '../model/attr-store';
import { nameFormula } from '../model/name-ops';
import type { Rect } from '../model/rect';
import type { SheetModel } from '../model/sheet-model';
import type { WorkbookModel } from '../model/workbook-model';
import type { AttrSnapshot, CellEntry, ShapeSnapshot, SheetSnapshot, WorkbookSnapshot } from './types';

const cellAddress = (r: number, c: number): string => formatRect({ r0: r, c0: c, r1: r, c1: c });

function attrSnapshot<T>(store: AttrStore<T>): AttrSnapshot<T> {
  const cells: [string, T][] = [];
  store.cells.forEach((r, c, v) => cells.push([cellAddress(r, c), v]));
  return { cells, areas: store.areas.map((a) => [formatRect(a.rect), a.value]) };
}

function cellsOf(sheet: SheetModel): CellEntry[] {
  const out: CellEntry[] = [];
  const seen = new Set<string>();
  sheet.values.forEach((r, c, v) => {
    const f = sheet.formulas.get(r, c);
    const address = cellAddress(r, c);
    out.push(f === undefined ? [address, v] : [address, v, f]);
    if (f !== undefined) seen.add(address);
  });
  sheet.formulas.forEach((r, c, f) => {
    const address = cellAddress(r, c);
    if (!seen.has(address) && sheet.values.get(r, c) === undefined) out.push([address, null, f]);
  });
  return out;
}

const optionalRect = (key: string, rect: Rect | undefined): Record<string, string> =>
  rect ? { [key]: formatRect(rect) } : {};

/** A sheet's pictures as plain data (the preview draws them from this, without a whole snapshot). */
export function shapesOf(sheet: SheetModel): ShapeSnapshot[] {
  return sheet.shapes.map((s) => ({
    id: s.id,
    name: s.name,
    format: s.format,
    base64: s.base64,
    left: s.left,
    top: s.top,
    width: s.width,
    height: s.height,
    altTextTitle: s.altTextTitle,
    altTextDescription: s.altTextDescription,
  }));
}

function sheetSnapshot(sheet: SheetModel): SheetSnapshot {
  return {
    id: sheet.id,
    name: sheet.name,
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    showGridlines: sheet.showGridlines,
    cells: cellsOf(sheet),
    formats: Object.fromEntries(
      [...sheet.formats].filter(([, s]) => !s.empty).map(([k, s]) => [k, attrSnapshot(s)]),
    ),
    validation: attrSnapshot(sheet.validation),
    conditionalFormats: sheet.conditionalFormats.map((cf) => ({
      id: cf.id,
      type: cf.type,
      addresses: cf.areas.map((a) => formatRect(a)),
      priority: cf.priority,
      stopIfTrue: cf.stopIfTrue,
      rule: { ...cf.rule },
      format: { ...cf.format },
    })),
    columnWidths: Object.fromEntries([...sheet.columnWidths].map(([c, w]) => [columnLetters(c), w])),
    rowHeights: Object.fromEntries([...sheet.rowHeights].map(([r, h]) => [String(r + 1), h])),
    hiddenRows: [...sheet.hiddenRows].map((r) => r + 1),
    hiddenColumns: [...sheet.hiddenColumns].map(columnLetters),
    merges: sheet.merges.map((m) => formatRect(m)),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    pageLayout: JSON.parse(JSON.stringify(sheet.pageLayout)) as Record<string, unknown>,
    ...optionalRect('printArea', sheet.printArea),
    ...optionalRect('printTitleRows', sheet.printTitleRows),
    ...optionalRect('printTitleColumns', sheet.printTitleColumns),
    ...(sheet.protection
      ? { protection: { ...sheet.protection, options: { ...sheet.protection.options } } }
      : {}),
    ...(sheet.shapes.length
      ? {
          shapes: shapesOf(sheet),
        }
      : {}),
  };
}

/** The whole workbook as plain, JSON-safe data. */
export function toSnapshot(wb: WorkbookModel): WorkbookSnapshot {
  return {
    version: 1,
    sheets: wb.sheets.map(sheetSnapshot),
    tables: wb.tables.map((t) => ({
      id: t.id,
      name: t.name,
      sheet: t.sheet.name,
      address: formatRect(t.rect),
      style: t.style,
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      showBandedRows: t.showBandedRows,
      showBandedColumns: t.showBandedColumns,
      showFilterButton: t.showFilterButton,
      highlightFirstColumn: t.highlightFirstColumn,
      highlightLastColumn: t.highlightLastColumn,
      columnIds: [...t.columnIds],
    })),
    names: wb.names.map((n) => ({
      name: n.name,
      ...(n.scope ? { scope: n.scope.name } : {}),
      formula: nameFormula(n),
      comment: n.comment,
      visible: n.visible,
    })),
    settings: JSON.parse(JSON.stringify(Object.fromEntries(wb.settings))) as Record<string, unknown>,
    activeSheet: wb.activeSheet.name,
    selection: { sheet: wb.selection.sheet.name, address: formatRect(wb.selection.rect) },
    calculationMode: wb.calculationMode,
  };
}
