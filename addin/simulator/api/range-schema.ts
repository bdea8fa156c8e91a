import {
  readFormulas,
  readNumberFormats,
  readText,
  readValues,
  readValueTypes,
  writeCells,
} from '../model/cells';
import { writeNumberFormats } from '../model/formats';
import { refuseFormatCells, refuseFormatLines, refuseLockedContents } from '../model/protection';
import { checkReadSize, type RangeTarget, rangeAddress } from '../model/range-target';
import { cellCount, columnCount, isWholeColumns, isWholeRows, rowCount } from '../model/rect';
import { normalizeTouchedHeaders } from '../model/table-headers';
import { clipToUsed } from '../model/used-range';
import type { WorkbookModel } from '../model/workbook-model';
import type { TypeSchema } from '../proxy/schema';
import { CONDITIONAL_FORMATS_SCHEMA } from './conditional-format-schema';
import { DATA_VALIDATION_SCHEMA } from './data-validation-schema';
import { RANGE_FORMAT_SCHEMA } from './range-format-schema';
import { WORKSHEET_SCHEMA } from './worksheet-schema';

const CELL_READS = new Set([
  'values',
  'formulas',
  'formulasLocal',
  'numberFormat',
  'numberFormatLocal',
  'text',
  'valueTypes',
]);

function writeContents(t: RangeTarget, value: unknown, wb: WorkbookModel, location: string): void {
  refuseLockedContents(t.sheet, t.rect, location);
  writeCells(t.sheet, t.rect, value, location, wb);
  normalizeTouchedHeaders(wb.tables, t.sheet, t.rect);
}

function lines(t: RangeTarget, axis: 'rows' | 'columns'): number[] {
  const [from, to] = axis === 'rows' ? [t.rect.r0, t.rect.r1] : [t.rect.c0, t.rect.c1];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function hiddenState(t: RangeTarget, axis: 'rows' | 'columns'): boolean | null {
  const set = axis === 'rows' ? t.sheet.hiddenRows : t.sheet.hiddenColumns;
  const count = lines(t, axis).filter((i) => set.has(i)).length;
  return count === 0
    ? false
    : count === (axis === 'rows' ? rowCount(t.rect) : columnCount(t.rect))
      ? true
      : null;
}

function setHidden(t: RangeTarget, axis: 'rows' | 'columns', hidden: unknown): void {
  refuseFormatLines(t.sheet, axis, axis === 'rows' ? 'Range.rowHidden' : 'Range.columnHidden');
  const set = axis === 'rows' ? t.sheet.hiddenRows : t.sheet.hiddenColumns;
  for (const i of lines(t, axis))
    if (hidden === true) set.add(i);
    else set.delete(i);
}

/** How Range properties read from and write to the model. */
export const RANGE_SCHEMA: TypeSchema<RangeTarget> = {
  typeName: 'Range',
  props: {
    address: { get: rangeAddress },
    addressLocal: { get: rangeAddress },
    rowCount: { get: (t) => rowCount(t.rect) },
    columnCount: { get: (t) => columnCount(t.rect) },
    rowIndex: { get: (t) => t.rect.r0 },
    columnIndex: { get: (t) => t.rect.c0 },
    cellCount: { get: (t) => cellCount(t.rect) },
    isEntireColumn: { get: (t) => isWholeColumns(t.rect) },
    isEntireRow: { get: (t) => isWholeRows(t.rect) },
    values: {
      get: (t) => readValues(t.sheet, clipToUsed(t.sheet, t.rect)),
      set: (t, v, wb) => writeContents(t, v, wb, 'Range.values'),
    },
    formulas: {
      get: (t) => readFormulas(t.sheet, clipToUsed(t.sheet, t.rect)),
      set: (t, v, wb) => writeContents(t, v, wb, 'Range.formulas'),
    },
    formulasLocal: {
      get: (t) => readFormulas(t.sheet, clipToUsed(t.sheet, t.rect)),
      set: (t, v, wb) => writeContents(t, v, wb, 'Range.formulasLocal'),
    },
    numberFormat: {
      get: (t) => readNumberFormats(t.sheet, clipToUsed(t.sheet, t.rect)),
      set: (t, v) => {
        refuseFormatCells(t.sheet, 'Range.numberFormat');
        writeNumberFormats(t.sheet, t.rect, v, 'Range.numberFormat');
      },
    },
    numberFormatLocal: {
      get: (t) => readNumberFormats(t.sheet, clipToUsed(t.sheet, t.rect)),
      set: (t, v) => {
        refuseFormatCells(t.sheet, 'Range.numberFormatLocal');
        writeNumberFormats(t.sheet, t.rect, v, 'Range.numberFormatLocal');
      },
    },
    text: { get: (t) => readText(t.sheet, clipToUsed(t.sheet, t.rect)) },
    valueTypes: { get: (t) => readValueTypes(t.sheet, clipToUsed(t.sheet, t.rect)) },
    columnHidden: { get: (t) => hiddenState(t, 'columns'), set: (t, v) => setHidden(t, 'columns', v) },
    rowHidden: { get: (t) => hiddenState(t, 'rows'), set: (t, v) => setHidden(t, 'rows', v) },
    hidden: { get: (t) => hiddenState(t, 'rows') === true || hiddenState(t, 'columns') === true },
  },
  nav: {
    format: { schema: () => RANGE_FORMAT_SCHEMA as TypeSchema<never>, target: (t) => t },
    dataValidation: { schema: () => DATA_VALIDATION_SCHEMA as TypeSchema<never>, target: (t) => t },
    conditionalFormats: { schema: () => CONDITIONAL_FORMATS_SCHEMA as TypeSchema<never>, target: (t) => t },
    worksheet: { schema: () => WORKSHEET_SCHEMA as TypeSchema<never>, target: (t) => t.sheet },
  },
  isDead: (t) => t.sheet.deleted,
  checkRead: (t, names) => {
    if (names.some((n) => CELL_READS.has(n))) checkReadSize(t, 'Range.load');
  },
};
