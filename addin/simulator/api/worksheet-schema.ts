import { excelError } from '../errors';
import type { SheetModel } from '../model/sheet-model';
import { normalizeColor, oneOf } from '../model/styles';
import type { WorkbookModel } from '../model/workbook-model';
import type { TypeSchema } from '../proxy/schema';
import { NAMES_SCHEMA } from './names-schema';
import { PAGE_LAYOUT_SCHEMA } from './page-layout-schema';
import { SHAPES_SCHEMA } from './shapes';
import { WORKSHEET_PROTECTION_SCHEMA } from './protection';
import { TABLES_SCHEMA } from './table-schema';

function setVisibility(sheet: SheetModel, value: unknown, wb: WorkbookModel): void {
  const v = oneOf(value, ['Visible', 'Hidden', 'VeryHidden'], 'Worksheet.visibility');
  if (v !== 'Visible' && !wb.hasOtherVisible(sheet)) {
    throw excelError('InvalidOperation', 'Worksheet.visibility', 'a workbook must keep one visible sheet');
  }
  sheet.visibility = v;
  if (v !== 'Visible' && wb.activeSheet === sheet)
    wb.activate(wb.sheets.find((s) => s.visibility === 'Visible') as SheetModel);
}

/** `Excel.Worksheet`. */
export const WORKSHEET_SCHEMA: TypeSchema<SheetModel> = {
  typeName: 'Worksheet',
  props: {
    id: { get: (s) => s.id },
    name: {
      get: (s) => s.name,
      set: (s, v, wb) => {
        wb.checkNewSheetName(v, 'Worksheet.name', s);
        s.name = v as string;
      },
    },
    position: {
      get: (s, wb) => wb.sheets.indexOf(s),
      set: (s, v, wb) => wb.moveSheet(s, v, 'Worksheet.position'),
    },
    visibility: { get: (s) => s.visibility, set: setVisibility },
    tabColor: {
      get: (s) => s.tabColor,
      set: (s, v) => void (s.tabColor = v === '' ? '' : normalizeColor(v, 'Worksheet.tabColor')),
    },
    showGridlines: { get: (s) => s.showGridlines, set: (s, v) => void (s.showGridlines = v === true) },
    standardWidth: { get: () => 8.43 },
    standardHeight: { get: () => 15 },
  },
  nav: {
    tables: { schema: () => TABLES_SCHEMA as TypeSchema<never>, target: (s, wb) => ({ wb, sheet: s }) },
    names: { schema: () => NAMES_SCHEMA as TypeSchema<never>, target: (s, wb) => ({ wb, sheet: s }) },
    freezePanes: { schema: () => FREEZE_PANES_SCHEMA as TypeSchema<never>, target: (s) => s },
    pageLayout: { schema: () => PAGE_LAYOUT_SCHEMA as TypeSchema<never>, target: (s) => s },
    protection: { schema: () => WORKSHEET_PROTECTION_SCHEMA as TypeSchema<never>, target: (s) => s },
    shapes: { schema: () => SHAPES_SCHEMA as TypeSchema<never>, target: (s) => s },
  },
  isDead: (s) => s.deleted,
};

/** `Excel.WorksheetCollection`. */
export const WORKSHEETS_SCHEMA: TypeSchema<WorkbookModel> = {
  typeName: 'WorksheetCollection',
  props: {},
  items: { schema: () => WORKSHEET_SCHEMA as TypeSchema<never>, list: (wb) => wb.sheets },
};

/** `Excel.WorksheetFreezePanes`: no scalar properties, only methods. */
export const FREEZE_PANES_SCHEMA: TypeSchema<SheetModel> = {
  typeName: 'WorksheetFreezePanes',
  props: {},
  isDead: (s) => s.deleted,
};
