import { excelError } from '../errors';
import type { WorkbookModel } from '../model/workbook-model';
import type { TypeSchema } from '../proxy/schema';

/** What a Setting proxy is bound to: a key in the workbook's settings. */
export interface SettingTarget {
  readonly key: string;
  readonly settings: Map<string, unknown>;
}

/** Settings are stored as JSON in the document, so what comes back is a JSON copy (Dates become strings). */
export function toStored(value: unknown, location: string): unknown {
  if (value === undefined) throw excelError('InvalidArgument', location, 'a setting needs a value');
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** `Excel.Setting`. */
export const SETTING_SCHEMA: TypeSchema<SettingTarget> = {
  typeName: 'Setting',
  props: {
    key: { get: (s) => s.key },
    value: {
      get: (s) => s.settings.get(s.key),
      set: (s, v) => void s.settings.set(s.key, toStored(v, 'Setting.value')),
    },
  },
  isDead: (s) => !s.settings.has(s.key),
};

/** `Excel.SettingCollection`. */
export const SETTINGS_SCHEMA: TypeSchema<WorkbookModel> = {
  typeName: 'SettingCollection',
  props: {},
  items: {
    schema: () => SETTING_SCHEMA as TypeSchema<never>,
    list: (wb) => [...wb.settings.keys()].map((key) => ({ key, settings: wb.settings })),
  },
};
