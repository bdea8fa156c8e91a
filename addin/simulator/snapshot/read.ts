import { columnIndex, parseAddress } from '../model/address';
import type { AttrStore } from '../model/attr-store';
import { referenceFromFormula } from '../model/name-ops';
import { PROTECTION_OPTIONS } from '../model/protection';
import type { Rect } from '../model/rect';
import { SheetModel } from '../model/sheet-model';
import { WorkbookModel } from '../model/workbook-model';
import type { AttrSnapshot, SheetSnapshot, WorkbookSnapshot } from './types';

function rectOf(address: string): Rect {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`snapshot: '${address}' is not an A1 address`);
  return parsed.rect;
}

function restoreAttr<T>(store: AttrStore<T>, data: AttrSnapshot<T>): void {
  store.areas = data.areas.map(([address, value]) => ({ rect: rectOf(address), value }));
  for (const [address, value] of data.cells) {
    const { r0, c0 } = rectOf(address);
    store.cells.set(r0, c0, value);
  }
}

function restoreSheet(data: SheetSnapshot): SheetModel {
  const sheet = new SheetModel(data.id, data.name);
  Object.assign(sheet, {
    visibility: data.visibility,
    tabColor: data.tabColor,
    showGridlines: data.showGridlines,
    frozenRows: data.frozenRows,
    frozenColumns: data.frozenColumns,
    merges: data.merges.map(rectOf),
    printArea: data.printArea === undefined ? undefined : rectOf(data.printArea),
    printTitleRows: data.printTitleRows === undefined ? undefined : rectOf(data.printTitleRows),
    printTitleColumns: data.printTitleColumns === undefined ? undefined : rectOf(data.printTitleColumns),
    protection: data.protection && {
      ...data.protection,
      options: Object.fromEntries(PROTECTION_OPTIONS.map((o) => [o, data.protection?.options[o] === true])),
    },
  });
  for (const [address, value, formula] of data.cells) {
    const { r0, c0 } = rectOf(address);
    if (value !== null) sheet.values.set(r0, c0, value);
    if (formula !== undefined) sheet.formulas.set(r0, c0, formula);
  }
  for (const [key, attr] of Object.entries(data.formats)) restoreAttr(sheet.format(key), attr);
  restoreAttr(sheet.validation, data.validation);
  sheet.conditionalFormats = data.conditionalFormats.map((cf) => ({
    id: cf.id,
    type: cf.type,
    areas: cf.addresses.map(rectOf),
    priority: cf.priority,
    stopIfTrue: cf.stopIfTrue,
    rule: { ...cf.rule },
    format: { ...cf.format },
    deleted: false,
  }));
  for (const [letters, width] of Object.entries(data.columnWidths))
    sheet.columnWidths.set(columnIndex(letters), width);
  for (const [row, height] of Object.entries(data.rowHeights)) sheet.rowHeights.set(Number(row) - 1, height);
  for (const row of data.hiddenRows) sheet.hiddenRows.add(row - 1);
  for (const letters of data.hiddenColumns) sheet.hiddenColumns.add(columnIndex(letters));
  Object.assign(sheet.pageLayout, JSON.parse(JSON.stringify(data.pageLayout)));
  sheet.shapes = (data.shapes ?? []).map((s) => ({ ...s, sheet, type: 'Image', deleted: false }));
  return sheet;
}

/** Rebuilds a workbook model from a snapshot made by toSnapshot (or by an .xlsx importer producing the same shape). */
export function fromSnapshot(data: WorkbookSnapshot): WorkbookModel {
  if (data.version !== 1 || data.sheets.length === 0)
    throw new Error('snapshot: expected version 1 with at least one sheet');
  const wb = new WorkbookModel();
  wb.sheets = data.sheets.map(restoreSheet);
  const sheet = (name: string): SheetModel => {
    const found = wb.sheet(name);
    if (!found) throw new Error(`snapshot: no sheet '${name}'`);
    return found;
  };
  wb.tables = data.tables.map((t) => ({
    id: t.id,
    name: t.name,
    sheet: sheet(t.sheet),
    rect: rectOf(t.address),
    style: t.style,
    showHeaders: t.showHeaders,
    showTotals: t.showTotals,
    showBandedRows: t.showBandedRows,
    showBandedColumns: t.showBandedColumns,
    showFilterButton: t.showFilterButton,
    highlightFirstColumn: t.highlightFirstColumn,
    highlightLastColumn: t.highlightLastColumn,
    columnIds: [...t.columnIds],
    nextColumnId: t.columnIds.reduce((m, id) => Math.max(m, id), 0) + 1,
    deleted: false,
  }));
  wb.names = data.names.map((n) => {
    const scope = n.scope === undefined ? undefined : sheet(n.scope);
    return {
      name: n.name,
      scope,
      ref: referenceFromFormula(wb, n.formula, scope),
      comment: n.comment,
      visible: n.visible,
      deleted: false,
    };
  });
  for (const [key, value] of Object.entries(data.settings))
    wb.settings.set(key, JSON.parse(JSON.stringify(value)));
  wb.calculationMode = data.calculationMode;
  wb.reserveIds([
    ...data.sheets.map((s) => s.id),
    ...data.tables.map((t) => t.id),
    ...data.sheets.flatMap((s) => s.conditionalFormats.map((c) => c.id)),
    ...data.sheets.flatMap((s) => (s.shapes ?? []).map((c) => c.id)),
  ]);
  wb.activeSheet = sheet(data.activeSheet);
  wb.selection = { sheet: sheet(data.selection.sheet), rect: rectOf(data.selection.address) };
  return wb;
}
