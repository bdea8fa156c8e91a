import { oneOf } from '../model/styles';
import type { WorkbookModel } from '../model/workbook-model';
import type { TypeSchema } from '../proxy/schema';
import { NAMES_SCHEMA } from './names-schema';
import { SETTINGS_SCHEMA } from './settings-schema';
import { TABLES_SCHEMA } from './table-schema';
import { WORKSHEETS_SCHEMA } from './worksheet-schema';

/** `Excel.Application`: only the calculation mode is stored; nothing is ever calculated. */
export const APPLICATION_SCHEMA: TypeSchema<WorkbookModel> = {
  typeName: 'Application',
  props: {
    calculationMode: {
      get: (wb) => wb.calculationMode,
      set: (wb, v) =>
        void (wb.calculationMode = oneOf(
          v,
          ['Automatic', 'AutomaticExceptTables', 'Manual'],
          'Application.calculationMode',
        )),
    },
  },
};

/** `Excel.Workbook`. */
export const WORKBOOK_SCHEMA: TypeSchema<WorkbookModel> = {
  typeName: 'Workbook',
  props: { name: { get: () => 'Book1.xlsx' } },
  nav: {
    worksheets: { schema: () => WORKSHEETS_SCHEMA as TypeSchema<never>, target: (wb) => wb },
    tables: { schema: () => TABLES_SCHEMA as TypeSchema<never>, target: (wb) => ({ wb }) },
    names: { schema: () => NAMES_SCHEMA as TypeSchema<never>, target: (wb) => ({ wb }) },
    settings: { schema: () => SETTINGS_SCHEMA as TypeSchema<never>, target: (wb) => wb },
    application: { schema: () => APPLICATION_SCHEMA as TypeSchema<never>, target: (wb) => wb },
  },
};
