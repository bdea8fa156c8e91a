import { excelError } from '../errors';
import { readValues, writeCells } from '../model/cells';
import { refuseLockedContents } from '../model/protection';
import { type Rect, rowCount } from '../model/rect';
import { normalizeHeaders } from '../model/table-headers';
import { columnOf } from '../model/table-columns';
import { bodyRect, type TableModel } from '../model/table-model';
import type { TypeSchema } from '../proxy/schema';

/** What a TableColumn proxy is bound to (ids survive inserts before the column). */
export interface ColumnTarget {
  readonly table: TableModel;
  readonly id: number;
}

/** What a TableRow proxy is bound to (rows have no identity in Excel either: the index is fixed when bound). */
export interface RowTarget {
  readonly table: TableModel;
  readonly index: number;
}

/** The cells of one table column, header to last row. */
export const columnRect = (c: ColumnTarget): Rect => ({
  ...c.table.rect,
  c0: columnOf(c.table, c.id),
  c1: columnOf(c.table, c.id),
});

/** `Excel.TableColumn`. */
export const TABLE_COLUMN_SCHEMA: TypeSchema<ColumnTarget> = {
  typeName: 'TableColumn',
  props: {
    id: { get: (c) => c.id },
    index: { get: (c) => c.table.columnIds.indexOf(c.id) },
    name: {
      get: (c) => String(c.table.sheet.values.get(c.table.rect.r0, columnOf(c.table, c.id)) ?? ''),
      set: (c, v) => {
        if (typeof v !== 'string' || v === '')
          throw excelError('InvalidArgument', 'TableColumn.name', 'a column name is non-empty text');
        refuseLockedContents(c.table.sheet, { ...columnRect(c), r1: c.table.rect.r0 }, 'TableColumn.name');
        c.table.sheet.values.set(c.table.rect.r0, columnOf(c.table, c.id), v);
        normalizeHeaders(c.table);
      },
    },
    values: {
      get: (c) => readValues(c.table.sheet, columnRect(c)),
      set: (c, v, wb) => {
        refuseLockedContents(c.table.sheet, columnRect(c), 'TableColumn.values');
        writeCells(c.table.sheet, columnRect(c), v, 'TableColumn.values', wb);
        normalizeHeaders(c.table);
      },
    },
  },
  isDead: (c) => c.table.deleted || !c.table.columnIds.includes(c.id),
};

/** `Excel.TableColumnCollection`. */
export const TABLE_COLUMNS_SCHEMA: TypeSchema<TableModel> = {
  typeName: 'TableColumnCollection',
  props: { count: { get: (t) => t.columnIds.length } },
  items: {
    schema: () => TABLE_COLUMN_SCHEMA as TypeSchema<never>,
    list: (t) => t.columnIds.map((id) => ({ table: t, id })),
  },
  isDead: (t) => t.deleted,
};

/** The cells of one table body row. */
export const rowRect = (r: RowTarget): Rect => ({
  ...r.table.rect,
  r0: bodyRect(r.table).r0 + r.index,
  r1: bodyRect(r.table).r0 + r.index,
});

/** `Excel.TableRow`. */
export const TABLE_ROW_SCHEMA: TypeSchema<RowTarget> = {
  typeName: 'TableRow',
  props: {
    index: { get: (r) => r.index },
    values: {
      get: (r) => readValues(r.table.sheet, rowRect(r)),
      set: (r, v, wb) => {
        refuseLockedContents(r.table.sheet, rowRect(r), 'TableRow.values');
        writeCells(r.table.sheet, rowRect(r), v, 'TableRow.values', wb);
      },
    },
  },
  isDead: (r) => r.table.deleted || r.index >= rowCount(bodyRect(r.table)),
};

/** `Excel.TableRowCollection`. */
export const TABLE_ROWS_SCHEMA: TypeSchema<TableModel> = {
  typeName: 'TableRowCollection',
  props: { count: { get: (t) => rowCount(bodyRect(t)) } },
  items: {
    schema: () => TABLE_ROW_SCHEMA as TypeSchema<never>,
    list: (t) => Array.from({ length: rowCount(bodyRect(t)) }, (_, index) => ({ table: t, index })),
  },
  isDead: (t) => t.deleted,
};
