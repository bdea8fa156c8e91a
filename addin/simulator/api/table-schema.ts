import { excelError } from '../errors';
import { refuseOnProtected } from '../model/protection';
import type { SheetModel } from '../model/sheet-model';
import type { TableModel } from '../model/table-model';
import { checkTableName } from '../model/table-ops';
import { setShowTotals } from '../model/table-rows';
import type { WorkbookModel } from '../model/workbook-model';
import type { PropSpec, TypeSchema } from '../proxy/schema';
import { TABLE_COLUMNS_SCHEMA, TABLE_ROWS_SCHEMA } from './table-parts-schema';
import { WORKSHEET_SCHEMA } from './worksheet-schema';

/** The tables a collection covers: all of the workbook's, or one sheet's. */
export interface TablesScope {
  readonly wb: WorkbookModel;
  readonly sheet?: SheetModel;
}

/** The tables of a scope, in creation order. */
export function tablesIn(scope: TablesScope): TableModel[] {
  return scope.wb.tables.filter((t) => scope.sheet === undefined || t.sheet === scope.sheet);
}

function flag(name: keyof TableModel & string): PropSpec<TableModel> {
  return {
    get: (t) => t[name],
    set: (t, v) => {
      if (typeof v !== 'boolean')
        throw excelError('InvalidArgument', `Table.${name}`, 'expected true or false');
      (t as unknown as Record<string, unknown>)[name] = v;
    },
  };
}

/** A table's settings do not change while its sheet is protected. */
function guarded(props: Record<string, PropSpec<TableModel>>): Record<string, PropSpec<TableModel>> {
  return Object.fromEntries(
    Object.entries(props).map(([name, spec]) => {
      const set = spec.set;
      if (!set) return [name, spec];
      return [
        name,
        {
          get: spec.get,
          set: (t: TableModel, v: unknown, wb: WorkbookModel) => {
            refuseOnProtected(t.sheet, `Table.${name}`, 'tables cannot change');
            set(t, v, wb);
          },
        },
      ];
    }),
  );
}

/** `Excel.Table`. */
export const TABLE_SCHEMA: TypeSchema<TableModel> = {
  typeName: 'Table',
  props: guarded({
    id: { get: (t) => t.id },
    name: { get: (t) => t.name, set: (t, v, wb) => void (t.name = checkTableName(wb, v, 'Table.name', t)) },
    style: { get: (t) => t.style, set: (t, v) => void (t.style = String(v)) },
    showHeaders: flag('showHeaders'),
    showTotals: {
      get: (t) => t.showTotals,
      set: (t, v, wb) => setShowTotals(wb, t, v === true, 'Table.showTotals'),
    },
    showBandedRows: flag('showBandedRows'),
    showBandedColumns: flag('showBandedColumns'),
    showFilterButton: flag('showFilterButton'),
    highlightFirstColumn: flag('highlightFirstColumn'),
    highlightLastColumn: flag('highlightLastColumn'),
  }),
  nav: {
    columns: { schema: () => TABLE_COLUMNS_SCHEMA as TypeSchema<never>, target: (t) => t },
    rows: { schema: () => TABLE_ROWS_SCHEMA as TypeSchema<never>, target: (t) => t },
    worksheet: { schema: () => WORKSHEET_SCHEMA as TypeSchema<never>, target: (t) => t.sheet },
  },
  isDead: (t) => t.deleted,
};

/** `Excel.TableCollection`. */
export const TABLES_SCHEMA: TypeSchema<TablesScope> = {
  typeName: 'TableCollection',
  props: { count: { get: (s) => tablesIn(s).length } },
  items: { schema: () => TABLE_SCHEMA as TypeSchema<never>, list: tablesIn },
};
