import {
  DEFAULT_CATEGORY_DEPARTMENTS,
  fieldsAtVersion,
  mapHeaders,
  SCHEMA_VERSION,
  SETTING_ITEMS,
  VALUE_LISTS,
  type RegisterDef,
  type ValueListKey,
} from '../../shared';

/** The rows a newly created register starts with, in its columns' order (settings, lists, participants). */
export function defaultRows(register: RegisterDef): unknown[][] {
  const fields = fieldsAtVersion(register, SCHEMA_VERSION);
  switch (register.key) {
    case 'settings':
      return SETTING_ITEMS.map((s) =>
        fields.map((f) => (f.key === 'item' ? s.label : f.key === 'value' ? s.default : s.note)),
      );
    case 'valueLists': {
      const lists = fields.map((f) => VALUE_LISTS[f.key as ValueListKey].values as readonly string[]);
      const depth = Math.max(...lists.map((l) => l.length));
      return Array.from({ length: depth }, (_, r) => lists.map((l) => l[r] ?? ''));
    }
    case 'categoryDepartments':
      return DEFAULT_CATEGORY_DEPARTMENTS.map((row) =>
        fields.map((f) => (row as Record<string, string>)[f.key] ?? ''),
      );
    default:
      return [];
  }
}

/**
 * Settings items an older or adopted 设置 table lacks, as rows in that table's own column order
 * (an adopted table may have its columns in any order, and extra columns stay empty).
 */
export function missingSettingRows(
  existingItems: readonly unknown[],
  register: RegisterDef,
  headers: readonly string[],
): unknown[][] {
  const have = new Set(existingItems.map((v) => String(v).trim()));
  const at = mapHeaders(register, headers).columnOf;
  const column = (key: string): number | undefined => at.get(key);
  return SETTING_ITEMS.filter((s) => !have.has(s.label)).map((s) => {
    const row: unknown[] = headers.map(() => '');
    const put = (key: string, v: string): void => {
      const i = column(key);
      if (i !== undefined) row[i] = v;
    };
    put('item', s.label);
    put('value', s.default);
    put('note', s.note);
    return row;
  });
}
